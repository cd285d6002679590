package reports

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/yuin/goldmark"

	"smsbuilder/data"
)

// colour is an RGB colour as 0xRRGGBB.
type colour uint32

func (c colour) rgb() (int, int, int) { return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF) }

// The palette: one muted accent (the blue of the app icon) and greys.
const (
	colAccent     colour = 0x1F4E79
	colAccentTint colour = 0xE8EEF5
	colText       colour = 0x222222
	colMuted      colour = 0x6B6B6B
	colFaint      colour = 0x8C8C8C
	colRule       colour = 0xC5CCD3
	colZebra      colour = 0xF4F6F9
	colCodeBG     colour = 0xF2F3F4
	colRecord     colour = 0x3D6B4F
	colWhite      colour = 0xFFFFFF
	colWatermark  colour = 0x9A9A9A
)

// The typographic scale, in points.
const (
	sizeBody    = 10.0
	sizeSmall   = 8.5
	sizeTable   = 8.8
	sizeCode    = 8.3
	sizeRunning = 7.8
	leading     = 1.42 // line height as a multiple of the font size
	monoScale   = 0.9  // inline code is set a little smaller than its text
)

// headingSizes are the sizes of section titles (level 0) and headings 1-4.
func headingSize(level int) float64 {
	switch level {
	case 0:
		return 19
	case 1:
		return 14
	case 2:
		return 12
	case 3:
		return 10.8
	}
	return 10
}

// ptToMM converts points to millimetres, the unit of every layout figure.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// pageCountAlias is replaced by the page count when the PDF is written
// (gofpdf RegisterAlias, as AliasNbPages does, but counting without the
// cover). It is made of a private-use character that clean
// never lets user text through, so no one can type it by accident.
const pageCountAlias = "\uE000nb\uE000"

// geometry is the page and its margins, in millimetres.
type geometry struct {
	w, h                     float64
	left, right, top, bottom float64
}

func pageGeometry(p data.PaperSize) geometry {
	g := geometry{w: 210, h: 297, left: 22, right: 22, top: 27, bottom: 24}
	if p == data.PaperLetter {
		g.w, g.h = 215.9, 279.4
		g.left, g.right = 24, 24
	}
	return g
}

// landscape is the page turned on its side, margins kept.
func (g geometry) landscape() geometry {
	g.w, g.h = g.h, g.w
	return g
}

func (g geometry) textWidth() float64 { return g.w - g.left - g.right }

// heading is an entry of the outline: a section (level 0) or a heading
// inside one (levels 1-4). Levels 0 and 1 make the table of contents.
type heading struct {
	level  int
	number string
	title  string
	page   int
}

// packMeta is what every page of a pack shows about it.
type packMeta struct {
	org       string // organisation legal name, for the cover and running header
	title     string
	subtitle  string
	docNumber string
	version   string
	status    string
	date      string
	draft     bool
	logo      *logoImage
	now       time.Time
	compress  bool // page content compressed, as every pack is but in tests
	// foot is what the footer of the pack's own pages says about the
	// document printed; a section may print another (see section.foot).
	foot running
	// keywords go into the PDF's Keywords metadata: the audit trail's head
	// and the verification stamps of the controlled documents the pack
	// prints, or "".
	keywords string
}

// running is what the footer of a page says about the document printed on
// it: its number and version and, for a controlled document, the SHA-256
// of the text printed, or that the text is a draft.
type running struct {
	number, version string
	hash            string // 64 hex digits of the text's SHA-256; "" for a pack's own pages
	draft           bool   // the text is not approved: the footer says so and the page carries a DRAFT watermark
}

// marker is a list bullet or number waiting to be printed beside the first
// line of its item.
type marker struct {
	text string
	x    float64 // right edge
	size float64
}

