package data

import (
	"context"
	"strings"
)

// Kinds of problem a check finds.
const (
	ProblemSchema     = "schema"      // a table, column, index or trigger is missing or not as created
	ProblemForeignKey = "foreign-key" // a record refers to one that does not exist
	ProblemValue      = "value"       // a stored value cannot be read as what its field holds
	ProblemText       = "text"        // approved text no longer matches its SHA-256
	ProblemChain      = "chain"       // the audit trail's hash chain is broken
	ProblemEvidence   = "evidence"    // an evidence file no longer matches its SHA-256
)

// Problem is one thing wrong inside a workspace file that SQLite itself
// accepts: a value the app cannot read, approved text that changed, a
// broken link in the audit trail. Table, RecordID and Field say where, as
// far as they apply; Message says what is wrong in plain words.
type Problem struct {
	Kind     string // one of the Problem... kinds
	Table    string // "document_versions"; "" for the file as a whole
	RecordID string // "12", "3/q-4.1-01"; "" when no one record is at fault
	Field    string // "body"; "" when no one field is at fault
	Message  string
}

// String is the problem on one line: where, then what.
func (p Problem) String() string {
	var where []string
	if p.Table != "" {
		where = append(where, p.Table)
	}
	if p.RecordID != "" {
		where = append(where, p.RecordID)
	}
	if p.Field != "" {
		where = append(where, p.Field)
	}
	if len(where) == 0 {
		return p.Message
	}
	return strings.Join(where, " ") + ": " + p.Message
}

// AuditHead is the newest entry of the audit trail: its ID and the hash
// that seals it and, through the chain, every entry before it. Packs print
// it, so that a later edit of history shows against a printed copy. The
// zero value is an empty trail.
type AuditHead struct {
	ID   int64
	Hash string // 64 lower-case hex digits
}

// IntegrityService proves what a workspace holds has not been changed
// behind the app's back.
type IntegrityService interface {
	// AuditHead is the newest entry of the audit trail.
	AuditHead(ctx context.Context) (AuditHead, error)
	// QuickCheck verifies the audit trail's hash chain and re-hashes every
	// approved, superseded and withdrawn document version: the part of
	// Store.Check fast enough to run on every open.
	QuickCheck(ctx context.Context) ([]Problem, error)
	// AuditSealed reports whether the trail holds entry id with hash: a
	// printed head is still part of the workspace's history.
	AuditSealed(ctx context.Context, head AuditHead) (bool, error)
}
