package data_test

import (
	"reflect"
	"strings"
	"testing"

	"smsbuilder/data"
)

func TestApproverFor(t *testing.T) {
	people := data.DemoPeople()
	tests := []struct {
		actor   string
		want    string // the approver's name; "" when refused
		wantMsg string // part of the refusal
	}{
		{"Margaret Holloway", "Margaret Holloway", ""},
		{"  daniel okafor ", "Daniel Okafor", ""},
		{"Oliver Grant", "", "Oliver Grant is working and holds neither"},
		{"Someone Else", "", "Someone Else is working but is not on the People screen"},
		{"", "", "Nobody is named as working"},
		{"unknown", "", "not on the People screen"},
	}
	for _, tt := range tests {
		got, err := data.ApproverFor(tt.actor, people)
		if tt.want != "" {
			if err != nil || got.Name != tt.want {
				t.Errorf("ApproverFor(%q) = %q, %v, want %q", tt.actor, got.Name, err, tt.want)
			}
			continue
		}
		msg := data.ErrorMessage(err)
		if err == nil || !strings.Contains(msg, tt.wantMsg) || !strings.Contains(msg, "Who may approve: Margaret Holloway, Daniel Okafor, Sofia Marchetti.") {
			t.Errorf("ApproverFor(%q) = %q, %q, want a refusal with %q naming who may approve", tt.actor, got.Name, msg, tt.wantMsg)
		}
	}
	if _, err := data.ApproverFor("Oliver Grant", people[5:6]); !strings.Contains(data.ErrorMessage(err), "Nobody may approve yet") {
		t.Errorf("with no approver at all: %v", err)
	}
}

func TestApproverForPrefersTheNamesakeWhoMayApprove(t *testing.T) {
	people := []data.Person{
		{ID: 1, Name: "Sam Lee", Roles: []data.Role{{Kind: data.RoleInternalAuditor}}},
		{ID: 2, Name: "Sam Lee", Roles: []data.Role{{Kind: data.RoleTopManagement}}},
	}
	if got, err := data.ApproverFor("Sam Lee", people); err != nil || got.ID != 2 {
		t.Errorf("ApproverFor = %d, %v, want 2", got.ID, err)
	}
}

func TestHatWarnings(t *testing.T) {
	owner := data.Role{Kind: data.RoleSMSOwner}
	top := data.Role{Kind: data.RoleTopManagement}
	auditor := data.Role{Kind: data.RoleInternalAuditor}
	owns := func(p string) data.Role { return data.Role{Kind: data.RoleProcessOwner, Process: p} }
	tests := []struct {
		name   string
		people []data.Person
		want   []string
	}{
		{"demo is sound", data.DemoPeople(), nil},
		{"one person, both hats", []data.Person{{Name: "Ann", Roles: []data.Role{owner, top}}}, nil},
		{"nobody", nil, []string{
			"Nobody holds the SMS owner role: give it to one person.",
			"Nobody holds the top management role: give it to the person who answers for the SMS at the top of the firm.",
		}},
		{"two owners", []data.Person{{Name: "Ann", Roles: []data.Role{owner, top}}, {Name: "Bo", Roles: []data.Role{owner}}}, []string{
			"2 people hold the SMS owner role (Ann, Bo): the SMS should have one owner.",
		}},
		{"auditor owns processes", []data.Person{{Name: "Ann", Roles: []data.Role{owner, top}}, {Name: "Bo", Roles: []data.Role{auditor, owns("Change management"), owns("Incident management")}}}, []string{
			"Bo is an internal auditor and owns the process Change management: they must not audit it.",
			"Bo is an internal auditor and owns the process Incident management: they must not audit it.",
		}},
	}
	for _, tt := range tests {
		if got := data.HatWarnings(tt.people); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: HatWarnings = %q, want %q", tt.name, got, tt.want)
		}
	}
}
