package reports

import (
	"strings"
	"unicode/utf8"
)

// style is how a run of inline text is set.
type style uint16

const (
	stBold style = 1 << iota
	stItalic
	stMono   // inline code: mono face, a little smaller, light background
	stStrike // struck through
	stMuted  // grey, for "Not yet recorded" and quiet notes
	stAccent // the accent colour, for labels
	stRecord // the record colour, for "Record" labels
	stWhite  // white, for table header rows
	stAlert  // the alert colour, for what is overdue
)

// face is the type face the style prints in. DejaVu has no bold oblique, so
// bold wins.
func (st style) face() face {
	switch {
	case st&stMono != 0:
		return faceMono
	case st&stBold != 0:
		return faceBold
	case st&stItalic != 0:
		return faceItalic
	}
	return faceRegular
}

// colour is the text colour of the style, or base when it sets none.
func (st style) colour(base colour, link bool) colour {
	switch {
	case st&stWhite != 0:
		return colWhite
	case link || st&stAccent != 0:
		return colAccent
	case st&stRecord != 0:
		return colRecord
	case st&stAlert != 0:
		return colAlert
	case st&stMuted != 0:
		return colMuted
	}
	return base
}

// size is the point size the style prints at inside text of size base.
func (st style) size(base float64) float64 {
	if st&stMono != 0 {
		return base * monoScale
	}
	return base
}

// span is a run of inline text with one style; url makes it an external
// link, link one to a page of the pack (see references.go).
type span struct {
	text string
	st   style
	url  string
	link int
}

// plainSpans is text in one style.
func plainSpans(text string, st style) []span { return []span{{text: text, st: st}} }

// piece is a word (or part of one) or a space, measured, ready to print.
type piece struct {
	text string // cleaned for the face of st
	st   style
	url  string
	link int
	w    float64
	glue bool // a breakable space
}

// textLine is one printed line.
type textLine struct {
	pieces []piece
	w      float64
}

type itemKind uint8

const (
	itemBox itemKind = iota
	itemGlue
	itemBreak
)

type item struct {
	kind itemKind
	p    piece
}

// items cuts spans into words, spaces and hard line breaks, made safe and
// measured at size points.
//
// The result lives in a buffer the next call reuses.
func (d *doc) items(spans []span, size float64) []item {
	out := d.itemBuf[:0]
	defer func() { d.itemBuf = out[:0] }()
	for _, sp := range spans {
		f := sp.st.face()
		sz := sp.st.size(size)
		text := d.fonts.faces[f].clean(sp.text)
		for len(text) > 0 {
			i := strings.IndexAny(text, " \t\n")
			if i != 0 {
				word := text
				if i > 0 {
					word = text[:i]
				}
				out = append(out, item{kind: itemBox, p: piece{text: word, st: sp.st, url: sp.url, link: sp.link, w: d.measure(f, sz, word)}})
				text = text[len(word):]
				continue
			}
			if text[0] == '\n' {
				out = append(out, item{kind: itemBreak})
				text = text[1:]
				continue
			}
			j := 0
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			text = text[j:]
			if n := len(out); n > 0 && out[n-1].kind == itemGlue {
				continue // spaces collapse, as in HTML
			}
			out = append(out, item{kind: itemGlue, p: piece{text: " ", st: sp.st, url: sp.url, link: sp.link, w: d.measure(f, sz, " "), glue: true}})
		}
	}
	return out
}

