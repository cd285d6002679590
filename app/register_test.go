package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// openRegister shows the register key on its group's screen.
func openRegister(t testing.TB, u *UI, key string) *registerView {
	t.Helper()
	reg, ok := data.FindRegister(key)
	if !ok {
		t.Fatalf("no register %s", key)
	}
	u.show(registerScreenPrefix + reg.Group)
	s, ok := u.screen.(*registerScreen)
	if !ok {
		t.Fatalf("screen is %T, want the register screen", u.screen)
	}
	v := s.showRegister(key)
	if v == nil {
		t.Fatalf("the %s screen has no tab for %s", reg.Group, key)
	}
	v.delay = 0 // searches at once, as after the pause in typing
	return v
}

// newRegisterUI is a plain workspace, with the demo people, shown at the
// smallest supported size.
func newRegisterUI(t *testing.T) *UI {
	t.Helper()
	u, _ := newPlainUI(t)
	u.win.Resize(fyne.NewSize(1024, 700))
	return u
}

func saveRecord(t testing.TB, ws data.Workspace, register string, kv ...string) data.Record {
	t.Helper()
	r := data.Record{Register: register, Values: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Set(kv[i], kv[i+1])
	}
	saved, err := ws.SaveRecord(data.WithActor(context.Background(), "Test Person"), r)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// column is the table's column showing field key.
func column(t testing.TB, v *registerView, key string) int {
	t.Helper()
	for i, f := range v.cols {
		if f.Key == key {
			return i + 1
		}
	}
	t.Fatalf("%s has no column %s", v.reg.Key, key)
	return 0
}

func columnTexts(v *registerView, col int) string {
	var out []string
	for row := 0; row < v.total; row++ {
		out = append(out, v.cell(row, col))
	}
	return strings.Join(out, "; ")
}

// formItem is the item labelled label, required or not, of the form in
// the dialog on top.
func formItem(t *testing.T, w fyne.Window, label string) *widget.FormItem {
	t.Helper()
	var found *widget.FormItem
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok {
			for _, item := range f.Items {
				if strings.TrimSuffix(item.Text, " *") == label {
					found = item
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("the dialog on top has no field %q:\n%s", label, topDialogText(w))
	}
	return found
}

// input is the widget of the field labelled label in the dialog on top.
func input[W fyne.CanvasObject](t *testing.T, w fyne.Window, label string) W {
	t.Helper()
	o := formItem(t, w, label).Widget
	if c, ok := o.(*fyne.Container); ok { // the field and its problem line
		o = c.Objects[0]
	}
	in, ok := o.(W)
	if !ok {
		t.Fatalf("the field %q is a %T", label, o)
	}
	return in
}

// problem is what the form in the dialog on top says beside the field
// labelled label, or "".
func problem(t *testing.T, w fyne.Window, label string) string {
	t.Helper()
	c, ok := formItem(t, w, label).Widget.(*fyne.Container)
	if !ok || len(c.Objects) < 2 || !c.Objects[1].Visible() {
		return ""
	}
	return c.Objects[1].(*widget.Label).Text
}

func TestAnEmptyRegisterSaysWhatItIsForAndAddsTheFirstRecord(t *testing.T) {
	u := newRegisterUI(t)
	v := openRegister(t, u, "services")
	if got := texts(v.body); !strings.Contains(got, v.reg.Help) || !strings.Contains(got, "No services yet.") {
		t.Errorf("the empty register shows %q, want it to say what it is for", got)
	}
	var add *widget.Button
	walk(v.body, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Add service…" {
			add = b
		}
	})
	if add == nil {
		t.Fatal("the empty register offers no Add service… button")
	}
	test.Tap(add)
	test.Type(input[*textField](t, u.win, "Service"), "Managed desktop")
	input[*widget.Select](t, u.win, "Status").SetSelected("Live")
	input[*widget.Select](t, u.win, "Owner").SetSelected("Priya Raman")
	tapInTopDialog(t, u.win, "Save")

	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the form is still open:\n%s", topDialogText(u.win))
	}
	if got, want := columnTexts(v, column(t, v, "title"))+" | "+columnTexts(v, column(t, v, "owner"))+" | "+v.cell(0, 0), "Managed desktop | Priya Raman | SVC-1"; got != want {
		t.Errorf("the table shows %q, want %q", got, want)
	}
	if got, want := v.count.Text, "1 service"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
}

