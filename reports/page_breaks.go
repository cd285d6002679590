package reports

import (
	"errors"
	"maps"
	"math"
	"slices"
)

// blockKind is what a placed line belongs to, as far as page breaks care.
type blockKind uint8

const (
	kindOther blockKind = iota
	kindHeading
	kindText
	kindCode
	kindTableHead
	kindTableRow
)

// placed is one line box of the layout: what it belongs to and where it
// went. The layout keeps the list of them so that tests can check the page
// breaks of a whole pack from what was laid out, not from the PDF.
type placed struct {
	kind  blockKind
	block int // ordinal of the block the line is part of
	level int // headings: the level; table rows: the row, -1 for the header
	// headingNo counts the headings of level 1 and below, the same in
	// every pass (see moveHeadings)
	headingNo int
	page      int
	key       breakKey // headings: what breakBefore knows them by
	y, h      float64
}

// Page-break rules, in lines or millimetres.
const (
	// keepLines is the fewest lines of a paragraph left at the foot or
	// carried to the top of a page, and how many lines of what follows a
	// heading stay with it.
	keepLines = 2
	// shortSection is the share of a page's text height under which a
	// section moves whole to the next page rather than start at the foot
	// of this one.
	shortSection = 1.0 / 3
	// shortTail is the share of a page's text height under which the
	// last page of a document counts as nearly empty (see shortTails).
	shortTail = 1.0 / 4
)

// errProbeDone stops a probe once it has seen what it needed.
var errProbeDone = errors.New("probe done")

// startBlock begins a new block of kind k: the lines placed from now on
// belong to it.
func (d *doc) startBlock(k blockKind, level int) {
	d.blockNo++
	d.blockKind, d.blockLevel = k, level
}

// place records a line box of height h at the cursor.
func (d *doc) place(h float64) {
	d.placed = append(d.placed, placed{kind: d.blockKind, block: d.blockNo, level: d.blockLevel, headingNo: d.headingNo, page: d.page, y: d.y, h: h, key: d.headingKey})
	p := d.probing
	if p == nil {
		return
	}
	if d.blockKind != kindHeading {
		p.content++
	}
	if p.maxY > 0 && d.y+h > p.maxY {
		p.tooLong = true
		d.err = errProbeDone
	}
	if p.lines > 0 && p.content >= p.lines {
		d.err = errProbeDone
	}
}

// probeState is what a measuring copy of a pass (see probe) watches for.
type probeState struct {
	lines   int     // stop after this many lines that are not headings (0: no limit)
	maxY    float64 // stop once a line would end below this (0: no limit)
	nested  bool    // a probe inside a probe, which never probes again
	content int
	tooLong bool // stopped at maxY
}

// probe lays out render in a measuring copy of d, from the cursor, or from
// the top of a fresh page when fresh is set, and reports whether it stayed
// on the page it started on (and, when st.maxY is set, above it). Probes
// stop early (see probeState and addPage), so that looking ahead costs at
// most a page.
func (d *doc) probe(fresh bool, st probeState, render func(c *doc)) bool {
	c := *d
	c.dry, c.pdf, c.trace = true, nil, nil
	c.outline, c.linkIDs, c.err = nil, nil, nil
	// the copy knows the last line placed (see underHeading), not more
	c.placed = slices.Clone(d.placed[max(len(d.placed)-1, 0):])
	c.bars = slices.Clone(d.bars)
	c.probing = &st
	if fresh {
		c.page++
		c.y, c.pending = c.g.top, 0
	}
	start := c.page
	render(&c)
	if c.err != nil && !errors.Is(c.err, errProbeDone) {
		return true // a real failure shows in the real pass
	}
	return c.page == start && !st.tooLong
}

// keepWithNext starts a new page before a heading (drawn by render, with
// what follows it) when the heading would otherwise end this page without
// keepLines lines of what follows, or when the section it opens is short
// and fits whole on the next page though not on this one. Only the probe
// that keeps a heading with what follows looks ahead again, once, so that
// a heading stays with a subsection that moves to the next page; looking
// ahead costs at most a page or so a heading.
func (d *doc) keepWithNext(render func(c *doc)) {
	if p := d.probing; p != nil && (p.lines == 0 || p.nested) || d.atTop() || d.failed() {
		return
	}
	text := d.bottom() - d.g.top
	if d.bottom()-d.y < text*shortSection && !d.breakBefore[stayKey(d.headingNo+1)] {
		short := d.probe(true, probeState{maxY: d.g.top + text*shortSection}, render)
		if short && !d.probe(false, probeState{}, render) {
			d.addPage()
			d.pending = 0
			return
		}
	}
	if !d.probe(false, probeState{lines: keepLines, nested: d.probing != nil}, render) {
		d.addPage()
		d.pending = 0
	}
}

