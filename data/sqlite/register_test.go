package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"smsbuilder/data"
)

// saveNew stores a new record of register with the values given as
// key, value pairs.
func saveNew(t testing.TB, ws *Workspace, register string, kv ...string) data.Record {
	t.Helper()
	r := data.Record{Register: register, Values: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Set(kv[i], kv[i+1])
	}
	saved, err := ws.SaveRecord(actorCtx("Alex"), r)
	if err != nil {
		t.Fatalf("save %s %v: %v", register, kv, err)
	}
	return saved
}

func TestRecordsLinkAndRefuseDelete(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	cus := saveNew(t, ws, "customers", "title", "Harbour Dental", "kind", "external")
	svc := saveNew(t, ws, "services", "title", "Managed desktop", "status", "live", "customers", idText(cus.ID))
	if got, want := svc.Number, 1; got != want {
		t.Errorf("got number %d, want %d", got, want)
	}
	back, err := ws.LinksTo(ctx, cus.ID)
	if err != nil || len(back) != 1 || back[0].Reference != "SVC-1" || back[0].Title != "Managed desktop" || back[0].Field != "customers" {
		t.Fatalf("links to the customer: got %+v, %v", back, err)
	}
	// a search finds a record by the titles of the records it links to
	page, err := ws.Records(ctx, data.RecordQuery{Register: "services", Search: "harbour"})
	if err != nil || page.Total != 1 {
		t.Errorf("search by a linked customer's name: got %d, %v; want the service", page.Total, err)
	}
	err = ws.DeleteRecord(ctx, cus)
	e := wantCode(t, err, data.EInvalid)
	if want := "CUS-1 Harbour Dental cannot be deleted while other records link to it: SVC-1 Managed desktop. Remove those links first."; e.Message != want {
		t.Errorf("got %q, want %q", e.Message, want)
	}
	// unlink, then the delete goes through
	svc.Set("customers", "")
	if svc, err = ws.SaveRecord(ctx, svc); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteRecord(ctx, cus); err != nil {
		t.Fatalf("delete after unlinking: %v", err)
	}
	trail, err := ws.AuditTrail(ctx, "customer", idText(cus.ID), 0)
	if err != nil || len(trail) != 2 || trail[0].Action != data.ActionDelete || trail[0].Actor != "Alex" {
		t.Errorf("customer's trail: got %+v, %v", trail, err)
	}
}

func TestRecordRefusals(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	svc := saveNew(t, ws, "services", "title", "Backup", "status", "live")
	tests := []struct {
		name  string
		r     data.Record
		code  string
		field string
	}{
		{"required", data.Record{Register: "services", Values: map[string]string{"status": "live"}}, data.EInvalid, "title"},
		{"link to the wrong register", data.Record{Register: "risks", Values: map[string]string{"title": "x", "kind": "risk", "likelihood": "1", "impact": "1", "services": "999"}}, data.ENotFound, "services"},
		{"nobody", data.Record{Register: "services", Values: map[string]string{"title": "x", "status": "live", "owner": "42"}}, data.ENotFound, "owner"},
		{"no register", data.Record{Register: "dragons", Values: map[string]string{"title": "x"}}, data.ENotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ws.SaveRecord(ctx, tt.r)
			e := wantCode(t, err, tt.code)
			if tt.field != "" && (len(e.Fields) == 0 || e.Fields[0].Field != tt.field) {
				t.Errorf("got fields %+v, want %s marked", e.Fields, tt.field)
			}
		})
	}
	// a stale copy is refused, naming who changed it
	fresh := svc.Clone()
	fresh.Set("hours", "24/7")
	if _, err := ws.SaveRecord(actorCtx("Sam"), fresh); err != nil {
		t.Fatal(err)
	}
	svc.Set("hours", "office hours")
	e := wantCode(t, errOf(ws.SaveRecord(ctx, svc)), data.EConflict)
	if !strings.Contains(e.Message, "Sam changed this service at") {
		t.Errorf("got %q, want it to name Sam", e.Message)
	}
}

