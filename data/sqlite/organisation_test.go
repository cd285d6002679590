package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"smsbuilder/data"
)

// png12 and png12b are two different 12-byte "PNG" logos: same kind, same size.
var (
	png12  = []byte("\x89PNG\r\n\x1a\nAAAA")
	png12b = []byte("\x89PNG\r\n\x1a\nBBBB")
)

func TestSaveOrganisationAudit(t *testing.T) {
	ws := newWorkspace(t)
	steps := []struct {
		name  string
		actor string
		edit  func(o *data.Organisation)
		want  *data.AuditEntry // nil: nothing recorded
	}{
		{
			name:  "first save creates",
			actor: "Daniel Okafor",
			edit: func(o *data.Organisation) {
				o.LegalName = "Northwind Managed IT Ltd"
				o.ShortName = "Northwind"
				o.Services = []string{"Cloud Hosting", "Backup and Recovery"}
				o.DateFormat = "2006-01-02"
			},
			want: &data.AuditEntry{Actor: "Daniel Okafor", Action: data.ActionCreate, Changes: []data.FieldChange{
				{Field: "legal_name", From: "", To: "Northwind Managed IT Ltd"},
				{Field: "short_name", From: "", To: "Northwind"},
				{Field: "services", From: "", To: "Cloud Hosting\nBackup and Recovery"},
				{Field: "paper_size", From: "", To: "A4"},
				{Field: "date_format", From: "", To: "2006-01-02"},
			}},
		},
		{
			name:  "saving the same profile records nothing",
			actor: "Daniel Okafor",
			edit:  func(o *data.Organisation) {},
		},
		{
			name:  "update records only what changed",
			actor: "Margaret Holloway",
			edit: func(o *data.Organisation) {
				o.ShortName = "Northwind IT"
				o.Locations = []string{"Leeds"}
				o.Logo = png12
				o.PaperSize = data.PaperLetter
			},
			want: &data.AuditEntry{Actor: "Margaret Holloway", Action: data.ActionUpdate, Changes: []data.FieldChange{
				{Field: "short_name", From: "Northwind", To: "Northwind IT"},
				{Field: "logo", From: "", To: "png image, 12 bytes"},
				{Field: "locations", From: "", To: "Leeds"},
				{Field: "paper_size", From: "A4", To: "Letter"},
			}},
		},
		{
			name:  "another logo of the same size is a change",
			actor: "Margaret Holloway",
			edit:  func(o *data.Organisation) { o.Logo = png12b },
			want: &data.AuditEntry{Actor: "Margaret Holloway", Action: data.ActionUpdate, Changes: []data.FieldChange{
				{Field: "logo", From: "png image, 12 bytes", To: "png image, 12 bytes"},
			}},
		},
		{
			name:  "removing the logo and a service",
			actor: "",
			edit: func(o *data.Organisation) {
				o.Logo = nil
				o.Services = o.Services[:1]
			},
			want: &data.AuditEntry{Actor: "unknown", Action: data.ActionUpdate, Changes: []data.FieldChange{
				{Field: "logo", From: "png image, 12 bytes", To: ""},
				{Field: "services", From: "Cloud Hosting\nBackup and Recovery", To: "Cloud Hosting"},
			}},
		},
	}

	o := data.DefaultOrganisation()
	var trail []data.AuditEntry
	for _, step := range steps {
		ctx := context.Background()
		if step.actor != "" {
			ctx = actorCtx(step.actor)
		}
		stored, err := ws.Organisation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		step.edit(&o)
		started := time.Now()
		saved, err := ws.SaveOrganisation(ctx, o)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		o.Revision = saved.Revision // the next edit is made on the stored profile

		got, err := ws.Organisation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if step.want == nil {
			if !got.UpdatedAt.Equal(stored.UpdatedAt) {
				t.Errorf("%s: UpdatedAt moved from %v to %v", step.name, stored.UpdatedAt, got.UpdatedAt)
			}
		} else if got.UpdatedAt.Before(started.Truncate(time.Millisecond)) || got.UpdatedAt.Location() != time.UTC {
			t.Errorf("%s: UpdatedAt = %v, want a UTC time after %v", step.name, got.UpdatedAt, started)
		}
		wantOrg := o
		wantOrg.UpdatedAt = got.UpdatedAt
		if !reflect.DeepEqual(got, wantOrg) {
			t.Errorf("%s: Organisation() = %+v\nwant %+v", step.name, got, wantOrg)
		}

		entries, err := ws.AuditTrail(ctx, "organisation", organisationID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if step.want != nil {
			w := *step.want
			w.Entity, w.EntityID, w.At = "organisation", organisationID, got.UpdatedAt
			if len(entries) > 0 {
				w.ID = entries[0].ID
			}
			trail = append([]data.AuditEntry{w}, trail...)
		}
		if !reflect.DeepEqual(entries, trail) {
			t.Errorf("%s: AuditTrail() =\n%+v\nwant\n%+v", step.name, entries, trail)
		}
	}

	var updated string
	if err := ws.db.QueryRow("SELECT updated_at FROM organisation").Scan(&updated); err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, updated); err != nil || updated[len(updated)-1] != 'Z' {
		t.Errorf("stored updated_at %q is not UTC RFC 3339 (%v)", updated, err)
	}
}