// doc lays out one pass of a pack. With dry set it only measures: the
// cursor, page breaks and outline are computed exactly as when printing, but
// nothing reaches gofpdf, which makes the passes that find page numbers cheap.
//
// Every call into gofpdf goes through the small set of methods below; text
// always passes through faceMetrics.clean on its way.
type doc struct {
	ctx   context.Context
	fonts *fontBook
	g     geometry
	meta  packMeta
	dry   bool
	pdf   *gofpdf.Fpdf // nil when dry

	page int     // current page, 1-based
	y    float64 // cursor
	x, w float64 // current block: left edge and width

	bars        []float64 // x of the bars of enclosing block quotes
	marker      *marker
	pending     float64 // gap asked for before the next block
	pendingBars int     // quote bars that enclosed every request for that gap

	face       face
	size       float64
	fontSet    bool
	registered [faceCount]bool
	// builtinFonts draws with gofpdf's own Helvetica and Courier, which
	// need no parsing or embedding, in place of the embedded faces; layout
	// still measures with the embedded ones. Fuzz targets use it: parsing
	// and subsetting the faces costs gofpdf far more than the layout.
	builtinFonts bool
	itemBuf      []item // scratch space of items
	linkIDs      []int  // real passes: the link of each table of contents entry
	tocNext      int    // the next table of contents entry to point a link at
	outline      []heading
	toc          []heading // the table of contents this pass prints, with its pages; nil while measuring
	outLevel     int       // level of the last bookmark, -1 before the first

	numbers headingNumbers // of the headings of the current section
	section string         // number of the current section: references to it are to this document

	pagesHint int                       // page count found by the previous pass, for the footer
	foot      running                   // what the footer of the current page says
	nextFoot  *running                  // the footer from the next page on, set by setFoot
	trace     io.Writer                 // tests: a text dump of every drawing operation
	colText   colour                    // current text colour
	colSet    bool                      // colText is what gofpdf has
	colFill   colour                    // current fill colour, for the trace
	md        goldmark.Markdown         // the Markdown parser, shared by the passes
	parsed    map[string]parsedMarkdown // Markdown already parsed, shared by the passes
	err       error

	// the layout's record of what went where (see placed)
	placed     []placed
	blockNo    int
	blockKind  blockKind
	blockLevel int
	probing    *probeState // set in a measuring copy that looks ahead
	headingNo  int
	// breakBefore are the headings that start a new page: those an
	// earlier pass found alone at the foot of one, where it found them
	// (see lonelyHeadings). Shared by the passes.
	breakBefore map[breakKey]bool
	sectionPage int      // the page the current section started on
	headingKey  breakKey // of the last heading

	progressTotal int // the steps of progress a build reports

	refs *refPass // references to documents; nil in packs that print none
}

// newDoc starts a pass. pagesHint is the page count of the previous pass (0
// when unknown); it only places "Page N of M" flush right.
func newDoc(ctx context.Context, fonts *fontBook, g geometry, meta packMeta, dry bool, pagesHint int) *doc {
	d := &doc{ctx: ctx, fonts: fonts, g: g, meta: meta, dry: dry, outLevel: -1, pagesHint: pagesHint, foot: meta.foot}
	d.x, d.w = g.left, g.textWidth()
	if dry {
		return d
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: gofpdf.SizeType{Wd: g.w, Ht: g.h}})
	pdf.SetMargins(g.left, g.top, g.right)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(meta.compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(meta.now)
	pdf.SetModificationDate(meta.now)
	di := packInfo(fonts, meta)
	pdf.SetTitle(di.title, true)
	pdf.SetSubject(di.subject, true)
	pdf.SetAuthor(di.author, true)
	if di.keywords != "" {
		pdf.SetKeywords(di.keywords, false) // ASCII by construction (see packKeywords)
	}
	pdf.SetCreator(di.creator, true)
	pdf.SetProducer(di.producer, true)
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)
	d.pdf = pdf
	return d
}

// packInfo is the document information of a pack's PDF, made safe.
func packInfo(fonts *fontBook, meta packMeta) docInfo {
	clean := fonts.faces[faceRegular].clean
	return docInfo{
		title:    oneLine(clean(meta.title)),
		subject:  oneLine(clean(meta.subtitle)),
		author:   oneLine(clean(meta.org)),
		keywords: meta.keywords,
		creator:  "SMS Builder",
		producer: "SMS Builder (gofpdf)",
		now:      meta.now,
	}
}

// failed reports whether the pass should stop: an error, a cancelled
// context, or gofpdf in an error state.
func (d *doc) failed() bool {
	if d.err == nil && d.ctx != nil {
		if err := d.ctx.Err(); err != nil {
			d.err = err
		}
	}
	if d.err == nil && d.pdf != nil && d.pdf.Err() {
		d.err = fmt.Errorf("draw pdf: %w", d.pdf.Error())
	}
	return d.err != nil
}

