package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"

	"smsbuilder/data"
)

// The records of every register live in four tables (see migration 0006):
// records, their values, their links to other records and their people.
// What a register holds is read from its declaration in data, so nothing
// here names a register.

// idBatch bounds the IDs one query names, well under SQLite's limit on
// bound parameters.
const idBatch = 500

func errNoRecord(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no record with ID %d: it may have been deleted.", id)
}

func errNoRegister(key string) *data.Error {
	return data.Errorf(data.ENotFound, "There is no register called %q.", key)
}

func recordRevised(reg data.Register, id int64) revised {
	return byID("records", reg.One, id, "this "+reg.One)
}

// Registers are the declared registers with the fields added to them in
// this workspace.
func (w *Workspace) Registers(ctx context.Context) ([]data.Register, error) {
	var out []data.Register
	err := w.read(ctx, "list registers", func(tx *sql.Tx) error {
		var err error
		out, err = registers(ctx, tx)
		return err
	})
	return out, err
}

// registers reads the custom fields into the declarations.
func registers(ctx context.Context, q querier) ([]data.Register, error) {
	regs := data.Registers()
	rows, err := q.QueryContext(ctx, "SELECT register, key, label, type, choices FROM custom_fields ORDER BY register, position")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var reg, key, label, typ, choices string
		if err := rows.Scan(&reg, &key, &label, &typ, &choices); err != nil {
			return nil, err
		}
		f := data.Field{Key: key, Label: label, Type: data.FieldType(typ), Custom: true}
		var labels []string
		if err := json.Unmarshal([]byte(choices), &labels); err == nil {
			for _, l := range labels {
				f.Choices = append(f.Choices, data.Choice{Key: l, Label: l})
			}
		}
		for i := range regs {
			if regs[i].Key == reg {
				regs[i].Fields = append(regs[i].Fields, f)
			}
		}
	}
	return regs, rows.Err()
}

func findRegister(ctx context.Context, q querier, key string) (data.Register, error) {
	regs, err := registers(ctx, q)
	if err != nil {
		return data.Register{}, err
	}
	for _, r := range regs {
		if r.Key == key {
			return r, nil
		}
	}
	return data.Register{}, errNoRegister(key)
}

// Record reads one record.
func (w *Workspace) Record(ctx context.Context, id int64) (data.Record, error) {
	var out data.Record
	err := w.read(ctx, "read record", func(tx *sql.Tx) error {
		var err error
		out, err = readRecord(ctx, tx, id)
		return err
	})
	return out, err
}

func readRecord(ctx context.Context, q querier, id int64) (data.Record, error) {
	recs, err := loadRecords(ctx, q, []int64{id})
	if err != nil {
		return data.Record{}, err
	}
	if len(recs) == 0 {
		return data.Record{}, errNoRecord(id)
	}
	return recs[0], nil
}

