package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"smsbuilder/data"
)

// revisionWorkspace is a workspace holding one record of every kind a person
// edits, each saved once (revision 1), with its document and draft.
func revisionWorkspace(t *testing.T) (*Workspace, records, data.Document) {
	t.Helper()
	s, _ := clockStore()
	w := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	if err := errOf(w.SaveOrganisation(actorCtx("Seeder"), data.DemoOrganisation())); err != nil {
		t.Fatal(err)
	}
	r := seedRecords(t, w)
	doc, err := w.CreateDocument(actorCtx("Seeder"), policy(r.people["Daniel Okafor"].ID), policyDraft1)
	if err != nil {
		t.Fatal(err)
	}
	return w, r, doc
}

// everything is what a workspace holds, documents included, to show that a
// refused save changed nothing.
type everything struct {
	contents
	Documents []data.Document
	Versions  []data.Version
}

func everythingIn(t *testing.T, w *Workspace, docID int64) everything {
	t.Helper()
	e := everything{contents: contentsOf(t, w)}
	var err error
	if e.Documents, err = w.Documents(context.Background()); err != nil {
		t.Fatal(err)
	}
	if e.Versions, err = w.Versions(context.Background(), docID); err != nil {
		t.Fatal(err)
	}
	return e
}

// staleSaves tests one kind of record T in w: read returns it as a screen
// reads it, edit a copy changed with text, save stores a copy and returns
// the stored record, rev its revision.
func staleSaves[T any](w *Workspace, docID int64, what string, read func() (T, error), edit func(T, string) T,
	save func(context.Context, T) (T, error), rev func(T) data.Revision) func(*testing.T) {
	return func(t *testing.T) {
		bob, alice := actorCtx("Bob Lee"), actorCtx("Alice Smith")
		opened, err := read()
		if err != nil {
			t.Fatal(err)
		}
		if got := rev(opened); got != 1 {
			t.Fatalf("revision as read = %d, want 1", got)
		}
		// Bob saves first, from the copy both of them opened.
		fresh, err := save(bob, edit(opened, "Bob's change"))
		if err != nil {
			t.Fatalf("first save: %v", err)
		}
		if got := rev(fresh); got != 2 {
			t.Errorf("revision after the first save = %d, want 2", got)
		}
		before := everythingIn(t, w, docID)
		bobAt := before.Trail[0].At

		// Alice saves her stale copy: refused, naming Bob, and nothing changes.
		_, err = save(alice, edit(opened, "Alice's change"))
		e := wantCode(t, err, data.EConflict)
		want := "Bob Lee changed " + what + " at " + bobAt.Format("15:04") + ", after you opened it: reload to see the change."
		if e.Message != want {
			t.Errorf("refusal = %q\nwant %q", e.Message, want)
		}
		if after := everythingIn(t, w, docID); !reflect.DeepEqual(after, before) {
			t.Errorf("the refused save changed the workspace:\n%+v\nwant\n%+v", after, before)
		}

		// Reloaded, her change saves.
		again, err := save(alice, edit(fresh, "Alice's change"))
		if err != nil {
			t.Fatalf("save from the reloaded copy: %v", err)
		}
		if got := rev(again); got != 3 {
			t.Errorf("revision after saving the reloaded copy = %d, want 3", got)
		}
		if after := everythingIn(t, w, docID); len(after.Trail) != len(before.Trail)+1 || after.Trail[0].Actor != "Alice Smith" {
			t.Errorf("saving the reloaded copy left the newest entry %+v", after.Trail[0])
		}
	}
}

