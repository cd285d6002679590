package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// An import reads a table a person already keeps into a register: it
// matches the columns to fields, the words in choice columns to choices,
// names to people and references or titles to records, and says of every
// row it cannot take which line it is on and why. Nothing is written until
// the plan is applied, so a preview and a dry run show exactly what an
// import would do.

// What a column can be told to be, beside a field's key or label.
const (
	MapIgnore    = "ignore"
	MapReference = "reference"
	// MapNew makes the column a new text field; MapNew + ":number" (or
	// date, choice, text) another type.
	MapNew = "new"
)

// ColumnRole is what an import does with a column.
type ColumnRole int

const (
	ColumnIgnored   ColumnRole = iota
	ColumnField                // fills Field
	ColumnReference            // names the record a row updates
	ColumnNewField             // fills Field, added to the register first
)

// ColumnMatch is what an import does with one column of the table.
type ColumnMatch struct {
	Index  int
	Header string
	Role   ColumnRole
	Field  Field // ColumnField and ColumnNewField
	// How says in a few words how the match was made, or why the column is
	// ignored.
	How string
}

// ValueMatch maps one word found in a choice column onto a choice.
type ValueMatch struct {
	Field   Field
	Value   string // as the file has it
	Choice  Choice // zero when no choice matches
	Matched bool
	// Exact is a match by the choice's label or key; anything else (a
	// synonym, a point of the scale) is a guess the person confirms.
	Exact bool
	Rows  int // how many rows hold the word
}

// ImportAction is what applying the plan does to a row.
type ImportAction int

const (
	ImportCreate ImportAction = iota
	ImportUpdate
	ImportUnchanged
)

// ImportRow is one row of the table as the register would take it.
type ImportRow struct {
	Line     int
	Record   Record
	Action   ImportAction
	Problems []string // plain reasons the row cannot be imported
}

// Bad reports whether the row cannot be imported.
func (r ImportRow) Bad() bool { return len(r.Problems) > 0 }

// ImportOptions are the person's corrections to what an import guessed.
type ImportOptions struct {
	// Columns maps a column header to a field's key or label, MapIgnore,
	// MapReference or MapNew; a column not named is matched by itself.
	Columns map[string]string
	// Values maps, by field key, a word of a choice column (any case) to
	// the key of a choice; "" leaves the word unmatched.
	Values map[string]map[string]string
	// Check is the register's check across records (SaveCheck), run on
	// every row the fields accept.
	Check Rule
}

// ImportPlan is what an import will do.
type ImportPlan struct {
	Register  Register // with the new fields
	Columns   []ColumnMatch
	Values    []ValueMatch
	NewFields []Field
	Rows      []ImportRow
}

// BadRows are the rows that cannot be imported.
func (p ImportPlan) BadRows() []ImportRow {
	var out []ImportRow
	for _, r := range p.Rows {
		if r.Bad() {
			out = append(out, r)
		}
	}
	return out
}

// Count is how many good rows the plan would create, update and leave
// unchanged.
func (p ImportPlan) Count() SaveSummary {
	s := SaveSummary{Failed: -1}
	for _, r := range p.Rows {
		switch {
		case r.Bad():
		case r.Action == ImportCreate:
			s.Created++
		case r.Action == ImportUpdate:
			s.Updated++
		default:
			s.Unchanged++
		}
	}
	return s
}

// normalHeader is a header or label reduced to its letters and digits in
// lower case, so that "Review date", "review_date" and "REVIEW-DATE" match.
func normalHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// referenceHeaders are the headers a column of record references goes by.
var referenceHeaders = []string{"reference", "ref", "id", "refno", "referencenumber", "recordid", "number", "no"}

// MatchHeader finds the field a column header names: by label, then key,
// then synonym, without regard to case, spaces or punctuation. how is
// "label", "key" or "synonym".
func (reg Register) MatchHeader(header string) (f Field, how string, ok bool) {
	h := normalHeader(header)
	if h == "" {
		return Field{}, "", false
	}
	cols := reg.Columns()
	for _, c := range cols {
		if normalHeader(c.Label) == h {
			return c, "label", true
		}
	}
	for _, c := range cols {
		if normalHeader(c.Key) == h {
			return c, "key", true
		}
	}
	for _, c := range cols {
		for _, s := range c.Synonyms {
			if normalHeader(s) == h {
				return c, "synonym", true
			}
		}
	}
	return Field{}, "", false
}

func (reg Register) derived(key string) bool {
	for _, d := range reg.Derived {
		if d.Key == key {
			return true
		}
	}
	return false
}

