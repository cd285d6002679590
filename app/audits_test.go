package app

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// personID is the ID of the demo person called name.
func demoPersonID(t *testing.T, u *UI, name string) string {
	t.Helper()
	people, err := u.ws.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return strconv.FormatInt(p.ID, 10)
		}
	}
	t.Fatalf("nobody called %s", name)
	return ""
}

// An audit led by the owner of a process in its scope is refused, with the
// reason beside the impartiality field, until that field says why the
// audit stays impartial.
func TestAnAuditOfTheLeadsOwnProcessNeedsAJustification(t *testing.T) {
	u := newRegisterUI(t)
	v := openRegister(t, u, data.AuditsRegister)
	r := data.NewRecord(v.reg)
	r.Set("title", "Incident management")
	r.Set("clauses", "8.6.1")
	r.Set("planned", "2026-05-04")
	r.Set("lead", demoPersonID(t, u, "Priya Raman"))
	openRecordForm(v.env, v.names, v.reg, r, v.saved)
	answerPrompt(t, u.win, "Save")
	if got := problem(t, u.win, "Impartiality"); !strings.Contains(got, "Priya Raman owns the Incident management process (8.6.1)") {
		t.Fatalf("beside Impartiality: %q; want the lead's own process named", got)
	}
	if got, want := u.win.Canvas().Focused(), fyne.Focusable(input[*textField](t, u.win, "Impartiality")); got != want {
		t.Errorf("after the refusal the cursor is in %T; want it in the refused field", got)
	}
	test.Type(input[*textField](t, u.win, "Impartiality"), "Oliver Grant audits the priorities Priya sets; Priya shows the records only.")
	answerPrompt(t, u.win, "Save")
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the justified audit was not saved:\n%s", topDialogText(u.win))
	}
	if v.total != 1 {
		t.Errorf("the register lists %d audits; want the one saved", v.total)
	}
}

// The programme names what no audit reaches, and plans an audit of it
// from there.
func TestTheProgrammePlansAnAuditForAnUncoveredClause(t *testing.T) {
	u := newRegisterUI(t)
	oliver := demoPersonID(t, u, "Oliver Grant")
	saveRecord(t, u.ws, data.AuditsRegister, "title", "Everything but improvement", "clauses", "4-9", "planned", "2026-04-01", "lead", oliver, "status", "planned")
	v := openRegister(t, u, data.AuditsRegister)
	showAuditProgramme(v.env, v.names, v.reg, v.reload)
	d := u.win.Canvas().Overlays().Top()
	if got := texts(d); !strings.Contains(got, "27 of 29 clauses and 22 of 22 processes covered") {
		t.Errorf("the programme's first tab says:\n%s", got)
	}
	walk(d, func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(3)
		}
	})
	got := texts(d)
	for _, want := range []string{"10.1 Nonconformity and corrective action: not in the scope of any audit"} {
		if !strings.Contains(got, want) {
			t.Errorf("the programme does not say %q:\n%s", want, got)
		}
	}
	tapInTopDialog(t, u.win, "Plan audit…") // the last gap's
	if got := input[*textField](t, u.win, "Clauses").Text; got != "10.2" {
		t.Fatalf("Plan audit… opened an audit of %q; want the gap's clause, 10.2", got)
	}
	answerPrompt(t, u.win, "Save")
	if got := texts(u.win.Canvas().Overlays().Top()); !strings.Contains(got, "10.1 Nonconformity and corrective action: not in the scope") || strings.Contains(got, "10.2 Continual improvement: not") {
		t.Errorf("after planning, the programme still shows 10.2 as a gap or lost 10.1:\n%s", got)
	}
}

// conductRows are the grade choosers of the checklist on top, in order.
func conductGrades(u *UI) []*widget.Select {
	var out []*widget.Select
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			out = append(out, s)
		}
	})
	return out
}

