package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

const (
	policyDraft1 = "# Service management policy\n\nNorthwind commits to ...\n"
	policyDraft2 = "# Service management policy\n\nNorthwind Managed IT Ltd commits to meeting the service requirements of its customers.\n"
	policyDraft3 = "# Service management policy\n\nNorthwind Managed IT Ltd commits to meeting the service requirements of its customers and to improving its SMS.\n"
)

// policy is the demo organisation's SMS policy, owned by owner.
func policy(owner int64) data.Document {
	return data.Document{Number: "SMS-DOC-02", Title: "Service management policy", TemplateKey: "sms-policy",
		Clauses: []string{"5.2", "5.3"}, OwnerID: owner}
}

// approval is an approval by p with a change summary.
func approval(p data.Person, summary string) data.Approval {
	return data.Approval{ApproverID: p.ID, ChangeSummary: summary}
}

// docState is everything the document service holds, to show that a
// refused write changed nothing.
type docState struct {
	Documents []data.Document
	Versions  map[int64][]data.Version
	Trail     []data.AuditEntry
}

func docStateOf(t *testing.T, ws *Workspace) docState {
	t.Helper()
	ctx := context.Background()
	var s docState
	var err error
	if s.Documents, err = ws.Documents(ctx); err != nil {
		t.Fatal(err)
	}
	s.Versions = map[int64][]data.Version{}
	for _, d := range s.Documents {
		if s.Versions[d.ID], err = ws.Versions(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	if s.Trail, err = ws.AuditTrail(ctx, "", "", 0); err != nil {
		t.Fatal(err)
	}
	return s
}

// storedText is a version's text and hash as the file holds them.
func storedText(t *testing.T, db *sql.DB, versionID int64) [2]string {
	t.Helper()
	var body, sum string
	if err := db.QueryRow("SELECT body, sha256 FROM document_versions WHERE id = ?", versionID).Scan(&body, &sum); err != nil {
		t.Fatal(err)
	}
	return [2]string{body, sum}
}

// versionIn creates a document numbered number and drives it through the
// workflow until one of its versions has the status; it returns that
// version.
func versionIn(t *testing.T, ws *Workspace, people map[string]data.Person, number string, status data.DocStatus) data.Version {
	t.Helper()
	ctx := actorCtx("Daniel Okafor")
	d := policy(people["Daniel Okafor"].ID)
	d.Number = number
	doc, err := ws.CreateDocument(ctx, d, policyDraft1)
	if err != nil {
		t.Fatal(err)
	}
	first := func() data.Version {
		t.Helper()
		vs, err := ws.Versions(ctx, doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return vs[len(vs)-1]
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	id := first().ID
	margaret := people["Margaret Holloway"]
	switch status {
	case data.DocDraft:
	case data.DocInReview:
		must(errOf(ws.Move(ctx, ws.storedVersion(id), data.SendForReview, data.Approval{})))
	case data.DocApproved, data.DocSuperseded:
		must(errOf(ws.Move(ctx, ws.storedVersion(id), data.SendForReview, data.Approval{})))
		must(errOf(ws.Move(ctx, ws.storedVersion(id), data.Approve, approval(margaret, "First issue"))))
		if status == data.DocSuperseded {
			next, err := ws.NewDraft(ctx, doc.ID, false)
			must(err)
			must(errOf(ws.Move(ctx, ws.storedVersion(next.ID), data.SendForReview, data.Approval{})))
			must(errOf(ws.Move(ctx, ws.storedVersion(next.ID), data.Approve, approval(margaret, "Second issue"))))
		}
	case data.DocWithdrawn:
		must(errOf(ws.Move(ctx, ws.storedVersion(id), data.Withdraw, data.Approval{})))
	default:
		t.Fatalf("versionIn(%q)", status)
	}
	v := first()
	if v.Status != status {
		t.Fatalf("versionIn(%q) made a version %q", status, v.Status)
	}
	return v
}

// The whole life of a controlled document: draft, review, approval, a
// minor revision that supersedes the first issue, and a major revision.
func TestDocumentWorkflow(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "documents"+data.WorkspaceExt)
	ws := createAt(t, s, path)
	people := demoPeopleIn(t, ws)
	daniel, margaret := people["Daniel Okafor"], people["Margaret Holloway"]

	doc, err := ws.CreateDocument(ctx, policy(daniel.ID), policyDraft1)
	if err != nil {
		t.Fatal(err)
	}
	wantDoc := policy(daniel.ID)
	wantDoc.ID, wantDoc.CreatedAt, wantDoc.UpdatedAt, wantDoc.Revision = doc.ID, clock.t, clock.t, 1
	if !reflect.DeepEqual(doc, wantDoc) {
		t.Errorf("CreateDocument() = %+v\nwant %+v", doc, wantDoc)
	}

	check := func(step string, want ...data.Version) {
		t.Helper()
		got, err := ws.Versions(ctx, doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after %s: Versions() =\n%+v\nwant\n%+v", step, got, want)
		}
	}
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	first, err := ws.Versions(ctx, doc.ID)
	must("Versions", err)
	if len(first) != 1 {
		t.Fatalf("a new document has %d versions, want 1", len(first))
	}
	v10 := data.Version{ID: first[0].ID, DocumentID: doc.ID, Major: 1, Minor: 0, Status: data.DocDraft,
		Body: policyDraft1, CreatedAt: clock.t, UpdatedAt: clock.t, Revision: 1}
	check("create", v10)
	if got, want := v10.Number(), "Draft for 1.0"; got != want {
		t.Errorf("Number() = %q, want %q", got, want)
	}

	must("send for review", errOf(ws.Move(ctx, ws.storedVersion(v10.ID), data.SendForReview, data.Approval{})))
	v10.Status, v10.UpdatedAt = data.DocInReview, clock.t
	v10.Revision++
	check("send for review", v10)

	must("back to draft", errOf(ws.Move(ctx, ws.storedVersion(v10.ID), data.BackToDraft, data.Approval{})))
	v10.Status, v10.UpdatedAt = data.DocDraft, clock.t
	v10.Revision++
	check("back to draft", v10)

	must("edit", errOf(ws.SaveDraft(ctx, ws.storedVersion(v10.ID), policyDraft2)))
	v10.Body, v10.UpdatedAt = policyDraft2, clock.t
	v10.Revision++
	check("edit", v10)

	must("send for review again", errOf(ws.Move(ctx, ws.storedVersion(v10.ID), data.SendForReview, data.Approval{})))
	v10.Status, v10.UpdatedAt = data.DocInReview, clock.t
	v10.Revision++
	check("send for review again", v10)

	// Approved just after midnight in Paris, which is the evening before in
	// UTC: the review falls due twelve months after the day as the approver
	// read it.
	cet := time.FixedZone("CET", 3600)
	a := approval(margaret, "First issue.")
	a.At = time.Date(2026, 12, 4, 0, 30, 0, 0, cet)
	must("approve", errOf(ws.Move(ctx, ws.storedVersion(v10.ID), data.Approve, a)))
	v10.Status, v10.UpdatedAt = data.DocApproved, clock.t
	v10.Revision++
	v10.SHA256, v10.ChangeSummary, v10.ApprovedBy = data.HashText(policyDraft2), "First issue.", margaret.ID
	v10.ApprovedAt, v10.ReviewDue = a.At.UTC(), day(2027, 12, 4)
	v10.EffectiveFrom = day(2026, 12, 4) // the approver's day, as for the review
	check("approve", v10)
	if got, want := storedText(t, ws.db, v10.ID), [2]string{policyDraft2, data.HashText(policyDraft2)}; got != want {
		t.Errorf("stored text and hash = %q, want %q", got, want)
	}
	if got, want := v10.ReviewDue, a.ReviewDue(); !got.Equal(want) {
		t.Errorf("review due %v, want %v", got, want)
	}

	v11, err := ws.NewDraft(ctx, doc.ID, false)
	must("new minor draft", err)
	want11 := data.Version{ID: v11.ID, DocumentID: doc.ID, Major: 1, Minor: 1, Status: data.DocDraft,
		Body: policyDraft2, CreatedAt: clock.t, UpdatedAt: clock.t, Revision: 1}
	if !reflect.DeepEqual(v11, want11) {
		t.Errorf("NewDraft(minor) = %+v\nwant %+v", v11, want11)
	}
	check("new minor draft", v11, v10)

	must("edit 1.1", errOf(ws.SaveDraft(ctx, ws.storedVersion(v11.ID), policyDraft3)))
	v11.Body, v11.UpdatedAt = policyDraft3, clock.t
	v11.Revision++
	must("send 1.1 for review", errOf(ws.Move(ctx, ws.storedVersion(v11.ID), data.SendForReview, data.Approval{})))
	v11.Status, v11.UpdatedAt = data.DocInReview, clock.t
	v11.Revision++
	check("send 1.1 for review", v11, v10)

	// Approved now: the approval is dated by the clock.
	must("approve 1.1", errOf(ws.Move(ctx, ws.storedVersion(v11.ID), data.Approve, approval(daniel, "Adds continual improvement."))))
	v11.Status, v11.UpdatedAt = data.DocApproved, clock.t
	v11.Revision++
	v11.SHA256, v11.ChangeSummary, v11.ApprovedBy = data.HashText(policyDraft3), "Adds continual improvement.", daniel.ID
	v11.ApprovedAt, v11.ReviewDue = clock.t, day(2027, 12, 1)
	v11.EffectiveFrom = day(2026, 12, 1)
	v10.Status, v10.UpdatedAt = data.DocSuperseded, clock.t
	v10.Revision++
	check("approve 1.1", v11, v10)
	if got, want := storedText(t, ws.db, v10.ID), [2]string{policyDraft2, data.HashText(policyDraft2)}; got != want {
		t.Errorf("superseded 1.0 text and hash = %q, want %q", got, want)
	}

	v20, err := ws.NewDraft(ctx, doc.ID, true)
	must("new major draft", err)
	want20 := data.Version{ID: v20.ID, DocumentID: doc.ID, Major: 2, Minor: 0, Status: data.DocDraft,
		Body: policyDraft3, CreatedAt: clock.t, UpdatedAt: clock.t, Revision: 1}
	if !reflect.DeepEqual(v20, want20) {
		t.Errorf("NewDraft(major) = %+v\nwant %+v", v20, want20)
	}
	check("new major draft", v20, v11, v10)
	if got, want := []string{v20.Number(), v11.Number(), v10.Number()}, []string{"Draft for 2.0", "1.1", "1.0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("numbers = %q, want %q", got, want)
	}

	// All of it is in the file.
	ws.Close()
	ws = openAt(t, s, path)
	check("reopening", v20, v11, v10)
	got, err := ws.Document(ctx, doc.ID)
	must("Document", err)
	if !reflect.DeepEqual(got, wantDoc) {
		t.Errorf("reopened Document() = %+v\nwant %+v", got, wantDoc)
	}
}

func TestDocumentsListAndSave(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)

	ins := []data.Document{
		{Number: "SMS-PRO-08.5", Title: "Change management procedure", Clauses: []string{"8.5.1"}, OwnerID: people["Tomasz Nowak"].ID},
		{Number: "SMS-DOC-02", Title: "Service management policy", TemplateKey: "sms-policy", OwnerID: people["Daniel Okafor"].ID},
		{Number: "SMS-DOC-01", Title: "Scope of the SMS", TemplateKey: "sms-scope"},
	}
	byNumber := map[string]data.Document{}
	for _, in := range ins {
		d, err := ws.CreateDocument(ctx, in, "")
		if err != nil {
			t.Fatal(err)
		}
		byNumber[in.Number] = d
	}
	list, err := ws.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, d := range list {
		numbers = append(numbers, d.Number)
	}
	if want := []string{"SMS-DOC-01", "SMS-DOC-02", "SMS-PRO-08.5"}; !reflect.DeepEqual(numbers, want) {
		t.Errorf("Documents() numbers = %q, want %q", numbers, want)
	}
	if got := list[0]; got.Clauses != nil || got.OwnerID != 0 {
		t.Errorf("a document without clauses or owner reads back as %+v", got)
	}

	// A new number, title, clauses and owner; the template stays.
	edit := byNumber["SMS-DOC-02"]
	edit.Number, edit.Title, edit.Clauses, edit.OwnerID = "SMS-POL-01", "SMS policy", []string{"5.2"}, people["Margaret Holloway"].ID
	edit.TemplateKey = "something else"
	if err := errOf(ws.SaveDocument(ctx, edit)); err != nil {
		t.Fatal(err)
	}
	edit.TemplateKey, edit.UpdatedAt, edit.Revision = "sms-policy", clock.t, 2
	got, err := ws.Document(ctx, edit.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, edit) {
		t.Errorf("after SaveDocument Document() = %+v\nwant %+v", got, edit)
	}

	// Unchanged: nothing written.
	trail := len(docStateOf(t, ws).Trail)
	if err := errOf(ws.SaveDocument(ctx, got)); err != nil {
		t.Fatal(err)
	}
	if again, _ := ws.Document(ctx, edit.ID); !again.UpdatedAt.Equal(edit.UpdatedAt) || len(docStateOf(t, ws).Trail) != trail {
		t.Errorf("saving an unchanged document wrote something")
	}

	// Owner gone: ON DELETE SET NULL.
	if err := errOf(ws.SaveDocument(ctx, func() data.Document { d := got; d.OwnerID = 0; return d }())); err != nil {
		t.Fatal(err)
	}
	var owner any
	if err := ws.db.QueryRow("SELECT owner_id FROM documents WHERE id = ?", edit.ID).Scan(&owner); err != nil || owner != nil {
		t.Errorf("stored owner_id = %v (%v), want NULL", owner, err)
	}
}

func TestDocumentRefused(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	doc02, err := ws.CreateDocument(ctx, policy(people["Daniel Okafor"].ID), policyDraft1)
	if err != nil {
		t.Fatal(err)
	}
	doc03, err := ws.CreateDocument(ctx, data.Document{Number: "SMS-DOC-03", Title: "SMS plan"}, "")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		do      func() error
		domain  error  // the domain's own validation error, returned as it is
		code    string // else the code,
		field   string // the field marked, if any,
		message string // and part of the message
	}{
		{
			name:   "no number",
			do:     func() error { _, err := ws.CreateDocument(ctx, data.Document{Title: "Untitled"}, ""); return err },
			domain: data.Document{Title: "Untitled"}.Validate(),
		},
		{
			name: "no title on save",
			do: func() error {
				d := doc03
				d.Title = " "
				return errOf(ws.SaveDocument(ctx, d))
			},
			domain: func() error { d := doc03; d.Title = " "; return d.Validate() }(),
		},
		{
			name: "duplicate number",
			do: func() error {
				_, err := ws.CreateDocument(ctx, data.Document{Number: "SMS-DOC-02", Title: "Another policy"}, "")
				return err
			},
			code: data.EExists, field: "Number", message: `The number SMS-DOC-02 is already used by "Service management policy"`,
		},
		{
			name: "duplicate number in other case",
			do: func() error {
				_, err := ws.CreateDocument(ctx, data.Document{Number: "sms-doc-02", Title: "Another policy"}, "")
				return err
			},
			code: data.EExists, field: "Number", message: "The number sms-doc-02 is already used, as SMS-DOC-02,",
		},
		{
			name: "renumbered onto another document",
			do: func() error {
				d := doc03
				d.Number = "SMS-DOC-02"
				return errOf(ws.SaveDocument(ctx, d))
			},
			code: data.EExists, field: "Number", message: "SMS-DOC-02",
		},
		{
			name: "owner who does not exist",
			do: func() error {
				_, err := ws.CreateDocument(ctx, data.Document{Number: "SMS-DOC-04", Title: "Plan", OwnerID: 999}, "")
				return err
			},
			code: data.ENotFound, field: "OwnerID", message: "999",
		},
		{
			name: "owner who does not exist on save",
			do: func() error {
				d := doc03
				d.OwnerID = 999
				return errOf(ws.SaveDocument(ctx, d))
			},
			code: data.ENotFound, field: "OwnerID", message: "999",
		},
		{
			name:    "a second draft",
			do:      func() error { _, err := ws.NewDraft(ctx, doc02.ID, false); return err },
			code:    data.EInvalid,
			message: "SMS-DOC-02 already has a draft, version 1.0: finish it or withdraw it before starting another.",
		},
		{"no such document", func() error { _, err := ws.Document(ctx, 42); return err }, nil, data.ENotFound, "", "document with ID 42"},
		{"no such document's versions", func() error { _, err := ws.Versions(ctx, 42); return err }, nil, data.ENotFound, "", "document with ID 42"},
		{"save no such document", func() error {
			return errOf(ws.SaveDocument(ctx, data.Document{ID: 42, Number: "X", Title: "Y"}))
		}, nil, data.ENotFound, "", "document with ID 42"},
		{"draft of no such document", func() error { _, err := ws.NewDraft(ctx, 42, false); return err }, nil, data.ENotFound, "", "document with ID 42"},
		{"save no such version", func() error { return errOf(ws.SaveDraft(ctx, ws.storedVersion(42), "x")) }, nil, data.ENotFound, "", "version with ID 42"},
		{"move no such version", func() error { return errOf(ws.Move(ctx, ws.storedVersion(42), data.SendForReview, data.Approval{})) }, nil, data.ENotFound, "", "version with ID 42"},
	}
	want := docStateOf(t, ws)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if tt.domain != nil {
				if !reflect.DeepEqual(err, tt.domain) {
					t.Errorf("got %v, want the validation error %v as it is", err, tt.domain)
				}
				wantCode(t, err, data.EInvalid)
			} else {
				e := wantCode(t, err, tt.code)
				if tt.field != "" && data.FieldMessage(e, tt.field) == "" {
					t.Errorf("error %v marks no %s field", e, tt.field)
				}
				if !strings.Contains(e.Message, tt.message) {
					t.Errorf("message %q does not contain %q", e.Message, tt.message)
				}
			}
			if got := docStateOf(t, ws); !reflect.DeepEqual(got, want) {
				t.Errorf("a refused write changed the workspace")
			}
		})
	}
}