// loadRecords reads the records with ids, in that order; IDs of no record
// are left out.
func loadRecords(ctx context.Context, q querier, ids []int64) ([]data.Record, error) {
	byID := make(map[int64]*data.Record, len(ids))
	order := make([]*data.Record, 0, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		batch := ids[start:min(start+idBatch, len(ids))]
		in, args := inList(batch)
		rows, err := q.QueryContext(ctx, "SELECT id, register, number, created_at, updated_at, revision FROM records WHERE id IN "+in, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			r := &data.Record{Values: map[string]string{}}
			var created, updated string
			if err := rows.Scan(&r.ID, &r.Register, &r.Number, &created, &updated, &r.Revision); err != nil {
				rows.Close()
				return nil, err
			}
			v := readValues("record", r.Register)
			r.CreatedAt = v.time("CreatedAt", "time of creation", created)
			r.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
			r.Unreadable = v.bad
			byID[r.ID] = r
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
		if err := eachRow(ctx, q, "SELECT record_id, field, value FROM record_values WHERE record_id IN "+in, args, func(id int64, field, value string) {
			if r := byID[id]; r != nil {
				r.Values[field] = value
			}
		}); err != nil {
			return nil, err
		}
		if err := eachRow(ctx, q, "SELECT record_id, field, group_concat(target_id, ',') FROM (SELECT record_id, field, target_id FROM record_links WHERE record_id IN "+in+" ORDER BY record_id, field, position) GROUP BY record_id, field", args, func(id int64, field, value string) {
			if r := byID[id]; r != nil {
				r.Values[field] = value
			}
		}); err != nil {
			return nil, err
		}
		if err := eachRow(ctx, q, "SELECT record_id, field, CAST(person_id AS TEXT) FROM record_people WHERE record_id IN "+in, args, func(id int64, field, value string) {
			if r := byID[id]; r != nil {
				r.Values[field] = value
			}
		}); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		if r := byID[id]; r != nil {
			order = append(order, r)
		}
	}
	out := make([]data.Record, len(order))
	known := map[string]data.Register{}
	for i, r := range order {
		reg, ok := known[r.Register]
		if !ok {
			reg, _ = data.FindRegister(r.Register)
			known[r.Register] = reg
		}
		noteUnreadable(reg, r)
		out[i] = *r
	}
	return out, nil
}

// noteUnreadable marks the values another program stored that are not
// what their field holds (a date of 31/02, a choice no longer offered),
// so that screens and packs say "unreadable" rather than show them as
// valid; the value is kept, so nothing is lost by reading it.
func noteUnreadable(reg data.Register, r *data.Record) {
	for _, f := range reg.Fields {
		if v := r.Values[f.Key]; !f.Readable(v) {
			r.Unreadable = append(r.Unreadable, data.NewUnreadable(data.RecordName(reg.Reference(r.Number), r.Values[reg.TitleField]), f.Key, midSentence(f.Label), v))
		}
	}
}

// midSentence is a label as a sentence reads it after "The": "review
// date", but "SLA targets".
func midSentence(label string) string {
	if len(label) > 1 && unicode.IsLower(rune(label[1])) {
		return lowerFirst(label)
	}
	return label
}

func eachRow(ctx context.Context, q querier, query string, args []any, fn func(id int64, field, value string)) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var field, value string
		if err := rows.Scan(&id, &field, &value); err != nil {
			rows.Close()
			return err
		}
		fn(id, field, value)
	}
	return closeRows(rows)
}

func closeRows(rows *sql.Rows) error {
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	return rows.Close()
}

// inList is "(?, ?, ?)" and its arguments.
func inList[T any](items []T) (string, []any) {
	args := make([]any, len(items))
	for i, v := range items {
		args[i] = v
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(items)), ", ") + ")", args
}

// SaveRecord validates and stores r: a new record when r.ID is 0, else an
// update of that one. The people and records it points at must exist, and
// a link must point at a record of the register the field names. It
// computes the derived values, records the change in the audit trail under
// the register's One, and returns the stored record at its new revision.
// An update from a copy older than the stored record is refused with
// data.EConflict; saving an unchanged record writes nothing.
func (w *Workspace) SaveRecord(ctx context.Context, r data.Record) (data.Record, error) {
	if w.readOnly {
		return data.Record{}, w.errReadOnly()
	}
	var saved data.Record
	err := w.write(ctx, "save record", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, r.Register)
		if err != nil {
			return err
		}
		saved, err = saveRecord(ctx, tx, w.now(), reg, r)
		return err
	})
	if err != nil {
		return data.Record{}, err
	}
	return saved, nil
}

// SaveRecords stores rs, records of register, in one transaction: new ones
// and updates by ID alike. The first refusal rolls every one back and is
// returned with its place in the list.
func (w *Workspace) SaveRecords(ctx context.Context, register string, rs []data.Record) (data.SaveSummary, error) {
	return w.ImportRecords(ctx, register, nil, rs)
}

