package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showHistory shows the audit trail of one record: who changed what, when.
func showHistory(e *env, entity, id, title string) {
	entries, err := e.ws.AuditTrail(e.ctx(), entity, id, 200)
	if err != nil {
		e.showErr(err)
		return
	}
	var b strings.Builder
	if len(entries) == 0 {
		b.WriteString(lang.L("No changes recorded."))
	}
	for _, a := range entries {
		fmt.Fprintf(&b, "%s — %s — %s\n", e.dateTime(a.At.Local()), a.Actor, a.Action)
		for _, c := range a.Changes {
			fmt.Fprintf(&b, "    %s: %q → %q\n", c.Field, clip(c.From), clip(c.To))
		}
		b.WriteString("\n")
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("History of")+" "+title, lang.L("Close"), container.NewVScroll(text), e.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}
