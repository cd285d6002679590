package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"smsbuilder/data"
)

// valueCheck declares one stored column and what its values must be, for
// the exhaustive check: a new register adds its rows to valueChecks.
type valueCheck struct {
	table, column string
	since         int    // the schema version that added the column
	until         int    // the schema version that dropped it; 0 while kept
	where         string // SQL condition choosing the rows checked; "" for all
	// check says what is wrong with a value, "" when nothing is. v is as
	// the driver gives it: nil, int64, float64, string or []byte.
	check func(v any) string
}

// valueChecks lists every column whose values the app parses. Columns of
// free text the app shows as it is are not listed.
func valueChecks() []valueCheck {
	revision := wholeNumber(1, 1<<62)
	paper, formats, roles, steps := texts(data.PaperSizes()), texts(data.DateFormats()), texts(data.RoleKinds()), texts(data.StepStatuses())
	docStatuses := texts(data.DocStatuses())
	return []valueCheck{
		{table: "meta", column: "value", since: 1, where: "key = 'created_at'", check: storedTime(false)},

		{table: "organisation", column: "legal_name", since: 1, check: required()},
		{table: "organisation", column: "logo", since: 1, check: logo()},
		{table: "organisation", column: "services", since: 1, check: storedList()},
		{table: "organisation", column: "locations", since: 1, check: storedList()},
		{table: "organisation", column: "paper_size", since: 1, check: choice(paper...)},
		{table: "organisation", column: "date_format", since: 1, check: choice(formats...)},
		{table: "organisation", column: "iso9001", since: 7, check: choice(texts(data.StandardStatuses())...)},
		{table: "organisation", column: "iso27001", since: 7, check: choice(texts(data.StandardStatuses())...)},
		{table: "organisation", column: "correction_plan_days", since: 8, check: wholeNumber(1, data.MaxDeadlineDays)},
		{table: "organisation", column: "evidence_days", since: 8, check: wholeNumber(1, data.MaxDeadlineDays)},
		{table: "organisation", column: "evidence_limit_mb", since: 8, check: wholeNumber(1, data.MaxEvidenceLimitMB)},
		{table: "organisation", column: "updated_at", since: 1, check: storedTime(false)},
		{table: "organisation", column: "revision", since: 4, check: revision},

		{table: "people", column: "name", since: 1, check: required()},
		{table: "people", column: "created_at", since: 1, check: storedTime(false)},
		{table: "people", column: "updated_at", since: 1, check: storedTime(false)},
		{table: "people", column: "revision", since: 4, check: revision},
		{table: "person_roles", column: "kind", since: 1, check: choice(roles...)},

		{table: "audit_trail", column: "at", since: 1, check: storedTime(false)},
		{table: "audit_trail", column: "entity", since: 1, check: required()},
		{table: "audit_trail", column: "action", since: 1, check: choice(data.ActionCreate, data.ActionUpdate, data.ActionDelete, data.ActionRestore)},
		{table: "audit_trail", column: "changes", since: 1, check: auditChanges()},

		{table: "step_progress", column: "status", since: 2, check: choice(steps...)},
		{table: "step_progress", column: "due", since: 2, check: storedDate(true)},
		{table: "step_progress", column: "updated_at", since: 2, check: storedTime(false)},
		{table: "step_progress", column: "revision", since: 4, check: revision},
		{table: "plan", column: "target_date", since: 2, check: storedDate(true)},
		{table: "plan", column: "updated_at", since: 2, check: storedTime(false)},
		{table: "plan", column: "revision", since: 4, check: revision},
		{table: "assessments", column: "title", since: 2, check: required()},
		{table: "assessments", column: "assessed_on", since: 2, check: storedDate(false)},
		{table: "assessments", column: "created_at", since: 2, check: storedTime(false)},
		{table: "assessments", column: "revision", since: 4, check: revision},
		{table: "answers", column: "score", since: 2, check: score()},
		{table: "answers", column: "updated_at", since: 2, check: storedTime(false)},
		{table: "answers", column: "revision", since: 4, check: revision},
		{table: "tasks", column: "title", since: 2, until: registerSchema, check: required()},
		{table: "tasks", column: "due", since: 2, until: registerSchema, check: storedDate(true)},
		{table: "tasks", column: "status", since: 2, until: registerSchema, check: choice(texts(data.TaskStatuses())...)},
		{table: "tasks", column: "source_kind", since: 2, until: registerSchema, check: choice(data.TaskSources()...)},
		{table: "tasks", column: "created_at", since: 2, until: registerSchema, check: storedTime(false)},
		{table: "tasks", column: "updated_at", since: 2, until: registerSchema, check: storedTime(false)},
		{table: "tasks", column: "revision", since: 4, until: registerSchema, check: revision},

		{table: "evidence", column: "target_kind", since: 9, check: choice(data.EvidenceKinds()...)},
		{table: "evidence", column: "target_ref", since: 9, check: required()},
		{table: "evidence", column: "name", since: 9, check: required()},
		{table: "evidence", column: "added_at", since: 9, check: storedTime(false)},

		{table: "documents", column: "number", since: 3, check: required()},
		{table: "documents", column: "title", since: 3, check: required()},
		{table: "documents", column: "clauses", since: 3, check: storedList()},
		{table: "documents", column: "created_at", since: 3, check: storedTime(false)},
		{table: "documents", column: "updated_at", since: 3, check: storedTime(false)},
		{table: "documents", column: "revision", since: 4, check: revision},
		{table: "document_versions", column: "major", since: 3, check: wholeNumber(1, 1<<31)},
		{table: "document_versions", column: "minor", since: 3, check: wholeNumber(0, 1<<31)},
		{table: "document_versions", column: "status", since: 3, check: choice(docStatuses...)},
		{table: "document_versions", column: "sha256", since: 3, check: sha256OrEmpty()},
		{table: "document_versions", column: "approved_at", since: 3, check: storedTime(true)},
		{table: "document_versions", column: "review_due", since: 3, check: storedDate(true)},
		{table: "document_versions", column: "created_at", since: 3, check: storedTime(false)},
		{table: "document_versions", column: "updated_at", since: 3, check: storedTime(false)},
		{table: "document_versions", column: "revision", since: 4, check: revision},
		{table: "document_versions", column: "effective_from", since: 5, check: storedDate(true)},

		{table: "records", column: "created_at", since: registerSchema, check: storedTime(false)},
		{table: "records", column: "updated_at", since: registerSchema, check: storedTime(false)},
		{table: "records", column: "revision", since: registerSchema, check: revision},
	}
}

