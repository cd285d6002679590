package reports

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// deepMarkdown nests a list or a block quote depth levels deep.
func deepMarkdown(kind string, depth int) string {
	var b strings.Builder
	for i := range depth {
		switch kind {
		case "list":
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		case "quote":
			b.WriteString(strings.Repeat("> ", i+1) + "quoted\n")
		}
	}
	return b.String()
}

// markdownSpec is a pack of one section printing md.
func markdownSpec(md string) *packSpec {
	return &packSpec{title: "Nesting", subtitle: "Generated content", docNumber: "B-2", version: "1.0",
		control:  []ControlRow{{Number: "B-2", Title: "Nesting", Version: "1.0", Status: workingPaper}},
		sections: []section{{number: "1", title: "Deep", render: func(d *doc) error { d.markdown(md); return nil }}}}
}

// BenchmarkDeepNesting prints lists and block quotes nested 2,000 levels
// deep (and 200, to compare) as a whole PDF pack: nesting beyond
// maxNesting is flattened, so the cost grows with the text, not with the
// depth.
func BenchmarkDeepNesting(b *testing.B) {
	src := northwind(b)
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	for _, kind := range []string{"list", "quote"} {
		for _, depth := range []int{200, 2000} {
			spec := markdownSpec(deepMarkdown(kind, depth))
			b.Run(kind+"/"+itoa(depth), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := renderPack(context.Background(), spec, env, io.Discard, func(int, int) {}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestDeepNestingIsQuick guards what BenchmarkDeepNesting measures: a
// 2,000-level list or quote once took 49 s to print.
func TestDeepNestingIsQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("prints two packs")
	}
	src := northwind(t)
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	for _, kind := range []string{"list", "quote"} {
		start := time.Now()
		if err := renderPack(context.Background(), markdownSpec(deepMarkdown(kind, 2000)), env, io.Discard, func(int, int) {}); err != nil {
			t.Fatal(err)
		}
		if got := time.Since(start); got > 10*time.Second {
			t.Errorf("a %s nested 2,000 levels took %v to print", kind, got)
		}
	}
}

// BenchmarkManualScale prints the demo's manual, and the manual with ten
// times the text in every document: the time per page should stay the
// same.
func BenchmarkManualScale(b *testing.B) {
	src, _, _ := demoSource(b, true)
	for _, times := range []int{1, 10} {
		s := src
		s.Documents = make([]DocumentRecord, len(src.Documents))
		for i, rec := range src.Documents {
			rec.Versions = append(rec.Versions[:0:0], rec.Versions...)
			for j := range rec.Versions {
				rec.Versions[j].Body = strings.Repeat(rec.Versions[j].Body+"\n\n", times)
			}
			s.Documents[i] = rec
		}
		b.Run("x"+itoa(times), func(b *testing.B) {
			spec, env, err := prepare(context.Background(), "manual", s, Options{Now: fixedNow})
			if err != nil {
				b.Fatal(err)
			}
			d, err := layoutPack(context.Background(), spec, env, func(int, int) {})
			if err != nil {
				b.Fatal(err)
			}
			pages := d.page
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := renderPack(context.Background(), spec, env, io.Discard, func(int, int) {}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(pages)/float64(b.N), "ms/page")
		})
	}
}
