package data

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A nonconformity moves through four states: open when raised, action in
// progress while its corrective actions are worked, awaiting a check once
// they are done, and closed when a check found them effective. A check
// that finds them not effective sends it back to action in progress; the
// check is kept in its fields, and moves to the earlier checks when the
// next one is asked for, so no check is ever lost.

// Nonconformity states, the keys of its status field.
const (
	NCOpen   = "open"
	NCAction = "action"
	NCCheck  = "check"
	NCClosed = "closed"
)

// Effectiveness check results, the keys of its check_result field.
const (
	CheckEffective   = "effective"
	CheckIneffective = "ineffective"
)

// CauseCategories are the kinds of root cause a nonconformity can have.
func CauseCategories() []Choice {
	return []Choice{
		{Key: "people", Label: "People and skills", Synonyms: []string{"people", "human error", "training", "competence"}},
		{Key: "process", Label: "Process or procedure", Synonyms: []string{"process", "procedure", "method"}},
		{Key: "technology", Label: "Technology and tools", Synonyms: []string{"technology", "tools", "system", "software", "hardware"}},
		{Key: "supplier", Label: "Supplier", Synonyms: []string{"vendor", "third party", "external provider"}},
		{Key: "information", Label: "Information and communication", Synonyms: []string{"information", "communication", "documentation"}},
		{Key: "environment", Label: "Workplace and environment", Synonyms: []string{"environment", "workplace", "facilities"}},
	}
}

// whyField is the nth of the five whys.
func whyField(n int, help string) Field {
	key := "why" + strconv.Itoa(n)
	return Field{Key: key, Label: "Why " + strconv.Itoa(n), Type: FieldText, Help: help, Wide: true,
		Synonyms: []string{"why " + strconv.Itoa(n), "why" + strconv.Itoa(n) + " answer"}}
}

func nonconformityRules() []Rule {
	return []Rule{
		func(r Record) (string, string) {
			if r.Get("status") == NCClosed && r.Get("check_result") != CheckEffective {
				return "status", "A nonconformity closes only once a check has found its actions effective."
			}
			return "", ""
		},
		func(r Record) (string, string) {
			if r.Get("check_result") != "" && len(r.IDs("checked_by")) == 0 {
				return "checked_by", "Say who made the effectiveness check."
			}
			return "", ""
		},
		func(r Record) (string, string) {
			if r.Get("check_result") != "" && r.Get("checked_on") == "" {
				return "checked_on", "Say when the effectiveness check was made."
			}
			return "", ""
		},
		func(r Record) (string, string) {
			if r.Get("status") == NCCheck && r.Get("check_result") == CheckIneffective {
				return "status", "The last check found the actions not effective: the nonconformity stays in action in progress until a new check is asked for."
			}
			return "", ""
		},
		func(r Record) (string, string) {
			if r.Get("status") == NCCheck && r.Get("check_due") == "" {
				return "check_due", "Say when the effectiveness check is due."
			}
			return "", ""
		},
	}
}

// EffectivenessCheck is what a person found when checking that a
// nonconformity's corrective actions worked.
type EffectivenessCheck struct {
	Result string // CheckEffective or CheckIneffective
	By     int64  // the person who checked
	On     time.Time
	Notes  string
}

// NCStep is the next thing to do with a nonconformity.
type NCStep int

const (
	NCStepNone   NCStep = iota // closed: nothing more
	NCStepStart                // start the corrective action
	NCStepAsk                  // ask for the effectiveness check
	NCStepRecord               // record the effectiveness check
)

// NextNCStep is what the nonconformity r waits for.
func NextNCStep(r Record) NCStep {
	switch r.Get("status") {
	case NCOpen, "":
		return NCStepStart
	case NCAction:
		return NCStepAsk
	case NCCheck:
		return NCStepRecord
	}
	return NCStepNone
}

// StartCorrectiveAction is nonconformity r with its corrective action
// under way.
func StartCorrectiveAction(r Record) Record {
	out := r.Clone()
	out.Set("status", NCAction)
	return out
}

