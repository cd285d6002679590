package reports

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/data"
)

// VerifyText checks what a printed pack shows, not only what its stamps
// say: for each document results call the current approved version, it
// prints that version again with the same renderer and compares, page by
// page, the text shown between the running header and footer (which hold
// what legitimately differs: the pack's own title, page numbers, the date
// printed). A changed glyph, a replaced page, or a stamp copied onto other
// content turns the result into VerifyChanged, naming the page. r is the
// PDF the stamps were read from.
func VerifyText(ctx context.Context, r io.ReadSeeker, src Source, results []VerifyResult) ([]VerifyResult, error) {
	printed, err := readPrinted(r)
	if err != nil {
		return nil, err
	}
	src = src.printable()
	out := make([]VerifyResult, len(results))
	copy(out, results)
	for i, res := range out {
		if !res.OK() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, why, err := printed.compare(ctx, src, res.Stamp)
		if err != nil {
			return nil, err
		}
		if why != "" {
			out[i].Status, out[i].Message, out[i].Page = VerifyChanged, why, page
		}
	}
	return out, nil
}

// printedPack is what a PDF shows: the body text of each page, its outline
// and the paper and date it was printed on.
type printedPack struct {
	pages    [][]string // per page, the body's text in the order it was drawn
	sections []pdfcpu.Bookmark
	paper    data.PaperSize
	printed  time.Time
	title    string // the pack's title, from the document information
}

func readPrinted(r io.ReadSeeker) (p *printedPack, err error) {
	defer func() {
		if e := recover(); e != nil {
			p, err = nil, &data.Error{Code: data.EInvalid, Message: "The file is not a readable PDF.", Err: fmt.Errorf("read pdf: %v", e)}
		}
	}()
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	ctx, err := parsePDF(r)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, &data.Error{Code: data.EInvalid, Message: "The file's pages cannot be read.", Err: err}
	}
	p = &printedPack{paper: data.PaperA4}
	if ctx.Info != nil {
		if info, err := ctx.DereferenceDict(*ctx.Info); err == nil && info != nil {
			if o, ok := info["Title"]; ok {
				if s, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil); err == nil {
					p.title = s
				}
			}
			if o, ok := info["CreationDate"]; ok {
				if s, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil); err == nil {
					p.printed, _ = types.DateTime(s, true)
				}
			}
		}
	}
	for n := 1; n <= ctx.PageCount; n++ {
		d, _, inh, err := ctx.PageDict(n, false)
		if err != nil || d == nil {
			return nil, &data.Error{Code: data.EInvalid, Message: fmt.Sprintf("Page %d of the file cannot be read.", n), Err: err}
		}
		if n == 1 && inh != nil && inh.MediaBox != nil && math.Abs(inh.MediaBox.Width()-ptFromMM(pageGeometry(data.PaperLetter).w)) < 2 {
			p.paper = data.PaperLetter
		}
		content, err := ctx.PageContent(d, n)
		if err != nil {
			content = nil // a page without content shows no text
		}
		p.pages = append(p.pages, bodyText(content, pageGeometry(p.paper)))
	}
	// pdfcpu finds the outline while validating; a file that may have been
	// tampered with is read, not validated, so it is looked up here.
	if root, err := ctx.Catalog(); err == nil && ctx.Outlines == nil {
		if o, ok := root.Find("Outlines"); ok {
			ctx.Outlines, _ = ctx.DereferenceDict(o)
		}
	}
	if bms, err := pdfcpu.Bookmarks(ctx); err == nil {
		p.sections = bms
	}
	return p, nil
}

func ptFromMM(mm float64) float64 { return mm * 72 / 25.4 }

// pagesOf is the range of pages, from 1, of the section of document number:
// from its top-level bookmark to the page before the next one.
func (p *printedPack) pagesOf(number string) (first, last int, ok bool) {
	for i, b := range p.sections {
		if !strings.EqualFold(strings.Fields(b.Title + " x")[0], number) {
			continue
		}
		first, last = b.PageFrom, len(p.pages)
		if i+1 < len(p.sections) {
			last = p.sections[i+1].PageFrom - 1
		}
		return first, last, first >= 1 && first <= last && last <= len(p.pages)
	}
	return 0, 0, false
}

// compare prints the stamped version again and compares its pages with
// those of its section in the pack; why is "" when they show the same text.
func (p *printedPack) compare(ctx context.Context, src Source, s Stamp) (page int, why string, err error) {
	first, last, ok := p.pagesOf(s.Number)
	if !ok {
		return 0, "changed: the file holds no pages of this document", nil
	}
	want, err := printSection(ctx, src, s, p)
	if err != nil {
		return 0, "", err
	}
	got := p.pages[first-1 : last]
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) || !sameText(got[i], want[i]) {
			if i >= len(got) {
				return last, fmt.Sprintf("changed: the document ends early, after page %d", last), nil
			}
			return first + i, fmt.Sprintf("changed: page %d does not show the text of version %s", first+i, s.Version), nil
		}
	}
	return 0, "", nil
}

// sameText reports whether two pages show the same characters in the same
// order, spaces aside: packs printed before words were set in runs drew
// each word as a string of its own, and must still verify against a page
// printed again today.
func sameText(a, b []string) bool { return withoutSpaces(a) == withoutSpaces(b) }

