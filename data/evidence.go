package data

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// EvidenceFile is a file kept inside the workspace that shows the SMS at work:
// a signed contract, a screenshot of a monitoring tool, a scanned
// attendance list. Its content is stored once however many things it is
// attached to, named by its SHA-256.
type EvidenceFile struct {
	SHA256    string // lower-case hex of the content
	Name      string // the file name it was attached under, without folders
	Size      int64
	MediaType string // e.g. "application/pdf", from the name's extension
	AddedAt   time.Time
	AddedBy   string
}

// The kinds of thing evidence is attached to.
const (
	EvidenceRecord   = "record"   // Ref is the record's ID
	EvidenceAnswer   = "answer"   // Ref is the gap question's id, in any assessment
	EvidenceStep     = "step"     // Ref is the roadmap step's id
	EvidenceDocument = "document" // Ref is the document's ID
	EvidenceClause   = "clause"   // Ref is the clause number, "8.2.3"
)

// EvidenceKinds lists every kind evidence may be attached to.
func EvidenceKinds() []string {
	return []string{EvidenceRecord, EvidenceAnswer, EvidenceStep, EvidenceDocument, EvidenceClause}
}

// EvidenceTarget is what a file is attached to.
type EvidenceTarget struct {
	Kind string
	Ref  string
}

// RecordEvidence is the target of a register record.
func RecordEvidence(id int64) EvidenceTarget {
	return EvidenceTarget{Kind: EvidenceRecord, Ref: strconv.FormatInt(id, 10)}
}

// DocumentEvidence is the target of a controlled document.
func DocumentEvidence(id int64) EvidenceTarget {
	return EvidenceTarget{Kind: EvidenceDocument, Ref: strconv.FormatInt(id, 10)}
}

// Validate refuses an unknown kind or an empty reference.
func (t EvidenceTarget) Validate() error {
	known := false
	for _, k := range EvidenceKinds() {
		known = known || k == t.Kind
	}
	if !known {
		return Errorf(EInvalid, "Evidence cannot be attached to %q.", t.Kind)
	}
	if strings.TrimSpace(t.Ref) == "" {
		return Errorf(EInvalid, "Say what the evidence is attached to.")
	}
	return nil
}

func (t EvidenceTarget) String() string { return t.Kind + ":" + t.Ref }

// EvidenceLink is one file attached to one target.
type EvidenceLink struct {
	ID     int64
	File   EvidenceFile
	Target EvidenceTarget
	Note   string // why this file shows what it shows; optional
}

// DefaultEvidenceLimit is the largest file accepted as evidence unless the
// organisation's settings say otherwise: enough for a scanned contract,
// small enough that a workspace still fits an e-mail.
const DefaultEvidenceLimit = 25 << 20

// EvidenceService keeps evidence files inside the workspace.
type EvidenceService interface {
	// AttachEvidence stores content (once per SHA-256) under name and
	// attaches it to target; a file larger than limit bytes is refused
	// and nothing is stored.
	AttachEvidence(ctx context.Context, target EvidenceTarget, name string, content []byte, note string, limit int64) (EvidenceLink, error)
	// Evidence lists the files attached to target, oldest first.
	Evidence(ctx context.Context, target EvidenceTarget) ([]EvidenceLink, error)
	// AllEvidence lists every attachment in the workspace.
	AllEvidence(ctx context.Context) ([]EvidenceLink, error)
	// EvidenceContent reads a stored file's bytes.
	EvidenceContent(ctx context.Context, sha256 string) ([]byte, error)
	// DetachEvidence removes one attachment; the content goes once
	// nothing else is attached to it.
	DetachEvidence(ctx context.Context, link EvidenceLink) error
}
