package data_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// contentWith is the shipped content with one file replaced.
func contentWith(t *testing.T, name, text string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(assets.Content(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Content(), p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	out[name] = &fstest.MapFile{Data: []byte(text)}
	return out
}

func TestIntegratedTableRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, json, want string
	}{
		{"unknown clause", `[{"clause":"8.9","iso9001":"8.1","shared":"S"}]`, `clause "8.9" does not exist`},
		{"twice", `[{"clause":"4.1","iso9001":"4.1","shared":"S"},{"clause":"4.1","iso27001":"4.1","shared":"S"}]`, "4.1 is listed twice"},
		{"no other clause", `[{"clause":"4.1","shared":"S"}]`, "names no clause of another standard"},
		{"nothing shared", `[{"clause":"4.1","iso9001":"4.1"}]`, "does not say what is shared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := data.LoadCatalogue(contentWith(t, data.IntegratedFile, tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadCatalogue = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestSharedClausesFollowTheStandardsRecorded(t *testing.T) {
	cat := loadEmbedded(t)
	for _, tc := range []struct {
		name              string
		iso9001, iso27001 data.StandardStatus
		wantAny           bool
		want9001          bool
		want27001         bool
	}{
		{"neither", data.StandardNotPursued, data.StandardNotPursued, false, false, false},
		{"9001 planned", data.StandardPlanned, data.StandardNotPursued, true, true, false},
		{"27001 certified", data.StandardNotPursued, data.StandardCertified, true, false, true},
		{"both", data.StandardCertified, data.StandardPlanned, true, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := data.Organisation{ISO9001: tc.iso9001, ISO27001: tc.iso27001}
			rows := cat.SharedClauses(o)
			if got := len(rows) > 0; got != tc.wantAny || o.Integrates() != tc.wantAny {
				t.Fatalf("rows present = %v, Integrates = %v, want %v", got, o.Integrates(), tc.wantAny)
			}
			has9001 := slices.ContainsFunc(rows, func(r data.SharedClause) bool { return r.ISO9001 != "" })
			has27001 := slices.ContainsFunc(rows, func(r data.SharedClause) bool { return r.ISO27001 != "" })
			if has9001 != tc.want9001 || has27001 != tc.want27001 {
				t.Errorf("9001 column = %v, 27001 column = %v, want %v, %v", has9001, has27001, tc.want9001, tc.want27001)
			}
		})
	}
}

func TestAlsoServes(t *testing.T) {
	cat := loadEmbedded(t)
	both := data.Organisation{ISO9001: data.StandardPlanned, ISO27001: data.StandardCertified}
	for _, tc := range []struct {
		name    string
		o       data.Organisation
		clauses []string
		want    []string
		text    string
	}{
		{"document control, both", both, []string{"7.5.3"}, []string{"ISO 9001 7.5.3", "ISO/IEC 27001 7.5.3"}, "ISO 9001 7.5.3; ISO/IEC 27001 7.5.3"},
		{"sub-clause of change management", both, []string{"8.5.1.2"}, []string{"ISO 9001 6.3", "ISO 9001 8.5.6", "ISO/IEC 27001 6.3", "ISO/IEC 27001 A.8.32"}, "ISO 9001 6.3, 8.5.6; ISO/IEC 27001 6.3, A.8.32"},
		{"security only", data.Organisation{ISO27001: data.StandardPlanned}, []string{"8.7.3.1", "7.6"}, []string{"ISO/IEC 27001 5.2", "ISO/IEC 27001 A.5.1"}, "ISO/IEC 27001 5.2, A.5.1"},
		{"20000-only clause", both, []string{"8.4.1"}, nil, ""},
		{"neither pursued", data.Organisation{}, []string{"7.5.3"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cat.AlsoServes(tc.o, tc.clauses); !slices.Equal(got, tc.want) {
				t.Errorf("AlsoServes(%v) = %q, want %q", tc.clauses, got, tc.want)
			}
			if got := cat.AlsoServesText(tc.o, tc.clauses); got != tc.text {
				t.Errorf("AlsoServesText(%v) = %q, want %q", tc.clauses, got, tc.text)
			}
		})
	}
}

func TestOrganisationRefusesUnknownStandardStatus(t *testing.T) {
	o := data.DefaultOrganisation()
	o.LegalName = "Northwind"
	o.ISO9001 = "maybe"
	if err := o.Validate(); err == nil || !strings.Contains(err.Error(), "not pursued, planned or certified") {
		t.Errorf("Validate = %v, want the status refused", err)
	}
}

func TestOtherStandardsInTheAuditTrail(t *testing.T) {
	for _, tc := range []struct {
		status data.StandardStatus
		want   string
	}{
		{data.StandardNotPursued, ""},
		{data.StandardPlanned, "Planned"},
		{data.StandardCertified, "Certified"},
	} {
		_, got := data.Organisation{ISO9001: tc.status, ISO27001: tc.status}.AuditFields()
		if got["iso9001"] != tc.want || got["iso27001"] != tc.want {
			t.Errorf("status %q is recorded as %q and %q, want %q", tc.status, got["iso9001"], got["iso27001"], tc.want)
		}
	}
}
