package reports

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"smsbuilder/data"
)

// layoutOf lays a pack out and returns its printing pass.
func layoutOf(t *testing.T, id string, src Source, opts Options) *doc {
	t.Helper()
	spec, env, err := prepare(context.Background(), id, src, opts)
	if err != nil {
		t.Fatalf("prepare %s: %v", id, err)
	}
	d, err := layoutPack(context.Background(), spec, env, func(int, int) {})
	if err != nil {
		t.Fatalf("lay out %s: %v", id, err)
	}
	return d
}

// breakProblems checks the page breaks of a laid out pack against the rules
// of page_breaks.go and says what breaks them, one line a problem.
func breakProblems(d *doc) []string {
	var out []string
	rec := d.placed
	text := d.bottom() - d.g.top
	where := func(p placed) string { return fmt.Sprintf("page %d (footer %d), y %.0f", p.page, p.page-1, p.y) }
	// the lines of each block, in order
	type span struct{ from, to int }
	var blocks []span
	for i := range rec {
		if i == 0 || rec[i].block != rec[i-1].block {
			blocks = append(blocks, span{i, i + 1})
			continue
		}
		blocks[len(blocks)-1].to = i + 1
	}
	for _, b := range blocks {
		lines := rec[b.from:b.to]
		first, last := lines[0], lines[len(lines)-1]
		switch first.kind {
		case kindHeading:
			// the heading keeps the first two lines of what follows it
			// in its section
			if first.level == 0 {
				continue
			}
			seen := 0
			for _, p := range rec[b.to:] {
				if p.kind == kindHeading && p.level <= first.level {
					break // the section ends
				}
				if p.kind == kindHeading {
					continue
				}
				if p.page != last.page {
					out = append(out, fmt.Sprintf("heading at %s ends its page", where(last)))
					break
				}
				if seen++; seen >= keepLines {
					break
				}
			}
		case kindText:
			// no line alone at the top or the foot of a page
			for i := 0; i < len(lines); {
				j := i
				for j < len(lines) && lines[j].page == lines[i].page {
					j++
				}
				if j-i < keepLines && len(lines) > 1 {
					out = append(out, fmt.Sprintf("paragraph of %d lines leaves %d alone on %s", len(lines), j-i, where(lines[i])))
				}
				i = j
			}
		case kindTableHead, kindTableRow:
			// no page holds the header or one row alone, unless a row is
			// too tall to keep whole
			rows := map[int]map[int]bool{}
			split := false
			for _, p := range lines {
				if p.kind != kindTableRow {
					continue
				}
				if rows[p.page] == nil {
					rows[p.page] = map[int]bool{}
				}
				rows[p.page][p.level] = true
			}
			seen := map[int]int{}
			for _, rs := range rows {
				for r := range rs {
					if seen[r]++; seen[r] > 1 {
						split = true
					}
				}
			}
			if len(rows) < 2 && last.page == first.page || split {
				continue
			}
			for pg := first.page; pg <= last.page; pg++ {
				if n := len(rows[pg]); n < keepLines && len(seen) > 1 {
					out = append(out, fmt.Sprintf("table of %d rows leaves %d row(s) on page %d (footer %d)", len(seen), n, pg, pg-1))
				}
			}
		}
	}
	// a short section does not start at the foot of a page: it moves
	// whole to the next
	for bi, b := range blocks {
		h := rec[b.from]
		if h.kind != kindHeading || h.level == 0 {
			continue
		}
		end := len(rec)
		for _, nb := range blocks[bi+1:] {
			if p := rec[nb.from]; p.kind == kindHeading && p.level <= h.level {
				end = nb.from
				break
			}
		}
		lastLine := rec[end-1]
		// unless moving it whole left its document a nearly empty last
		// page (see shortTails)
		if lastLine.page == h.page+1 && !d.breakBefore[stayKey(h.headingNo)] {
			height := (d.bottom() - h.y) + (lastLine.y + lastLine.h - d.g.top)
			if height < text*shortSection*0.9 {
				out = append(out, fmt.Sprintf("short section (%.0f mm) at %s runs onto the next page", height, where(h)))
			}
		}
	}
	// a document that ends on a page less than a quarter full (shortTail),
	// while the page before leaves free at its foot half or more of what
	// that last page holds, has no short section moved whole to the top of
	// one of its pages with room above it for half that tail, unless
	// leaving that section where it fell was tried and saved no page
	for s := 0; s < len(rec); {
		e := s + 1
		for e < len(rec) && !(rec[e].kind == kindHeading && rec[e].level == 0 && rec[e].block != rec[e-1].block) {
			e++
		}
		if i, ok := d.shortTailMove(s, e, text); ok {
			last := rec[e-1]
			out = append(out, fmt.Sprintf("a document ends on a page %.0f%% full at %s, though the section moved whole to %s left room above it", 100*(last.y+last.h-d.g.top)/text, where(last), where(rec[i])))
		}
		s = e
	}
	// no section ends on a page with one line
	for i, p := range rec {
		if i+1 < len(rec) && !(rec[i+1].kind == kindHeading && rec[i+1].level == 0 && rec[i+1].block != p.block) {
			continue
		}
		// count the lines of text on the section's last page, unless
		// the section starts on it
		n, starts := 0, false
		for j := i; j >= 0 && rec[j].page == p.page; j-- {
			if rec[j].kind == kindHeading && rec[j].level == 0 {
				starts = true
				break
			}
			if rec[j].kind != kindHeading {
				n++
			}
		}
		if n < keepLines && !starts {
			out = append(out, fmt.Sprintf("a section ends on a page of %d line(s) of text: %s", n, where(p)))
		}
	}
	return out
}