// ImportRecords adds the custom fields and then saves the records, in one
// transaction: a refused record leaves no new field behind.
func (w *Workspace) ImportRecords(ctx context.Context, register string, fields []data.Field, rs []data.Record) (data.SaveSummary, error) {
	sum := data.SaveSummary{Failed: -1}
	if w.readOnly {
		return sum, w.errReadOnly()
	}
	err := w.write(ctx, "save records", func(tx *sql.Tx) error {
		now := w.now()
		for _, f := range fields {
			if _, err := addField(ctx, tx, now, register, f); err != nil {
				return err
			}
		}
		reg, err := findRegister(ctx, tx, register)
		if err != nil {
			return err
		}
		st := prepared(tx)
		for i, r := range rs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if r.Register == "" {
				r.Register = reg.Key
			}
			_, changed, err := storeRecord(ctx, st, now, reg, r)
			if err != nil {
				sum.Failed = i
				return err
			}
			switch {
			case r.ID == 0:
				sum.Created++
			case !changed:
				sum.Unchanged++
			default:
				sum.Updated++
			}
		}
		return nil
	})
	if err != nil {
		failed := sum.Failed
		return data.SaveSummary{Failed: failed}, err
	}
	return sum, nil
}

func saveRecord(ctx context.Context, tx dbtx, now time.Time, reg data.Register, r data.Record) (data.Record, error) {
	id, _, err := storeRecord(ctx, tx, now, reg, r)
	if err != nil {
		return data.Record{}, err
	}
	return readRecord(ctx, tx, id)
}