// PlanImport works out what importing t into the snapshot's register
// would do. It fails only on a mapping that cannot be followed (a column
// mapped to no field, a new field the register refuses); bad rows are in
// the plan.
func PlanImport(s RegisterSnapshot, t Table, opt ImportOptions) (ImportPlan, error) {
	p := ImportPlan{Register: s.Register}
	p.Register.Fields = append([]Field(nil), s.Register.Fields...)
	if err := p.matchColumns(s, t, opt); err != nil {
		return ImportPlan{}, err
	}
	p.matchValues(t, opt)
	p.planRows(s, t, opt.Check)
	return p, nil
}

func (p *ImportPlan) matchColumns(s RegisterSnapshot, t Table, opt ImportOptions) error {
	explicit := map[string]string{}
	for col, target := range opt.Columns {
		explicit[normalHeader(col)] = strings.TrimSpace(target)
	}
	// a column named in the options must be in the file, and a field it
	// is asked to fill is not taken by a column matched on its own
	headers := map[string]bool{}
	for _, c := range t.Columns {
		headers[normalHeader(c.Header)] = true
	}
	asked := map[string]string{} // field key → header asked to fill it
	for col, target := range opt.Columns {
		if !headers[normalHeader(col)] {
			names := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				names[i] = c.Header
			}
			return Errorf(EInvalid, "The file has no column %q; its columns are: %s.", col, strings.Join(names, ", "))
		}
		if f, _, ok := p.Register.MatchHeader(strings.TrimSpace(target)); ok {
			asked[f.Key] = col
		}
	}
	taken := map[string]string{} // field key → header of the column filling it
	hasReference := false
	for i, c := range t.Columns {
		m := ColumnMatch{Index: i, Header: c.Header}
		target, told := explicit[normalHeader(c.Header)]
		switch {
		case told && strings.EqualFold(target, MapIgnore):
			m.How = "ignored, as asked"
		case told && strings.EqualFold(target, MapReference):
			m.Role, m.How = ColumnReference, "record references, as asked"
		case told && (strings.EqualFold(target, MapNew) || strings.HasPrefix(strings.ToLower(target), MapNew+":")):
			f, err := p.newField(t, i, c.Header, target)
			if err != nil {
				return err
			}
			m.Role, m.Field, m.How = ColumnNewField, f, "a new "+strings.ToLower(f.Type.Label())+" field"
		case told:
			f, _, ok := p.Register.MatchHeader(target)
			if !ok {
				return Errorf(EInvalid, "The %s register has no field %q for the column %q. Its fields are: %s.",
					strings.ToLower(p.Register.Title), target, c.Header, fieldKeys(p.Register))
			}
			m.Role, m.Field, m.How = ColumnField, f, "as asked"
		default:
			if f, how, ok := p.Register.MatchHeader(c.Header); ok {
				m.Role, m.Field, m.How = ColumnField, f, "by its "+how
				if col, ok := asked[f.Key]; ok {
					m.Role, m.How = ColumnIgnored, fmt.Sprintf("the column %q was asked to fill %s", col, f.Label)
				}
			} else if containsNormal(referenceHeaders, c.Header) {
				m.Role, m.How = ColumnReference, "record references"
			} else {
				m.How = "no field of that name"
			}
		}
		if m.Role == ColumnField && p.Register.derived(m.Field.Key) {
			m.Role, m.How = ColumnIgnored, "worked out from the other fields"
		}
		if m.Role == ColumnField || m.Role == ColumnNewField {
			if other, dup := taken[m.Field.Key]; dup {
				m.Role, m.How = ColumnIgnored, fmt.Sprintf("the column %q already fills %s", other, m.Field.Label)
			} else {
				taken[m.Field.Key] = c.Header
			}
		}
		if m.Role == ColumnReference {
			switch {
			case hasReference:
				m.Role, m.How = ColumnIgnored, "another column holds the references"
			case !told && !allReferences(s.Register, t, i):
				// a column of the person's own numbering, not ours
				m.Role, m.How = ColumnIgnored, fmt.Sprintf("its values are not references such as %s-1", s.Register.Prefix)
			default:
				hasReference = true
			}
		}
		if m.Role == ColumnNewField {
			p.NewFields = append(p.NewFields, m.Field)
			p.Register.Fields = append(p.Register.Fields, m.Field)
		}
		p.Columns = append(p.Columns, m)
	}
	return nil
}

func containsNormal(list []string, header string) bool {
	h := normalHeader(header)
	for _, l := range list {
		if l == h {
			return true
		}
	}
	return false
}