// A save from a copy read before someone else's save is refused with
// data.EConflict, naming who changed the record and when, and changes
// nothing; the copy as stored after that save saves. Every kind of record a
// person edits, on one workspace and a stale copy.
func TestStaleSaveRefused(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		test func(w *Workspace, r records, doc data.Document) func(*testing.T)
	}{
		{"organisation", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "the organisation profile",
				func() (data.Organisation, error) { return w.Organisation(ctx) },
				func(o data.Organisation, s string) data.Organisation { o.Address = s; return o },
				w.SaveOrganisation, func(o data.Organisation) data.Revision { return o.Revision })
		}},
		{"person", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			id := r.people["Priya Raman"].ID
			return staleSaves(w, doc.ID, "this person's details",
				func() (data.Person, error) { return w.Person(ctx, id) },
				func(p data.Person, s string) data.Person { p.JobTitle = s; return p },
				w.SavePerson, func(p data.Person) data.Revision { return p.Revision })
		}},
		{"roadmap step", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "this roadmap step",
				func() (data.StepProgress, error) {
					all, err := w.StepProgress(ctx)
					return all["step-01"], err
				},
				func(p data.StepProgress, s string) data.StepProgress { p.Notes = s; return p },
				w.SaveStepProgress, func(p data.StepProgress) data.Revision { return p.Revision })
		}},
		{"plan", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "the roadmap plan",
				func() (data.Plan, error) { return w.Plan(ctx) },
				func(p data.Plan, s string) data.Plan { p.TargetDate = p.TargetDate.AddDate(0, 0, len(s)); return p },
				w.SavePlan, func(p data.Plan) data.Revision { return p.Revision })
		}},
		{"assessment", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "this assessment",
				func() (data.Assessment, error) {
					all, err := w.Assessments(ctx)
					return all[0], err
				},
				func(a data.Assessment, s string) data.Assessment { a.Title = s; return a },
				w.SaveAssessment, func(a data.Assessment) data.Revision { return a.Revision })
		}},
		{"gap answer", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "this answer",
				func() (data.Answer, error) {
					all, err := w.Answers(ctx, r.assessment.ID)
					return all["q-4.1-1"], err
				},
				func(a data.Answer, s string) data.Answer { a.Notes = s; return a },
				w.SaveAnswer, func(a data.Answer) data.Revision { return a.Revision })
		}},
		{"task", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "this task",
				func() (data.Task, error) {
					all, err := w.Tasks(ctx)
					return all[0], err
				},
				func(x data.Task, s string) data.Task { x.Description = s; return x },
				w.SaveTask, func(x data.Task) data.Revision { return x.Revision })
		}},
		{"document", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "this document",
				func() (data.Document, error) { return w.Document(ctx, doc.ID) },
				func(d data.Document, s string) data.Document { d.Title = s; return d },
				w.SaveDocument, func(d data.Document) data.Revision { return d.Revision })
		}},
		{"draft text", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			return staleSaves(w, doc.ID, "version 1.0 of SMS-DOC-02",
				func() (data.Version, error) {
					all, err := w.Versions(ctx, doc.ID)
					return all[0], err
				},
				func(v data.Version, s string) data.Version { v.Body = s; return v },
				func(ctx context.Context, v data.Version) (data.Version, error) { return w.SaveDraft(ctx, v, v.Body) },
				func(v data.Version) data.Revision { return v.Revision })
		}},
		{"workflow move", func(w *Workspace, r records, doc data.Document) func(*testing.T) {
			// Bob sends the draft for review and Alice's stale copy is
			// refused rather than moved on text she has not seen; from the
			// reloaded copy she sends it back to draft.
			return staleSaves(w, doc.ID, "version 1.0 of SMS-DOC-02",
				func() (data.Version, error) {
					all, err := w.Versions(ctx, doc.ID)
					return all[0], err
				},
				func(v data.Version, s string) data.Version { return v },
				func(ctx context.Context, v data.Version) (data.Version, error) {
					move := data.SendForReview
					if v.Status == data.DocInReview {
						move = data.BackToDraft
					}
					return w.Move(ctx, v, move, data.Approval{})
				},
				func(v data.Version) data.Revision { return v.Revision })
		}},
	}
	for _, tt := range cases {
		w, r, doc := revisionWorkspace(t)
		t.Run(tt.name, tt.test(w, r, doc))
	}
}

