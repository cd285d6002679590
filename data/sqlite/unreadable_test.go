package sqlite

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// TestUnreadableValues changes one stored value behind the app's back, as
// any SQLite tool can, and reads every list again: nothing fails, the value
// reads as its zero and the record names the field and the stored text.
func TestUnreadableValues(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	cases := []struct {
		name   string
		change string
		read   func(f filled) (data.BadValues, any)
		zero   any
		want   data.Unreadable
	}{
		{"task due date", "INSERT OR REPLACE INTO record_values (record_id, field, value) SELECT id, 'due', 'soon' FROM records WHERE register = 'tasks'",
			func(f filled) (data.BadValues, any) {
				ts, err := f.ws.Tasks(ctx)
				must(t, err)
				return ts[0].Unreadable, ts[0].Due
			},
			time.Time{}, data.Unreadable{Record: `task "Book the stage 1 audit"`, Field: "Due", Label: "due date", Raw: "soon"}},
		{"task status", "UPDATE record_values SET value = 'parked' WHERE field = 'status' AND record_id IN (SELECT id FROM records WHERE register = 'tasks')",
			func(f filled) (data.BadValues, any) {
				ts, err := f.ws.Tasks(ctx)
				must(t, err)
				return ts[0].Unreadable, ts[0].Status
			},
			data.TaskStatus(""), data.Unreadable{Record: `task "Book the stage 1 audit"`, Field: "Status", Label: "status", Raw: "parked"}},
		{"time of a change, cut", "UPDATE records SET updated_at = '" + strings.Repeat("x", 5000) + "' WHERE register = 'tasks'",
			func(f filled) (data.BadValues, any) {
				ts, err := f.ws.Tasks(ctx)
				must(t, err)
				return ts[0].Unreadable, ts[0].UpdatedAt
			},
			time.Time{}, data.Unreadable{Record: `task "Book the stage 1 audit"`, Field: "UpdatedAt", Label: "time of the last change", Raw: strings.Repeat("x", data.MaxUnreadableRaw) + "…"}},
		{"step status", "UPDATE step_progress SET status = 'nearly'",
			func(f filled) (data.BadValues, any) {
				p, err := f.ws.StepProgress(ctx)
				must(t, err)
				return p["step-01"].Unreadable, p["step-01"].Status
			},
			data.StepStatus(""), data.Unreadable{Record: `roadmap step "step-01"`, Field: "Status", Label: "status", Raw: "nearly"}},
		{"plan target date", "UPDATE plan SET target_date = '2027-13-45'",
			func(f filled) (data.BadValues, any) {
				p, err := f.ws.Plan(ctx)
				must(t, err)
				return p.Unreadable, p.TargetDate
			},
			time.Time{}, data.Unreadable{Record: "roadmap plan", Field: "TargetDate", Label: "target date", Raw: "2027-13-45"}},
		{"assessment date", "UPDATE assessments SET assessed_on = 'last week'",
			func(f filled) (data.BadValues, any) {
				a, err := f.ws.Assessments(ctx)
				must(t, err)
				return a[0].Unreadable, a[0].Date
			},
			time.Time{}, data.Unreadable{Record: `assessment "Baseline"`, Field: "Date", Label: "date", Raw: "last week"}},
		{"answer score", "UPDATE answers SET score = 'high'",
			func(f filled) (data.BadValues, any) {
				a, err := f.ws.Answers(ctx, f.assessment)
				must(t, err)
				return a["q-4.1-1"].Unreadable, a["q-4.1-1"].Score
			},
			0, data.Unreadable{Record: `answer to question "q-4.1-1"`, Field: "Score", Label: "score", Raw: "high"}},
		{"document clauses", "UPDATE documents SET clauses = '5.2, 5.3'",
			func(f filled) (data.BadValues, any) {
				d, err := f.ws.Documents(ctx)
				must(t, err)
				return d[0].Unreadable, d[0].Clauses
			},
			[]string(nil), data.Unreadable{Record: `document "SMS-DOC-02"`, Field: "Clauses", Label: "list of clauses", Raw: "5.2, 5.3"}},
		{"version review date", "UPDATE document_versions SET review_due = 'next year'",
			func(f filled) (data.BadValues, any) {
				v, err := f.ws.Versions(ctx, f.document)
				must(t, err)
				return v[0].Unreadable, v[0].ReviewDue
			},
			time.Time{}, data.Unreadable{Field: "ReviewDue", Label: "review date", Raw: "next year"}},
		{"organisation services", "UPDATE organisation SET services = 'Cloud Hosting'",
			func(f filled) (data.BadValues, any) {
				o, err := f.ws.Organisation(ctx)
				must(t, err)
				return o.Unreadable, o.Services
			},
			[]string(nil), data.Unreadable{Record: "organisation profile", Field: "Services", Label: "list of services", Raw: "Cloud Hosting"}},
		{"organisation paper", "UPDATE organisation SET paper_size = 'A3'",
			func(f filled) (data.BadValues, any) {
				o, err := f.ws.Organisation(ctx)
				must(t, err)
				return o.Unreadable, o.PaperSize
			},
			data.PaperSize(""), data.Unreadable{Record: "organisation profile", Field: "PaperSize", Label: "paper size", Raw: "A3"}},
		{"person created", "UPDATE people SET created_at = 'yesterday' WHERE name = 'Daniel Okafor'",
			func(f filled) (data.BadValues, any) {
				p, err := f.ws.Person(ctx, f.owner)
				must(t, err)
				return p.Unreadable, p.CreatedAt
			},
			time.Time{}, data.Unreadable{Record: `person "Daniel Okafor"`, Field: "CreatedAt", Label: "time of creation", Raw: "yesterday"}},
		{"person role", "UPDATE person_roles SET kind = 'chief' WHERE rowid = (SELECT min(rowid) FROM person_roles WHERE person_id = (SELECT id FROM people WHERE name = 'Daniel Okafor'))",
			func(f filled) (data.BadValues, any) {
				ps, err := f.ws.People(ctx)
				must(t, err)
				for _, p := range ps {
					if p.ID == f.owner {
						return p.Unreadable, len(p.Roles) // of three, the two still known
					}
				}
				return nil, nil
			},
			2, data.Unreadable{Record: `person "Daniel Okafor"`, Field: "Roles", Label: "SMS role", Raw: "chief"}},
		{"audit entry changes", "UPDATE audit_trail SET changes = '{' WHERE id = (SELECT max(id) FROM audit_trail)",
			func(f filled) (data.BadValues, any) {
				e, err := f.ws.AuditTrail(ctx, "", "", 1)
				must(t, err)
				return e[0].Unreadable, e[0].Changes
			},
			[]data.FieldChange(nil), data.Unreadable{Field: "Changes", Label: "list of changes", Raw: "{"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fill(t)
			// Nothing in the schema stops an outside tool writing these.
			if _, err := f.ws.db.Exec(c.change); err != nil {
				t.Fatalf("%s: %v", c.change, err)
			}
			bad, got := c.read(f)
			if !reflect.DeepEqual(got, c.zero) {
				t.Errorf("the unreadable value reads as %#v, want %#v", got, c.zero)
			}
			if len(bad) != 1 {
				t.Fatalf("Unreadable = %+v, want one note", bad)
			}
			if c.want.Record == "" {
				c.want.Record = bad[0].Record // names a number this test does not choose
			}
			if bad[0] != c.want {
				t.Errorf("Unreadable = %+v, want %+v", bad[0], c.want)
			}
			if msg := bad[0].Message(); strings.Contains(msg, "parsing") || !strings.Contains(msg, c.want.Record) || !strings.Contains(msg, c.want.Label) {
				t.Errorf("message %q should name the %s of %s and no parse error", msg, c.want.Label, c.want.Record)
			}
		})
	}
}

