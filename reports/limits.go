package reports

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"smsbuilder/data"
)

// maxNesting is how deep lists and block quotes nest in print. Deeper
// nesting gains a reader nothing, and the Markdown parser's work grows
// with the cube of the depth: a 2,000-level list took 49 s to print.
const maxNesting = 20

// maxIndentColumns is the most leading indentation a line keeps: room for
// maxNesting levels of the widest list markers.
const maxIndentColumns = 4 * maxNesting

// flattenDeep rewrites the lines of Markdown source whose leading run of
// indentation, quote markers and list markers nests deeper than
// maxNesting, so that such lines continue at the deepest level kept
// instead of opening another. Every other line, which is every line of a
// document a person writes, is left exactly as it is, and no text is lost.
func flattenDeep(src string) string {
	if !mayNestDeep(src) {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i+1], src[i+1:]
		} else {
			src = ""
		}
		b.WriteString(flattenLine(line))
	}
	return b.String()
}

// mayNestDeep is a quick test that no line can nest deeper than allowed:
// fewer container markers and indentation in the whole text than one deep
// line needs.
func mayNestDeep(src string) bool {
	lead := 0
	for _, line := range strings.Split(src, "\n") {
		if n := len(line) - len(strings.TrimLeft(line, " \t>-*+.)0123456789")); n > lead {
			lead = n
		}
	}
	return lead > maxNesting
}

// flattenLine keeps at most maxNesting quote and list markers and
// maxIndentColumns of indentation at the start of line.
func flattenLine(line string) string {
	var b strings.Builder
	col, depth, i := 0, 0, 0
	changed := false
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			col += w
			if col <= maxIndentColumns {
				b.WriteByte(c)
			} else {
				changed = true
			}
			i++
			continue
		case c == '>':
			i++
		default:
			n := listMarker(line[i:])
			if n == 0 {
				if !changed {
					return line
				}
				return b.String() + line[i:]
			}
			i += n
			if depth < maxNesting {
				b.WriteString(line[i-n : i])
			} else {
				changed = true
			}
			depth++
			col += n
			continue
		}
		depth++
		col++
		if depth <= maxNesting {
			b.WriteByte(c)
		} else {
			changed = true
		}
	}
	if !changed {
		return line
	}
	return b.String()
}

// listMarker is the length of the list marker at the start of s ("-", "*",
// "+", "1." or "1)"), counted only when a space, a tab or the end of the
// line follows it; 0 when s does not start with one.
func listMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' && s[n] != '\r' {
		return 0
	}
	return n
}

// Limits on stored text as a pack prints it, by kind, in characters. Each
// is well above what the app lets a person save (a name or title at most 300,
// a note 4,000, a document 1 MB): they matter only for values written
// behind the app's back, which would otherwise take minutes and gigabytes
// to lay out on every page they appear on.
const (
	limitName  = 300               // a name, title, number or list item: one line of a table or heading
	limitField = 10_000            // a free text: an address, a scope statement, notes
	limitBody  = data.MaxBodyBytes // a document's text
)

// cut shortens s to at most limit characters, saying visibly how long the
// stored text was, so that the page never passes off part of a value as
// all of it.
func cut(s string, limit int) string {
	head, total, cut := data.FirstRunes(s, limit)
	if !cut {
		return s
	}
	return head + "\u2026 [cut: " + groupThousands(total) + " characters]"
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// printable is the source as packs print it: every stored text cut to the
// limit of its kind. It is the one place stored values pass through on their
// way to a page; the source it is called on is left as it was.
func (s Source) printable() Source {
	name := func(v *string) { *v = cut(*v, limitName) }
	field := func(v *string) { *v = cut(*v, limitField) }
	names := func(v []string) []string {
		out := slices.Clone(v)
		for i := range out {
			name(&out[i])
		}
		return out
	}

	o := &s.Org
	name(&o.LegalName)
	name(&o.ShortName)
	field(&o.Address)
	field(&o.ScopeStatement)
	field(&o.Exclusions)
	o.Services, o.Locations = names(o.Services), names(o.Locations)

	s.People = slices.Clone(s.People)
	for i := range s.People {
		p := &s.People[i]
		name(&p.Name)
		name(&p.JobTitle)
		name(&p.Email)
		p.Roles = slices.Clone(p.Roles)
		for j := range p.Roles {
			name(&p.Roles[j].Process)
		}
	}
	s.Progress = maps.Clone(s.Progress)
	for id, p := range s.Progress {
		field(&p.Notes)
		field(&p.NAReason)
		s.Progress[id] = p
	}
	s.Tasks = slices.Clone(s.Tasks)
	for i := range s.Tasks {
		t := &s.Tasks[i]
		name(&t.Title)
		field(&t.Description)
	}
	s.Assessments = slices.Clone(s.Assessments)
	for i := range s.Assessments {
		name(&s.Assessments[i].Title)
		name(&s.Assessments[i].Assessor)
	}
	answers := make(map[int64]map[string]data.Answer, len(s.Answers))
	for id, byQuestion := range s.Answers {
		m := make(map[string]data.Answer, len(byQuestion))
		for q, a := range byQuestion {
			field(&a.NAReason)
			field(&a.Notes)
			field(&a.Evidence)
			m[q] = a
		}
		answers[id] = m
	}
	if s.Answers != nil {
		s.Answers = answers
	}
	s.Documents = slices.Clone(s.Documents)
	for i := range s.Documents {
		rec := &s.Documents[i]
		name(&rec.Document.Number)
		name(&rec.Document.Title)
		rec.Document.Clauses = names(rec.Document.Clauses)
		rec.Versions = slices.Clone(rec.Versions)
		for j := range rec.Versions {
			v := &rec.Versions[j]
			v.Body = cut(v.Body, limitBody)
			field(&v.ChangeSummary)
		}
	}
	return s
}