// A transition the workflow does not allow is refused with the domain's
// reason and changes nothing.
func TestRefusedTransitions(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	margaret := people["Margaret Holloway"]
	all := []data.Transition{data.SendForReview, data.BackToDraft, data.Approve, data.Withdraw}
	tests := []struct {
		from data.DocStatus
		ts   []data.Transition
	}{
		{data.DocDraft, []data.Transition{data.BackToDraft, data.Approve, "publish"}},
		{data.DocInReview, []data.Transition{data.SendForReview}},
		{data.DocApproved, []data.Transition{data.SendForReview, data.BackToDraft, data.Approve}},
		{data.DocSuperseded, all},
		{data.DocWithdrawn, all},
	}
	for i, tt := range tests {
		v := versionIn(t, ws, people, fmt.Sprintf("SMS-DOC-%02d", i+1), tt.from)
		for _, tr := range tt.ts {
			t.Run(string(tt.from)+" "+string(tr), func(t *testing.T) {
				want := docStateOf(t, ws)
				err := errOf(ws.Move(ctx, ws.storedVersion(v.ID), tr, approval(margaret, "Attempt")))
				if wantErr := data.CheckTransition(tt.from, tr); !reflect.DeepEqual(err, wantErr) {
					t.Errorf("Move() = %v, want %v", err, wantErr)
				}
				wantCode(t, err, data.EInvalid)
				if got := docStateOf(t, ws); !reflect.DeepEqual(got, want) {
					t.Errorf("a refused transition changed the workspace")
				}
			})
		}
	}
}

