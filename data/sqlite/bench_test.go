package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

func BenchmarkSavePerson(b *testing.B) {
	ctx := actorCtx("Bench")
	ws := newWorkspace(b)
	roles := []data.Role{{Kind: data.RoleProcessOwner, Process: "Incident management"}, {Kind: data.RoleInternalAuditor}}
	i := 0
	for b.Loop() {
		i++
		if _, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Person %d", i), JobTitle: "Engineer", Roles: roles}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	ctx := actorCtx("Bench")
	path := filepath.Join(b.TempDir(), "bench"+data.WorkspaceExt)
	ws := createAt(b, New(), path)
	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		b.Fatal(err)
	}
	for i := range 500 {
		if _, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Person %d", i)}); err != nil {
			b.Fatal(err)
		}
	}
	ws.Close()
	s := New()
	for b.Loop() {
		w, err := s.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPeople500(b *testing.B) {
	ctx := actorCtx("Bench")
	ws := newWorkspace(b)
	for i := range 500 {
		if _, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Person %d", i), Roles: []data.Role{{Kind: data.RoleTopManagement}}}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := ws.People(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveAnswer changes one answer, with its audit entry, per
// iteration.
func BenchmarkSaveAnswer(b *testing.B) {
	ctx := actorCtx("Bench")
	ws := newWorkspace(b)
	a, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		// The score differs from the one before, so every save writes.
		if err := errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: a.ID, QuestionID: "q-8.2.3-1", Score: i % 5, Notes: "Reviewed with the process owner"})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswers reads an assessment of 150 answers, about the size of a
// full gap assessment.
func BenchmarkAnswers(b *testing.B) {
	ctx := actorCtx("Bench")
	ws := newWorkspace(b)
	a, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 150 {
		ans := data.Answer{AssessmentID: a.ID, QuestionID: fmt.Sprintf("q-%d.%d-%d", 4+i%7, 1+i%5, 1+i/35), Score: i % 5,
			Notes: "Seen in the March review; the owner agrees the gap.", Evidence: fmt.Sprintf("NW-REC-%03d", i)}
		if err := errOf(ws.SaveAnswer(ctx, ans)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := ws.Answers(ctx, a.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 150 {
			b.Fatalf("Answers() = %d answers, want 150", len(got))
		}
	}
}

// BenchmarkSaveDraft replaces a 20 KB draft, with its audit entry, per
// iteration: about the size of a long procedure.
func BenchmarkSaveDraft(b *testing.B) {
	ctx := actorCtx("Bench")
	ws := newWorkspace(b)
	doc, err := ws.CreateDocument(ctx, data.Document{Number: "SMS-PRO-08.5", Title: "Change management procedure"}, "")
	if err != nil {
		b.Fatal(err)
	}
	vs, err := ws.Versions(ctx, doc.ID)
	if err != nil {
		b.Fatal(err)
	}
	para := "Every change is recorded, assessed for risk and impact, approved by the change authority and reviewed after it is made.\n\n"
	base := strings.Repeat(para, 20*1024/len(para))
	b.SetBytes(int64(len(base) + 8))
	i := 0
	for b.Loop() {
		i++
		// The text differs from the one before, so every save writes.
		if err := errOf(ws.SaveDraft(ctx, ws.storedVersion(vs[0].ID), fmt.Sprintf("%s%08d", base, i))); err != nil {
			b.Fatal(err)
		}
	}
}
