package data_test

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"smsbuilder/data"
)

// notGlossaryTerms are capitalised words the templates use that a reader
// needs no glossary for: the names of the standards bodies in the
// standard's name, a file format, a marking the packs print, and "ID".
var notGlossaryTerms = []string{"DRAFT", "ID", "IEC", "ISO", "PDF"}

// capitalsWord is a word of two or more capitals (digits may follow), with
// an optional plural s; the characters either side tell identifiers apart.
var capitalsWord = regexp.MustCompile(`[A-Z]{2,}[0-9]*s?`)

// TestGlossaryCoversTemplateAbbreviations keeps the glossary up with the
// templates: every abbreviation in capitals that a template uses is
// explained in the glossary, or named in notGlossaryTerms. Parts of
// identifiers (SMS-DOC-08, OBJ-1, WI-REQ-01, SVC-nnn) are not
// abbreviations.
func TestGlossaryCoversTemplateAbbreviations(t *testing.T) {
	cat := loadEmbedded(t)
	known := map[string]bool{}
	for _, e := range cat.Glossary() {
		for _, f := range e.Forms() {
			known[f] = true
		}
	}
	for _, w := range notGlossaryTerms {
		known[w] = true
	}
	missing := map[string][]string{}
	for _, tmpl := range cat.Templates() {
		body := tmpl.Body
		for _, loc := range capitalsWord.FindAllStringIndex(body, -1) {
			start, end := loc[0], loc[1]
			if start > 0 && isWordChar(body[start-1]) || end < len(body) && isWordChar(body[end]) {
				continue // inside a longer word
			}
			if start > 0 && body[start-1] == '-' || end < len(body) && body[end] == '-' {
				continue // part of an identifier
			}
			word := body[start:end]
			if known[word] || known[strings.TrimSuffix(word, "s")] {
				continue
			}
			if !slices.Contains(missing[word], tmpl.Number) {
				missing[word] = append(missing[word], tmpl.Number)
			}
		}
	}
	var words []string
	for w := range missing {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		t.Errorf("%s (used in %s) is in neither the glossary nor notGlossaryTerms", w, strings.Join(missing[w], ", "))
	}
}

func isWordChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// TestGlossaryIsOrderedAndComplete checks what the manual's glossary
// prints from: entries in alphabetical order, each with a definition.
func TestGlossaryIsOrderedAndComplete(t *testing.T) {
	entries := loadEmbedded(t).Glossary()
	if len(entries) == 0 {
		t.Fatal("the glossary is empty")
	}
	for i, e := range entries {
		if strings.TrimSpace(e.Definition) == "" {
			t.Errorf("%s has no definition", e.Term)
		}
		if i > 0 && strings.ToLower(entries[i-1].Term) > strings.ToLower(e.Term) {
			t.Errorf("%s comes after %s", entries[i-1].Term, e.Term)
		}
	}
}

// TestGlossaryRefusesInconsistentEntries: a glossary with an entry without
// a definition, or a form two entries claim, does not load.
func TestGlossaryRefusesInconsistentEntries(t *testing.T) {
	tests := []struct {
		name, glossary, want string
	}{
		{"no definition", `[{"term": "SLA", "definition": " "}]`, "needs a term and a definition"},
		{"twice", `[{"term": "SLA", "definition": "a"}, {"term": "agreement", "definition": "b", "synonyms": ["sla"]}]`, "belongs to both"},
		{"spaces", `[{"term": " SLA", "definition": "a"}]`, "has spaces around it"},
		{"not a list", `{}`, "cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys, _ := realContent(t)
			fsys[data.GlossaryFile] = &fstest.MapFile{Data: []byte(tt.glossary)}
			_, err := data.LoadCatalogue(fsys)
			if got := data.ErrorMessage(err); data.ErrorCode(err) != data.EContent || !strings.Contains(got, tt.want) {
				t.Errorf("LoadCatalogue = %v, want a content error saying %q", err, tt.want)
			}
		})
	}
}