// filled is a workspace with one record of every kind.
type filled struct {
	ws                          *Workspace
	owner, assessment, document int64
}

func fill(t *testing.T) filled {
	t.Helper()
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	owner := people["Daniel Okafor"]
	if _, err := ws.SaveOrganisation(ctx, data.DemoOrganisation()); err != nil {
		t.Fatal(err)
	}
	_, err := ws.SaveTask(ctx, data.Task{Title: "Book the stage 1 audit", Status: data.TaskOpen, SourceKind: data.SourceManual, Due: day(2027, 3, 31)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepInProgress, Due: day(2027, 1, 15)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SavePlan(ctx, data.Plan{TargetDate: day(2027, 9, 1)}); err != nil {
		t.Fatal(err)
	}
	as, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: day(2026, 11, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SaveAnswer(ctx, data.Answer{AssessmentID: as.ID, QuestionID: "q-4.1-1", Score: 2}); err != nil {
		t.Fatal(err)
	}
	doc, err := ws.CreateDocument(ctx, policy(owner.ID), "# Policy\n")
	if err != nil {
		t.Fatal(err)
	}

	return filled{ws: ws, owner: owner.ID, assessment: as.ID, document: doc.ID}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestZeroSavedOverUnreadableIsStored saves, over a value that could not be
// read, the zero value it was read as: no date, score 0. Nothing else
// changed, yet it is what the user chose and is stored.
func TestZeroSavedOverUnreadableIsStored(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	cases := []struct {
		name, change string
		save         func(f filled) data.BadValues // saves the zero value, returns what reads back
	}{
		{"step due cleared", "UPDATE step_progress SET due = 'soon' WHERE step_id = 'step-01'",
			func(f filled) data.BadValues {
				ps, err := f.ws.StepProgress(ctx)
				must(t, err)
				_, err = f.ws.SaveStepProgress(ctx, ps["step-01"]) // Due is already the zero date
				must(t, err)
				ps, err = f.ws.StepProgress(ctx)
				must(t, err)
				return ps["step-01"].Unreadable
			}},
		{"answer scored 0", "UPDATE answers SET score = 9 WHERE question_id = 'q-4.1-1'",
			func(f filled) data.BadValues {
				as, err := f.ws.Answers(ctx, f.assessment)
				must(t, err)
				_, err = f.ws.SaveAnswer(ctx, as["q-4.1-1"]) // Score is already 0
				must(t, err)
				as, err = f.ws.Answers(ctx, f.assessment)
				must(t, err)
				return as["q-4.1-1"].Unreadable
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fill(t)
			if _, err := f.ws.db.Exec(c.change); err != nil {
				t.Fatalf("%s: %v", c.change, err)
			}
			if got := c.save(f); len(got) != 0 {
				t.Errorf("after saving the zero value, it still reads as %+v", got)
			}
		})
	}
}