// An audit is conducted from its checklist; conducting it again edits
// the findings saved, and a minor finding raises a nonconformity.
func TestConductingAnAuditSavesFindingsOnceAndRaisesANonconformity(t *testing.T) {
	u := newRegisterUI(t)
	saveRecord(t, u.ws, data.AuditsRegister, "title", "Resolution", "clauses", "8.6.1, 8.6.2", "planned", "2026-04-01",
		"lead", demoPersonID(t, u, "Oliver Grant"), "status", "planned")
	v := openRegister(t, u, data.AuditsRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	audit, _ := v.current()
	showAuditConduct(v.env, v.names, v.reg, audit, v.reload)
	if got := topDialogText(u.win); !strings.Contains(got, "8.6.1 Incident management") || !strings.Contains(got, "8.6.2 Service request management") {
		t.Fatalf("the checklist shows:\n%s", got)
	}
	grades := conductGrades(u)
	if len(grades) != 2 {
		t.Fatalf("%d grade choosers; want one for each clause", len(grades))
	}
	grades[0].SetSelected("Minor nonconformity")
	grades[1].SetSelected("Conforming")
	answerPrompt(t, u.win, "Save findings")
	count := func() int {
		page, _ := u.ws.Records(context.Background(), data.RecordQuery{Register: data.FindingsRegister})
		return page.Total
	}
	if count() != 2 {
		t.Fatalf("%d findings saved; want 2", count())
	}
	if now, _ := u.ws.Record(context.Background(), audit.ID); now.Get("status") != "in_progress" {
		t.Errorf("the audit is %q after its findings were saved; want it in progress", now.Get("status"))
	}
	showAuditConduct(v.env, v.names, v.reg, audit, v.reload)
	grades = conductGrades(u)
	if grades[0].Selected != "Minor nonconformity" || grades[1].Selected != "Conforming" {
		t.Errorf("conducting again shows %q and %q; want the grades saved", grades[0].Selected, grades[1].Selected)
	}
	grades[1].SetSelected("Observation")
	var raise []*widget.Button
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Raise nonconformity…" && b.Visible() {
			raise = append(raise, b)
		}
	})
	if len(raise) != 1 {
		t.Fatalf("%d Raise nonconformity… buttons shown; want one, beside the minor finding", len(raise))
	}
	test.Tap(raise[0])
	if count() != 2 {
		t.Errorf("%d findings after conducting again; want still 2", count())
	}
	if got := input[*widget.Select](t, u.win, "Found by").Selected; got != "Internal audit" {
		t.Errorf("the nonconformity raised is found by %q; want Internal audit", got)
	}
	if got := input[*widget.Select](t, u.win, "Severity").Selected; got != "Minor" {
		t.Errorf("the nonconformity raised is %q; want Minor, as the finding", got)
	}
}

// The Packs screen prints the report of the audit chosen, and says so
// when none is.
func TestThePacksScreenPrintsTheReportOfTheAuditChosen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.smsdb")
	demoCopy(t, path)
	u := newTestUI(t, path)
	dismissDialogs(u.win)
	s := newPacksScreen(u.env())
	first := "AUD-1 Resolution, availability and service reporting"
	if !slices.Contains(s.audit.Options, first) {
		t.Fatalf("the audit chooser offers %v; want %q among them", s.audit.Options, first)
	}
	pack, _ := reports.FindPack(packAudit)
	s.onCreate(pack)
	if got := topDialogText(u.win); !strings.Contains(got, "Choose the audit whose report to print.") {
		t.Fatalf("printing with no audit chosen shows:\n%s", got)
	}
	dismissDialogs(u.win)
	s.audit.SetSelected(first)
	s.onCreate(pack)
	if name := findFileForm(t, u.win.Canvas().Overlays().Top()).Items[1].Widget.(*textField); !strings.Contains(name.Text, first) {
		t.Errorf("the pack is to be saved as %q; want the audit named", name.Text)
	}
}
