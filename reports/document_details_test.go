package reports

import (
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// Each printed document opens with its front matter: version, status,
// effective date, owner, next review and distribution, then who approved
// it, in which role and when. A draft says plainly that it is not approved.
func TestDocumentFrontMatter(t *testing.T) {
	src, _, _ := demoSource(t, true)
	format := src.Org.DateFormat.Format
	var approved, draft DocumentRecord
	for _, rec := range src.Documents {
		s := stateOf(rec)
		switch {
		case s.approved != nil && s.pending == nil && approved.Document.ID == 0 && !s.approved.EffectiveFrom.Equal(dayOf(s.approved.ApprovedAt)):
			approved = rec
		case s.approved == nil && s.pending != nil && s.pending.Status == data.DocDraft && draft.Document.ID == 0:
			draft = rec
		}
	}
	if approved.Document.ID == 0 || draft.Document.ID == 0 {
		t.Fatal("the demo has no approved document with a later effective date, or no draft")
	}
	v := *stateOf(approved).approved
	// an approved version from before effective dates were recorded
	old := approved
	old.Versions = append([]data.Version(nil), approved.Versions...)
	for i := range old.Versions {
		old.Versions[i].EffectiveFrom = time.Time{}
	}
	oldSrc := src
	oldSrc.Documents = []DocumentRecord{old}

	firstLine := strings.Split(approved.Document.Distribution, "\n")[0]
	tests := []struct {
		name    string
		src     Source
		number  string
		want    []string
		notWant []string
	}{
		{"approved", src, approved.Document.Number, []string{
			"Version " + v.Number() + " Status Approved",
			"Effective " + format(v.EffectiveFrom) + " Next review " + format(v.ReviewDue),
			"Owner Daniel Okafor Distribution " + firstLine,
			"Approved by Role Date",
			"Margaret Holloway Top management " + format(v.ApprovedAt),
		}, nil},
		{"approved before effective dates", oldSrc, approved.Document.Number, []string{
			"Effective " + format(v.ApprovedAt) + " Next review",
			"Approved by Role Date",
		}, nil},
		{"draft", src, draft.Document.Number, []string{
			"Status DRAFT",
			"Effective Not in effect",
			"Not approved.",
		}, []string{"Approved by Role Date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := buildDocument(t, tt.src, tt.number, false)
			if err != nil {
				t.Fatal(err)
			}
			text := flat(rawText(t, b, 4, 4)) // after the cover, the control page and the contents
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("the first page lacks %q:\n%s", want, text)
				}
			}
			for _, no := range tt.notWant {
				if strings.Contains(text, no) {
					t.Errorf("the first page holds %q", no)
				}
			}
		})
	}
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
