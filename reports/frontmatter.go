package reports

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"math"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"smsbuilder/data"
)

// cover prints the first page: the logo, the organisation, the pack's title
// and subtitle, and its number, version, status and date. It has no running
// header or footer.
func (d *doc) cover() {
	d.addPage()
	if d.dry {
		return
	}
	g := d.g
	d.fillColour(colAccent)
	d.rect(0, 0, 8, g.h, "F")
	x, w := g.left+4, g.textWidth()-4
	if l := d.meta.logo; l != nil {
		maxW, maxH := 60.0, 26.0
		lw, lh := maxW, maxW*float64(l.h)/float64(l.w)
		if lh > maxH {
			lh, lw = maxH, maxH*float64(l.w)/float64(l.h)
		}
		opt := gofpdf.ImageOptions{ImageType: "PNG"}
		d.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(l.png))
		d.pdf.ImageOptions("logo", x, 26, lw, lh, false, opt, 0, "")
	}
	y := g.h * 0.31
	block := func(text string, st style, size, lead float64, col colour, maxLines int) {
		lh := ptToMM(size) * lead
		lines := d.wrap(plainSpans(text, st), size, w)
		if len(lines) > maxLines {
			lines = lines[:maxLines]
		}
		for _, ln := range lines {
			d.drawLine(ln, x, w, y, lh, size, col, 'L')
			y += lh
		}
	}
	block(d.meta.org, 0, 13, 1.3, colMuted, 3)
	y += 5
	block(d.meta.title, stBold, 27, 1.18, colAccent, 4)
	y += 3
	block(d.meta.subtitle, 0, 12.5, 1.35, colText, 4)
	y += 6
	d.fillColour(colAccent)
	d.rect(x, y, 36, 1.1, "F")

	// document details, low on the page
	rows := [][2]string{
		{"Document number", d.meta.docNumber},
		{"Version", d.meta.version},
		{"Status", d.meta.status},
		{"Date", d.meta.date},
	}
	y = g.h - g.bottom - 62
	for _, r := range rows {
		d.setFont(faceRegular, sizeSmall)
		d.textColour(colMuted)
		d.text(x, y+4, r[0])
		d.setFont(faceBold, 11)
		d.textColour(colText)
		d.text(x+42, y+4, d.fit(faceBold, 11, r[1], w-42))
		d.drawColour(colRule, 0.2)
		d.line(x, y+7, x+w, y+7)
		y += 10
	}
	d.setFont(faceRegular, sizeRunning)
	d.textColour(colMuted)
	d.text(x, g.h-14, "Prepared with SMS Builder for ISO/IEC 20000-1:2018  ·  Uncontrolled when printed")
}

// control prints the document control page: the documents the pack holds,
// their versions, status and who owns and approves them.
func (d *doc) control(spec *packSpec) {
	d.beginSection("", "Document control", false)
	intro := spec.controlIntro
	if intro == "" {
		intro = "This pack was generated from the SMS Builder workspace of " + d.meta.org + " on " + d.meta.date +
			". The table lists the documents it contains with their version, status and the people who own and approve them."
	}
	d.paragraph(intro, 0)
	dateHeader := spec.controlDate
	if dateHeader == "" {
		dateHeader = "Date"
	}
	if spec.controlAsList && len(spec.control) == 1 {
		// one document reads better as a list than as a table of one row
		r := spec.control[0]
		rows := [][2]string{{"Number", r.Number}, {"Title", r.Title}, {"Version", r.Version}, {"Status", r.Status}, {dateHeader, r.Date}, {"Owner", r.Owner}}
		if !spec.noApprover {
			rows = append(rows, [2]string{"Approver", r.Approver})
		}
		d.keyValues(rows)
	} else {
		d.controlTable(spec, dateHeader)
	}
	d.gap(gapBlock * 2)
	d.heading(2, "", "Printed copies", false)
	note := "The controlled version of every document is the one held in the workspace. A printed or saved copy of this pack is uncontrolled: check the version in the workspace before relying on it."
	if len(spec.stamps) > 0 {
		note += " The footer of every page of a document gives its number and version and, for approved text, the first 12 digits of the SHA-256 of the text printed, or else says DRAFT; the PDF file lists them too, so that the command smsbuilder verify can check a saved copy against the workspace."
	}
	if d.meta.draft {
		note += " This copy is marked DRAFT: it has not been approved."
	}
	d.paragraph(note, 0)
}

