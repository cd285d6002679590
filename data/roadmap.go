package data

import (
	"fmt"
	"strings"
)

// Phase groups roadmap steps: "Prepare", "Plan", "Build", "Check", "Certify".
type Phase struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// Step is one step of the guided implementation roadmap. Steps are content:
// the organisation's progress on them lives in the workspace.
type Step struct {
	ID            string   `json:"id"` // "step-07"
	Phase         string   `json:"phase"`
	Title         string   `json:"title"`
	WhatToDo      string   `json:"what_to_do"` // plain paragraphs, our words
	Clauses       []string `json:"clauses"`
	Produces      []string `json:"produces"` // keys later parts fill: "doc:policy", "register:risks"
	Prerequisites []string `json:"prerequisites"`
	DurationDays  int      `json:"duration_days"` // typical calendar days for a small firm
	Checklist     []string `json:"checklist"`
}

// Roadmap is the phases and steps in order.
type Roadmap struct {
	Phases []Phase `json:"phases"`
	Steps  []Step  `json:"steps"`
}

// Question is one gap-assessment question about a requirement area.
type Question struct {
	ID       string `json:"id"` // "q-8.2.3-1"
	Clause   string `json:"clause"`
	Text     string `json:"text"`
	Evidence string `json:"evidence"` // what good evidence looks like
	Hint     string `json:"hint"`     // a tip for a small firm
}

// validateRoadmap checks the roadmap against the clause tree: ids unique,
// phases and clauses exist, prerequisites exist, come earlier, and form no cycle.
func validateRoadmap(r Roadmap, clauses map[string]int) []string {
	var problems []string
	phases := map[string]bool{}
	for _, p := range r.Phases {
		if p.ID == "" || strings.TrimSpace(p.Title) == "" {
			problems = append(problems, fmt.Sprintf("phase %q needs an id and a title", p.ID))
		}
		if phases[p.ID] {
			problems = append(problems, fmt.Sprintf("phase %s is listed twice", p.ID))
		}
		phases[p.ID] = true
	}
	steps := map[string]Step{}
	for _, s := range r.Steps {
		if s.ID == "" {
			problems = append(problems, fmt.Sprintf("step %q has no id", s.Title))
			continue
		}
		if _, dup := steps[s.ID]; dup {
			problems = append(problems, fmt.Sprintf("step %s is listed twice", s.ID))
		}
		steps[s.ID] = s
		if !phases[s.Phase] {
			problems = append(problems, fmt.Sprintf("step %s: phase %q does not exist", s.ID, s.Phase))
		}
		if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.WhatToDo) == "" {
			problems = append(problems, fmt.Sprintf("step %s needs a title and what to do", s.ID))
		}
		if s.DurationDays <= 0 {
			problems = append(problems, fmt.Sprintf("step %s: duration must be at least one day", s.ID))
		}
		if len(s.Checklist) == 0 {
			problems = append(problems, fmt.Sprintf("step %s has no checklist", s.ID))
		}
		for _, c := range s.Clauses {
			if _, ok := clauses[c]; !ok {
				problems = append(problems, fmt.Sprintf("step %s: clause %s does not exist", s.ID, c))
			}
		}
	}
	position := map[string]int{}
	for i, s := range r.Steps {
		if _, seen := position[s.ID]; !seen {
			position[s.ID] = i
		}
	}
	cycle := findCycle(r.Steps)
	for i, s := range r.Steps {
		for _, p := range s.Prerequisites {
			if _, ok := steps[p]; !ok {
				problems = append(problems, fmt.Sprintf("step %s: prerequisite %s does not exist", s.ID, p))
			} else if cycle == "" && position[p] >= i {
				// The screen lists steps in order; a prerequisite below its step would read backwards.
				problems = append(problems, fmt.Sprintf("step %s: prerequisite %s comes after it", s.ID, p))
			}
		}
	}
	if cycle != "" {
		problems = append(problems, "prerequisites form a cycle: "+cycle)
	}
	return problems
}

// findCycle returns a prerequisite cycle as "a → b → a", or "".
func findCycle(steps []Step) string {
	prereq := map[string][]string{}
	for _, s := range steps {
		prereq[s.ID] = s.Prerequisites
	}
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(id string) string
	visit = func(id string) string {
		switch state[id] {
		case visiting:
			start := 0
			for i, p := range path {
				if p == id {
					start = i
				}
			}
			return strings.Join(append(append([]string(nil), path[start:]...), id), " → ")
		case done:
			return ""
		}
		state[id] = visiting
		path = append(path, id)
		for _, p := range prereq[id] {
			if c := visit(p); c != "" {
				return c
			}
		}
		path = path[:len(path)-1]
		state[id] = done
		return ""
	}
	for _, s := range steps {
		if c := visit(s.ID); c != "" {
			return c
		}
	}
	return ""
}

// validateQuestions checks ids are unique, clauses exist, texts are present,
// and every leaf clause has at least one question.
func validateQuestions(qs []Question, c *Catalogue) []string {
	var problems []string
	seen := map[string]bool{}
	covered := map[string]bool{}
	for _, q := range qs {
		if q.ID == "" || seen[q.ID] {
			problems = append(problems, fmt.Sprintf("question %q: the id is empty or listed twice", q.ID))
		}
		seen[q.ID] = true
		if _, ok := c.byNumber[q.Clause]; !ok {
			problems = append(problems, fmt.Sprintf("question %s: clause %q does not exist", q.ID, q.Clause))
		}
		if strings.TrimSpace(q.Text) == "" || strings.TrimSpace(q.Evidence) == "" || strings.TrimSpace(q.Hint) == "" {
			problems = append(problems, fmt.Sprintf("question %s needs a text, evidence and a hint", q.ID))
		}
		covered[q.Clause] = true
	}
	for _, cl := range c.clauses {
		if c.IsLeaf(cl.Number) && !covered[cl.Number] {
			problems = append(problems, fmt.Sprintf("clause %s has no gap question", cl.Number))
		}
	}
	return problems
}
