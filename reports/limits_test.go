package reports

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"smsbuilder/data"
)

func TestCut(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"Northwind", 500, "Northwind"},
		{strings.Repeat("é", 500), 500, strings.Repeat("é", 500)},
		{strings.Repeat("N", 5<<20), 5, "NNNNN… [cut: 5,242,880 characters]"},
		{"ÉÉÉÉÉÉ", 2, "ÉÉ… [cut: 6 characters]"},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.limit); got != tt.want {
			t.Errorf("cut(%.20q, %d) = %.60q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

// nestingDepth is how deep lists and block quotes nest in Markdown source.
func nestingDepth(src string) int {
	root := newMarkdown().Parser().Parse(text.NewReader([]byte(src)))
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		if n.Kind() == ast.KindList || n.Kind() == ast.KindBlockquote {
			depth++
			deepest = max(deepest, depth)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return deepest
}

func TestFlattenDeep(t *testing.T) {
	deep := func(line func(i int) string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(line(i) + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		src  string
	}{
		{"list indented two spaces a level", deep(func(i int) string { return strings.Repeat("  ", i) + "- item" }, 300)},
		{"ordered list indented three", deep(func(i int) string { return strings.Repeat("   ", i) + "1. item" }, 300)},
		{"list with tabs", deep(func(i int) string { return strings.Repeat("\t", i) + "* item" }, 300)},
		{"markers on one line", strings.Repeat("- ", 2000) + "item\n"},
		{"block quotes", strings.Repeat("> ", 2000) + "item\n"},
		{"quotes and lists", deep(func(i int) string { return strings.Repeat("> - ", i) + "item" }, 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flattenDeep(tt.src)
			if d := nestingDepth(got); d > 2*maxNesting {
				t.Errorf("flattened, the text still nests %d levels deep", d)
			}
			if want, n := strings.Count(tt.src, "item"), strings.Count(got, "item"); n != want {
				t.Errorf("flattening kept %d of %d items", n, want)
			}
		})
	}
	// what people write is left exactly as it is
	cat := realCatalogue(t)
	if cat == nil {
		t.Skip("no catalogue")
	}
	shallow := "- a\n  - b\n    - c\n      > d\n      > > e\n\n1. one\n   2. two\n\n    code\n\n---\n- - -\n"
	for _, src := range append([]string{shallow}, templateBodies(cat)...) {
		if got := flattenDeep(src); got != src {
			t.Errorf("flattenDeep changed text that nests only %d levels:\n%.200s", nestingDepth(src), src)
		}
	}
}

func templateBodies(cat *data.Catalogue) []string {
	var out []string
	for _, tm := range cat.Templates() {
		out = append(out, tm.Body)
	}
	return out
}

// withLongName stores a 5 MB organisation name in the workspace behind the
// app's back, as any SQLite tool can, and reads the source again.
func withLongName(t testing.TB, ws data.Workspace, cat *data.Catalogue) Source {
	t.Helper()
	db, err := sql.Open("sqlite", ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	long := strings.Repeat("N", 5<<20)
	if _, err := db.Exec("UPDATE organisation SET legal_name = ?", long); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE people SET name = ? WHERE id = (SELECT min(id) FROM people)", long); err != nil {
		t.Fatal(err)
	}
	src, err := LoadSource(context.Background(), ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestOverlongValuesPrintCut prints the manual from a workspace whose
// organisation and one person have 5 MB names: the names print cut with a
// mark saying how long they are, and the manual grows by pages, not by
// thousands of them.
func TestOverlongValuesPrintCut(t *testing.T) {
	normal, ws, cat := demoSource(t, true)
	pages := readPDF(t, buildPack(t, "manual", normal, Options{Now: fixedNow})).PageCount
	long := withLongName(t, ws, cat)
	b := buildPack(t, "manual", long, Options{Now: fixedNow})
	if got := readPDF(t, b).PageCount; got > pages*3/2 {
		t.Errorf("with 5 MB names the manual has %d pages, the normal one %d", got, pages)
	}
	text := squeeze(pdfText(t, b, 0))
	if !strings.Contains(text, "[cut: 5,242,880 characters]") {
		t.Error("the manual does not mark the cut names")
	}
	if strings.Contains(text, strings.Repeat("N", limitName+1)) {
		t.Errorf("the manual prints more than %d characters of a name", limitName)
	}
	if len(long.Org.LegalName) != 5<<20 {
		t.Error("printing changed the caller's source")
	}
}

// BenchmarkManualLongName builds the policy manual from the demo workspace
// and from the same workspace with 5 MB organisation and person names.
func BenchmarkManualLongName(b *testing.B) {
	normal, ws, cat := demoSource(b, true)
	long := withLongName(b, ws, cat)
	for _, bc := range []struct {
		name string
		src  Source
	}{{"demo", normal}, {"5MB-names", long}} {
		b.Run(bc.name, func(b *testing.B) {
			opts := Options{Now: fixedNow}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := Build(context.Background(), "manual", bc.src, opts, &buf, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
