package data

import (
	"strings"
	"testing"
	"time"
)

func ncRecord(values ...string) Record {
	reg, _ := FindRegister(NonconformitiesRegister)
	r := NewRecord(reg)
	r.Set("title", "Change approved without a risk assessment")
	r.Set("raised_on", "2026-03-02")
	for i := 0; i+1 < len(values); i += 2 {
		r.Set(values[i], values[i+1])
	}
	return r
}

// refusal is the field and message Validate marks first, or "" for both.
func refusal(reg Register, r Record) (string, string) {
	if e, ok := reg.Validate(r).(*Error); ok && len(e.Fields) > 0 {
		return e.Fields[0].Field, e.Fields[0].Message
	}
	return "", ""
}

// TestNonconformityRules checks what a person is told when a record of a
// check is incomplete or its status does not follow from it.
func TestNonconformityRules(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	tests := []struct {
		name      string
		values    []string
		wantField string
	}{
		{"open, nothing checked", []string{"status", "open"}, ""},
		{"result without who checked", []string{"status", "action", "check_result", "ineffective", "checked_on", "2026-04-01"}, "checked_by"},
		{"result without when", []string{"status", "action", "check_result", "ineffective", "checked_by", "3"}, "checked_on"},
		{"checker named before the check", []string{"status", "check", "check_due", "2026-05-01", "checked_by", "3"}, ""},
		{"awaiting a check with no date", []string{"status", "check"}, "check_due"},
		{"awaiting a check after a failed one", []string{"status", "check", "check_due", "2026-05-01",
			"check_result", "ineffective", "checked_by", "3", "checked_on", "2026-04-01"}, "status"},
		{"closed after a failed check", []string{"status", "closed", "check_result", "ineffective", "checked_by", "3", "checked_on", "2026-04-01"}, "status"},
		{"closed after an effective check", []string{"status", "closed", "check_result", "effective", "checked_by", "3", "checked_on", "2026-04-01"}, ""},
	}
	for _, tt := range tests {
		got, msg := refusal(reg, ncRecord(tt.values...))
		if got != tt.wantField {
			t.Errorf("%s: refused field %q (%s), want %q", tt.name, got, msg, tt.wantField)
		}
	}
}

// TestNonconformityWorkflow follows a nonconformity from open through a
// failed check, a second check and closing: each step leaves a record
// the register accepts, and the failed check is kept.
func TestNonconformityWorkflow(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	names := func(id int64) string { return map[int64]string{3: "Oliver Grant", 4: "Daniel Okafor"}[id] }
	r := ncRecord("status", "open")
	steps := []struct {
		name       string
		do         func(Record) Record
		wantStatus string
		wantNext   NCStep
	}{
		{"start", StartCorrectiveAction, NCAction, NCStepAsk},
		{"ask", func(r Record) Record { return AskForCheck(r, day("2026-05-01"), 3, names) }, NCCheck, NCStepRecord},
		{"not effective", func(r Record) Record {
			return RecordCheck(r, EffectivenessCheck{Result: CheckIneffective, By: 3, On: day("2026-05-02"), Notes: "The same error\ncame back."})
		}, NCAction, NCStepAsk},
		{"ask again", func(r Record) Record { return AskForCheck(r, day("2026-07-01"), 4, names) }, NCCheck, NCStepRecord},
		{"effective", func(r Record) Record {
			return RecordCheck(r, EffectivenessCheck{Result: CheckEffective, By: 4, On: day("2026-07-03")})
		}, NCClosed, NCStepNone},
	}
	if got := NextNCStep(r); got != NCStepStart {
		t.Fatalf("a new nonconformity waits for step %d, want %d", got, NCStepStart)
	}
	for _, st := range steps {
		r = st.do(r)
		if field, msg := refusal(reg, r); field != "" {
			t.Fatalf("after %s the register refuses %s: %s", st.name, field, msg)
		}
		if got := r.Get("status"); got != st.wantStatus {
			t.Errorf("after %s: status %q, want %q", st.name, got, st.wantStatus)
		}
		if got := NextNCStep(r); got != st.wantNext {
			t.Errorf("after %s: next step %d, want %d", st.name, got, st.wantNext)
		}
	}
	if got, want := r.Get("earlier_checks"), "2026-05-02 Not effective, checked by Oliver Grant: The same error came back."; got != want {
		t.Errorf("earlier checks = %q, want %q", got, want)
	}
	if got := r.Get("checked_by"); got != "4" {
		t.Errorf("checked by %q after the second check, want the second checker", got)
	}
}

