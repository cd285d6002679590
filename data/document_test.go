package data_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from data.DocStatus
		t    data.Transition
		want string // "" when allowed
	}{
		{data.DocDraft, data.SendForReview, ""},
		{data.DocInReview, data.Approve, ""},
		{data.DocInReview, data.BackToDraft, ""},
		{data.DocApproved, data.Withdraw, ""},
		{data.DocDraft, data.Withdraw, ""},
		{data.DocDraft, data.Approve, "Send it for review first."},
		{data.DocApproved, data.SendForReview, "An approved version is frozen"},
		{data.DocApproved, data.Approve, "An approved version is frozen"},
		{data.DocSuperseded, data.Approve, "superseded cannot be approved"},
		{data.DocWithdrawn, data.SendForReview, "withdrawn cannot be sent for review"},
		{data.DocDraft, "publish", "Unknown workflow step"},
	}
	for _, tt := range tests {
		err := data.CheckTransition(tt.from, tt.t)
		got := data.ErrorMessage(err)
		if tt.want == "" && err != nil || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s + %s = %q, want %q", tt.from, tt.t, got, tt.want)
		}
	}
}

func TestVersionNumbering(t *testing.T) {
	v10 := &data.Version{Major: 1, Minor: 0, Status: data.DocApproved}
	v11 := &data.Version{Major: 1, Minor: 1, Status: data.DocApproved}
	tests := []struct {
		latest           *data.Version
		major            bool
		wantMaj, wantMin int
	}{
		{nil, false, 1, 0},
		{nil, true, 1, 0},
		{v10, false, 1, 1},
		{v11, false, 1, 2},
		{v11, true, 2, 0},
	}
	for _, tt := range tests {
		maj, min := data.NextVersion(tt.latest, tt.major)
		if maj != tt.wantMaj || min != tt.wantMin {
			t.Errorf("NextVersion(%v, %v) = %d.%d, want %d.%d", tt.latest, tt.major, maj, min, tt.wantMaj, tt.wantMin)
		}
	}
}

// approvedNumber is how an approved number reads: digits, a point, digits.
var approvedNumber = regexp.MustCompile(`^\d+\.\d+`)

func TestVersionNumber(t *testing.T) {
	approvedAt := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		v    data.Version
		want string
	}{
		{data.Version{Major: 1, Minor: 1, Status: data.DocDraft}, "Draft for 1.1"},
		{data.Version{Major: 1, Minor: 0, Status: data.DocInReview}, "Draft for 1.0"},
		{data.Version{Major: 1, Minor: 2, Status: data.DocWithdrawn}, "Draft for 1.2"},
		{data.Version{Major: 2, Status: data.DocApproved, ApprovedAt: approvedAt}, "2.0"},
		{data.Version{Major: 1, Minor: 3, Status: data.DocSuperseded, ApprovedAt: approvedAt}, "1.3"},
		{data.Version{Major: 1, Minor: 4, Status: data.DocWithdrawn, ApprovedAt: approvedAt}, "1.4"},
	}
	for _, tt := range tests {
		got := tt.v.Number()
		if got != tt.want {
			t.Errorf("Number of %s %d.%d = %q, want %q", tt.v.Status, tt.v.Major, tt.v.Minor, got, tt.want)
		}
		if approvedNumber.MatchString(got) != tt.v.WasApproved() {
			t.Errorf("Number of %s %d.%d = %q: only an approved version may read as a number", tt.v.Status, tt.v.Major, tt.v.Minor, got)
		}
	}
	if got, want := data.VersionName("1.1", true), "Draft for 1.1"; got != want {
		t.Errorf("VersionName of a draft = %q, want %q", got, want)
	}
}

func TestHashAndReview(t *testing.T) {
	if got, want := data.HashText("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("HashText = %s, want %s", got, want)
	}
	v := data.Version{SHA256: data.HashText("abc")}
	if got, want := v.ShortHash(), "ba7816bf8f01"; got != want {
		t.Errorf("ShortHash = %s, want %s", got, want)
	}
	a := data.Approval{At: time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)}
	if got, want := a.ReviewDue(), time.Date(2027, 11, 25, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ReviewDue = %s, want %s", got, want)
	}
	a.ReviewMonths = 6
	if got, want := a.ReviewDue(), time.Date(2027, 5, 25, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ReviewDue(6) = %s, want %s", got, want)
	}
}

func TestCheckApprover(t *testing.T) {
	for _, p := range data.DemoPeople() {
		err := data.CheckApprover(p)
		approver := p.HasRole(data.RoleTopManagement) || p.HasRole(data.RoleSMSOwner)
		if approver != (err == nil) {
			t.Errorf("%s: CheckApprover = %v", p.Name, err)
		}
	}
}