// wrap breaks spans into lines at most width wide. Lines break at spaces; a
// word longer than a line is broken between characters. Every line holds at
// least one character, so wrapping always ends.
func (d *doc) wrap(spans []span, size, width float64) []textLine {
	its := d.items(spans, size)
	// every line is a slice of one buffer, which saves an allocation a line
	buf := make([]piece, 0, len(its)+4)
	var lines []textLine
	start, curW := 0, 0.0
	var glue *piece
	add := func(p piece) {
		buf = append(buf, p)
		curW += p.w
	}
	flush := func() {
		for len(buf) > start && buf[len(buf)-1].glue {
			curW -= buf[len(buf)-1].w
			buf = buf[:len(buf)-1]
		}
		lines = append(lines, textLine{pieces: buf[start:len(buf):len(buf)], w: curW})
		start, curW, glue = len(buf), 0, nil
	}
	for i := 0; i < len(its); {
		it := its[i]
		switch it.kind {
		case itemBreak:
			flush()
			i++
			continue
		case itemGlue:
			if len(buf) > start {
				g := it.p
				glue = &g
			}
			i++
			continue
		}
		// a word: the boxes up to the next space or break
		j, ww := i, 0.0
		for j < len(its) && its[j].kind == itemBox {
			ww += its[j].p.w
			j++
		}
		gw := 0.0
		if glue != nil {
			gw = glue.w
		}
		if curW+gw+ww <= width+1e-9 {
			if glue != nil {
				add(*glue)
				glue = nil
			}
			for _, b := range its[i:j] {
				add(b.p)
			}
			i = j
			continue
		}
		if len(buf) > start {
			flush()
			continue // try the word again on a fresh line
		}
		// the word alone is wider than a line: break it between characters
		for _, b := range its[i:j] {
			f, sz := b.p.st.face(), b.p.st.size(size)
			m := d.fonts.faces[f]
			scale := ptToMM(sz) / 1000
			rest := b.p.text
			for len(rest) > 0 {
				n, w := 0, 0.0
				for n < len(rest) {
					r, s := utf8.DecodeRuneInString(rest[n:])
					rw := 0.0
					if r < 0x10000 {
						rw = float64(m.width[r]) * scale
					}
					if curW+w+rw > width && (n > 0 || len(buf) > start) {
						break
					}
					w += rw
					n += s
				}
				if n > 0 {
					p := b.p
					p.text, p.w = rest[:n], w
					add(p)
					rest = rest[n:]
				}
				if len(rest) > 0 {
					flush()
				}
			}
		}
		i = j
	}
	if len(buf) > start {
		flush()
	}
	return lines
}

// naturalWidth is the width of the widest line of the spans set without
// wrapping, and minWidth the width of the widest word: what table columns
// are sized from.
func (d *doc) naturalWidths(spans []span, size float64) (natural, minimum float64) {
	its := d.items(spans, size)
	line, word := 0.0, 0.0
	for _, it := range its {
		switch it.kind {
		case itemBox:
			line += it.p.w
			word += it.p.w
		case itemGlue:
			line += it.p.w
			word = 0
		case itemBreak:
			line, word = 0, 0
		}
		natural = max(natural, line)
		minimum = max(minimum, word)
	}
	return natural, minimum
}

