package data

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"smsbuilder/assets"
)

// questionsFile is the gap questions' file in the content FS.
const questionsFile = "questions.json"

// questionIDPattern is the shape of a question id: "q-8.2.3-1".
var questionIDPattern = regexp.MustCompile(`^q-([0-9.]+)-([0-9]+)$`)

// embeddedQuestionContent reads the real clause tree and questions on their
// own, so these tests do not wait for the rest of the catalogue to exist.
func embeddedQuestionContent(t *testing.T) ([]Question, *Catalogue) {
	t.Helper()
	fsys := assets.Content()
	rawClauses, err := fs.ReadFile(fsys, ClausesFile)
	if err != nil {
		t.Fatal(err)
	}
	var clauses []Clause
	if err := json.Unmarshal(rawClauses, &clauses); err != nil {
		t.Fatalf("parse %s: %v", ClausesFile, err)
	}
	cat, err := NewCatalogue(clauses)
	if err != nil {
		t.Fatalf("NewCatalogue(embedded) = %v", err)
	}
	raw, err := fs.ReadFile(fsys, questionsFile)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a misspelt key would silently drop its text
	var qs []Question
	if err := dec.Decode(&qs); err != nil {
		t.Fatalf("parse %s: %v", questionsFile, err)
	}
	return qs, cat
}

func TestEmbeddedQuestionsAreValid(t *testing.T) {
	qs, cat := embeddedQuestionContent(t)
	if got := validateQuestions(qs, cat); len(got) != 0 {
		t.Errorf("validateQuestions(embedded) = %q, want no problems", got)
	}
	if got, min := len(qs), 120; got < min {
		t.Errorf("questions = %d, want at least %d", got, min)
	}
}

func TestEmbeddedQuestionsWeightClause8(t *testing.T) {
	qs, _ := embeddedQuestionContent(t)
	perTop := map[string]int{}
	for _, q := range qs {
		top, _, _ := strings.Cut(q.Clause, ".")
		perTop[top]++
	}
	for _, top := range []string{"4", "5", "6", "7", "9", "10"} {
		if got, other := perTop["8"], perTop[top]; got <= other {
			t.Errorf("clause 8 has %d questions, clause %s has %d; want clause 8 to have the most", got, top, other)
		}
		if perTop[top] == 0 {
			t.Errorf("clause %s has no questions", top)
		}
	}
	t.Logf("questions per top-level clause: %v, total %d", perTop, len(qs))
}

func TestEmbeddedQuestionIDs(t *testing.T) {
	qs, _ := embeddedQuestionContent(t)
	for _, q := range qs {
		m := questionIDPattern.FindStringSubmatch(q.ID)
		if m == nil {
			t.Errorf("question %q: id does not match %s", q.ID, questionIDPattern)
			continue
		}
		if got, want := m[1], q.Clause; got != want {
			t.Errorf("question %s: clause in id = %q, want %q (its clause field)", q.ID, got, want)
		}
	}
}

// TestEmbeddedQuestionOrder checks the file reads like the standard: clauses
// in the standard's order, and within a clause the questions numbered 1, 2, 3.
func TestEmbeddedQuestionOrder(t *testing.T) {
	qs, _ := embeddedQuestionContent(t)
	next := map[string]int{}
	for i, q := range qs {
		if i > 0 && clauseLess(q.Clause, qs[i-1].Clause) {
			t.Errorf("question %s (clause %s) comes after clause %s, want the standard's order", q.ID, q.Clause, qs[i-1].Clause)
		}
		if i > 0 && q.Clause != qs[i-1].Clause && next[q.Clause] > 0 {
			t.Errorf("question %s: clause %s's questions are split up", q.ID, q.Clause)
		}
		m := questionIDPattern.FindStringSubmatch(q.ID)
		if m == nil {
			continue // reported by TestEmbeddedQuestionIDs
		}
		next[q.Clause]++
		if got, want := m[2], strconv.Itoa(next[q.Clause]); got != want {
			t.Errorf("question %s: sequence number %s, want %s", q.ID, got, want)
		}
	}
}

