package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"smsbuilder/data"
)

func TestAssessmentsRoundTrip(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "gap"+data.WorkspaceExt)
	ws := createAt(t, s, path)

	// Saved in this order; listed newest date first, then the last created.
	ins := []data.Assessment{
		{Title: "Baseline", Date: day(2026, 3, 2), Assessor: "Daniel Okafor"},
		{Title: "Before stage 1", Date: day(2027, 1, 18), Assessor: "Oliver Grant"},
		{Title: "Mid-year check", Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.FixedZone("CEST", 2*3600)), Assessor: "Zoë Ångström"},
		{Title: "Mid-year check, second opinion", Date: day(2026, 9, 1)},
	}
	var saved []data.Assessment
	for _, in := range ins {
		a, err := ws.SaveAssessment(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		want := in
		want.ID, want.Date, want.CreatedAt, want.Revision = a.ID, day(in.Date.Date()), clock.t, 1
		if !reflect.DeepEqual(a, want) {
			t.Errorf("SaveAssessment(%q) = %+v\nwant %+v", in.Title, a, want)
		}
		saved = append(saved, a)
	}
	want := []data.Assessment{saved[1], saved[3], saved[2], saved[0]}
	for _, reopen := range []bool{false, true} {
		if reopen {
			ws.Close()
			ws = openAt(t, s, path)
		}
		got, err := ws.Assessments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Assessments() (reopened %v) =\n%+v\nwant\n%+v", reopen, got, want)
		}
	}

	// An update keeps the ID and the creation time.
	edit := saved[0]
	edit.Title, edit.Date = "Baseline (revised)", day(2026, 3, 3)
	got, err := ws.SaveAssessment(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	want2 := edit
	want2.Revision = 2
	if !reflect.DeepEqual(got, want2) {
		t.Errorf("SaveAssessment(update) = %+v, want %+v", got, want2)
	}
}

func TestAnswersRoundTrip(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "gap"+data.WorkspaceExt)
	ws := createAt(t, s, path)
	a, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: day(2026, 3, 2)})
	if err != nil {
		t.Fatal(err)
	}
	other, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Later", Date: day(2026, 9, 2)})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := ws.Answers(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(empty) != 0 {
		t.Errorf("Answers() of a new assessment = %+v, want none", empty)
	}

	ins := []data.Answer{
		{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: data.MaturityNone},
		{AssessmentID: a.ID, QuestionID: "q-4.1-2", Score: data.MaturityFully, Notes: "Context reviewed yearly.", Evidence: "NW-CTX-001 v2"},
		{AssessmentID: a.ID, QuestionID: "q-8.2.3-1", Score: data.MaturityNA, NAReason: "No service design in scope."},
		{AssessmentID: a.ID, QuestionID: "q-5.1-1", Score: data.MaturityPartly, Notes: "Zoë 😀 «ok»"},
		{AssessmentID: other.ID, QuestionID: "q-4.1-1", Score: data.MaturityMostly},
	}
	want := map[int64]map[string]data.Answer{a.ID: {}, other.ID: {}}
	for _, in := range ins {
		in.UpdatedAt = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC) // ignored
		if err := errOf(ws.SaveAnswer(ctx, in)); err != nil {
			t.Fatalf("SaveAnswer(%s) = %v", in.QuestionID, err)
		}
		in.UpdatedAt, in.Revision = clock.t, 1
		want[in.AssessmentID][in.QuestionID] = in
	}
	for _, reopen := range []bool{false, true} {
		if reopen {
			ws.Close()
			ws = openAt(t, s, path)
		}
		for id, w := range want {
			got, err := ws.Answers(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("Answers(%d) (reopened %v) =\n%+v\nwant\n%+v", id, reopen, got, w)
			}
		}
	}
	var score int
	if err := ws.db.QueryRow("SELECT score FROM answers WHERE question_id = 'q-8.2.3-1'").Scan(&score); err != nil {
		t.Fatal(err)
	}
	if score != -1 {
		t.Errorf("stored score of not applicable = %d, want -1", score)
	}
}

