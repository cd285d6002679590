package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"smsbuilder/data"
)

// glossaryTitle is the title of the manual's glossary.
const glossaryTitle = "Terms and abbreviations"

// usedGlossary is the entries of the glossary that one of texts uses, in
// the glossary's order: an entry is used when a text holds its term or a
// synonym as a whole word, or followed by a plural s or es. A form with two
// or more capitals (an abbreviation) matches in those capitals only, so
// that "IT" is not found in "it"; other forms match in any case.
func usedGlossary(entries []data.GlossaryEntry, texts []string) []data.GlossaryEntry {
	lower := make([]string, len(texts))
	for i, t := range texts {
		lower[i] = strings.ToLower(t)
	}
	var out []data.GlossaryEntry
	for _, e := range entries {
	forms:
		for _, f := range e.Forms() {
			in, form := lower, strings.ToLower(f)
			if capitals(f) >= 2 {
				in, form = texts, f
			}
			for _, t := range in {
				if holdsWord(t, form) {
					out = append(out, e)
					break forms
				}
			}
		}
	}
	return out
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// holdsWord reports whether text holds word as a whole word, or followed by
// s or es; a space in word matches any run of white space.
func holdsWord(text, word string) bool {
	parts := strings.Fields(word)
	if len(parts) == 0 {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], parts[0])
		if j < 0 {
			return false
		}
		start := i + j
		end, ok := start+len(parts[0]), true
		for _, p := range parts[1:] {
			k := end
			for k < len(text) && unicode.IsSpace(rune(text[k])) {
				k++
			}
			if k == end || !strings.HasPrefix(text[k:], p) {
				ok = false
				break
			}
			end = k + len(p)
		}
		if ok && !wordRuneBefore(text, start) {
			rest := text[end:]
			for _, suffix := range []string{"", "s", "es"} {
				if strings.HasPrefix(rest, suffix) && !wordRuneAt(rest, len(suffix)) {
					return true
				}
			}
		}
		i = start + 1
	}
}

func wordRuneBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// glossarySection is the manual's section that explains the terms and
// abbreviations its documents use.
func glossarySection(entries []data.GlossaryEntry) section {
	return section{title: glossaryTitle, render: func(d *doc) error {
		d.paragraph("The terms and abbreviations used in the documents of this manual, in the sense in which the service management system uses them.", 0)
		t := table{
			header: []cell{{{text: "Term"}}, {{text: "Meaning"}}},
			fixed:  []float64{0.3, 0.7},
			size:   sizeSmall,
		}
		for _, e := range entries {
			meaning := cell{}
			if e.Expansion != "" {
				meaning = append(meaning, span{text: upperFirst(e.Expansion) + ". ", st: stBold})
			}
			meaning = append(meaning, span{text: e.Definition})
			t.rows = append(t.rows, []cell{{{text: e.Term, st: stBold}}, meaning})
		}
		d.table(t)
		d.gap(gapBlock)
		return nil
	}}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
