package reports

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// generatedMarkdown is a deterministic document of n chapters, each with
// headings, paragraphs, lists and a table, about 20 A4 pages per chapter.
func generatedMarkdown(chapter int) string {
	words := strings.Fields("service management system incident change release configuration supplier " +
		"capacity continuity availability customer agreement objective audit review improvement risk " +
		"the of and to a in is for with that records evidence process owner policy plan control")
	seed := uint32(chapter*7919 + 1)
	next := func() string {
		seed = seed*1664525 + 1013904223
		return words[seed>>8%uint32(len(words))]
	}
	sentence := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = next()
		}
		s[0] = strings.ToUpper(s[0][:1]) + s[0][1:]
		return strings.Join(s, " ") + "."
	}
	var b strings.Builder
	for part := 1; part <= 6; part++ {
		fmt.Fprintf(&b, "# Part %d of chapter %d\n\n", part, chapter)
		for p := 0; p < 4; p++ {
			for s := 0; s < 6; s++ {
				b.WriteString(sentence(9 + s%5))
				b.WriteString(" ")
			}
			b.WriteString("Some **bold**, some *italic* and some `code`.\n\n")
		}
		fmt.Fprintf(&b, "## Actions\n\n")
		for i := 0; i < 8; i++ {
			fmt.Fprintf(&b, "- %s\n", sentence(8))
			if i%3 == 0 {
				fmt.Fprintf(&b, "  1. %s\n  2. %s\n", sentence(5), sentence(6))
			}
		}
		b.WriteString("\n## Register\n\n| ID | Title | Owner | Status | Notes |\n| --- | --- | --- | --- | --- |\n")
		for i := 0; i < 14; i++ {
			fmt.Fprintf(&b, "| R-%03d | %s | %s %s | Open | %s |\n", i+1, sentence(4), next(), next(), sentence(12))
		}
		b.WriteString("\n> " + sentence(20) + "\n\n")
	}
	return b.String()
}

// benchSpec is a pack of generated chapters.
func benchSpec(chapters int) *packSpec {
	spec := &packSpec{title: "Benchmark pack", subtitle: "Generated content", docNumber: "B-1", version: "1.0",
		control: []ControlRow{{Number: "B-1", Title: "Benchmark pack", Version: "1.0", Status: workingPaper}}}
	for c := 1; c <= chapters; c++ {
		md := generatedMarkdown(c)
		spec.sections = append(spec.sections, section{number: fmt.Sprint(c), title: fmt.Sprintf("Chapter %d", c),
			render: func(d *doc) error { d.markdown(md); return nil }})
	}
	return spec
}

// BenchmarkPack200Pages builds a pack of about 200 pages: every layout pass
// and the PDF writer, with compression as the GUI uses it.
func BenchmarkPack200Pages(b *testing.B) {
	src := northwind(b)
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	spec := benchSpec(17)
	var buf bytes.Buffer
	if err := renderPack(context.Background(), spec, env, &buf, func(int, int) {}); err != nil {
		b.Fatal(err)
	}
	pages := readPDF(b, buf.Bytes()).PageCount
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := renderPack(context.Background(), spec, env, io.Discard, func(int, int) {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
