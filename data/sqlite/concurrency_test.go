package sqlite

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"smsbuilder/data"
)

func TestFileURI(t *testing.T) {
	tests := []struct{ abs, want string }{
		{"/home/q/Northwind.smsdb", "file:/home/q/Northwind.smsdb"},
		{"/home/q/a b & c.smsdb", "file:/home/q/a b & c.smsdb"},
		{"/home/q/50%?mode=ro#1.smsdb", "file:/home/q/50%25%3Fmode=ro%231.smsdb"},
		{"//server/share/w.smsdb", "file:////server/share/w.smsdb"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.abs); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.abs, got, tt.want)
		}
	}
}

// The GUI calls a workspace from several goroutines.
func TestConcurrentWrites(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	const workers, each = 6, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				if _, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Worker %d person %d", w, i)}); err != nil {
					errs <- err
				}
				if _, err := ws.People(ctx); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got, want := countRows(t, ws, "SELECT count(*) FROM people"), workers*each; got != want {
		t.Errorf("%d people, want %d", got, want)
	}
	if got, want := countRows(t, ws, "SELECT count(*) FROM audit_trail"), workers*each; got != want {
		t.Errorf("%d audit entries, want %d", got, want)
	}
}

// The same file open twice (two windows, or the command line beside the
// GUI): the first writes while the second, read-only, reads beside it and
// sees every change, and Check reads it while it is open.
func TestTwoOpeners(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "shared"+data.WorkspaceExt)
	s := New()
	a := createAt(t, s, path)
	b := openAt(t, s, path)
	if !b.ReadOnly() {
		t.Fatal("the second opener may write")
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 20 {
			if _, err := a.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Person %d", i)}); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Go(func() {
		for range 20 {
			if _, err := b.People(ctx); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
	for _, ws := range []*Workspace{a, b} {
		people, err := ws.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(people), 20; got != want {
			t.Errorf("%d people seen, want %d", got, want)
		}
	}
	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if report.People != 20 || report.AuditEntries != 20 || !report.OK() {
		t.Errorf("Check() while open = %+v, want 20 people and 20 entries", report)
	}
	a.Close()
	b.Close()
	// Neither opened it for writing (the first created it), so no daily
	// copy was made.
	if got, want := dirNames(t, dir), []string{"shared.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("after both closed the folder holds %q, want %q", got, want)
	}
}
