package data_test

import (
	"strings"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// TestFillMarksEachMissingValue fills every placeholder from an empty
// workspace: each must leave its marker, named in plain words, and never a gap.
func TestFillMarksEachMissingValue(t *testing.T) {
	empty := data.PlaceholderValues(data.Organisation{}, nil, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name, label string
	}{
		{"org.name", "the organisation's name"},
		{"org.legal_name", "the organisation's legal name"},
		{"org.short_name", "the organisation's short name"},
		{"org.address", "the organisation's address"},
		{"org.scope", "the scope statement"},
		{"org.exclusions", "the exclusions from the scope"},
		{"org.services", "the services in scope"},
		{"org.services_list", "the services in scope"},
		{"org.locations", "the locations"},
		{"org.locations_list", "the locations"},
		{"people.sms_owner", "the SMS owner"},
		{"people.top_management", "top management"},
		{"people.auditors", "the internal auditors"},
		{"people.process_owners", "the process owners"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unknown := empty.Fill("What {{" + tt.name + "}} wants")
			if want := "What [to fill: " + tt.label + "] wants"; got != want || len(unknown) > 0 {
				t.Errorf("Fill = %q, %v; want %q", got, unknown, want)
			}
			if got := data.PlaceholderLabel(tt.name); got != tt.label {
				t.Errorf("PlaceholderLabel = %q, want %q", got, tt.label)
			}
			if got := data.ToFill(got); len(got) != 1 || got[0] != tt.label {
				t.Errorf("ToFill = %q, want [%q]", got, tt.label)
			}
		})
	}
	// Every placeholder a template can use is in the table above, except the
	// date, which always has a value.
	if got, want := len(empty.Names()), len(tests)+1; got != want {
		t.Errorf("placeholders = %d, want %d: give the new one a test row", got, want)
	}
	if got, _ := empty.Fill("{{today}}"); got != "2026-03-31" {
		t.Errorf("Fill(today) = %q, want the date", got)
	}
}

func TestToFillListsMarkersOnce(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"All written.", nil},
		{"[to fill: the SMS owner] and [to fill: top management], [to fill: the SMS owner]", []string{"the SMS owner", "top management"}},
		{"A [link](x) and [to fill:] and [to fill: broken\nline]", nil},
	}
	for _, tt := range tests {
		if got := data.ToFill(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ToFill(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The demo tells a complete story: none of its documents has a gap to fill.
func TestTheDemoFillsEveryTemplate(t *testing.T) {
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	values := data.PlaceholderValues(data.DemoOrganisation(), data.DemoPeople(), time.Now())
	for _, tpl := range cat.Templates() {
		body, _ := values.Fill(tpl.Body)
		if got := data.ToFill(body); len(got) > 0 {
			t.Errorf("%s marks %q to fill", tpl.Number, got)
		}
	}
}
