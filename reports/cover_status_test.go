package reports

import (
	"regexp"
	"strings"
	"testing"
)

// The cover tells its reader what the pack is: never "Generated", which
// says only how it was made.
func TestCoverStatus(t *testing.T) {
	src, _, _ := demoSource(t, true)
	approved, pending := demoDocuments(t, src)
	tests := []struct {
		name string
		pack string
		opts Options
		want string
	}{
		{"scope", "scope", Options{}, "For information"},
		{"gap", "gap", Options{}, "Working paper"},
		{"roadmap", "roadmap", Options{}, "Working paper"},
		{"manual", "manual", Options{}, "Approved documents"},
		{"manual with drafts", "manual", Options{IncludeDrafts: true}, "Includes DRAFT documents"},
		{"approved document", "document", Options{DocumentNumber: approved[0].Document.Number}, "Approved"},
		{"draft document", "document", Options{DocumentNumber: pending[0].Document.Number}, "DRAFT – not approved"},
		{"scope watermarked", "scope", Options{Draft: true}, "Draft"},
		{"manual watermarked", "manual", Options{Draft: true}, "Draft"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Now = fixedNow
			cover := rawText(t, buildPack(t, tt.pack, src, tt.opts), 1, 1)
			if strings.Contains(cover, "Generated") {
				t.Errorf("the cover says Generated: %s", cover)
			}
			if got, want := statusOnCover(cover), tt.want; got != want {
				t.Errorf("status on the cover = %q, want %q\n%s", got, want, cover)
			}
		})
	}
}

// statusOnCover is what follows "Status" on a cover, up to the next field.
func statusOnCover(cover string) string {
	_, after, ok := strings.Cut(cover, "Status ")
	if !ok {
		return ""
	}
	status, _, _ := strings.Cut(after, " Date ")
	return status
}

// looksApproved is a version number as an approved version shows it.
var looksApproved = regexp.MustCompile(`^\d+\.\d+`)

// A draft's name never reads as an approved number: not in the footer,
// the control table or on the cover of the document printed alone.
func TestDraftNamesInPrint(t *testing.T) {
	src, _, _ := demoSource(t, true)
	_, pending := demoDocuments(t, src)
	manual := rawText(t, buildPack(t, "manual", src, Options{Now: fixedNow, IncludeDrafts: true}), 0, 0)
	for _, rec := range pending {
		v := *stateOf(rec).pending
		name := v.Number()
		if looksApproved.MatchString(name) {
			t.Fatalf("%s: the draft is named %q", rec.Document.Number, name)
		}
		for _, want := range []string{
			rec.Document.Number + " " + rec.Document.Title + " " + name,       // control table
			rec.Document.Number + " · " + name + " Uncontrolled when printed", // footer
		} {
			if !strings.Contains(manual, want) {
				t.Errorf("the manual lacks %q", want)
			}
		}
		if bare := rec.Document.Number + " · Version " + v.ApprovalNumber(); strings.Contains(manual, bare) {
			t.Errorf("a footer of the draft reads %q", bare)
		}
	}
	rec := pending[0]
	b, err := buildDocument(t, src, rec.Document.Number, true)
	if err != nil {
		t.Fatal(err)
	}
	cover := rawText(t, b, 1, 1)
	if got, want := cover, "Version "+stateOf(rec).pending.Number()+" "; !strings.Contains(got, want) {
		t.Errorf("the cover of %s lacks %q:\n%s", rec.Document.Number, want, got)
	}
}
