package data

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

// goText finds what a person should never read in a refusal: an identifier
// written as Go writes it (NAReason, LegalName, StepProgress), a formatting
// slip of fmt, or the text of a Go error.
var goText = regexp.MustCompile(`[a-z][A-Z]|[A-Z]{2}[a-z]|%!|<nil>|\bnil\b|parsing time|strconv\.|map\[|\[\]|\{|\}|0x[0-9a-f]|\bdata\.|\bint64\b|\bstruct\b`)

// TestNoRefusalNamesAGoIdentifier walks every refusal with field messages
// that the domain can produce, one invalid value at a time, and reads the
// message as the user would see it.
func TestNoRefusalNamesAGoIdentifier(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n+1) }
	day := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	org := func(change func(*Organisation)) error {
		o := Organisation{LegalName: "Northwind Managed IT Ltd", PaperSize: PaperA4, DateFormat: DateFormats()[0]}
		change(&o)
		return o.Validate()
	}
	many := make([]string, MaxListItems+1)
	for i := range many {
		many[i] = "service " + strings.Repeat("i", i+1)
	}
	person := func(change func(*Person)) error {
		p := Person{Name: "Ann Lee"}
		change(&p)
		return p.Validate()
	}
	task := func(change func(*Task)) error {
		x := Task{Title: "Write the policy", Status: TaskOpen, SourceKind: SourceManual}
		change(&x)
		return x.Validate()
	}
	answer := func(change func(*Answer)) error {
		a := Answer{AssessmentID: 1, QuestionID: "q-4.1-1", Score: 2}
		change(&a)
		return a.Validate()
	}
	step := func(change func(*StepProgress)) error {
		p := StepProgress{StepID: "s1", Status: StepInProgress}
		change(&p)
		return p.Validate()
	}
	cat := smallCatalogue(t)
	tests := []struct {
		name string
		err  error
	}{
		{"organisation without legal name", org(func(o *Organisation) { o.LegalName = " " })},
		{"organisation legal name too long", org(func(o *Organisation) { o.LegalName = long(MaxNameLen) })},
		{"organisation short name too long", org(func(o *Organisation) { o.ShortName = long(MaxShortNameLen) })},
		{"organisation address too long", org(func(o *Organisation) { o.Address = long(MaxAddressLen) })},
		{"organisation scope too long", org(func(o *Organisation) { o.ScopeStatement = long(MaxScopeLen) })},
		{"organisation exclusions too long", org(func(o *Organisation) { o.Exclusions = long(MaxScopeLen) })},
		{"too many services", org(func(o *Organisation) { o.Services = many })},
		{"empty location", org(func(o *Organisation) { o.Locations = []string{"Leeds", " "} })},
		{"location too long", org(func(o *Organisation) { o.Locations = []string{long(MaxListItemLen)} })},
		{"service listed twice", org(func(o *Organisation) { o.Services = []string{"Service desk", "service desk"} })},
		{"logo too large", org(func(o *Organisation) { o.Logo = make([]byte, MaxLogoBytes+1) })},
		{"logo not an image", org(func(o *Organisation) { o.Logo = []byte("GIF89a") })},
		{"unknown paper size", org(func(o *Organisation) { o.PaperSize = "A3" })},
		{"unknown date format", org(func(o *Organisation) { o.DateFormat = "dd.mm.yy" })},
		{"person without name", person(func(p *Person) { p.Name = "" })},
		{"person name too long", person(func(p *Person) { p.Name = long(MaxPersonNameLen) })},
		{"job title too long", person(func(p *Person) { p.JobTitle = long(MaxJobTitleLen) })},
		{"e-mail too long", person(func(p *Person) { p.Email = long(MaxEmailLen) + "@example.com" })},
		{"e-mail malformed", person(func(p *Person) { p.Email = "ann at example" })},
		{"unknown role", person(func(p *Person) { p.Roles = []Role{{Kind: "chief wizard"}} })},
		{"process owner without process", person(func(p *Person) { p.Roles = []Role{{Kind: RoleProcessOwner}} })},
		{"role listed twice", person(func(p *Person) { p.Roles = []Role{{Kind: RoleSMSOwner}, {Kind: RoleSMSOwner}} })},
		{"process name too long", person(func(p *Person) { p.Roles = []Role{{Kind: RoleProcessOwner, Process: long(MaxListItemLen)}} })},
		{"task without title", task(func(x *Task) { x.Title = "" })},
		{"task title too long", task(func(x *Task) { x.Title = long(300) })},
		{"task description too long", task(func(x *Task) { x.Description = long(4000) })},
		{"unknown task status", task(func(x *Task) { x.Status = "waiting" })},
		{"unknown task source", task(func(x *Task) { x.SourceKind = "e-mail" })},
		{"assessment without title or date", Assessment{}.Validate()},
		{"assessment title too long", Assessment{Title: long(200), Date: day}.Validate()},
		{"assessor too long", Assessment{Title: "Baseline", Date: day, Assessor: long(MaxPersonNameLen)}.Validate()},
		{"score out of range", answer(func(a *Answer) { a.Score = 7 })},
		{"not applicable without reason", answer(func(a *Answer) { a.Score = MaturityNA })},
		{"answer notes too long", answer(func(a *Answer) { a.Notes = long(4000) })},
		{"answer evidence too long", answer(func(a *Answer) { a.Evidence = long(1000) })},
		{"unknown step status", step(func(p *StepProgress) { p.Status = "paused" })},
		{"step not applicable without reason", step(func(p *StepProgress) { p.Status = StepNotApplicable })},
		{"step notes too long", step(func(p *StepProgress) { p.Notes = long(4000) })},
		{"step reason too long", step(func(p *StepProgress) { p.Status, p.NAReason = StepNotApplicable, long(1000) })},
		{"document without number or title", Document{}.Validate()},
		{"document number and title too long", Document{Number: long(40), Title: long(200)}.Validate()},
		{"approver without an approving role", CheckApprover(Person{Name: "Ann Lee"})},
		{"done while a prerequisite is open", CheckStepStatus(cat, nil, "s4", StepDone)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *Error
			if !errors.As(tt.err, &e) || e.Code != EInvalid || len(e.Fields) == 0 {
				t.Fatalf("got %v, want a refusal naming a field", tt.err)
			}
			shown := ErrorMessage(tt.err)
			for _, f := range e.Fields {
				if strings.TrimSpace(f.Message) == "" {
					t.Errorf("field %s has no message", f.Field)
				}
				if strings.Contains(shown, f.Field+":") {
					t.Errorf("message %q names the field key %s", shown, f.Field)
				}
			}
			if bad := goText.FindString(shown); bad != "" {
				t.Errorf("message %q contains %q", shown, bad)
			}
		})
	}
}