// lonelyHeadings finds, in the record of a pass, the headings (by
// headingNo) that end a page without keepLines lines of what follows them,
// and those that open a short section which starts at the foot of one page
// and ends on the next. Printing code can only look ahead where it knows
// what comes next (see keepWithNext); this catches the rest, from the
// measuring pass, so that the next pass starts a page before them.
func (d *doc) lonelyHeadings() []breakKey {
	rec := d.placed
	short := (d.bottom() - d.g.top) * shortSection
	var out []breakKey
	for i := 0; i < len(rec); i++ {
		h := rec[i]
		if h.kind != kindHeading || h.level == 0 || (i > 0 && rec[i-1].block == h.block) {
			continue
		}
		last := i
		for last+1 < len(rec) && rec[last+1].block == h.block {
			last++
		}
		lonely, seen := false, 0
		end := len(rec)
		for j := last + 1; j < len(rec); j++ {
			p := rec[j]
			if p.kind == kindHeading && p.level <= h.level && p.block != rec[j-1].block {
				end = j
				break
			}
			if p.kind == kindHeading || seen >= keepLines {
				continue
			}
			seen++
			if p.page != rec[last].page {
				lonely = true
			}
		}
		if h.y <= d.g.top+0.01 {
			continue // nothing to gain by moving it
		}
		tail := rec[end-1]
		stays := d.breakBefore[stayKey(h.headingNo)]
		if lonely || !stays && tail.page == h.page+1 && (d.bottom()-h.y)+(tail.y+tail.h-d.g.top) < short {
			out = append(out, h.key)
		}
	}
	return append(out, d.tinyLastPages()...)
}

// tinyLastPages finds the sections (level 0) whose last page holds only a
// short closing section of fewer than keepLines+1 lines, such as a
// revision history saying that no version is approved yet, and gives the
// heading before it, when the two fit together on a third of a page: that
// heading moves, so the last page is not a page of one line.
func (d *doc) tinyLastPages() []breakKey {
	rec := d.placed
	short := (d.bottom() - d.g.top) * shortSection
	starts := func(i int) bool { return rec[i].kind == kindHeading && (i == 0 || rec[i-1].block != rec[i].block) }
	var out []breakKey
	for s := 0; s < len(rec); {
		e := s + 1
		for e < len(rec) && !(starts(e) && rec[e].level == 0) {
			e++
		}
		last := rec[e-1].page
		f := e - 1
		for f > s && rec[f-1].page == last {
			f--
		}
		lines := 0
		for _, p := range rec[f:e] {
			if p.kind != kindHeading {
				lines++
			}
		}
		if h := rec[f]; f > s && starts(f) && h.level > 0 && lines <= keepLines {
			for g := f - 1; g > s; g-- {
				if !starts(g) || rec[g].level > h.level {
					continue
				}
				if p := rec[g]; p.level > 0 && p.page == last-1 && p.y > d.g.top+0.01 &&
					(d.bottom()-p.y)+(rec[e-1].y+rec[e-1].h-d.g.top) < short {
					out = append(out, p.key)
				}
				break
			}
		}
		s = e
	}
	return out
}

// settleBreaks runs measure, a measuring pass that starts a page before
// the headings in breaks, and adds the headings it finds alone at the foot
// of a page, until it finds none new (or has tried a few times: each round
// only moves headings down, and rarely finds any). It returns the last pass.
//
// It then weighs each document's short tail against the room above it
// (see shortTails): it lets the short section that moved whole stay where
// it fell and keeps that layout if it saves the nearly empty last page.
func settleBreaks(breaks map[breakKey]bool, measure func() (*doc, error)) (*doc, error) {
	d, err := settleRounds(breaks, measure)
	if err != nil {
		return nil, err
	}
	for _, n := range d.shortTails() {
		saved := maps.Clone(breaks)
		breaks[stayKey(n)] = true
		trial, err := settleRounds(breaks, measure)
		if err != nil {
			return nil, err
		}
		if trial.page < d.page {
			d = trial
			continue
		}
		clear(breaks)
		maps.Copy(breaks, saved)
		breaks[triedKey(n)] = true
	}
	return d, nil
}

