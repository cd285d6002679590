package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"smsbuilder/data"
	"smsbuilder/reports"
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
	// Drawn as Markdown, as every text of the app is, with the stored
	// values escaped so that they show exactly as typed.
	esc := reports.EscapeMarkdownInline
	for _, a := range entries {
		fmt.Fprintf(&b, "**%s — %s — %s**\n\n", esc(e.dateTime(a.At.Local())), esc(a.Actor), esc(actionLabel(a.Action)))
		for _, c := range a.Changes {
			fmt.Fprintf(&b, "- %s: “%s” → “%s”\n", esc(c.Field), esc(clip(c.From)), esc(clip(c.To)))
		}
		b.WriteString("\n")
	}
	text := newMarkdownView(b.String())
	d := dialog.NewCustom(lang.L("History of")+" "+title, lang.L("Close"), container.NewVScroll(text.box), e.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// actionLabel is an audit action in the words the History shows.
func actionLabel(action string) string {
	switch action {
	case data.ActionCreate:
		return lang.L("created")
	case data.ActionUpdate:
		return lang.L("changed")
	case data.ActionDelete:
		return lang.L("deleted")
	case data.ActionRestore:
		return lang.L("restored")
	}
	return action
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}