// Withdrawing an approved version changes only its status: the text, hash
// and approval stay as they were, frozen.
func TestWithdrawApproved(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	v := versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
	if err := errOf(ws.Move(ctx, ws.storedVersion(v.ID), data.Withdraw, data.Approval{ApproverID: 999, ChangeSummary: "ignored"})); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Versions(ctx, v.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	want := v
	want.Status, want.UpdatedAt = data.DocWithdrawn, clock.t
	want.Revision++
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("after Withdraw Versions() = %+v\nwant [%+v]", got, want)
	}
	if got, want := storedText(t, ws.db, v.ID), [2]string{policyDraft1, data.HashText(policyDraft1)}; got != want {
		t.Errorf("withdrawn text and hash = %q, want %q", got, want)
	}
}

// The text of a version that is not a draft cannot be saved: the service
// refuses, and behind it the file refuses any other program.
func TestFrozenText(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	tests := []struct {
		status data.DocStatus
		want   string
	}{
		{data.DocInReview, "Version 1.0 of SMS-DOC-01 is in review; send it back to draft to change it."},
		{data.DocApproved, "Version 1.0 of SMS-DOC-02 is approved and frozen; start a new draft to change it."},
		{data.DocSuperseded, "Version 1.0 of SMS-DOC-03 is superseded and frozen; start a new draft to change the document."},
		{data.DocWithdrawn, "Version 1.0 of SMS-DOC-04 is withdrawn and frozen; start a new draft to change the document."},
	}
	for i, tt := range tests {
		v := versionIn(t, ws, people, fmt.Sprintf("SMS-DOC-%02d", i+1), tt.status)
		t.Run(string(tt.status), func(t *testing.T) {
			before := storedText(t, ws.db, v.ID)
			want := docStateOf(t, ws)
			e := wantCode(t, errOf(ws.SaveDraft(ctx, ws.storedVersion(v.ID), "Changed behind the approver's back")), data.EInvalid)
			if e.Message != tt.want {
				t.Errorf("message %q, want %q", e.Message, tt.want)
			}
			if got := storedText(t, ws.db, v.ID); got != before {
				t.Errorf("stored text and hash = %q, want %q", got, before)
			}
			if got := docStateOf(t, ws); !reflect.DeepEqual(got, want) {
				t.Errorf("a refused SaveDraft changed the workspace")
			}
		})
	}
}

