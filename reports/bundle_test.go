package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"smsbuilder/data"
)

// TestWriteBundle opens the bundle as an auditor would: a README and an
// index first, each approved document as its own valid PDF, and every
// evidence file once, whatever it is attached to, without two files of
// the same name.
func TestWriteBundle(t *testing.T) {
	src, ws, _ := demoSource(t, true)
	ctx := data.WithActor(context.Background(), "Tester")
	links, err := ws.AllEvidence(ctx)
	if err != nil || len(links) == 0 {
		t.Fatalf("demo evidence: %v, %d files", err, len(links))
	}
	first := links[0]
	same, err := ws.EvidenceContent(ctx, first.File.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	// the same content attached elsewhere, and other content under its name
	if _, err := ws.AttachEvidence(ctx, data.ClauseEvidence("9.2"), "copy.bin", same, "", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AttachEvidence(ctx, data.ClauseEvidence("9.3"), first.File.Name, []byte("other content"), "", 0); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	summary, err := WriteBundle(ctx, src, ws, Options{Now: fixedNow}, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
		names = append(names, f.Name)
	}
	if got, want := names[:2], []string{bundleReadme, bundleIndexFile}; got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got first files %v, want %v", got, want)
	}
	if got, want := len(names), len(summary.Files)+2; got != want {
		t.Errorf("got %d files in the zip, want %d", got, want)
	}
	docs := 0
	for name, b := range files {
		if strings.HasSuffix(name, ".pdf") && !strings.HasPrefix(name, bundleEvidenceFolder) {
			readPDF(t, b)
		}
		if strings.HasPrefix(name, bundleDocsFolder+"/") {
			docs++
		}
	}
	if got, want := docs, len(approvedDocuments(src.Documents)); got != want || want == 0 {
		t.Errorf("got %d documents, want one for each of the %d approved", got, want)
	}
	copies := 0
	for name, b := range files {
		if strings.HasPrefix(name, bundleEvidenceFolder+"/") && bytes.Equal(b, same) {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("got %d copies of a file attached twice, want 1", copies)
	}
	ext := strings.LastIndex(first.File.Name, ".")
	renamed := bundleEvidenceFolder + "/" + first.File.Name[:ext] + " (2)" + first.File.Name[ext:]
	if got, want := string(files[renamed]), "other content"; got != want {
		t.Errorf("%s: got %q, want %q", renamed, got, want)
	}
	readme := string(files[bundleReadme])
	for _, want := range []string{"Northwind Managed IT Ltd", bundleIndexFile, "Evidence for Clause 9.2", "\r\n"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README does not say %q", want)
		}
	}
	index := pdfText(t, files[bundleIndexFile], 0)
	for _, want := range []string{"Approved documents", "Evidence files", "SMS-DOC-02", "Clause 9.3"} {
		if !strings.Contains(index, want) {
			t.Errorf("index does not list %q", want)
		}
	}
}

func TestSafeFileName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"report.pdf", "report.pdf"},
		{`a<b>c:"d"|e?f*.txt`, "a_b_c__d__e_f_.txt"},
		{"CON.txt", "_CON.txt"},
		{"com1", "_com1"},
		{"notes. ", "notes"},
		{"line\nbreak.csv", "linebreak.csv"},
		{"", "file"},
		{strings.Repeat("x", 200) + ".pdf", strings.Repeat("x", 116) + ".pdf"},
	} {
		if got := safeFileName(tc.in); got != tc.want {
			t.Errorf("safeFileName(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
