package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"smsbuilder/assets"
)

// roadmapFileForTest is the roadmap's file in the content FS. The test reads
// it itself so that it does not depend on the rest of the catalogue loading.
const roadmapFileForTest = "roadmap.json"

// loadEmbeddedRoadmap reads the shipped roadmap and clause tree.
func loadEmbeddedRoadmap(t *testing.T) (Roadmap, *Catalogue) {
	t.Helper()
	fsys := assets.Content()
	raw, err := fs.ReadFile(fsys, roadmapFileForTest)
	if err != nil {
		t.Fatalf("read %s: %v", roadmapFileForTest, err)
	}
	var r Roadmap
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a misspelt key would silently drop content
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("parse %s: %v", roadmapFileForTest, err)
	}
	raw, err = fs.ReadFile(fsys, ClausesFile)
	if err != nil {
		t.Fatalf("read %s: %v", ClausesFile, err)
	}
	var clauses []Clause
	if err := json.Unmarshal(raw, &clauses); err != nil {
		t.Fatalf("parse %s: %v", ClausesFile, err)
	}
	cat, err := NewCatalogue(clauses)
	if err != nil {
		t.Fatalf("NewCatalogue = %v", err)
	}
	return r, cat
}

var producesKey = regexp.MustCompile(`^(doc|register|record):[a-z0-9-]+$`)

// roadmapEarliestFinish returns, per step, the earliest day it can finish
// when each starts as soon as its prerequisites are done. Steps must list
// their prerequisites earlier.
func roadmapEarliestFinish(steps []Step) map[string]int {
	finish := map[string]int{}
	for _, s := range steps {
		start := 0
		for _, p := range s.Prerequisites {
			start = max(start, finish[p])
		}
		finish[s.ID] = start + s.DurationDays
	}
	return finish
}

// roadmapDependsOn reports whether step id needs step on, directly or not.
func roadmapDependsOn(steps []Step, id, on string) bool {
	prereq := map[string][]string{}
	for _, s := range steps {
		prereq[s.ID] = s.Prerequisites
	}
	seen := map[string]bool{}
	var walk func(string) bool
	walk = func(x string) bool {
		for _, p := range prereq[x] {
			if p == on {
				return true
			}
			if !seen[p] {
				seen[p] = true
				if walk(p) {
					return true
				}
			}
		}
		return false
	}
	return walk(id)
}

