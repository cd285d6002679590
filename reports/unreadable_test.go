package reports

import (
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// TestUnreadableValuesPrint prints every pack from a workspace whose values
// storage could not read: each pack prints, shows "unreadable" where the
// value belongs and lists the values at its end.
func TestUnreadableValuesPrint(t *testing.T) {
	src, _, _ := demoSource(t, true)
	note := func(record, field, label, raw string) data.BadValues {
		return data.BadValues{data.NewUnreadable(record, field, label, raw)}
	}
	sp := src.Progress["step-01"]
	sp.Status, sp.Unreadable = "", note(`roadmap step "step-01"`, "Status", "status", "nearly")
	src.Progress["step-01"] = sp
	src.Plan = data.Plan{Unreadable: note("roadmap plan", "TargetDate", "target date", "2027-13-45")}
	src.Assessments[0].Date = time.Time{}
	src.Assessments[0].Unreadable = note(`assessment "`+src.Assessments[0].Title+`"`, "Date", "date", "last week")
	src.Org.Services = nil
	src.Org.Unreadable = note("organisation profile", "Services", "list of services", "Cloud Hosting, "+strings.Repeat("x", 300))
	for i, rec := range src.Documents {
		if rec.Document.Number == "SMS-DOC-02" {
			src.Documents[i].Versions[0].ReviewDue = time.Time{}
			src.Documents[i].Versions[0].Unreadable = note(`document version "1.0 of SMS-DOC-02"`, "ReviewDue", "review date", "next year")
		}
	}
	bad := src.Unreadable()
	if len(bad) != 5 {
		t.Fatalf("the source gathers %d unreadable values, want 5: %+v", len(bad), bad)
	}

	cases := []struct {
		pack  string
		shown []string // lines that show "unreadable" where the value goes
	}{
		{"roadmap", []string{"Certification target unreadable", "unreadable · Owner"}},
		{"gap", []string{"Date unreadable"}},
		{"scope", []string{"the service catalogue. unreadable"}},
		{"manual", []string{"Next review unreadable"}},
	}
	for _, c := range cases {
		t.Run(c.pack, func(t *testing.T) {
			text := squeeze(pdfText(t, buildPack(t, c.pack, src, Options{Now: fixedNow}), 0))
			for _, want := range c.shown {
				if !strings.Contains(text, want) {
					t.Errorf("the %s pack does not show %q", c.pack, want)
				}
			}
			end := text[strings.LastIndex(text, unreadableTitle):]
			// cells wrap, so the words of a row may come apart
			for _, word := range []string{`roadmap step "step-01"`, "nearly", "2027-13-45", "last week", "Cloud Hosting", "next year", "SMS-DOC-02"} {
				if !strings.Contains(end, word) {
					t.Errorf("the list at the end of the %s pack lacks %q:\n%s", c.pack, word, end)
				}
			}
			if strings.Contains(end, strings.Repeat("x", data.MaxUnreadableRaw+1)) {
				t.Errorf("the %s pack prints the whole of an over-long unreadable value", c.pack)
			}
		})
	}

	// Without unreadable values there is no such section.
	clean, _, _ := demoSource(t, true)
	if text := pdfText(t, buildPack(t, "roadmap", clean, Options{Now: fixedNow}), 0); strings.Contains(text, unreadableTitle) {
		t.Error("a pack from a sound workspace lists values that could not be read")
	}
}

// squeeze joins the words of pdftotext's layout with single spaces.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