func fieldKeys(reg Register) string {
	keys := make([]string, len(reg.Fields))
	for i, f := range reg.Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// allReferences reports whether every value in column i reads as a
// reference of reg.
func allReferences(reg Register, t Table, i int) bool {
	seen := false
	for _, r := range t.Rows {
		v := strings.TrimSpace(r.Text(i))
		if v == "" {
			continue
		}
		if _, ok := reg.ParseReference(v); !ok {
			return false
		}
		seen = true
	}
	return seen
}

// newField makes the custom field column i asked to become; a choice
// field takes the column's words as its choices.
func (p *ImportPlan) newField(t Table, i int, header, target string) (Field, error) {
	typ := FieldText
	if _, name, ok := strings.Cut(target, ":"); ok {
		typ = ""
		for _, ft := range CustomFieldTypes() {
			if strings.EqualFold(strings.TrimSpace(name), string(ft)) {
				typ = ft
			}
		}
		if typ == "" {
			return Field{}, Errorf(EInvalid, "The column %q cannot become a field of type %q: choose text, number, date or choice.", header, name)
		}
	}
	var choices []string
	if typ == FieldChoice {
		seen := map[string]bool{}
		for _, r := range t.Rows {
			v := strings.TrimSpace(r.Text(i))
			if v != "" && !seen[strings.ToLower(v)] {
				seen[strings.ToLower(v)] = true
				choices = append(choices, v)
			}
		}
	}
	f, err := NewCustomField(p.Register, header, typ, choices)
	if err != nil {
		return Field{}, &Error{Code: EInvalid, Message: fmt.Sprintf("The column %q cannot become a new field: %s", header, strings.TrimPrefix(ErrorMessage(err), "The field was not saved: please correct the marked fields.\n")), Err: err}
	}
	return f, nil
}

// matchValues maps the words of every choice column.
func (p *ImportPlan) matchValues(t Table, opt ImportOptions) {
	for _, m := range p.Columns {
		if (m.Role != ColumnField && m.Role != ColumnNewField) || m.Field.Type != FieldChoice {
			continue
		}
		byWord := map[string]int{} // lower-case word → index in p.Values
		var found []ValueMatch
		for _, r := range t.Rows {
			v := strings.TrimSpace(r.Text(m.Index))
			if v == "" {
				continue
			}
			if i, ok := byWord[strings.ToLower(v)]; ok {
				found[i].Rows++
				continue
			}
			vm := ValueMatch{Field: m.Field, Value: v, Rows: 1}
			if key, told := opt.Values[m.Field.Key][strings.ToLower(v)]; told {
				vm.Choice, vm.Matched = m.Field.Choice(key)
				vm.Exact = vm.Matched
			} else {
				vm.Choice, vm.Exact, vm.Matched = matchChoice(m.Field, v)
			}
			byWord[strings.ToLower(v)] = len(found)
			found = append(found, vm)
		}
		p.Values = append(p.Values, found...)
	}
}

// matchChoice prefers a choice's own label or key to another's synonym.
func matchChoice(f Field, v string) (c Choice, exact, ok bool) {
	for _, c := range f.Choices {
		if strings.EqualFold(v, c.Label) || strings.EqualFold(v, c.Key) {
			return c, true, true
		}
	}
	c, ok = f.MatchChoice(v)
	return c, false, ok
}

// choiceOf is the choice key the plan maps word v of field f to.
func (p *ImportPlan) choiceOf(f Field, v string) (string, bool) {
	for _, vm := range p.Values {
		if vm.Field.Key == f.Key && strings.EqualFold(vm.Value, v) {
			return vm.Choice.Key, vm.Matched
		}
	}
	return "", false
}

func (p *ImportPlan) planRows(s RegisterSnapshot, t Table, check Rule) {
	byNumber := make(map[int]Record, len(s.Records))
	for _, r := range s.Records {
		byNumber[r.Number] = r
	}
	refCol := -1
	for _, m := range p.Columns {
		if m.Role == ColumnReference {
			refCol = m.Index
		}
	}
	names := newNameIndex(s)
	seenRef := map[int]int{} // record number → line
	for _, row := range t.Rows {
		if row.Blank() {
			continue
		}
		out := ImportRow{Line: row.Line, Record: NewRecord(p.Register)}
		var old Record
		if refCol >= 0 {
			if v := strings.TrimSpace(row.Text(refCol)); v != "" {
				n, ok := s.Register.ParseReference(v)
				switch {
				case !ok:
					out.Problems = append(out.Problems, fmt.Sprintf("%q is not a reference such as %s.", v, s.Register.Reference(1)))
				case seenRef[n] != 0:
					out.Problems = append(out.Problems, fmt.Sprintf("%s is also on line %d.", s.Register.Reference(n), seenRef[n]))
				default:
					seenRef[n] = row.Line
					if r, found := byNumber[n]; found {
						old = r
						out.Record = r.Clone()
						out.Action = ImportUpdate
					}
				}
			}
		}
		for _, m := range p.Columns {
			if m.Role != ColumnField && m.Role != ColumnNewField {
				continue
			}
			value, problem := p.cellValue(s, names, m.Field, row.Text(m.Index))
			if problem != "" {
				out.Problems = append(out.Problems, m.Field.Label+": "+problem)
				continue
			}
			if value == "" && out.Action == ImportCreate {
				continue // a new record keeps the field's default
			}
			out.Record.Set(m.Field.Key, value)
		}
		for _, d := range p.Register.Derived {
			delete(out.Record.Values, d.Key)
		}
		for _, f := range p.Register.Fields {
			if msg := f.check(out.Record.Get(f.Key)); msg != "" && !mentions(out.Problems, f.Label) {
				out.Problems = append(out.Problems, msg)
			}
		}
		if out.Action == ImportUpdate && sameFields(p.Register, old, out.Record) {
			out.Action = ImportUnchanged
		}
		if check != nil && len(out.Problems) == 0 && out.Action != ImportUnchanged {
			if _, msg := check(out.Record); msg != "" {
				out.Problems = append(out.Problems, msg)
			}
		}
		p.Rows = append(p.Rows, out)
	}
}

func mentions(problems []string, label string) bool {
	for _, p := range problems {
		if strings.HasPrefix(p, label+": ") {
			return true
		}
	}
	return false
}

func sameFields(reg Register, a, b Record) bool {
	for _, f := range reg.Fields {
		if a.Get(f.Key) != b.Get(f.Key) {
			return false
		}
	}
	return true
}

// cellValue reads a cell as field f's canonical value, or says why not.
func (p *ImportPlan) cellValue(s RegisterSnapshot, names nameIndex, f Field, cell string) (string, string) {
	v := strings.TrimSpace(cell)
	if v == "" {
		return "", ""
	}
	switch f.Type {
	case FieldChoice:
		if key, ok := p.choiceOf(f, v); ok {
			return key, ""
		}
		return "", fmt.Sprintf("%q is not one of: %s.", v, f.choiceLabels())
	case FieldPerson:
		return names.person(v)
	case FieldLink:
		return names.links(s.linked(f), f, v)
	}
	value, err := f.Parse(cell, s.Dates)
	if err != nil {
		return "", ErrorMessage(err)
	}
	return value, ""
}

// nameIndex finds people by name or e-mail and records by reference or
// title.
type nameIndex struct {
	byName  map[string][]Person
	byEmail map[string]Person
	refs    map[string]map[string]RecordRef   // register → upper-case reference → record
	titles  map[string]map[string][]RecordRef // register → lower-case title → records
}

func newNameIndex(s RegisterSnapshot) nameIndex {
	n := nameIndex{byName: map[string][]Person{}, byEmail: map[string]Person{},
		refs: map[string]map[string]RecordRef{}, titles: map[string]map[string][]RecordRef{}}
	for _, p := range s.People {
		key := strings.ToLower(strings.Join(strings.Fields(p.Name), " "))
		n.byName[key] = append(n.byName[key], p)
		if e := strings.ToLower(strings.TrimSpace(p.Email)); e != "" {
			n.byEmail[e] = p
		}
	}
	for reg, refs := range s.Refs {
		n.refs[reg] = map[string]RecordRef{}
		n.titles[reg] = map[string][]RecordRef{}
		for _, r := range refs {
			n.refs[reg][strings.ToUpper(r.Reference)] = r
			t := strings.ToLower(strings.Join(strings.Fields(r.Title), " "))
			n.titles[reg][t] = append(n.titles[reg][t], r)
		}
	}
	return n
}

func (n nameIndex) person(v string) (string, string) {
	if p, ok := n.byEmail[strings.ToLower(v)]; ok {
		return strconv.FormatInt(p.ID, 10), ""
	}
	found := n.byName[strings.ToLower(strings.Join(strings.Fields(v), " "))]
	switch len(found) {
	case 0:
		return "", fmt.Sprintf("nobody called %q works in the SMS: add them under People first.", v)
	case 1:
		return strconv.FormatInt(found[0].ID, 10), ""
	}
	return "", fmt.Sprintf("%d people are called %q: write their e-mail address instead.", len(found), v)
}

// links reads "SVC-1; Cloud Hosting" as the IDs of the records named.
func (n nameIndex) links(reg Register, f Field, v string) (string, string) {
	var ids []int64
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' })
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, problem := n.link(reg, part)
		if problem != "" && strings.Contains(part, ",") {
			// "SVC-1, SVC-2": commas part names only when the whole is no name
			var sub []int64
			ok := true
			for _, p := range strings.Split(part, ",") {
				if p = strings.TrimSpace(p); p == "" {
					continue
				}
				sid, sp := n.link(reg, p)
				if sp != "" {
					ok = false
					break
				}
				sub = append(sub, sid)
			}
			if ok {
				ids = append(ids, sub...)
				continue
			}
		}
		if problem != "" {
			return "", problem
		}
		ids = append(ids, id)
	}
	return FormatIDs(ids), ""
}