// drawLine prints a line with its left edge at x (after alignment within
// width) in a line box starting at top, lh high.
//
// Words that share a face, size and colour, with the spaces between them,
// print as one string: a reader's copy and search then find real spaces,
// and the file holds a text object per run, not per word. gofpdf sets a
// string with the advances measure uses and no kerning, so every word
// lands where it would alone.
func (d *doc) drawLine(ln textLine, x, width, top, lh, size float64, base colour, align byte) {
	switch align {
	case 'R':
		x += width - ln.w
	case 'C':
		x += (width - ln.w) / 2
	}
	baseline := d.baseline(top, lh, size)
	var run textRun
	for i, p := range ln.pieces {
		sz := p.st.size(size)
		if p.st&stMono != 0 && p.st&(stWhite|stMuted) == 0 {
			// inline code: a light box behind the text and the spaces in it
			h := ptToMM(sz) * 1.3
			left, right := x, x+p.w
			if i == 0 || !ln.pieces[i-1].glue && ln.pieces[i-1].st&stMono == 0 {
				left -= 0.6
			}
			if i == len(ln.pieces)-1 || ln.pieces[i+1].st&stMono == 0 {
				right += 0.6
			}
			d.fillColour(colCodeBG)
			d.rect(left, baseline-ptToMM(sz)*0.95, right-left, h, "F")
		}
		if p.glue {
			if (p.url != "" || p.link != 0) && i+1 < len(ln.pieces) && ln.pieces[i+1].url == p.url && ln.pieces[i+1].link == p.link {
				d.underline(p, x, baseline, sz, base)
			}
			// the space ends the run before it even where the next word
			// changes style: it shows nothing, and the next run is placed
			// by its own position
			if run.text.Len() > 0 {
				run.text.WriteString(p.text)
			}
			x += p.w
			continue
		}
		c := p.st.colour(base, p.url != "" || p.link != 0)
		if run.text.Len() == 0 || run.face != p.st.face() || run.size != sz || run.colour != c {
			d.flushRun(&run, baseline)
			run.x, run.face, run.size, run.colour = x, p.st.face(), sz, c
		}
		run.text.WriteString(p.text)
		if p.st&stStrike != 0 {
			d.drawColour(c, 0.25)
			d.line(x, baseline-ptToMM(sz)*0.3, x+p.w, baseline-ptToMM(sz)*0.3)
		}
		if p.url != "" {
			d.underline(p, x, baseline, sz, base)
			d.linkURL(x, top, p.w, lh, p.url)
		}
		if p.link != 0 {
			d.underline(p, x, baseline, sz, base)
			if i == 0 || ln.pieces[i-1].link != p.link {
				d.linkTo(x, top, linkedWidth(ln.pieces[i:]), lh, p)
			}
		}
		x += p.w
	}
	d.flushRun(&run, baseline)
}

// textRun is text of one face, size and colour waiting to be printed.
type textRun struct {
	x      float64
	face   face
	size   float64
	colour colour
	text   strings.Builder
}

// flushRun prints the run and empties it. A run that ends where the style
// changes keeps the space before the next word, a real one for readers that
// copy the text.
func (d *doc) flushRun(r *textRun, baseline float64) {
	if r.text.Len() == 0 {
		return
	}
	d.setFont(r.face, r.size)
	d.textColour(r.colour)
	d.text(r.x, baseline, r.text.String())
	r.text.Reset()
}

func (d *doc) underline(p piece, x, baseline, size float64, base colour) {
	d.drawColour(p.st.colour(base, true), 0.2)
	y := baseline + ptToMM(size)*0.12
	d.line(x, y, x+p.w, y)
}

// paraStyle is how a block of text is set.
type paraStyle struct {
	size   float64
	lead   float64 // line height factor; 0 means leading
	colour colour
	align  byte // 'L' (default), 'C' or 'R'
}

func (ps paraStyle) lineHeight() float64 {
	l := ps.lead
	if l == 0 {
		l = leading
	}
	return ptToMM(ps.size) * l
}

// flow prints spans as a paragraph in the current block, breaking pages
// between lines.
func (d *doc) flow(spans []span, ps paraStyle) {
	if ps.size == 0 {
		ps.size = sizeBody
	}
	if ps.colour == 0 {
		ps.colour = colText
	}
	lh := ps.lineHeight()
	lines := d.wrap(spans, ps.size, d.w)
	if len(lines) == 0 && d.marker != nil {
		lines = []textLine{{}}
	}
	d.startBlock(kindText, 0)
	n := len(lines)
	for i, ln := range lines {
		// no line of a paragraph is left alone at the foot or the top of
		// a page: the first lines, and the last, go together
		switch {
		case i == 0 && n >= keepLines:
			first := keepLines
			if n < 2*keepLines {
				first = n
			}
			d.need(float64(first) * lh)
		case i == n-keepLines && i >= keepLines:
			d.need(keepLines * lh)
		}
		x, w := d.x, d.w
		d.lineBox(lh, func(top float64) { d.drawLine(ln, x, w, top, lh, ps.size, ps.colour, ps.align) })
	}
}
