package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// draftToFill lists the values the newest text of a document still marks to
// fill, read back from what was stored.
func draftToFill(e *env, id int64) []string {
	versions, err := e.ws.Versions(e.ctx(), id)
	if err != nil || len(versions) == 0 {
		return nil
	}
	return data.ToFill(versions[0].Body)
}

// addToFill appends the labels not yet in list, keeping the order they came.
func addToFill(list, labels []string) []string {
	for _, l := range labels {
		if !slices.Contains(list, l) {
			list = append(list, l)
		}
	}
	return list
}

// toFillList prints labels one to a line, for a dialog.
func toFillList(labels []string) string {
	return "• " + strings.Join(labels, "\n• ")
}

// showToFill says which values a new draft could not be filled with, so that
// a gap in the text is never a surprise found in print.
func showToFill(e *env, labels []string) {
	if len(labels) == 0 {
		return
	}
	msg := lang.L("These values are not recorded yet:") + "\n\n" +
		toFillList(labels) + "\n\n" +
		lang.L("The draft marks each place where one belongs with [to fill: …]. Record them on the Organisation and People screens, then write them in at each marker.")
	// A list reads down its left edge; an information dialog centres it.
	d := dialog.NewCustom(lang.L("Some values are missing"), lang.L("OK"), wrapLabel(msg), e.win)
	d.Resize(fyne.NewSize(560, 0)) // wide enough to read; as tall as the text needs
	d.Show()
}

// toFillWarning warns, in the approve dialog, of the markers an approval
// would freeze into the document; nil when there are none.
func toFillWarning(body string) *widget.Label {
	labels := data.ToFill(body)
	if len(labels) == 0 {
		return nil
	}
	l := wrapLabel(lang.L("This text still marks values to fill; approving prints the markers as they are:") + "\n" + toFillList(labels))
	l.Importance = widget.DangerImportance
	return l
}

// foretellToFill says, before the user creates them, which values the chosen
// templates need that the workspace does not hold yet; hidden when none.
func foretellToFill(e *env, chosen []data.Template, l *widget.Label) {
	values, err := placeholderValues(e)
	var labels []string
	for _, t := range chosen {
		if err == nil {
			body, _ := values.Fill(t.Body)
			labels = addToFill(labels, data.ToFill(body))
		}
	}
	if len(labels) == 0 {
		l.Hide()
		return
	}
	l.SetText(lang.L("Not recorded yet, so marked [to fill: …] in the draft:") + " " + strings.Join(labels, ", ") + ".")
	l.Show()
}
