package sqlite

import (
	"context"
	"reflect"
	"strconv"
	"testing"

	"smsbuilder/data"
)

func names(people []data.Person) []string {
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	return out
}

func TestPeopleSortedByName(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	for _, n := range []string{"carol", "Bob", "alice", "Dave", "bob"} {
		if _, err := ws.SavePerson(ctx, data.Person{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(people), []string{"alice", "Bob", "bob", "carol", "Dave"}; !reflect.DeepEqual(got, want) {
		t.Errorf("People() names = %q, want %q", got, want)
	}
}

func TestPersonLifecycle(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)

	// Create.
	in := data.Person{
		Name: "Priya Raman", JobTitle: "Service Desk Lead", Email: "priya.raman@northwind-it.example",
		Roles: []data.Role{
			{Kind: data.RoleProcessOwner, Process: "Incident management"},
			{Kind: data.RoleInternalAuditor},
			{Kind: data.RoleProcessOwner, Process: "Change management"},
		},
	}
	p, err := ws.SavePerson(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.CreatedAt.IsZero() || !p.UpdatedAt.Equal(p.CreatedAt) {
		t.Errorf("SavePerson() = %+v, want an ID and equal created and updated times", p)
	}
	want := in
	want.ID, want.CreatedAt, want.UpdatedAt, want.Revision = p.ID, p.CreatedAt, p.UpdatedAt, 1
	if !reflect.DeepEqual(p, want) {
		t.Errorf("SavePerson() = %+v\nwant %+v", p, want)
	}
	if got, err := ws.Person(ctx, p.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Person(%d) = %+v, %v\nwant %+v", p.ID, got, err, want)
	}
	id := strconv.FormatInt(p.ID, 10)
	wantTrail := []data.AuditEntry{{Actor: "Daniel Okafor", Entity: "person", EntityID: id, Action: data.ActionCreate, At: p.CreatedAt,
		Changes: []data.FieldChange{
			{Field: "name", To: "Priya Raman"},
			{Field: "job_title", To: "Service Desk Lead"},
			{Field: "email", To: "priya.raman@northwind-it.example"},
			{Field: "roles", To: "Process owner: Incident management; Internal auditor; Process owner: Change management"},
		}}}
	checkTrail(t, ws, "person", id, wantTrail)

	// Update: the roles are replaced, not added to.
	edit := p
	edit.JobTitle = "Head of Service Desk"
	edit.Roles = []data.Role{{Kind: data.RoleSMSOwner}}
	updated, err := ws.SavePerson(actorCtx("Margaret Holloway"), edit)
	if err != nil {
		t.Fatal(err)
	}
	want = edit
	want.UpdatedAt, want.Revision = updated.UpdatedAt, 2
	if !reflect.DeepEqual(updated, want) || updated.UpdatedAt.Before(p.UpdatedAt) {
		t.Errorf("SavePerson(update) = %+v\nwant %+v", updated, want)
	}
	wantTrail = append([]data.AuditEntry{{Actor: "Margaret Holloway", Entity: "person", EntityID: id, Action: data.ActionUpdate, At: updated.UpdatedAt,
		Changes: []data.FieldChange{
			{Field: "job_title", From: "Service Desk Lead", To: "Head of Service Desk"},
			{Field: "roles", From: "Process owner: Incident management; Internal auditor; Process owner: Change management", To: "SMS owner"},
		}}}, wantTrail...)
	checkTrail(t, ws, "person", id, wantTrail)
	if got := countRows(t, ws, "SELECT count(*) FROM person_roles WHERE person_id = ?", p.ID); got != 1 {
		t.Errorf("%d role rows after replacing the roles, want 1", got)
	}

	// An unchanged save records nothing and returns the stored record.
	same, err := ws.SavePerson(ctx, updated)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(same, updated) {
		t.Errorf("unchanged SavePerson() = %+v, want %+v", same, updated)
	}
	checkTrail(t, ws, "person", id, wantTrail)

	// Delete: the last values are kept in the trail; the roles go too.
	if _, err := ws.DeletePerson(actorCtx("Oliver Grant"), updated); err != nil {
		t.Fatal(err)
	}
	_, err = ws.Person(ctx, p.ID)
	wantCode(t, err, data.ENotFound)
	if got := countRows(t, ws, "SELECT count(*) FROM person_roles WHERE person_id = ?", p.ID); got != 0 {
		t.Errorf("%d role rows left after deleting the person", got)
	}
	trail, err := ws.AuditTrail(ctx, "person", id, 1)
	if err != nil || len(trail) != 1 {
		t.Fatalf("AuditTrail() = %+v, %v", trail, err)
	}
	wantDelete := data.AuditEntry{ID: trail[0].ID, At: trail[0].At, Actor: "Oliver Grant", Entity: "person", EntityID: id, Action: data.ActionDelete,
		Changes: []data.FieldChange{
			{Field: "name", From: "Priya Raman"},
			{Field: "job_title", From: "Head of Service Desk"},
			{Field: "email", From: "priya.raman@northwind-it.example"},
			{Field: "roles", From: "SMS owner"},
		}}
	if !reflect.DeepEqual(trail[0], wantDelete) {
		t.Errorf("delete entry = %+v\nwant %+v", trail[0], wantDelete)
	}

	// A new person never takes a deleted one's ID, so trails never mix.
	next, err := ws.SavePerson(ctx, data.Person{Name: "New Starter"})
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= p.ID {
		t.Errorf("new person got ID %d, want more than the deleted %d", next.ID, p.ID)
	}
}

func checkTrail(t *testing.T, ws *Workspace, entity, id string, want []data.AuditEntry) {
	t.Helper()
	got, err := ws.AuditTrail(context.Background(), entity, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == len(want) {
		want = append([]data.AuditEntry(nil), want...)
		for i := range want {
			want[i].ID = got[i].ID
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AuditTrail(%q, %q) =\n%+v\nwant\n%+v", entity, id, got, want)
	}
}

func countRows(t *testing.T, ws *Workspace, query string, args ...any) int {
	t.Helper()
	var n int
	if err := ws.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPersonNotFound(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	calls := []struct {
		name string
		do   func() error
	}{
		{"Person", func() error { _, err := ws.Person(ctx, 42); return err }},
		{"SavePerson", func() error { _, err := ws.SavePerson(ctx, data.Person{ID: 42, Name: "Ghost"}); return err }},
		{"DeletePerson", func() error { _, err := ws.DeletePerson(ctx, data.Person{ID: 42}); return err }},
	}
	for _, c := range calls {
		e := wantCode(t, c.do(), data.ENotFound)
		if !contains(e.Message, "42") {
			t.Errorf("%s: message %q does not name the ID", c.name, e.Message)
		}
	}
	if got := countRows(t, ws, "SELECT count(*) FROM people"); got != 0 {
		t.Errorf("%d people written", got)
	}
	if got := countRows(t, ws, "SELECT count(*) FROM audit_trail"); got != 0 {
		t.Errorf("%d audit entries written", got)
	}
}

func TestSavePersonInvalid(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	existing, err := ws.SavePerson(ctx, data.Person{Name: "Aisha Bello", Roles: []data.Role{{Kind: data.RoleInternalAuditor}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		p    data.Person
	}{
		{"new without a name", data.Person{Name: "  "}},
		{"new with a bad e-mail", data.Person{Name: "X", Email: "x@"}},
		{"process owner without a process", data.Person{Name: "X", Roles: []data.Role{{Kind: data.RoleProcessOwner}}}},
		{"unknown role", data.Person{Name: "X", Roles: []data.Role{{Kind: "chief"}}}},
		{"update without a name", func() data.Person { p := existing; p.Name = ""; return p }()},
	}
	wantPeople, _ := ws.People(ctx)
	wantTrail, _ := ws.AuditTrail(ctx, "", "", 0)
	for _, tt := range tests {
		got, err := ws.SavePerson(ctx, tt.p)
		if want := tt.p.Validate(); !reflect.DeepEqual(err, want) || want == nil {
			t.Errorf("%s: SavePerson() error = %v, want the validation error %v as it is", tt.name, err, want)
		}
		wantCode(t, err, data.EInvalid)
		if !reflect.DeepEqual(got, data.Person{}) {
			t.Errorf("%s: SavePerson() returned %+v with an error", tt.name, got)
		}
		gotPeople, _ := ws.People(ctx)
		gotTrail, _ := ws.AuditTrail(ctx, "", "", 0)
		if !reflect.DeepEqual(gotPeople, wantPeople) || !reflect.DeepEqual(gotTrail, wantTrail) {
			t.Errorf("%s: a refused person was written", tt.name)
		}
	}
}

func TestAuditTrailFilters(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		t.Fatal(err)
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		entity   string
		entityID string
		limit    int
		want     int
	}{
		{"everything", "", "", 0, 1 + len(people)},
		{"limited", "", "", 3, 3},
		{"organisation", "organisation", "1", 0, 1},
		{"all people", "person", "", 0, len(people)},
		{"one person", "person", strconv.FormatInt(people[0].ID, 10), 0, 1},
		{"nobody", "person", "999", 0, 0},
	}
	for _, tt := range tests {
		got, err := ws.AuditTrail(ctx, tt.entity, tt.entityID, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.want {
			t.Errorf("%s: %d entries, want %d", tt.name, len(got), tt.want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].ID >= got[i-1].ID || got[i].At.After(got[i-1].At) {
				t.Errorf("%s: entries not newest first: %d before %d", tt.name, got[i-1].ID, got[i].ID)
			}
		}
	}
	all, _ := ws.AuditTrail(ctx, "", "", 0)
	if last := all[len(all)-1]; last.Entity != "organisation" || last.Action != data.ActionCreate {
		t.Errorf("oldest entry = %+v, want the organisation's creation", last)
	}
}

func TestSeedDemo(t *testing.T) {
	ctx := actorCtx("Demo")
	ws := newWorkspace(t)
	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		t.Fatal(err)
	}
	o, err := ws.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := data.DemoOrganisation()
	want.UpdatedAt, want.Revision = o.UpdatedAt, 1
	if !reflect.DeepEqual(o, want) {
		t.Errorf("Organisation() = %+v\nwant %+v", o, want)
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantPeople := data.DemoPeople()
	data.SortPeople(wantPeople)
	if len(people) != len(wantPeople) {
		t.Fatalf("%d people, want %d", len(people), len(wantPeople))
	}
	for i, p := range people {
		w := wantPeople[i]
		w.ID, w.CreatedAt, w.UpdatedAt, w.Revision = p.ID, p.CreatedAt, p.UpdatedAt, 1
		if !reflect.DeepEqual(p, w) {
			t.Errorf("person %d = %+v\nwant %+v", i, p, w)
		}
	}
	c := data.ProfileCompleteness(o, people)
	for _, m := range c.Missing {
		if m != "logo" {
			t.Errorf("demo profile misses %q", m)
		}
	}
}