// TestPageBreaks checks, from the layout's own record, that every pack of
// the demo workspace in both paper sizes breaks its pages as a printed
// manual should: no heading ends a page, no line of a paragraph or row of a
// table is left alone, short sections move whole, no section ends on a page
// of one line, and no document ends on a nearly empty page while the page
// before has room.
func TestPageBreaks(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out every demo pack twice")
	}
	src, _, _ := demoSource(t, true)
	type pack struct {
		name, id string
		opts     Options
	}
	var packs []pack
	for _, p := range Packs() {
		if p.ID != documentPackID {
			packs = append(packs, pack{p.ID, p.ID, Options{Register: "risks", Review: "MR-1"}})
		}
	}
	packs = append(packs, pack{"manual with drafts", "manual", Options{IncludeDrafts: true}})
	for _, rec := range src.Documents {
		if !stateOf(rec).withdrawn() {
			n := rec.Document.Number
			packs = append(packs, pack{n, documentPackID, Options{DocumentNumber: n}})
		}
	}
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		for _, p := range packs {
			t.Run(fmt.Sprintf("%s/%s", p.name, paper), func(t *testing.T) {
				opts := p.opts
				opts.Now, opts.Paper = fixedNow, paper
				d := layoutOf(t, p.id, src, opts)
				if len(d.placed) == 0 {
					t.Fatal("the layout recorded nothing")
				}
				for _, p := range breakProblems(d) {
					t.Error(p)
				}
			})
		}
	}
}

// TestPageBreakRules slides blocks down a page, one filler line at a time,
// so that every block meets the foot of a page somewhere, and checks the
// rules at each position.
func TestPageBreakRules(t *testing.T) {
	fonts, err := parsedFonts()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("A sentence that runs on for a while to fill a line of text. ", 7)
	tests := []struct {
		name, md string
	}{
		{"heading then heading", "## Procedures\n\n### First hour\n\n" + long},
		{"heading then table", "## Records\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n\n" + long},
		{"paragraphs", long + "\n\n" + long[:200] + "\n\n" + long},
		{"table of three", "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n"},
		{"long table", "| A | B |\n| --- | --- |\n" + strings.Repeat("| 1 | 2 |\n", 30)},
		{"short section", "## Revision\n\n" + long + "\n\n## Next\n\n" + long + long + long + long},
		{"list", "## Steps\n\n1. " + long + "\n2. " + long + "\n3. short\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k := 0; k < 60; k++ {
				d := newDoc(context.Background(), fonts, pageGeometry(data.PaperA4), packMeta{now: fixedNow}, true, 0)
				d.md, d.parsed = newMarkdown(), map[string]parsedMarkdown{}
				d.beginSection("1", "Rules", true)
				d.markdown(strings.Repeat("Filler line.\n\n", k) + tt.md + "\n\n" + long + long)
				for _, p := range breakProblems(d) {
					t.Errorf("after %d filler lines: %s", k, p)
				}
			}
		})
	}
}
