package data

import (
	"testing"
	"time"
)

func riskRecord(id int64, number int, kv ...string) Record {
	reg, _ := FindRegister("risks")
	r := NewRecord(reg)
	r.ID, r.Number = id, number
	r.Set("title", "Backup fails")
	r.Set("kind", "risk")
	for i := 0; i+1 < len(kv); i += 2 {
		r.Set(kv[i], kv[i+1])
	}
	return r
}

func TestRecordTasks(t *testing.T) {
	risks, _ := FindRegister("risks")
	suppliers, _ := FindRegister("suppliers")
	supplier := NewRecord(suppliers)
	supplier.ID, supplier.Number = 9, 2
	supplier.Set("title", "Pennine Telecom")
	supplier.Set("renewal", "2027-01-31")
	supplier.Set("review_date", "2026-06-30")
	supplier.Set("owner", "4")
	audits, _ := FindRegister(AuditsRegister)
	audit := func(held string) Record {
		r := NewRecord(audits)
		r.ID, r.Number = 12, 1
		r.Set("title", "Change management")
		r.Set("planned", "2026-05-12")
		r.Set("lead", "3")
		r.Set("held_on", held)
		return r
	}
	type want struct {
		title, ref, due string
		owner           int64
		status          TaskStatus
	}
	tests := []struct {
		name string
		reg  Register
		r    Record
		want []want
	}{
		{"nothing dated", risks, riskRecord(3, 3), nil},
		{"review date", risks, riskRecord(3, 3, "review_date", "2026-05-01", "owner", "2"),
			[]want{{"Review RSK-3 Backup fails", "3#review_date", "2026-05-01", 2, TaskOpen}}},
		{"treatment with actions", risks, riskRecord(3, 3, "treatment", "reduce", "actions", "Test restores monthly", "treatment_due", "2026-04-15"),
			[]want{{"Treat RSK-3 Backup fails", "3#actions", "2026-04-15", 0, TaskOpen}}},
		{"treatment done", risks, riskRecord(3, 3, "treatment", "share", "actions", "Insure", "treatment_status", "done"),
			[]want{{"Treat RSK-3 Backup fails", "3#actions", "", 0, TaskDone}}},
		{"accepted asks for no action", risks, riskRecord(3, 3, "treatment", "accept", "actions", "Watch it"), nil},
		{"reduce without actions", risks, riskRecord(3, 3, "treatment", "reduce"), nil},
		{"supplier renewal and review", suppliers, supplier, []want{
			{"Decide renewal of SUP-2 Pennine Telecom", "9#renewal", "2027-01-31", 4, TaskOpen},
			{"Review SUP-2 Pennine Telecom", "9#review_date", "2026-06-30", 4, TaskOpen},
		}},
		{"audit planned", audits, audit(""), []want{{"Conduct AUD-1 Change management", "12#planned", "2026-05-12", 3, TaskOpen}}},
		{"audit held closes its task", audits, audit("2026-05-14"), []want{{"Conduct AUD-1 Change management", "12#planned", "2026-05-12", 3, TaskDone}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RecordTasks(tt.reg, tt.r)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d tasks %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				due := ""
				if !g.Due.IsZero() {
					due = g.Due.Format(DateLayout)
				}
				if g.Title != w.title || g.SourceRef != w.ref || due != w.due || g.OwnerID != w.owner || g.Status != w.status || g.SourceKind != SourceRecord {
					t.Errorf("got %q %s due %q owner %d %s, want %q %s due %q owner %d %s", g.Title, g.SourceRef, due, g.OwnerID, g.Status, w.title, w.ref, w.due, w.owner, w.status)
				}
				if err := g.Validate(); err != nil {
					t.Errorf("task %q is not valid: %v", g.Title, err)
				}
			}
		})
	}
}

func TestPlanRecordTasks(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	task := func(id int64, ref string, due int, status TaskStatus) Task {
		return Task{ID: id, Title: "Review RSK-3 Backup fails", Due: day(due), Status: status, SourceKind: SourceRecord, SourceRef: ref}
	}
	all := func(int64) bool { return true }
	tests := []struct {
		name                    string
		wanted, stored          []Task
		inScope                 func(int64) bool
		create, update, deletes int
		updatedStatus           TaskStatus
	}{
		{"new", []Task{task(0, "3#review_date", 1, TaskOpen)}, nil, all, 1, 0, 0, ""},
		{"already there", []Task{task(0, "3#review_date", 1, TaskOpen)}, []Task{task(7, "3#review_date", 1, TaskOpen)}, all, 0, 0, 0, ""},
		{"date moved", []Task{task(0, "3#review_date", 9, TaskOpen)}, []Task{task(7, "3#review_date", 1, TaskOpen)}, all, 0, 1, 0, TaskOpen},
		{"done, same date, stays done", []Task{task(0, "3#review_date", 1, TaskOpen)}, []Task{task(7, "3#review_date", 1, TaskDone)}, all, 0, 0, 0, ""},
		{"done, next review set, reopens", []Task{task(0, "3#review_date", 9, TaskOpen)}, []Task{task(7, "3#review_date", 1, TaskDone)}, all, 0, 1, 0, TaskOpen},
		{"work done closes the task", []Task{task(0, "3#actions", 1, TaskDone)}, []Task{task(7, "3#actions", 1, TaskOpen)}, all, 0, 1, 0, TaskDone},
		{"work done, no task made", []Task{task(0, "3#actions", 1, TaskDone)}, nil, all, 0, 0, 0, ""},
		{"date removed: open task goes", nil, []Task{task(7, "3#review_date", 1, TaskOpen)}, all, 0, 0, 1, ""},
		{"date removed: done task kept", nil, []Task{task(7, "3#review_date", 1, TaskDone)}, all, 0, 0, 0, ""},
		{"other records left alone", nil, []Task{task(7, "4#review_date", 1, TaskOpen)}, func(id int64) bool { return id == 3 }, 0, 0, 0, ""},
		{"duplicate removed", []Task{task(0, "3#review_date", 1, TaskOpen)}, []Task{task(7, "3#review_date", 1, TaskOpen), task(8, "3#review_date", 1, TaskOpen)}, all, 0, 0, 1, ""},
		{"hand-made tasks untouched", nil, []Task{{ID: 5, Title: "Call the auditor", Status: TaskOpen, SourceKind: SourceManual, SourceRef: "3#review_date"}}, all, 0, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlanRecordTasks(tt.wanted, tt.stored, tt.inScope)
			if len(got.Create) != tt.create || len(got.Update) != tt.update || len(got.Delete) != tt.deletes {
				t.Fatalf("got %d created, %d updated, %d deleted; want %d, %d, %d", len(got.Create), len(got.Update), len(got.Delete), tt.create, tt.update, tt.deletes)
			}
			if tt.update == 1 {
				if u := got.Update[0]; u.ID != 7 || u.Status != tt.updatedStatus || !u.Due.Equal(tt.wanted[0].Due) {
					t.Errorf("got update %+v, want task 7 %s due %s", u, tt.updatedStatus, tt.wanted[0].Due)
				}
			}
			if tt.deletes == 1 && got.Delete[0].ID == 7 && tt.name == "duplicate removed" {
				t.Errorf("deleted the first task rather than its duplicate")
			}
		})
	}
}
