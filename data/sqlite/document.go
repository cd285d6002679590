package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"smsbuilder/data"
)

var _ data.DocumentService = (*Workspace)(nil)

// documentAuditFields are a document as the audit trail shows it; owner is
// the owner's name.
func documentAuditFields(d data.Document, owner string) ([]string, map[string]string) {
	return []string{"number", "title", "template_key", "clauses", "owner", "distribution"}, map[string]string{
		"number":       d.Number,
		"title":        d.Title,
		"template_key": d.TemplateKey,
		"clauses":      strings.Join(d.Clauses, ", "),
		"owner":        owner,
		"distribution": d.Distribution,
	}
}

// versionAuditFields are a version as the audit trail shows it: document is
// the document's number, approver the approver's name. The text is
// summarised by its length and hash, so that an entry stays small however
// long the document is.
func versionAuditFields(v data.Version, document, approver string) ([]string, map[string]string) {
	approvedAt := ""
	if !v.ApprovedAt.IsZero() {
		approvedAt = formatTime(v.ApprovedAt)
	}
	return []string{"document", "version", "status", "body", "sha256", "change_summary", "approved_by", "approved_at", "effective_from", "review_due"}, map[string]string{
		"document":       document,
		"version":        versionNumber(v),
		"status":         string(v.Status),
		"body":           bodySummary(v.Body),
		"sha256":         v.SHA256,
		"change_summary": v.ChangeSummary,
		"approved_by":    approver,
		"approved_at":    approvedAt,
		"effective_from": auditDate(v.EffectiveFrom),
		"review_due":     auditDate(v.ReviewDue),
	}
}

// bodySummary stands for a document text in the audit trail: its length in
// characters and the first 12 hex digits of its SHA-256, as printed in the
// footer of a controlled copy.
func bodySummary(body string) string {
	if body == "" {
		return "empty"
	}
	return fmt.Sprintf("%d characters, sha256 %s", utf8.RuneCountInString(body), data.HashText(body)[:12])
}

// versionNumber is "1.0", without the status.
func versionNumber(v data.Version) string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

func documentRecord(id int64) revised { return byID("documents", "document", id, "this document") }

// versionRecord names version v of the document numbered number.
func versionRecord(v data.Version, number string) revised {
	return byID("document_versions", "version", v.ID, fmt.Sprintf("version %s of %s", versionNumber(v), number))
}

func errNoDocument(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no document with ID %d: it may have been deleted.", id)
}

func errNoVersion(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no document version with ID %d: it may have been deleted.", id)
}

const documentColumns = "id, number, title, template_key, clauses, owner_id, distribution, created_at, updated_at, revision"

func scanDocument(s scanner) (data.Document, error) {
	var d data.Document
	var clauses, created, updated string
	var owner sql.NullInt64
	if err := s.Scan(&d.ID, &d.Number, &d.Title, &d.TemplateKey, &clauses, &owner, &d.Distribution, &created, &updated, &d.Revision); err != nil {
		return d, err
	}
	d.OwnerID = owner.Int64
	v := readValues("document", d.Number)
	d.Clauses = v.list("Clauses", "list of clauses", clauses)
	d.CreatedAt = v.time("CreatedAt", "time of creation", created)
	d.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	d.Unreadable = v.bad
	return d, nil
}