// storeRecord is saveRecord without reading the record back, for saving
// many: it returns the record's ID and whether anything changed.
func storeRecord(ctx context.Context, tx dbtx, now time.Time, reg data.Register, r data.Record) (int64, bool, error) {
	r = r.Clone()
	for _, d := range reg.Derived {
		delete(r.Values, d.Key)
	}
	if r.ID == 0 && reg.Key == data.ExternalFindingsRegister {
		if err := fillFindingDeadlines(ctx, tx, now, &r); err != nil {
			return 0, false, err
		}
	}
	if err := reg.Validate(r); err != nil {
		return 0, false, err
	}
	if err := checkTargets(ctx, tx, reg, r); err != nil {
		return 0, false, err
	}
	reg.Derive(&r)
	var old data.Record
	if r.ID != 0 {
		var err error
		if old, err = readRecord(ctx, tx, r.ID); err != nil {
			return 0, false, recordRevised(reg, r.ID).gone(ctx, tx, now, err)
		}
		if old.Register != reg.Key {
			return 0, false, errNoRecord(r.ID)
		}
		if err := reg.ValidateChange(old, r); err != nil {
			return 0, false, err
		}
	}
	fields, after, err := describeRecord(ctx, tx, reg, r)
	if err != nil {
		return 0, false, err
	}
	before := map[string]string{}
	action := data.ActionCreate
	id := r.ID
	if id == 0 {
		err := tx.QueryRowContext(ctx, `INSERT INTO records (register, number, created_at, updated_at)
			VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM records WHERE register = ?), ?, ?) RETURNING id`,
			reg.Key, reg.Key, formatTime(now), formatTime(now)).Scan(&id)
		if err != nil {
			return 0, false, err
		}
	} else {
		if _, before, err = describeRecord(ctx, tx, reg, old); err != nil {
			return 0, false, err
		}
		action = data.ActionUpdate
		if len(data.Diff(fields, before, after)) == 0 && sameValues(old, r) {
			return id, false, nil
		}
		if err := recordRevised(reg, id).update(ctx, tx, now, r.Revision, "updated_at = ?", formatTime(now)); err != nil {
			return 0, false, err
		}
	}
	forgetRecord(tx, id)
	if err := writeValues(ctx, tx, reg, id, r); err != nil {
		return 0, false, err
	}
	if err := writeSearch(ctx, tx, reg, id, after); err != nil {
		return 0, false, err
	}
	if err := record(ctx, tx, now, reg.One, idText(id), action, data.Diff(fields, before, after)); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

func sameValues(a, b data.Record) bool {
	if len(a.Values) != len(b.Values) {
		return false
	}
	for k, v := range a.Values {
		if b.Values[k] != v {
			return false
		}
	}
	return true
}

// writeValues replaces the stored values, links and people of record id
// with r's.
func writeValues(ctx context.Context, tx dbtx, reg data.Register, id int64, r data.Record) error {
	if r.ID != 0 { // a new record has nothing to replace
		for _, table := range []string{"record_values", "record_links", "record_people"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE record_id = ?", id); err != nil {
				return err
			}
		}
	}
	for _, f := range reg.Columns() {
		value := r.Get(f.Key)
		if value == "" {
			continue
		}
		var err error
		switch f.Type {
		case data.FieldLink:
			for i, target := range data.ParseIDs(value) {
				if _, err = tx.ExecContext(ctx, "INSERT INTO record_links (record_id, field, target_id, position) VALUES (?, ?, ?, ?)", id, f.Key, target, i); err != nil {
					break
				}
			}
		case data.FieldPerson:
			_, err = tx.ExecContext(ctx, "INSERT INTO record_people (record_id, field, person_id) VALUES (?, ?, ?)", id, f.Key, data.ParseIDs(value)[0])
		default:
			_, err = tx.ExecContext(ctx, "INSERT INTO record_values (record_id, field, value, sort_key) VALUES (?, ?, ?, ?)", id, f.Key, value, sortKey(f, value))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeSearch stores the search text of record id, described as the audit
// trail words it.
func writeSearch(ctx context.Context, tx dbtx, reg data.Register, id int64, described map[string]string) error {
	_, err := tx.ExecContext(ctx, "UPDATE records SET search = ? WHERE id = ?", searchText(reg, described), id)
	return err
}

// searchText is what a search finds the record by: its values as the
// audit trail words them (choices by label, links by reference and title), in lower
// case. People are found by their current name through a join instead, so
// that renaming someone needs no rewrite here, and the record's own
// reference from its number.
func searchText(reg data.Register, described map[string]string) string {
	var parts []string
	for _, f := range reg.Columns() {
		if f.Type == data.FieldPerson {
			continue
		}
		if v := described[f.Key]; v != "" {
			parts = append(parts, v)
		}
	}
	return strings.ToLower(strings.Join(parts, "\n"))
}

// sortKey is the number a value sorts by in storage; nil sorts as text.
func sortKey(f data.Field, value string) any {
	switch f.Type {
	case data.FieldNumber:
		if n, err := strconv.ParseFloat(value, 64); err == nil {
			return n
		}
	case data.FieldChoice:
		return f.Rank(value)
	case data.FieldYesNo:
		if value == "yes" {
			return 1
		}
		return 0
	}
	return nil
}

// checkTargets refuses a record pointing at a person or record that does
// not exist, or at a record of another register, naming the field.
func checkTargets(ctx context.Context, tx dbtx, reg data.Register, r data.Record) error {
	var fields []data.FieldError
	for _, f := range reg.Fields {
		ids := r.IDs(f.Key)
		if len(ids) == 0 || (f.Type != data.FieldPerson && f.Type != data.FieldLink) {
			continue
		}
		var n int
		if f.Type == data.FieldPerson {
			if peopleKnown(tx, ids) {
				continue
			}
			in, args := inList(ids)
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id IN "+in, args...).Scan(&n); err != nil {
				return err
			}
		} else {
			refs, err := linkedRefs(ctx, tx, ids)
			if err != nil {
				return err
			}
			found := map[int64]bool{} // each record once, as a count of rows would
			for _, ref := range refs {
				if ref.Register == f.Link {
					found[ref.ID] = true
				}
			}
			n = len(found)
		}
		if n == len(ids) {
			continue
		}
		msg := "Choose again: a record chosen no longer exists."
		if f.Type == data.FieldPerson {
			msg = "Choose another person: this person no longer exists."
		}
		fields = append(fields, data.FieldError{Field: f.Key, Message: msg})
	}
	if len(fields) > 0 {
		return &data.Error{Code: data.ENotFound, Message: "The " + reg.One + " was not saved: something it points at was deleted.", Fields: fields}
	}
	return nil
}

// describeRecord is a record as the audit trail shows it: each field in
// declaration order, people by name, links by reference, choices by label.
func describeRecord(ctx context.Context, tx dbtx, reg data.Register, r data.Record) ([]string, map[string]string, error) {
	cols := reg.Columns()
	fields := make([]string, 0, len(cols))
	values := make(map[string]string, len(cols))
	for _, f := range cols {
		fields = append(fields, f.Key)
		v := r.Get(f.Key)
		switch f.Type {
		case data.FieldPerson:
			name := ""
			if ids := data.ParseIDs(v); len(ids) > 0 {
				var err error
				if name, err = personName(ctx, tx, ids[0]); err != nil {
					return nil, nil, err
				}
			}
			v = name
		case data.FieldLink:
			refs, err := linkedRefs(ctx, tx, r.IDs(f.Key))
			if err != nil {
				return nil, nil, err
			}
			parts := make([]string, len(refs))
			for i, ref := range refs {
				parts[i] = ref.Text() // the title too, so that a search finds it
			}
			v = strings.Join(parts, "; ")
		case data.FieldChoice:
			if c, ok := f.Choice(v); ok {
				v = c.Label
			}
		}
		values[f.Key] = v
	}
	return fields, values, nil
}

// refsOf names the records with ids, in that order.
func refsOf(ctx context.Context, q querier, ids []int64) ([]data.RecordRef, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byID := map[int64]data.RecordRef{}
	for start := 0; start < len(ids); start += idBatch {
		in, args := inList(ids[start:min(start+idBatch, len(ids))])
		refs, err := queryRefs(ctx, q, "WHERE r.id IN "+in, args)
		if err != nil {
			return nil, err
		}
		for _, ref := range refs {
			byID[ref.ID] = ref
		}
	}
	out := make([]data.RecordRef, 0, len(ids))
	for _, id := range ids {
		if ref, ok := byID[id]; ok {
			out = append(out, ref)
		}
	}
	return out, nil
}

// queryRefs names the records where says, with their titles.
func queryRefs(ctx context.Context, q querier, where string, args []any) ([]data.RecordRef, error) {
	rows, err := q.QueryContext(ctx, "SELECT r.id, r.register, r.number FROM records r "+where+" ORDER BY r.register, r.number", args...)
	if err != nil {
		return nil, err
	}
	var out []data.RecordRef
	known := map[string]data.Register{} // declarations are built on each call
	for rows.Next() {
		var ref data.RecordRef
		var number int
		if err := rows.Scan(&ref.ID, &ref.Register, &number); err != nil {
			rows.Close()
			return nil, err
		}
		reg, ok := known[ref.Register]
		if !ok {
			if reg, ok = data.FindRegister(ref.Register); !ok {
				reg = data.Register{Prefix: strings.ToUpper(ref.Register)}
			}
			known[ref.Register] = reg
		}
		ref.Reference = reg.Reference(number)
		out = append(out, ref)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	// titles by register, each naming its records by its own title field
	byRegister := map[string][]int64{}
	for _, ref := range out {
		byRegister[ref.Register] = append(byRegister[ref.Register], ref.ID)
	}
	titles := map[int64]string{}
	for key, regIDs := range byRegister {
		reg := known[key]
		for start := 0; start < len(regIDs); start += idBatch {
			in, args := inList(regIDs[start:min(start+idBatch, len(regIDs))])
			if err := eachRow(ctx, q, "SELECT record_id, field, value FROM record_values WHERE field = ? AND record_id IN "+in, append([]any{reg.TitleField}, args...), func(id int64, _, value string) {
				titles[id] = value
			}); err != nil {
				return nil, err
			}
		}
	}
	for i := range out {
		out[i].Title = titles[out[i].ID]
	}
	return out, nil
}
