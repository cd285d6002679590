package sqlite

import (
	"context"
	"strings"
	"testing"

	"smsbuilder/data"
)

// The schema itself guards approved text, for any program that opens the
// file: each statement runs in a transaction that is rolled back, so every
// case starts from the same rows.
func TestDocumentSchemaGuards(t *testing.T) {
	ws := newWorkspace(t)
	hash := data.HashText("Approved text")
	setup := []string{
		`INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Margaret Holloway', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')`,
		`INSERT INTO documents (id, number, title, created_at, updated_at) VALUES
			(1, 'SMS-DOC-01', 'Policy', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'),
			(2, 'SMS-DOC-02', 'Plan', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')`,
		// Document 1: 1.0 superseded, 1.1 approved, 1.2 withdrawn, 1.3 draft.
		// Document 2: 1.0 in review.
		`INSERT INTO document_versions (id, document_id, major, minor, status, body, sha256, approved_by, approved_at, review_due, created_at, updated_at) VALUES
			(1, 1, 1, 0, 'superseded', 'Approved text', '` + hash + `', 1, '2026-12-01T09:00:00.000Z', '2027-12-01', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'),
			(2, 1, 1, 1, 'approved', 'Approved text', '` + hash + `', 1, '2026-12-01T09:00:00.000Z', '2027-12-01', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'),
			(3, 1, 1, 2, 'withdrawn', 'Withdrawn draft', '', NULL, NULL, NULL, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'),
			(4, 1, 1, 3, 'draft', 'Draft text', '', NULL, NULL, NULL, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'),
			(5, 2, 1, 0, 'in-review', 'Review text', '', NULL, NULL, NULL, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')`,
	}
	for _, s := range setup {
		if _, err := ws.db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	// values inserts a version: document_id, major, minor, status, body,
	// sha256, approved_at.
	values := func(v string) string {
		return `INSERT INTO document_versions (document_id, major, minor, status, body, sha256, approved_at, created_at, updated_at)
			VALUES (` + v + `, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')`
	}

	tests := []struct {
		name string
		stmt string
		want string // "" when the statement is allowed; else part of SQLite's complaint
	}{
		{"change the text of an approved version", "UPDATE document_versions SET body = 'Changed' WHERE id = 2", "approved text is frozen"},
		{"change the hash of an approved version", "UPDATE document_versions SET sha256 = '" + data.HashText("Changed") + "' WHERE id = 2", "approved text is frozen"},
		{"change text and hash together", "UPDATE document_versions SET body = 'Changed', sha256 = '" + data.HashText("Changed") + "' WHERE id = 2", "approved text is frozen"},
		{"change the text of a superseded version", "UPDATE document_versions SET body = 'Changed' WHERE id = 1", "approved text is frozen"},
		{"change the text of a withdrawn version", "UPDATE document_versions SET body = 'Changed' WHERE id = 3", "approved text is frozen"},
		{"delete an approved version", "DELETE FROM document_versions WHERE id = 2", "approved text is frozen"},
		{"delete a superseded version", "DELETE FROM document_versions WHERE id = 1", "approved text is frozen"},
		{"delete a withdrawn version", "DELETE FROM document_versions WHERE id = 3", "approved text is frozen"},
		{"delete a document with approved versions", "DELETE FROM documents WHERE id = 1", "approved text is frozen"},
		{"send an approved version back to draft", "UPDATE document_versions SET status = 'draft' WHERE id = 2", "approved text is frozen"},
		{"approve a superseded version again", "UPDATE document_versions SET status = 'approved' WHERE id = 1", "approved text is frozen"},
		{"revive a withdrawn version", "UPDATE document_versions SET status = 'draft' WHERE id = 3", "approved text is frozen"},
		{"a second approved version", values("1, 2, 0, 'approved', 'x', '" + data.HashText("x") + "', '2026-12-01T09:00:00.000Z'"), "UNIQUE"},
		{"a second draft", values("1, 2, 0, 'draft', 'x', '', NULL"), "UNIQUE"},
		{"a draft beside one in review", values("2, 1, 1, 'draft', 'x', '', NULL"), "UNIQUE"},
		{"approved without a hash", values("2, 2, 0, 'approved', 'x', '', '2026-12-01T09:00:00.000Z'"), "CHECK"},
		{"an unknown status", values("2, 2, 0, 'published', 'x', '', NULL"), "CHECK"},
		{"version 0.1", values("2, 0, 1, 'withdrawn', 'x', '', NULL"), "CHECK"},
		{"a version of no document", values("99, 1, 0, 'withdrawn', 'x', '', NULL"), "FOREIGN KEY"},
		{"a duplicate document number", "INSERT INTO documents (number, title, created_at, updated_at) VALUES ('SMS-DOC-01', 'Again', 'x', 'x')", "UNIQUE"},

		{"supersede an approved version", "UPDATE document_versions SET status = 'superseded' WHERE id = 2", ""},
		{"withdraw an approved version", "UPDATE document_versions SET status = 'withdrawn' WHERE id = 2", ""},
		{"move the review date of an approved version", "UPDATE document_versions SET review_due = '2028-01-01' WHERE id = 2", ""},
		{"remove the approver from the people", "DELETE FROM people WHERE id = 1", ""},
		{"change the text of a draft", "UPDATE document_versions SET body = 'Changed' WHERE id = 4", ""},
		{"change the text in review", "UPDATE document_versions SET body = 'Changed' WHERE id = 5", ""},
		{"delete a draft", "DELETE FROM document_versions WHERE id = 4", ""},
		{"delete a document with only a version in review", "DELETE FROM documents WHERE id = 2", ""},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := ws.db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			_, err = tx.ExecContext(ctx, tt.stmt)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want the statement allowed", err)
			case tt.want != "" && err == nil:
				t.Errorf("the statement was allowed, want it refused with %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	var body, sum string
	if err := ws.db.QueryRow("SELECT body, sha256 FROM document_versions WHERE id = 2").Scan(&body, &sum); err != nil {
		t.Fatal(err)
	}
	if got, want := [2]string{body, sum}, [2]string{"Approved text", hash}; got != want {
		t.Errorf("approved version after the refusals = %q, want %q", got, want)
	}
}