func (n nameIndex) link(reg Register, part string) (int64, string) {
	refs, titles := n.refs[reg.Key], n.titles[reg.Key]
	byTitle := func(t string) ([]RecordRef, bool) {
		found := titles[strings.ToLower(strings.Join(strings.Fields(t), " "))]
		return found, len(found) == 1
	}
	ref, rest, _ := strings.Cut(part, " ")
	if r, ok := refs[strings.ToUpper(ref)]; ok {
		if rest == "" || strings.EqualFold(strings.Join(strings.Fields(rest), " "), strings.Join(strings.Fields(r.Title), " ")) {
			return r.ID, ""
		}
		// a reference from another workspace: its title names the record here
		if found, one := byTitle(rest); one {
			return found[0].ID, ""
		}
		return r.ID, ""
	}
	if _, isRef := reg.ParseReference(ref); isRef && rest != "" {
		if found, one := byTitle(rest); one {
			return found[0].ID, ""
		}
	}
	found, one := byTitle(part)
	if one {
		return found[0].ID, ""
	}
	if len(found) > 1 {
		return 0, fmt.Sprintf("%d %s records are called %q: write the reference, such as %s.", len(found), reg.One, part, found[0].Reference)
	}
	return 0, fmt.Sprintf("no %s %q: write its reference, such as %s, or its name.", reg.One, part, reg.Reference(1))
}

