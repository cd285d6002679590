package reports

import (
	"encoding/binary"
	"fmt"
	"math"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"smsbuilder/assets"
)

// face is one of the four embedded type faces a pack prints with.
type face int

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceMono
	faceCount
)

// Font family names as registered with gofpdf. DejaVu has no bold oblique:
// text that is both bold and italic prints bold.
const (
	familyBody = "body"
	familyMono = "mono"
)

// family returns the gofpdf family and style of the face.
func (f face) family() (family, style string) {
	switch f {
	case faceBold:
		return familyBody, "B"
	case faceItalic:
		return familyBody, "I"
	case faceMono:
		return familyMono, ""
	}
	return familyBody, ""
}

// fontBook is the embedded faces with the metrics layout needs: which
// characters each face can draw and how wide they are. It is built once per
// Build call and only read afterwards, so passes and goroutines may share it.
type fontBook struct {
	data  [faceCount][]byte
	faces [faceCount]*faceMetrics
}

// faceMetrics describes one face for the Basic Multilingual Plane, which is
// all gofpdf can print.
type faceMetrics struct {
	// width is the advance of each character in thousandths of an em,
	// rounded exactly as gofpdf rounds it, so that measured text and printed
	// text agree.
	width [0x10000]uint16
	// covered has a bit set for every character the face maps to a glyph.
	covered [0x10000 / 64]uint64
	// ascent and descent (negative) in thousandths of an em.
	ascent, descent float64
	// substitute is what clean prints for a character this face cannot draw.
	substitute rune
}

func (m *faceMetrics) has(r rune) bool {
	return r >= 0 && r < 0x10000 && m.covered[r>>6]&(1<<(uint(r)&63)) != 0
}

// parsedFonts is the embedded faces with their metrics, read on first use
// and only read afterwards: parsing the four faces costs more than laying
// out a short document, so every pack of the process shares one book.
var parsedFonts = sync.OnceValues(loadFonts)

// loadFonts reads the embedded faces and their metrics.
func loadFonts() (*fontBook, error) {
	set, err := assets.Fonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	b := &fontBook{}
	b.data[faceRegular], b.data[faceBold], b.data[faceItalic], b.data[faceMono] = set.Regular, set.Bold, set.Italic, set.Mono
	for f := face(0); f < faceCount; f++ {
		m, err := parseMetrics(b.data[f])
		if err != nil {
			return nil, fmt.Errorf("load fonts: face %d: %w", f, err)
		}
		b.faces[f] = m
	}
	return b, nil
}

// register adds one face to a gofpdf document. Faces are registered when
// first used, since parsing a face costs gofpdf a few milliseconds and a
// pack that prints no code needs no mono face. gofpdf keeps the characters
// up to "9" in every subset (no AliasNbPages is set), so the digits the
// page-count alias turns into always have glyphs.
func (b *fontBook) register(pdf *gofpdf.Fpdf, f face) {
	family, style := f.family()
	pdf.AddUTF8FontFromBytes(family, style, b.data[f])
}

// parseMetrics reads the tables of a TrueType font that layout needs: head
// (units per em), hhea (metric count, ascent, descent), maxp (glyph count),
// hmtx (advances) and the same Unicode cmap subtable gofpdf uses (the first
// format 4 subtable for Windows Unicode BMP or any Unicode platform).
func parseMetrics(font []byte) (*faceMetrics, error) {
	tables, err := tableDirectory(font)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(cmap) < 4 {
		return nil, fmt.Errorf("font lacks a required table")
	}
	be := binary.BigEndian
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return nil, fmt.Errorf("font has no units per em")
	}
	scale := 1000 / upem
	nMetrics := int(be.Uint16(hhea[34:]))
	nGlyphs := int(be.Uint16(maxp[4:]))
	if nMetrics == 0 || len(hmtx) < nMetrics*4 {
		return nil, fmt.Errorf("font has a short hmtx table")
	}
	advance := func(g int) int {
		if g >= nMetrics {
			g = nMetrics - 1
		}
		a := int(be.Uint16(hmtx[g*4:]))
		if a >= 1<<15 {
			a = 0
		}
		return a
	}
	m := &faceMetrics{
		ascent:  float64(int16(be.Uint16(hhea[4:]))) * scale,
		descent: float64(int16(be.Uint16(hhea[6:]))) * scale,
	}
	sub, err := cmapFormat4(cmap)
	if err != nil {
		return nil, err
	}
	segs := int(be.Uint16(sub[6:])) / 2
	if len(sub) < 16+segs*8 {
		return nil, fmt.Errorf("font has a short cmap subtable")
	}
	ends, starts := sub[14:], sub[16+segs*2:]
	deltas, offsets := sub[16+segs*4:], sub[16+segs*6:]
	for s := 0; s < segs; s++ {
		start, end := int(be.Uint16(starts[s*2:])), int(be.Uint16(ends[s*2:]))
		delta := int(be.Uint16(deltas[s*2:]))
		ro := int(be.Uint16(offsets[s*2:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				pos := 16 + segs*6 + s*2 + ro + (c-start)*2
				if pos+2 <= len(sub) {
					if g = int(be.Uint16(sub[pos:])); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g == 0 || g >= nGlyphs {
				continue
			}
			m.covered[c>>6] |= 1 << (uint(c) & 63)
			m.width[c] = uint16(math.Round(scale * float64(advance(g))))
		}
	}
	m.substitute = '?'
	if m.has(substituteRune) {
		m.substitute = substituteRune
	}
	return m, nil
}

// tableDirectory returns the font's tables by tag.
func tableDirectory(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, fmt.Errorf("font is too short")
	}
	be := binary.BigEndian
	n := int(be.Uint16(font[4:]))
	if len(font) < 12+n*16 {
		return nil, fmt.Errorf("font table directory is truncated")
	}
	out := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := font[12+i*16:]
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("font table %q lies outside the file", rec[:4])
		}
		out[string(rec[:4])] = font[off : off+length]
	}
	return out, nil
}

// cmapFormat4 returns the cmap subtable gofpdf reads.
func cmapFormat4(cmap []byte) ([]byte, error) {
	be := binary.BigEndian
	n := int(be.Uint16(cmap[2:]))
	for i := 0; i < n && 4+i*8+8 <= len(cmap); i++ {
		rec := cmap[4+i*8:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		if off+14 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		length := int(be.Uint16(cmap[off+2:]))
		if off+length > len(cmap) {
			length = len(cmap) - off
		}
		return cmap[off : off+length], nil
	}
	return nil, fmt.Errorf("font has no Unicode cmap of format 4")
}
