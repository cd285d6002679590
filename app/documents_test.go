package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// newPolicyEditor creates the service management policy from its template,
// opens it in the editor of the Documents screen and tailors it: its
// prompts taken out, so that it can be approved.
func newPolicyEditor(t *testing.T, u *UI) (*documentEditor, data.Document) {
	t.Helper()
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
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
	tailor(s.editor)
	return s.editor, doc
}

func TestDocumentFromTemplateToApprovedVersion(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenDocuments)
	if len(u.screen.(*documentsScreen).rows) != 0 {
		t.Fatal("a plain workspace has documents")
	}
	ed, _ := newPolicyEditor(t, u)
	s := u.screen.(*documentsScreen)
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
	if _, err := u.Workspace().Move(u.ctx(), ed.current, data.Approve, data.Approval{ApproverID: engineer.ID, ChangeSummary: "First issue", At: fixedNow()}); err == nil {
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
	if _, err := u.Workspace().SaveDraft(u.ctx(), ed.current, "changed"); err == nil {
		t.Error("the approved text changed")
	}

	ed.onNewDraft(false)
	if got, want := ed.current.Number(), "Draft for 1.1"; got != want {
		t.Errorf("new draft = %q, want %q", got, want)
	}
	s.load()
	if got, want := s.cell(s.rows[0], 4), "Draft"; got != want {
		t.Errorf("library status = %q, want %q", got, want)
	}
	if s.rows[0].approved == nil || s.cell(s.rows[0], 7) != "25 November 2027" {
		t.Errorf("next review = %q, want 25 November 2027, in the workspace's date format", s.cell(s.rows[0], 7))
	}
}

// TestApprovedDocumentPrintsInTheManualWithItsVersionAndHash walks the whole
// path: a plain workspace, one document from its template, approved, the
// manual printed, and the document found in the PDF's stamps.
func TestApprovedDocumentPrintsInTheManualWithItsVersionAndHash(t *testing.T) {
	u, path := newPlainUI(t)
	tpl, _ := u.deps.Catalogue.Template("scope-statement")
	doc, err := createFromTemplate(u.env(), tpl)
	if err != nil {
		t.Fatal(err)
	}
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	s.showEditor(doc.ID)
	ed := s.editor
	ed.text.SetText(data.RemovePrompts(ed.text.Text) + "\n\nReviewed with the service desk.")
	ed.move(data.SendForReview, data.Approval{})
	people, _ := u.Workspace().People(u.ctx())
	var director int64
	for _, p := range people {
		if p.HasRole(data.RoleTopManagement) {
			director = p.ID
		}
	}
	ed.move(data.Approve, data.Approval{ApproverID: director, ChangeSummary: "First issue", At: fixedNow()})

	out := filepath.Join(filepath.Dir(path), "manual.pdf")
	if err := writePack(context.Background(), u.env(), "manual", reports.Options{Now: fixedNow()}, out, nil); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stamps, err := reports.ReadStamps(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(stamps) != 1 {
		t.Fatalf("stamps = %+v, want the one approved document", stamps)
	}
	got := stamps[0]
	if got.Number != tpl.Number || got.Version != "1.0" || got.SHA256 != ed.current.SHA256 || got.Draft {
		t.Errorf("stamp = %+v, want %s 1.0 with hash %s", got, tpl.Number, ed.current.SHA256)
	}
}
