package reports

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"smsbuilder/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// renderTrace prints Markdown on a page of its own and returns the dump of
// every drawing operation.
func renderTrace(t *testing.T, src string) string {
	t.Helper()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	meta := packMeta{org: "Golden Ltd", title: "Golden", docNumber: "G-1", version: "1", now: fixedNow}
	d := newDoc(context.Background(), fonts, pageGeometry(data.PaperA4), meta, false, 2)
	var trace strings.Builder
	d.trace = &trace
	d.md = newMarkdown()
	d.beginSection("1", "Markdown", true)
	d.markdown(src)
	if d.failed() {
		t.Fatalf("render: %v", d.err)
	}
	if err := d.pdf.Output(io.Discard); err != nil {
		t.Fatalf("output: %v", err)
	}
	return trace.String()
}

// TestMarkdownGolden compares the drawing operations for a small document
// using every construct with testdata/markdown.golden. Run with -update
// after an intended change, and look at the difference.
func TestMarkdownGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "markdown.md"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderTrace(t, string(src))
	golden := filepath.Join("testdata", "markdown.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("trace differs from %s at line %d:\n got: %s\nwant: %s\n(run go test -update after an intended change)", golden, i+1, g, w)
			}
		}
	}
}

// TestMarkdownConstructs checks that each construct reaches the page in
// the expected form.
func TestMarkdownConstructs(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // lines expected somewhere in the trace
	}{
		{"heading bookmark numbered", "# Title", []string{`bookmark 1 `, `"1.1 Title"`}},
		{"deep heading bookmarked and numbered under section", "#### Deep", []string{`bookmark 1 `, `"1.1 Deep"`}},
		{"sub-heading numbered under its heading", "# One\n\n## Two", []string{`"1.1 One"`, `"1.1.1 Two"`}},
		{"heading in a list not numbered", "# One\n\n- ## Inside", []string{`"1.1 One"`, `bookmark 2 `, `"Inside"`}},
		{"heading in a quote not numbered", "> # Quoted", []string{`bookmark 1 `, `"Quoted"`}},
		{"bold face", "**b**", []string{`text f1 `, `"b"`}},
		{"italic face", "*i*", []string{`text f2 `, `"i"`}},
		{"code face and background", "`c`", []string{`text f3 `, `rect `, `#f2f3f4`}},
		{"link is clickable", "[x](https://example.com)", []string{`link `, `"https://example.com"`}},
		{"unsafe link is text only", "[x](javascript:alert(1))", []string{`"x"`}},
		{"image as text", "![alt text](a.png)", []string{`"[image: alt text]"`}},
		{"raw html printed", "<b>bold?</b>", []string{`"<b>"`, `"bold?"`, `"</b>"`}},
		{"table header filled", "|a|b|\n|-|-|\n|1|2|", []string{`#1f4e79`, `"a"`, `"2"`}},
		{"quote bar", "> q", []string{`line `, `"q"`}},
		{"bullet", "- item", []string{`"•"`, `"item"`}},
		{"numbered from start", "7. seven", []string{`"7."`, `"seven"`}},
		{"strikethrough", "~~gone~~", []string{`"gone"`, `line `}},
		{"emoji replaced", "a 😀 b", []string{"\"a \uFFFD b\""}},
		{"entity resolved", "&copy; &#169; &#xA9;", []string{`"© © ©"`}},
		{"escape resolved", `\*not\*`, []string{`"*not*"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := renderTrace(t, tc.src)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("trace lacks %s:\n%s", w, got)
				}
			}
			if tc.name == "unsafe link is text only" && strings.Contains(got, "link ") {
				t.Errorf("a javascript: link became clickable:\n%s", got)
			}
		})
	}
}

// TestEscapeMarkdown: escaped workspace text parses back to itself.
func TestEscapeMarkdown(t *testing.T) {
	cases := []string{
		"plain words",
		"# not a heading",
		"*stars* and _underscores_ and `ticks`",
		"1. not a list",
		"- not a bullet",
		"> not a quote",
		"<b>not html</b> &amp; &copy;",
		"[not](a link) ![nor](an image)",
		"| not | a table |",
		`back\slash \* ~~no~~ {{org.name}}`,
		"https://example.com stays text",
	}
	md := newMarkdown()
	for _, in := range cases {
		t.Run(in, func(t *testing.T) {
			src := []byte(escapeInline(in))
			root := md.Parser().Parse(text.NewReader(src))
			p := root.FirstChild()
			if p == nil || p.Kind() != ast.KindParagraph || p.NextSibling() != nil {
				t.Fatalf("escaped %q parses as %v, want one paragraph", in, p)
			}
			r := &mdRenderer{src: src}
			spans := r.inlines(p, 0)
			var got strings.Builder
			for _, s := range spans {
				if s.st != 0 || s.url != "" {
					t.Errorf("span %+v is styled or linked", s)
				}
				got.WriteString(s.text)
			}
			if got.String() != in {
				t.Errorf("round trip = %q, want %q", got.String(), in)
			}
		})
	}
	if got, want := escapeMarkdown("line one\nline two\n\n  para two"), "line one\\\nline two\n\npara two"; got != want {
		t.Errorf("escapeMarkdown = %q, want %q", got, want)
	}
}

// markdownSeeds are the texts both Markdown fuzz targets start from.
func markdownSeeds() []string {
	seeds := []string{
		"",
		"# \xff\xfe\n\n|a|b|\n|-|-|\n|😀|x|",
		strings.Repeat(">", 300) + " deep quote",
		strings.Repeat("  ", 80) + "- deep\n" + strings.Repeat("- ", 120) + "deep list",
		"| " + strings.Repeat("c |", 60) + "\n|" + strings.Repeat("-|", 60) + "\n|" + strings.Repeat("x|", 60),
		"|" + strings.Repeat("word ", 2000) + "|\n|-|\n|x|",
		"```\n" + strings.Repeat("x", 5000) + "\n```",
		strings.Repeat("#", 6) + " " + strings.Repeat("W", 3000),
		"1. a\n" + "999999999. b",
		"\x00\x01\r\r\n\u2028\u2029\uE000nb\uE000 {nb}",
		"[a](" + strings.Repeat("(", 100) + ")",
		"![" + strings.Repeat("[", 50) + "](x)",
	}
	if seed, err := os.ReadFile(filepath.Join("testdata", "markdown.md")); err == nil {
		seeds = append(seeds, string(seed))
	}
	return seeds
}

// FuzzMarkdownPDF prints arbitrary text as the Markdown block of one
// section, in the measuring pass and with gofpdf, and checks that every
// text handed to gofpdf is one its face can draw. It never panics, and
// Markdown is never an error. It renders only the block, measures with the
// faces parsed once per process, and lets gofpdf draw in its built-in
// fonts: the whole pack (FuzzMarkdownPack) spends most of each input in
// gofpdf parsing (generating a font ID by JSON-encoding 65,536 widths) and
// subsetting up to four embedded faces, in every one of its passes.
func FuzzMarkdownPDF(f *testing.F) {
	fonts, err := parsedFonts()
	if err != nil {
		f.Fatal(err)
	}
	md := newMarkdown()
	fuzzMarkdown(f, func(src string) error { return fuzzMarkdownBlock(fonts, md, src) })
}

// FuzzMarkdownLayout lays arbitrary text out as a Markdown block in the
// measuring pass alone: the parser, the tree walk, line breaking, tables,
// lists and page breaks, without gofpdf, at thousands of inputs a second.
func FuzzMarkdownLayout(f *testing.F) {
	fonts, err := parsedFonts()
	if err != nil {
		f.Fatal(err)
	}
	md := newMarkdown()
	fuzzMarkdown(f, func(src string) error {
		d := newDoc(context.Background(), fonts, pageGeometry(data.PaperA4), packMeta{now: fixedNow}, true, 0)
		d.md, d.parsed = md, map[string]parsedMarkdown{}
		d.beginSection("1", "Fuzz", true)
		d.markdown(src)
		if d.failed() {
			return d.err
		}
		return nil
	})
}

// fuzzMarkdown seeds f with the Markdown seeds and fuzzes render, which
// must never fail: Markdown is never an error.
func fuzzMarkdown(f *testing.F, render func(src string) error) {
	for _, s := range markdownSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 20000 {
			return // pages of text, not what the fuzzer is looking for
		}
		if err := render(src); err != nil {
			t.Errorf("render %q: %v", src, err)
		}
	})
}

// traceText matches a text line of the drawing trace: its face and text.
var traceText = regexp.MustCompile(`^text f(\d) .* ("(?:[^"\\]|\\.)*")$`)

// fuzzMarkdownBlock prints src in one section, measured then drawn.
func fuzzMarkdownBlock(fonts *fontBook, md goldmark.Markdown, src string) error {
	g := pageGeometry(data.PaperA4)
	for _, dry := range []bool{true, false} {
		d := newDoc(context.Background(), fonts, g, packMeta{now: fixedNow, title: "Fuzz"}, dry, 0)
		d.md, d.parsed = md, map[string]parsedMarkdown{}
		d.builtinFonts = true
		var trace strings.Builder
		if !dry {
			d.trace = &trace
		}
		d.beginSection("1", "Fuzz", true)
		d.markdown(src)
		if d.failed() {
			return d.err
		}
		if dry {
			continue
		}
		for _, line := range strings.Split(trace.String(), "\n") {
			m := traceText.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			fc, _ := strconv.Atoi(m[1])
			text, err := strconv.Unquote(m[2])
			if err != nil {
				return fmt.Errorf("trace line %q: %w", line, err)
			}
			face := fonts.faces[fc]
			for _, r := range text {
				if r != face.substitute && r != ' ' && !face.has(r) {
					return fmt.Errorf("gofpdf was handed %q, which face %d cannot draw, in %q", r, fc, text)
				}
			}
		}
		if err := d.pdf.Output(io.Discard); err != nil {
			return fmt.Errorf("write pdf: %w", err)
		}
	}
	return nil
}

// FuzzMarkdownPack puts arbitrary text everywhere a pack prints text and
// builds the whole pack (cover, control table, contents, bookmarks,
// header, footer, watermark, PDF writer). It never panics, and Markdown is
// never an error. It is the slow, thorough target; FuzzMarkdownPDF
// explores the Markdown itself.
func FuzzMarkdownPack(f *testing.F) {
	fuzzMarkdown(f, fuzzPack)
}

// fuzzPack puts src everywhere a pack prints text and builds the pack.
func fuzzPack(src string) error {
	title := src
	if i := strings.IndexByte(title, '\n'); i >= 0 {
		title = title[:i]
	}
	spec := &packSpec{
		title: title, subtitle: src, docNumber: title, version: title,
		control: []ControlRow{{Number: title, Title: src, Owner: src}},
		sections: []section{{number: title, title: title, render: func(d *doc) error {
			d.markdown(src)
			return nil
		}}},
	}
	org := data.Organisation{LegalName: src, ShortName: title}
	env := packEnv{src: Source{Org: org}, opts: Options{Now: fixedNow, Draft: true}.resolve(org), date: title, status: title}
	return renderPack(context.Background(), spec, env, io.Discard, func(int, int) {})
}
