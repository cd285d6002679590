package data_test

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// realContent copies every embedded content file into a MapFS, with the
// sorted list of their paths.
func realContent(f testing.TB) (fstest.MapFS, []string) {
	f.Helper()
	m := fstest.MapFS{}
	var paths []string
	err := fs.WalkDir(assets.Content(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Content(), p)
		m[p] = &fstest.MapFile{Data: b}
		paths = append(paths, p)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	slices.Sort(paths)
	return m, paths
}

// FuzzLoadCatalogueFiles replaces one content file of the real catalogue
// (clauses, roadmap, questions, any template's JSON or Markdown) with
// arbitrary bytes, or removes it: LoadCatalogue either refuses with a
// content error and a message, or returns a catalogue whose every clause,
// step, question and template its lookups find. It never panics.
func FuzzLoadCatalogueFiles(f *testing.F) {
	base, paths := realContent(f)
	for i, p := range paths {
		f.Add(uint16(i), base[p].Data, false)
	}
	f.Add(uint16(0), []byte(nil), true)
	f.Fuzz(func(t *testing.T, which uint16, content []byte, remove bool) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		p := paths[int(which)%len(paths)]
		if remove {
			delete(fsys, p)
		} else {
			fsys[p] = &fstest.MapFile{Data: content}
		}
		cat, err := data.LoadCatalogue(fsys)
		if err != nil {
			if cat != nil || data.ErrorCode(err) != data.EContent || data.ErrorMessage(err) == "" {
				t.Fatalf("%s: refused with %v (catalogue %v), want a content error", p, err, cat != nil)
			}
			return
		}
		for _, cl := range cat.Clauses() {
			if _, ok := cat.Clause(cl.Number); !ok {
				t.Fatalf("%s: clause %q listed but not found", p, cl.Number)
			}
		}
		for _, s := range cat.Steps() {
			if _, ok := cat.Step(s.ID); !ok {
				t.Fatalf("%s: step %q listed but not found", p, s.ID)
			}
		}
		for _, q := range cat.Questions() {
			if _, ok := cat.Question(q.ID); !ok {
				t.Fatalf("%s: question %q listed but not found", p, q.ID)
			}
		}
		for _, tm := range cat.Templates() {
			if _, ok := cat.Template(tm.Key); !ok {
				t.Fatalf("%s: template %q listed but not found", p, tm.Key)
			}
		}
	})
}
