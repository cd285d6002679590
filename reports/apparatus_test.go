package reports

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// TestManualNumberedHeadings: a document's headings carry its number, in
// the text and in the outline, under the document's own bookmark; the
// single-document pack numbers them the same way and lists them in its
// contents.
func TestManualNumberedHeadings(t *testing.T) {
	src, _, _ := demoSource(t, true)
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		b := buildPack(t, "manual", src, Options{Now: fixedNow, Paper: paper})
		titles, pages := bookmarkTitles(t, readPDF(t, b))
		doc := slices.Index(titles, "SMS-DOC-02 Service Management Policy")
		if doc < 0 || doc+1 >= len(titles) {
			t.Fatalf("%s: no bookmark of SMS-DOC-02: %q", paper, titles)
		}
		if got, want := titles[doc+1], "2.1 Purpose"; got != want {
			t.Errorf("%s: first bookmark under SMS-DOC-02 = %q, want %q", paper, got, want)
		}
		var history string
		for _, title := range titles[doc+1:] {
			if strings.HasSuffix(title, " Revision history") {
				history = title
				break
			}
		}
		if !strings.HasPrefix(history, "2.") {
			t.Errorf("%s: the revision history of SMS-DOC-02 is %q, want it numbered 2.n", paper, history)
		}
		if i := slices.Index(titles, "8.1 Purpose"); i >= 0 {
			t.Errorf("%s: SMS-DOC-08 is not approved and must not be printed, yet %q is bookmarked", paper, titles[i])
		}
		text := rawText(t, b, pages["2.1 Purpose"], pages["2.1 Purpose"])
		if !strings.Contains(text, "2.1 Purpose") {
			t.Errorf("%s: the page of 2.1 Purpose does not print the number: %s", paper, text)
		}
	}

	b, err := buildDocument(t, src, "SMS-DOC-12", false)
	if err != nil {
		t.Fatal(err)
	}
	titles, pages := bookmarkTitles(t, readPDF(t, b))
	if !hasPrefix(titles, "12.1 ") {
		t.Errorf("SMS-DOC-12 alone: bookmarks = %q, want 12.1 first", titles)
	}
	contents := rawText(t, b, pages["Contents"], pages["Contents"])
	if !strings.Contains(contents, "12.1 ") {
		t.Errorf("SMS-DOC-12 alone: the contents lack the heading numbers: %s", contents)
	}
}

