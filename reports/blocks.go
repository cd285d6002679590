package reports

import (
	"strings"
	"unicode/utf8"

	"smsbuilder/data"
)

// Vertical spacing between blocks, in millimetres. Gaps do not add up: the
// larger of two neighbouring gaps wins, and a gap at the top of a page is
// dropped.
const (
	gapParagraph = 2.6
	gapTightItem = 0.5
	gapLooseItem = 1.8
	gapBlock     = 3.2
)

// notRecorded is the gentle grey note printed where the workspace has no value.
const notRecorded = "Not yet recorded"

// beginSection starts a numbered (or unnumbered) top-level section on a new
// page. toc puts it in the table of contents.
func (d *doc) beginSection(number, title string, toc bool) {
	d.x, d.w, d.bars, d.marker, d.pending = d.g.left, d.g.textWidth(), nil, nil, 0
	d.addPage()
	d.sectionPage = d.page
	d.numbers.restart(number)
	d.section = number
	d.outLevel = -1
	d.heading(0, number, title, toc)
}

// heading prints a section title (level 0) or a heading (1-4), adds its
// bookmark and, for levels 0 and 1 when toc is set, its table of contents
// entry and the target of that entry's link. It stays with the two lines
// that follow it.
func (d *doc) heading(level int, number, title string, toc bool) {
	level = min(max(level, 0), 4)
	size := headingSize(level)
	title = strings.TrimSpace(oneLine(title))
	if title == "" {
		title = "Untitled"
	}
	st := stBold
	col := colAccent
	if level >= 3 {
		col = colText
	}
	var spans []span
	if number != "" {
		spans = append(spans, span{text: number + "\u2002", st: st})
	}
	spans = append(spans, span{text: title, st: st})
	lead := 1.22
	lh := ptToMM(size) * lead
	lines := d.wrap(spans, size, d.w)
	switch level {
	case 0:
		d.gap(0)
	case 1:
		d.gap(7)
	case 2:
		d.gap(5)
	default:
		d.gap(3.8)
	}
	if level > 0 {
		d.headingNo++
		d.headingKey = d.breakKey()
		if d.breakBefore[d.headingKey] && !d.atTop() && !d.underHeading() {
			d.addPage()
			d.pending = 0
		}
	}
	d.need(float64(len(lines))*lh + 2*ptToMM(sizeBody)*leading + 2)
	full := title
	if number != "" {
		full = number + " " + title
	}
	d.bookmark(full, level)
	d.startBlock(kindHeading, level)
	if toc && level <= 1 {
		d.outline = append(d.outline, heading{level: level, number: number, title: title, page: d.page})
		if d.pdf != nil && d.tocNext < len(d.linkIDs) {
			d.pdf.SetLink(d.linkIDs[d.tocNext], d.y, d.page)
		}
		d.tocNext++
	}
	for _, ln := range lines {
		x, w := d.x, d.w
		d.lineBox(lh, func(top float64) { d.drawLine(ln, x, w, top, lh, size, col, 'L') })
	}
	switch level {
	case 0:
		d.y += 1.5
		if !d.dry {
			d.drawColour(colAccent, 0.6)
			d.line(d.x, d.y, d.x+d.w, d.y)
		}
		d.y += 1
		d.gap(6)
	case 1:
		d.gap(2.2)
	default:
		d.gap(1.6)
	}
}

// codeBlock prints lines in the mono face on a light background (or, for
// raw HTML, in grey on white), keeping spaces and breaking lines that are too
// long between characters.
func (d *doc) codeBlock(lines []string, muted bool) {
	const pad = 1.8
	size := sizeCode
	lh := ptToMM(size) * 1.38
	mono := d.fonts.faces[faceMono]
	avail := d.w - 2*pad
	var rows []string
	for _, l := range lines {
		l = expandTabs(oneLineKeepTabs(mono.clean(strings.TrimRight(l, "\r\n"))))
		if l == "" {
			rows = append(rows, "")
			continue
		}
		for len(l) > 0 {
			n, w := 0, 0.0
			for n < len(l) {
				r, s := utf8.DecodeRuneInString(l[n:])
				rw := d.measure(faceMono, size, string(r))
				if w+rw > avail && n > 0 {
					break
				}
				w += rw
				n += s
			}
			rows = append(rows, l[:n])
			l = l[n:]
		}
	}
	if len(rows) == 0 {
		rows = []string{""}
	}
	m := d.marker
	d.marker = nil
	d.startBlock(kindCode, 0)
	for i, row := range rows {
		h, off := lh, 0.0
		if i == 0 {
			h += pad
			off = pad
		}
		if i == len(rows)-1 {
			h += pad
		}
		x, w := d.x, d.w
		d.lineBox(h, func(top float64) {
			if !muted {
				d.fillColour(colCodeBG)
				d.rect(x, top, w, h, "F")
			} else {
				d.drawColour(colRule, 0.3)
				d.line(x, top, x, top+h)
			}
			d.setFont(faceMono, size)
			if muted {
				d.textColour(colMuted)
			} else {
				d.textColour(colText)
			}
			d.text(x+pad, d.baseline(top+off, lh, size), row)
		})
		if i == 0 && m != nil {
			d.marker = m
			d.drawMarker(d.y-h+off, lh)
		}
	}
	d.gap(gapBlock)
}

// oneLineKeepTabs drops line breaks from a code line (there should be none).
func oneLineKeepTabs(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// rule prints a thematic break.
func (d *doc) rule() {
	d.gap(gapBlock)
	d.need(1)
	if !d.dry {
		d.drawColour(colRule, 0.35)
		d.line(d.x+d.w*0.2, d.y, d.x+d.w*0.8, d.y)
	}
	d.y += 0.5
	d.gap(gapBlock)
}

// paragraph prints plain text (line breaks kept) in body type.
func (d *doc) paragraph(text string, st style) {
	d.flow(plainSpans(text, st), paraStyle{size: sizeBody})
	d.gap(gapParagraph)
}

// notYet prints the grey "Not yet recorded".
func (d *doc) notYet() {
	d.paragraph(notRecorded, stMuted|stItalic)
}

// valueCell is a table cell for a workspace value: the value, or a grey
// "Not yet recorded" when it is empty.
func valueCell(v string) cell {
	switch strings.TrimSpace(v) {
	case "":
		return cell{{text: notRecorded, st: stMuted | stItalic}}
	case data.UnreadableText:
		return unreadableCell()
	}
	return cell{{text: strings.TrimSpace(v)}}
}

// keyValues prints label/value pairs as a two-column table.
func (d *doc) keyValues(rows [][2]string) {
	t := table{label: true, fixed: []float64{0.3, 0.7}, size: sizeBody * 0.95}
	for _, r := range rows {
		t.rows = append(t.rows, []cell{{{text: r[0]}}, valueCell(r[1])})
	}
	d.table(t)
	d.gap(gapBlock)
}
