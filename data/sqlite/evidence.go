package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"smsbuilder/data"
)

// evidenceEntity is the audit trail's name for an attachment.
const evidenceEntity = "evidence"

// evidenceFields are an attachment's fields as its audit trail shows them.
var evidenceFields = []string{"Name", "Attached to", "SHA-256", "Size", "Note"}

func evidenceAudit(l data.EvidenceLink) map[string]string {
	return map[string]string{
		"Name":        l.File.Name,
		"Attached to": l.Target.String(),
		"SHA-256":     l.File.SHA256,
		"Size":        strconv.FormatInt(l.File.Size, 10),
		"Note":        l.Note,
	}
}

// AttachEvidence stores content under its SHA-256, unless the workspace
// already holds those bytes, and attaches it to target under name (without
// its folders). An empty file, one larger than limit bytes (0 or less means
// data.DefaultEvidenceLimit) and an unknown target are refused, and nothing
// is stored.
func (w *Workspace) AttachEvidence(ctx context.Context, target data.EvidenceTarget, name string, content []byte, note string, limit int64) (data.EvidenceLink, error) {
	if w.readOnly {
		return data.EvidenceLink{}, w.errReadOnly()
	}
	if err := target.Validate(); err != nil {
		return data.EvidenceLink{}, err
	}
	name, err := data.CleanEvidenceName(name)
	if err != nil {
		return data.EvidenceLink{}, err
	}
	if err := data.CheckEvidence(name, int64(len(content)), limit); err != nil {
		return data.EvidenceLink{}, err
	}
	link := data.EvidenceLink{
		Target: target,
		Note:   note,
		File: data.EvidenceFile{
			SHA256:    data.HashEvidence(content),
			Name:      name,
			Size:      int64(len(content)),
			MediaType: data.EvidenceMediaType(name),
			AddedBy:   data.ActorFrom(ctx),
		},
	}
	err = w.write(ctx, "attach evidence", func(tx *sql.Tx) error {
		now := w.now()
		link.File.AddedAt, _ = parseTime(formatTime(now))
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO evidence_blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
			link.File.SHA256, link.File.Size, content); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO evidence (sha256, target_kind, target_ref, name, media_type, note, added_at, added_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			link.File.SHA256, target.Kind, target.Ref, name, link.File.MediaType, note, formatTime(now), link.File.AddedBy).Scan(&link.ID)
		if err != nil {
			return err
		}
		return record(ctx, tx, now, evidenceEntity, idText(link.ID), data.ActionCreate,
			data.Diff(evidenceFields, map[string]string{}, evidenceAudit(link)))
	})
	if err != nil {
		return data.EvidenceLink{}, err
	}
	return link, nil
}

const selectEvidence = `SELECT e.id, e.sha256, e.target_kind, e.target_ref, e.name, e.media_type, e.note, e.added_at, e.added_by, coalesce(b.size, 0)
	FROM evidence e LEFT JOIN evidence_blobs b ON b.sha256 = e.sha256`

