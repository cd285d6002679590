package reports

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/data"
)

// startPages are the footer's page numbers on which the documents of a
// laid out pack start.
func startPages(d *doc) map[string]int {
	out := map[string]int{}
	for _, h := range d.outline {
		if h.level == 0 && strings.HasPrefix(h.number, "SMS-DOC-") {
			out[h.number] = h.page - 1
		}
	}
	return out
}

// linkTargets counts, by the footer's number of the page they lead to, the
// links inside the file.
func linkTargets(t *testing.T, ctx *model.Context) map[int]int {
	t.Helper()
	pageOf := map[int]int{} // object number of a page → its footer number
	for p := 1; p <= ctx.PageCount; p++ {
		_, ref, _, err := ctx.PageDict(p, false)
		if err != nil || ref == nil {
			t.Fatalf("page %d: %v", p, err)
		}
		pageOf[ref.ObjectNumber.Value()] = p - 1
	}
	out := map[int]int{}
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, _ := ctx.PageDict(p, false)
		annots, err := ctx.DereferenceArray(d["Annots"])
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range annots {
			ad, err := ctx.DereferenceDict(a)
			if err != nil {
				t.Fatal(err)
			}
			dest, err := ctx.DereferenceArray(ad["Dest"])
			if err != nil || len(dest) == 0 {
				continue // a link to an address
			}
			if ref, ok := dest[0].(types.IndirectRef); ok {
				out[pageOf[ref.ObjectNumber.Value()]]++
			}
		}
	}
	return out
}

var pageRef = regexp.MustCompile(`(SMS-DOC-\d+)(?: [^()•·.:]{1,90}?)?, page (\d+)`)

// TestManualReferencesResolve: in the demo manual every reference to a
// document it prints says that document's first page and links to it, and
// every reference to one it leaves out says so.
func TestManualReferencesResolve(t *testing.T) {
	src, _, _ := demoSource(t, true)
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		t.Run(string(paper), func(t *testing.T) {
			opts := Options{Now: fixedNow, Paper: paper}
			d := layoutOf(t, "manual", src, opts)
			starts := startPages(d)
			if len(d.refs.drawn) < 100 {
				t.Fatalf("%d references printed as links, want the demo's hundreds", len(d.refs.drawn))
			}
			wantLinks := map[int]int{}
			for _, r := range d.refs.drawn {
				start, ok := starts[r.number]
				if !ok {
					t.Errorf("a link to %s, which the manual does not print", r.number)
					continue
				}
				if got, want := r.target, start; got != want {
					t.Errorf("%q: says page %d, want %d", r.text, got, want)
				}
				if got, want := strings.Fields(r.text)[len(strings.Fields(r.text))-1], strconv.Itoa(start); got != want {
					t.Errorf("%q ends %q, want the page %s", r.text, got, want)
				}
				wantLinks[start]++
			}

			b := buildPack(t, "manual", src, opts)
			ctx := readPDF(t, b)
			got := linkTargets(t, ctx)
			for page, n := range wantLinks {
				// a reference's words are one link area each, and the
				// contents links to these pages too
				if got[page] < n {
					t.Errorf("links to page %d: %d, want at least %d", page, got[page], n)
				}
			}

			first := ctx.PageCount
			for _, p := range starts {
				first = min(first, p+1)
			}
			text := rawText(t, b, first, ctx.PageCount)
			matches := pageRef.FindAllStringSubmatch(text, -1)
			if len(matches) < len(d.refs.drawn) {
				t.Errorf("the text shows %d references with a page, the layout printed %d", len(matches), len(d.refs.drawn))
			}
			for _, m := range matches {
				if got, want := m[2], strconv.Itoa(starts[m[1]]); got != want {
					t.Errorf("%q: want page %s", m[0], want)
				}
			}

			// the documents left out, everywhere the documents mention them
			absent := 0
			for _, rec := range src.Documents {
				n := rec.Document.Number
				if _, ok := starts[n]; ok {
					continue
				}
				for i := 0; ; {
					j := strings.Index(text[i:], n)
					if j < 0 {
						break
					}
					i += j + len(n)
					absent++
					if rest := text[i:]; !strings.HasPrefix(rest, ", not in this manual: ") && !regexp.MustCompile(`^( [^()•·.:]{1,90})? \(not in this manual: `).MatchString(rest) {
						t.Errorf("%s does not say it is left out: %q", n, text[max(i-60, 0):min(i+40, len(text))])
					}
				}
			}
			if absent == 0 {
				t.Error("no reference to a document left out; the demo has them")
			}
		})
	}
}

// TestRelatedDocumentsList: a Related documents section prints one
// document a line with the register's title, whatever the stored text
// separates them with, and says what the pack does not hold.
func TestRelatedDocumentsList(t *testing.T) {
	src, _, _ := demoSource(t, true)
	approved, pending := demoDocuments(t, src)
	host, other, left := approved[0].Document, approved[1].Document, pending[0].Document
	body := "## Purpose\n\nSee " + other.Number + " and " + left.Number + ".\n\n## Related documents\n\n" +
		other.Number + " an old title · " + left.Number + " another; SMS-DOC-99 Gone, " + host.Number + " itself\n\n## Review\n\nYearly.\n"
	for i, rec := range src.Documents {
		if rec.Document.Number != host.Number {
			continue
		}
		versions := append([]data.Version(nil), rec.Versions...)
		for j := range versions {
			if versions[j].Status == data.DocApproved {
				versions[j].Body = body
			}
		}
		src.Documents[i].Versions = versions
	}
	cases := []struct {
		pack, number string
		want         []string
	}{
		{"manual", "", []string{
			"See " + other.Number + ", page ",
			"and " + left.Number + " (not in this manual: ",
			"Related documents • " + other.Number + " " + other.Title + ", page ",
			"• " + left.Number + " " + left.Title + " (not in this manual: ",
			"• SMS-DOC-99 Gone (not in this workspace)",
			"• " + host.Number + " " + host.Title + " (this document) 1.",
		}},
		{"document", host.Number, []string{
			"and " + left.Number + " (" + left.Title + "; not in this pack: ",
			"• " + other.Number + " " + other.Title + " (not in this pack)",
			"• SMS-DOC-99 Gone (not in this workspace)",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.pack, func(t *testing.T) {
			b := buildPack(t, tc.pack, src, Options{Now: fixedNow, DocumentNumber: tc.number})
			text := rawText(t, b, 0, 0)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the pack lacks %q", w)
				}
			}
			for _, stale := range []string{"an old title", "another;", " · " + left.Number} {
				if strings.Contains(text, stale) {
					t.Errorf("the stored separators or titles print: %q", stale)
				}
			}
		})
	}
}

// TestReferencePagesSettle: the layout settles the pages references print
// however their widths change the pages (see layoutPack).
func TestReferencePagesSettle(t *testing.T) {
	src, _, _ := demoSource(t, true)
	spec, env, err := prepare(context.Background(), "manual", src, Options{Now: fixedNow, IncludeDrafts: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := layoutPack(context.Background(), spec, env, func(int, int) {})
	if err != nil {
		t.Fatal(err)
	}
	starts := startPages(d)
	for _, r := range d.refs.drawn {
		if r.target != starts[r.number] {
			t.Errorf("with drafts, %q says %d, want %d", r.text, r.target, starts[r.number])
		}
	}
}