func TestSaveOrganisationInvalid(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	valid := data.DemoOrganisation()
	tests := []struct {
		name string
		edit func(o *data.Organisation)
	}{
		{"no legal name", func(o *data.Organisation) { o.LegalName = " " }},
		{"unknown paper", func(o *data.Organisation) { o.PaperSize = "A5" }},
		{"service listed twice", func(o *data.Organisation) { o.Services = []string{"Hosting", "hosting"} }},
		{"logo not an image", func(o *data.Organisation) { o.Logo = []byte("GIF89a") }},
	}
	for _, saved := range []bool{false, true} {
		if saved {
			if err := errOf(ws.SaveOrganisation(ctx, valid)); err != nil {
				t.Fatal(err)
			}
		}
		wantOrg, err := ws.Organisation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantTrail, err := ws.AuditTrail(ctx, "", "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			o := valid
			tt.edit(&o)
			err := errOf(ws.SaveOrganisation(ctx, o))
			if want := o.Validate(); !reflect.DeepEqual(err, want) || want == nil {
				t.Errorf("%s: SaveOrganisation() = %v, want the validation error %v as it is", tt.name, err, want)
			}
			wantCode(t, err, data.EInvalid)
			gotOrg, _ := ws.Organisation(ctx)
			gotTrail, _ := ws.AuditTrail(ctx, "", "", 0)
			if !reflect.DeepEqual(gotOrg, wantOrg) || !reflect.DeepEqual(gotTrail, wantTrail) {
				t.Errorf("%s: a refused profile was written", tt.name)
			}
		}
	}
}

func TestOrganisationKeepsOtherStandards(t *testing.T) {
	for _, tc := range []struct {
		name              string
		iso9001, iso27001 data.StandardStatus
	}{
		{"neither", data.StandardNotPursued, data.StandardNotPursued},
		{"quality planned", data.StandardPlanned, data.StandardNotPursued},
		{"security certified, quality planned", data.StandardPlanned, data.StandardCertified},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws := newWorkspace(t)
			o := data.DefaultOrganisation()
			o.LegalName = "Northwind Managed IT Ltd"
			o.ISO9001, o.ISO27001 = tc.iso9001, tc.iso27001
			if _, err := ws.SaveOrganisation(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			got, err := ws.Organisation(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got.ISO9001 != tc.iso9001 || got.ISO27001 != tc.iso27001 || len(got.Unreadable) > 0 {
				t.Errorf("read back ISO 9001 %q, ISO/IEC 27001 %q (unreadable %v), want %q, %q", got.ISO9001, got.ISO27001, got.Unreadable, tc.iso9001, tc.iso27001)
			}
		})
	}
}