// AskForCheck is nonconformity r awaiting a check due on due by the person
// checker (0 leaves whoever was named). A check made before, which found
// the actions not effective, moves to the earlier checks; name gives a
// person's name for that line.
func AskForCheck(r Record, due time.Time, checker int64, name func(id int64) string) Record {
	out := r.Clone()
	if r.Get("check_result") != "" {
		line := CheckLine(r, name)
		history := strings.TrimSpace(r.Get("earlier_checks"))
		if history != "" {
			history += "\n"
		}
		out.Set("earlier_checks", history+line)
		for _, key := range []string{"check_result", "checked_on", "check_notes"} {
			out.Set(key, "")
		}
	}
	if checker != 0 {
		out.SetIDs("checked_by", []int64{checker})
	}
	out.Set("check_due", due.Format(DateLayout))
	out.Set("status", NCCheck)
	return out
}

// RecordCheck is nonconformity r with check c recorded: closed when the
// actions were effective, back to action in progress when they were not.
func RecordCheck(r Record, c EffectivenessCheck) Record {
	out := r.Clone()
	out.Set("check_result", c.Result)
	if c.By != 0 {
		out.SetIDs("checked_by", []int64{c.By})
	} else {
		out.Set("checked_by", "")
	}
	if c.On.IsZero() {
		out.Set("checked_on", "")
	} else {
		out.Set("checked_on", c.On.Format(DateLayout))
	}
	out.Set("check_notes", strings.TrimSpace(c.Notes))
	if c.Result == CheckEffective {
		out.Set("status", NCClosed)
	} else {
		out.Set("status", NCAction)
	}
	return out
}

// CheckLine is the check recorded on r as one line of its earlier checks:
// "2026-11-03 Not effective, checked by Priya Shah: the same error came back".
func CheckLine(r Record, name func(id int64) string) string {
	reg, _ := FindRegister(NonconformitiesRegister)
	f, _ := reg.Field("check_result")
	result := r.Get("check_result")
	if c, ok := f.Choice(result); ok {
		result = c.Label
	}
	line := strings.TrimSpace(r.Get("checked_on") + " " + result)
	if ids := r.IDs("checked_by"); len(ids) > 0 && name != nil {
		if n := name(ids[0]); n != "" {
			line += ", checked by " + n
		}
	}
	if notes := strings.Join(strings.Fields(r.Get("check_notes")), " "); notes != "" {
		line += ": " + notes
	}
	return line
}

// StartCorrectiveActionWith stores nonconformity r as under action and
// action, a new task of it, as its first corrective action. The action
// needs a title, an owner and a due date.
func StartCorrectiveActionWith(ctx context.Context, ws RecordTaskStore, reg Register, r Record, action Task) (Record, Task, error) {
	t := NewRecordAction(reg, r)
	t.Title, t.Description, t.OwnerID, t.Due = action.Title, action.Description, action.OwnerID, action.Due
	if err := t.Validate(); err != nil {
		return r, action, err
	}
	saved, err := ws.SaveRecord(ctx, StartCorrectiveAction(r))
	if err != nil {
		return r, action, fmt.Errorf("start corrective action: %w", err)
	}
	t, err = ws.SaveTask(ctx, t)
	if err != nil {
		return saved, t, fmt.Errorf("start corrective action: %w", err)
	}
	if _, err := SyncTasksOfRecord(ctx, ws, saved.ID); err != nil {
		return saved, t, fmt.Errorf("start corrective action: %w", err)
	}
	return saved, t, nil
}

// RepeatedCause is a cause category that more than one nonconformity
// shares.
type RepeatedCause struct {
	Category Choice
	Records  []Record // by reference
}

// RepeatedCauses groups the nonconformities by cause category, keeping
// the categories two or more share, in the order of CauseCategories, each
// with its records by reference.
func RepeatedCauses(ncs []Record) []RepeatedCause {
	var out []RepeatedCause
	for _, c := range CauseCategories() {
		var rs []Record
		for _, r := range ncs {
			if r.Get("cause_category") == c.Key {
				rs = append(rs, r)
			}
		}
		if len(rs) > 1 {
			slices.SortStableFunc(rs, func(a, b Record) int { return a.Number - b.Number })
			out = append(out, RepeatedCause{Category: c, Records: rs})
		}
	}
	return out
}

// SameCause lists the other nonconformities among ncs that share r's cause
// category, in the order given.
func SameCause(r Record, ncs []Record) []Record {
	cat := r.Get("cause_category")
	if cat == "" {
		return nil
	}
	var out []Record
	for _, o := range ncs {
		if o.ID != r.ID && o.Get("cause_category") == cat {
			out = append(out, o)
		}
	}
	return out
}