// texts is every label's text in o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func customers(t *testing.T, u *UI) *registerView {
	t.Helper()
	for _, c := range []string{"Northwind Traders", "Contoso Legal", "Fabrikam Dental"} {
		saveRecord(t, u.ws, "customers", "title", c, "kind", "external")
	}
	saveRecord(t, u.ws, "customers", "title", "Finance team", "kind", "internal")
	return openRegister(t, u, "customers")
}

func TestClickingAHeaderSortsAndClickingAgainTurnsTheOrderRound(t *testing.T) {
	u := newRegisterUI(t)
	v := customers(t, u)
	title := column(t, v, "title")
	tapHeader := func(text string) {
		t.Helper()
		var found *widget.Button
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				found = b
			}
		})
		if found == nil {
			t.Fatalf("no header %q", text)
		}
		test.Tap(found)
	}
	tests := []struct {
		tap, want string
	}{
		{"Ref.", "Northwind Traders; Contoso Legal; Fabrikam Dental; Finance team"},
		{"Ref. ▲", "Finance team; Fabrikam Dental; Contoso Legal; Northwind Traders"},
		{"Customer", "Contoso Legal; Fabrikam Dental; Finance team; Northwind Traders"},
		{"Customer ▲", "Northwind Traders; Finance team; Fabrikam Dental; Contoso Legal"},
	}
	for _, tt := range tests {
		tapHeader(tt.tap)
		if got := columnTexts(v, title); got != tt.want {
			t.Errorf("after tapping %q: %s, want %s", tt.tap, got, tt.want)
		}
	}
}

func TestSearchAndFiltersNarrowTheListAndCountIt(t *testing.T) {
	u := newRegisterUI(t)
	v := customers(t, u)
	pressShortcut(u.win.Canvas(), ctrl(fyne.KeyF))
	if got := u.win.Canvas().Focused(); got != v.search {
		t.Errorf("Ctrl+F focuses %T, want the search box", got)
	}
	test.Type(v.search, "dental")
	if got, want := columnTexts(v, column(t, v, "title"))+" | "+v.count.Text, "Fabrikam Dental | 1 of 4 customers"; got != want {
		t.Errorf("after searching: %q, want %q", got, want)
	}
	v.search.SetText("")
	for _, f := range v.filters {
		if f.field.Key == "kind" {
			f.choose.SetSelected("Internal")
		}
	}
	if got, want := columnTexts(v, column(t, v, "title"))+" | "+v.count.Text, "Finance team | 1 of 4 customers"; got != want {
		t.Errorf("after filtering: %q, want %q", got, want)
	}
	test.Type(v.search, "nobody")
	if got := texts(v.body); !strings.Contains(got, "No customers match") {
		t.Errorf("nothing matching shows %q", got)
	}
}

func TestARefusedSaveShowsTheReasonBesideTheField(t *testing.T) {
	u := newRegisterUI(t)
	v := openRegister(t, u, "risks")
	v.onAdd()
	// the title left out; the kind starts as a risk
	input[*widget.Select](t, u.win, "Likelihood").SetSelected("Likely")
	input[*widget.Select](t, u.win, "Impact").SetSelected("Major")
	if got, want := input[*widget.Label](t, u.win, "Score").Text, "16"; got != want {
		t.Errorf("the score shows %q before saving, want %q", got, want)
	}
	tapInTopDialog(t, u.win, "Save")
	if got, want := problem(t, u.win, "Risk or opportunity"), "Risk or opportunity is required."; got != want {
		t.Errorf("beside the title: %q, want %q", got, want)
	}
	if got := problem(t, u.win, "Impact"); got != "" {
		t.Errorf("beside Impact: %q, want nothing", got)
	}
	if v.total != 0 {
		t.Errorf("the refused risk is listed")
	}
}

