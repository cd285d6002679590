package sqlite

import (
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"smsbuilder/data"
)

// A restored person comes back under their own ID with their roles, every
// record their delete left pointing at nobody points at them again, a record
// someone linked to another person meanwhile keeps that person, and each
// record's trail shows the delete and the restore.
func TestRestorePerson(t *testing.T) {
	tests := []struct {
		name      string
		meanwhile func(t *testing.T, ws *Workspace, task data.Task, other data.Person) // between delete and restore
		wantTask  func(margaret, other data.Person) int64                              // owner of the second task after the restore
		wantDone  data.Restored
	}{
		{"nothing touched", func(*testing.T, *Workspace, data.Task, data.Person) {},
			func(margaret, _ data.Person) int64 { return margaret.ID }, data.Restored{Relinked: 6}},
		{"a task given to someone else", func(t *testing.T, ws *Workspace, task data.Task, other data.Person) {
			task.OwnerID = other.ID
			if err := errOf(ws.SaveTask(actorCtx("Daniel Okafor"), task)); err != nil {
				t.Fatal(err)
			}
		}, func(_, other data.Person) int64 { return other.ID }, data.Restored{Relinked: 5, LeftAlone: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := actorCtx("Daniel Okafor")
			s, _ := clockStore()
			path := filepath.Join(t.TempDir(), "w"+data.WorkspaceExt)
			ws := createAt(t, s, path)
			people := demoPeopleIn(t, ws)
			margaret, daniel := people["Margaret Holloway"], people["Daniel Okafor"]
			v10 := versionIn(t, ws, people, "SMS-DOC-02", data.DocSuperseded) // 1.0 and 1.1, approved by Margaret
			doc, err := ws.Document(ctx, v10.DocumentID)
			if err != nil {
				t.Fatal(err)
			}
			doc.OwnerID = margaret.ID
			if err := errOf(ws.SaveDocument(ctx, doc)); err != nil {
				t.Fatal(err)
			}
			if err := errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-02", Status: data.StepInProgress, OwnerID: margaret.ID})); err != nil {
				t.Fatal(err)
			}
			var tasks []data.Task
			for _, title := range []string{"Sign the policy", "Review the scope"} {
				task, err := ws.SaveTask(ctx, data.Task{Title: title, OwnerID: margaret.ID, Status: data.TaskOpen, SourceKind: data.SourceManual})
				if err != nil {
					t.Fatal(err)
				}
				tasks = append(tasks, task)
			}
			margaret, err = ws.Person(ctx, margaret.ID)
			if err != nil {
				t.Fatal(err)
			}
			versions, err := ws.Versions(ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}

			links, err := ws.DeletePerson(ctx, margaret)
			if err != nil {
				t.Fatal(err)
			}
			var versionIDs []int64
			for _, v := range versions {
				if v.ApprovedBy == margaret.ID {
					versionIDs = append(versionIDs, v.ID)
				}
			}
			slices.Sort(versionIDs) // Versions lists the newest first
			wantLinks := data.Unlinked{Steps: []string{"step-02"}, Documents: []int64{doc.ID}, Versions: versionIDs,
				Records: []data.RecordPerson{{RecordID: tasks[0].ID, Field: "owner"}, {RecordID: tasks[1].ID, Field: "owner"}}}
			if !reflect.DeepEqual(links, wantLinks) {
				t.Fatalf("DeletePerson unlinked %+v, want %+v", links, wantLinks)
			}
			afterDelete, err := ws.Tasks(ctx)
			if err != nil {
				t.Fatal(err)
			}
			tt.meanwhile(t, ws, afterDelete[1], daniel)

			done, err := ws.RestorePerson(ctx, margaret, links)
			if err != nil {
				t.Fatal(err)
			}
			if done != tt.wantDone {
				t.Errorf("RestorePerson() = %+v, want %+v", done, tt.wantDone)
			}
			got, err := ws.Person(ctx, margaret.ID)
			if err != nil {
				t.Fatalf("the restored person is not under their own ID %d: %v", margaret.ID, err)
			}
			if got.Name != margaret.Name || got.Email != margaret.Email || !reflect.DeepEqual(got.Roles, margaret.Roles) || !got.CreatedAt.Equal(margaret.CreatedAt) {
				t.Errorf("restored person = %+v\nwant %+v", got, margaret)
			}
			if got.Revision <= margaret.Revision {
				t.Errorf("restored revision %d, want past the deleted %d", got.Revision, margaret.Revision)
			}

			owners := map[string]int64{}
			steps, err := ws.StepProgress(ctx)
			if err != nil {
				t.Fatal(err)
			}
			owners["step step-02"] = steps["step-02"].OwnerID
			gotTasks, err := ws.Tasks(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, task := range gotTasks {
				owners["task "+idText(task.ID)] = task.OwnerID
			}
			gotDoc, err := ws.Document(ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			owners["document "+idText(doc.ID)] = gotDoc.OwnerID
			gotVersions, err := ws.Versions(ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range gotVersions {
				owners["version "+idText(v.ID)] = v.ApprovedBy
				if v.Revision != versions[i].Revision+2 {
					t.Errorf("version %s at revision %d, want %d: the delete and the restore each move it on", v.Number(), v.Revision, versions[i].Revision+2)
				}
			}
			wantOwners := map[string]int64{
				"step step-02":                margaret.ID,
				"task " + idText(tasks[0].ID): margaret.ID,
				"task " + idText(tasks[1].ID): tt.wantTask(margaret, daniel),
				"document " + idText(doc.ID):  margaret.ID,
			}
			for _, id := range versionIDs {
				wantOwners["version "+idText(id)] = margaret.ID
			}
			if !reflect.DeepEqual(owners, wantOwners) {
				t.Errorf("owners after the restore = %v\nwant %v", owners, wantOwners)
			}

			trail, err := ws.AuditTrail(ctx, "person", idText(margaret.ID), 0)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range trail {
				actions = append(actions, e.Action)
			}
			if want := []string{data.ActionRestore, data.ActionDelete, data.ActionCreate}; !reflect.DeepEqual(actions, want) {
				t.Errorf("person's trail, newest first = %v, want %v", actions, want)
			}
			last, err := ws.AuditTrail(ctx, "task", idText(tasks[0].ID), 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(last) != 2 || last[0].Action != data.ActionRestore || last[1].Action != data.ActionUpdate ||
				!reflect.DeepEqual(last[0].Changes, []data.FieldChange{{Field: "owner", To: margaret.Name}}) {
				t.Errorf("task's newest entries = %+v, want the restore of its owner after the delete's update", last)
			}

			if _, err := ws.RestorePerson(ctx, margaret, links); data.ErrorCode(err) != data.EConflict {
				t.Errorf("a second restore: %v, want a conflict", err)
			}
			ws.Close()
			report, err := New().Check(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if len(report.Problems) != 0 {
				t.Errorf("check after delete and restore found %+v", report.Problems)
			}
			// The archive carries the restored IDs and trail, and its restore
			// checks sound too.
			arch := writeTemp(t, "a"+data.ArchiveExt, archiveBytes(t, New(), path))
			out := filepath.Join(t.TempDir(), "r"+data.WorkspaceExt)
			if _, err := New().Restore(ctx, arch, out); err != nil {
				t.Fatal(err)
			}
			if report, err = New().Check(ctx, out); err != nil {
				t.Fatal(err)
			}
			if len(report.Problems) != 0 || report.People != len(people) {
				t.Errorf("check of the archive's restore: %d people, problems %+v; want %d, none", report.People, report.Problems, len(people))
			}
		})
	}
}

// A restored task comes back under its own ID with its values, and its trail
// shows its whole life.
func TestRestoreTask(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	people := demoPeopleIn(t, ws)
	task, err := ws.SaveTask(ctx, data.Task{Title: "Sign the policy", Description: "Before the audit", OwnerID: people["Priya Raman"].ID,
		Due: day(2027, 3, 1), Status: data.TaskOpen, SourceKind: data.SourceStep, SourceRef: "step-04"})
	if err != nil {
		t.Fatal(err)
	}
	task.Title = "Sign the SMS policy"
	if task, err = ws.SaveTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	got, err := ws.RestoreTask(ctx, task)
	if err != nil {
		t.Fatal(err)
	}
	want := task
	want.Revision++
	want.UpdatedAt = got.UpdatedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RestoreTask() = %+v\nwant %+v", got, want)
	}
	trail, err := ws.AuditTrail(ctx, "task", strconv.FormatInt(task.ID, 10), 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail {
		actions = append(actions, e.Action)
	}
	if want := []string{data.ActionRestore, data.ActionDelete, data.ActionUpdate, data.ActionCreate}; !reflect.DeepEqual(actions, want) {
		t.Errorf("task's trail, newest first = %v, want %v", actions, want)
	}
}