// Another program with its own connection to the file, while the app has it
// open, cannot change or delete approved text either.
func TestFrozenTextOtherConnection(t *testing.T) {
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	approved := versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
	superseded := versionIn(t, ws, people, "SMS-DOC-03", data.DocSuperseded)
	withdrawn := versionIn(t, ws, people, "SMS-DOC-04", data.DocWithdrawn)

	other, err := sql.Open("sqlite", fileURI(ws.abs)+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	id := func(v data.Version) string { return strconv.FormatInt(v.ID, 10) }
	tests := []struct {
		name    string
		version data.Version
		stmt    string
	}{
		{"update the approved text", approved, "UPDATE document_versions SET body = 'Forged' WHERE id = " + id(approved)},
		{"update the approved hash", approved, "UPDATE document_versions SET sha256 = '" + data.HashText("Forged") + "' WHERE id = " + id(approved)},
		{"update text and hash together", approved, "UPDATE document_versions SET body = 'Forged', sha256 = '" + data.HashText("Forged") + "' WHERE id = " + id(approved)},
		{"reopen the approved version as a draft", approved, "UPDATE document_versions SET status = 'draft' WHERE id = " + id(approved)},
		{"delete the approved version", approved, "DELETE FROM document_versions WHERE id = " + id(approved)},
		{"delete the document", approved, "DELETE FROM documents WHERE id = " + strconv.FormatInt(approved.DocumentID, 10)},
		{"update the superseded text", superseded, "UPDATE document_versions SET body = 'Forged' WHERE id = " + id(superseded)},
		{"delete the superseded version", superseded, "DELETE FROM document_versions WHERE id = " + id(superseded)},
		{"update the withdrawn text", withdrawn, "UPDATE document_versions SET body = 'Forged' WHERE id = " + id(withdrawn)},
		{"delete the withdrawn version", withdrawn, "DELETE FROM document_versions WHERE id = " + id(withdrawn)},
	}
	want := docStateOf(t, ws)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storedText(t, ws.db, tt.version.ID)
			_, err := other.Exec(tt.stmt)
			if err == nil || !strings.Contains(err.Error(), "approved text is frozen") {
				t.Errorf("got %v, want the statement refused: approved text is frozen", err)
			}
			if got := storedText(t, other, tt.version.ID); got != before {
				t.Errorf("stored text and hash = %q, want %q", got, before)
			}
		})
	}
	if got := docStateOf(t, ws); !reflect.DeepEqual(got, want) {
		t.Errorf("the refused statements changed the workspace")
	}
}

