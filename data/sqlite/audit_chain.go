package sqlite

// The audit trail is a hash chain: every entry is sealed by the SHA-256 of
// its own fields together with the seal of the entry before it, so an entry
// changed, removed or slipped in behind the app's back breaks the chain at
// that point.
//
// The seal of an entry (the audit_trail.hash column, 64 lower-case hex
// digits) is
//
//	hex(SHA-256(ns("smsbuilder-audit-v1") ns(prev) ns(id) ns(at) ns(actor)
//	            ns(entity) ns(entity_id) ns(action) ns(changes)))
//
// where ns(s) is the netstring of s, that is its length in bytes in
// decimal, a colon, s itself and a comma ("5:hello,"); id is the entry's ID
// in decimal; the other fields are the columns' text exactly as stored
// (at in UTC RFC 3339 with milliseconds, changes the JSON array of field
// changes); and prev is the seal of the entry with the next lower ID, or,
// for the first entry, sixty-four zeros (genesisHash). Anyone can
// recompute the chain from the file with any SQLite tool and a SHA-256.
//
// The chain alone proves every entry up to the last one; it cannot see
// entries removed from the end, nor a trail rewritten from some entry on
// with new seals by someone who knows this recipe. So:
//
//   - IDs are AUTOINCREMENT and a rolled-back write gives its ID back, so
//     the IDs of a trail run 1, 2, 3, ... with no gap; a gap is entries
//     removed.
//   - SQLite's sqlite_sequence remembers the highest ID ever given: entries
//     removed from the end leave it above the last ID (unless the tool that
//     removed them also lowered it, or rebuilt the table).
//   - The meta row audit_head holds "ID HASH" of the newest entry, written
//     in the same transaction as the entry: entries removed from, added to
//     or changed at the end show against it (unless meta was edited too).
//   - Packs print the head (reports/audit_head.go), and `smsbuilder verify`
//     checks the printed head is still in the chain: that catches even a
//     rewritten trail, against a paper or PDF copy made before the rewrite.
//
// Nothing here stops a person with the file from replacing it whole with an
// older copy of itself; a printed head newer than the file shows that too.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const (
	// chainSchema is the first schema whose audit trail has a hash column.
	chainSchema = 4
	// chainVersion names the recipe above; a new recipe is a new name.
	chainVersion = "smsbuilder-audit-v1"
	// genesisHash is what the first entry chains from.
	genesisHash = "0000000000000000000000000000000000000000000000000000000000000000"
	// metaAuditHead is the meta key of the newest entry, "ID HASH".
	metaAuditHead = "audit_head"
)

// querier is what reading the chain needs: a transaction or a database.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// chainEntry is one audit entry as stored, the fields its seal covers.
type chainEntry struct {
	id                                           int64
	at, actor, entity, entityID, action, changes string
	hash                                         string // as stored
}

