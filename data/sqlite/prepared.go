package sqlite

import (
	"context"
	"database/sql"

	"smsbuilder/data"
)

// dbtx is what a save runs its statements on: a transaction, or a
// preparedTx over one.
type dbtx interface {
	querier
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// preparedTx is a transaction that prepares each statement once and
// reuses it. Saving thousands of records runs the same few dozen
// statements for each, and SQLite spent more time parsing them again than
// running them: a 10,000-row import took 14 s. The statements close with
// the transaction.
type preparedTx struct {
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt
	refs   map[int64]data.RecordRef // see linkedRefs
	people map[int64]string
}

func prepared(tx *sql.Tx) *preparedTx {
	return &preparedTx{tx: tx, stmts: map[string]*sql.Stmt{}, refs: map[int64]data.RecordRef{}, people: map[int64]string{}}
}

func (p *preparedTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := p.stmts[query]; ok {
		return s, nil
	}
	s, err := p.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.stmts[query] = s
	return s, nil
}

func (p *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (p *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (p *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := p.stmt(ctx, query)
	if err != nil {
		// the transaction's own row carries the same error to Scan
		return p.tx.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// A preparedTx also remembers, for the rest of its transaction, the
// records and people the records saved so far pointed at: a batch names
// the same few again and again (10,000 risks of three services), and
// each name was two queries a record. A record saved drops its own.

// linkedRefs is refsOf, remembered in a preparedTx.
func linkedRefs(ctx context.Context, tx dbtx, ids []int64) ([]data.RecordRef, error) {
	p, ok := tx.(*preparedTx)
	if !ok {
		return refsOf(ctx, tx, ids)
	}
	var missing []int64
	for _, id := range ids {
		if _, ok := p.refs[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		refs, err := refsOf(ctx, tx, missing)
		if err != nil {
			return nil, err
		}
		for _, r := range refs {
			p.refs[r.ID] = r
		}
	}
	out := make([]data.RecordRef, 0, len(ids))
	for _, id := range ids {
		if r, ok := p.refs[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// personName is ownerName, remembered in a preparedTx.
func personName(ctx context.Context, tx dbtx, id int64) (string, error) {
	p, ok := tx.(*preparedTx)
	if !ok {
		return ownerName(ctx, tx, id)
	}
	if name, ok := p.people[id]; ok {
		return name, nil
	}
	name, err := ownerName(ctx, tx, id)
	if err == nil {
		p.people[id] = name
	}
	return name, err
}

// peopleKnown reports whether a preparedTx has found every one of ids.
func peopleKnown(tx dbtx, ids []int64) bool {
	p, ok := tx.(*preparedTx)
	if !ok {
		return false
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if _, ok := p.people[id]; !ok || seen[id] {
			return false // asked of storage, which refuses a person twice
		}
		seen[id] = true
	}
	return true
}

// forgetRecord drops what a preparedTx remembers of record id, which has
// just changed.
func forgetRecord(tx dbtx, id int64) {
	if p, ok := tx.(*preparedTx); ok {
		delete(p.refs, id)
	}
}
