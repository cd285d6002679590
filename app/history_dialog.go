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
			fmt.Fprintf(&b, "- %s: %s\n", esc(fieldLabel(c.Field)), fieldChangeText(a.Action, c, esc))
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

// fieldChangeText is what a change did to one field: the value a record was
// created, deleted or restored with, or the value before and after.
func fieldChangeText(action string, c data.FieldChange, esc func(string) string) string {
	quote := func(v string) string {
		if v == "" {
			return lang.L("(empty)")
		}
		return "“" + esc(clip(v)) + "”"
	}
	switch {
	case action == data.ActionCreate || action == data.ActionRestore:
		return quote(c.To)
	case action == data.ActionDelete && c.To == "":
		return quote(c.From)
	}
	return quote(c.From) + " → " + quote(c.To)
}

// fieldLabel names a field of the audit trail as the screens label it: the
// trail stores column names (job_title), which mean nothing to a reader.
func fieldLabel(field string) string {
	switch field {
	case "address":
		return lang.L("Address")
	case "approved_at":
		return lang.L("Approved on")
	case "approved_by":
		return lang.L("Approved by")
	case "assessor":
		return lang.L("Assessor")
	case "based_on":
		return lang.L("Based on")
	case "body":
		return lang.L("Text")
	case "change_summary":
		return lang.L("Change summary")
	case "clauses":
		return lang.L("Clauses")
	case "date":
		return lang.L("Date")
	case "date_format":
		return lang.L("Date format")
	case "description":
		return lang.L("Details")
	case "distribution":
		return lang.L("Distribution")
	case "document":
		return lang.L("Document")
	case "due":
		return lang.L("Due")
	case "effective_from":
		return lang.L("Effective from")
	case "email":
		return lang.L("E-mail")
	case "evidence":
		return lang.L("Evidence")
	case "exclusions":
		return lang.L("Boundaries and exclusions")
	case "iso9001":
		return lang.L("ISO 9001 (quality)")
	case "iso27001":
		return lang.L("ISO/IEC 27001 (security)")
	case "job_title":
		return lang.L("Job title")
	case "legal_name":
		return lang.L("Legal name")
	case "locations":
		return lang.L("Locations")
	case "logo":
		return lang.L("Logo")
	case "na_reason":
		return lang.L("Reason if not applicable")
	case "name":
		return lang.L("Name")
	case "notes":
		return lang.L("Notes")
	case "number":
		return lang.L("Number")
	case "owner":
		return lang.L("Owner")
	case "paper_size":
		return lang.L("Paper size")
	case "review_due":
		return lang.L("Review due")
	case "roles":
		return lang.L("SMS roles")
	case "scope_statement":
		return lang.L("Scope statement")
	case "score":
		return lang.L("Score")
	case "services":
		return lang.L("Services in scope")
	case "sha256":
		return lang.L("Fingerprint")
	case "short_name":
		return lang.L("Short name")
	case "source_kind":
		return lang.L("Comes from")
	case "source_ref":
		return lang.L("Source")
	case "status":
		return lang.L("Status")
	case "target_date":
		return lang.L("Target certification date")
	case "template_key":
		return lang.L("Template")
	case "title":
		return lang.L("Title")
	case "version":
		return lang.L("Version")
	}
	return strings.ReplaceAll(field, "_", " ")
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}