// seal is the entry's hash when prev seals the entry before it.
func (e chainEntry) seal(prev string) string {
	var idText [20]byte
	fields := [...]string{chainVersion, prev, string(strconv.AppendInt(idText[:0], e.id, 10)), e.at, e.actor, e.entity, e.entityID, e.action, e.changes}
	n := 0
	for _, f := range fields {
		n += len(f) + 22
	}
	b := make([]byte, 0, n)
	for _, f := range fields {
		b = strconv.AppendInt(b, int64(len(f)), 10)
		b = append(b, ':')
		b = append(b, f...)
		b = append(b, ',')
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// describe names the entry for a person: when, and what record it changed.
func (e chainEntry) describe() string {
	return fmt.Sprintf("entry %d (%s, %s of %s %s by %q)", e.id, e.at, e.action, e.entity, e.entityID, e.actor)
}

// chainedSchema reports whether the file's schema seals the trail. Writes
// made by this code on a file still at an older schema (tests of
// migrations make such files) leave the trail unsealed, as that schema
// has nowhere to keep a seal; the migration to 4 seals them.
func chainedSchema(ctx context.Context, tx dbtx) (bool, error) {
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	return v >= chainSchema, nil
}

// sealEntry seals the entry just written as id, chaining it to the one
// before it, and records it as the trail's head; inside record's
// transaction.
func sealEntry(ctx context.Context, tx dbtx, id int64) error {
	ok, err := chainedSchema(ctx, tx)
	if err != nil || !ok {
		return err
	}
	prev := genesisHash
	err = tx.QueryRowContext(ctx, "SELECT hash FROM audit_trail WHERE id < ? ORDER BY id DESC LIMIT 1", id).Scan(&prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	e, err := readEntry(ctx, tx, id)
	if err != nil {
		return err
	}
	hash := e.seal(prev)
	if _, err := tx.ExecContext(ctx, "UPDATE audit_trail SET hash = ? WHERE id = ?", hash, id); err != nil {
		return err
	}
	return writeAuditHead(ctx, tx, data.AuditHead{ID: id, Hash: hash})
}

func readEntry(ctx context.Context, q querier, id int64) (chainEntry, error) {
	e := chainEntry{id: id}
	err := q.QueryRowContext(ctx, "SELECT at, actor, entity, entity_id, action, changes, hash FROM audit_trail WHERE id = ?", id).
		Scan(&e.at, &e.actor, &e.entity, &e.entityID, &e.action, &e.changes, &e.hash)
	return e, err
}

func writeAuditHead(ctx context.Context, tx dbtx, h data.AuditHead) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		metaAuditHead, strconv.FormatInt(h.ID, 10)+" "+h.Hash)
	return err
}

// sealTrail seals every entry of the trail in ID order, from the genesis
// on, and records the head: the step of the migration to schema 4, which
// finds every entry written before it unsealed. A restore that writes
// entries with their seals calls it too, to record the head; entries whose
// seal is already right keep it.
func sealTrail(ctx context.Context, tx *sql.Tx) error {
	prev := genesisHash
	var head data.AuditHead
	var updates []chainEntry
	err := eachEntry(ctx, tx, 0, 0, func(e chainEntry) error {
		if h := e.seal(prev); h != e.hash {
			e.hash = h
			updates = append(updates, e)
		}
		prev = e.hash
		head = data.AuditHead{ID: e.id, Hash: prev}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seal audit trail: %w", err)
	}
	for _, e := range updates {
		if _, err := tx.ExecContext(ctx, "UPDATE audit_trail SET hash = ? WHERE id = ?", e.hash, e.id); err != nil {
			return fmt.Errorf("seal audit trail: %w", err)
		}
	}
	if err := writeAuditHead(ctx, tx, head); err != nil {
		return fmt.Errorf("seal audit trail: %w", err)
	}
	return nil
}

// eachEntry calls fn with every entry whose ID is from or more and upTo or
// less, in ID order; from and upTo 0 set no bound.
func eachEntry(ctx context.Context, q querier, from, upTo int64, fn func(chainEntry) error) error {
	if upTo <= 0 {
		upTo = math.MaxInt64
	}
	rows, err := q.QueryContext(ctx, "SELECT id, at, actor, entity, entity_id, action, changes, hash FROM audit_trail WHERE id >= ? AND id <= ? ORDER BY id", from, upTo)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e chainEntry
		// Columns are read as text whatever a tool stored in them: the
		// seal covers the text.
		var at, actor, entity, entityID, action, changes, hash sql.NullString
		if err := rows.Scan(&e.id, &at, &actor, &entity, &entityID, &action, &changes, &hash); err != nil {
			return err
		}
		e.at, e.actor, e.entity, e.entityID, e.action, e.changes, e.hash = at.String, actor.String, entity.String, entityID.String, action.String, changes.String, hash.String
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// maxChainProblems bounds how many broken links one check lists: past
// them, the trail is plainly not what the app wrote.
const maxChainProblems = 20

// chainCheck walks the chain and collects what is wrong with it.
type chainCheck struct {
	problems []data.Problem
	more     int // problems past maxChainProblems
	prev     string
	last     chainEntry // the last entry seen; id 0 when none
}

func (c *chainCheck) add(recordID, field, format string, args ...any) {
	if len(c.problems) >= maxChainProblems {
		c.more++
		return
	}
	c.problems = append(c.problems, data.Problem{Kind: data.ProblemChain, Table: "audit_trail", RecordID: recordID, Field: field, Message: fmt.Sprintf(format, args...)})
}

// step checks one entry against the one before it.
func (c *chainCheck) step(e chainEntry) {
	id := strconv.FormatInt(e.id, 10)
	switch {
	case e.id > c.last.id+1 && c.last.id == 0:
		c.add(id, "", "%s: removed from the start of the trail, before %s", missing(1, e.id-1), e.at)
	case e.id > c.last.id+1 && c.last.at == "":
		c.add(id, "", "%s: removed from the trail", missing(c.last.id+1, e.id-1))
	case e.id > c.last.id+1:
		c.add(id, "", "%s: removed from the trail, written between %s and %s", missing(c.last.id+1, e.id-1), c.last.at, e.at)
	case e.hash == "":
		c.add(id, "hash", "%s is not sealed: it was added behind the app's back", e.describe())
	case e.seal(c.prev) != e.hash:
		c.add(id, "hash", "%s does not match its seal: it, or the entry before it, was changed after it was written", e.describe())
	}
	// Going on from the stored seal finds the next break on its own, so
	// each place the trail was tampered with is named once.
	c.prev, c.last = e.hash, e
}

// missing says which entries are missing: "entry 4 is missing" or
// "entries 4 to 9 are missing".
func missing(from, to int64) string {
	if from == to {
		return fmt.Sprintf("entry %d is missing", from)
	}
	return fmt.Sprintf("entries %d to %d are missing", from, to)
}

// quickChainEntries is how many of the newest entries the check on open
// verifies: about a tenth of a second on a 2-core laptop (see
// BenchmarkQuickCheck), so opening never waits long however long the trail
// grows. Entries before them are taken as sealed by the entry just before
// the first one verified; `smsbuilder check` verifies every entry.
const quickChainEntries = 10000

// verifyChain checks the audit trail: the chain, the IDs, the sequence
// SQLite keeps and the head recorded in meta. newest > 0 verifies only the
// chain of the newest entries, chained from the stored seal of the one
// before them.
func verifyChain(ctx context.Context, q querier, newest int64) ([]data.Problem, error) {
	c := &chainCheck{prev: genesisHash}
	var from int64
	if newest > 0 {
		var maxID sql.NullInt64
		if err := q.QueryRowContext(ctx, "SELECT max(id) FROM audit_trail").Scan(&maxID); err != nil {
			return nil, fmt.Errorf("verify audit trail: %w", err)
		}
		if from = maxID.Int64 - newest + 1; from > 1 {
			// Had the entries before from been removed, the gap shows.
			err := q.QueryRowContext(ctx, "SELECT id, hash, at FROM audit_trail WHERE id < ? ORDER BY id DESC LIMIT 1", from).Scan(&c.last.id, &c.prev, &c.last.at)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("verify audit trail: %w", err)
			}
			c.last.hash = c.prev
		}
	}
	if err := eachEntry(ctx, q, from, 0, func(e chainEntry) error { c.step(e); return nil }); err != nil {
		return nil, fmt.Errorf("verify audit trail: %w", err)
	}
	if err := c.checkSequence(ctx, q); err != nil {
		return nil, fmt.Errorf("verify audit trail: %w", err)
	}
	if err := c.checkHead(ctx, q); err != nil {
		return nil, fmt.Errorf("verify audit trail: %w", err)
	}
	if c.more > 0 {
		c.problems = append(c.problems, data.Problem{Kind: data.ProblemChain, Table: "audit_trail",
			Message: fmt.Sprintf("and %d more broken links", c.more)})
	}
	return c.problems, nil
}

// checkSequence compares the last ID with the highest ID SQLite ever gave.
func (c *chainCheck) checkSequence(ctx context.Context, q querier) error {
	var seq sql.NullInt64
	err := q.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_trail'").Scan(&seq)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	switch {
	case seq.Int64 > c.last.id && c.last.at != "":
		c.add(strconv.FormatInt(c.last.id+1, 10), "", "%s, the last written: removed from the end of the trail, written after %s", missing(c.last.id+1, seq.Int64), c.last.at)
	case seq.Int64 > c.last.id:
		c.add(strconv.FormatInt(c.last.id+1, 10), "", "%s, the last written: removed from the end of the trail", missing(c.last.id+1, seq.Int64))
	case seq.Int64 < c.last.id:
		c.add("", "", "SQLite's record of the last entry written (%d) is behind the trail's last entry (%d): the trail was rebuilt behind the app's back", seq.Int64, c.last.id)
	}
	return nil
}

// checkHead compares the end of the chain with the head recorded in meta.
func (c *chainCheck) checkHead(ctx context.Context, q querier) error {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", metaAuditHead).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		c.add("", "", "the workspace's record of the trail's last entry is missing")
		return nil
	}
	if err != nil {
		return err
	}
	head, ok := parseAuditHead(v)
	switch {
	case !ok:
		c.add("", "", "the workspace's record of the trail's last entry cannot be read (%q)", v)
	case head.ID > c.last.id:
		c.add(strconv.FormatInt(head.ID, 10), "", "the trail ends at entry %d, but the workspace recorded entry %d as its last: entries were removed from the end", c.last.id, head.ID)
	case head.ID < c.last.id:
		c.add(strconv.FormatInt(head.ID+1, 10), "", "the workspace recorded entry %d as the trail's last, but it goes on to entry %d: entries were added behind the app's back", head.ID, c.last.id)
	case head.ID > 0 && head.Hash != c.last.hash:
		c.add(strconv.FormatInt(head.ID, 10), "hash", "%s is not the one the workspace recorded as the trail's last: it was replaced", c.last.describe())
	}
	return nil
}