func readDocument(ctx context.Context, tx *sql.Tx, id int64) (data.Document, error) {
	d, err := scanDocument(tx.QueryRowContext(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, errNoDocument(id)
	}
	return d, err
}

const versionColumns = "id, document_id, major, minor, status, body, sha256, change_summary, approved_by, approved_at, effective_from, review_due, created_at, updated_at, revision"

func scanVersion(s scanner) (data.Version, error) {
	var v data.Version
	var status, created, updated string
	var approver sql.NullInt64
	var approvedAt, effectiveFrom, reviewDue sql.NullString
	if err := s.Scan(&v.ID, &v.DocumentID, &v.Major, &v.Minor, &status, &v.Body, &v.SHA256, &v.ChangeSummary,
		&approver, &approvedAt, &effectiveFrom, &reviewDue, &created, &updated, &v.Revision); err != nil {
		return v, err
	}
	v.ApprovedBy = approver.Int64
	r := readValues("document version", fmt.Sprintf("%d.%d of document %d", v.Major, v.Minor, v.DocumentID))
	v.Status = readChoice(r, "Status", "status", status, data.DocStatuses())
	v.ApprovedAt = r.optionalTime("ApprovedAt", "time of approval", approvedAt)
	v.EffectiveFrom = r.date("EffectiveFrom", "effective date", effectiveFrom)
	v.ReviewDue = r.date("ReviewDue", "review date", reviewDue)
	v.CreatedAt = r.time("CreatedAt", "time of creation", created)
	v.UpdatedAt = r.time("UpdatedAt", "time of the last change", updated)
	v.Unreadable = r.bad
	return v, nil
}

func readVersion(ctx context.Context, tx *sql.Tx, id int64) (data.Version, error) {
	v, err := scanVersion(tx.QueryRowContext(ctx, "SELECT "+versionColumns+" FROM document_versions WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, errNoVersion(id)
	}
	return v, err
}

// readVersions lists a document's versions, newest first.
func readVersions(ctx context.Context, tx *sql.Tx, documentID int64) ([]data.Version, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+versionColumns+` FROM document_versions
		WHERE document_id = ? ORDER BY major DESC, minor DESC, id DESC`, documentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Version
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// checkNumberFree refuses, with data.EExists, a document number that a
// document other than id already has. Numbers that differ only in case
// count as the same, since a reader cannot tell them apart on paper.
func checkNumberFree(ctx context.Context, tx *sql.Tx, number string, id int64) error {
	var other, title string
	err := tx.QueryRowContext(ctx, "SELECT number, title FROM documents WHERE lower(number) = lower(?) AND id <> ? ORDER BY id LIMIT 1",
		number, id).Scan(&other, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("The number %s is already used by %q: choose another number.", number, title)
	if other != number {
		msg = fmt.Sprintf("The number %s is already used, as %s, by %q: choose another number.", number, other, title)
	}
	return &data.Error{Code: data.EExists, Message: msg,
		Fields: []data.FieldError{{Field: "Number", Message: "Another document has this number."}}}
}

// Documents lists every document, ordered by number.
func (w *Workspace) Documents(ctx context.Context) ([]data.Document, error) {
	var out []data.Document
	err := w.read(ctx, "list documents", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+documentColumns+" FROM documents ORDER BY number, id")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Document returns one document; a missing one is a data.ENotFound error.
func (w *Workspace) Document(ctx context.Context, id int64) (data.Document, error) {
	var d data.Document
	err := w.read(ctx, "read document", func(tx *sql.Tx) error {
		var err error
		d, err = readDocument(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Document{}, err
	}
	return d, nil
}

// CreateDocument validates and stores a new document with its first
// version, 1.0, a draft holding body. A number another document already has
// (ignoring case) is refused with data.EExists; an owner who does not exist
// with data.ENotFound. Both records are written to the audit trail, under
// entity "document" and "version". d.ID, CreatedAt and UpdatedAt are
// ignored; the stored document is returned.
func (w *Workspace) CreateDocument(ctx context.Context, d data.Document, body string) (data.Document, error) {
	if w.readOnly {
		return data.Document{}, w.errReadOnly()
	}
	if err := d.Validate(); err != nil {
		return data.Document{}, err
	}
	if err := data.CheckBody(d.Number, body); err != nil {
		return data.Document{}, err
	}
	var saved data.Document
	err := w.write(ctx, "create document", func(tx *sql.Tx) error {
		if err := checkNumberFree(ctx, tx, d.Number, 0); err != nil {
			return err
		}
		owner, err := ownerName(ctx, tx, d.OwnerID)
		if err != nil {
			return err
		}
		clauses, err := jsonList(d.Clauses)
		if err != nil {
			return err
		}
		now := w.now()
		var id int64
		err = tx.QueryRowContext(ctx, `INSERT INTO documents (number, title, template_key, clauses, owner_id,
			distribution, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			d.Number, d.Title, d.TemplateKey, clauses, nullID(d.OwnerID), d.Distribution, formatTime(now), formatTime(now)).Scan(&id)
		if err != nil {
			return err
		}
		fields, after := documentAuditFields(d, owner)
		if err := record(ctx, tx, now, "document", strconv.FormatInt(id, 10), data.ActionCreate,
			data.Diff(fields, map[string]string{}, after)); err != nil {
			return err
		}
		major, minor := data.NextVersion(nil, false)
		if _, err := insertDraft(ctx, tx, now, id, d.Number, major, minor, body, ""); err != nil {
			return err
		}
		saved, err = readDocument(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Document{}, err
	}
	return saved, nil
}

// insertDraft stores a new draft of a document and records it in the audit
// trail; basedOn names the version its text was copied from, if any.
func insertDraft(ctx context.Context, tx *sql.Tx, now time.Time, documentID int64, number string, major, minor int, body, basedOn string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO document_versions (document_id, major, minor, status, body,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		documentID, major, minor, string(data.DocDraft), body, formatTime(now), formatTime(now)).Scan(&id)
	if err != nil {
		return 0, err
	}
	v := data.Version{Major: major, Minor: minor, Status: data.DocDraft, Body: body}
	fields, after := versionAuditFields(v, number, "")
	changes := data.Diff(fields, map[string]string{}, after)
	if basedOn != "" {
		changes = append(changes, data.FieldChange{Field: "based_on", To: basedOn})
	}
	return id, record(ctx, tx, now, "version", strconv.FormatInt(id, 10), data.ActionCreate, changes)
}

// SaveDocument validates and stores a document's number, title, clauses,
// owner and distribution list (its template is kept as it was created), and records what changed
// in the audit trail under entity "document". A missing document or owner is
// refused with data.ENotFound, a number another document has with
// data.EExists, one from a copy older than the stored document with
// data.EConflict. It returns the stored document, at its new revision.
// Saving an unchanged document writes nothing.
func (w *Workspace) SaveDocument(ctx context.Context, d data.Document) (data.Document, error) {
	if w.readOnly {
		return data.Document{}, w.errReadOnly()
	}
	if err := d.Validate(); err != nil {
		return data.Document{}, err
	}
	var saved data.Document
	err := w.write(ctx, "save document", func(tx *sql.Tx) error {
		old, err := readDocument(ctx, tx, d.ID)
		if err != nil {
			return documentRecord(d.ID).gone(ctx, tx, w.now(), err)
		}
		if err := checkNumberFree(ctx, tx, d.Number, d.ID); err != nil {
			return err
		}
		owner, err := ownerName(ctx, tx, d.OwnerID)
		if err != nil {
			return err
		}
		oldOwner, err := ownerName(ctx, tx, old.OwnerID)
		if err != nil {
			return err
		}
		d.TemplateKey = old.TemplateKey
		fields, after := documentAuditFields(d, owner)
		_, before := documentAuditFields(old, oldOwner)
		changes := data.Diff(fields, before, after)
		if d.OwnerID != old.OwnerID && !hasField(changes, "owner") {
			// Another person of the same name: still a change.
			changes = append(changes, data.FieldChange{Field: "owner", From: before["owner"], To: after["owner"]})
		}
		if len(changes) == 0 {
			saved = old
			return nil
		}
		clauses, err := jsonList(d.Clauses)
		if err != nil {
			return err
		}
		now := w.now()
		if err := documentRecord(d.ID).update(ctx, tx, now, d.Revision, "number = ?, title = ?, clauses = ?, owner_id = ?, distribution = ?, updated_at = ?",
			d.Number, d.Title, clauses, nullID(d.OwnerID), d.Distribution, formatTime(now)); err != nil {
			return err
		}
		if err := record(ctx, tx, now, "document", strconv.FormatInt(d.ID, 10), data.ActionUpdate, changes); err != nil {
			return err
		}
		saved, err = readDocument(ctx, tx, d.ID)
		return err
	})
	if err != nil {
		return data.Document{}, err
	}
	return saved, nil
}

// Versions lists a document's versions, newest first: by number, and of one
// number the last created first. A missing document is data.ENotFound.
func (w *Workspace) Versions(ctx context.Context, documentID int64) ([]data.Version, error) {
	var out []data.Version
	err := w.read(ctx, "list document versions", func(tx *sql.Tx) error {
		if _, err := readDocument(ctx, tx, documentID); err != nil {
			return err
		}
		var err error
		out, err = readVersions(ctx, tx, documentID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// frozenMessage explains why the text of version v of document number
// cannot be changed, or is "" for a draft.
func frozenMessage(v data.Version, number string) string {
	n := versionNumber(v)
	switch v.Status {
	case data.DocDraft:
		return ""
	case data.DocInReview:
		return fmt.Sprintf("Version %s of %s is in review; send it back to draft to change it.", n, number)
	case data.DocApproved:
		return fmt.Sprintf("Version %s of %s is approved and frozen; start a new draft to change it.", n, number)
	case data.DocSuperseded:
		return fmt.Sprintf("Version %s of %s is superseded and frozen; start a new draft to change the document.", n, number)
	case data.DocWithdrawn:
		return fmt.Sprintf("Version %s of %s is withdrawn and frozen; start a new draft to change the document.", n, number)
	}
	return fmt.Sprintf("Version %s of %s has the unknown status %q and cannot be changed.", n, number, v.Status)
}

// SaveDraft replaces the text of a draft and records the change in the audit
// trail under entity "version", the text summarised by its length and hash.
// A version in review, approved, superseded or withdrawn is refused with
// data.EInvalid and a message saying what to do instead; a missing one with
// data.ENotFound; new text for a draft that changed since draft was read
// (its ID and Revision) with data.EConflict. It returns the stored version,
// at its new revision. Saving the same text writes nothing.
func (w *Workspace) SaveDraft(ctx context.Context, draft data.Version, body string) (data.Version, error) {
	var saved data.Version
	err := w.write(ctx, "save draft", func(tx *sql.Tx) error {
		v, err := readVersion(ctx, tx, draft.ID)
		if err != nil {
			return err
		}
		d, err := readDocument(ctx, tx, v.DocumentID)
		if err != nil {
			return err
		}
		now := w.now()
		rec := versionRecord(v, d.Number)
		// Who changed it says more than what it has become.
		if body != v.Body && v.Revision != draft.Revision {
			return rec.conflict(ctx, tx, now)
		}
		if msg := frozenMessage(v, d.Number); msg != "" {
			return data.Errorf(data.EInvalid, "%s", msg)
		}
		if body == v.Body {
			saved = v
			return nil
		}
		if err := data.CheckBody(d.Number, body); err != nil {
			return err
		}
		if err := rec.update(ctx, tx, now, draft.Revision, "body = ?, updated_at = ?", body, formatTime(now)); err != nil {
			return err
		}
		if err := record(ctx, tx, now, "version", strconv.FormatInt(v.ID, 10), data.ActionUpdate,
			[]data.FieldChange{{Field: "body", From: bodySummary(v.Body), To: bodySummary(body)}}); err != nil {
			return err
		}
		saved, err = readVersion(ctx, tx, v.ID)
		return err
	})
	if err != nil {
		return data.Version{}, err
	}
	return saved, nil
}

// latestApproved is the approved version with the highest number among
// versions, newest first; superseded and withdrawn versions count when they
// were once approved, so that a number is never given twice. nil when none
// was ever approved.
func latestApproved(versions []data.Version) *data.Version {
	for i, v := range versions {
		if v.Status == data.DocApproved || !v.ApprovedAt.IsZero() {
			return &versions[i]
		}
	}
	return nil
}

// NewDraft starts a draft of a document: a copy of the text of its approved
// version, or of its newest version when none is approved, numbered after
// the highest version ever approved (data.NextVersion): a minor step, or a
// major one when major is true. It is refused with data.EInvalid while the
// document has a draft or a version in review, and with data.ENotFound when
// there is no such document. The new version is recorded in the audit trail
// under entity "version", with the version it was based on.
func (w *Workspace) NewDraft(ctx context.Context, documentID int64, major bool) (data.Version, error) {
	var saved data.Version
	err := w.write(ctx, "start new draft", func(tx *sql.Tx) error {
		d, err := readDocument(ctx, tx, documentID)
		if err != nil {
			return err
		}
		versions, err := readVersions(ctx, tx, documentID)
		if err != nil {
			return err
		}
		var source *data.Version
		for i, v := range versions {
			switch v.Status {
			case data.DocDraft:
				return data.Errorf(data.EInvalid, "%s already has a draft, version %s: finish it or withdraw it before starting another.", d.Number, versionNumber(v))
			case data.DocInReview:
				return data.Errorf(data.EInvalid, "%s has version %s in review: approve it, send it back to draft or withdraw it before starting another draft.", d.Number, versionNumber(v))
			case data.DocApproved:
				source = &versions[i]
			}
		}
		if source == nil && len(versions) > 0 {
			source = &versions[0]
		}
		body, basedOn := "", ""
		if source != nil {
			body, basedOn = source.Body, versionNumber(*source)
		}
		maj, minor := data.NextVersion(latestApproved(versions), major)
		id, err := insertDraft(ctx, tx, w.now(), documentID, d.Number, maj, minor, body, basedOn)
		if err != nil {
			return err
		}
		saved, err = readVersion(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Version{}, err
	}
	return saved, nil
}

// Move applies a workflow transition to a version, as data.CheckTransition
// allows (data.EInvalid otherwise, with nothing changed), and records the
// change of status in the audit trail under entity "version". A missing
// version is data.ENotFound.
//
// Approve needs a, with an approver who exists (data.ENotFound) and holds an
// approving role (data.CheckApprover), and a change summary (data.EInvalid,
// marked on the Approver and ChangeSummary fields). It freezes the version:
// its text's SHA-256, the change summary, the approver, the time of approval
// (a.At, or now when zero), the effective date (a.Effective: never before
// the day of approval, else data.EInvalid) and the review date
// (a.ReviewDue) are stored, and
// the version approved before it becomes superseded, all in one
// transaction. The other transitions change only the status; a is ignored.
//
// A version that changed since from was read (its ID and Revision) is
// refused with data.EConflict, so that nobody approves text they have not
// seen. Move returns the stored version, at its new revision.
func (w *Workspace) Move(ctx context.Context, from data.Version, t data.Transition, a data.Approval) (data.Version, error) {
	var saved data.Version
	err := w.write(ctx, "move document version", func(tx *sql.Tx) error {
		v, err := readVersion(ctx, tx, from.ID)
		if err != nil {
			return err
		}
		now := w.now()
		if v.Revision != from.Revision {
			d, err := readDocument(ctx, tx, v.DocumentID)
			if err != nil {
				return err
			}
			return versionRecord(v, d.Number).conflict(ctx, tx, now)
		}
		if err := data.CheckTransition(v.Status, t); err != nil {
			return err
		}
		switch t {
		case data.Approve:
			err = approveTailored(ctx, tx, now, v, a)
		case data.SendForReview:
			err = setStatus(ctx, tx, now, v, data.DocInReview)
		case data.BackToDraft:
			err = setStatus(ctx, tx, now, v, data.DocDraft)
		case data.Withdraw:
			err = setStatus(ctx, tx, now, v, data.DocWithdrawn)
		default:
			err = fmt.Errorf("transition %q has no status to move to", t)
		}
		if err != nil {
			return err
		}
		saved, err = readVersion(ctx, tx, v.ID)
		return err
	})
	if err != nil {
		return data.Version{}, err
	}
	return saved, nil
}

// approveTailored approves v unless its text still holds prompts for the
// author, which are named in the refusal.
func approveTailored(ctx context.Context, tx *sql.Tx, now time.Time, v data.Version, a data.Approval) error {
	d, err := readDocument(ctx, tx, v.DocumentID)
	if err != nil {
		return err
	}
	if err := data.CheckNoPrompts(d.Number, v.Body); err != nil {
		return err
	}
	return approve(ctx, tx, now, v, a)
}

// setStatus changes only a version's status, with its audit entry. v is as
// stored, so its revision matches.
func setStatus(ctx context.Context, tx *sql.Tx, now time.Time, v data.Version, to data.DocStatus) error {
	if _, err := tx.ExecContext(ctx, "UPDATE document_versions SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
		string(to), formatTime(now), v.ID); err != nil {
		return err
	}
	return record(ctx, tx, now, "version", strconv.FormatInt(v.ID, 10), data.ActionUpdate,
		[]data.FieldChange{{Field: "status", From: string(v.Status), To: string(to)}})
}

// checkApproval refuses an approval without an approver or a change
// summary.
func checkApproval(a data.Approval) error {
	var bad []data.FieldError
	if a.ApproverID == 0 {
		bad = append(bad, data.FieldError{Field: "Approver", Message: "Choose who approves this version."})
	}
	switch {
	case strings.TrimSpace(a.ChangeSummary) == "":
		bad = append(bad, data.FieldError{Field: "ChangeSummary", Message: "Say what changed in this version."})
	case utf8.RuneCountInString(a.ChangeSummary) > maxChangeSummary:
		bad = append(bad, data.FieldError{Field: "ChangeSummary", Message: fmt.Sprintf("The change summary is too long: at most %d characters.", maxChangeSummary)})
	}
	if len(bad) > 0 {
		return &data.Error{Code: data.EInvalid, Message: "The approval was not saved: please correct the marked fields.", Fields: bad}
	}
	if err := checkDate("approval", "At", "The approval date", a.At); err != nil {
		return err
	}
	if err := checkDate("approval", "EffectiveFrom", "The effective date", a.EffectiveFrom); err != nil {
		return err
	}
	if err := a.CheckEffective(); err != nil {
		return err
	}
	return checkDate("approval", "ReviewMonths", "The review date", a.ReviewDue())
}

// maxChangeSummary is the longest change summary, in characters: a
// paragraph for the revision history, not a second document.
const maxChangeSummary = 2000

// approve freezes version v, which is in review; see Move.
func approve(ctx context.Context, tx *sql.Tx, now time.Time, v data.Version, a data.Approval) error {
	if a.At.IsZero() {
		a.At = now
	}
	if err := checkApproval(a); err != nil {
		return err
	}
	approver, err := readPerson(ctx, tx, a.ApproverID)
	var e *data.Error
	if errors.As(err, &e) && e.Code == data.ENotFound {
		e.Fields = []data.FieldError{{Field: "Approver", Message: "Choose another approver: this person no longer exists."}}
	}
	if err != nil {
		return err
	}
	if err := data.CheckApprover(approver); err != nil {
		return err
	}
	d, err := readDocument(ctx, tx, v.DocumentID)
	if err != nil {
		return err
	}

	// The version approved before this one is superseded first: a document
	// has one approved version at a time.
	prev, err := scanVersion(tx.QueryRowContext(ctx, "SELECT "+versionColumns+
		" FROM document_versions WHERE document_id = ? AND status = ?", v.DocumentID, string(data.DocApproved)))
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		if err := setStatus(ctx, tx, now, prev, data.DocSuperseded); err != nil {
			return err
		}
	}

	approved := v
	approved.Status = data.DocApproved
	approved.SHA256 = data.HashText(v.Body)
	approved.ChangeSummary = a.ChangeSummary
	approved.ApprovedBy = approver.ID
	approved.ApprovedAt = a.At
	approved.EffectiveFrom = a.Effective()
	approved.ReviewDue = a.ReviewDue()
	if _, err := tx.ExecContext(ctx, `UPDATE document_versions SET status = ?, sha256 = ?, change_summary = ?,
		approved_by = ?, approved_at = ?, effective_from = ?, review_due = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
		string(approved.Status), approved.SHA256, approved.ChangeSummary, approved.ApprovedBy,
		formatTime(approved.ApprovedAt), formatDate(approved.EffectiveFrom), formatDate(approved.ReviewDue), formatTime(now), v.ID); err != nil {
		return err
	}
	oldApprover, err := ownerName(ctx, tx, v.ApprovedBy)
	if err != nil {
		return err
	}
	fields, before := versionAuditFields(v, d.Number, oldApprover)
	_, after := versionAuditFields(approved, d.Number, approver.Name)
	return record(ctx, tx, now, "version", strconv.FormatInt(v.ID, 10), data.ActionUpdate, data.Diff(fields, before, after))
}