func TestHeadingNumbers(t *testing.T) {
	tests := []struct {
		name   string
		prefix string
		levels []int
		want   []string
	}{
		{"siblings and children", "8", []int{1, 1, 2, 2, 3, 1}, []string{"8.1", "8.2", "8.2.1", "8.2.2", "8.2.2.1", "8.3"}},
		// as the outline nests them (see bookmark)
		{"a skipped level nests one down", "3", []int{1, 3, 2, 3}, []string{"3.1", "3.1.1", "3.1.2", "3.1.2.1"}},
		{"first heading deep", "5", []int{4}, []string{"5.1"}},
		{"unnumbered section", "", []int{1, 2}, []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n headingNumbers
			n.restart(tt.prefix)
			var got []string
			for _, l := range tt.levels {
				got = append(got, n.next(l))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("numbers = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDocumentSectionNumber(t *testing.T) {
	docs := []DocumentRecord{{Document: data.Document{Number: "POL-B"}}, {Document: data.Document{Number: "POL-A"}}, {Document: data.Document{Number: "SMS-DOC-08"}}}
	tests := []struct{ number, want string }{
		{"SMS-DOC-08", "8"},
		{"SMS-DOC-31", "31"},
		{"QMS-7", "7"},
		{"X-00", "0"},
		{"POL-A", "1"}, // no digits: its place in number order
		{"POL-B", "2"},
	}
	for _, tt := range tests {
		if got := documentSectionNumber(tt.number, docs); got != tt.want {
			t.Errorf("documentSectionNumber(%q) = %q, want %q", tt.number, got, tt.want)
		}
	}
}

// TestClauseMatrix: the manual's matrix lists every clause from 4.1 to
// 10.2 that has no sub-clauses, in order, each with the documents that
// name it (or a parent of it), and the page each printed one starts on.
func TestClauseMatrix(t *testing.T) {
	src, _, cat := demoSource(t, true)
	b := buildPack(t, "manual", src, Options{Now: fixedNow})
	ctx := readPDF(t, b)
	titles, pages := bookmarkTitles(t, ctx)
	top := topBookmarks(t, ctx)
	if i := slices.Index(top, matrixTitle); i < 0 || top[i-1] != "Contents" {
		t.Fatalf("top bookmarks = %q, want the matrix right after the contents", top)
	}
	var want []string
	for _, cl := range cat.Clauses() {
		if cat.IsLeaf(cl.Number) && cl.Depth() > 0 {
			want = append(want, cl.Number)
		}
	}
	printed := map[string]bool{}
	for _, title := range titles {
		if strings.HasPrefix(title, "SMS-DOC-") {
			printed[strings.Fields(title)[0]] = true
		}
	}
	rows := clauseMatrix(cat, src.Documents, printed)
	var got []string
	for _, r := range rows {
		got = append(got, r.clause.Number)
	}
	if !slices.Equal(got, want) {
		t.Errorf("matrix clauses = %q, want %q", got, want)
	}
	if got[0] != "4.1" || got[len(got)-1] != "10.2" {
		t.Errorf("matrix runs from %s to %s, want 4.1 to 10.2", got[0], got[len(got)-1])
	}

	first := pages[matrixTitle]
	last := first
	for _, title := range top {
		if p := pages[title]; p > first && (last == first || p-1 < last) {
			last = p - 1
		}
	}
	text := rawText(t, b, first, last)
	page := func(number string) string {
		for _, title := range top {
			if strings.HasPrefix(title, number+" ") {
				return strconv.Itoa(pages[title] - 1)
			}
		}
		return "?"
	}
	cases := []struct{ clause, docs string }{
		{"4.3", "SMS-DOC-01, page " + page("SMS-DOC-01")},
		{"7.5.4", "SMS-DOC-01, page " + page("SMS-DOC-01") + " SMS-DOC-07, page " + page("SMS-DOC-07")},
		{"8.3.3", "SMS-DOC-14 (not in this manual: draft)"},
		{"6.1", "SMS-DOC-08 (not in this manual: in review)"},
		{"10.2", "SMS-DOC-31, page " + page("SMS-DOC-31")},
	}
	for _, c := range cases {
		cl, _ := cat.Clause(c.clause)
		if row := c.clause + " " + cl.Title + " " + c.docs; !strings.Contains(text, row) {
			t.Errorf("the matrix lacks the row %q:\n%s", row, text)
		}
	}
}

// TestClauseMatrixParentsAndGaps: a document naming a parent clause
// addresses each of its sub-clauses, and says so; a clause no document
// names reads "no document"; withdrawn documents do not count.
func TestClauseMatrixParentsAndGaps(t *testing.T) {
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	approved := []data.Version{{Status: data.DocApproved, Major: 1}}
	docs := []DocumentRecord{
		{Document: data.Document{Number: "SMS-DOC-40", Clauses: []string{"8.2"}}, Versions: approved},
		{Document: data.Document{Number: "SMS-DOC-41", Clauses: []string{"8.2.5"}}, Versions: approved},
		{Document: data.Document{Number: "SMS-DOC-42", Clauses: []string{"9.3"}}, Versions: []data.Version{{Status: data.DocWithdrawn, Major: 1}}},
	}
	printed := map[string]bool{"SMS-DOC-40": true, "SMS-DOC-41": true}
	byClause := map[string][]matrixDoc{}
	for _, r := range clauseMatrix(cat, docs, printed) {
		byClause[r.clause.Number] = r.docs
	}
	tests := []struct {
		clause string
		want   []matrixDoc
	}{
		{"8.2.1", []matrixDoc{{number: "SMS-DOC-40", via: "8.2"}}},
		{"8.2.5", []matrixDoc{{number: "SMS-DOC-40", via: "8.2"}, {number: "SMS-DOC-41"}}},
		{"8.3.3", nil},
		{"9.3", nil},
	}
	for _, tt := range tests {
		if got := byClause[tt.clause]; !slices.Equal(got, tt.want) {
			t.Errorf("%s: documents = %+v, want %+v", tt.clause, got, tt.want)
		}
	}
	d := &doc{} // a measuring pass: no pages known yet
	cells := []struct {
		docs []matrixDoc
		want string
	}{
		{nil, "no document"},
		{[]matrixDoc{{number: "SMS-DOC-40", via: "8.2"}}, "SMS-DOC-40, page \u2013, as part of 8.2"},
		{[]matrixDoc{{number: "SMS-DOC-43", absent: "draft"}}, "SMS-DOC-43 (not in this manual: draft)"},
	}
	for _, c := range cells {
		if got := plainText(d.matrixDocs(c.docs)); got != c.want {
			t.Errorf("documents cell = %q, want %q", got, c.want)
		}
	}
	if _, ok := byClause["8.2"]; ok {
		t.Error("the matrix lists 8.2, which has sub-clauses: an auditor checks those")
	}
}

func TestUsedGlossary(t *testing.T) {
	entries := []data.GlossaryEntry{
		{Term: "CI", Definition: "d", Synonyms: []string{"configuration item"}},
		{Term: "interested party", Definition: "d", Synonyms: []string{"interested parties"}},
		{Term: "IT", Definition: "d"},
		{Term: "supplier", Definition: "d"},
		{Term: "SLA", Definition: "d"},
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviation in capitals", "Every CI is recorded.", []string{"CI"}},
		{"abbreviation plural", "The SLAs say so.", []string{"SLA"}},
		{"abbreviation in lower case is a word", "it is what it is", nil},
		{"part of a word", "CIRCLE and suppliers-to-be", []string{"supplier"}},
		{"term in any case, plural", "Suppliers are listed.", []string{"supplier"}},
		{"synonym across a line break", "the interested\nparties", []string{"interested party"}},
		{"synonym names its entry", "each configuration item", []string{"CI"}},
		{"none", "Nothing here.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range usedGlossary(entries, []string{tt.text}) {
				got = append(got, e.Term)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("used = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestManualGlossary: the manual explains, alphabetically, the terms the
// rest of its printed text uses, and no other.
func TestManualGlossary(t *testing.T) {
	src, _, _ := demoSource(t, true)
	fsys, err := contentWith(data.GlossaryFile, func(b []byte) []byte {
		return append([]byte(`[{"term": "zebra crossing", "definition": "A striped place to cross a road."},`), b[1:]...)
	})
	if err != nil {
		t.Fatal(err)
	}
	if src.Catalogue, err = data.LoadCatalogue(fsys); err != nil {
		t.Fatal(err)
	}
	b := buildPack(t, "manual", src, Options{Now: fixedNow})
	ctx := readPDF(t, b)
	_, pages := bookmarkTitles(t, ctx)
	top := topBookmarks(t, ctx)
	i := slices.Index(top, glossaryTitle)
	if i < 0 || top[i-1] != matrixTitle {
		t.Fatalf("top bookmarks = %q, want the glossary after the matrix", top)
	}
	first, last := pages[glossaryTitle], pages[top[i+1]]-1
	glossary := rawText(t, b, first, last)
	rest := rawText(t, b, 1, first-1) + " " + rawText(t, b, last+1, ctx.PageCount)
	at := -1
	for _, e := range src.Catalogue.Glossary() {
		used := len(usedGlossary([]data.GlossaryEntry{e}, []string{rest})) > 0
		where := strings.Index(glossary, flat(e.Definition))
		switch {
		case used && where < 0:
			t.Errorf("the glossary lacks %q, which the manual uses", e.Term)
		case !used && where >= 0:
			t.Errorf("the glossary explains %q, which the manual does not use", e.Term)
		case where >= 0 && where < at:
			t.Errorf("%q is out of alphabetical order", e.Term)
		}
		at = max(at, where)
	}
	for _, term := range []string{"SLA", "SMS", "CMDB", "RTO", "RPO", "supplier", "nonconformity", "interested party"} {
		if !strings.Contains(glossary, term+" ") {
			t.Errorf("the glossary lacks %s", term)
		}
	}
}

// contentWith is the embedded content with one file changed by edit.
func contentWith(name string, edit func([]byte) []byte) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	err := fs.WalkDir(assets.Content(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Content(), p)
		if p == name {
			b = edit(b)
		}
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	return m, err
}
