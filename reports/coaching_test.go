package reports

import (
	"strings"
	"testing"
	"unicode"

	"smsbuilder/data"
)

// printedText is a pack's text as pdftotext extracts it, with every space
// taken out, so that how a line wraps or how words are drawn does not
// matter. (The app's own reader compares glyphs, not words.)
func printedText(t *testing.T, b []byte) string {
	t.Helper()
	return spaceless(pdfText(t, b, 0))
}

func spaceless(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// coaching is the first sentence of every passage of the catalogue that
// coaches the author: clause guidance, gap question hints and template
// guidance.
func coaching(cat *data.Catalogue) []string {
	var all []string
	for _, c := range cat.Clauses() {
		all = append(all, c.Guidance)
	}
	for _, q := range cat.Questions() {
		all = append(all, q.Hint)
	}
	for _, tm := range cat.Templates() {
		all = append(all, tm.Guidance)
	}
	var out []string
	for _, g := range all {
		g = strings.TrimSpace(g)
		if i := strings.Index(g, ". "); i > 0 {
			g = g[:i]
		}
		if len(g) >= 20 {
			out = append(out, g)
		}
	}
	return out
}

// The packs an auditor reads print no coaching for the author and no
// prompt; the scope pack prints the guidance only when the author asks.
func TestAuditorPacksHoldNoCoaching(t *testing.T) {
	src, _, cat := demoSource(t, true)
	tips := coaching(cat)
	if len(tips) < 90 {
		t.Fatalf("only %d coaching passages found in the catalogue", len(tips))
	}
	tests := []struct {
		pack         string
		opts         Options
		wantCoaching bool
	}{
		{"scope", Options{}, false},
		{"manual", Options{}, false},
		{"scope", Options{WithGuidance: true}, true},
	}
	for _, tc := range tests {
		name := tc.pack
		if tc.opts.WithGuidance {
			name += " with guidance"
		}
		t.Run(name, func(t *testing.T) {
			tc.opts.Now = fixedNow
			text := printedText(t, buildPack(t, tc.pack, src, tc.opts))
			var found []string
			for _, tip := range tips {
				if strings.Contains(text, spaceless(tip)) {
					found = append(found, tip)
				}
			}
			if tc.wantCoaching {
				if len(found) < len(cat.Clauses())/2 {
					t.Errorf("the author's copy prints %d coaching passages, want the clause guidance", len(found))
				}
				return
			}
			if len(found) > 0 {
				t.Errorf("prints %d coaching passages, want none; the first: %q", len(found), found[0])
			}
			if strings.Contains(text, "prompt:") {
				t.Error("prints a prompt for the author")
			}
		})
	}
}

// A draft prints its prompts, visibly, as [prompt: …].
func TestDraftPrintsPrompts(t *testing.T) {
	src, _, _ := demoSource(t, true)
	_, pending := demoDocuments(t, src)
	var number string
	var prompts []string
	for _, r := range pending {
		if p := data.Prompts(r.Versions[0].Body); len(p) > 0 {
			number, prompts = r.Document.Number, p
			break
		}
	}
	if number == "" {
		t.Fatal("no demo draft holds a prompt")
	}
	b, err := buildDocument(t, src, number, true)
	if err != nil {
		t.Fatal(err)
	}
	text := printedText(t, b)
	if got, want := strings.Count(text, "[prompt:"), len(prompts); got != want {
		t.Errorf("the draft of %s prints %d prompts, want %d", number, got, want)
	}
	if strings.Contains(text, "[[prompt:") {
		t.Error("a prompt prints with its doubled brackets, as Markdown source")
	}
}
