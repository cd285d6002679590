package sqlite

import (
	"fmt"
	"path/filepath"
	"testing"

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
	if err := data.SeedDemo(ctx, ws, nil); err != nil {
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
