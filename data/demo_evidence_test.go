package data_test

import (
	"bytes"
	"context"
	"image/png"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// TestDemoEvidence checks the files a person finds attached in the demo:
// at least a dozen, on every kind of target, each one a file its viewer
// opens — the PDFs with a cross-reference table whose offsets land on
// their objects, the screenshots decodable PNGs.
func TestDemoEvidence(t *testing.T) {
	ctx := data.WithActor(context.Background(), "Demo")
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if err := data.SeedDemo(ctx, ws, loadEmbedded(t), assets.DemoLogo(), time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	links, err := ws.AllEvidence(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(links), 12; got < want {
		t.Errorf("got %d files attached, want at least %d", got, want)
	}
	kinds := map[string]bool{}
	for _, l := range links {
		kinds[l.Target.Kind] = true
		content, err := ws.EvidenceContent(ctx, l.File.SHA256)
		if err != nil {
			t.Fatalf("%s: %v", l.File.Name, err)
		}
		switch l.File.MediaType {
		case "application/pdf":
			checkPDF(t, l.File.Name, content)
		case "image/png":
			if _, err := png.Decode(bytes.NewReader(content)); err != nil {
				t.Errorf("%s: %v", l.File.Name, err)
			}
		}
	}
	for _, k := range data.EvidenceKinds() {
		if !kinds[k] {
			t.Errorf("no demo evidence attached to a %s", k)
		}
	}
}

var xrefEntry = regexp.MustCompile(`(?m)^(\d{10}) 00000 n $`)

func checkPDF(t *testing.T, name string, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Errorf("%s: not framed as a PDF", name)
		return
	}
	for i, m := range xrefEntry.FindAllSubmatch(b, -1) {
		off, _ := strconv.Atoi(string(m[1]))
		if want := strconv.Itoa(i+1) + " 0 obj"; off >= len(b) || !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("%s: cross-reference %d does not point at %q", name, i+1, want)
		}
	}
}