// ---- the gate to gofpdf ----

func (d *doc) addPage() {
	if d.probing != nil {
		d.err = errProbeDone // a probe only asks whether it stays on its page
	}
	d.page++
	d.y = d.g.top
	d.tracef("page %d\n", d.page)
	if d.pdf != nil {
		d.pdf.AddPage()
		d.fontSet, d.colSet = false, false
	}
}

func (d *doc) setFont(f face, size float64) {
	if d.pdf == nil || (d.fontSet && d.face == f && d.size == size) {
		d.face, d.size = f, size
		return
	}
	family, style := f.family()
	switch {
	case d.builtinFonts:
		family = "Helvetica"
		if f == faceMono {
			family = "Courier"
		}
	case !d.registered[f]:
		d.fonts.register(d.pdf, f)
		d.registered[f] = true
	}
	d.pdf.SetFont(family, style, size)
	d.face, d.size, d.fontSet = f, size, true
}

// tracef writes one line of the drawing trace when a test asked for it.
func (d *doc) tracef(format string, args ...any) {
	if d.trace != nil && !d.dry {
		fmt.Fprintf(d.trace, format, args...)
	}
}

func (d *doc) textColour(c colour) {
	if d.pdf != nil && (!d.colSet || d.colText != c) {
		d.pdf.SetTextColor(c.rgb())
	}
	d.colText, d.colSet = c, true
}

func (d *doc) fillColour(c colour) {
	d.colFill = c
	if d.pdf != nil {
		d.pdf.SetFillColor(c.rgb())
	}
}

func (d *doc) drawColour(c colour, width float64) {
	if d.pdf != nil {
		d.pdf.SetDrawColor(c.rgb())
		d.pdf.SetLineWidth(width)
	}
}

// text prints s with its baseline at y in the current face, made safe first.
func (d *doc) text(x, y float64, s string) {
	if d.pdf == nil {
		return
	}
	s = oneLine(d.fonts.faces[d.face].clean(s))
	if s == "" {
		return
	}
	d.tracef("text f%d %.1fpt #%06x %.2f %.2f %q\n", d.face, d.size, uint32(d.colText), x, y, s)
	d.pdf.Text(x, y, s)
}

func (d *doc) rect(x, y, w, h float64, style string) {
	if d.pdf != nil && w > 0 && h > 0 {
		d.tracef("rect %.2f %.2f %.2f %.2f %s #%06x\n", x, y, w, h, style, uint32(d.colFill))
		d.pdf.Rect(x, y, w, h, style)
	}
}

// circle fills and strokes a dot of radius r centred at x, y.
func (d *doc) circle(x, y, r float64) {
	if d.pdf != nil {
		d.tracef("circle %.2f %.2f %.2f #%06x\n", x, y, r, uint32(d.colFill))
		d.pdf.Circle(x, y, r, "FD")
	}
}

// dash makes the lines drawn next dashed, or solid again.
func (d *doc) dash(on bool) {
	if d.pdf == nil {
		return
	}
	if on {
		d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
	} else {
		d.pdf.SetDashPattern(nil, 0)
	}
}

func (d *doc) line(x1, y1, x2, y2 float64) {
	if d.pdf != nil {
		d.tracef("line %.2f %.2f %.2f %.2f\n", x1, y1, x2, y2)
		d.pdf.Line(x1, y1, x2, y2)
	}
}

func (d *doc) linkURL(x, y, w, h float64, url string) {
	if d.pdf != nil && url != "" && w > 0 {
		d.tracef("link %.2f %.2f %.2f %.2f %q\n", x, y, w, h, url)
		d.pdf.LinkString(x, y, w, h, url)
	}
}

// bookmark adds an outline entry at the cursor. Levels never jump by more
// than one below the previous entry, which PDF outlines cannot express.
func (d *doc) bookmark(title string, level int) {
	if level > d.outLevel+1 {
		level = d.outLevel + 1
	}
	if level < 0 {
		level = 0
	}
	d.outLevel = level
	if d.pdf == nil {
		return
	}
	t := oneLine(d.fonts.faces[faceRegular].clean(title))
	if t == "" {
		t = "Untitled"
	}
	d.tracef("bookmark %d %.2f %q\n", level, d.y, t)
	d.pdf.Bookmark(t, level, d.y)
}

