package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// maxProblemsShown is how many problems the details list; the command
// line lists them all.
const maxProblemsShown = 8

// integrityBanner is the line under the header that says a workspace was
// changed outside SMS Builder: hidden until the check on opening finds
// something, and until then on every later open.
type integrityBanner struct {
	box      *fyne.Container
	text     *widget.Label
	problems []data.Problem
	path     string
}

func newIntegrityBanner(win func() fyne.Window) *integrityBanner {
	b := &integrityBanner{text: widget.NewLabel("")}
	b.text.Importance = widget.DangerImportance
	b.text.Wrapping = fyne.TextWrapWord
	details := widget.NewButton(lang.L("What was found"), func() { b.showDetails(win()) })
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { b.box.Hide() })
	// buttons first, as in the read-only notice: in reach on a narrow screen
	b.box = container.NewBorder(nil, widget.NewSeparator(), container.NewHBox(widget.NewIcon(theme.ErrorIcon()), details, dismiss), nil, b.text)
	b.box.Hide()
	return b
}

// warnIfChanged runs the quick integrity check on the workspace just
// opened (the audit trail's chain and the approved texts) and, when it
// finds something SMS Builder did not write, says so in the banner. The
// workspace stays open: the user decides what to do.
func (u *UI) warnIfChanged(ws data.Workspace) {
	problems, err := ws.QuickCheck(context.Background())
	if err != nil {
		problems = []data.Problem{{Message: data.ErrorMessage(err)}}
	}
	u.integrity.show(ws.Path(), problems)
}

func (b *integrityBanner) show(path string, problems []data.Problem) {
	b.path, b.problems = path, problems
	if len(problems) == 0 {
		b.box.Hide()
		return
	}
	text := fmt.Sprintf(lang.L("%s was changed by another program, not by SMS Builder: the check on opening found %d problems."), filepath.Base(path), len(problems))
	if len(problems) == 1 {
		text = fmt.Sprintf(lang.L("%s was changed by another program, not by SMS Builder: the check on opening found a problem."), filepath.Base(path))
	}
	b.text.SetText(text)
	b.box.Show()
}

// showDetails lists what the check found, in plain words.
func (b *integrityBanner) showDetails(win fyne.Window) {
	var s strings.Builder
	s.WriteString(lang.L("Approved text or the history of changes was edited, or records were removed, by a program other than SMS Builder:"))
	s.WriteString("\n\n")
	for i, p := range b.problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&s, "• "+lang.L("and %d more")+"\n", len(b.problems)-i)
			break
		}
		s.WriteString("• " + p.Message + "\n")
	}
	s.WriteString("\n")
	fmt.Fprintf(&s, lang.L("The workspace is open as usual. Compare it with a backup, and run \"smsbuilder check %s\" for the full list."), b.path)
	l := widget.NewLabel(s.String())
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("This workspace was changed outside SMS Builder"), lang.L("Close"), container.NewVScroll(l), win)
	d.Resize(fyne.NewSize(680, 420))
	d.Show()
}
