package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// records is one of each new kind of record, saved by seedRecords.
type records struct {
	people     map[string]data.Person
	assessment data.Assessment
	task       data.Task
}

// seedRecords fills a workspace with the demo people, a step in progress, a
// plan, an assessment with two answers and a task.
func seedRecords(t *testing.T, ws *Workspace) records {
	t.Helper()
	ctx := actorCtx("Seeder")
	r := records{people: demoPeopleIn(t, ws)}
	daniel := r.people["Daniel Okafor"].ID
	if err := errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepInProgress, OwnerID: daniel, Due: day(2027, 1, 15)})); err != nil {
		t.Fatal(err)
	}
	if err := errOf(ws.SavePlan(ctx, data.Plan{TargetDate: day(2027, 9, 30)})); err != nil {
		t.Fatal(err)
	}
	var err error
	if r.assessment, err = ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: day(2026, 3, 2), Assessor: "Daniel Okafor"}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []data.Answer{
		{AssessmentID: r.assessment.ID, QuestionID: "q-4.1-1", Score: 2},
		{AssessmentID: r.assessment.ID, QuestionID: "q-5.1-1", Score: data.MaturityNA, NAReason: "Not yet"},
	} {
		if err := errOf(ws.SaveAnswer(ctx, a)); err != nil {
			t.Fatal(err)
		}
	}
	if r.task, err = ws.SaveTask(ctx, data.Task{Title: "Write the scope", OwnerID: daniel, Due: day(2027, 1, 31), Status: data.TaskOpen, SourceKind: data.SourceStep, SourceRef: "step-04"}); err != nil {
		t.Fatal(err)
	}
	return r
}

// contents is everything a workspace holds, to show that a refused write
// changed nothing.
type contents struct {
	Org      data.Organisation
	People   []data.Person
	Steps    map[string]data.StepProgress
	Plan     data.Plan
	Assessed []data.Assessment
	Answers  map[int64]map[string]data.Answer
	Tasks    []data.Task
	Trail    []data.AuditEntry
}

func contentsOf(t *testing.T, ws *Workspace) contents {
	t.Helper()
	ctx := context.Background()
	var c contents
	var err error
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	c.Org, err = ws.Organisation(ctx)
	check(err)
	c.People, err = ws.People(ctx)
	check(err)
	c.Steps, err = ws.StepProgress(ctx)
	check(err)
	c.Plan, err = ws.Plan(ctx)
	check(err)
	c.Assessed, err = ws.Assessments(ctx)
	check(err)
	c.Answers = map[int64]map[string]data.Answer{}
	for _, a := range c.Assessed {
		c.Answers[a.ID], err = ws.Answers(ctx, a.ID)
		check(err)
	}
	c.Tasks, err = ws.Tasks(ctx)
	check(err)
	c.Trail, err = ws.AuditTrail(ctx, "", "", 0)
	check(err)
	return c
}