// controlTable prints the document control table, one document a row.
func (d *doc) controlTable(spec *packSpec, dateHeader string) {
	t := table{
		header: []cell{{{text: "Number"}}, {{text: "Title"}}, {{text: "Version"}}, {{text: "Status"}}, {{text: dateHeader}}, {{text: "Owner"}}},
	}
	if !spec.noApprover {
		t.header = append(t.header, cell{{text: "Approver"}})
	}
	for _, r := range spec.control {
		row := []cell{valueCell(r.Number), valueCell(r.Title), valueCell(r.Version), statusCell(r.Status), valueCell(r.Date), valueCell(r.Owner)}
		if !spec.noApprover {
			row = append(row, valueCell(r.Approver))
		}
		t.rows = append(t.rows, row)
	}
	if len(spec.controlWeights) == len(t.header) {
		t.fixed = d.fitColumns(t, spec.controlWeights, 0.2)
	}
	d.table(t)
}

// statusCell prints a status, in bold when it says DRAFT: a draft printed
// among approved documents must not be missed.
func statusCell(s string) cell {
	if strings.Contains(s, "DRAFT") {
		return cell{{text: strings.TrimSpace(s), st: stBold | stAlert}}
	}
	return valueCell(s)
}

// contents prints the table of contents: sections and their first-level
// headings with right-aligned page numbers behind dot leaders, each entry a
// link to its heading. Its layout depends only on the entries, never on
// their page numbers, so the measuring passes and the printing pass agree.
func (d *doc) contents(toc []heading) {
	d.toc = toc
	if len(toc) == 0 {
		return
	}
	d.beginSection("", "Contents", false)
	const pageW = 9.0 // the page number column
	// number columns wide enough for the widest number of each level
	numW, subW := 10.0, 10.0
	for _, e := range toc {
		if e.level == 0 {
			numW = max(numW, d.width(faceBold, 10.5, e.number)+3)
		} else {
			subW = max(subW, d.width(faceRegular, sizeBody, e.number)+3)
		}
	}
	numW, subW = min(numW, d.w/4), min(subW, d.w/4)
	// sections stand apart from the headings of the one before; a contents
	// of sections alone (the manual's) is set closer
	sectionGap := 1.2
	for _, e := range toc {
		if e.level > 0 {
			sectionGap = 3
		}
	}
	right := d.x + d.w
	for i, e := range toc {
		if d.failed() {
			return
		}
		st, size := style(0), sizeBody
		textX := d.x + numW
		numX := d.x
		if e.level == 0 {
			st, size = stBold, 10.5
			if i > 0 {
				d.gap(sectionGap)
			}
		} else {
			numX = d.x + numW
			textX = numX + subW
		}
		lh := ptToMM(size) * 1.5
		avail := right - pageW - 4 - textX
		lines := d.wrap(plainSpans(e.title, st), size, avail)
		if len(lines) == 0 {
			lines = []textLine{{}}
		}
		link := 0
		if d.pdf != nil {
			link = d.pdf.AddLink()
			d.linkIDs = append(d.linkIDs, link)
		}
		col := colText
		if e.level == 0 {
			col = colAccent
		}
		page := strconv.Itoa(e.page - 1) // printed numbers start after the cover
		d.need(float64(min(len(lines), 2)) * lh)
		for li, ln := range lines {
			last := li == len(lines)-1
			first := li == 0
			d.lineBox(lh, func(top float64) {
				base := d.baseline(top, lh, size)
				if first && e.number != "" {
					d.setFont(st.face(), size)
					d.textColour(col)
					d.text(numX, base, d.fit(st.face(), size, e.number, textX-numX-1.5))
				}
				d.drawLine(ln, textX, avail, top, lh, size, col, 'L')
				if last {
					d.setFont(st.face(), size)
					d.textColour(col)
					pw := d.width(st.face(), size, page)
					d.text(right-pw, base, page)
					d.leaders(textX+ln.w+1.5, right-pageW+1, base, size)
				}
				d.pdf.Link(d.x, top, d.w, lh, link)
			})
		}
	}
}

