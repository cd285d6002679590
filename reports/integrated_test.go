package reports

import (
	"bytes"
	"strings"
	"testing"

	"smsbuilder/data"
)

func TestManualIntegratedManagementAppendix(t *testing.T) {
	for _, tc := range []struct {
		name              string
		iso9001, iso27001 data.StandardStatus
		want, wantNot     []string
	}{
		{name: "neither standard", wantNot: []string{integratedTitle}},
		{
			name: "quality planned", iso9001: data.StandardPlanned,
			want:    []string{"ISO 9001:2015 (planned)", "7.5.3 7.5.3 One document control procedure", "10.1 10.2 One nonconformity"},
			wantNot: []string{"ISO/IEC 27001:2022", "8.7.3.1", "A.5.24"},
		},
		{
			name: "security certified, quality planned", iso9001: data.StandardPlanned, iso27001: data.StandardCertified,
			want: []string{"ISO 9001:2015 (planned) and ISO/IEC 27001:2022 (certified)", "8.7.3.1 \u2013 5.2, A.5.1", "Also serves"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, _, _ := demoSource(t, true)
			src.Org.ISO9001, src.Org.ISO27001 = tc.iso9001, tc.iso27001
			b := buildPack(t, "manual", src, Options{Now: fixedNow})
			_, pages := bookmarkTitles(t, readPDF(t, b))
			page, ok := pages[integratedTitle]
			if got, want := ok, len(tc.want) > 0; got != want {
				t.Fatalf("an %q bookmark = %v, want %v", integratedTitle, got, want)
			}
			text := ""
			if ok {
				text = flat(rawText(t, b, page, readPDF(t, b).PageCount))
			} else {
				text = flat(pdfText(t, b, 0))
			}
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the appendix lacks %q:\n%s", w, text)
				}
			}
			stamps, err := ReadStamps(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range Verify(stamps, src) {
				if !r.OK() {
					t.Errorf("%s does not verify: %s %q", r.Stamp.Number, r.Status, r.Message)
				}
			}
			intro := strings.Contains(flat(pdfText(t, b, 2)), "The last section, "+integratedTitle)
			if got, want := intro, len(tc.want) > 0; got != want {
				t.Errorf("the control page announces the appendix: %v, want %v", got, want)
			}
			for _, w := range tc.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("the manual prints %q", w)
				}
			}
		})
	}
}

// A printed copy stays genuine when the organisation later takes up or
// drops another standard: that changes the manual's appendix, not the
// documents, which is why their own pages do not say what else they serve.
func TestPrintedDocumentVerifiesAfterTheStandardsChange(t *testing.T) {
	src, _, _ := demoSource(t, true)
	src.Org.ISO9001 = data.StandardPlanned
	b := buildPack(t, "manual", src, Options{Now: fixedNow})
	src.Org.ISO9001 = data.StandardNotPursued
	for _, r := range verifyBytes(t, b, src) {
		if !r.OK() {
			t.Errorf("%s: %s %q, want OK", r.Stamp.Number, r.Status, r.Message)
		}
	}
}
