package data

import (
	"context"
	"strings"
	"testing"
)

func mustRegister(t *testing.T, key string) Register {
	t.Helper()
	r, ok := FindRegister(key)
	if !ok {
		t.Fatalf("no register %q", key)
	}
	return r
}

// table builds a table from a header and rows of text, lines from 2.
func table(header []string, rows ...[]string) Table {
	var t Table
	for _, h := range header {
		t.Columns = append(t.Columns, Column{Header: h})
	}
	for i, r := range rows {
		row := Row{Line: i + 2}
		for _, v := range r {
			row.Cells = append(row.Cells, TextCell(v))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestMatchHeader(t *testing.T) {
	tests := []struct {
		register, header string
		want, how        string // want "" for no match
	}{
		{"risks", "Risk or opportunity", "title", "label"},
		{"risks", "RISK OR OPPORTUNITY", "title", "label"},
		{"risks", "risk-or-opportunity", "title", "label"},
		{"risks", "Review date", "review_date", "label"},
		{"risks", "review_date", "review_date", "label"},
		{"risks", "ReviewDate", "review_date", "label"},
		{"risks", "Next review", "review_date", "synonym"},
		{"risks", "Risk owner", "owner", "synonym"},
		{"risks", "Likelihood", "likelihood", "label"},
		{"risks", "Risk description", "title", "synonym"},
		{"risks", "Score", "score", "label"},
		{"risks", "Colour", "", ""},
		{"suppliers", "Vendor", "title", "synonym"},
		{"suppliers", "Contract Reference", "contract", "label"},
		{"suppliers", "Expiry", "end", "synonym"},
		{"services", "Description", "description", "label"},
		{"services", "Service name", "title", "synonym"},
		{"services", "  ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.register+"/"+tt.header, func(t *testing.T) {
			f, how, ok := mustRegister(t, tt.register).MatchHeader(tt.header)
			got := ""
			if ok {
				got = f.Key
			}
			if got != tt.want || how != tt.how {
				t.Errorf("MatchHeader(%q) = %q by %q, want %q by %q", tt.header, got, how, tt.want, tt.how)
			}
		})
	}
}

func riskSnapshot(t *testing.T) RegisterSnapshot {
	reg := mustRegister(t, "risks")
	services := mustRegister(t, "services")
	existing := NewRecord(reg)
	existing.ID, existing.Number, existing.Revision = 40, 3, 2
	for k, v := range map[string]string{"title": "Backups fail", "kind": "risk", "likelihood": "2", "impact": "4", "owner": "7", "services": "11"} {
		existing.Set(k, v)
	}
	reg.Derive(&existing)
	return RegisterSnapshot{
		Register: reg, Registers: Registers(), Records: []Record{existing},
		People: []Person{{ID: 7, Name: "Priya Shah", Email: "priya@northwind.example"}, {ID: 8, Name: "Sam Lee"}, {ID: 9, Name: "Sam Lee"}},
		Refs: map[string][]RecordRef{"services": {
			{ID: 11, Register: "services", Reference: services.Reference(1), Title: "Cloud Hosting"},
			{ID: 12, Register: "services", Reference: services.Reference(2), Title: "Backup and Recovery"},
		}},
		Dates: "02/01/2006",
	}
}

func TestPlanImportColumnsAndValues(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"ID", "Risk", "Chance", "Impact", "Risk owner", "Services", "Next review", "Score", "Colour", "Kind"},
		[]string{"RSK-3", "Backups fail", "Low", "Major", "Priya Shah", "SVC-1 Cloud Hosting", "", "8", "red", "Risk"},
		[]string{"", "Laptop stolen", "likely", "Minor", "PRIYA@northwind.example", "Cloud Hosting; SVC-2", "31/03/2027", "", "", "threat"},
	)
	p, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"chance": "likelihood"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range p.Columns {
		target := "-"
		switch c.Role {
		case ColumnField:
			target = c.Field.Key
		case ColumnReference:
			target = "reference"
		}
		got = append(got, c.Header+"="+target)
	}
	want := "ID=reference Risk=title Chance=likelihood Impact=impact Risk owner=owner Services=services Next review=review_date Score=- Colour=- Kind=kind"
	if strings.Join(got, " ") != want {
		t.Errorf("columns:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var values []string
	for _, v := range p.Values {
		values = append(values, v.Value+"→"+v.Choice.Label+map[bool]string{true: "", false: "?"}[v.Exact])
	}
	if got, want := strings.Join(values, " "), "Low→Unlikely? likely→Likely Major→Major Minor→Minor Risk→Risk threat→Risk?"; got != want {
		t.Errorf("values: got %s, want %s", got, want)
	}
	if bad := p.BadRows(); len(bad) != 0 {
		t.Fatalf("bad rows: %+v", bad)
	}
	first, second := p.Rows[0], p.Rows[1]
	if first.Action != ImportUnchanged || first.Record.ID != 40 || first.Record.Revision != 2 {
		t.Errorf("RSK-3 as it is: action %v, ID %d, revision %d; want unchanged, 40, 2", first.Action, first.Record.ID, first.Record.Revision)
	}
	if second.Action != ImportCreate || second.Record.ID != 0 {
		t.Errorf("a row without reference: action %v, ID %d; want a new record", second.Action, second.Record.ID)
	}
	for k, want := range map[string]string{"likelihood": "4", "impact": "2", "owner": "7", "services": "11,12", "review_date": "2027-03-31"} {
		if got := second.Record.Get(k); got != want {
			t.Errorf("new record %s = %q, want %q", k, got, want)
		}
	}
	if sum := p.Count(); sum.Created != 1 || sum.Unchanged != 1 || sum.Updated != 0 {
		t.Errorf("count %+v, want 1 created, 1 unchanged", sum)
	}
}

func TestPlanImportBadRows(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"Reference", "Risk or opportunity", "Kind", "Likelihood", "Impact", "Owner", "Services affected", "Review date"},
		[]string{"RSK-3", "Backups fail", "Risk", "2", "4", "Priya Shah", "", ""},
		[]string{"", "", "", "", "", "", "", ""},
		[]string{"", "No title here", "Risk", "Huge", "4", "", "", ""},
		[]string{"RSK-3", "Twice", "Risk", "2", "4", "", "", ""},
		[]string{"", "Unknown owner", "Risk", "2", "4", "Nobody", "", ""},
		[]string{"", "Two Sams", "Risk", "2", "4", "sam lee", "", ""},
		[]string{"", "Bad date", "Risk", "2", "4", "", "", "next year"},
		[]string{"", "Bad link", "Risk", "2", "4", "", "Email", ""},
		[]string{"", "", "Risk", "2", "4", "", "", ""},
	)
	p, err := PlanImport(s, tab, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, r := range p.BadRows() {
		got[r.Line] = strings.Join(r.Problems, " | ")
	}
	want := map[int]string{
		4:  `Likelihood: "Huge" is not one of: Rare, Unlikely, Possible, Likely, Almost certain.`,
		5:  "RSK-3 is also on line 2.",
		6:  `Owner: nobody called "Nobody" works in the SMS: add them under People first.`,
		7:  `Owner: 2 people are called "sam lee": write their e-mail address instead.`,
		8:  `Review date: "next year" is not a date: write it as 2026-03-31 or 31/03/2026.`,
		9:  `Services affected: no service "Email": write its reference, such as SVC-1, or its name.`,
		10: "Risk or opportunity is required.",
	}
	for line, w := range want {
		if got[line] != w {
			t.Errorf("line %d: got %q\nwant %q", line, got[line], w)
		}
	}
	for line := range got {
		if _, ok := want[line]; !ok {
			t.Errorf("line %d is bad, want good: %s", line, got[line])
		}
	}
	if _, err := ApplyImport(context.Background(), nil, p, false); err == nil || !strings.Contains(ErrorMessage(err), "7 rows cannot be imported, so nothing was") {
		t.Errorf("apply with bad rows: %v, want a refusal that writes nothing", err)
	}
}

func TestPlanImportOwnNumberingIsNoReference(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"ID", "Risk"}, []string{"3", "Their own risk three"})
	p, err := PlanImport(s, tab, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Columns[0].Role != ColumnIgnored {
		t.Errorf("an ID column of plain numbers is %v, want ignored: it would overwrite RSK-3", p.Columns[0].Role)
	}
	if r := p.Rows[0]; r.Action != ImportCreate {
		t.Errorf("row of their own numbering: action %v, want create", r.Action)
	}
}

