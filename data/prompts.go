package data

import (
	"fmt"
	"regexp"
	"strings"
)

// A prompt is what a template asks its author to tailor, such as
// "[[prompt: set the interval your team can keep]]" beside a default value.
// It is kept apart from the [to fill: …] marker on purpose: a marker is a
// workspace value nobody has recorded yet, put in by the app and cured on
// the Organisation and People screens, so approving over one only warns; a
// prompt is a decision the template's author has to take in the text, so a
// version that still holds one cannot be approved. The doubled brackets
// and fixed word make a prompt unmistakable in plain Markdown, where it
// prints as written if a reader does not know it.
const (
	promptStart = "[[prompt:"
	promptEnd   = "]]"
)

var promptPattern = regexp.MustCompile(`^` + regexp.QuoteMeta(promptStart) + `([^\[\]\n]+)` + regexp.QuoteMeta(promptEnd))

// PromptText is the prompt as it prints: "[prompt: …]".
func PromptText(label string) string { return "[prompt: " + label + "]" }

// PromptAt reports whether text begins with a prompt: its label, and how
// many bytes of text it takes. The Markdown parser calls it, so that the
// screen, the PDF and the approval rule see the same prompts.
func PromptAt(text string) (label string, n int, ok bool) {
	if !strings.HasPrefix(text, promptStart) {
		return "", 0, false
	}
	m := promptPattern.FindStringSubmatch(text)
	if m == nil {
		return "", 0, false
	}
	label = strings.TrimSpace(m[1])
	if label == "" {
		return "", 0, false
	}
	return label, len(m[0]), true
}

// Prompts lists the labels of the prompts a text still holds, every one in
// order of appearance.
func Prompts(text string) []string {
	var out []string
	for i := strings.Index(text, promptStart); i >= 0; {
		label, n, ok := PromptAt(text[i:])
		step := len(promptStart)
		if ok {
			out = append(out, label)
			step = n
		}
		j := strings.Index(text[i+step:], promptStart)
		if j < 0 {
			break
		}
		i += step + j
	}
	return out
}

// RemovePrompts takes every prompt out of text, with the space before it,
// leaving the default each prompt sits beside: the demo's own choice.
func RemovePrompts(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, promptStart)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		_, n, ok := PromptAt(text[i:])
		if !ok {
			b.WriteString(text[:i+len(promptStart)])
			text = text[i+len(promptStart):]
			continue
		}
		b.WriteString(strings.TrimRight(text[:i], " "))
		text = text[i+n:]
	}
}

// CheckNoPrompts refuses to approve the text of document number while it
// still holds prompts, naming them, so that no approved document reads as
// an untailored template.
func CheckNoPrompts(number, body string) error {
	p := Prompts(body)
	if len(p) == 0 {
		return nil
	}
	what := "a prompt"
	if len(p) > 1 {
		what = fmt.Sprintf("%d prompts", len(p))
	}
	return Errorf(EInvalid, "%s cannot be approved: it still has %s to tailor: %s. Replace each [[prompt: …]] with your own text, then approve.",
		number, what, quoteList(p))
}

// quoteList is "“a”, “b” and “c”", at most five shown.
func quoteList(items []string) string {
	const most = 5
	var q []string
	for i, s := range items {
		if i == most {
			q[len(q)-1] += fmt.Sprintf(" and %d more", len(items)-most)
			break
		}
		q = append(q, "“"+s+"”")
	}
	if len(q) == 1 || len(items) > most {
		return strings.Join(q, ", ")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
