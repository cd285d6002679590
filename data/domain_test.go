package data_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
)

func TestOrganisationValidate(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\nrest")
	tests := []struct {
		name   string
		change func(*data.Organisation)
		field  string // "" when valid
		want   string
	}{
		{"demo is valid", func(*data.Organisation) {}, "", ""},
		{"legal name required", func(o *data.Organisation) { o.LegalName = "  " }, "LegalName", "Legal name is required."},
		{"legal name too long", func(o *data.Organisation) { o.LegalName = strings.Repeat("x", 201) }, "LegalName", "at most 200"},
		{"short name too long", func(o *data.Organisation) { o.ShortName = strings.Repeat("é", 41) }, "ShortName", "at most 40"},
		{"empty service", func(o *data.Organisation) { o.Services = []string{"A", " "} }, "Services", "Service 2 is empty."},
		{"duplicate location", func(o *data.Organisation) { o.Locations = []string{"Leeds", "leeds"} }, "Locations", "listed twice"},
		{"logo not an image", func(o *data.Organisation) { o.Logo = []byte("GIF89a") }, "Logo", "PNG or JPEG"},
		{"png logo ok", func(o *data.Organisation) { o.Logo = png }, "", ""},
		{"bad paper", func(o *data.Organisation) { o.PaperSize = "A5" }, "PaperSize", "A4 or Letter"},
		{"bad date format", func(o *data.Organisation) { o.DateFormat = "Jan 2" }, "DateFormat", "offered date formats"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := data.DemoOrganisation()
			tt.change(&o)
			err := o.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if got, want := data.ErrorCode(err), data.EInvalid; got != want {
				t.Fatalf("code = %q, want %q", got, want)
			}
			if got := data.FieldMessage(err, tt.field); !strings.Contains(got, tt.want) {
				t.Errorf("message for %s = %q, want it to contain %q", tt.field, got, tt.want)
			}
		})
	}
}

func TestPersonValidate(t *testing.T) {
	tests := []struct {
		name  string
		p     data.Person
		field string
		want  string
	}{
		{"minimal", data.Person{Name: "Ann"}, "", ""},
		{"name required", data.Person{Name: ""}, "Name", "Name is required."},
		{"email ok", data.Person{Name: "Ann", Email: "ann@example.co.uk"}, "", ""},
		{"email without domain dot", data.Person{Name: "Ann", Email: "ann@localhost"}, "Email", "name@example.com"},
		{"email with display name", data.Person{Name: "Ann", Email: "Ann <ann@example.com>"}, "Email", "name@example.com"},
		{"email garbage", data.Person{Name: "Ann", Email: "ann"}, "Email", "name@example.com"},
		{"process owner needs process", data.Person{Name: "Ann", Roles: []data.Role{{Kind: data.RoleProcessOwner}}}, "Roles", "name of the process"},
		{"duplicate role", data.Person{Name: "Ann", Roles: []data.Role{{Kind: data.RoleSMSOwner}, {Kind: data.RoleSMSOwner}}}, "Roles", "listed twice"},
		{"unknown role", data.Person{Name: "Ann", Roles: []data.Role{{Kind: "king"}}}, "Roles", "Unknown role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if got := data.FieldMessage(err, tt.field); !strings.Contains(got, tt.want) {
				t.Errorf("message for %s = %q, want it to contain %q", tt.field, got, tt.want)
			}
		})
	}
}

