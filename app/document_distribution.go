package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onDistribution edits who receives the document. The list belongs to the
// document, not to a version, so it can change at any stage of the
// workflow; it prints in the front matter of every copy.
func (ed *documentEditor) onDistribution() {
	list := newMultiLineField()
	list.Wrapping = fyne.TextWrapWord
	list.SetMinRowsVisible(5)
	list.PlaceHolder = lang.L("One recipient a line: a person, a role or a team")
	list.SetText(ed.doc.Distribution)
	problems := fieldProblems{}
	body := container.NewVBox(
		wrapLabel(lang.L("Who receives this document or must read it. The list prints in the front matter of every copy.")),
		problems.wrap("Distribution", list),
	)
	title := fmt.Sprintf(lang.L("Distribution of %s"), ed.doc.Number)
	showRecordDialog(ed.env.win, title, lang.L("Save"), body, 560, true, problems, func() error {
		d := ed.doc
		d.Distribution = strings.TrimSpace(list.Text)
		saved, err := ed.env.ws.SaveDocument(ed.env.ctx(), d)
		if err != nil {
			return err
		}
		ed.doc = saved
		ed.showRecipients()
		ed.status.SetText(lang.L("Distribution list saved."))
		ed.status.Importance = widget.SuccessImportance
		ed.status.Refresh()
		return nil
	}, ed.reload)
	ed.env.win.Canvas().Focus(list)
}

// distributionTab shows who receives the document, with the button that
// edits the list. It sits in a tab: one more button beside the workflow's
// made the editor wider than a 1024-pixel window.
func (ed *documentEditor) distributionTab() fyne.CanvasObject {
	ed.recipients = widget.NewLabel("")
	ed.recipients.Wrapping = fyne.TextWrapWord
	ed.showRecipients()
	edit := widget.NewButtonWithIcon(lang.L("Edit distribution…"), theme.AccountIcon(), ed.onDistribution)
	if ed.env.ws.ReadOnly() {
		edit.Disable()
	}
	return container.NewVScroll(container.NewVBox(
		wrapLabel(lang.L("Who receives this document or must read it. The list prints in the front matter of every copy.")),
		ed.recipients, container.NewHBox(edit)))
}

// showRecipients puts the stored distribution list in its tab.
func (ed *documentEditor) showRecipients() {
	if ed.recipients == nil {
		return
	}
	if strings.TrimSpace(ed.doc.Distribution) == "" {
		ed.recipients.SetText(lang.L("No distribution list yet: printed copies say it is not yet recorded."))
		ed.recipients.Importance = widget.LowImportance
	} else {
		ed.recipients.SetText(ed.doc.Distribution)
		ed.recipients.Importance = widget.MediumImportance
	}
	ed.recipients.Refresh()
}