// roadmapStepsFor returns the ids of the steps that list the clause.
func roadmapStepsFor(steps []Step, clause string) []string {
	var ids []string
	for _, s := range steps {
		if slices.Contains(s.Clauses, clause) {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func TestEmbeddedRoadmap(t *testing.T) {
	r, cat := loadEmbeddedRoadmap(t)
	tests := []struct {
		name  string
		check func() []string // problems found; want none
	}{
		{"passes validateRoadmap", func() []string { return validateRoadmap(r, cat.byNumber) }},
		{"five phases, each with a summary and at least one step", func() []string {
			var p []string
			if got, want := len(r.Phases), 5; got != want {
				p = append(p, fmt.Sprintf("phases = %d, want %d", got, want))
			}
			for _, ph := range r.Phases {
				if strings.TrimSpace(ph.Summary) == "" {
					p = append(p, fmt.Sprintf("phase %s has no summary", ph.ID))
				}
				if !slices.ContainsFunc(r.Steps, func(s Step) bool { return s.Phase == ph.ID }) {
					p = append(p, fmt.Sprintf("phase %s has no step", ph.ID))
				}
			}
			return p
		}},
		{"15 to 20 steps", func() []string {
			if n := len(r.Steps); n < 15 || n > 20 {
				return []string{fmt.Sprintf("steps = %d, want 15 to 20", n)}
			}
			return nil
		}},
		{"ids are step-01, step-02 … in order", func() []string {
			var p []string
			for i, s := range r.Steps {
				if got, want := s.ID, fmt.Sprintf("step-%02d", i+1); got != want {
					p = append(p, fmt.Sprintf("step %d: id = %q, want %q", i+1, got, want))
				}
			}
			return p
		}},
		{"phases follow the phase order", func() []string {
			var p []string
			order := map[string]int{}
			for i, ph := range r.Phases {
				order[ph.ID] = i
			}
			for i := 1; i < len(r.Steps); i++ {
				if order[r.Steps[i].Phase] < order[r.Steps[i-1].Phase] {
					p = append(p, fmt.Sprintf("step %s (%s) comes after a step of a later phase", r.Steps[i].ID, r.Steps[i].Phase))
				}
			}
			return p
		}},
		{"every prerequisite appears earlier", func() []string {
			var p []string
			seen := map[string]bool{}
			for _, s := range r.Steps {
				for _, pre := range s.Prerequisites {
					if !seen[pre] {
						p = append(p, fmt.Sprintf("step %s: prerequisite %s is not an earlier step", s.ID, pre))
					}
				}
				seen[s.ID] = true
			}
			return p
		}},
		{"every leaf clause 4.1 … 10.2 is covered", func() []string {
			var p []string
			covered := map[string]bool{}
			for _, s := range r.Steps {
				for _, c := range s.Clauses {
					covered[c] = true
				}
			}
			for _, cl := range cat.Clauses() {
				if cl.Depth() > 0 && cat.IsLeaf(cl.Number) && !covered[cl.Number] {
					p = append(p, fmt.Sprintf("clause %s %s is in no step", cl.Number, cl.Title))
				}
			}
			return p
		}},
		{"produces keys are doc:, register: or record: in kebab-case", func() []string {
			var p []string
			for _, s := range r.Steps {
				if len(s.Produces) == 0 {
					p = append(p, fmt.Sprintf("step %s produces nothing", s.ID))
				}
				for _, k := range s.Produces {
					if !producesKey.MatchString(k) || strings.Contains(k, "--") || strings.HasSuffix(k, "-") || strings.Contains(k, ":-") {
						p = append(p, fmt.Sprintf("step %s: produces key %q is not like doc:scope-statement", s.ID, k))
					}
				}
			}
			return p
		}},
		{"2 to 5 paragraphs and 3 to 7 checklist items", func() []string {
			var p []string
			for _, s := range r.Steps {
				paras := strings.Split(s.WhatToDo, "\n\n")
				if n := len(paras); n < 2 || n > 5 {
					p = append(p, fmt.Sprintf("step %s: %d paragraphs, want 2 to 5", s.ID, n))
				}
				for i, para := range paras {
					if strings.TrimSpace(para) != para || para == "" || strings.Contains(para, "\n") {
						p = append(p, fmt.Sprintf("step %s: paragraph %d has stray blank space or line breaks", s.ID, i+1))
					}
				}
				if n := len(s.Checklist); n < 3 || n > 7 {
					p = append(p, fmt.Sprintf("step %s: %d checklist items, want 3 to 7", s.ID, n))
				}
				for _, c := range s.Checklist {
					if strings.TrimSpace(c) == "" || !strings.HasSuffix(c, ".") {
						p = append(p, fmt.Sprintf("step %s: checklist item %q should be a sentence", s.ID, c))
					}
				}
			}
			return p
		}},
		{"not a plain chain: some steps run in parallel", func() []string {
			for i := 1; i < len(r.Steps); i++ {
				if !roadmapDependsOn(r.Steps, r.Steps[i].ID, r.Steps[i-1].ID) {
					return nil // step i can run alongside the step before it
				}
			}
			return []string{"every step needs the one before it"}
		}},
		{"critical path is 9 to 12 months", func() []string {
			total := 0
			for _, f := range roadmapEarliestFinish(r.Steps) {
				total = max(total, f)
			}
			if total < 270 || total > 366 {
				return []string{fmt.Sprintf("critical path = %d days, want 270 to 366", total)}
			}
			return nil
		}},
		{"scope, policy and risks come before the plan, the plan before clause 8 work", func() []string {
			var p []string
			plans := roadmapStepsFor(r.Steps, "6.3")
			if len(plans) == 0 {
				return []string{"no step covers 6.3"}
			}
			plan := plans[0]
			for _, c := range []string{"4.3", "5.2.1", "6.1"} {
				first := roadmapStepsFor(r.Steps, c)
				if len(first) == 0 || first[0] != plan && !roadmapDependsOn(r.Steps, plan, first[0]) {
					p = append(p, fmt.Sprintf("the service management plan %s does not wait for the first step covering %s", plan, c))
				}
			}
			for _, s := range r.Steps {
				process := slices.ContainsFunc(s.Clauses, func(c string) bool {
					return strings.HasPrefix(c, "8.") && c != "8.1" && c != "8.2.3" // 8.2.3 starts with the scope
				})
				if process && s.ID != plan && !roadmapDependsOn(r.Steps, s.ID, plan) {
					p = append(p, fmt.Sprintf("step %s (clause 8) does not wait for the service management plan %s", s.ID, plan))
				}
			}
			return p
		}},
		{"audit after months of records, review after audit, certification after review", func() []string {
			var p []string
			audits := roadmapStepsFor(r.Steps, "9.2")
			reviews := roadmapStepsFor(r.Steps, "9.3")
			if len(audits) == 0 || len(reviews) == 0 {
				return []string{"no step covers 9.2 or 9.3"}
			}
			audit, review := audits[0], reviews[0]
			ran := false
			for _, s := range r.Steps {
				if slices.Contains(s.Clauses, "9.1") && s.DurationDays >= 60 && roadmapDependsOn(r.Steps, audit, s.ID) {
					ran = true
				}
			}
			if !ran {
				p = append(p, fmt.Sprintf("internal audit %s does not follow two months or more of measuring (9.1)", audit))
			}
			if !roadmapDependsOn(r.Steps, review, audit) {
				p = append(p, fmt.Sprintf("management review %s does not follow internal audit %s", review, audit))
			}
			for _, s := range r.Steps {
				if s.Phase == "certify" && !roadmapDependsOn(r.Steps, s.ID, review) {
					p = append(p, fmt.Sprintf("certification step %s does not follow management review %s", s.ID, review))
				}
			}
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.check(); len(got) != 0 {
				t.Errorf("got %d problems, want none:\n%s", len(got), strings.Join(got, "\n"))
			}
		})
	}
}

// validRoadmapForTest is a small correct roadmap: step-a ← step-b ← step-c.
func validRoadmapForTest() Roadmap {
	step := func(id, phase string, prereq ...string) Step {
		return Step{
			ID: id, Phase: phase, Title: "Title of " + id, WhatToDo: "Do it.\n\nThen check it.",
			Clauses: []string{"4.1"}, Produces: []string{"doc:" + id}, Prerequisites: prereq,
			DurationDays: 5, Checklist: []string{"Do it.", "Check it.", "Record it."},
		}
	}
	return Roadmap{
		Phases: []Phase{{ID: "prepare", Title: "Prepare", Summary: "Get ready."}, {ID: "plan", Title: "Plan", Summary: "Decide."}},
		Steps:  []Step{step("step-a", "prepare"), step("step-b", "plan", "step-a"), step("step-c", "plan", "step-b")},
	}
}

func TestValidateRoadmapRefusesBrokenInput(t *testing.T) {
	clauses := map[string]int{"4.1": 0, "8.5.1.1": 1}
	tests := []struct {
		name   string
		change func(*Roadmap)
		want   []string
	}{
		{"valid", func(*Roadmap) {}, nil},
		{"duplicate step id", func(r *Roadmap) { r.Steps = append(r.Steps, r.Steps[0]) },
			[]string{"step step-a is listed twice"}},
		{"unknown phase", func(r *Roadmap) { r.Steps[1].Phase = "nowhere" },
			[]string{`step step-b: phase "nowhere" does not exist`}},
		{"unknown clause", func(r *Roadmap) { r.Steps[0].Clauses = []string{"8.5.1.1", "4.9"} },
			[]string{"step step-a: clause 4.9 does not exist"}},
		{"unknown prerequisite", func(r *Roadmap) { r.Steps[1].Prerequisites = []string{"step-z"} },
			[]string{"step step-b: prerequisite step-z does not exist"}},
		{"zero duration", func(r *Roadmap) { r.Steps[2].DurationDays = 0 },
			[]string{"step step-c: duration must be at least one day"}},
		{"negative duration", func(r *Roadmap) { r.Steps[2].DurationDays = -3 },
			[]string{"step step-c: duration must be at least one day"}},
		{"empty checklist", func(r *Roadmap) { r.Steps[2].Checklist = nil },
			[]string{"step step-c has no checklist"}},
		{"cycle a → b → a", func(r *Roadmap) { r.Steps[0].Prerequisites = []string{"step-b"} },
			[]string{"prerequisites form a cycle: step-a → step-b → step-a"}},
		{"self-loop", func(r *Roadmap) { r.Steps[0].Prerequisites = []string{"step-a"} },
			[]string{"prerequisites form a cycle: step-a → step-a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRoadmapForTest()
			tt.change(&r)
			if got := validateRoadmap(r, clauses); !slices.Equal(got, tt.want) {
				t.Errorf("validateRoadmap = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindCycle(t *testing.T) {
	s := func(id string, prereq ...string) Step { return Step{ID: id, Prerequisites: prereq} }
	tests := []struct {
		name  string
		steps []Step
		want  string
	}{
		{"no steps", nil, ""},
		{"chain", []Step{s("step-a"), s("step-b", "step-a"), s("step-c", "step-b")}, ""},
		{"diamond", []Step{s("step-a"), s("step-b", "step-a"), s("step-c", "step-a"), s("step-d", "step-b", "step-c")}, ""},
		{"unknown prerequisite is no cycle", []Step{s("step-a", "step-z")}, ""},
		{"two steps", []Step{s("step-a", "step-b"), s("step-b", "step-a")}, "step-a → step-b → step-a"},
		{"self-loop", []Step{s("step-a", "step-a")}, "step-a → step-a"},
		{"cycle behind a tail", []Step{s("step-x", "step-a"), s("step-a", "step-b"), s("step-b", "step-c"), s("step-c", "step-a")},
			"step-a → step-b → step-c → step-a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findCycle(tt.steps); got != tt.want {
				t.Errorf("findCycle = %q, want %q", got, tt.want)
			}
		})
	}
}
