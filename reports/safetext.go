package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// substituteRune is printed in place of a character a pack cannot print.
//
// We print U+FFFD REPLACEMENT CHARACTER (a diamond with a question mark, which
// every DejaVu face has) rather than dropping the character or spelling out
// its code point: it is Unicode's own sign for "a character was here that
// could not be shown", a reader sees at once that something is missing, and
// being one glyph wide it keeps table columns and line breaks the same as the
// author saw them. A face without it would print "?" instead.
const substituteRune = '\uFFFD'

// clean makes s safe to hand to gofpdf in face m. It is the one gate every
// string passes on its way into a PDF (see doc.text, doc.bookmark and the
// metadata setters), and it guarantees that:
//
//   - invalid UTF-8 becomes the substitute;
//   - characters above U+FFFF (emoji and other astral characters, which make
//     gofpdf's SplitText panic and its Output fail) become the substitute;
//   - characters the face has no glyph for become the substitute, except
//     invisible format characters (zero-width space, direction marks, byte
//     order marks), which are dropped, and unknown spaces, which become a
//     plain space;
//   - private-use characters become the substitute: they mean nothing outside
//     the program that made them, and the pack reserves one for its
//     page-count alias (see pageCountAlias), which user text must never spell;
//   - a carriage return ends a line like a line feed ("\r\n" and "\r" become
//     "\n"), and every other control character except "\n" and "\t" is
//     removed.
func (m *faceMetrics) clean(s string) string {
	if m.plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(m.substitute)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			// other control characters: removed
		case r > 0xFFFF || (r >= 0xE000 && r <= 0xF8FF):
			b.WriteRune(m.substitute)
		case m.has(r):
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r):
			// invisible formatting the face cannot draw: removed
		case unicode.Is(unicode.Zs, r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(m.substitute)
		}
	}
	return b.String()
}

// plain reports whether s is printable ASCII (plus "\n" and "\t") that the
// face covers, which is most text, so that clean can return it unchanged.
func (m *faceMetrics) plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || !m.has(rune(c)) {
			return false
		}
	}
	return true
}

// oneLine turns cleaned text into a single line: line breaks and tabs become
// spaces. Single-line drawing (Text, Cell) would otherwise print them as glyphs.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// expandTabs replaces tabs with spaces to the next multiple of four columns,
// for code blocks, where indentation matters.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