// settleRounds is the loop of settleBreaks that adds headings to breaks.
func settleRounds(breaks map[breakKey]bool, measure func() (*doc, error)) (*doc, error) {
	var d *doc
	for range maxBreakRounds {
		var err error
		if d, err = measure(); err != nil {
			return nil, err
		}
		moved := false
		for _, h := range d.lonelyHeadings() {
			if !breaks[h] {
				breaks[h], moved = true, true
			}
		}
		if !moved {
			break
		}
	}
	return d, nil
}

// shortTails finds the documents (level 0 sections) that end on a page
// less than shortTail full while the page before leaves free at its foot
// at least half of what that last page holds, and gives for each the
// heading (by headingNo) that a short-section move last put at the top of
// a page with room left above it: left where it fell, it may take the
// tail back onto the page before.
func (d *doc) shortTails() []int {
	rec := d.placed
	text := d.bottom() - d.g.top
	starts := func(i int) bool { return rec[i].kind == kindHeading && (i == 0 || rec[i-1].block != rec[i].block) }
	var out []int
	for s := 0; s < len(rec); {
		e := s + 1
		for e < len(rec) && !(starts(e) && rec[e].level == 0) {
			e++
		}
		if i, ok := d.shortTailMove(s, e, text); ok {
			out = append(out, rec[i].headingNo)
		}
		s = e
	}
	return out
}

// shortTailMove is the index in the record of the heading shortTails
// gives for the section of records s to e, if any.
func (d *doc) shortTailMove(s, e int, text float64) (int, bool) {
	rec := d.placed
	broken := map[int]bool{}
	for k, v := range d.breakBefore {
		if v && k.page >= 0 {
			broken[k.heading] = true
		}
	}
	last := rec[e-1]
	used := last.y + last.h - d.g.top
	if last.page == rec[s].page || used >= text*shortTail || footRoom(d, rec[s:e], last.page-1) < used/2 {
		return 0, false
	}
	for i := e - 1; i > s; i-- {
		h := rec[i]
		if h.kind != kindHeading || h.level == 0 || rec[i-1].block == h.block || h.y > d.g.top+0.01 {
			continue
		}
		if d.breakBefore[stayKey(h.headingNo)] || d.breakBefore[triedKey(h.headingNo)] {
			return 0, false // tried already
		}
		if broken[h.headingNo] {
			continue // a rule of the record moved it, not its shortness
		}
		if p := rec[i-1]; d.bottom()-(p.y+p.h) >= used/2 {
			return i, true
		}
	}
	return 0, false
}

// footRoom is the height left free below the last line of page pg among
// the records rec.
func footRoom(d *doc, rec []placed, pg int) float64 {
	low := d.g.top
	for _, p := range rec {
		if p.page == pg {
			low = max(low, p.y+p.h)
		}
	}
	return d.bottom() - low
}

// stayKey is the entry of breakBefore that tells the short-section rule to
// leave heading n (by headingNo) where it falls, as shortTails asks: no
// page has a negative number, so it names no place where a page starts.
func stayKey(n int) breakKey { return breakKey{heading: n, page: -1} }

// triedKey records that leaving heading n where it fell saved no page, so
// the layout keeps it moving whole; like stayKey it names no place.
func triedKey(n int) breakKey { return breakKey{heading: n, page: -2} }

// underHeading reports whether the last line placed is a heading on this
// page: a heading that follows it goes where it goes, or it would be left
// alone.
func (d *doc) underHeading() bool {
	n := len(d.placed)
	return n > 0 && d.placed[n-1].kind == kindHeading && d.placed[n-1].page == d.page
}

// breakKey names a heading at a place: its number among the headings of
// the pack, and the page within its section and the height on it where it
// starts. A heading moves to a new page only where a measuring pass found
// it alone (see lonelyHeadings): once what comes before it has moved, it is
// somewhere else, and the next pass looks at it again. Pages count from
// the section's first, so that a section printed alone (see printSection)
// breaks its pages as the pack did.
type breakKey struct {
	heading, page int
	y             float64
}

func (d *doc) breakKey() breakKey {
	return breakKey{heading: d.headingNo, page: d.page - d.sectionPage, y: math.Round(d.y*100) / 100}
}

// maxBreakRounds bounds the measuring passes settleBreaks runs. A heading
// that moves can leave the next one alone, so a long section may take a
// round per heading it moves; printing never waits on more than this.
const maxBreakRounds = 10
