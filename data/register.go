package data

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// A register is a list of records the service management system keeps:
// risks, services, suppliers, agreements. Each is declared once, as a
// Register value; validation, storage, the audit trail, the screens, the
// exports and imports and the printed tables all read that declaration, so
// adding a register is one declaration plus what is special about it.

// FieldType is what a register field holds.
type FieldType string

const (
	FieldText     FieldType = "text"      // one line
	FieldLongText FieldType = "long-text" // paragraphs
	FieldNumber   FieldType = "number"
	FieldDate     FieldType = "date"
	FieldChoice   FieldType = "choice" // one of Choices
	FieldPerson   FieldType = "person" // one of the people of the workspace
	FieldYesNo    FieldType = "yes-no"
	FieldLink     FieldType = "link" // records of another register (Field.Link)
)

// FieldTypes lists every field type in the order a form offers them.
func FieldTypes() []FieldType {
	return []FieldType{FieldText, FieldLongText, FieldNumber, FieldDate, FieldChoice, FieldPerson, FieldYesNo, FieldLink}
}

// CustomFieldTypes are the types a user may give a field they add.
func CustomFieldTypes() []FieldType {
	return []FieldType{FieldText, FieldNumber, FieldDate, FieldChoice}
}

// Label is the plain name of the type.
func (t FieldType) Label() string {
	switch t {
	case FieldLongText:
		return "Long text"
	case FieldNumber:
		return "Number"
	case FieldDate:
		return "Date"
	case FieldChoice:
		return "Choice"
	case FieldPerson:
		return "Person"
	case FieldYesNo:
		return "Yes or no"
	case FieldLink:
		return "Link"
	}
	return "Text"
}

// Choice is one value a choice field may take. Choices are listed in scale
// order: a choice's Rank, its place from 1, is the value a score uses.
type Choice struct {
	Key   string
	Label string
	// Synonyms are other words an imported spreadsheet may use for it.
	Synonyms []string
}

// Field is one column of a register.
type Field struct {
	Key      string // storage and file column name: lower case, digits, underscores
	Label    string
	Help     string
	Type     FieldType
	Required bool
	Choices  []Choice // FieldChoice
	Link     string   // FieldLink: the key of the register it points at
	Many     bool     // FieldLink: several records rather than one
	MaxLen   int      // text: 0 is the type's default
	// Min and Max bound a number when HasRange is set.
	Min, Max float64
	HasRange bool
	// Synonyms are other column headers that mean this field in a
	// spreadsheet someone already keeps.
	Synonyms []string
	// Default is the canonical value a new record starts with, and an
	// imported row without one takes.
	Default string
	// Custom is set on a field a user added in this workspace.
	Custom bool
	// Wide asks tables to give the column more room than its header needs.
	Wide bool
	// Task, on a date field, makes the date a task due that day, named by
	// this verb and the record: "Review" gives "Review RSK-3 Backup fails".
	Task string
	// TaskDoneBy names the field whose value shows the task's work done,
	// such as the day an audit was held: once it holds one, the task is
	// closed.
	TaskDoneBy string
	// TaskDoneAt, when set, lists the values of TaskDoneBy that show the
	// work done, such as an improvement's status "done"; any other value
	// leaves the task open.
	TaskDoneAt []string
	// TaskOwner names the person field whose person the task goes to, such
	// as who checks a corrective action's effect; when it is empty the
	// task goes to the record's owner.
	TaskOwner string
	// Hidden keeps the field out of the on-screen table and the record
	// form: the register's own dialog fills it, as the management review's
	// agenda fills its decisions and its frozen figures. Exports, imports
	// and the audit trail still carry it.
	Hidden bool
}

// Text limits by type, when a field sets none.
const (
	DefaultTextLen     = 300
	DefaultLongTextLen = 8000
)

// maxLen is the field's length limit in characters.
func (f Field) maxLen() int {
	switch {
	case f.MaxLen > 0:
		return f.MaxLen
	case f.Type == FieldLongText:
		return DefaultLongTextLen
	}
	return DefaultTextLen
}