func TestAssessmentAudit(t *testing.T) {
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	daniel, oliver := actorCtx("Daniel Okafor"), actorCtx("Oliver Grant")

	a, err := ws.SaveAssessment(daniel, data.Assessment{Title: "Baseline", Date: day(2026, 3, 2), Assessor: "Daniel Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(a.ID, 10)
	trail := []data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "assessment", EntityID: id, Action: data.ActionCreate,
		Changes: []data.FieldChange{{Field: "title", To: "Baseline"}, {Field: "date", To: "2026-03-02"}, {Field: "assessor", To: "Daniel Okafor"}}}}
	checkTrail(t, ws, "assessment", id, trail)

	edit := a
	edit.Date, edit.Assessor = day(2026, 3, 4), "Oliver Grant"
	if a, err = ws.SaveAssessment(oliver, edit); err != nil {
		t.Fatal(err)
	}
	trail = append([]data.AuditEntry{{At: clock.t, Actor: "Oliver Grant", Entity: "assessment", EntityID: id, Action: data.ActionUpdate,
		Changes: []data.FieldChange{{Field: "date", From: "2026-03-02", To: "2026-03-04"}, {Field: "assessor", From: "Daniel Okafor", To: "Oliver Grant"}}}}, trail...)
	checkTrail(t, ws, "assessment", id, trail)
	if _, err := ws.SaveAssessment(oliver, edit); err != nil {
		t.Fatal(err)
	}
	checkTrail(t, ws, "assessment", id, trail) // unchanged: nothing written

	// Answers: create, change, unchanged, not applicable.
	answerTrail := []data.AuditEntry(nil)
	aid := id + "/q-4.1-1"
	steps := []struct {
		in      data.Answer
		changes []data.FieldChange // nil when nothing is written
		action  string
	}{
		{
			in:      data.Answer{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: 1, Notes: "Started"},
			action:  data.ActionCreate,
			changes: []data.FieldChange{{Field: "score", To: "1 Initial"}, {Field: "notes", To: "Started"}},
		},
		{
			in:      data.Answer{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: 3, Notes: "Started", Evidence: "NW-CTX-001"},
			action:  data.ActionUpdate,
			changes: []data.FieldChange{{Field: "score", From: "1 Initial", To: "3 Mostly"}, {Field: "evidence", To: "NW-CTX-001"}},
		},
		{in: data.Answer{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: 3, Notes: "Started", Evidence: "NW-CTX-001"}},
		{
			in:      data.Answer{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: data.MaturityNA, NAReason: "Out of scope", Notes: "Started", Evidence: "NW-CTX-001"},
			action:  data.ActionUpdate,
			changes: []data.FieldChange{{Field: "score", From: "3 Mostly", To: "Not applicable"}, {Field: "na_reason", To: "Out of scope"}},
		},
	}
	var rev data.Revision // each save from the answer as the one before stored it
	for i, st := range steps {
		st.in.Revision = rev
		saved, err := ws.SaveAnswer(oliver, st.in)
		if err != nil {
			t.Fatalf("answer %d: %v", i, err)
		}
		rev = saved.Revision
		if st.action != "" {
			answerTrail = append([]data.AuditEntry{{At: clock.t, Actor: "Oliver Grant", Entity: "answer", EntityID: aid, Action: st.action, Changes: st.changes}}, answerTrail...)
		}
		checkTrail(t, ws, "answer", aid, answerTrail)
	}
	if err := errOf(ws.SaveAnswer(oliver, data.Answer{AssessmentID: a.ID, QuestionID: "q-5.1-1", Score: 0})); err != nil {
		t.Fatal(err)
	}

	// Deleting the assessment removes its answers and closes every trail.
	if err := ws.DeleteAssessment(daniel, a); err != nil {
		t.Fatal(err)
	}
	trail = append([]data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "assessment", EntityID: id, Action: data.ActionDelete,
		Changes: []data.FieldChange{{Field: "title", From: "Baseline"}, {Field: "date", From: "2026-03-04"}, {Field: "assessor", From: "Oliver Grant"}}}}, trail...)
	checkTrail(t, ws, "assessment", id, trail)
	answerTrail = append([]data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "answer", EntityID: aid, Action: data.ActionDelete,
		Changes: []data.FieldChange{{Field: "score", From: "Not applicable"}, {Field: "na_reason", From: "Out of scope"}, {Field: "notes", From: "Started"}, {Field: "evidence", From: "NW-CTX-001"}}}}, answerTrail...)
	checkTrail(t, ws, "answer", aid, answerTrail)
	last, err := ws.AuditTrail(context.Background(), "answer", id+"/q-5.1-1", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != 1 || last[0].Action != data.ActionDelete {
		t.Errorf("last entry of the second answer = %+v, want a delete", last)
	}
}