// A delete from a stale copy is refused with data.EConflict and deletes
// nothing; from the copy as stored now it deletes.
func TestStaleDeleteRefused(t *testing.T) {
	bob, alice := actorCtx("Bob Lee"), actorCtx("Alice Smith")
	cases := []struct {
		name, what string
		// change saves a change as Bob and returns the stale and the fresh
		// copy's deletes.
		change func(w *Workspace, r records) (stale, fresh func() error)
	}{
		{"person", "this person's details", func(w *Workspace, r records) (func() error, func() error) {
			p := r.people["Oliver Grant"]
			changed := p
			changed.JobTitle = "Auditor"
			changed, err := w.SavePerson(bob, changed)
			if err != nil {
				t.Fatal(err)
			}
			return func() error { _, err := w.DeletePerson(alice, p); return err }, func() error { _, err := w.DeletePerson(alice, changed); return err }
		}},
		{"assessment", "this assessment", func(w *Workspace, r records) (func() error, func() error) {
			changed := r.assessment
			changed.Title = "Baseline, checked"
			changed, err := w.SaveAssessment(bob, changed)
			if err != nil {
				t.Fatal(err)
			}
			return func() error { return w.DeleteAssessment(alice, r.assessment) }, func() error { return w.DeleteAssessment(alice, changed) }
		}},
		{"task", "this task", func(w *Workspace, r records) (func() error, func() error) {
			changed := r.task
			changed.Status = data.TaskDone
			changed, err := w.SaveTask(bob, changed)
			if err != nil {
				t.Fatal(err)
			}
			return func() error { return w.DeleteTask(alice, r.task) }, func() error { return w.DeleteTask(alice, changed) }
		}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			w, r, doc := revisionWorkspace(t)
			stale, fresh := tt.change(w, r)
			before := everythingIn(t, w, doc.ID)
			e := wantCode(t, stale(), data.EConflict)
			if want := "Bob Lee changed " + tt.what + " at " + before.Trail[0].At.Format("15:04") + ", after you opened it: reload to see the change."; e.Message != want {
				t.Errorf("refusal = %q\nwant %q", e.Message, want)
			}
			if after := everythingIn(t, w, doc.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("the refused delete changed the workspace")
			}
			if err := fresh(); err != nil {
				t.Fatalf("delete from the reloaded copy: %v", err)
			}
			if after := everythingIn(t, w, doc.ID); len(after.Trail) <= len(before.Trail) || after.Trail[0].Action != data.ActionDelete {
				t.Errorf("the delete from the reloaded copy was not recorded")
			}
		})
	}
}

// Deleting a person moves every record that named them to a new revision,
// since the reference went: a form opened before on such a task is stale.
func TestOwnerGoneMakesCopiesStale(t *testing.T) {
	w, r, _ := revisionWorkspace(t)
	opened := r.task // owned by Daniel Okafor
	daniel, err := w.Person(context.Background(), opened.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.DeletePerson(actorCtx("Bob Lee"), daniel); err != nil {
		t.Fatal(err)
	}
	opened.OwnerID = r.people["Priya Raman"].ID
	_, err = w.SaveTask(actorCtx("Alice Smith"), opened)
	if e := wantCode(t, err, data.EConflict); !contains(e.Message, "Bob Lee changed this task") {
		t.Errorf("refusal = %q, want it to name Bob Lee", e.Message)
	}
}

// A save or delete of a record someone deleted after it was read names who
// deleted it and when.
func TestSaveOfADeletedRecordNamesWhoDeletedIt(t *testing.T) {
	bob, alice := actorCtx("Bob Lee"), actorCtx("Alice Smith")
	cases := []struct {
		name, what string
		// act deletes as Bob, then saves or deletes Alice's copy.
		act func(w *Workspace, r records) error
	}{
		{"task saved", "this task", func(w *Workspace, r records) error {
			if err := w.DeleteTask(bob, r.task); err != nil {
				t.Fatal(err)
			}
			r.task.Title = "Alice's title"
			_, err := w.SaveTask(alice, r.task)
			return err
		}},
		{"task deleted twice", "this task", func(w *Workspace, r records) error {
			if err := w.DeleteTask(bob, r.task); err != nil {
				t.Fatal(err)
			}
			return w.DeleteTask(alice, r.task)
		}},
		{"person saved", "this person's details", func(w *Workspace, r records) error {
			p := r.people["Oliver Grant"]
			if _, err := w.DeletePerson(bob, p); err != nil {
				t.Fatal(err)
			}
			p.Email = "oliver@example.com"
			_, err := w.SavePerson(alice, p)
			return err
		}},
		{"answer of a deleted assessment", "this assessment", func(w *Workspace, r records) error {
			answers, err := w.Answers(alice, r.assessment.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.DeleteAssessment(bob, r.assessment); err != nil {
				t.Fatal(err)
			}
			a := answers["q-4.1-1"]
			a.Notes = "Alice's note"
			_, err = w.SaveAnswer(alice, a)
			return err
		}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			w, r, doc := revisionWorkspace(t)
			err := tt.act(w, r)
			latest := everythingIn(t, w, doc.ID).Trail[0] // Bob's delete
			e := wantCode(t, err, data.EConflict)
			if want := "Bob Lee deleted " + tt.what + " at " + latest.At.Format("15:04") + ", after you opened it: your change was not saved."; e.Message != want {
				t.Errorf("refusal = %q\nwant %q", e.Message, want)
			}
		})
	}
}