// Evidence lists the files attached to target, oldest first.
func (w *Workspace) Evidence(ctx context.Context, target data.EvidenceTarget) ([]data.EvidenceLink, error) {
	var out []data.EvidenceLink
	err := w.read(ctx, "list evidence", func(tx *sql.Tx) error {
		var err error
		out, err = queryEvidence(ctx, tx, selectEvidence+" WHERE e.target_kind = ? AND e.target_ref = ? ORDER BY e.added_at, e.id", target.Kind, target.Ref)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AllEvidence lists every attachment in the workspace by what it is
// attached to (kind, then reference), then oldest first.
func (w *Workspace) AllEvidence(ctx context.Context) ([]data.EvidenceLink, error) {
	var out []data.EvidenceLink
	err := w.read(ctx, "list evidence", func(tx *sql.Tx) error {
		var err error
		out, err = queryEvidence(ctx, tx, selectEvidence+" ORDER BY e.target_kind, e.target_ref, e.added_at, e.id")
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func queryEvidence(ctx context.Context, q querier, query string, args ...any) ([]data.EvidenceLink, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.EvidenceLink
	for rows.Next() {
		var l data.EvidenceLink
		var added string
		if err := rows.Scan(&l.ID, &l.File.SHA256, &l.Target.Kind, &l.Target.Ref, &l.File.Name, &l.File.MediaType,
			&l.Note, &added, &l.File.AddedBy, &l.File.Size); err != nil {
			return nil, err
		}
		// A time another program garbled shows as unknown; the check names it.
		l.File.AddedAt, _ = parseTime(added)
		out = append(out, l)
	}
	return out, rows.Err()
}

// EvidenceContent reads a stored file's bytes. Bytes that no longer match
// their SHA-256 (changed behind the app's back) are refused with
// data.ECorrupt rather than shown as evidence.
func (w *Workspace) EvidenceContent(ctx context.Context, sum string) ([]byte, error) {
	var content []byte
	err := w.read(ctx, "read evidence", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT content FROM evidence_blobs WHERE sha256 = ?", sum).Scan(&content)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENotFound, "This evidence file is no longer in the workspace: someone may have removed it.")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if data.HashEvidence(content) != sum {
		return nil, data.Errorf(data.ECorrupt, "This evidence file was changed outside SMS Builder: its bytes no longer match the SHA-256 they were stored under. Attach the original again.")
	}
	return content, nil
}

// DetachEvidence removes the attachment link.ID, and the file's bytes once
// nothing else is attached to them. One already removed is data.ENotFound.
func (w *Workspace) DetachEvidence(ctx context.Context, link data.EvidenceLink) error {
	return w.write(ctx, "remove evidence", func(tx *sql.Tx) error {
		old, err := queryEvidence(ctx, tx, selectEvidence+" WHERE e.id = ?", link.ID)
		if err != nil {
			return err
		}
		if len(old) == 0 {
			return data.Errorf(data.ENotFound, "%s is no longer attached: someone removed it first.", link.File.Name)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM evidence WHERE id = ?", link.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx,
			"DELETE FROM evidence_blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)",
			old[0].File.SHA256, old[0].File.SHA256); err != nil {
			return err
		}
		return record(ctx, tx, w.now(), evidenceEntity, idText(link.ID), data.ActionDelete,
			data.Diff(evidenceFields, evidenceAudit(old[0]), map[string]string{}))
	})
}

// checkEvidence re-hashes every stored evidence file, for the exhaustive
// check: bytes edited behind the app's back no longer match their name.
func checkEvidence(ctx context.Context, q querier) ([]data.Problem, error) {
	rows, err := q.QueryContext(ctx, `SELECT b.sha256, b.size, b.content,
		coalesce((SELECT name FROM evidence e WHERE e.sha256 = b.sha256 ORDER BY e.id LIMIT 1), '')
		FROM evidence_blobs b ORDER BY b.sha256`)
	if err != nil {
		return nil, fmt.Errorf("check evidence: %w", err)
	}
	defer rows.Close()
	var out []data.Problem
	for rows.Next() {
		var sum, name string
		var size int64
		var content []byte
		if err := rows.Scan(&sum, &size, &content, &name); err != nil {
			return nil, fmt.Errorf("check evidence: %w", err)
		}
		if name == "" {
			name = "a file attached to nothing"
		}
		p := data.Problem{Kind: data.ProblemEvidence, Table: "evidence_blobs", RecordID: sum, Field: "content"}
		switch {
		case data.HashEvidence(content) != sum:
			p.Message = fmt.Sprintf("the evidence file %s no longer matches its SHA-256, so it was changed after it was attached", name)
		case int64(len(content)) != size:
			p.Field, p.Message = "size", fmt.Sprintf("the evidence file %s is %d bytes, not the %d recorded", name, len(content), size)
		default:
			continue
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check evidence: %w", err)
	}
	return out, nil
}