// Choice finds a choice by key.
func (f Field) Choice(key string) (Choice, bool) {
	for _, c := range f.Choices {
		if c.Key == key {
			return c, true
		}
	}
	return Choice{}, false
}

// Rank is a choice's place on its scale, from 1; 0 when key is none of
// the choices.
func (f Field) Rank(key string) int {
	for i, c := range f.Choices {
		if c.Key == key {
			return i + 1
		}
	}
	return 0
}

// Derived is a value computed from a record's fields, such as a risk
// score. It is stored with the record, so that storage can sort and filter
// by it and other programs can read it.
type Derived struct {
	Key   string
	Label string
	Help  string
	Type  FieldType // FieldNumber, FieldChoice or FieldText
	// Choices name the bands of a FieldChoice value.
	Choices []Choice
	// Value computes the canonical value (see Record) from the record; ""
	// when it cannot be computed yet.
	Value func(r Record) string
}

// SortKey orders records by one field, or by their reference when Field
// is SortByReference.
type SortKey struct {
	Field string
	Desc  bool
}

// SortByReference is the SortKey field that orders records by their
// number; no field key can be it, as keys hold no punctuation.
const SortByReference = "#"

// Register is the declaration of one register.
type Register struct {
	Key     string // "risks": the command line and file names use it
	Title   string // "Risks and opportunities"
	One     string // "risk": "this risk", and the audit trail's entity
	Prefix  string // "RSK": records are RSK-1, RSK-2, ...
	Group   string // the navigation group
	Clauses []string
	Help    string
	Fields  []Field
	Derived []Derived
	// Sort is the order a list starts in; records of equal keys keep the
	// order of their references.
	Sort []SortKey
	// Table lists the fields and derived values a printed table shows, in
	// order, when the register has too many to print them all side by
	// side; nil shows every column. Fields users add are always shown.
	Table []string
	// TitleField names the field that names a record in a link, a
	// message or a heading.
	TitleField string
	// Actions, when set, names the tasks people raise by hand against a
	// record, such as "Corrective actions"; "" means the register has none.
	Actions string
	// Filters names the choice and person fields the register's screen
	// filters by, in order; nil offers every one of them, which crowds
	// the screen of a register with many.
	Filters []string
	// Rules are what a register asks of a record beyond each field on its
	// own, such as "a nonconformity closes only after an effective check".
	Rules []Rule
	// Changes are what a register asks of an edit of a stored record,
	// such as "the figures a review saw on the day stay as they were".
	Changes []ChangeRule
}

// ChangeRule checks an edit: old is the record as stored, r as it is to
// be saved, both in canonical values. It returns the field to mark and
// the plain reason, or "" for both when the edit is allowed.
type ChangeRule func(old, r Record) (field, message string)

// ValidateChange checks an edit of a stored record against the
// register's Changes.
func (r Register) ValidateChange(old, rec Record) error {
	var v validation
	for _, rule := range r.Changes {
		if field, msg := rule(old, rec); msg != "" {
			v.add(field, "%s", msg)
		}
	}
	return v.err(r.One)
}

// ShownColumns are the columns an on-screen table shows: all but the
// hidden fields.
func (r Register) ShownColumns() []Field {
	var out []Field
	for _, f := range r.Columns() {
		if !f.Hidden {
			out = append(out, f)
		}
	}
	return out
}

// Rule checks one thing across a record's fields, in canonical values.
// It returns the field to mark and the plain reason, or "" for both when
// the record keeps the rule.
type Rule func(r Record) (field, message string)

// Field finds a field or derived value by key, as a Field.
func (r Register) Field(key string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Key == key {
			return f, true
		}
	}
	for _, d := range r.Derived {
		if d.Key == key {
			return Field{Key: d.Key, Label: d.Label, Help: d.Help, Type: d.Type, Choices: d.Choices}, true
		}
	}
	return Field{}, false
}

