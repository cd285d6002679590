package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// TestImportStepsThroughColumnsWordsAndPreview: a person's own risk list
// goes through the column step, the confirmation of its words and the
// preview, which names the bad row by its line; importing skipping it
// saves the others.
func TestImportStepsThroughColumnsWordsAndPreview(t *testing.T) {
	path := filepath.Join(t.TempDir(), "import.smsdb")
	u := newTestUI(t, path)
	e := u.env()
	reg, _ := data.FindRegister("risks")
	buttons := registerFileActions(e, reg, nil)
	var labels []string
	for _, b := range buttons {
		labels = append(labels, b.(*widget.Button).Text)
	}
	if got, want := strings.Join(labels, " "), "Import… Export…"; got != want {
		t.Errorf("buttons %q, want %q", got, want)
	}
	in := filepath.Join(t.TempDir(), "our risks.csv")
	os.WriteFile(in, []byte("Risk;Kind;Likelihood;Impact;Colour\nFlood;Risk;High;Major;blue\nFire;Risk;Rare;Huge;red\nTheft;Opportunity;Low;Minor;\n"), 0o644)
	done := make(chan struct{}, 1)
	m := &registerImport{env: e, register: reg, path: in, refresh: func() { done <- struct{}{} }}
	if err := m.load(context.Background()); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	m.showColumns()
	for _, want := range []string{"our risks.csv: 3 rows.", "Colour", "blue"} {
		if !strings.Contains(overlayTexts(u.win), want) {
			t.Errorf("the column step lacks %q:\n%s", want, overlayTexts(u.win))
		}
	}
	tapInTopDialog(t, u.win, "Next")
	if got := overlayTexts(u.win); !strings.Contains(got, "High (1 row)") || !strings.Contains(got, "Low (1 row)") {
		t.Errorf("the words to confirm lack High and Low:\n%s", got)
	}
	tapInTopDialog(t, u.win, "Next")
	got := overlayTexts(u.win)
	for _, want := range []string{"3 rows: 2 new, 0 updated, 0 unchanged, 1 bad.", `Line 3: Impact: "Huge" is not one of`} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
	tapInTopDialog(t, u.win, "Import skipping bad rows")
	select {
	case <-done:
	case <-time.After(30 * time.Second): // a hang, not a measure of speed
		t.Fatal("the import never finished")
	}
	page, err := e.ws.Records(e.ctx(), data.RecordQuery{Register: "risks", Search: "Flood"})
	if err != nil || page.Total != 1 || page.Records[0].Get("likelihood") != "4" {
		t.Errorf("after the import: %+v, %v; want Flood, likelihood Likely", page, err)
	}
}

func TestExportWritesTheChosenFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.smsdb")
	u := newTestUI(t, path)
	e := u.env()
	reg, _ := data.FindRegister("services")
	exportRegister(e, reg)
	if got := overlayTexts(u.win); !strings.Contains(got, "Export Service catalogue") {
		t.Fatalf("no export dialog:\n%s", got)
	}
	tapInTopDialog(t, u.win, "Export")
	deadline := time.Now().Add(30 * time.Second) // a hang, not a measure of speed
	for !strings.Contains(overlayTexts(u.win), "records were saved to") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "Service catalogue - *.xlsx"))
	if len(matches) != 1 {
		t.Fatalf("files %v, want one workbook beside the workspace", matches)
	}
	if b, _ := os.ReadFile(matches[0]); !strings.HasPrefix(string(b), "PK") {
		t.Error("the export is no workbook")
	}
}

// Back on the preview returns to the column step with the person's own
// choices still made, and Next from there previews them again.
func TestImportPreviewGoesBackToTheColumnsAsChosen(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "back.smsdb"))
	e := u.env()
	reg, _ := data.FindRegister("risks")
	in := filepath.Join(t.TempDir(), "risks.csv")
	os.WriteFile(in, []byte("Risk,Kind,Likelihood,Impact,Colour,Notes\nFlood,Risk,Rare,Minor,blue,wet\n"), 0o644)
	m := &registerImport{env: e, register: reg, path: in}
	if err := m.load(context.Background()); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	choices := func() []string {
		var out []string
		walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if s, ok := o.(*widget.Select); ok {
				out = append(out, s.Selected)
			}
		})
		return out
	}
	m.showColumns()
	var selects []*widget.Select
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			selects = append(selects, s)
		}
	})
	if len(selects) != 6 {
		t.Fatalf("the column step has %d choices, want one per column: %q", len(selects), choices())
	}
	selects[4].SetSelected("New field: text")
	selects[5].SetSelected("Ignore")
	want := strings.Join(choices(), " | ")
	tapInTopDialog(t, u.win, "Next")
	if got := overlayTexts(u.win); !strings.Contains(got, "New fields: Colour") {
		t.Fatalf("the preview does not show the choices:\n%s", got)
	}
	tapInTopDialog(t, u.win, "Back")
	if got := strings.Join(choices(), " | "); got != want {
		t.Errorf("back on the column step: %s, want %s", got, want)
	}
	tapInTopDialog(t, u.win, "Next")
	if got := overlayTexts(u.win); !strings.Contains(got, "New fields: Colour") || !strings.Contains(got, "1 row: 1 new") {
		t.Errorf("Next after Back previews:\n%s", got)
	}
}
