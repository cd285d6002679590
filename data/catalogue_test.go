package data_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// referenceClause is one row of testdata/reference-clauses.json, a copy of
// the clause numbers, titles and parents of the shared ISO/IEC 20000-1:2018
// reference, kept in the repository so tests run on a fresh clone.
type referenceClause struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Parent string `json:"parent"`
}

func loadReference(t *testing.T) []referenceClause {
	t.Helper()
	raw, err := os.ReadFile("testdata/reference-clauses.json")
	if err != nil {
		t.Fatalf("read reference: %v", err)
	}
	var ref []referenceClause
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatalf("parse reference: %v", err)
	}
	return ref
}

func loadEmbedded(t *testing.T) *data.Catalogue {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatalf("LoadCatalogue(embedded) = %v", err)
	}
	return cat
}

func TestEmbeddedCatalogueLoads(t *testing.T) {
	cat := loadEmbedded(t)
	if got, want := len(cat.Clauses()), 77; got != want {
		t.Errorf("clauses = %d, want %d", got, want)
	}
}

func TestEmbeddedCatalogueMatchesReference(t *testing.T) {
	ref := loadReference(t)
	got := loadEmbedded(t).Clauses()
	if len(got) != len(ref) {
		t.Fatalf("catalogue has %d clauses, reference has %d", len(got), len(ref))
	}
	for i, want := range ref {
		if got[i].Number != want.Number || got[i].Title != want.Title || got[i].Parent != want.Parent {
			t.Errorf("clause %d = {%q %q parent %q}, want {%q %q parent %q}",
				i, got[i].Number, got[i].Title, got[i].Parent, want.Number, want.Title, want.Parent)
		}
	}
}