// withoutSpaces joins the strings of a page, UTF-16BE as gofpdf writes
// them, without their spaces.
func withoutSpaces(strs []string) string {
	var b strings.Builder
	for _, s := range strs {
		for i := 0; i+1 < len(s); i += 2 {
			if s[i] != 0 || s[i+1] != ' ' {
				b.WriteString(s[i : i+2])
			}
		}
	}
	return b.String()
}

// printSection prints the stamped version's section alone, as the manual
// and the document pack print it, and reads back the body text of each of
// its pages.
func printSection(ctx context.Context, src Source, s Stamp, p *printedPack) ([][]string, error) {
	paper, now := p.paper, p.printed
	rec, ok := findDocument(src.Documents, s.Number)
	if !ok {
		return nil, fmt.Errorf("document %s is not in the source", s.Number)
	}
	st := stateOf(rec)
	if st.approved == nil {
		return nil, fmt.Errorf("document %s has no approved version", s.Number)
	}
	v := *st.approved
	if now.IsZero() {
		now = time.Now()
	}
	opts := Options{Paper: paper, Now: now}.resolve(src.Org)
	env := packEnv{ctx: ctx, src: src, opts: opts, date: opts.DateFormat.Format(opts.Now)}
	w := newDocWriter(env)
	fonts, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	g := pageGeometry(opts.Paper)
	meta := packMeta{now: opts.Now, foot: *w.foot(rec.Document, v, false)}
	md, parsed, breaks := newMarkdown(), map[string]parsedMarkdown{}, map[breakKey]bool{}
	// the section breaks its pages as the pack did (see settleBreaks)
	pass := func(dry bool) (*doc, error) {
		d := newDoc(ctx, fonts, g, meta, dry, 0)
		d.md, d.parsed, d.breakBefore = md, parsed, breaks
		d.refs = p.references(src)
		d.beginSection(rec.Document.Number, sectionTitle(rec.Document, false), true)
		if err := w.render(d, st, v, false, false); err != nil {
			return nil, err
		}
		if d.failed() {
			return nil, d.err
		}
		return d, nil
	}
	if _, err := settleBreaks(breaks, func() (*doc, error) { return pass(true) }); err != nil {
		return nil, err
	}
	d, err := pass(false)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("print %s again: %w", s.Number, err)
	}
	again, err := readPrinted(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return nil, err
	}
	return again.pages, nil
}

// bodyText reads the strings a page's content stream shows between the
// running header and footer, in the order they are drawn. gofpdf places
// each run of text with its own BT … Td … Tj ET, so the position of a
// string is the last Td or Tm before it.
func bodyText(content []byte, g geometry) []string {
	lo, hi := ptFromMM(g.bottom-4), ptFromMM(g.h-g.top+4)
	var out []string
	var nums []float64
	y := 0.0
	show := func(s string) {
		if y >= lo && y <= hi && s != "" {
			out = append(out, s)
		}
	}
	var strs []string // the strings of a TJ array, or the operand of Tj
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(content) && content[i] != '\n' && content[i] != '\r' {
				i++
			}
		case c == '(':
			s, n := literalString(content[i:])
			strs = append(strs, s)
			i += n
		case c == '<' && i+1 < len(content) && content[i+1] == '<':
			i += 2 // inline dictionaries hold no shown text
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return out
			}
			strs = append(strs, hexString(content[i+1:i+j]))
			i += j + 1
		case c == '>' || c == '[' || c == ']' || c == '{' || c == '}':
			i++
		case c == '/':
			j := i + 1
			for j < len(content) && !isDelimiter(content[j]) {
				j++
			}
			i = j
		default:
			j := i
			for j < len(content) && !isDelimiter(content[j]) {
				j++
			}
			if j == i {
				j++
			}
			tok := string(content[i:j])
			i = j
			if f, err := strconv.ParseFloat(tok, 64); err == nil {
				nums = append(nums, f)
				continue
			}
			switch tok {
			case "BT":
				y = 0
			case "Td", "TD":
				if len(nums) >= 2 {
					y = nums[len(nums)-1]
				}
			case "Tm":
				if len(nums) >= 6 {
					y = nums[len(nums)-1]
				}
			case "Tj", "'", "\"", "TJ":
				show(strings.Join(strs, ""))
			}
			nums, strs = nums[:0], strs[:0]
		}
	}
	return out
}

func isDelimiter(c byte) bool {
	return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", c) >= 0
}

// literalString reads a PDF literal string at the start of b, "(" included,
// and returns its bytes and how many bytes of b it took.
func literalString(b []byte) (string, int) {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return string(out), i + 1
			}
			out = append(out, c)
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
				// a line continuation
			default:
				if e >= '0' && e <= '7' {
					v, n := 0, 0
					for n < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7' {
						v = v*8 + int(b[i]-'0')
						i++
						n++
					}
					i--
					out = append(out, byte(v))
					continue
				}
				out = append(out, e)
			}
		default:
			out = append(out, c)
		}
	}
	return string(out), len(b)
}

func hexString(h []byte) string {
	var out []byte
	var hi byte
	half := false
	for _, c := range h {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}