func TestNewRecordsInvalid(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	r := seedRecords(t, ws)
	aID := r.assessment.ID
	validTask := r.task
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)

	tests := []struct {
		name   string
		do     func() error
		domain error  // the domain's own validation error, returned as it is; nil for refusals storage adds
		code   string // else the code
		field  string // and the field marked
	}{
		{
			name: "step with an unknown status",
			do: func() error {
				return errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: "nearly"}))
			},
			domain: data.StepProgress{StepID: "step-01", Status: "nearly"}.Validate(),
		},
		{
			name: "step not applicable without a reason",
			do: func() error {
				return errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepNotApplicable}))
			},
			domain: data.StepProgress{StepID: "step-01", Status: data.StepNotApplicable}.Validate(),
		},
		{
			name: "step notes too long",
			do: func() error {
				return errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepDone, Notes: strings.Repeat("x", 4001)}))
			},
			domain: data.StepProgress{StepID: "step-01", Status: data.StepDone, Notes: strings.Repeat("x", 4001)}.Validate(),
		},
		{
			name:  "step without a step ID",
			do:    func() error { return errOf(ws.SaveStepProgress(ctx, data.StepProgress{Status: data.StepDone})) },
			code:  data.EInvalid,
			field: "StepID",
		},
		{
			name: "step due in year 10000",
			do: func() error {
				return errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepDone, Due: far}))
			},
			code:  data.EInvalid,
			field: "Due",
		},
		{
			name: "step owned by nobody who exists",
			do: func() error {
				return errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-02", Status: data.StepDone, OwnerID: 999}))
			},
			code:  data.ENotFound,
			field: "OwnerID",
		},
		{
			name:  "plan targets year 10000",
			do:    func() error { return errOf(ws.SavePlan(ctx, data.Plan{TargetDate: far})) },
			code:  data.EInvalid,
			field: "TargetDate",
		},
		{
			name: "assessment without a title",
			do: func() error {
				_, err := ws.SaveAssessment(ctx, data.Assessment{Title: " ", Date: day(2026, 1, 1)})
				return err
			},
			domain: data.Assessment{Title: " ", Date: day(2026, 1, 1)}.Validate(),
		},
		{
			name: "assessment update without a date",
			do: func() error {
				_, err := ws.SaveAssessment(ctx, data.Assessment{ID: aID, Title: "Baseline"})
				return err
			},
			domain: data.Assessment{ID: aID, Title: "Baseline"}.Validate(),
		},
		{
			name: "assessment in year 0",
			do: func() error {
				_, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Old", Date: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)})
				return err
			},
			code:  data.EInvalid,
			field: "Date",
		},
		{
			name: "answer scored 5",
			do: func() error {
				return errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: aID, QuestionID: "q-4.1-1", Score: 5}))
			},
			domain: data.Answer{AssessmentID: aID, QuestionID: "q-4.1-1", Score: 5}.Validate(),
		},
		{
			name: "answer not applicable without a reason",
			do: func() error {
				return errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: aID, QuestionID: "q-4.1-1", Score: data.MaturityNA}))
			},
			domain: data.Answer{AssessmentID: aID, QuestionID: "q-4.1-1", Score: data.MaturityNA}.Validate(),
		},
		{
			name:  "answer without a question",
			do:    func() error { return errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: aID, Score: 1})) },
			code:  data.EInvalid,
			field: "QuestionID",
		},
		{
			name:   "task without a title",
			do:     func() error { t := validTask; t.Title = ""; _, err := ws.SaveTask(ctx, t); return err },
			domain: func() error { t := validTask; t.Title = ""; return t.Validate() }(),
		},
		{
			name: "task with an unknown source",
			do: func() error {
				t := validTask
				t.ID = 0
				t.SourceKind = "rumour"
				_, err := ws.SaveTask(ctx, t)
				return err
			},
			domain: func() error { t := validTask; t.ID = 0; t.SourceKind = "rumour"; return t.Validate() }(),
		},
		{
			name:  "task due in year 10000",
			do:    func() error { t := validTask; t.Due = far; _, err := ws.SaveTask(ctx, t); return err },
			code:  data.EInvalid,
			field: "Due",
		},
		{
			name:  "task owned by nobody who exists",
			do:    func() error { t := validTask; t.ID = 0; t.OwnerID = 999; _, err := ws.SaveTask(ctx, t); return err },
			code:  data.ENotFound,
			field: "OwnerID",
		},
	}
	want := contentsOf(t, ws)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if tt.domain != nil {
				if !reflect.DeepEqual(err, tt.domain) {
					t.Errorf("got %v, want the validation error %v as it is", err, tt.domain)
				}
				wantCode(t, err, data.EInvalid)
			} else {
				e := wantCode(t, err, tt.code)
				if got := data.FieldMessage(e, tt.field); got == "" {
					t.Errorf("error %v marks no %s field", e, tt.field)
				}
			}
			if got := contentsOf(t, ws); !reflect.DeepEqual(got, want) {
				t.Errorf("a refused write changed the workspace")
			}
		})
	}
}

