package data

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Kinds of documented information.
const (
	KindMaintain = "maintain" // a controlled document kept current
	KindRetain   = "retain"   // a record kept as evidence
)

// DocumentedInfo is one piece of documented information a clause expects.
type DocumentedInfo struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Clause is one clause or sub-clause of ISO/IEC 20000-1:2018 with our own
// guidance. Numbers and short titles are facts; the guidance is our words.
type Clause struct {
	Number    string           `json:"number"`
	Title     string           `json:"title"`
	Parent    string           `json:"parent,omitempty"`
	Guidance  string           `json:"guidance"`
	Documents []DocumentedInfo `json:"documents"`
}

// clone returns a copy that shares no memory with c.
func (c Clause) clone() Clause {
	c.Documents = slices.Clone(c.Documents)
	return c
}

// Depth is 0 for a top-level clause, 1 for 4.1, 2 for 8.2.3 and so on.
func (c Clause) Depth() int { return strings.Count(c.Number, ".") }

// Catalogue is the immutable content the app ships: the clause tree now,
// roadmap steps, questions and templates as later parts arrive. It is parsed
// once at start and shared read-only.
type Catalogue struct {
	clauses    []Clause
	byNumber   map[string]int
	roadmap    Roadmap
	questions  []Question
	templates  []Template
	glossary   []GlossaryEntry
	integrated []SharedClause
}

// Files of the content FS.
const (
	ClausesFile   = "clauses.json"
	RoadmapFile   = "roadmap.json"
	QuestionsFile = "questions.json"
	TemplatesDir  = "templates" // KEY.json with KEY.md beside it
)

// LoadCatalogue parses and validates the content in fsys: the clause tree
// first, then the roadmap and the questions that refer to it, the
// templates, the glossary and the correspondence with other standards.
func LoadCatalogue(fsys fs.FS) (*Catalogue, error) {
	var clauses []Clause
	if err := readContent(fsys, ClausesFile, &clauses); err != nil {
		return nil, err
	}
	if len(clauses) == 0 {
		// An emptied file would start the app with no standard to guide by.
		return nil, &Error{Code: EContent, Message: "The clause catalogue is empty."}
	}
	c, err := NewCatalogue(clauses)
	if err != nil {
		return nil, err
	}
	var roadmap Roadmap
	var questions []Question
	if err := readContent(fsys, RoadmapFile, &roadmap); err != nil {
		return nil, err
	}
	if err := readContent(fsys, QuestionsFile, &questions); err != nil {
		return nil, err
	}
	c, err = c.withGuidance(roadmap, questions)
	if err != nil {
		return nil, err
	}
	templates, err := readTemplates(fsys)
	if err != nil {
		return nil, err
	}
	if c, err = c.withTemplates(templates); err != nil {
		return nil, err
	}
	var glossary []GlossaryEntry
	if err := readContent(fsys, GlossaryFile, &glossary); err != nil {
		return nil, err
	}
	if c, err = c.withGlossary(glossary); err != nil {
		return nil, err
	}
	var integrated []SharedClause
	if err := readContent(fsys, IntegratedFile, &integrated); err != nil {
		return nil, err
	}
	return c.withIntegrated(integrated)
}