func TestApprovalRefused(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	margaret, priya := people["Margaret Holloway"], people["Priya Raman"]
	// 1.0 approved and 1.1 in review: a refused approval of 1.1 must leave
	// 1.0 approved.
	v10 := versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
	v11, err := ws.NewDraft(ctx, v10.DocumentID, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := errOf(ws.Move(ctx, ws.storedVersion(v11.ID), data.SendForReview, data.Approval{})); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		a      data.Approval
		domain error  // the domain's refusal, returned as it is
		code   string // else the code
		fields []string
	}{
		{name: "approver without an approving role", a: approval(priya, "Minor edits"), domain: data.CheckApprover(priya)},
		{name: "no change summary", a: approval(margaret, " \n"), code: data.EInvalid, fields: []string{"ChangeSummary"}},
		{name: "no approver", a: data.Approval{ChangeSummary: "Minor edits"}, code: data.EInvalid, fields: []string{"Approver"}},
		{name: "neither", a: data.Approval{}, code: data.EInvalid, fields: []string{"Approver", "ChangeSummary"}},
		{name: "change summary too long", a: approval(margaret, strings.Repeat("x", 2001)), code: data.EInvalid, fields: []string{"ChangeSummary"}},
		{name: "approver who does not exist", a: data.Approval{ApproverID: 999, ChangeSummary: "Minor edits"}, code: data.ENotFound, fields: []string{"Approver"}},
		{name: "approved in year 10000", a: data.Approval{ApproverID: margaret.ID, ChangeSummary: "Minor edits", At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			code: data.EInvalid, fields: []string{"At"}},
		{name: "review after the year 9999", a: data.Approval{ApproverID: margaret.ID, ChangeSummary: "Minor edits", ReviewMonths: 12 * 8000},
			code: data.EInvalid, fields: []string{"ReviewMonths"}},
	}
	want := docStateOf(t, ws)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := errOf(ws.Move(ctx, ws.storedVersion(v11.ID), data.Approve, tt.a))
			if tt.domain != nil {
				if !reflect.DeepEqual(err, tt.domain) {
					t.Errorf("got %v, want %v as it is", err, tt.domain)
				}
			} else {
				e := wantCode(t, err, tt.code)
				var got []string
				for _, f := range e.Fields {
					got = append(got, f.Field)
				}
				if !reflect.DeepEqual(got, tt.fields) {
					t.Errorf("error %v marks fields %q, want %q", e, got, tt.fields)
				}
			}
			if got := docStateOf(t, ws); !reflect.DeepEqual(got, want) {
				t.Errorf("a refused approval changed the workspace")
			}
		})
	}
}