func TestPlanImportNewFields(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"Risk", "Kind", "Likelihood", "Impact", "Department", "Budget"},
		[]string{"Flood", "Risk", "1", "5", "Facilities", "12,5"},
		[]string{"Fire", "Risk", "1", "5", "IT", "3"})
	p, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"Department": "new:choice", "Budget": "new:number"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.NewFields) != 2 || p.NewFields[0].Key != "x_department" || len(p.NewFields[0].Choices) != 2 || p.NewFields[1].Type != FieldNumber {
		t.Fatalf("new fields %+v, want a choice of Facilities and IT and a number", p.NewFields)
	}
	if got := p.Rows[0].Record.Get("x_budget"); got != "12.5" {
		t.Errorf("budget = %q, want 12.5", got)
	}
	if got := p.Rows[1].Record.Get("x_department"); got != "IT" {
		t.Errorf("department = %q, want IT", got)
	}
	if _, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"Department": "colour"}}); err == nil {
		t.Error("a column mapped to no field was accepted")
	}
	if _, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"Impact": "new"}}); err == nil {
		t.Error("a new field named like an existing one was accepted")
	}
}

func TestPlanImportCellValues(t *testing.T) {
	s := riskSnapshot(t)
	tests := []struct {
		header, cell, field, want string
	}{
		{"Review date", "2027-03-31", "review_date", "2027-03-31"},
		{"Review date", "31/03/2027", "review_date", "2027-03-31"},
		{"Review date", "46477", "review_date", "2027-03-31"},
		{"Review date", "2027-03-31 00:00", "review_date", "2027-03-31"},
		{"Services affected", "SVC-1, SVC-2", "services", "11,12"},
		{"Services affected", "backup and recovery", "services", "12"},
		{"Services affected", "SVC-9 Cloud Hosting", "services", "11"},
		{"Owner", " priya shah ", "owner", "7"},
		{"Impact", "5", "impact", "5"},
		{"Impact", "severe", "impact", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.header+"/"+tt.cell, func(t *testing.T) {
			tab := table([]string{"Risk", "Kind", "Likelihood", "Impact", tt.header}, []string{"Fire", "Risk", "1", "1", tt.cell})
			if tt.header == "Impact" {
				tab = table([]string{"Risk", "Kind", "Likelihood", "Impact"}, []string{"Fire", "Risk", "1", tt.cell})
			}
			p, err := PlanImport(s, tab, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			r := p.Rows[0]
			if got := r.Record.Get(tt.field); got != tt.want || r.Bad() {
				t.Errorf("%s = %q (problems %v), want %q", tt.field, got, r.Problems, tt.want)
			}
		})
	}
}

// TestPlanImportDefaults: a risk register kept without a Kind column
// imports its rows as risks, the field's default, as the form starts.
func TestPlanImportDefaults(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"Risk description", "Probability", "Severity"},
		[]string{"Laptop stolen from a car", "Possible", "Major"},
		[]string{"Supplier goes bust", "Unlikely", "Severe"})
	p, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"probability": "likelihood", "severity": "impact"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Rows {
		if r.Bad() || r.Record.Get("kind") != "risk" {
			t.Errorf("line %d: kind %q, problems %v; want a risk", r.Line, r.Record.Get("kind"), r.Problems)
		}
	}
}

// TestPlanImportMapWins: a column named in the options fills its field
// even when another column matches it by name, and a name not in the
// file is refused rather than ignored.
func TestPlanImportMapWins(t *testing.T) {
	s := riskSnapshot(t)
	tab := table([]string{"Risk", "Likelihood", "Chance", "Impact"}, []string{"Fire", "Rare", "Likely", "Major"})
	p, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"Chance": "likelihood"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Rows[0].Record.Get("likelihood"); got != "4" {
		t.Errorf("likelihood = %q, want 4 (Likely, from the column asked for)", got)
	}
	if _, err := PlanImport(s, tab, ImportOptions{Columns: map[string]string{"Severty": "impact"}}); ErrorCode(err) != EInvalid {
		t.Errorf("a column not in the file: got %v, want refused", err)
	}
}