// TestTheCheckTaskGoesToTheChecker checks that the effectiveness check is
// the checker's task, and the owner's while nobody is named.
func TestTheCheckTaskGoesToTheChecker(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	r := ncRecord("owner", "2", "check_due", "2026-05-01", "status", "check")
	r.ID, r.Number = 7, 3
	tests := []struct {
		checker string
		want    int64
	}{{"", 2}, {"5", 5}}
	for _, tt := range tests {
		r.Set("checked_by", tt.checker)
		tasks := RecordTasks(reg, r)
		if len(tasks) != 1 {
			t.Fatalf("got %d tasks, want the check", len(tasks))
		}
		if got := tasks[0].OwnerID; got != tt.want {
			t.Errorf("checker %q: the task goes to %d, want %d", tt.checker, got, tt.want)
		}
		if got, want := tasks[0].Title, "Check effectiveness of NC-3 Change approved without a risk assessment"; got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
	for _, reg := range Registers() {
		for _, key := range reg.Filters {
			if f, ok := reg.Field(key); !ok || (f.Type != FieldChoice && f.Type != FieldPerson) {
				t.Errorf("%s filters by %q, which is no choice or person field", reg.Key, key)
			}
		}
		for _, f := range reg.Fields {
			if o, ok := reg.Field(f.TaskOwner); f.TaskOwner != "" && (!ok || o.Type != FieldPerson) {
				t.Errorf("%s.%s gives its task to %q, which is no person field", reg.Key, f.Key, f.TaskOwner)
			}
		}
	}
}

// TestRepeatedCauses checks that causes that keep coming back are found.
func TestRepeatedCauses(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	var ncs []Record
	for i, cat := range []string{"process", "supplier", "", "process", "people", "process"} {
		r := ncRecord("cause_category", cat)
		r.ID, r.Number = int64(10+i), i+1
		ncs = append(ncs, r)
	}
	groups := RepeatedCauses(ncs)
	if len(groups) != 1 {
		t.Fatalf("got %d repeated causes, want 1", len(groups))
	}
	if got, want := groups[0].Category.Label+": "+References(reg, groups[0].Records), "Process or procedure: NC-1, NC-4, NC-6"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	tests := []struct {
		of   int
		want string
	}{{0, "NC-4, NC-6"}, {1, ""}, {2, ""}, {5, "NC-1, NC-4"}}
	for _, tt := range tests {
		if got := References(reg, SameCause(ncs[tt.of], ncs)); got != tt.want {
			t.Errorf("same cause as NC-%d: %q, want %q", tt.of+1, got, tt.want)
		}
	}
}

// TestSimilarCauses checks that root causes which read alike are found
// whatever category they were filed under, and that common words alone
// do not make two causes alike.
func TestSimilarCauses(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	var ncs []Record
	for i, cause := range []string{
		"The change process asks for a backout plan but not for proof that it was tested.",
		"Backout plans are written for every change, but nobody tests them.",
		"The contract sets no deadline for incident reports, which there should be.",
		"Nothing there should have been done without which they could have.",
		"",
	} {
		r := ncRecord("root_cause", cause)
		r.ID, r.Number = int64(20+i), i+1
		ncs = append(ncs, r)
	}
	tests := []struct {
		of   int
		want string
	}{{0, "NC-2"}, {1, "NC-1"}, {2, ""}, {3, ""}, {4, ""}}
	for _, tt := range tests {
		if got := References(reg, SimilarCauses(ncs[tt.of], ncs)); got != tt.want {
			t.Errorf("like NC-%d: %q, want %q", tt.of+1, got, tt.want)
		}
	}
}

// TestImprovementEvaluation reads an improvement against the objectives
// it serves, as its form and the printed register show it.
func TestImprovementEvaluation(t *testing.T) {
	objectives, _ := FindRegister("objectives")
	p2 := Record{ID: 4, Number: 2, Register: "objectives", Values: map[string]string{"title": "P2 incidents resolved within 8 hours", "target": "95", "unit": "%", "direction": "at_least"}}
	changes := Record{ID: 5, Number: 5, Register: "objectives", Values: map[string]string{"title": "Changes that caused an incident", "target": "5", "unit": "%", "direction": "at_most"}}
	idle := Record{ID: 6, Number: 6, Register: "objectives", Values: map[string]string{"title": "Not measured", "target": "1"}}
	m := func(objective, date, period, actual string) Record {
		return Record{Values: map[string]string{"objective": objective, "date": date, "period": period, "actual": actual}}
	}
	trends := ObjectiveTrends([]Record{p2, changes, idle}, []Record{
		m("4", "2026-04-01", "March 2026", "93.8"), m("4", "2026-05-01", "April 2026", "95.9"), m("4", "2026-06-01", "May 2026", "96.7"),
		m("5", "2026-06-01", "May 2026", "6.2"),
	})
	imp := Record{Values: map[string]string{"title": "Leave rota", "objectives": "4,5,6"}}
	var got []string
	for _, tr := range ImprovementEvaluation(imp, trends) {
		got = append(got, TrendSummary(objectives, tr, "2 January 2006"))
	}
	want := []string{
		"OBJ-2 P2 incidents resolved within 8 hours: 96.7 % in May 2026 against a target of at least 95 %, met. 2 of 3 results met their target.",
		"OBJ-5 Changes that caused an incident: 6.2 % in May 2026 against a target of at most 5 %, missed.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	decided := Record{Values: map[string]string{"title": "Leave rota", "objectives": "4", "decided_on": "2026-04-15"}}
	if got, want := EvaluationLine(objectives, ImprovementEvaluation(decided, trends)[0], decided, "2 January 2006"),
		want[0]+" Since it was decided on 15 April 2026, 2 of 2 results met their target."; got != want {
		t.Errorf("against its decision: got\n%s\nwant\n%s", got, want)
	}
	if got := ImprovementEvaluation(Record{Values: map[string]string{"objectives": "6"}}, trends); len(got) != 0 {
		t.Errorf("an objective without measurements gave %d trends", len(got))
	}
}

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestAnImprovementsTaskIsDoneWithIt checks that the task an improvement's
// due date makes stays open while the work goes on and is done with it.
func TestAnImprovementsTaskIsDoneWithIt(t *testing.T) {
	reg, _ := FindRegister(ImprovementsRegister)
	tests := []struct {
		status string
		want   TaskStatus
	}{{"open", TaskOpen}, {"in_progress", TaskOpen}, {"done", TaskDone}, {"closed", TaskDone}}
	for _, tt := range tests {
		r := NewRecord(reg)
		r.ID, r.Number = 9, 1
		r.Set("title", "Paired leave rota")
		r.Set("due", "2026-05-01")
		r.Set("status", tt.status)
		tasks := RecordTasks(reg, r)
		if len(tasks) != 1 || tasks[0].Status != tt.want {
			t.Errorf("status %s: tasks %+v, want one %s", tt.status, tasks, tt.want)
		}
	}
}