// TestEmbeddedQuestionWording checks the shape of the texts: a question a
// maturity scale can answer, and one or two sentences of evidence and hint.
func TestEmbeddedQuestionWording(t *testing.T) {
	qs, _ := embeddedQuestionContent(t)
	sentences := regexp.MustCompile(`[.!?](\s|$)`)
	texts := map[string]string{}
	for _, q := range qs {
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("question %s: text %q does not end with a question mark", q.ID, q.Text)
		}
		if other, dup := texts[q.Text]; dup {
			t.Errorf("question %s: same text as %s", q.ID, other)
		}
		texts[q.Text] = q.ID
		for _, f := range []struct{ name, text string }{{"evidence", q.Evidence}, {"hint", q.Hint}} {
			if got := len(sentences.FindAllString(f.text, -1)); got < 1 || got > 2 {
				t.Errorf("question %s: %s has %d sentences, want 1 or 2", q.ID, f.name, got)
			}
			if strings.ContainsAny(f.text, "*#`\n") {
				t.Errorf("question %s: %s looks like Markdown, want plain text", q.ID, f.name)
			}
		}
	}
}

// questionTestCatalogue is a tiny clause tree: 4 with leaves 4.1 and 4.2.
func questionTestCatalogue(t *testing.T) *Catalogue {
	t.Helper()
	g := "Some guidance for the clause."
	cat, err := NewCatalogue([]Clause{
		{Number: "4", Title: "Context", Guidance: g},
		{Number: "4.1", Title: "One", Parent: "4", Guidance: g},
		{Number: "4.2", Title: "Two", Parent: "4", Guidance: g},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func validQuestions() []Question {
	return []Question{
		{ID: "q-4.1-1", Clause: "4.1", Text: "Is it done?", Evidence: "A record.", Hint: "Keep it light."},
		{ID: "q-4.2-1", Clause: "4.2", Text: "Is it done?", Evidence: "A record.", Hint: "Keep it light."},
	}
}

func TestValidateQuestionsRefuses(t *testing.T) {
	cat := questionTestCatalogue(t)
	tests := []struct {
		name   string
		change func([]Question) []Question
		want   []string // substrings of the single problem; nil when valid
	}{
		{"valid", func(qs []Question) []Question { return qs }, nil},
		{"a question on a non-leaf clause is fine", func(qs []Question) []Question {
			return append(qs, Question{ID: "q-4-1", Clause: "4", Text: "Whole clause?", Evidence: "E.", Hint: "H."})
		}, nil},
		{"duplicate id", func(qs []Question) []Question {
			qs[1].ID = "q-4.1-1"
			return qs
		}, []string{`"q-4.1-1"`, "twice"}},
		{"empty id", func(qs []Question) []Question {
			qs[0].ID = ""
			return qs
		}, []string{`question ""`, "empty"}},
		{"unknown clause", func(qs []Question) []Question {
			return append(qs, Question{ID: "q-9.9-1", Clause: "9.9", Text: "T?", Evidence: "E.", Hint: "H."})
		}, []string{"q-9.9-1", `"9.9"`, "does not exist"}},
		{"empty text", func(qs []Question) []Question {
			qs[0].Text = " "
			return qs
		}, []string{"q-4.1-1", "text"}},
		{"empty evidence", func(qs []Question) []Question {
			qs[0].Evidence = ""
			return qs
		}, []string{"q-4.1-1", "evidence"}},
		{"empty hint", func(qs []Question) []Question {
			qs[1].Hint = "\t"
			return qs
		}, []string{"q-4.2-1", "hint"}},
		{"leaf without a question", func(qs []Question) []Question {
			return qs[:1]
		}, []string{"clause 4.2", "no gap question"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validateQuestions(tt.change(validQuestions()), cat)
			if tt.want == nil {
				if len(got) != 0 {
					t.Errorf("validateQuestions = %q, want no problems", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("validateQuestions = %q, want exactly one problem naming %q", got, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("problem %q does not contain %q", got[0], w)
				}
			}
		})
	}
}
