package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"smsbuilder/data"
)

// Records lists the records of q.Register that match q's search and
// filters, in q's order, paged. Filtering, sorting and paging happen in
// the query, so that a screen of 10,000 risks reads only what it shows.
// The SQL is plain enough for any server database: joins, EXISTS, LIKE,
// ORDER BY, LIMIT and OFFSET.
func (w *Workspace) Records(ctx context.Context, q data.RecordQuery) (data.RecordPage, error) {
	var page data.RecordPage
	err := w.read(ctx, "list records", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, q.Register)
		if err != nil {
			return err
		}
		from, args := recordsWhere(reg, q)
		if err := tx.QueryRowContext(ctx, "SELECT count(*) "+from, args...).Scan(&page.Total); err != nil {
			return err
		}
		joins, order, jargs := recordsOrder(reg, q.Sort)
		query := "SELECT r.id FROM records r " + joins + strings.TrimPrefix(from, "FROM records r") + " ORDER BY " + order
		args = append(jargs, args...)
		if q.Limit > 0 {
			query += " LIMIT ? OFFSET ?"
			args = append(args, q.Limit, max(q.Offset, 0))
		} else if q.Offset > 0 {
			query += " LIMIT -1 OFFSET ?"
			args = append(args, q.Offset)
		}
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		page.Records, err = loadRecords(ctx, tx, ids)
		return err
	})
	return page, err
}

// recordsWhere is the FROM and WHERE of a record query, and its arguments.
func recordsWhere(reg data.Register, q data.RecordQuery) (string, []any) {
	where := []string{"r.register = ?"}
	args := []any{reg.Key}
	for _, f := range reg.Columns() {
		values := q.Filters[f.Key]
		if len(values) == 0 {
			continue
		}
		var set []string
		none := false
		for _, v := range values {
			if v == "" {
				none = true
				continue
			}
			set = append(set, v)
		}
		table, column := valueTable(f)
		var parts []string
		if len(set) > 0 {
			in, inArgs := inList(set)
			if f.Type == data.FieldPerson || f.Type == data.FieldLink {
				inArgs = idArgs(set)
			}
			parts = append(parts, "EXISTS (SELECT 1 FROM "+table+" x WHERE x.record_id = r.id AND x.field = ? AND x."+column+" IN "+in+")")
			args = append(append(args, f.Key), inArgs...)
		}
		if none {
			parts = append(parts, "NOT EXISTS (SELECT 1 FROM "+table+" x WHERE x.record_id = r.id AND x.field = ?)")
			args = append(args, f.Key)
		}
		where = append(where, "("+strings.Join(parts, " OR ")+")")
	}
	if s := strings.TrimSpace(q.Search); s != "" {
		like := "%" + escapeLike(strings.ToLower(s)) + "%"
		where = append(where, "(r.search LIKE ? ESCAPE '\\' OR lower(? || r.number) LIKE ? ESCAPE '\\'"+
			" OR EXISTS (SELECT 1 FROM record_people x JOIN people p ON p.id = x.person_id WHERE x.record_id = r.id AND lower(p.name) LIKE ? ESCAPE '\\'))")
		args = append(args, like, reg.Prefix+"-", like, like)
	}
	return "FROM records r WHERE " + strings.Join(where, " AND "), args
}

// valueTable is where a field's values are kept, and the column.
func valueTable(f data.Field) (table, column string) {
	switch f.Type {
	case data.FieldPerson:
		return "record_people", "person_id"
	case data.FieldLink:
		return "record_links", "target_id"
	}
	return "record_values", "value"
}

func idArgs(values []string) []any {
	out := make([]any, len(values))
	for i, v := range values {
		n, _ := strconv.ParseInt(v, 10, 64)
		out[i] = n
	}
	return out
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// recordsOrder is the joins and ORDER BY of sort (the register's own when
// nil), and the joins' arguments. Records without a value sort last
// either way; ties keep reference order.
func recordsOrder(reg data.Register, sort []data.SortKey) (string, string, []any) {
	if len(sort) == 0 {
		sort = reg.Sort
	}
	var joins, order []string
	var args []any
	for i, s := range sort {
		if s.Field == data.SortByReference {
			if s.Desc {
				order = append(order, "r.number DESC")
			}
			continue
		}
		f, ok := reg.Field(s.Field)
		if !ok {
			continue
		}
		alias := "s" + strconv.Itoa(i)
		dir := ""
		if s.Desc {
			dir = " DESC"
		}
		switch f.Type {
		case data.FieldPerson:
			joins = append(joins, "LEFT JOIN record_people "+alias+"p ON "+alias+"p.record_id = r.id AND "+alias+"p.field = ? LEFT JOIN people "+alias+" ON "+alias+".id = "+alias+"p.person_id")
			args = append(args, f.Key)
			order = append(order, alias+".name IS NULL", "lower("+alias+".name)"+dir)
		case data.FieldLink:
			// by the first record linked, by its number
			joins = append(joins, "LEFT JOIN (SELECT record_id, min(target_id) AS target_id FROM record_links WHERE field = ? GROUP BY record_id) "+alias+" ON "+alias+".record_id = r.id")
			args = append(args, f.Key)
			order = append(order, alias+".target_id IS NULL", alias+".target_id"+dir)
		default:
			joins = append(joins, "LEFT JOIN record_values "+alias+" ON "+alias+".record_id = r.id AND "+alias+".field = ?")
			args = append(args, f.Key)
			order = append(order, alias+".value IS NULL", alias+".sort_key"+dir, "lower("+alias+".value)"+dir)
		}
	}
	order = append(order, "r.number")
	return strings.Join(joins, " ") + " ", strings.Join(order, ", "), args
}
