package data

import (
	"context"
	"sort"
	"strings"
	"time"
)

// Maturity levels of a gap answer. NotApplicable is stored as -1.
const (
	MaturityNone       = 0
	MaturityInitial    = 1
	MaturityPartly     = 2
	MaturityMostly     = 3
	MaturityFully      = 4
	MaturityNA         = -1
	MaturityUnanswered = -2
)

// MaturityLabel is the plain name of a score.
func MaturityLabel(score int) string {
	switch score {
	case MaturityNone:
		return "0 Nothing in place"
	case MaturityInitial:
		return "1 Initial"
	case MaturityPartly:
		return "2 Partly"
	case MaturityMostly:
		return "3 Mostly"
	case MaturityFully:
		return "4 Fully"
	case MaturityNA:
		return "Not applicable"
	}
	return "Not answered"
}

// Assessment is one gap assessment: a dated set of answers.
type Assessment struct {
	ID        int64
	Title     string
	Date      time.Time
	Assessor  string
	CreatedAt time.Time
	Revision  Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Validate checks the assessment's own fields.
func (a Assessment) Validate() error {
	var v validation
	v.required("Title", a.Title, "Title")
	v.maxLen("Title", a.Title, "Title", 200)
	v.maxLen("Assessor", a.Assessor, "Assessor", MaxPersonNameLen)
	if a.Date.IsZero() {
		v.add("Date", "Date is required.")
	}
	return v.err("assessment")
}

// Answer is one question's answer in an assessment.
type Answer struct {
	AssessmentID int64
	QuestionID   string
	Score        int // 0–4, or MaturityNA
	NAReason     string
	Notes        string
	Evidence     string
	UpdatedAt    time.Time
	Revision     Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Validate checks the answer's fields.
func (a Answer) Validate() error {
	var v validation
	if a.Score != MaturityNA && (a.Score < MaturityNone || a.Score > MaturityFully) {
		v.add("Score", "Choose a score from 0 to 4, or not applicable.")
	}
	if a.Score == MaturityNA && strings.TrimSpace(a.NAReason) == "" {
		v.add("NAReason", "Say why the question does not apply.")
	}
	v.maxLen("Notes", a.Notes, "Notes", 4000)
	v.maxLen("Evidence", a.Evidence, "Evidence", 1000)
	return v.err("answer")
}

// AssessmentService keeps gap assessments and their answers.
type AssessmentService interface {
	// Assessments lists assessments, newest date first.
	Assessments(ctx context.Context) ([]Assessment, error)
	SaveAssessment(ctx context.Context, a Assessment) (Assessment, error)
	DeleteAssessment(ctx context.Context, a Assessment) error
	// Answers returns an assessment's answers by question id.
	Answers(ctx context.Context, assessmentID int64) (map[string]Answer, error)
	SaveAnswer(ctx context.Context, a Answer) (Answer, error)
}

// ClauseScore is the score of one clause (top-level or below).
type ClauseScore struct {
	Clause     string
	Questions  int // questions in the clause
	Answered   int // answered, including not applicable
	Applicable int // answered and applicable
	Sum        int // sum of applicable scores
}

// Percent is Sum over the maximum of the applicable answers, or -1 when
// nothing applicable was answered.
func (s ClauseScore) Percent() float64 {
	if s.Applicable == 0 {
		return -1
	}
	return float64(s.Sum) * 100 / float64(s.Applicable*MaturityFully)
}

// Scores are an assessment's results.
type Scores struct {
	Overall ClauseScore
	ByTop   []ClauseScore          // clauses 4 to 10 in order
	ByLeaf  map[string]ClauseScore // by the question's own clause
}

// Score computes an assessment's scores: per clause and overall, as percent
// of the maximum with not-applicable and unanswered questions excluded.
func Score(cat *Catalogue, answers map[string]Answer) Scores {
	s := Scores{ByLeaf: map[string]ClauseScore{}}
	top := map[string]*ClauseScore{}
	for _, cl := range cat.Children("") {
		s.ByTop = append(s.ByTop, ClauseScore{Clause: cl.Number})
	}
	for i := range s.ByTop {
		top[s.ByTop[i].Clause] = &s.ByTop[i]
	}
	for _, q := range cat.Questions() {
		leaf := s.ByLeaf[q.Clause]
		leaf.Clause = q.Clause
		for _, cs := range []*ClauseScore{&s.Overall, top[topClause(q.Clause)], &leaf} {
			if cs == nil {
				continue
			}
			cs.Questions++
			if a, ok := answers[q.ID]; ok {
				cs.Answered++
				if a.Score != MaturityNA {
					cs.Applicable++
					cs.Sum += a.Score
				}
			}
		}
		s.ByLeaf[q.Clause] = leaf
	}
	s.Overall.Clause = "all"
	return s
}

func topClause(n string) string {
	if i := strings.Index(n, "."); i > 0 {
		return n[:i]
	}
	return n
}

// ClauseChange compares a clause's score between two assessments.
type ClauseChange struct {
	Clause        string
	Before, After float64 // percent, -1 when not scored
}

// Compare lists the change per top-level clause from before to after.
func Compare(before, after Scores) []ClauseChange {
	var out []ClauseChange
	prev := map[string]float64{}
	for _, c := range before.ByTop {
		prev[c.Clause] = c.Percent()
	}
	for _, c := range after.ByTop {
		b, ok := prev[c.Clause]
		if !ok {
			b = -1
		}
		out = append(out, ClauseChange{Clause: c.Clause, Before: b, After: c.Percent()})
	}
	return out
}

// Gap is an answered question scored below fully, for the report and tasks.
type Gap struct {
	Question Question
	Answer   Answer
}

// Gaps lists answered, applicable questions scored below 4, lowest score
// first, then in the standard's order.
func Gaps(cat *Catalogue, answers map[string]Answer) []Gap {
	var out []Gap
	for _, q := range cat.Questions() {
		a, ok := answers[q.ID]
		if ok && a.Score != MaturityNA && a.Score < MaturityFully {
			out = append(out, Gap{Question: q, Answer: a})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Answer.Score < out[j].Answer.Score })
	return out
}