// importRecords are the records applying the plan saves, with their
// lines, leaving out the bad rows and the rows that change nothing.
func (p ImportPlan) importRecords() ([]Record, []int) {
	var recs []Record
	var lines []int
	for _, r := range p.Rows {
		if r.Bad() || r.Action == ImportUnchanged {
			continue
		}
		recs = append(recs, r.Record)
		lines = append(lines, r.Line)
	}
	return recs, lines
}

// ApplyImport writes the plan: the new fields and every good row, in one
// transaction, so that a refused row leaves no new field behind. While a row is bad nothing is written unless
// skipBad. The summary counts the unchanged rows too.
func ApplyImport(ctx context.Context, rs RegisterService, p ImportPlan, skipBad bool) (SaveSummary, error) {
	if bad := p.BadRows(); len(bad) > 0 && !skipBad {
		return SaveSummary{Failed: -1}, Errorf(EInvalid, "%s cannot be imported, so nothing was. Correct %s, or skip the bad rows.",
			countRows(len(bad)), map[bool]string{true: "it", false: "them"}[len(bad) == 1])
	}
	recs, lines := p.importRecords()
	sum := SaveSummary{Failed: -1}
	if len(recs) > 0 || len(p.NewFields) > 0 {
		var err error
		sum, err = rs.ImportRecords(ctx, p.Register.Key, p.NewFields, recs)
		if err != nil {
			if sum.Failed >= 0 && sum.Failed < len(lines) {
				return sum, &Error{Code: ErrorCode(err), Message: fmt.Sprintf("Line %d: %s Nothing was imported.", lines[sum.Failed], strings.ReplaceAll(ErrorMessage(err), "\n", " ")), Err: err}
			}
			return sum, err
		}
	}
	sum.Unchanged += p.Count().Unchanged
	// the reviews and treatments imported ask for their tasks, as a
	// record saved on screen does
	if ts, ok := rs.(RecordTaskStore); ok && len(recs) > 0 {
		if _, err := SyncRecordTasks(ctx, ts); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

func countRows(n int) string { return CountText(n, "row", "rows") }
