package app

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

func TestDocumentFromTemplateToApprovedVersion(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	if len(s.rows) != 0 {
		t.Fatal("a plain workspace has documents")
	}
	tpl, ok := u.deps.Catalogue.Template("service-management-policy")
	if !ok {
		t.Fatal("no policy template")
	}
	doc, err := createFromTemplate(u.env(), tpl)
	if err != nil {
		t.Fatal(err)
	}
	s.load()
	s.showEditor(doc.ID)
	ed := s.editor
	if strings.Contains(ed.text.Text, "{{org.name}}") || !strings.Contains(ed.text.Text, "Northwind") {
		t.Fatal("the template was not filled from the workspace")
	}

	ed.text.SetText(ed.text.Text + "\n\nAgreed at the board meeting.")
	u.save() // Ctrl+S
	if got := ed.status.Text; !strings.HasPrefix(got, "Draft saved") {
		t.Errorf("status = %q, want the draft saved", got)
	}
	ed.onUndo()
	if strings.Contains(ed.text.Text, "board meeting") {
		t.Error("undo did not put back the previous text")
	}

	ed.move(data.SendForReview, data.Approval{})
	if got, want := ed.current.Status, data.DocInReview; got != want {
		t.Fatalf("status = %s, want %s", got, want)
	}
	people, _ := u.Workspace().People(u.ctx())
	var director, engineer data.Person
	for _, p := range people {
		if p.JobTitle == "Managing Director" {
			director = p
		}
		if p.HasRole(data.RoleInternalAuditor) {
			engineer = p
		}
	}
	if err := u.Workspace().Move(u.ctx(), ed.current.ID, data.Approve, data.Approval{ApproverID: engineer.ID, ChangeSummary: "First issue", At: fixedNow()}); err == nil {
		t.Error("an internal auditor without an approving role approved the policy")
	}
	ed.move(data.Approve, data.Approval{ApproverID: director.ID, ChangeSummary: "First issue", At: fixedNow()})
	if got, want := ed.current.Number(), "1.0"; got != want {
		t.Fatalf("version = %q, want %q", got, want)
	}
	if got, want := ed.current.SHA256, data.HashText(ed.current.Body); got != want {
		t.Errorf("hash = %s, want %s", got, want)
	}
	if !ed.text.Disabled() {
		t.Error("the approved text is editable")
	}
	if err := u.Workspace().SaveDraft(u.ctx(), ed.current.ID, "changed"); err == nil {
		t.Error("the approved text changed")
	}

	ed.onNewDraft(false)
	if got, want := ed.current.Number(), "1.1 draft"; got != want {
		t.Errorf("new draft = %q, want %q", got, want)
	}
	s.load()
	if got, want := s.cell(s.rows[0], 4), "Draft"; got != want {
		t.Errorf("library status = %q, want %q", got, want)
	}
	if s.rows[0].approved == nil || s.cell(s.rows[0], 6) != "2027-11-25" {
		t.Errorf("next review = %q, want 2027-11-25", s.cell(s.rows[0], 6))
	}
}