// parseAuditHead reads meta's "ID HASH"; an empty trail's head is "0 ".
func parseAuditHead(v string) (data.AuditHead, bool) {
	idText, hash, ok := strings.Cut(v, " ")
	id, err := strconv.ParseInt(idText, 10, 64)
	if ok && err == nil && id == 0 && hash == "" {
		return data.AuditHead{}, true
	}
	if !ok || err != nil || id < 0 || !isHexHash(hash) {
		return data.AuditHead{}, false
	}
	return data.AuditHead{ID: id, Hash: hash}, true
}

// isHexHash reports whether s is 64 lower-case hex digits.
func isHexHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// AuditHead is the newest entry of the audit trail and its seal, as the
// trail holds it; the zero value when the trail is empty.
func (w *Workspace) AuditHead(ctx context.Context) (data.AuditHead, error) {
	var h data.AuditHead
	err := w.read(ctx, "read audit trail head", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT id, hash FROM audit_trail ORDER BY id DESC LIMIT 1").Scan(&h.ID, &h.Hash)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return h, err
}

// AuditSealed reports whether the trail still holds entry head.ID with
// head.Hash, and every entry up to it still matches its seal: the history
// a pack printed with that head is the history in the workspace.
func (w *Workspace) AuditSealed(ctx context.Context, head data.AuditHead) (bool, error) {
	if head.ID <= 0 {
		return false, nil
	}
	sealed := false
	err := w.read(ctx, "verify audit trail", func(tx *sql.Tx) error {
		c := &chainCheck{prev: genesisHash}
		if err := eachEntry(ctx, tx, 0, head.ID, func(e chainEntry) error { c.step(e); return nil }); err != nil {
			return err
		}
		sealed = len(c.problems) == 0 && c.last.id == head.ID && c.last.hash == head.Hash
		return nil
	})
	return sealed, err
}