func TestARefusedDeleteNamesTheRecordsLinkedAndTheFormOpensThem(t *testing.T) {
	u := newRegisterUI(t)
	c := saveRecord(t, u.ws, "customers", "title", "Northwind Traders", "kind", "external")
	saveRecord(t, u.ws, "services", "title", "Managed desktop", "status", "live", "customers", fmt.Sprint(c.ID))
	v := openRegister(t, u, "customers")
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got, want := v.detail.Text, "Linked from: SVC-1 Managed desktop (Customers)"; !strings.Contains(got, want) {
		t.Errorf("the detail line = %q, want it to contain %q", got, want)
	}
	v.onDelete()
	tapInTopDialog(t, u.win, "Yes")
	if got := topDialogText(u.win); !strings.Contains(got, "SVC-1 Managed desktop") {
		t.Errorf("the refusal says %q, want it to name SVC-1", got)
	}
	dismissDialogs(u.win)
	if v.total != 1 {
		t.Errorf("the customer is gone")
	}

	v.onEdit()
	tapInTopDialog(t, u.win, "SVC-1 Managed desktop (Customers)")
	if got := input[*textField](t, u.win, "Service").Text; got != "Managed desktop" {
		t.Errorf("the link opened a form showing %q, want the service's", got)
	}
}

func TestTheLinkPickerTicksRecordsOfTheTargetRegister(t *testing.T) {
	u := newRegisterUI(t)
	for _, c := range []string{"Northwind Traders", "Contoso Legal"} {
		saveRecord(t, u.ws, "customers", "title", c, "kind", "external")
	}
	v := openRegister(t, u, "services")
	v.onAdd()
	p := input[*linkPicker](t, u.win, "Customers")
	p.onChoose()
	var checks []*widget.Check
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text != "" {
			checks = append(checks, c)
		}
	})
	if len(checks) != 2 {
		t.Fatalf("the picker lists %d customers, want 2", len(checks))
	}
	checks[1].SetChecked(true)
	checks[0].SetChecked(true)
	tapInTopDialog(t, u.win, "OK")
	if got, want := p.shown.Text, "CUS-1 Northwind Traders\nCUS-2 Contoso Legal"; got != want {
		t.Errorf("the picker shows %q, want %q", got, want)
	}
	if forms := openDialogForms(u.win); len(forms) != 1 || forms[0].unsaved() == "" {
		t.Error("the form with links ticked counts as unchanged")
	}
}

func TestAddingAFieldAddsAColumnAndAFormField(t *testing.T) {
	u := newRegisterUI(t)
	v := customers(t, u)
	v.onAddField()
	var name *textField
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*textField); ok && name == nil {
			name = f
		}
	})
	test.Type(name, "Cost centre")
	tapInTopDialog(t, u.win, "Add field")
	v = u.screen.(*registerScreen).current()
	col := column(t, v, "x_cost_centre")
	if got := v.columnTitle(col); got != "Cost centre" {
		t.Errorf("the new column is headed %q", got)
	}
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	test.Type(input[*textField](t, u.win, "Cost centre"), "CC-12")
	tapInTopDialog(t, u.win, "Save")
	if got := v.cell(0, col); got != "CC-12" {
		t.Errorf("the new column shows %q after saving, want CC-12", got)
	}
}

// benchRegisterUI is a window on a workspace with n risks.
func benchRegisterUI(b *testing.B, n int) *UI {
	path := filepath.Join(b.TempDir(), "bench.smsdb")
	ws, err := sqlite.New().Create(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	if err := data.SeedDemoOrganisation(context.Background(), ws, nil); err != nil {
		b.Fatal(err)
	}
	risks, _ := data.FindRegister("risks")
	rs := make([]data.Record, n)
	for i := range rs {
		r := data.NewRecord(risks)
		r.Set("title", fmt.Sprintf("Risk number %05d of the benchmark", (i*7919)%n))
		r.Set("kind", []string{"risk", "opportunity"}[i%2])
		r.Set("likelihood", fmt.Sprint(1+i%5))
		r.Set("impact", fmt.Sprint(1+(i/5)%5))
		r.Set("actions", "Review the backups every week and test a restore every month.")
		r.Set("review_date", fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28))
		rs[i] = r
	}
	if _, err := ws.SaveRecords(context.Background(), "risks", rs); err != nil {
		b.Fatal(err)
	}
	ws.Close()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	a.Preferences().SetString(prefActor, "Daniel Okafor")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: cat, Now: fixedNow})
	u.Start(path)
	b.Cleanup(u.closeWorkspace)
	dismissDialogs(u.win)
	u.win.Resize(fyne.NewSize(1024, 700))
	return u
}