// SimilarCauses lists the other nonconformities among ncs, in the order
// given, whose root cause reads like r's whatever category either was
// given: the two share at least two words that say something. A cause
// filed under two categories is still one cause.
func SimilarCauses(r Record, ncs []Record) []Record {
	mine := causeWords(r.Get("root_cause"))
	var out []Record
	for _, o := range ncs {
		if o.ID != r.ID && sharedWords(mine, causeWords(o.Get("root_cause"))) >= 2 {
			out = append(out, o)
		}
	}
	return out
}

// causeWords are the words of a root cause that tell one cause from
// another: five letters or more, a plural read as its singular, and none
// of the common words any sentence has.
func causeWords(text string) map[string]bool {
	common := []string{"about", "after", "again", "because", "before", "being", "could", "every", "never", "nobody", "nothing",
		"other", "should", "their", "there", "these", "those", "where", "which", "while", "without", "would"}
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.TrimSuffix(w, "s")
		if utf8.RuneCountInString(w) >= 5 && !slices.Contains(common, w) {
			out[w] = true
		}
	}
	return out
}

func sharedWords(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// References names records of reg by reference, "NC-2, NC-5".
func References(reg Register, rs []Record) string {
	refs := make([]string, len(rs))
	for i, r := range rs {
		refs[i] = reg.Reference(r.Number)
	}
	return strings.Join(refs, ", ")
}

// ImprovementEvaluation is an improvement read against the objectives it
// serves: the trend of each linked objective that has measurements.
func ImprovementEvaluation(improvement Record, trends []ObjectiveTrend) []ObjectiveTrend {
	ids := improvement.IDs("objectives")
	var out []ObjectiveTrend
	for _, t := range trends {
		if slices.Contains(ids, t.Objective.ID) {
			out = append(out, t)
		}
	}
	return out
}

// TrendSummary says in a line how an objective stands: its latest result
// against the target it had, and how many results met theirs, such as
// "OBJ-2 First-call resolution: 78 % in October 2026 against a target of
// at least 75 %, met; 3 of 4 results met their target."
func TrendSummary(objectives Register, t ObjectiveTrend, dates DateFormat) string {
	o := t.Objective
	head := strings.TrimSpace(objectives.Reference(o.Number) + " " + o.Get(objectives.TitleField))
	latest, ok := t.Latest()
	if !ok {
		return head + ": not measured yet."
	}
	unit := strings.TrimSpace(o.Get("unit"))
	amount := func(n float64) string {
		if unit == "" {
			return FormatNumber(n)
		}
		return FormatNumber(n) + " " + unit
	}
	when := latest.Period
	if when == "" {
		when = dates.Format(latest.Date)
	}
	line := fmt.Sprintf("%s: %s in %s", head, amount(latest.Actual), when)
	if latest.HasTarget {
		aim := "at least"
		if o.Get("direction") == "at_most" {
			aim = "at most"
		}
		verdict := "missed"
		if latest.Met {
			verdict = "met"
		}
		line += fmt.Sprintf(" against a target of %s %s, %s", aim, amount(latest.Target), verdict)
	}
	line += "."
	if t.Judged > 1 { // with one, the latest says it all
		line += fmt.Sprintf(" %d of %d results met their target.", t.Met, t.Judged)
	}
	return line
}

// EvaluationLine is TrendSummary for an objective that improvement serves,
// with the results since the improvement was decided, the ones that tell
// whether it helped: "… Since it was decided on 2 April 2026, 8 of 8
// results met their target."
func EvaluationLine(objectives Register, t ObjectiveTrend, improvement Record, dates DateFormat) string {
	line := TrendSummary(objectives, t, dates)
	since, ok := improvement.Date("decided_on")
	if !ok {
		return line
	}
	met, judged := 0, 0
	for _, r := range t.Results {
		if r.HasTarget && !r.Date.Before(since) {
			judged++
			if r.Met {
				met++
			}
		}
	}
	if judged == 0 {
		return line + fmt.Sprintf(" No result since it was decided on %s yet.", dates.Format(since))
	}
	return line + fmt.Sprintf(" Since it was decided on %s, %d of %s met their target.", dates.Format(since), met, CountText(judged, "result", "results"))
}
