package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// A version approved before effective dates were recorded (schema 4) takes
// effect on the day it was approved, and a document of that time has no
// distribution list yet; both can be set once the file is migrated.
func TestMigrateFromSchema4FrontMatter(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	path := filepath.Join(t.TempDir(), "v4"+data.WorkspaceExt)
	var approved data.Version
	var people map[string]data.Person
	old := createOld(t, path, 4, func(ws *Workspace) {
		people = demoPeopleIn(t, ws)
		approved = versionIn(t, ws, people, "SMS-DOC-02", data.DocApproved)
	})
	old.Close()

	ws := openAt(t, New(), path)
	defer ws.Close()
	versions, err := ws.Versions(ctx, approved.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := approved.ApprovedAt.Date()
	if got, want := versions[0].EffectiveFrom, day(y, m, d); !got.Equal(want) {
		t.Errorf("after migrating, effective from %v, want the day of approval %v", got, want)
	}
	doc, err := ws.Document(ctx, approved.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Distribution != "" {
		t.Errorf("after migrating, distribution = %q, want none", doc.Distribution)
	}
	doc.Distribution = "All staff"
	if _, err := ws.SaveDocument(ctx, doc); err != nil {
		t.Fatalf("save a distribution list in the migrated file: %v", err)
	}
	if p, err := ws.QuickCheck(ctx); err != nil || len(p) != 0 {
		t.Errorf("QuickCheck() after migrating = %v, %v", p, err)
	}
}

// The distribution list is saved, audited, guarded against lost updates
// and refused when too long, as every other field of a document.
func TestDistributionList(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	doc, err := ws.CreateDocument(ctx, policy(people["Daniel Okafor"].ID), policyDraft1)
	if err != nil {
		t.Fatal(err)
	}
	stale := doc
	list := "All staff\nManagement team\nCustomers, on request"
	doc.Distribution = list
	saved, err := ws.SaveDocument(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ws.Document(ctx, doc.ID); err != nil || got.Distribution != list {
		t.Errorf("Document().Distribution = %q, %v; want %q", got.Distribution, err, list)
	}
	trail, err := ws.AuditTrail(ctx, "document", "1", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := trail[0].Changes, []data.FieldChange{{Field: "distribution", To: list}}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("audit entry = %+v, want %+v", got, want)
	}

	stale.Distribution = "Someone else's list"
	if err := errOf(ws.SaveDocument(ctx, stale)); data.ErrorCode(err) != data.EConflict {
		t.Errorf("a save from a stale copy: %v, want a conflict", err)
	}
	saved.Distribution = strings.Repeat("x", data.MaxDistribution+1)
	err = errOf(ws.SaveDocument(ctx, saved))
	var e *data.Error
	if !errors.As(err, &e) || e.Code != data.EInvalid || !strings.Contains(data.FieldMessage(err, "Distribution"), "too long") {
		t.Errorf("a list too long: %v, want it refused as too long", err)
	}
}

// An approval takes effect on its own day unless a later day is chosen; an
// earlier day is refused with a plain message, and nothing is approved.
func TestEffectiveDate(t *testing.T) {
	at := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		effective time.Time
		want      time.Time
		refused   bool
	}{
		{"default", time.Time{}, day(2026, 12, 3), false},
		{"same day", day(2026, 12, 3), day(2026, 12, 3), false},
		{"later", day(2027, 1, 1), day(2027, 1, 1), false},
		{"before", day(2026, 12, 2), time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := actorCtx("Margaret Holloway")
			ws := newWorkspace(t)
			people := demoPeopleIn(t, ws)
			v := versionIn(t, ws, people, "SMS-DOC-02", data.DocInReview)
			a := data.Approval{ApproverID: people["Margaret Holloway"].ID, ChangeSummary: "First issue", At: at, EffectiveFrom: tt.effective}
			got, err := ws.Move(ctx, ws.storedVersion(v.ID), data.Approve, a)
			if tt.refused {
				msg := data.ErrorMessage(err)
				if data.ErrorCode(err) != data.EInvalid || !strings.Contains(msg, "cannot be before the approval on 3 December 2026") {
					t.Errorf("Move() = %v, want a plain refusal", err)
				}
				if data.FieldMessage(err, "EffectiveFrom") == "" {
					t.Errorf("the refusal marks no field: %v", err)
				}
				if s := ws.storedVersion(v.ID); s.Status != data.DocInReview {
					t.Errorf("after the refusal the version is %s", s.Status)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.EffectiveFrom.Equal(tt.want) {
				t.Errorf("effective from %v, want %v", got.EffectiveFrom, tt.want)
			}
		})
	}
}

// The distribution lists and effective dates go into the archive and come
// back when it is restored.
func TestArchiveCarriesFrontMatter(t *testing.T) {
	ctx := context.Background()
	src := demoWorkspace(t)
	arch := writeTemp(t, "demo"+data.ArchiveExt, archiveBytes(t, New(), src))
	out := filepath.Join(t.TempDir(), "restored"+data.WorkspaceExt)
	if _, err := New().Restore(ctx, arch, out); err != nil {
		t.Fatal(err)
	}
	frontMatter := func(path string) []string {
		ws := openAt(t, New(), path)
		defer ws.Close()
		docs, err := ws.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range docs {
			vs, err := ws.Versions(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			approved := ""
			if !vs[0].ApprovedAt.IsZero() {
				approved = vs[0].ApprovedAt.Format(dateLayout)
			}
			out = append(out, d.Number+"|"+d.Distribution+"|"+auditDate(vs[0].EffectiveFrom)+"|"+approved)
		}
		return out
	}
	want := frontMatter(src)
	got := frontMatter(out)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("restored front matter =\n%q\nwant\n%q", got, want)
	}
	lists, later := 0, 0
	for _, f := range want {
		p := strings.Split(f, "|")
		if p[1] != "" {
			lists++
		}
		if p[2] > p[3] {
			later++
		}
	}
	if lists != len(want) || later == 0 {
		t.Errorf("the demo has %d of %d distribution lists and %d later effective dates; want all and some", lists, len(want), later)
	}
}

// An archive written at schema 4 restores with each approved version
// effective from the day it was approved.
func TestRestoreSchema4ArchiveFrontMatter(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	path := filepath.Join(t.TempDir(), "v4"+data.WorkspaceExt)
	var approved data.Version
	old := createOld(t, path, 4, func(ws *Workspace) {
		approved = versionIn(t, ws, demoPeopleIn(t, ws), "SMS-DOC-02", data.DocApproved)
	})
	old.Close()
	arch := writeTemp(t, "v4"+data.ArchiveExt, archiveBytes(t, storeAtSchema(t, 4), path))
	out := filepath.Join(t.TempDir(), "restored"+data.WorkspaceExt)
	if _, err := New().Restore(ctx, arch, out); err != nil {
		t.Fatalf("restore a schema-4 archive: %v", err)
	}
	ws := openAt(t, New(), out)
	defer ws.Close()
	versions, err := ws.Versions(ctx, approved.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := approved.ApprovedAt.Date()
	if got, want := versions[0].EffectiveFrom, day(y, m, d); !got.Equal(want) {
		t.Errorf("restored version effective from %v, want the day of approval %v", got, want)
	}
}