// BenchmarkOpenRegisterScreen: the screen of 10,000 risks, table drawn.
func BenchmarkOpenRegisterScreen(b *testing.B) {
	u := benchRegisterUI(b, 10000)
	for b.Loop() {
		v := openRegister(b, u, "risks")
		u.win.Canvas().Refresh(u.win.Content())
		if v.total != 10000 {
			b.Fatalf("%d risks listed", v.total)
		}
	}
}

// A long register is read from storage a page at a time as the table
// scrolls, and never held whole.
func TestALongRegisterIsReadPageByPage(t *testing.T) {
	u := newRegisterUI(t)
	n := 3*registerPageSize + 17
	rs := make([]data.Record, n)
	for i := range rs {
		rs[i] = data.Record{Register: "customers", Values: map[string]string{"title": fmt.Sprintf("Customer %04d", i+1), "kind": "external"}}
	}
	if _, err := u.ws.SaveRecords(u.ctx(), "customers", rs); err != nil {
		t.Fatal(err)
	}
	v := openRegister(t, u, "customers")
	title := column(t, v, "title")
	for _, row := range []int{0, registerPageSize + 1, n - 1, 5} {
		if got, want := v.cell(row, title), fmt.Sprintf("Customer %04d", row+1); got != want {
			t.Errorf("row %d shows %q, want %q", row, got, want)
		}
	}
	for row := 0; row < n; row++ {
		v.cell(row, title)
	}
	held := 0
	for _, p := range v.pages {
		held += len(p)
	}
	if held > registerPagesKept*registerPageSize {
		t.Errorf("%d records held after scrolling through %d", held, n)
	}
}

