package data

import (
	"fmt"
	"sort"
	"strings"
)

// GlossaryFile holds the terms and abbreviations the manual explains.
const GlossaryFile = "glossary.json"

// GlossaryEntry is a term or abbreviation the documents use, explained in
// our own words. Expansion is what an abbreviation stands for ("" for a
// term that is a word); Synonyms are other forms the text may use, such as
// an irregular plural.
type GlossaryEntry struct {
	Term       string   `json:"term"`
	Expansion  string   `json:"expansion,omitempty"`
	Definition string   `json:"definition"`
	Synonyms   []string `json:"synonyms,omitempty"`
}

// Forms are the words the entry is found by in a text: its term and its
// synonyms.
func (e GlossaryEntry) Forms() []string { return append([]string{e.Term}, e.Synonyms...) }

// withGlossary adds the glossary after checking it: every entry has a term
// and a definition, and no form belongs to two entries.
func (c *Catalogue) withGlossary(entries []GlossaryEntry) (*Catalogue, error) {
	var problems []string
	seen := map[string]string{}
	for _, e := range entries {
		if strings.TrimSpace(e.Term) == "" || strings.TrimSpace(e.Definition) == "" {
			problems = append(problems, fmt.Sprintf("glossary entry %q needs a term and a definition", e.Term))
		}
		for _, f := range e.Forms() {
			k := strings.ToLower(strings.TrimSpace(f))
			if f != strings.TrimSpace(f) || k == "" {
				problems = append(problems, fmt.Sprintf("glossary entry %q: the form %q is empty or has spaces around it", e.Term, f))
			}
			if other, dup := seen[k]; dup {
				problems = append(problems, fmt.Sprintf("glossary: %q belongs to both %q and %q", f, other, e.Term))
			}
			seen[k] = e.Term
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EContent, Message: "The glossary is inconsistent: " + strings.Join(problems, "; ")}
	}
	out := *c
	out.glossary = make([]GlossaryEntry, len(entries))
	for i, e := range entries {
		e.Synonyms = append([]string(nil), e.Synonyms...)
		out.glossary[i] = e
	}
	sort.SliceStable(out.glossary, func(i, j int) bool { return glossaryLess(out.glossary[i].Term, out.glossary[j].Term) })
	return &out, nil
}

// glossaryLess orders terms as a reader looks them up: by letter, case
// aside.
func glossaryLess(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

// Glossary returns every glossary entry in alphabetical order.
func (c *Catalogue) Glossary() []GlossaryEntry {
	out := make([]GlossaryEntry, len(c.glossary))
	for i, e := range c.glossary {
		e.Synonyms = append([]string(nil), e.Synonyms...)
		out[i] = e
	}
	return out
}
