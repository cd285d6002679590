package data

import (
	"regexp"
	"strings"
	"testing"
)

// TestRegisterDeclarations checks every declaration as storage, screens
// and files rely on it: keys a column can carry, links to registers that
// exist, choices on choice fields, a title to name records by.
func TestRegisterDeclarations(t *testing.T) {
	key := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	regs := Registers()
	byKey := map[string]bool{}
	prefixes := map[string]bool{}
	for _, r := range regs {
		byKey[r.Key] = true
	}
	for _, r := range regs {
		t.Run(r.Key, func(t *testing.T) {
			if !key.MatchString(r.Key) || r.Title == "" || r.One == "" || r.Prefix == "" {
				t.Fatalf("key %q, title %q, one %q, prefix %q: all are needed", r.Key, r.Title, r.One, r.Prefix)
			}
			if prefixes[r.Prefix] {
				t.Errorf("prefix %s is used twice", r.Prefix)
			}
			prefixes[r.Prefix] = true
			if !containsString(RegisterGroups(), r.Group) {
				t.Errorf("group %q is not a navigation group", r.Group)
			}
			seen := map[string]bool{}
			labels := map[string]bool{}
			for _, f := range r.Columns() {
				if !key.MatchString(f.Key) || strings.HasPrefix(f.Key, "x_") {
					t.Errorf("field key %q: lower case, digits and underscores, not starting x_ (kept for users' fields)", f.Key)
				}
				if seen[f.Key] || labels[strings.ToLower(f.Label)] {
					t.Errorf("field %q or its label %q is declared twice", f.Key, f.Label)
				}
				seen[f.Key], labels[strings.ToLower(f.Label)] = true, true
				if f.Type == FieldChoice && len(f.Choices) == 0 {
					t.Errorf("choice field %q has no choices", f.Key)
				}
				if f.Type == FieldLink && !byKey[f.Link] {
					t.Errorf("field %q links to %q, which is no register", f.Key, f.Link)
				}
				if f.Default != "" && f.check(f.Default) != "" {
					t.Errorf("field %q defaults to %q: %s", f.Key, f.Default, f.check(f.Default))
				}
				if f.Type != FieldLink && (f.Link != "" || f.Many) {
					t.Errorf("field %q is no link but names one", f.Key)
				}
			}
			// certification is the body's work, which the standard does
			// not require, so its registers serve no clause
			if r.Help == "" || (len(r.Clauses) == 0) != (r.Group == GroupCertify) {
				t.Errorf("register needs help and its clauses")
			}
			// a spreadsheet header must mean one field only
			headers := map[string]string{}
			for _, f := range r.Columns() {
				for _, h := range append([]string{f.Key, f.Label}, f.Synonyms...) {
					h = strings.ToLower(h)
					if other, ok := headers[h]; ok && other != f.Key {
						t.Errorf("header %q means both %s and %s", h, other, f.Key)
					}
					headers[h] = f.Key
				}
				if f.Task != "" && f.Type != FieldDate {
					t.Errorf("field %q makes tasks but is no date", f.Key)
				}
				choices := map[string]string{}
				for _, c := range f.Choices {
					for _, w := range append([]string{c.Key, c.Label}, c.Synonyms...) {
						w = strings.ToLower(w)
						if other, ok := choices[w]; ok && other != c.Key {
							t.Errorf("field %q: %q means both %s and %s", f.Key, w, other, c.Key)
						}
						choices[w] = c.Key
					}
				}
			}
			if tf, ok := r.Field(r.TitleField); !ok || tf.Type != FieldText || !tf.Required {
				t.Errorf("title field %q must be a required text field", r.TitleField)
			}
			for _, s := range r.Sort {
				if !seen[s.Field] {
					t.Errorf("sorts by %q, which is no field", s.Field)
				}
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestRecordValidate(t *testing.T) {
	reg, _ := FindRegister("risks")
	good := func() Record {
		r := NewRecord(reg)
		r.Set("title", "Backup fails silently")
		r.Set("kind", "risk")
		r.Set("likelihood", "3")
		r.Set("impact", "4")
		return r
	}
	tests := []struct {
		name  string
		edit  func(r *Record)
		field string // "" when valid
		want  string
	}{
		{"valid", func(*Record) {}, "", ""},
		{"title missing", func(r *Record) { r.Set("title", "  ") }, "title", "Risk or opportunity is required."},
		{"choice unknown", func(r *Record) { r.Set("impact", "9") }, "impact", "Impact must be one of: Negligible, Minor, Moderate, Major, Severe."},
		{"date wrong", func(r *Record) { r.Set("review_date", "31/03/2026") }, "review_date", "Review date is not a date."},
		{"date far", func(r *Record) { r.Set("review_date", "3026-01-01") }, "review_date", "Review date must be between the years 1900 and 2199."},
		{"title two lines", func(r *Record) { r.Set("title", "a\nb") }, "title", "Risk or opportunity is one line: remove the line breaks."},
		{"title long", func(r *Record) { r.Set("title", strings.Repeat("x", 301)) }, "title", "Risk or opportunity is too long: at most 300 characters."},
		{"owner two", func(r *Record) { r.Set("owner", "1,2") }, "owner", "Owner is one person."},
		{"link twice", func(r *Record) { r.Set("services", "4,4") }, "services", "Services affected names the same record twice."},
		{"unknown field", func(r *Record) { r.Set("colour", "red") }, "colour", `The risks and opportunities register has no field "colour".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good()
			tt.edit(&r)
			err := reg.Validate(r)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || len(e.Fields) != 1 {
				t.Fatalf("got %v, want one field refused", err)
			}
			if got := e.Fields[0]; got.Field != tt.field || got.Message != tt.want {
				t.Errorf("got %s: %q, want %s: %q", got.Field, got.Message, tt.field, tt.want)
			}
		})
	}
}

func TestFieldParse(t *testing.T) {
	reg, _ := FindRegister("risks")
	impact, _ := reg.Field("impact")
	number := Field{Label: "Cost", Type: FieldNumber}
	date := Field{Label: "Due", Type: FieldDate}
	yes := Field{Label: "Done", Type: FieldYesNo}
	tests := []struct {
		f     Field
		in    string
		dates DateFormat
		want  string
	}{
		{impact, "Major", "", "4"},
		{impact, "high", "", "4"},
		{impact, " H ", "", "4"},
		{impact, "2", "", "2"},
		{number, "12,5", "", "12.5"},
		{number, "1,234.50", "", "1234.5"},
		{number, "1.234,5", "", "1234.5"},
		{number, "99%", "", "99"},
		{number, "1,250,000", "", "1250000"},
		{number, "1.250.000", "", "1250000"},
		{number, "12,50", "", "12.5"},
		{date, "2026-03-31", "", "2026-03-31"},
		{date, "31/03/2026", "", "2026-03-31"},
		{date, "03/31/2026", "01/02/2006", "2026-03-31"},
		{date, "46112", "", "2026-03-31"},
		{date, "2026-03-31 00:00:00", "", "2026-03-31"},
		{date, "31 March 2026", "", "2026-03-31"},
		{yes, "Y", "", "yes"},
		{yes, "false", "", "no"},
		{Field{Type: FieldText}, "  =SUM(A1)  ", "", "=SUM(A1)"},
	}
	for _, tt := range tests {
		got, err := tt.f.Parse(tt.in, tt.dates)
		if err != nil || got != tt.want {
			t.Errorf("%s %q: got %q, %v; want %q", tt.f.Type, tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []struct {
		f  Field
		in string
	}{{impact, "enormous"}, {number, "twelve"}, {number, "1,250"}, {number, "1,2,3"}, {date, "yesterday"}, {date, "31/02/2026"}, {yes, "maybe"}} {
		if got, err := bad.f.Parse(bad.in, ""); err == nil {
			t.Errorf("%s %q: got %q, want refused", bad.f.Type, bad.in, got)
		}
	}
}

func TestRiskScore(t *testing.T) {
	reg, _ := FindRegister("risks")
	r := NewRecord(reg)
	r.Set("likelihood", "3")
	reg.Derive(&r)
	if got := r.Get("score"); got != "" {
		t.Errorf("score without impact: got %q, want none", got)
	}
	r.Set("impact", "5")
	reg.Derive(&r)
	if got, want := r.Get("score"), "15"; got != want {
		t.Errorf("got score %q, want %q", got, want)
	}
}

func TestNewCustomField(t *testing.T) {
	reg, _ := FindRegister("suppliers")
	f, err := NewCustomField(reg, "  Account   manager ", FieldText, nil)
	if err != nil || f.Key != "x_account_manager" || f.Label != "Account manager" || !f.Custom {
		t.Fatalf("got %+v, %v", f, err)
	}
	for _, tt := range []struct {
		label   string
		typ     FieldType
		choices []string
	}{{"Owner", FieldText, nil}, {"", FieldText, nil}, {"!!", FieldText, nil}, {"Colour", FieldChoice, []string{" ", ""}}, {"Who", FieldPerson, nil}} {
		if _, err := NewCustomField(reg, tt.label, tt.typ, tt.choices); err == nil {
			t.Errorf("%q %s: got accepted, want refused", tt.label, tt.typ)
		}
	}
}

// TestRegisterTables checks that a register's printed columns are its own.
func TestRegisterTables(t *testing.T) {
	for _, r := range Registers() {
		for _, key := range r.Table {
			if _, ok := r.Field(key); !ok {
				t.Errorf("%s prints %q, which is no field", r.Key, key)
			}
		}
		if n := len(r.TableColumns()); n > 14 {
			t.Errorf("%s prints %d columns side by side: list the ones a table shows in Table", r.Key, n)
		}
	}
}

// TestNonconformityClosesOnlyWhenEffective checks the register rule a
// corrective-action process rests on: closing needs an effective check.
func TestNonconformityClosesOnlyWhenEffective(t *testing.T) {
	reg, _ := FindRegister(NonconformitiesRegister)
	tests := []struct {
		check string
		want  string // "" when the record may be closed
	}{
		{"effective", ""},
		{"ineffective", "A nonconformity closes only once a check has found its actions effective."},
		{"", "A nonconformity closes only once a check has found its actions effective."},
	}
	for _, tt := range tests {
		r := NewRecord(reg)
		r.Set("title", "Change approved without a risk assessment")
		r.Set("raised_on", "2026-03-02")
		r.Set("status", "closed")
		r.Set("check_result", tt.check)
		if tt.check != "" {
			r.Set("checked_by", "3")
			r.Set("checked_on", "2026-04-01")
		}
		got := ""
		if e, ok := reg.Validate(r).(*Error); ok && len(e.Fields) > 0 {
			got = e.Fields[0].Message
		}
		if got != tt.want {
			t.Errorf("check %q: got %q, want %q", tt.check, got, tt.want)
		}
	}
}