// readTemplates reads every template's metadata and its Markdown body.
func readTemplates(fsys fs.FS) ([]Template, error) {
	names, err := fs.Glob(fsys, TemplatesDir+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	var out []Template
	for _, name := range names {
		var t Template
		if err := readContent(fsys, name, &t); err != nil {
			return nil, err
		}
		md := strings.TrimSuffix(name, ".json") + ".md"
		body, err := fs.ReadFile(fsys, md)
		if err != nil {
			return nil, &Error{Code: EContent, Message: "The template text " + md + " is missing.", Err: err}
		}
		t.Body = string(body)
		if want := strings.TrimSuffix(path.Base(name), ".json"); t.Key != want {
			return nil, &Error{Code: EContent, Message: fmt.Sprintf("The template %s has the key %q; it must be %q.", name, t.Key, want)}
		}
		out = append(out, t)
	}
	return out, nil
}

// withTemplates adds the document templates after checking them: unique
// keys and numbers, real clauses, guidance, a body, known placeholders only.
func (c *Catalogue) withTemplates(ts []Template) (*Catalogue, error) {
	known := PlaceholderValues(Organisation{}, nil, time.Time{})
	var problems []string
	keys, numbers := map[string]bool{}, map[string]bool{}
	for _, t := range ts {
		if keys[t.Key] || numbers[t.Number] {
			problems = append(problems, fmt.Sprintf("template %s: key or number %s used twice", t.Key, t.Number))
		}
		keys[t.Key], numbers[t.Number] = true, true
		if strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Number) == "" || strings.TrimSpace(t.Guidance) == "" || strings.TrimSpace(t.Body) == "" {
			problems = append(problems, fmt.Sprintf("template %s needs a number, a title, guidance and a body", t.Key))
		}
		for _, cl := range t.Clauses {
			if _, ok := c.byNumber[cl]; !ok {
				problems = append(problems, fmt.Sprintf("template %s: clause %s does not exist", t.Key, cl))
			}
		}
		if _, unknown := known.Fill(t.Body); len(unknown) > 0 {
			problems = append(problems, fmt.Sprintf("template %s uses unknown placeholders: %s", t.Key, strings.Join(unknown, ", ")))
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EContent, Message: "The document templates are inconsistent: " + strings.Join(problems, "; ")}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Number < ts[j].Number })
	out := *c
	out.templates = make([]Template, len(ts))
	for i, t := range ts {
		t.Clauses = append([]string(nil), t.Clauses...)
		out.templates[i] = t
	}
	return &out, nil
}

// Templates returns every document template in number order.
func (c *Catalogue) Templates() []Template {
	out := make([]Template, len(c.templates))
	for i, t := range c.templates {
		t.Clauses = append([]string(nil), t.Clauses...)
		out[i] = t
	}
	return out
}