// ---- measuring ----

// measure is the width in millimetres of s, already cleaned for f, at size points.
func (d *doc) measure(f face, size float64, s string) float64 {
	m := d.fonts.faces[f]
	units := 0
	for _, r := range s {
		if r < 0x10000 {
			units += int(m.width[r])
		}
	}
	return float64(units) * ptToMM(size) / 1000
}

// width is the width of any string once made safe.
func (d *doc) width(f face, size float64, s string) float64 {
	return d.measure(f, size, oneLine(d.fonts.faces[f].clean(s)))
}

// baseline is where text of the size sits to look centred in a line box.
func (d *doc) baseline(top, lh, size float64) float64 {
	m := d.fonts.faces[faceRegular]
	return top + lh/2 + (m.ascent+m.descent)/2000*ptToMM(size)
}

// fit shortens s with an ellipsis until it is at most w wide.
func (d *doc) fit(f face, size float64, s string, w float64) string {
	s = oneLine(d.fonts.faces[f].clean(s))
	if d.measure(f, size, s) <= w {
		return s
	}
	m := d.fonts.faces[f]
	limit := w - d.measure(f, size, "…")
	scale := ptToMM(size) / 1000
	used := 0.0
	for i, r := range s {
		used += float64(m.width[r]) * scale
		if used > limit {
			return s[:i] + "…"
		}
	}
	return s
}

// ---- vertical flow ----

func (d *doc) bottom() float64 { return d.g.h - d.g.bottom }

func (d *doc) atTop() bool { return d.y <= d.g.top+0.01 }

// need adds the pending gap and starts a new page unless h more
// millimetres fit on this one. At the top of a page everything "fits": a
// block taller than a page is split by its own drawing code.
func (d *doc) need(h float64) {
	if p := d.pending; p > 0 {
		d.pending = 0
		if !d.atTop() {
			if d.y+p+h > d.bottom()+0.01 {
				d.addPage()
				return
			}
			bars := d.bars
			d.bars = bars[:min(d.pendingBars, len(bars))]
			d.decorate(d.y, p)
			d.bars = bars
			d.y += p
		}
	}
	if d.y+h > d.bottom()+0.01 && !d.atTop() {
		d.addPage()
	}
}

// gap asks for vertical space before the next block. Gaps do not add up (the
// larger wins) and are dropped at the top of a page.
func (d *doc) gap(h float64) {
	if d.pending == 0 {
		d.pendingBars = len(d.bars)
	}
	d.pending = max(d.pending, h)
	d.pendingBars = min(d.pendingBars, len(d.bars))
}

// decorate draws what runs beside the flow: block quote bars.
func (d *doc) decorate(top, h float64) {
	if len(d.bars) == 0 || d.dry {
		return
	}
	d.drawColour(colRule, 0.9)
	for _, x := range d.bars {
		d.line(x, top, x, top+h)
	}
}

// lineBox reserves one line of height h, breaking the page first if needed,
// draws decorations and any pending list marker, and calls draw with the top
// of the line.
func (d *doc) lineBox(h float64, draw func(top float64)) {
	d.need(h)
	top := d.y
	d.place(h)
	d.decorate(top, h)
	d.drawMarker(top, h)
	if !d.dry {
		draw(top)
	}
	d.y += h
}

func (d *doc) drawMarker(top, lh float64) {
	m := d.marker
	if m == nil {
		return
	}
	d.marker = nil
	if d.dry {
		return
	}
	d.setFont(faceRegular, m.size)
	d.textColour(colAccent)
	d.text(m.x-d.width(faceRegular, m.size, m.text), d.baseline(top, lh, m.size), m.text)
}

// indent narrows the block by dx (and draws a quote bar when bar is set)
// until the returned function is called. Deep nesting stops indenting once
// the block would become narrower than a third of the text width, so that
// text always has room.
func (d *doc) indent(dx float64, bar bool) (restore func()) {
	x, w, bars := d.x, d.w, len(d.bars)
	if d.w-dx < d.g.textWidth()/3 {
		dx, bar = 0, false
	}
	if bar {
		d.bars = append(d.bars, d.x+dx*0.3)
	}
	d.x += dx
	d.w -= dx
	return func() { d.x, d.w, d.bars = x, w, d.bars[:bars] }
}

