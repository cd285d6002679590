package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

func TestOrganisationScreenRecordsOtherStandards(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org.smsdb")
	u := newTestUI(t, path)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)
	if got, want := s.iso9001.Selected, "Not pursued"; got != want {
		t.Errorf("ISO 9001 shows %q in a new workspace, want %q", got, want)
	}

	s.iso9001.SetSelected("Planned")
	s.iso27001.SetSelected("Certified")
	if s.unsaved() == "" {
		t.Error("a changed standard is not counted as an unsaved change")
	}
	test.Tap(s.save)

	u.closeWorkspace()
	o, err := reopen(t, path).Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if o.ISO9001 != data.StandardPlanned || o.ISO27001 != data.StandardCertified {
		t.Errorf("after reopening ISO 9001 is %q and ISO/IEC 27001 %q, want planned and certified", o.ISO9001, o.ISO27001)
	}
}

func TestDocumentsScreenSaysWhichOtherStandardsADocumentServes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		iso9001 data.StandardStatus
		want    string // "" for no such line
	}{
		{"ISO 9001 not pursued", data.StandardNotPursued, ""},
		{"ISO 9001 planned", data.StandardPlanned, "Also serves ISO 9001 7.5.1, 7.5.2, 7.5.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t, filepath.Join(t.TempDir(), "docs.smsdb"))
			ctx := context.Background()
			o, err := u.Workspace().Organisation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			o.ISO9001 = tc.iso9001
			if _, err := u.Workspace().SaveOrganisation(ctx, o); err != nil {
				t.Fatal(err)
			}
			u.show(screenDocuments)
			s := u.screen.(*documentsScreen)
			row := slices.IndexFunc(s.shown, func(r docRow) bool { return slices.Contains(r.doc.Clauses, "7.5.3") })
			if row < 0 {
				t.Fatal("the demo has no document for clause 7.5.3")
			}
			s.table.Select(widget.TableCellID{Row: row, Col: 0})
			got := s.detail.Text
			if tc.want == "" && strings.Contains(got, "Also serves") || !strings.Contains(got, tc.want) {
				t.Errorf("detail line = %q, want it to hold %q", got, tc.want)
			}
		})
	}
}