// A new draft is numbered after the highest version ever approved, and
// copies the approved text, or the newest text when none is approved.
func TestNewDraftNumbering(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	tests := []struct {
		name        string
		prepare     func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version // the version whose text is copied
		major       bool
		wantMajor   int
		wantMinor   int
		wantRefused string // the refusal's message, if refused
	}{
		{
			name: "after 1.0 approved, minor",
			prepare: func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version {
				return versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
			},
			wantMajor: 1, wantMinor: 1,
		},
		{
			name: "after 1.0 approved, major",
			prepare: func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version {
				return versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
			},
			major: true, wantMajor: 2, wantMinor: 0,
		},
		{
			name: "after 1.1 approved and then withdrawn",
			prepare: func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version {
				v10 := versionIn(t, ws, people, "SMS-DOC-02", data.DocSuperseded)
				vs, err := ws.Versions(ctx, v10.DocumentID)
				if err != nil {
					t.Fatal(err)
				}
				if err := errOf(ws.Move(ctx, ws.storedVersion(vs[0].ID), data.Withdraw, data.Approval{})); err != nil {
					t.Fatal(err)
				}
				return vs[0]
			},
			wantMajor: 1, wantMinor: 2,
		},
		{
			name: "after a first draft withdrawn",
			prepare: func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version {
				return versionIn(t, ws, people, "SMS-DOC-02", data.DocWithdrawn)
			},
			wantMajor: 1, wantMinor: 0,
		},
		{
			name: "while a version is in review",
			prepare: func(t *testing.T, ws *Workspace, people map[string]data.Person) data.Version {
				return versionIn(t, ws, people, "SMS-DOC-02", data.DocInReview)
			},
			wantRefused: "SMS-DOC-02 has version 1.0 in review: approve it, send it back to draft or withdraw it before starting another draft.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := newWorkspace(t)
			source := tt.prepare(t, ws, demoPeopleIn(t, ws))
			before := docStateOf(t, ws)
			got, err := ws.NewDraft(ctx, source.DocumentID, tt.major)
			if tt.wantRefused != "" {
				e := wantCode(t, err, data.EInvalid)
				if e.Message != tt.wantRefused {
					t.Errorf("message %q, want %q", e.Message, tt.wantRefused)
				}
				if after := docStateOf(t, ws); !reflect.DeepEqual(after, before) {
					t.Errorf("a refused NewDraft changed the workspace")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g, w := [4]any{got.Major, got.Minor, got.Status, got.Body}, [4]any{tt.wantMajor, tt.wantMinor, data.DocDraft, source.Body}; g != w {
				t.Errorf("NewDraft() number, status, text = %v, want %v", g, w)
			}
			if got.SHA256 != "" || got.ApprovedBy != 0 || !got.ApprovedAt.IsZero() || !got.ReviewDue.IsZero() || got.ChangeSummary != "" {
				t.Errorf("a new draft carries approval fields: %+v", got)
			}
		})
	}
}

// Every write leaves its entry in the audit trail, the text summarised.
func TestDocumentAudit(t *testing.T) {
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	daniel, margaret := people["Daniel Okafor"], people["Margaret Holloway"]
	dctx, mctx := actorCtx("Daniel Okafor"), actorCtx("Margaret Holloway")
	summary := func(body string) string {
		return fmt.Sprintf("%d characters, sha256 %s", len([]rune(body)), data.HashText(body)[:12])
	}
	entry := func(actor, entity string, id int64, action string, changes ...data.FieldChange) data.AuditEntry {
		return data.AuditEntry{At: clock.t, Actor: actor, Entity: entity, EntityID: strconv.FormatInt(id, 10), Action: action, Changes: changes}
	}

	doc, err := ws.CreateDocument(dctx, policy(daniel.ID), "")
	if err != nil {
		t.Fatal(err)
	}
	docTrail := []data.AuditEntry{entry("Daniel Okafor", "document", doc.ID, data.ActionCreate,
		data.FieldChange{Field: "number", To: "SMS-DOC-02"},
		data.FieldChange{Field: "title", To: "Service management policy"},
		data.FieldChange{Field: "template_key", To: "sms-policy"},
		data.FieldChange{Field: "clauses", To: "5.2, 5.3"},
		data.FieldChange{Field: "owner", To: "Daniel Okafor"},
	)}
	checkTrail(t, ws, "document", strconv.FormatInt(doc.ID, 10), docTrail)
	vs, err := ws.Versions(dctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	v10 := vs[0].ID
	id10 := strconv.FormatInt(v10, 10)
	trail10 := []data.AuditEntry{entry("Daniel Okafor", "version", v10, data.ActionCreate,
		data.FieldChange{Field: "document", To: "SMS-DOC-02"},
		data.FieldChange{Field: "version", To: "1.0"},
		data.FieldChange{Field: "status", To: "draft"},
		data.FieldChange{Field: "body", To: "empty"},
	)}
	checkTrail(t, ws, "version", id10, trail10)

	edit := doc
	edit.Title, edit.OwnerID = "SMS policy", margaret.ID
	if err := errOf(ws.SaveDocument(mctx, edit)); err != nil {
		t.Fatal(err)
	}
	docTrail = append([]data.AuditEntry{entry("Margaret Holloway", "document", doc.ID, data.ActionUpdate,
		data.FieldChange{Field: "title", From: "Service management policy", To: "SMS policy"},
		data.FieldChange{Field: "owner", From: "Daniel Okafor", To: "Margaret Holloway"},
	)}, docTrail...)
	checkTrail(t, ws, "document", strconv.FormatInt(doc.ID, 10), docTrail)

	steps := []struct {
		name    string
		ctx     context.Context
		do      func(ctx context.Context) error
		actor   string
		changes []data.FieldChange
	}{
		{"first text", dctx, func(ctx context.Context) error { return errOf(ws.SaveDraft(ctx, ws.storedVersion(v10), policyDraft1)) }, "Daniel Okafor",
			[]data.FieldChange{{Field: "body", From: "empty", To: summary(policyDraft1)}}},
		{"a 20 KB text", dctx, func(ctx context.Context) error {
			return errOf(ws.SaveDraft(ctx, ws.storedVersion(v10), strings.Repeat("Ünïcode ", 2560)))
		}, "Daniel Okafor",
			[]data.FieldChange{{Field: "body", From: summary(policyDraft1), To: "20480 characters, sha256 " + data.HashText(strings.Repeat("Ünïcode ", 2560))[:12]}}},
		{"second text", dctx, func(ctx context.Context) error { return errOf(ws.SaveDraft(ctx, ws.storedVersion(v10), policyDraft2)) }, "Daniel Okafor",
			[]data.FieldChange{{Field: "body", From: summary(strings.Repeat("Ünïcode ", 2560)), To: summary(policyDraft2)}}},
		{"send for review", dctx, func(ctx context.Context) error {
			return errOf(ws.Move(ctx, ws.storedVersion(v10), data.SendForReview, data.Approval{}))
		}, "Daniel Okafor",
			[]data.FieldChange{{Field: "status", From: "draft", To: "in-review"}}},
		{"approve", mctx, func(ctx context.Context) error {
			return errOf(ws.Move(ctx, ws.storedVersion(v10), data.Approve, data.Approval{ApproverID: margaret.ID, ChangeSummary: "First issue.", At: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), ReviewMonths: 6}))
		}, "Margaret Holloway",
			[]data.FieldChange{
				{Field: "status", From: "in-review", To: "approved"},
				{Field: "sha256", To: data.HashText(policyDraft2)},
				{Field: "change_summary", To: "First issue."},
				{Field: "approved_by", To: "Margaret Holloway"},
				{Field: "approved_at", To: "2026-12-03T10:00:00.000Z"},
				{Field: "effective_from", To: "2026-12-03"},
				{Field: "review_due", To: "2027-06-03"},
			}},
	}
	for _, st := range steps {
		if err := st.do(st.ctx); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		trail10 = append([]data.AuditEntry{entry(st.actor, "version", v10, data.ActionUpdate, st.changes...)}, trail10...)
		checkTrail(t, ws, "version", id10, trail10)
	}

	// Saving the same text again writes nothing.
	v11, err := ws.NewDraft(dctx, doc.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	id11 := strconv.FormatInt(v11.ID, 10)
	trail11 := []data.AuditEntry{entry("Daniel Okafor", "version", v11.ID, data.ActionCreate,
		data.FieldChange{Field: "document", To: "SMS-DOC-02"},
		data.FieldChange{Field: "version", To: "1.1"},
		data.FieldChange{Field: "status", To: "draft"},
		data.FieldChange{Field: "body", To: summary(policyDraft2)},
		data.FieldChange{Field: "based_on", To: "1.0"},
	)}
	checkTrail(t, ws, "version", id11, trail11)
	if err := errOf(ws.SaveDraft(dctx, ws.storedVersion(v11.ID), policyDraft2)); err != nil {
		t.Fatal(err)
	}
	checkTrail(t, ws, "version", id11, trail11)

	// Approving 1.1 supersedes 1.0, each with its own entry.
	for _, tr := range []data.Transition{data.SendForReview, data.Approve} {
		if err := errOf(ws.Move(mctx, ws.storedVersion(v11.ID), tr, approval(margaret, "Reviewed, no change."))); err != nil {
			t.Fatal(err)
		}
	}
	trail10 = append([]data.AuditEntry{entry("Margaret Holloway", "version", v10, data.ActionUpdate,
		data.FieldChange{Field: "status", From: "approved", To: "superseded"})}, trail10...)
	checkTrail(t, ws, "version", id10, trail10)
	got, err := ws.AuditTrail(dctx, "version", id11, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Changes[0] != (data.FieldChange{Field: "status", From: "in-review", To: "approved"}) || len(got[0].Changes) != 7 {
		t.Errorf("last entry of 1.1 = %+v, want its approval", got)
	}

	// No entry carries a whole text.
	all, err := ws.AuditTrail(dctx, "version", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		for _, c := range e.Changes {
			if len(c.From) > 100 || len(c.To) > 100 {
				t.Errorf("entry %d %s holds %d and %d bytes", e.ID, c.Field, len(c.From), len(c.To))
			}
		}
	}
}

func TestDocumentsReadOnly(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	dir := t.TempDir()
	path := filepath.Join(dir, "readonly"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	people := demoPeopleIn(t, ws)
	draft := versionIn(t, ws, people, "SMS-DOC-01", data.DocDraft)
	review := versionIn(t, ws, people, "SMS-DOC-02", data.DocInReview)
	approved := versionIn(t, ws, people, "SMS-DOC-03", data.DocApproved)
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, path)
	ro := openAt(t, New(), path)
	if !ro.ReadOnly() {
		t.Fatal("ReadOnly() = false for a file that may not be written")
	}
	want := docStateOf(t, ro)
	if len(want.Documents) != 3 {
		t.Fatalf("a read-only workspace reads back %d documents, want 3", len(want.Documents))
	}
	doc := want.Documents[0]
	doc.Title = "Changed"
	writes := []struct {
		name string
		do   func() error
	}{
		{"CreateDocument", func() error {
			_, err := ro.CreateDocument(ctx, data.Document{Number: "SMS-DOC-09", Title: "New"}, "")
			return err
		}},
		{"CreateDocument invalid", func() error { _, err := ro.CreateDocument(ctx, data.Document{}, ""); return err }},
		{"SaveDocument", func() error { return errOf(ro.SaveDocument(ctx, doc)) }},
		{"SaveDraft", func() error { return errOf(ro.SaveDraft(ctx, ro.storedVersion(draft.ID), "Changed")) }},
		{"SaveDraft of approved text", func() error { return errOf(ro.SaveDraft(ctx, ro.storedVersion(approved.ID), "Changed")) }},
		{"NewDraft", func() error { _, err := ro.NewDraft(ctx, approved.DocumentID, false); return err }},
		{"Move", func() error {
			return errOf(ro.Move(ctx, ro.storedVersion(draft.ID), data.SendForReview, data.Approval{}))
		}},
		{"Move approve", func() error {
			return errOf(ro.Move(ctx, ro.storedVersion(review.ID), data.Approve, approval(people["Margaret Holloway"], "First issue")))
		}},
	}
	for _, wr := range writes {
		e := wantCode(t, wr.do(), data.EReadOnly)
		if !contains(e.Message, "read-only") || !contains(e.Message, filepath.Base(path)) {
			t.Errorf("%s: message %q does not say the file is read-only", wr.name, e.Message)
		}
	}
	if got := docStateOf(t, ro); !reflect.DeepEqual(got, want) {
		t.Errorf("refused writes changed the workspace")
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("the read-only file changed: got %+v, want %+v", got, before)
	}
}

// A workspace saved before documents existed (schema 2) opens with all its
// records, a copy of it as it was, and the document tables ready for use.
func TestMigrateFromSchema2(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "v2"+data.WorkspaceExt)
	var r records
	old := createOld(t, path, 2, func(ws *Workspace) {
		if err := errOf(ws.SaveOrganisation(ctx, data.DemoOrganisation())); err != nil {
			t.Fatal(err)
		}
		r = seedRecords(t, ws)
	})
	want := contentsOf(t, old)
	asItWas := dumpFile(t, path)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	// Check reads a schema-2 file, which has no document tables.
	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [4]any{report.SchemaVersion, report.NeedsMigrate, report.Tasks, report.Documents}, [4]any{2, true, 1, 0}; got != want {
		t.Errorf("Check() schema, needs migrate, tasks, documents = %v, want %v", got, want)
	}

	s := New()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return at }
	ws := openAt(t, s, path)
	if got, want := ws.SchemaVersion(), newestSchema(t); got != want {
		t.Errorf("SchemaVersion() = %d, want %d", got, want)
	}
	wantBackup := path + fmt.Sprintf(".before-v%d-20261201T090000Z.bak", newestSchema(t))
	if got := ws.BackupPath(); got != wantBackup {
		t.Errorf("BackupPath() = %q, want %q", got, wantBackup)
	}
	if got := contentsOf(t, ws); !reflect.DeepEqual(got, want) {
		t.Errorf("after migrating the workspace holds\n%+v\nwant\n%+v", got, want)
	}
	backup := openAt(t, storeAtSchema(t, 2), wantBackup)
	if got := dumpFile(t, wantBackup); backup.SchemaVersion() != 2 || !reflect.DeepEqual(got, asItWas) {
		t.Errorf("the backup (schema %d) differs from the file as it was", backup.SchemaVersion())
	}
	backup.Close()

	for _, table := range []string{"documents", "document_versions"} {
		if got := countRows(t, ws, "SELECT count(*) FROM "+table); got != 0 {
			t.Errorf("new table %s has %d rows, want 0", table, got)
		}
	}
	for _, trigger := range []string{"document_versions_frozen_text", "document_versions_frozen_status", "document_versions_frozen_delete"} {
		if got := countRows(t, ws, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", trigger); got != 1 {
			t.Errorf("trigger %s missing", trigger)
		}
	}

	// Documents work in the migrated file, owned and approved by the people
	// it already had.
	v := versionIn(t, ws, r.people, "SMS-DOC-02", data.DocApproved)
	if v.ApprovedBy != r.people["Margaret Holloway"].ID {
		t.Errorf("approved by %d, want Margaret Holloway (%d)", v.ApprovedBy, r.people["Margaret Holloway"].ID)
	}
	if got := contentsOf(t, ws); !reflect.DeepEqual(got.People, want.People) || !reflect.DeepEqual(got.Tasks, want.Tasks) {
		t.Errorf("using documents changed the earlier records")
	}
	ws.Close()
	report, err = New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [3]any{report.SchemaVersion, report.NeedsMigrate, report.Documents}, [3]any{newestSchema(t), false, 1}; got != want {
		t.Errorf("Check() after use: schema, needs migrate, documents = %v, want %v", got, want)
	}
}

// Deleting a person leaves the documents they owned without an owner and
// the versions they approved without an approver, says so in each record's
// trail, and leaves the approved text as it was.
func TestDocumentPeopleDeleted(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	margaret := people["Margaret Holloway"]
	v10 := versionIn(t, ws, people, "SMS-DOC-02", data.DocSuperseded) // approved by Margaret, as is 1.1
	doc, err := ws.Document(ctx, v10.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	doc.OwnerID = margaret.ID
	if err := errOf(ws.SaveDocument(ctx, doc)); err != nil {
		t.Fatal(err)
	}
	before, err := ws.Versions(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := ws.DeletePerson(ctx, margaret); err != nil {
		t.Fatal(err)
	}
	at := clock.t
	got, err := ws.Document(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.OwnerID != 0 {
		t.Errorf("document owner after deleting Margaret = %d, want none", got.OwnerID)
	}
	after, err := ws.Versions(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range after {
		want := before[i]
		want.ApprovedBy = 0
		want.Revision++ // a copy read before is stale
		if !reflect.DeepEqual(v, want) {
			t.Errorf("version %s after deleting its approver = %+v\nwant %+v", v.Number(), v, want)
		}
		wantLast := data.AuditEntry{At: at, Actor: "Daniel Okafor", Entity: "version", EntityID: strconv.FormatInt(v.ID, 10),
			Action: data.ActionUpdate, Changes: []data.FieldChange{{Field: "approved_by", From: "Margaret Holloway"}}}
		last, err := ws.AuditTrail(ctx, "version", wantLast.EntityID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(last) == 1 {
			wantLast.ID = last[0].ID
		}
		if !reflect.DeepEqual(last, []data.AuditEntry{wantLast}) {
			t.Errorf("last entry of version %s = %+v\nwant %+v", v.Number(), last, wantLast)
		}
	}
	last, err := ws.AuditTrail(ctx, "document", strconv.FormatInt(doc.ID, 10), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != 1 || !reflect.DeepEqual(last[0].Changes, []data.FieldChange{{Field: "owner", From: "Margaret Holloway"}}) {
		t.Errorf("last entry of the document = %+v, want its owner gone", last)
	}
}