// leaders prints a row of dots from x1 to x2, aligned to the right end so
// that the dots of every entry line up.
func (d *doc) leaders(x1, x2, baseline, size float64) {
	d.setFont(faceRegular, size)
	dot := d.measure(faceRegular, size, ". ")
	if dot <= 0 || x2-x1 < dot {
		return
	}
	n := int(math.Floor((x2 - x1) / dot))
	s := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		s = append(s, '.', ' ')
	}
	d.textColour(colFaint)
	d.text(x2-float64(n)*dot, baseline, string(s))
}

// logoImage is the organisation's logo, re-encoded as an 8-bit PNG that
// gofpdf reads without fail.
type logoImage struct {
	png  []byte
	w, h int
}

// maxLogoPixels bounds the logo that is decoded at all (a small file can
// claim a huge image), and maxLogoSide the side it is scaled down to.
const (
	maxLogoPixels = 40_000_000
	maxLogoSide   = 1200
)

// prepareLogo decodes a PNG or JPEG logo and re-encodes it as a plain 8-bit
// PNG, scaled down if it is large. gofpdf cannot read 16-bit or interlaced
// PNGs and some JPEGs; re-encoding makes every readable logo printable. A
// logo that cannot be read is left out rather than failing the pack.
func prepareLogo(b []byte) *logoImage {
	if len(b) == 0 || data.LogoKind(b) == "" {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxLogoPixels {
		return nil
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	img := toNRGBA(src, maxLogoSide)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil
	}
	return &logoImage{png: buf.Bytes(), w: img.Bounds().Dx(), h: img.Bounds().Dy()}
}

// toNRGBA copies src into an 8-bit image at most side pixels on its longer
// side, averaging a few samples per pixel when it scales down.
func toNRGBA(src image.Image, side int) *image.NRGBA {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side {
		dst := image.NewNRGBA(image.Rect(0, 0, w, h))
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	scale := float64(side) / float64(max(w, h))
	dw, dh := max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	const k = 3 // samples per axis
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var r, g, bl, a uint32
			for sy := 0; sy < k; sy++ {
				for sx := 0; sx < k; sx++ {
					px := b.Min.X + int((float64(x)+(float64(sx)+0.5)/k)/scale)
					py := b.Min.Y + int((float64(y)+(float64(sy)+0.5)/k)/scale)
					cr, cg, cb, ca := src.At(min(px, b.Max.X-1), min(py, b.Max.Y-1)).RGBA()
					r, g, bl, a = r+cr, g+cg, bl+cb, a+ca
				}
			}
			n := uint32(k * k)
			// average premultiplied colour, then un-premultiply
			ar, ag, ab, aa := r/n, g/n, bl/n, a/n
			i := dst.PixOffset(x, y)
			if aa > 0 {
				dst.Pix[i] = uint8(ar * 0xFFFF / aa >> 8)
				dst.Pix[i+1] = uint8(ag * 0xFFFF / aa >> 8)
				dst.Pix[i+2] = uint8(ab * 0xFFFF / aa >> 8)
			}
			dst.Pix[i+3] = uint8(aa >> 8)
		}
	}
	return dst
}