func TestNewRecordsReadOnly(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	dir := t.TempDir()
	path := filepath.Join(dir, "readonly"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	r := seedRecords(t, ws)
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, path)
	ro := openAt(t, New(), path)
	if !ro.ReadOnly() {
		t.Fatal("ReadOnly() = false for a file that may not be written")
	}
	want := contentsOf(t, ro)
	if len(want.Steps) != 1 || len(want.Tasks) != 1 || len(want.Answers[r.assessment.ID]) != 2 || want.Plan.TargetDate.IsZero() {
		t.Fatalf("a read-only workspace does not read back its records: %+v", want)
	}

	aID := r.assessment.ID
	edited := r.task
	edited.Status = data.TaskDone
	writes := []struct {
		name string
		do   func() error
	}{
		{"SaveStepProgress", func() error {
			return errOf(ro.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepDone}))
		}},
		{"SaveStepProgress invalid", func() error { return errOf(ro.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01"})) }},
		{"SavePlan", func() error { return errOf(ro.SavePlan(ctx, data.Plan{})) }},
		{"SaveAssessment new", func() error {
			_, err := ro.SaveAssessment(ctx, data.Assessment{Title: "Second", Date: day(2027, 1, 1)})
			return err
		}},
		{"SaveAssessment update", func() error {
			a := r.assessment
			a.Title = "Changed"
			_, err := ro.SaveAssessment(ctx, a)
			return err
		}},
		{"DeleteAssessment", func() error { return ro.DeleteAssessment(ctx, data.Assessment{ID: aID}) }},
		{"SaveAnswer", func() error {
			return errOf(ro.SaveAnswer(ctx, data.Answer{AssessmentID: aID, QuestionID: "q-4.1-1", Score: 4}))
		}},
		{"SaveTask new", func() error {
			_, err := ro.SaveTask(ctx, data.Task{Title: "New", Status: data.TaskOpen, SourceKind: data.SourceManual})
			return err
		}},
		{"SaveTask update", func() error { _, err := ro.SaveTask(ctx, edited); return err }},
		{"DeleteTask", func() error { return ro.DeleteTask(ctx, r.task) }},
		{"RestoreTask", func() error {
			return errOf(ro.RestoreTask(ctx, data.Task{ID: 99, Title: "Gone", Status: data.TaskOpen, SourceKind: data.SourceManual}))
		}},
		{"RestorePerson", func() error { return errOf(ro.RestorePerson(ctx, data.Person{ID: 99, Name: "Gone"}, data.Unlinked{})) }},
	}
	for _, wr := range writes {
		e := wantCode(t, wr.do(), data.EReadOnly)
		if !contains(e.Message, "read-only") || !contains(e.Message, filepath.Base(path)) {
			t.Errorf("%s: message %q does not say the file is read-only", wr.name, e.Message)
		}
	}
	if got := contentsOf(t, ro); !reflect.DeepEqual(got, want) {
		t.Errorf("refused writes changed the workspace")
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("the read-only file changed: got %+v, want %+v", got, before)
	}
}

// Deleting a person leaves their steps and tasks without an owner, and says
// so in each record's trail.
func TestOwnerDeleted(t *testing.T) {
	ctx := actorCtx("Margaret Holloway")
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	priya, tomasz := people["Priya Raman"], people["Tomasz Nowak"]

	steps := []data.StepProgress{
		{StepID: "step-03", Status: data.StepInProgress, OwnerID: priya.ID},
		{StepID: "step-05", Status: data.StepNotStarted, OwnerID: tomasz.ID},
		{StepID: "step-09", Status: data.StepDone, OwnerID: priya.ID, Due: day(2027, 2, 1)},
	}
	for _, p := range steps {
		if err := errOf(ws.SaveStepProgress(ctx, p)); err != nil {
			t.Fatal(err)
		}
	}
	var tasks []data.Task
	for _, in := range []data.Task{
		{Title: "Incident review", OwnerID: priya.ID, Status: data.TaskOpen, SourceKind: data.SourceManual},
		{Title: "Change calendar", OwnerID: tomasz.ID, Status: data.TaskOpen, SourceKind: data.SourceManual},
	} {
		task, err := ws.SaveTask(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		tasks = append(tasks, task)
	}

	if _, err := ws.DeletePerson(ctx, priya); err != nil {
		t.Fatal(err)
	}
	at := clock.t

	gotSteps, err := ws.StepProgress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gotTasks, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string]int64{}
	for id, p := range gotSteps {
		owners[id] = p.OwnerID
	}
	for _, task := range gotTasks {
		owners["task "+strconv.FormatInt(task.ID, 10)] = task.OwnerID
	}
	wantOwners := map[string]int64{
		"step-03": 0, "step-05": tomasz.ID, "step-09": 0,
		"task " + strconv.FormatInt(tasks[0].ID, 10): 0,
		"task " + strconv.FormatInt(tasks[1].ID, 10): tomasz.ID,
	}
	if !reflect.DeepEqual(owners, wantOwners) {
		t.Errorf("owners after deleting Priya = %v, want %v", owners, wantOwners)
	}

	gone := []data.FieldChange{{Field: "owner", From: "Priya Raman"}}
	for _, rec := range []struct{ entity, id string }{
		{"step", "step-03"}, {"step", "step-09"}, {"task", strconv.FormatInt(tasks[0].ID, 10)},
	} {
		got, err := ws.AuditTrail(ctx, rec.entity, rec.id, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []data.AuditEntry{{At: at, Actor: "Margaret Holloway", Entity: rec.entity, EntityID: rec.id, Action: data.ActionUpdate, Changes: gone}}
		if len(got) == 1 {
			want[0].ID = got[0].ID
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("last entry of %s %s = %+v\nwant %+v", rec.entity, rec.id, got, want)
		}
	}
	for _, rec := range []struct{ entity, id string }{{"step", "step-05"}, {"task", strconv.FormatInt(tasks[1].ID, 10)}} {
		got, err := ws.AuditTrail(ctx, rec.entity, rec.id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Action != data.ActionCreate {
			t.Errorf("trail of %s %s, owned by someone else, = %+v, want only its creation", rec.entity, rec.id, got)
		}
	}

	// The schema does it too, for a person removed by any other program.
	rawExec(t, fileURI(ws.abs)+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)",
		"DELETE FROM people WHERE id = "+strconv.FormatInt(tomasz.ID, 10))
	for _, q := range []string{
		"SELECT count(*) FROM step_progress WHERE owner_id IS NOT NULL",
		"SELECT count(*) FROM record_people",
	} {
		if got := countRows(t, ws, q); got != 0 {
			t.Errorf("%s = %d after deleting the last owner, want 0", q, got)
		}
	}
	if got, want := countRows(t, ws, "SELECT count(*) FROM step_progress")+countRows(t, ws, "SELECT count(*) FROM records WHERE register = 'tasks'"), 5; got != want {
		t.Errorf("%d steps and tasks left, want all %d", got, want)
	}
}
