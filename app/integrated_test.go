package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

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