// TestEmbeddedFileOrder checks the file itself, before NewCatalogue sorts it:
// the clauses are written in the standard's order and every object carries a
// documents array (possibly empty), so the file reads like the standard.
func TestEmbeddedFileOrder(t *testing.T) {
	raw, err := fs.ReadFile(assets.Content(), data.ClausesFile)
	if err != nil {
		t.Fatal(err)
	}
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &objs); err != nil {
		t.Fatal(err)
	}
	ref := loadReference(t)
	if len(objs) != len(ref) {
		t.Fatalf("file has %d objects, reference has %d", len(objs), len(ref))
	}
	for i, o := range objs {
		var got string
		if err := json.Unmarshal(o["number"], &got); err != nil {
			t.Errorf("object %d: number: %v", i, err)
			continue
		}
		if want := ref[i].Number; got != want {
			t.Errorf("object %d is clause %q, want %q", i, got, want)
		}
		if docs := strings.TrimSpace(string(o["documents"])); !strings.HasPrefix(docs, "[") {
			t.Errorf("clause %s: documents = %q, want a JSON array", got, docs)
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

func TestEmbeddedCatalogueIntegrity(t *testing.T) {
	clauses := loadEmbedded(t).Clauses()
	seen := map[string]bool{}
	var top []string
	for _, cl := range clauses {
		if seen[cl.Number] {
			t.Errorf("clause %s is listed twice", cl.Number)
		}
		seen[cl.Number] = true
	}
	for _, cl := range clauses {
		if cl.Parent == "" {
			top = append(top, cl.Number)
		} else if !seen[cl.Parent] {
			t.Errorf("clause %s: parent %s does not exist", cl.Number, cl.Parent)
		}
		if got, min := len(cl.Guidance), 80; got < min {
			t.Errorf("clause %s: guidance has %d characters, want at least %d", cl.Number, got, min)
		}
		if got := len(sentenceEnd.FindAllString(cl.Guidance, -1)); got < 2 || got > 5 {
			t.Errorf("clause %s: guidance has %d sentences, want 2 to 5", cl.Number, got)
		}
		if strings.ContainsAny(cl.Guidance, "*#`\n") || strings.Contains(cl.Guidance, "](") {
			t.Errorf("clause %s: guidance looks like Markdown, want plain text", cl.Number)
		}
		for i, d := range cl.Documents {
			if d.Kind != data.KindMaintain && d.Kind != data.KindRetain {
				t.Errorf("clause %s document %d: kind %q", cl.Number, i, d.Kind)
			}
			if strings.TrimSpace(d.Text) == "" || strings.HasPrefix(d.Text, "[") {
				t.Errorf("clause %s document %d: text %q", cl.Number, i, d.Text)
			}
		}
	}
	if got, want := top, []string{"4", "5", "6", "7", "8", "9", "10"}; !slices.Equal(got, want) {
		t.Errorf("top-level clauses = %v, want %v", got, want)
	}
}

// valid returns a small consistent clause tree, in scrambled order, for the
// NewCatalogue tests to break one way at a time.
func valid() []data.Clause {
	g := "Some guidance for the clause."
	return []data.Clause{
		{Number: "8.10", Title: "Ten", Parent: "8", Guidance: g},
		{Number: "8.2.1", Title: "Two one", Parent: "8.2", Guidance: g,
			Documents: []data.DocumentedInfo{{Kind: data.KindRetain, Text: "A record"}}},
		{Number: "10", Title: "Improvement", Guidance: g},
		{Number: "8", Title: "Operation", Guidance: g},
		{Number: "8.2", Title: "Two", Parent: "8", Guidance: g,
			Documents: []data.DocumentedInfo{{Kind: data.KindMaintain, Text: "A document"}}},
		{Number: "9", Title: "Evaluation", Guidance: g},
	}
}

func TestNewCatalogueOrdersClauses(t *testing.T) {
	cat, err := data.NewCatalogue(valid())
	if err != nil {
		t.Fatalf("NewCatalogue(valid) = %v", err)
	}
	var got []string
	for _, cl := range cat.Clauses() {
		got = append(got, cl.Number)
	}
	if want := []string{"8", "8.2", "8.2.1", "8.10", "9", "10"}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestNewCatalogueRefuses(t *testing.T) {
	tests := []struct {
		name   string
		mutate func([]data.Clause) []data.Clause
		want   string
	}{
		{"duplicate number", func(c []data.Clause) []data.Clause {
			return append(c, data.Clause{Number: "8.2", Title: "Again", Parent: "8", Guidance: "x"})
		}, "clause 8.2 is listed twice"},
		{"missing parent", func(c []data.Clause) []data.Clause {
			return append(c, data.Clause{Number: "8.7.1", Title: "Orphan", Parent: "8.7", Guidance: "x"})
		}, "clause 8.7.1: parent 8.7 does not exist"},
		{"wrong parent", func(c []data.Clause) []data.Clause {
			c[1].Parent = "8"
			return c
		}, `clause 8.2.1: parent is "8", want "8.2"`},
		{"top level with a parent", func(c []data.Clause) []data.Clause {
			c[2].Parent = "9"
			return c
		}, `clause 10: parent is "9", want ""`},
		{"missing guidance", func(c []data.Clause) []data.Clause {
			c[0].Guidance = ""
			return c
		}, "clause 8.10 has no guidance"},
		{"blank guidance", func(c []data.Clause) []data.Clause {
			c[0].Guidance = " \n\t"
			return c
		}, "clause 8.10 has no guidance"},
		{"missing title", func(c []data.Clause) []data.Clause {
			c[3].Title = "  "
			return c
		}, "clause 8 has no title"},
		{"bad kind", func(c []data.Clause) []data.Clause {
			c[1].Documents[0].Kind = "keep"
			return c
		}, `clause 8.2.1: documented information kind "keep" is neither maintain nor retain`},
		{"empty kind", func(c []data.Clause) []data.Clause {
			c[4].Documents[0].Kind = ""
			return c
		}, `clause 8.2: documented information kind "" is neither maintain nor retain`},
	}
	for _, n := range []string{"", "8.", ".8", "8..2", "8.x", "x", "8 .2", "+8", "8.-1", "08", "8.02", "1e3", "99999999999999999999"} {
		tests = append(tests, struct {
			name   string
			mutate func([]data.Clause) []data.Clause
			want   string
		}{"malformed number " + strconv.Quote(n), func(c []data.Clause) []data.Clause {
			return append(c, data.Clause{Number: n, Title: "Bad", Guidance: "x"})
		}, "clause " + strconv.Quote(n) + ": the number is not like 8.2.3"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := data.NewCatalogue(tt.mutate(valid()))
			if err == nil {
				t.Fatalf("NewCatalogue = %d clauses, nil error; want an error naming %q", len(cat.Clauses()), tt.want)
			}
			if cat != nil {
				t.Errorf("NewCatalogue returned a catalogue with the error %v", err)
			}
			if got, want := data.ErrorCode(err), data.EContent; got != want {
				t.Errorf("code = %q, want %q", got, want)
			}
			if got := data.ErrorMessage(err); !strings.Contains(got, tt.want) {
				t.Errorf("message = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestLoadCatalogueRefuses(t *testing.T) {
	tests := []struct {
		name     string
		fsys     fstest.MapFS
		wantCode string
		wantMsg  string
	}{
		{"no file", fstest.MapFS{}, data.EContent, "clauses.json"},
		{"not JSON", fstest.MapFS{"clauses.json": {Data: []byte("clauses")}}, data.EContent, "cannot be read"},
		{"object, not array", fstest.MapFS{"clauses.json": {Data: []byte(`{"number":"4"}`)}}, data.EContent, "cannot be read"},
		{"number as a number", fstest.MapFS{"clauses.json": {Data: []byte(`[{"number":4}]`)}}, data.EContent, "cannot be read"},
		{"inconsistent", fstest.MapFS{"clauses.json": {Data: []byte(`[{"number":"4.1","parent":"4","title":"T","guidance":"G"}]`)}}, data.EContent, "parent 4 does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := data.LoadCatalogue(tt.fsys)
			if err == nil || cat != nil {
				t.Fatalf("LoadCatalogue = %v, %v; want nil and an error", cat, err)
			}
			if got, want := data.ErrorCode(err), tt.wantCode; got != want {
				t.Errorf("code = %q, want %q (%v)", got, want, err)
			}
			if got, want := err.Error(), tt.wantMsg; !strings.Contains(got, want) {
				t.Errorf("error = %q, want it to contain %q", got, want)
			}
		})
	}
	if _, err := data.LoadCatalogue(fstest.MapFS{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadCatalogue(empty FS) = %v, want fs.ErrNotExist in the chain", err)
	}
}

func numbers(cs []data.Clause) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Number)
	}
	return out
}

func TestCatalogueNavigation(t *testing.T) {
	cat := loadEmbedded(t)
	children := []struct {
		number string
		want   []string
	}{
		{"", []string{"4", "5", "6", "7", "8", "9", "10"}},
		{"8.3.4", []string{"8.3.4.1", "8.3.4.2"}},
		{"8.5", []string{"8.5.1", "8.5.2", "8.5.3"}},
		{"8.7.3", []string{"8.7.3.1", "8.7.3.2", "8.7.3.3"}},
		{"9", []string{"9.1", "9.2", "9.3", "9.4"}},
		{"10.2", []string{}},
		{"8.3.1", []string{}},
		{"11", []string{}},
	}
	for _, tt := range children {
		if got := numbers(cat.Children(tt.number)); !slices.Equal(got, tt.want) {
			t.Errorf("Children(%q) = %v, want %v", tt.number, got, tt.want)
		}
	}

	leaves := []struct {
		number string
		want   bool
	}{
		{"10.2", true},
		{"8.3.1", true},
		{"8.3.4.2", true},
		{"9.2", true},
		{"8.3.4", false},
		{"8", false},
		{"5.2", false},
	}
	for _, tt := range leaves {
		if got := cat.IsLeaf(tt.number); got != tt.want {
			t.Errorf("IsLeaf(%q) = %v, want %v", tt.number, got, tt.want)
		}
	}

	lookups := []struct {
		number    string
		wantOK    bool
		wantTitle string
		wantDepth int
		wantDocs  int
	}{
		{"8.2.3", true, "Control of parties involved in the service lifecycle", 2, 2},
		{"8.3.4.1", true, "Management of external suppliers", 3, 3},
		{"6.3", true, "Plan the service management system", 1, 1},
		{"10", true, "Improvement", 0, 0},
		{"8.3.1", true, "General", 2, 0},
		{"11", false, "", 0, 0},
		{"8.2.3.1", false, "", 0, 0},
		{"", false, "", 0, 0},
	}
	for _, tt := range lookups {
		got, ok := cat.Clause(tt.number)
		if ok != tt.wantOK {
			t.Errorf("Clause(%q) ok = %v, want %v", tt.number, ok, tt.wantOK)
			continue
		}
		if !ok {
			continue
		}
		if got.Number != tt.number || got.Title != tt.wantTitle {
			t.Errorf("Clause(%q) = %q %q, want %q %q", tt.number, got.Number, got.Title, tt.number, tt.wantTitle)
		}
		if got.Depth() != tt.wantDepth {
			t.Errorf("Clause(%q).Depth() = %d, want %d", tt.number, got.Depth(), tt.wantDepth)
		}
		if len(got.Documents) != tt.wantDocs {
			t.Errorf("Clause(%q) has %d documents, want %d", tt.number, len(got.Documents), tt.wantDocs)
		}
	}
}

// TestCatalogueIsImmutable checks that what callers receive cannot change the
// shared catalogue, and that changing the input after NewCatalogue does not
// either.
func TestCatalogueIsImmutable(t *testing.T) {
	in := valid()
	cat, err := data.NewCatalogue(in)
	if err != nil {
		t.Fatal(err)
	}
	in[1].Documents[0].Text = "changed input"

	all := cat.Clauses()
	all[0].Title = "changed copy"
	for i := range all {
		for j := range all[i].Documents {
			all[i].Documents[j].Text = "changed through Clauses"
		}
	}
	cl, _ := cat.Clause("8.2")
	cl.Documents[0].Kind = "changed through Clause"

	for _, c := range []struct {
		number, wantTitle, wantKind, wantText string
	}{
		{"8.2", "Two", data.KindMaintain, "A document"},
		{"8.2.1", "Two one", data.KindRetain, "A record"},
	} {
		got, _ := cat.Clause(c.number)
		if got.Title != c.wantTitle || got.Documents[0].Kind != c.wantKind || got.Documents[0].Text != c.wantText {
			t.Errorf("Clause(%s) = %q %+v, want %q [{%s %s}]", c.number, got.Title, got.Documents, c.wantTitle, c.wantKind, c.wantText)
		}
	}
	if got, want := cat.Clauses()[0].Title, "Operation"; got != want {
		t.Errorf("first title = %q, want %q", got, want)
	}
}

// compareNumbers orders clause numbers part by part, numerically.
func compareNumbers(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x - y
		}
	}
	return len(pa) - len(pb)
}

func FuzzLoadCatalogue(f *testing.F) {
	// A small excerpt of the real catalogue, not the whole file: the engine
	// spends up to a minute minimising each large interesting input, which
	// stalls short runs. The whole file is checked by the tests above.
	if cat, err := data.LoadCatalogue(assets.Content()); err == nil {
		var excerpt []data.Clause
		for _, n := range []string{"8", "8.3", "8.3.1", "8.3.4", "8.3.4.1"} {
			cl, _ := cat.Clause(n)
			excerpt = append(excerpt, cl)
		}
		if raw, err := json.Marshal(excerpt); err == nil {
			f.Add(raw)
		}
	}
	for _, s := range []string{
		``, `[]`, `null`, `{}`, `[null]`, `[{}]`,
		`[{"number":"4","title":"T","guidance":"G","documents":[]}]`,
		`[{"number":"4","title":"T","guidance":"G"},{"number":"4.1","parent":"4","title":"T","guidance":"G","documents":[{"kind":"retain","text":"R"}]}]`,
		`[{"number":"4","title":"T","guidance":"G"},{"number":"4","title":"T","guidance":"G"}]`,
		`[{"number":"4.01","parent":"4","title":"T","guidance":"G"},{"number":"4","title":"T","guidance":"G"}]`,
		`[{"number":"4","title":"T","guidance":"G","documents":[{"kind":"keep"}]}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		cat, err := data.LoadCatalogue(fstest.MapFS{data.ClausesFile: {Data: raw}})
		if err != nil {
			if cat != nil {
				t.Fatalf("LoadCatalogue returned a catalogue and the error %v", err)
			}
			if got, want := data.ErrorCode(err), data.EContent; got != want {
				t.Fatalf("code = %q, want %q (%v)", got, want, err)
			}
			if data.ErrorMessage(err) == "" {
				t.Fatal("error without a message")
			}
			return
		}
		if cat == nil {
			t.Fatal("LoadCatalogue returned nil and no error")
		}
		clauses := cat.Clauses()
		for i, cl := range clauses {
			if i > 0 && compareNumbers(clauses[i-1].Number, cl.Number) >= 0 {
				t.Fatalf("clauses out of order or ambiguous: %q before %q", clauses[i-1].Number, cl.Number)
			}
			got, ok := cat.Clause(cl.Number)
			if !ok || got.Number != cl.Number || got.Title != cl.Title {
				t.Fatalf("Clause(%q) = %q, %v", cl.Number, got.Number, ok)
			}
			if strings.TrimSpace(cl.Title) == "" || strings.TrimSpace(cl.Guidance) == "" {
				t.Fatalf("clause %q accepted without a title or guidance", cl.Number)
			}
			for _, d := range cl.Documents {
				if d.Kind != data.KindMaintain && d.Kind != data.KindRetain {
					t.Fatalf("clause %q accepted with kind %q", cl.Number, d.Kind)
				}
			}
			if cl.Parent != "" {
				if _, ok := cat.Clause(cl.Parent); !ok {
					t.Fatalf("clause %q accepted with missing parent %q", cl.Number, cl.Parent)
				}
				if !slices.Contains(numbers(cat.Children(cl.Parent)), cl.Number) {
					t.Fatalf("Children(%q) misses %q", cl.Parent, cl.Number)
				}
				if cat.IsLeaf(cl.Parent) {
					t.Fatalf("IsLeaf(%q) = true, but %q is its child", cl.Parent, cl.Number)
				}
			}
			if got, want := cat.IsLeaf(cl.Number), len(cat.Children(cl.Number)) == 0; got != want {
				t.Fatalf("IsLeaf(%q) = %v, Children has %d", cl.Number, got, len(cat.Children(cl.Number)))
			}
		}
		if again, err := data.NewCatalogue(clauses); err != nil || len(again.Clauses()) != len(clauses) {
			t.Fatalf("NewCatalogue(Clauses()) = %v", err)
		}
	})
}
