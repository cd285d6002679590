package sqlite

import (
	"context"
	"fmt"
	"strconv"

	"smsbuilder/data"
)

// The records of the registers keep their values as text in one table, so
// the exhaustive check reads them by the field their register declares:
// a problem names the register, the record by its reference (RSK-3, as
// people know it; the ID is the app's own) and the field's key, as the
// columns of a table are named.

// recordValueCheck is what a stored value of f must be; nil for values
// the app shows as they are, and for people and links, which the foreign
// keys check.
func recordValueCheck(f data.Field) func(any) string {
	switch f.Type {
	case data.FieldDate:
		return storedDate(false)
	case data.FieldChoice:
		keys := make([]string, len(f.Choices))
		for i, c := range f.Choices {
			keys[i] = c.Key
		}
		return choice(keys...)
	case data.FieldYesNo:
		return choice("yes", "no")
	case data.FieldNumber:
		return text(false, func(s string) string {
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				return "is not a number: " + quoted(s)
			}
			return ""
		})
	}
	return nil
}

// checkRecordValues names each register value the app could not read and
// each required value that is missing.
func checkRecordValues(ctx context.Context, q querier, present map[string]map[string]bool) ([]data.Problem, error) {
	regs := data.Registers()
	if present["custom_fields"]["choices"] {
		var err error
		if regs, err = registers(ctx, q); err != nil {
			return nil, fmt.Errorf("check register fields: %w", err)
		}
	}
	var out []data.Problem
	add := func(reg data.Register, f data.Field, query string, check func(any) string) error {
		rows, err := q.QueryContext(ctx, query, reg.Key, f.Key)
		if err != nil {
			return fmt.Errorf("check %s.%s: %w", reg.Key, f.Key, err)
		}
		defer rows.Close()
		for rows.Next() {
			var number int
			var v any
			if err := rows.Scan(&number, &v); err != nil {
				return fmt.Errorf("check %s.%s: %w", reg.Key, f.Key, err)
			}
			if msg := check(v); msg != "" {
				out = append(out, data.Problem{Kind: data.ProblemValue, Table: reg.Key, RecordID: reg.Reference(number), Field: f.Key, Message: msg})
			}
		}
		return rows.Err()
	}
	for _, reg := range regs {
		for _, f := range reg.Columns() {
			if check := recordValueCheck(f); check != nil {
				if err := add(reg, f, `SELECT r.number, v.value FROM record_values v JOIN records r ON r.id = v.record_id
					WHERE r.register = ? AND v.field = ? ORDER BY r.number`, check); err != nil {
					return nil, err
				}
			}
			if !f.Required || f.Type == data.FieldPerson || f.Type == data.FieldLink {
				continue
			}
			if err := add(reg, f, `SELECT r.number, (SELECT v.value FROM record_values v WHERE v.record_id = r.id AND v.field = ?2)
				FROM records r WHERE r.register = ?1 AND coalesce((SELECT trim(v.value) FROM record_values v
				WHERE v.record_id = r.id AND v.field = ?2), '') = '' ORDER BY r.number`, required()); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