// Template returns the template with the key.
func (c *Catalogue) Template(key string) (Template, bool) {
	for _, t := range c.Templates() {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

func readContent(fsys fs.FS, name string, dst any) error {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return &Error{Code: EContent, Message: "The content file " + name + " is missing.", Err: err}
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return &Error{Code: EContent, Message: "The content file " + name + " cannot be read.", Err: err}
	}
	return nil
}

// withGuidance adds the roadmap and the gap questions after checking them
// against the clause tree.
func (c *Catalogue) withGuidance(r Roadmap, qs []Question) (*Catalogue, error) {
	problems := validateRoadmap(r, c.byNumber)
	problems = append(problems, validateQuestions(qs, c)...)
	if len(problems) > 0 {
		return nil, &Error{Code: EContent, Message: "The content catalogue is inconsistent: " + strings.Join(problems, "; ")}
	}
	out := *c
	out.roadmap = Roadmap{Phases: append([]Phase(nil), r.Phases...), Steps: copySteps(r.Steps)}
	out.questions = append([]Question(nil), qs...)
	sort.SliceStable(out.questions, func(i, j int) bool { return clauseLess(out.questions[i].Clause, out.questions[j].Clause) })
	return &out, nil
}

func copySteps(steps []Step) []Step {
	out := make([]Step, len(steps))
	for i, s := range steps {
		s.Clauses = append([]string(nil), s.Clauses...)
		s.Produces = append([]string(nil), s.Produces...)
		s.Prerequisites = append([]string(nil), s.Prerequisites...)
		s.Checklist = append([]string(nil), s.Checklist...)
		out[i] = s
	}
	return out
}

// Phases returns the roadmap's phases in order.
func (c *Catalogue) Phases() []Phase { return append([]Phase(nil), c.roadmap.Phases...) }

// Steps returns the roadmap's steps in order.
func (c *Catalogue) Steps() []Step { return copySteps(c.roadmap.Steps) }

// Step returns the step with the id.
func (c *Catalogue) Step(id string) (Step, bool) {
	for _, s := range c.roadmap.Steps {
		if s.ID == id {
			return copySteps([]Step{s})[0], true
		}
	}
	return Step{}, false
}

// Questions returns every gap question in the standard's order.
func (c *Catalogue) Questions() []Question { return append([]Question(nil), c.questions...) }

// Question returns the question with the id.
func (c *Catalogue) Question(id string) (Question, bool) {
	for _, q := range c.questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// NewCatalogue validates clauses and orders them as in the standard.
func NewCatalogue(clauses []Clause) (*Catalogue, error) {
	c := &Catalogue{clauses: make([]Clause, len(clauses)), byNumber: map[string]int{}}
	for i, cl := range clauses {
		c.clauses[i] = cl.clone()
	}
	sort.SliceStable(c.clauses, func(i, j int) bool { return clauseLess(c.clauses[i].Number, c.clauses[j].Number) })
	var problems []string
	for i, cl := range c.clauses {
		if !validClauseNumber(cl.Number) {
			problems = append(problems, fmt.Sprintf("clause %q: the number is not like 8.2.3", cl.Number))
		}
		if _, dup := c.byNumber[cl.Number]; dup {
			problems = append(problems, fmt.Sprintf("clause %s is listed twice", cl.Number))
		}
		c.byNumber[cl.Number] = i
		if strings.TrimSpace(cl.Title) == "" {
			problems = append(problems, fmt.Sprintf("clause %s has no title", cl.Number))
		}
		if strings.TrimSpace(cl.Guidance) == "" {
			problems = append(problems, fmt.Sprintf("clause %s has no guidance", cl.Number))
		}
		for _, d := range cl.Documents {
			if d.Kind != KindMaintain && d.Kind != KindRetain {
				problems = append(problems, fmt.Sprintf("clause %s: documented information kind %q is neither maintain nor retain", cl.Number, d.Kind))
			}
		}
	}
	for _, cl := range c.clauses {
		want := ""
		if i := strings.LastIndex(cl.Number, "."); i > 0 {
			want = cl.Number[:i]
		}
		if cl.Parent != want {
			problems = append(problems, fmt.Sprintf("clause %s: parent is %q, want %q", cl.Number, cl.Parent, want))
		} else if want != "" {
			if _, ok := c.byNumber[want]; !ok {
				problems = append(problems, fmt.Sprintf("clause %s: parent %s does not exist", cl.Number, want))
			}
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EContent, Message: "The content catalogue is inconsistent: " + strings.Join(problems, "; ")}
	}
	return c, nil
}

// validClauseNumber accepts dot-separated unsigned decimal parts without
// leading zeros ("8.2.3"), so that each clause has exactly one spelling:
// strconv.Atoi alone would also let "+8", "8.-1" and "8.02" through.
func validClauseNumber(n string) bool {
	if n == "" {
		return false
	}
	for _, p := range strings.Split(n, ".") {
		if p == "" || len(p) > 1 && p[0] == '0' {
			return false
		}
		for _, r := range p {
			if r < '0' || r > '9' {
				return false
			}
		}
		if _, err := strconv.Atoi(p); err != nil { // out of range
			return false
		}
	}
	return true
}

func clauseLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

// Clauses returns every clause in the standard's order.
func (c *Catalogue) Clauses() []Clause {
	out := make([]Clause, len(c.clauses))
	for i, cl := range c.clauses {
		out[i] = cl.clone()
	}
	return out
}

// Clause returns the clause with the number.
func (c *Catalogue) Clause(number string) (Clause, bool) {
	i, ok := c.byNumber[number]
	if !ok {
		return Clause{}, false
	}
	return c.clauses[i].clone(), true
}

// Children returns the direct sub-clauses of number ("" for the top level).
func (c *Catalogue) Children(number string) []Clause {
	var out []Clause
	for _, cl := range c.clauses {
		if cl.Parent == number {
			out = append(out, cl.clone())
		}
	}
	return out
}

// IsLeaf reports whether the clause has no sub-clauses.
func (c *Catalogue) IsLeaf(number string) bool {
	for _, cl := range c.clauses {
		if cl.Parent == number {
			return false
		}
	}
	return true
}