// texts are the values of a choice list as stored.
func texts[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// recordKey is the SQL naming a table's record as the audit trail does.
func recordKey(table string) string {
	switch table {
	case "meta":
		return "key"
	case "step_progress":
		return "step_id"
	case "answers":
		return "assessment_id || '/' || question_id"
	case "person_roles":
		return "person_id || '/' || position"
	case "record_values", "record_links", "record_people":
		return "record_id || '/' || field"
	}
	return "id"
}

// checkValues reads every declared column of the tables the file has and
// names each value the app could not read. present holds the file's
// columns by table; a missing one is the schema check's to report.
func checkValues(ctx context.Context, q querier, version int, present map[string]map[string]bool) ([]data.Problem, error) {
	var out []data.Problem
	for _, c := range valueChecks() {
		if c.since > version || (c.until != 0 && c.until <= version) || !present[c.table][c.column] {
			continue
		}
		// Table and column names come from the list above, never from the file.
		query := "SELECT " + recordKey(c.table) + ", " + c.column + " FROM " + c.table
		if c.where != "" {
			query += " WHERE " + c.where
		}
		rows, err := q.QueryContext(ctx, query)
		if err != nil {
			return nil, fmt.Errorf("check %s.%s: %w", c.table, c.column, err)
		}
		for rows.Next() {
			var key, v any
			if err := rows.Scan(&key, &v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("check %s.%s: %w", c.table, c.column, err)
			}
			if msg := c.check(v); msg != "" {
				out = append(out, data.Problem{Kind: data.ProblemValue, Table: c.table, RecordID: keyText(key), Field: c.column, Message: msg})
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("check %s.%s: %w", c.table, c.column, err)
		}
	}
	if version < registerSchema || !present["record_values"]["value"] || !present["records"]["register"] {
		return out, nil
	}
	p, err := checkRecordValues(ctx, q, present)
	return append(out, p...), err
}

func keyText(k any) string {
	s, _ := asText(k)
	return s
}

// asText is a stored value as the text a scan into a string gives; ok is
// false for NULL.
func asText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		return string(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	}
	return fmt.Sprint(v), true
}

// quoted shows a bad value in a message, cut short when long.
func quoted(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}

// text wraps a check of a value's text: NULL is refused unless nullable.
func text(nullable bool, fn func(s string) string) func(any) string {
	return func(v any) string {
		s, ok := asText(v)
		if !ok {
			if nullable {
				return ""
			}
			return "is empty (NULL) but must hold a value"
		}
		return fn(s)
	}
}

func required() func(any) string {
	return text(false, func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "is blank but must hold a value"
		}
		return ""
	})
}