func TestDeleteAssessmentRemovesAnswers(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	var ids []int64
	for i, title := range []string{"Baseline", "Follow-up"} {
		a, err := ws.SaveAssessment(ctx, data.Assessment{Title: title, Date: day(2026, time.Month(3+i), 1)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
		for q := range 5 {
			if err := errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: a.ID, QuestionID: fmt.Sprintf("q-4.%d-1", q+1), Score: q % 5})); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ws.DeleteAssessment(ctx, data.Assessment{ID: ids[0], Revision: 1}); err != nil {
		t.Fatal(err)
	}
	counts := []struct {
		query string
		args  []any
		want  int
	}{
		{"SELECT count(*) FROM answers WHERE assessment_id = ?", []any{ids[0]}, 0},
		{"SELECT count(*) FROM answers WHERE assessment_id = ?", []any{ids[1]}, 5},
		{"SELECT count(*) FROM assessments", nil, 1},
	}
	for _, c := range counts {
		if got := countRows(t, ws, c.query, c.args...); got != c.want {
			t.Errorf("%s %v = %d, want %d", c.query, c.args, got, c.want)
		}
	}
	_, err := ws.Answers(ctx, ids[0])
	wantCode(t, err, data.ENotFound)
	list, err := ws.Assessments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != ids[1] {
		t.Errorf("Assessments() after the delete = %+v, want only %d", list, ids[1])
	}

	// A new assessment never takes a deleted one's ID, so trails never mix.
	next, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Next", Date: day(2026, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= ids[1] {
		t.Errorf("new assessment got ID %d, want more than %d", next.ID, ids[1])
	}
}

func TestAssessmentNotFound(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	calls := []struct {
		name string
		do   func() error
	}{
		{"Answers", func() error { _, err := ws.Answers(ctx, 42); return err }},
		{"SaveAnswer", func() error {
			return errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: 42, QuestionID: "q-4.1-1", Score: 2}))
		}},
		{"SaveAnswer without an assessment", func() error {
			return errOf(ws.SaveAnswer(ctx, data.Answer{QuestionID: "q-4.1-1", Score: 2}))
		}},
		{"SaveAssessment", func() error {
			_, err := ws.SaveAssessment(ctx, data.Assessment{ID: 42, Title: "Ghost", Date: day(2026, 1, 1)})
			return err
		}},
		{"DeleteAssessment", func() error { return ws.DeleteAssessment(ctx, data.Assessment{ID: 42}) }},
	}
	for _, c := range calls {
		e := wantCode(t, c.do(), data.ENotFound)
		if !contains(e.Message, "assessment") {
			t.Errorf("%s: message %q does not say what is missing", c.name, e.Message)
		}
	}
	for _, table := range []string{"assessments", "answers", "audit_trail"} {
		if got := countRows(t, ws, "SELECT count(*) FROM "+table); got != 0 {
			t.Errorf("%d rows written to %s", got, table)
		}
	}
}
