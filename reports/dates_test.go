package reports

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

// TestPacksPrintDatesInTheWorkspaceFormat prints one document in each date
// format a workspace can choose: its control page and revision history say
// the approval date that way.
func TestPacksPrintDatesInTheWorkspaceFormat(t *testing.T) {
	src, _, _ := demoSource(t, true)
	rec := findRec(t, src, "SMS-DOC-02")
	v := stateOf(rec).approved
	for _, f := range data.DateFormats() {
		t.Run(string(f), func(t *testing.T) {
			s := src
			s.Org.DateFormat = f
			b, err := buildDocument(t, s, "SMS-DOC-02", false)
			if err != nil {
				t.Fatal(err)
			}
			want := "Approved " + v.ApprovedAt.Format(string(f))
			if got := rawText(t, b, 2, 2); !strings.Contains(got, want) {
				t.Errorf("the control page lacks %q:\n%s", want, got)
			}
		})
	}
}
