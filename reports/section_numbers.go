package reports

import (
	"strconv"
	"strings"
)

// headingNumbers numbers the headings of one section: the section's number
// followed by the heading's place among its siblings at each level, so that
// the second heading below the first one of section 8 is "8.1.2". This is
// the one place the numbering scheme is declared; the text, the table of
// contents and the bookmarks all take their numbers from here.
type headingNumbers struct {
	prefix string
	counts []int // the place at each level, from level 1
}

// restart begins the numbering of a section numbered prefix; an empty
// prefix leaves its headings unnumbered.
func (n *headingNumbers) restart(prefix string) { n.prefix, n.counts = prefix, nil }

// next is the number of the next heading of level (1 the highest inside a
// section). A heading that skips a level is numbered as the level just
// below the last, as the outline nests it (see bookmark).
func (n *headingNumbers) next(level int) string {
	if n.prefix == "" {
		return ""
	}
	level = min(max(level, 1), len(n.counts)+1)
	// a fresh slice each time: the measuring copies a probe makes of a
	// pass (see probe) must not number the headings of the pass itself
	counts := make([]int, level)
	copy(counts, n.counts)
	counts[level-1]++
	n.counts = counts
	var b strings.Builder
	b.WriteString(n.prefix)
	for _, c := range n.counts {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(c))
	}
	return b.String()
}

// documentSectionNumber is the number a document's headings are numbered
// under: the value of the trailing digits of its document number
// (SMS-DOC-08 gives 8), or, for a number without any, its place in the
// register in number order (from 1), which stays the same in the manual,
// in the document printed alone and when verify prints it again.
func documentSectionNumber(number string, docs []DocumentRecord) string {
	end := len(number)
	start := end
	for start > 0 && isDigit(rune(number[start-1])) {
		start--
	}
	if start < end {
		if v := strings.TrimLeft(number[start:end], "0"); v != "" {
			return v
		}
		return "0"
	}
	for i, rec := range sortByNumber(docs) {
		if rec.Document.Number == number {
			return strconv.Itoa(i + 1)
		}
	}
	return "1"
}