func TestClosingTheWindowOverARecordFormAsksAndSaveKeepsTheRecord(t *testing.T) {
	u, path := newPlainUI(t)
	v := openRegister(t, u, "services")
	v.onAdd()
	test.Type(input[*textField](t, u.win, "Service"), "Cloud Hosting")
	input[*widget.Select](t, u.win, "Status").SetSelected("Pipeline")
	u.requestClose()
	if got, want := topDialogText(u.win), "The form “Add service” has changes that are not saved."; !strings.Contains(got, want) {
		t.Fatalf("closing over a filled form shows %q, want %q", got, want)
	}
	answerPrompt(t, u.win, "Save")
	if u.ws != nil {
		t.Fatal("Save did not close the window")
	}
	page, err := reopen(t, path).Records(context.Background(), data.RecordQuery{Register: "services"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Records) != 1 || page.Records[0].Get("title") != "Cloud Hosting" || page.Records[0].Get("status") != "pipeline" {
		t.Errorf("stored services: %+v", page.Records)
	}
}

func TestANumberThatIsNotOneIsRefusedBesideItsField(t *testing.T) {
	u := newRegisterUI(t)
	reg, _ := data.FindRegister("customers")
	f, err := data.NewCustomField(reg, "Seats", data.FieldNumber, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.ws.AddField(u.ctx(), "customers", f); err != nil {
		t.Fatal(err)
	}
	v := openRegister(t, u, "customers")
	v.onAdd()
	test.Type(input[*textField](t, u.win, "Customer"), "Contoso Legal")
	input[*widget.Select](t, u.win, "Kind").SetSelected("External")
	test.Type(input[*textField](t, u.win, "Seats"), "twelve")
	tapInTopDialog(t, u.win, "Save")
	if got, want := problem(t, u.win, "Seats"), `"twelve" is not a number.`; got != want {
		t.Errorf("beside Seats: %q, want %q", got, want)
	}
	input[*textField](t, u.win, "Seats").SetText("12,5")
	tapInTopDialog(t, u.win, "Save")
	if got := v.cell(0, column(t, v, f.Key)); got != "12.5" {
		t.Errorf("the table shows %q seats, want 12.5", got)
	}
}

func TestARegisterCanBeFoundAndPrintedFromTheMenu(t *testing.T) {
	u := newRegisterUI(t)
	openRegister(t, u, "suppliers")
	if u.commands.find.Disabled || u.commands.print.Disabled {
		t.Errorf("on a register, Find is disabled %v and Print %v, want both offered", u.commands.find.Disabled, u.commands.print.Disabled)
	}
}

// Every register, whatever its declaration, has its tab, a column for
// each field and derived value, and a form with each field, but for the
// hidden fields its own dialog fills.
func TestEveryRegisterHasItsTableAndForm(t *testing.T) {
	u := newRegisterUI(t)
	for _, reg := range data.Registers() {
		t.Run(reg.Key, func(t *testing.T) {
			v := openRegister(t, u, reg.Key)
			for _, f := range reg.ShownColumns() {
				if got := v.columnTitle(column(t, v, f.Key)); got != f.Label {
					t.Errorf("the column of %s is headed %q, want %q", f.Key, got, f.Label)
				}
			}
			v.onAdd()
			for _, f := range reg.ShownColumns() {
				formItem(t, u.win, f.Label)
			}
			if got := u.win.Content().MinSize(); got.Width > 1024 || got.Height > 700 {
				t.Errorf("the register needs %v, more than a 1024×700 window", got)
			}
			dismissDialogs(u.win)
		})
	}
}

// A reference of five digits fits its column whole, at the smallest
// window and on a wide screen alike.
func TestTheReferenceColumnFitsFiveDigits(t *testing.T) {
	u := newRegisterUI(t)
	if _, err := u.ws.SaveRecords(u.ctx(), "customers", []data.Record{{Register: "customers", Values: map[string]string{"title": "Contoso Legal", "kind": "external"}}}); err != nil {
		t.Fatal(err)
	}
	openRegister(t, u, "customers")
	want := widget.NewLabel("CUS-99999").MinSize().Width
	for _, size := range []fyne.Size{fyne.NewSize(1024, 700), fyne.NewSize(1920, 1080)} {
		u.win.Resize(size)
		u.win.Canvas().Refresh(u.win.Content())
		var cell *widget.Label
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == "CUS-1" && l.Visible() {
				cell = l
			}
		})
		if cell == nil {
			t.Fatalf("at %v no cell shows CUS-1", size)
		}
		if got := cell.Size().Width; got < want {
			t.Errorf("at %v the Ref. column is %v wide, CUS-99999 needs %v", size, got, want)
		}
	}
}

// Linked records are named on every page of a long register, the first
// and the ones scrolled to.
func TestALongRegisterNamesTheRecordsItLinksToOnEveryPage(t *testing.T) {
	u := newRegisterUI(t)
	n := registerPageSize + 30
	cs := make([]data.Record, n)
	for i := range cs {
		cs[i] = data.Record{Register: "customers", Values: map[string]string{"title": fmt.Sprintf("Customer %03d", i+1), "kind": "external"}}
	}
	if _, err := u.ws.SaveRecords(u.ctx(), "customers", cs); err != nil {
		t.Fatal(err)
	}
	refs, err := u.ws.RecordRefs(u.ctx(), "customers")
	if err != nil {
		t.Fatal(err)
	}
	ss := make([]data.Record, n)
	for i, c := range refs {
		ss[i] = data.Record{Register: "services", Values: map[string]string{"title": fmt.Sprintf("Service %03d", i+1), "status": "live", "customers": fmt.Sprint(c.ID)}}
	}
	if _, err := u.ws.SaveRecords(u.ctx(), "services", ss); err != nil {
		t.Fatal(err)
	}
	v := openRegister(t, u, "services")
	v.onSort(column(t, v, "title"))
	col := column(t, v, "customers")
	for _, row := range []int{0, n - 1, 1} {
		if got, want := v.cell(row, col), fmt.Sprintf("CUS-%d Customer %03d", row+1, row+1); got != want {
			t.Errorf("row %d names its customer %q, want %q", row, got, want)
		}
	}
}
