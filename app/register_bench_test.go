package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// keepWorkspace writes the large workspace of BenchmarkRegisterScreensMemory
// to a file that outlives the run, to open it in the real window, and
// reuses the file when it exists:
// go test -tags ci ./app -run '^$' -bench RegisterScreensMemory -benchtime 1x -keep-workspace /tmp/big.smsdb
var keepWorkspace = flag.String("keep-workspace", "", "write the benchmark's large workspace to this file")

// fillRegisters gives every register of ws n records, each field holding a
// value of its type; a register is filled after the registers its
// required links point at.
func fillRegisters(tb testing.TB, ws data.Workspace, n int) {
	tb.Helper()
	ctx := data.WithActor(context.Background(), "Daniel Okafor")
	people, err := ws.People(ctx)
	if err != nil || len(people) == 0 {
		tb.Fatalf("people: %v %v", people, err)
	}
	regs, err := ws.Registers(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	ids := map[string][]int64{}
	for len(regs) > 0 {
		var later []data.Register
		for _, reg := range regs {
			if !linksReady(reg, ids) {
				later = append(later, reg)
				continue
			}
			rs := make([]data.Record, n)
			for i := range rs {
				rs[i] = benchRecord(reg, i, people, ids)
			}
			if _, err := ws.SaveRecords(ctx, reg.Key, rs); err != nil {
				tb.Fatalf("%s: %v", reg.Key, err)
			}
			refs, err := ws.RecordRefs(ctx, reg.Key)
			if err != nil {
				tb.Fatal(err)
			}
			for _, r := range refs {
				ids[reg.Key] = append(ids[reg.Key], r.ID)
			}
		}
		if len(later) == len(regs) {
			tb.Fatalf("the required links of %s point in a circle", later[0].Key)
		}
		regs = later
	}
}

func linksReady(reg data.Register, ids map[string][]int64) bool {
	for _, f := range reg.Fields {
		if f.Type == data.FieldLink && f.Required && len(ids[f.Link]) == 0 {
			return false
		}
	}
	return true
}

// benchRecord is record i of reg with every field filled: choices in turn,
// links to records already stored, first choices where a register's rule
// refuses the mix.
func benchRecord(reg data.Register, i int, people []data.Person, ids map[string][]int64) data.Record {
	r := data.NewRecord(reg)
	for _, f := range reg.Fields {
		switch f.Type {
		case data.FieldText:
			r.Set(f.Key, fmt.Sprintf("%s %05d", f.Label, i))
		case data.FieldLongText:
			r.Set(f.Key, "Checked every month by the owner; the notes of the last review are kept with the record.")
		case data.FieldNumber:
			if f.HasRange {
				r.Set(f.Key, data.FormatNumber(f.Min))
			} else {
				r.Set(f.Key, fmt.Sprint(i%100))
			}
		case data.FieldDate:
			r.Set(f.Key, fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28))
		case data.FieldChoice:
			r.Set(f.Key, f.Choices[i%len(f.Choices)].Key)
		case data.FieldPerson:
			r.Set(f.Key, data.FormatIDs([]int64{people[i%len(people)].ID}))
		case data.FieldYesNo:
			r.Set(f.Key, []string{"yes", "no"}[i%2])
		case data.FieldLink:
			if targets := ids[f.Link]; len(targets) > 0 {
				r.Set(f.Key, data.FormatIDs([]int64{targets[i%len(targets)]}))
			}
		}
	}
	if reg.Validate(r) != nil {
		for _, f := range reg.Fields {
			if f.Type == data.FieldChoice {
				r.Set(f.Key, f.Choices[0].Key)
			}
		}
	}
	return r
}

// BenchmarkRegisterScreensMemory: every register screen opened and each
// of its tabs shown, each register holding 10,000 records; reports the
// most heap in use, after a collection, once a screen had all its tabs
// built (the navigation drops a screen when another is shown).
func BenchmarkRegisterScreensMemory(b *testing.B) {
	path := *keepWorkspace
	if path == "" {
		path = filepath.Join(b.TempDir(), "big.smsdb")
	}
	if _, err := os.Stat(path); err != nil {
		ws, err := sqlite.New().Create(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		if err := data.SeedDemoOrganisation(context.Background(), ws, nil); err != nil {
			b.Fatal(err)
		}
		fillRegisters(b, ws, 10000)
		ws.Close()
	}
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		b.Fatal(err)
	}
	var most uint64
	for b.Loop() {
		a := test.NewTempApp(b)
		a.Preferences().SetString(prefActor, "Daniel Okafor")
		u := New(a, Deps{Store: sqlite.New(), Catalogue: cat, Now: fixedNow})
		u.Start(path)
		dismissDialogs(u.win)
		u.win.Resize(fyne.NewSize(1920, 1080))
		for _, group := range data.RegisterGroups() {
			u.show(registerScreenPrefix + group)
			s := u.screen.(*registerScreen)
			for _, reg := range s.regs {
				if v := s.showRegister(reg.Key); v.total != 10000 {
					b.Fatalf("%s: %d records listed", reg.Key, v.total)
				}
				u.win.Canvas().Refresh(u.win.Content())
			}
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse)
		}
		u.closeWorkspace()
	}
	b.ReportMetric(float64(most)/1e6, "MB-heap")
}