func TestDemoPeopleAreValidAndCoverTheKeyRoles(t *testing.T) {
	people := data.DemoPeople()
	for _, p := range people {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	c := data.ProfileCompleteness(data.DemoOrganisation(), people)
	if got, want := c.Missing, []string{"logo"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("demo missing = %v, want %v", got, want)
	}
}

func TestProfileCompleteness(t *testing.T) {
	empty := data.ProfileCompleteness(data.DefaultOrganisation(), nil)
	if got, want := empty.Done, 0; got != want {
		t.Errorf("empty done = %d, want %d", got, want)
	}
	if got, want := empty.Percent(), 0; got != want {
		t.Errorf("empty percent = %d, want %d", got, want)
	}
	o := data.DemoOrganisation()
	o.Logo = []byte("\x89PNG\r\n\x1a\n")
	full := data.ProfileCompleteness(o, data.DemoPeople())
	if got, want := full.Percent(), 100; got != want {
		t.Errorf("full percent = %d, want %d (missing %v)", got, want, full.Missing)
	}
}

func TestPlaceholdersFill(t *testing.T) {
	p := data.PlaceholderValues(data.DemoOrganisation(), data.DemoPeople(), time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		in, want string
		unknown  []string
	}{
		{"{{org.name}} runs an SMS", "Northwind runs an SMS", nil},
		{"{{ org.legal_name }}", "Northwind Managed IT Ltd", nil},
		{"Owner: {{people.sms_owner}}", "Owner: Daniel Okafor", nil},
		{"Dated {{today}}", "Dated 31 March 2026", nil},
		{"{{org.nme}} and {{x.y}} and {{org.nme}}", "{{org.nme}} and {{x.y}} and {{org.nme}}", []string{"org.nme", "x.y"}},
		{"{{not closed", "{{not closed", nil},
	}
	for _, tt := range tests {
		got, unknown := p.Fill(tt.in)
		if got != tt.want || strings.Join(unknown, ",") != strings.Join(tt.unknown, ",") {
			t.Errorf("Fill(%q) = %q, %v; want %q, %v", tt.in, got, unknown, tt.want, tt.unknown)
		}
	}
	if _, err := p.FillStrict("{{org.nme}}"); data.ErrorCode(err) != data.EPlaceholder || !strings.Contains(err.Error(), "org.nme") {
		t.Errorf("FillStrict with an unknown placeholder = %v, want an error naming it", err)
	}
}

func TestDiffListsOnlyChangedFields(t *testing.T) {
	before := data.Person{Name: "Ann", Email: "a@example.com"}
	after := before
	after.Email = "ann@example.com"
	fields, b := before.AuditFields()
	_, a := after.AuditFields()
	got := data.Diff(fields, b, a)
	want := []data.FieldChange{{Field: "email", From: "a@example.com", To: "ann@example.com"}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("Diff = %v, want %v", got, want)
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  error
		code string
		msg  string
	}{
		{nil, "", ""},
		{data.Errorf(data.ENotFound, "No workspace at %s.", "x.smsdb"), data.ENotFound, "No workspace at x.smsdb."},
		{errors.New("disk on fire"), data.EInternal, "Something went wrong: disk on fire"},
		{fmt.Errorf("create workspace folder: %w", &fs.PathError{Op: "mkdir", Path: "/srv/x", Err: syscall.EACCES}), data.EInternal,
			"The system could not use /srv/x: you do not have permission to use it."},
		{&fs.PathError{Op: "write", Path: "/m/a.pdf", Err: syscall.ENOSPC}, data.EInternal, "The system could not use /m/a.pdf: the disk is full."},
		{&fs.PathError{Op: "open", Path: "/m/a", Err: syscall.ENOENT}, data.EInternal,
			"The system could not use /m/a: it does not exist, or a folder on its way is missing."},
	}
	for _, tt := range tests {
		if got := data.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
		if got := data.ErrorMessage(tt.err); got != tt.msg {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tt.err, got, tt.msg)
		}
	}
}

func TestDateFormats(t *testing.T) {
	d := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		f    data.DateFormat
		want string
	}{
		{data.DateFormats()[0], "31 March 2026"},
		{"2006-01-02", "2026-03-31"},
		{"02/01/2006", "31/03/2026"},
		{"01/02/2006", "03/31/2026"},
		{"nonsense", "2026-03-31"},
	}
	for _, tt := range tests {
		if got := tt.f.Format(d); got != tt.want {
			t.Errorf("%q.Format = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func FuzzPlaceholdersFill(f *testing.F) {
	p := data.PlaceholderValues(data.DemoOrganisation(), data.DemoPeople(), time.Now())
	for _, s := range []string{"{{org.name}}", "{{", "}}{{x}}", "{{ a.b.c }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, unknown := p.Fill(s)
		for _, u := range unknown {
			if !strings.Contains(out, u) {
				t.Errorf("unknown placeholder %q vanished from %q", u, out)
			}
		}
	})
}

func TestEmbeddedCatalogueLoadsRoadmapAndQuestions(t *testing.T) {
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(cat.Steps()); got < 15 || got > 20 {
		t.Errorf("steps = %d, want 15 to 20", got)
	}
	if got := len(cat.Questions()); got < 120 {
		t.Errorf("questions = %d, want at least 120", got)
	}
	if _, ok := cat.Step("step-01"); !ok {
		t.Error("step-01 missing")
	}
	if q, ok := cat.Question("q-8.2.3-1"); !ok || q.Clause != "8.2.3" {
		t.Errorf("q-8.2.3-1 = %+v, %v", q, ok)
	}
}