// ---- running header, footer and watermark ----

// setFoot makes the footer say r from the next page on. gofpdf draws a
// page's footer when the page is finished, that is while the next one is
// being added, so the change waits for the header of the next page.
func (d *doc) setFoot(r running) { d.nextFoot = &r }

func (d *doc) header() {
	d.fontSet, d.colSet = false, false
	if d.nextFoot != nil {
		d.foot, d.nextFoot = *d.nextFoot, nil
	}
	if d.pdf.PageNo() <= 1 {
		return
	}
	g := d.g
	y := g.top - 12
	d.setFont(faceRegular, sizeRunning)
	d.textColour(colMuted)
	half := g.textWidth()/2 - 3
	left := d.fit(faceRegular, sizeRunning, d.meta.org, half)
	d.text(g.left, y, left)
	d.setFont(faceBold, sizeRunning)
	d.textColour(colAccent)
	right := d.fit(faceBold, sizeRunning, d.meta.title, half)
	d.text(g.w-g.right-d.measure(faceBold, sizeRunning, right), y, right)
	d.drawColour(colRule, 0.25)
	d.line(g.left, y+2.2, g.w-g.right, y+2.2)
	d.fontSet, d.colSet = false, false
}

func (d *doc) footer() {
	d.fontSet, d.colSet = false, false
	if d.meta.draft || d.foot.draft {
		d.watermark()
	}
	if d.pdf.PageNo() <= 1 {
		return
	}
	g := d.g
	y := g.h - g.bottom + 11
	d.drawColour(colRule, 0.25)
	d.line(g.left, y-4.2, g.w-g.right, y-4.2)
	d.setFont(faceRegular, sizeRunning)
	d.textColour(colMuted)
	third := g.textWidth()/3 - 2
	version := "Version " + d.foot.version
	if d.foot.draft {
		version = d.foot.version // "Draft for 1.1" says what it is
	}
	left := d.fit(faceRegular, sizeRunning, d.foot.number+"  ·  "+version, third)
	d.text(g.left, y, left)
	centre := "Uncontrolled when printed"
	d.text(g.left+(g.textWidth()-d.width(faceRegular, sizeRunning, centre))/2, y, centre)
	// "Page N of M" counts from the page after the cover, which has no
	// number. M is an alias gofpdf replaces when it writes the file (see
	// renderPack); the previous pass told us how many digits it will have.
	n := d.pdf.PageNo() - 1
	prefix := "Page " + strconv.Itoa(n) + " of "
	total := max(d.pagesHint-1, n)
	w := d.width(faceRegular, sizeRunning, prefix+strconv.Itoa(total))
	d.text(g.w-g.right-w, y, prefix)
	// The alias is our own constant, not user text: it is written after
	// clean, which would otherwise replace its private-use characters.
	d.pdf.Text(g.w-g.right-w+d.width(faceRegular, sizeRunning, prefix), y, pageCountAlias)
	// A controlled document's page says which text it is: the first 12
	// digits of its SHA-256, which a reader can compare with the workspace,
	// or that it is a draft.
	switch {
	case d.foot.draft:
		d.setFont(faceBold, sizeRunning)
		d.textColour(colAlert)
		d.text(g.left, y+3.4, "DRAFT \u2013 not approved")
	case len(d.foot.hash) >= 12:
		d.setFont(faceMono, sizeRunning*monoScale)
		d.textColour(colMuted)
		d.text(g.left, y+3.4, "sha256 "+d.foot.hash[:12])
	}
	d.fontSet, d.colSet = false, false
}

// watermark prints a large, light, diagonal DRAFT across the page, above the
// content but translucent so that the content stays readable.
func (d *doc) watermark() {
	g := d.g
	const word = "DRAFT"
	size := 120.0
	d.setFont(faceBold, size)
	w := d.measure(faceBold, size, word)
	cx, cy := g.w/2, g.h/2
	angle := math.Atan2(g.h, g.w) * 180 / math.Pi
	d.pdf.SetAlpha(0.16, "Normal")
	d.textColour(colWatermark)
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(angle, cx, cy)
	d.text(cx-w/2, cy+ptToMM(size)*0.36, word)
	d.pdf.TransformEnd()
	d.colSet = false
	d.pdf.SetAlpha(1, "Normal")
}