// Columns are the fields and then the derived values, as tables show them.
func (r Register) Columns() []Field {
	out := append([]Field(nil), r.Fields...)
	for _, d := range r.Derived {
		f, _ := r.Field(d.Key)
		out = append(out, f)
	}
	return out
}

// TableColumns are the columns a printed table shows (see Table).
func (r Register) TableColumns() []Field {
	if len(r.Table) == 0 {
		return r.ShownColumns()
	}
	var out []Field
	for _, key := range r.Table {
		if f, ok := r.Field(key); ok {
			out = append(out, f)
		}
	}
	for _, f := range r.Fields {
		if f.Custom {
			out = append(out, f)
		}
	}
	return out
}

// Count is n records in words: "1 risk", "3 risks", "2 parties".
func (r Register) Count(n int) string {
	return CountText(n, r.One, r.Plural())
}

// Plural is the register's word for its records, "risks", "parties".
func (r Register) Plural() string {
	one := r.One
	switch {
	case strings.HasSuffix(one, "y") && !strings.HasSuffix(one, "ay") && !strings.HasSuffix(one, "ey") && !strings.HasSuffix(one, "oy"):
		return strings.TrimSuffix(one, "y") + "ies"
	case strings.HasSuffix(one, "s"), strings.HasSuffix(one, "x"), strings.HasSuffix(one, "ch"), strings.HasSuffix(one, "sh"):
		return one + "es"
	}
	return one + "s"
}

// Reference is how people name a record: its register's prefix and its
// number, "RSK-12".
func (r Register) Reference(number int) string {
	return r.Prefix + "-" + strconv.Itoa(number)
}

