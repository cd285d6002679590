package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"smsbuilder/data"
)

// registerSchema is the schema version that brought the register engine.
const registerSchema = 6

// registerViewPrefix names the views: register_risks, register_services.
const registerViewPrefix = "register_"

// Every register has a view with a column per field, so that someone
// reading the file with another SQLite tool sees a table of risks rather
// than rows of values. The views follow the declarations and the fields
// users add: the app writes them again whenever they differ, on opening
// the file for writing and on adding a field. They hold no data, so the
// file check does not count them as part of the schema.

// registerViewSQL is the CREATE VIEW of reg's view.
func registerViewSQL(reg data.Register) string {
	cols := []string{"r.id AS id", quoteLiteral(reg.Prefix+"-") + " || r.number AS reference"}
	for _, f := range reg.Columns() {
		key := quoteLiteral(f.Key)
		var expr string
		switch f.Type {
		case data.FieldLink:
			prefix := strings.ToUpper(f.Link)
			if target, ok := data.FindRegister(f.Link); ok {
				prefix = target.Prefix
			}
			expr = "(SELECT group_concat(ref, '; ') FROM (SELECT " + quoteLiteral(prefix+"-") + " || t.number AS ref FROM record_links l JOIN records t ON t.id = l.target_id WHERE l.record_id = r.id AND l.field = " + key + " ORDER BY l.position))"
		case data.FieldPerson:
			expr = "(SELECT p.name FROM record_people rp JOIN people p ON p.id = rp.person_id WHERE rp.record_id = r.id AND rp.field = " + key + ")"
		default:
			expr = "(SELECT v.value FROM record_values v WHERE v.record_id = r.id AND v.field = " + key + ")"
		}
		cols = append(cols, expr+" AS "+quoteIdent(f.Key))
	}
	cols = append(cols, "r.created_at AS created_at", "r.updated_at AS updated_at", "r.revision AS revision")
	return "CREATE VIEW " + quoteIdent(registerViewPrefix+reg.Key) + " AS SELECT " + strings.Join(cols, ", ") +
		" FROM records r WHERE r.register = " + quoteLiteral(reg.Key)
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// writeRegisterView replaces reg's view.
func writeRegisterView(ctx context.Context, tx *sql.Tx, reg data.Register) error {
	name := quoteIdent(registerViewPrefix + reg.Key)
	if _, err := tx.ExecContext(ctx, "DROP VIEW IF EXISTS "+name); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, registerViewSQL(reg))
	return err
}

// ensureRegisterViews writes every register's view that is missing or
// differs from the declarations, and drops views of registers no longer
// declared; a file whose views are current is not written to.
func ensureRegisterViews(ctx context.Context, db *sql.DB) error {
	return inTx(ctx, db, func(tx *sql.Tx) error {
		regs, err := registers(ctx, tx)
		if err != nil {
			return err
		}
		have := map[string]string{}
		rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'view' AND name LIKE 'register\\_%' ESCAPE '\\'")
		if err != nil {
			return err
		}
		for rows.Next() {
			var name, text string
			if err := rows.Scan(&name, &text); err != nil {
				rows.Close()
				return err
			}
			have[name] = text
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		for _, reg := range regs {
			name := registerViewPrefix + reg.Key
			text, ok := have[name]
			delete(have, name)
			if ok && text == registerViewSQL(reg) {
				continue
			}
			if err := writeRegisterView(ctx, tx, reg); err != nil {
				return err
			}
		}
		for name := range have {
			if _, err := tx.ExecContext(ctx, "DROP VIEW "+quoteIdent(name)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ensureViewsAt ensures the views of a file at schema version, which has
// none before the register engine.
func ensureViewsAt(ctx context.Context, db *sql.DB, version int) error {
	if version < registerSchema {
		return nil
	}
	return ensureRegisterViews(ctx, db)
}

// isRegisterView tells the file check which views are the app's own
// registers' (see above).
func isRegisterView(o schemaObject) bool {
	return o.kind == "view" && strings.HasPrefix(o.name, registerViewPrefix)
}