func TestRecordsQuery(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	p, err := ws.SavePerson(ctx, data.Person{Name: "Priya Shah"})
	if err != nil {
		t.Fatal(err)
	}
	saveNew(t, ws, "risks", "title", "Backup fails", "kind", "risk", "likelihood", "2", "impact", "5", "owner", idText(p.ID))
	saveNew(t, ws, "risks", "title", "Key engineer leaves", "kind", "risk", "likelihood", "3", "impact", "4")
	saveNew(t, ws, "risks", "title", "Automate patching", "kind", "opportunity", "likelihood", "4", "impact", "2")
	titles := func(q data.RecordQuery) string {
		t.Helper()
		q.Register = "risks"
		page, err := ws.Records(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range page.Records {
			out = append(out, r.Get("title")+"="+r.Get("score"))
		}
		return strings.Join(out, "; ") + " of " + idText(int64(page.Total))
	}
	tests := []struct {
		name string
		q    data.RecordQuery
		want string
	}{
		{"the register's order: score, highest first", data.RecordQuery{}, "Key engineer leaves=12; Backup fails=10; Automate patching=8 of 3"},
		{"by title", data.RecordQuery{Sort: []data.SortKey{{Field: "title"}}}, "Automate patching=8; Backup fails=10; Key engineer leaves=12 of 3"},
		{"by impact, a choice by its place on the scale", data.RecordQuery{Sort: []data.SortKey{{Field: "impact", Desc: true}}}, "Backup fails=10; Key engineer leaves=12; Automate patching=8 of 3"},
		{"by owner, none last", data.RecordQuery{Sort: []data.SortKey{{Field: "owner"}}}, "Backup fails=10; Key engineer leaves=12; Automate patching=8 of 3"},
		{"by reference, last first", data.RecordQuery{Sort: []data.SortKey{{Field: data.SortByReference, Desc: true}}}, "Automate patching=8; Key engineer leaves=12; Backup fails=10 of 3"},
		{"search a value", data.RecordQuery{Search: "ENGINEER"}, "Key engineer leaves=12 of 1"},
		{"search a person", data.RecordQuery{Search: "priya"}, "Backup fails=10 of 1"},
		{"search a choice label", data.RecordQuery{Search: "opportun"}, "Automate patching=8 of 1"},
		{"search a reference", data.RecordQuery{Search: "rsk-2"}, "Key engineer leaves=12 of 1"},
		{"search with a wildcard is literal", data.RecordQuery{Search: "%"}, " of 0"},
		{"filter a choice", data.RecordQuery{Filters: map[string][]string{"kind": {"risk"}}}, "Key engineer leaves=12; Backup fails=10 of 2"},
		{"filter a person or none", data.RecordQuery{Filters: map[string][]string{"owner": {""}}}, "Key engineer leaves=12; Automate patching=8 of 2"},
		{"page", data.RecordQuery{Offset: 1, Limit: 1}, "Backup fails=10 of 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(tt.q); got != tt.want {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestRegisterViews reads the file as another SQLite tool would.
func TestRegisterViews(t *testing.T) {
	path := filepath.Join(t.TempDir(), "views"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	ctx := actorCtx("Alex")
	p, err := ws.SavePerson(ctx, data.Person{Name: "Priya Shah"})
	if err != nil {
		t.Fatal(err)
	}
	a := saveNew(t, ws, "services", "title", "Managed desktop", "status", "live")
	b := saveNew(t, ws, "services", "title", "Backup", "status", "live")
	saveNew(t, ws, "risks", "title", "Backup fails", "kind", "risk", "likelihood", "2", "impact", "5",
		"owner", idText(p.ID), "services", idText(b.ID)+","+idText(a.ID))
	f, err := data.NewCustomField(data.Register{}, "Insurance claim", data.FieldText, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AddField(ctx, "risks", f); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ref, title, owner, services, score string
	var claim sql.NullString
	err = db.QueryRow(`SELECT reference, title, owner, services, score, x_insurance_claim FROM register_risks`).Scan(&ref, &title, &owner, &services, &score, &claim)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join([]string{ref, title, owner, services, score}, "|"), "RSK-1|Backup fails|Priya Shah|SVC-2; SVC-1|10"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	report, err := New().Check(context.Background(), path)
	if err != nil || len(report.Problems) > 0 {
		t.Errorf("check after adding a field: %+v, %v", report.Problems, err)
	}
}

func TestDeletePersonEmptiesRecordFieldsAndUndoRefills(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	p, err := ws.SavePerson(ctx, data.Person{Name: "Priya Shah"})
	if err != nil {
		t.Fatal(err)
	}
	r := saveNew(t, ws, "services", "title", "Backup", "status", "live", "owner", idText(p.ID))
	p, _ = ws.Person(ctx, p.ID)
	links, err := ws.DeletePerson(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ws.Record(ctx, r.ID); got.Get("owner") != "" {
		t.Errorf("owner after the delete: got %q, want none", got.Get("owner"))
	}
	done, err := ws.RestorePerson(ctx, p, links)
	if err != nil || done.Relinked != 1 {
		t.Fatalf("restore: got %+v, %v", done, err)
	}
	if got, _ := ws.Record(ctx, r.ID); got.Get("owner") != idText(p.ID) {
		t.Errorf("owner after undo: got %q, want %d", got.Get("owner"), p.ID)
	}
}

// TestRecordEditedByAnotherTool: a value another program stored that its
// field cannot hold is read as unreadable, and kept.
func TestRecordEditedByAnotherTool(t *testing.T) {
	ws := newWorkspace(t)
	r := saveNew(t, ws, "risks", "title", "Fire", "kind", "risk", "likelihood", "2", "impact", "3", "review_date", "2027-03-31")
	if _, err := ws.db.Exec("UPDATE record_values SET value = '31/02/2027' WHERE record_id = ? AND field = 'review_date'", r.ID); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Record(actorCtx("Alex"), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Unreadable.Has("review_date") || got.Get("review_date") != "31/02/2027" {
		t.Errorf("got unreadable %v, value %q; want the date marked unreadable and kept", got.Unreadable, got.Get("review_date"))
	}
	if got.Unreadable.Has("impact") {
		t.Error("a valid value is marked unreadable")
	}
}

// An import adds its new fields and its records together: a record
// refused leaves the register as it was, without the new field, and a
// good import has both.
func TestImportRecordsAddsFieldsOnlyWithTheRecords(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	f, err := data.NewCustomField(data.Register{}, "Insurance claim", data.FieldText, nil)
	if err != nil {
		t.Fatal(err)
	}
	risk := func(title string) data.Record {
		r := data.Record{Register: "risks", Values: map[string]string{}}
		r.Set("title", title)
		r.Set("kind", "risk")
		r.Set("likelihood", "2")
		r.Set("impact", "3")
		r.Set(f.Key, "CLM-7")
		return r
	}
	fieldsOf := func() int {
		regs, err := ws.Registers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, reg := range regs {
			if reg.Key == "risks" {
				if _, ok := reg.Field(f.Key); ok {
					return 1
				}
			}
		}
		return 0
	}

	sum, err := ws.ImportRecords(ctx, "risks", []data.Field{f}, []data.Record{risk("Backup fails"), risk("")})
	if err == nil || sum.Failed != 1 {
		t.Fatalf("a record without a title: failed %d, %v; want the second refused", sum.Failed, err)
	}
	if got := fieldsOf(); got != 0 {
		t.Errorf("after a refused import the register has the new field")
	}
	if page, _ := ws.Records(ctx, data.RecordQuery{Register: "risks"}); page.Total != 0 {
		t.Errorf("after a refused import %d risks are stored, want none", page.Total)
	}

	if _, err := ws.ImportRecords(ctx, "risks", []data.Field{f}, []data.Record{risk("Backup fails")}); err != nil {
		t.Fatal(err)
	}
	page, err := ws.Records(ctx, data.RecordQuery{Register: "risks"})
	if err != nil || page.Total != 1 || page.Records[0].Get(f.Key) != "CLM-7" || fieldsOf() != 1 {
		t.Errorf("a good import: %d risks, %v, field there %d; want the risk with its claim", page.Total, err, fieldsOf())
	}
}