// ParseReference reads "RSK-12" (any case, spaces around) as 12; ok is
// false for anything else.
func (r Register) ParseReference(s string) (int, bool) {
	s = strings.TrimSpace(s)
	p := r.Prefix + "-"
	if len(s) <= len(p) || !strings.EqualFold(s[:len(p)], p) {
		return 0, false
	}
	n, err := strconv.Atoi(s[len(p):])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// Record is one row of a register. Values hold each field in its canonical
// text, "" or absent for no value:
//
//   - text and long text as written;
//   - a number in the shortest decimal form, "12.5";
//   - a date as "2006-01-02";
//   - a choice as its key; yes/no as "yes" or "no";
//   - a person as their ID, "17";
//   - links as the IDs of the records, in order, "3,8".
//
// Derived values are in Values too, computed when the record is saved.
type Record struct {
	ID        int64
	Register  string
	Number    int // its number in the register: the 12 of RSK-12
	Values    map[string]string
	CreatedAt time.Time
	UpdatedAt time.Time
	Revision  Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// NewRecord is a new record of reg, holding its fields' defaults.
func NewRecord(reg Register) Record {
	r := Record{Register: reg.Key, Values: map[string]string{}}
	for _, f := range reg.Fields {
		r.Set(f.Key, f.Default)
	}
	return r
}

// Get is the canonical value of a field, "" when it has none.
func (r Record) Get(key string) string { return r.Values[key] }

// Set sets a field's canonical value; "" removes it.
func (r *Record) Set(key, value string) {
	if r.Values == nil {
		r.Values = map[string]string{}
	}
	if value == "" {
		delete(r.Values, key)
		return
	}
	r.Values[key] = value
}

// Num reads a number field; ok is false when it has none.
func (r Record) Num(key string) (float64, bool) {
	v := r.Values[key]
	if v == "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(v, 64)
	return n, err == nil
}

// Date reads a date field; ok is false when it has none.
func (r Record) Date(key string) (time.Time, bool) {
	v := r.Values[key]
	if v == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, v)
	return t, err == nil
}

// IDs reads a person or link field: the IDs it points at, in order.
func (r Record) IDs(key string) []int64 { return ParseIDs(r.Values[key]) }

// SetIDs sets a person or link field.
func (r *Record) SetIDs(key string, ids []int64) { r.Set(key, FormatIDs(ids)) }

// Clone copies the record, values included.
func (r Record) Clone() Record {
	c := r
	c.Values = make(map[string]string, len(r.Values))
	for k, v := range r.Values {
		c.Values[k] = v
	}
	c.Unreadable = append(BadValues(nil), r.Unreadable...)
	return c
}

// DateLayout is how a date is held in a record and in storage.
const DateLayout = "2006-01-02"

// ParseIDs reads "3,8" as [3 8], skipping anything that is not an ID.
func ParseIDs(s string) []int64 {
	if s == "" {
		return nil
	}
	var out []int64
	for _, part := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// FormatIDs writes IDs as a record holds them, "3,8".
func FormatIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// RecordRef names a record for a link, a picker or a list of what links
// to something: its ID, its register and reference, and its title.
type RecordRef struct {
	ID        int64
	Register  string
	Reference string // "SVC-2"
	Title     string
	// Field is, in a list of what links to a record, the field of this
	// record that holds the link.
	Field string
}

// Text is "SVC-2 Managed desktop", or the reference alone.
func (r RecordRef) Text() string {
	if strings.TrimSpace(r.Title) == "" {
		return r.Reference
	}
	return r.Reference + " " + r.Title
}

// RecordQuery asks storage for a page of one register's records.
type RecordQuery struct {
	Register string
	// Search keeps records with a value, a person's name, a choice's label
	// or a reference containing it, without regard to case.
	Search string
	// Filters keep records whose field holds one of the canonical values
	// given (choice keys, person IDs, "yes"); a field with no values given
	// does not filter. "" among the values matches a record without one.
	Filters map[string][]string
	// Sort orders the records; nil is the register's own order.
	Sort []SortKey
	// Offset and Limit page the result; a Limit of 0 returns every record.
	Offset, Limit int
}

// RecordPage is a page of records and how many match in all.
type RecordPage struct {
	Records []Record
	Total   int
}

// SaveSummary counts what SaveRecords did.
type SaveSummary struct {
	Created, Updated, Unchanged int
	// Failed is the place in the list of the record refused, from 0; -1
	// when none was.
	Failed int
}

// RegisterService keeps the records of every register.
type RegisterService interface {
	// Registers are the declarations with the fields users added in this
	// workspace.
	Registers(ctx context.Context) ([]Register, error)
	// Records lists the records that match q, sorted and paged.
	Records(ctx context.Context, q RecordQuery) (RecordPage, error)
	// Record reads one record.
	Record(ctx context.Context, id int64) (Record, error)
	// SaveRecord validates and stores r: a new record when ID is 0. It
	// returns the stored record at its new revision.
	SaveRecord(ctx context.Context, r Record) (Record, error)
	// DeleteRecord removes r, refused while other records link to it.
	DeleteRecord(ctx context.Context, r Record) error
	// RestoreRecord brings back r as DeleteRecord was given it, under its
	// own reference when no other record took it; note says in plain words
	// what it came back without.
	RestoreRecord(ctx context.Context, r Record) (restored Record, note string, err error)
	// RecordRefs names records for a link picker: every record of the
	// register, in reference order.
	RecordRefs(ctx context.Context, register string) ([]RecordRef, error)
	// LinksTo lists the records whose links point at the record id.
	LinksTo(ctx context.Context, id int64) ([]RecordRef, error)
	// RecordRefsOf names the records of the IDs, in their order, leaving
	// out those that no longer exist.
	RecordRefsOf(ctx context.Context, ids []int64) ([]RecordRef, error)
	// SaveRecords stores many records of one register in one transaction,
	// as an import does: all of them or, on the first refusal, none. Each
	// is saved as SaveRecord saves it, audit trail included.
	SaveRecords(ctx context.Context, register string, rs []Record) (SaveSummary, error)
	// ImportRecords adds the custom fields, as AddField does, and saves
	// the records as SaveRecords does, all in one transaction.
	ImportRecords(ctx context.Context, register string, fields []Field, rs []Record) (SaveSummary, error)
	// AddField adds a custom field to a register and returns the register.
	AddField(ctx context.Context, register string, f Field) (Register, error)
}