// storedTime is a time as formatTime stores it: fixed-width UTC, so that
// text order is time order.
func storedTime(nullable bool) func(any) string {
	return text(nullable, func(s string) string {
		t, err := parseTime(s)
		if err != nil {
			return "is not a time: " + quoted(s)
		}
		if formatTime(t) != s {
			return "is a time, but not in the form SMS Builder stores (UTC, with milliseconds): " + quoted(s)
		}
		return ""
	})
}

func storedDate(nullable bool) func(any) string {
	return text(nullable, func(s string) string {
		if _, err := parseDate(sql.NullString{String: s, Valid: true}); err != nil {
			return "is not a date (YYYY-MM-DD): " + quoted(s)
		}
		return ""
	})
}

func storedList() func(any) string {
	return text(false, func(s string) string {
		if _, err := parseList(s); err != nil {
			return "is not a list (a JSON array of text): " + quoted(s)
		}
		return ""
	})
}

func choice(values ...string) func(any) string {
	return text(false, func(s string) string {
		for _, c := range values {
			if s == c {
				return ""
			}
		}
		return fmt.Sprintf("is %s, which is not one of %s", quoted(s), strings.Join(values, ", "))
	})
}

// wholeNumber is an INTEGER column's value between lo and hi.
func wholeNumber(lo, hi int64) func(any) string {
	return func(v any) string {
		n, ok := v.(int64)
		if !ok {
			s, _ := asText(v)
			return "is not a whole number: " + quoted(s)
		}
		if n < lo || n > hi {
			return fmt.Sprintf("is %d, outside %d to %d", n, lo, hi)
		}
		return ""
	}
}

// score is a gap answer's maturity: 0 to 4, or -1 for not applicable.
func score() func(any) string {
	in := wholeNumber(int64(data.MaturityNA), int64(data.MaturityFully))
	return func(v any) string {
		if msg := in(v); msg != "" {
			return msg + " (a score is 0 to 4, or -1 for not applicable)"
		}
		return ""
	}
}

func sha256OrEmpty() func(any) string {
	return text(false, func(s string) string {
		if s != "" && !isHexHash(s) {
			return "is not a SHA-256 (64 lower-case hex digits): " + quoted(s)
		}
		return ""
	})
}

// auditChanges is an audit entry's changes: a JSON array of field changes.
func auditChanges() func(any) string {
	return text(false, func(s string) string {
		var cs []data.FieldChange
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&cs); err != nil || dec.More() || cs == nil {
			return "is not a list of field changes (JSON): " + quoted(s)
		}
		return ""
	})
}

// logo is a PNG or JPEG image, or nothing.
func logo() func(any) string {
	return func(v any) string {
		var b []byte
		switch x := v.(type) {
		case nil:
			return ""
		case []byte:
			b = x
		case string:
			b = []byte(x)
		default:
			return "is not an image"
		}
		if len(b) > 0 && data.LogoKind(b) == "" {
			return fmt.Sprintf("is %d bytes that are neither a PNG nor a JPEG image", len(b))
		}
		return ""
	}
}
