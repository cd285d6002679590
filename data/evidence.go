package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
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

// AnswerEvidence is the target of a gap question's answer: the file shows
// the answer in every assessment, since the evidence outlives one round.
func AnswerEvidence(questionID string) EvidenceTarget {
	return EvidenceTarget{Kind: EvidenceAnswer, Ref: questionID}
}

// StepEvidence is the target of a roadmap step.
func StepEvidence(stepID string) EvidenceTarget {
	return EvidenceTarget{Kind: EvidenceStep, Ref: stepID}
}

// ClauseEvidence is the target of a clause of the standard, "8.2.3".
func ClauseEvidence(number string) EvidenceTarget {
	return EvidenceTarget{Kind: EvidenceClause, Ref: number}
}

// ID is the record or document ID of a record or document target, or 0.
func (t EvidenceTarget) ID() int64 {
	if t.Kind != EvidenceRecord && t.Kind != EvidenceDocument {
		return 0
	}
	id, err := strconv.ParseInt(t.Ref, 10, 64)
	if err != nil || id < 1 {
		return 0
	}
	return id
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

// maxEvidenceName bounds a file name, in bytes, as file systems do.
const maxEvidenceName = 255

// CleanEvidenceName is the name a file is kept under: its last path element
// without the folders it came from (whichever way they are written), with
// control characters dropped and spaces trimmed. A name left empty is
// refused.
func CleanEvidenceName(name string) (string, error) {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == "/" || name == ".." {
		return "", Errorf(EInvalid, "The file has no name: give it one before attaching it.")
	}
	for len(name) > maxEvidenceName {
		// Cut whole characters, keeping the extension that says what it is.
		ext := path.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		stem := []rune(strings.TrimSuffix(name, ext))
		name = string(stem[:len(stem)-1]) + ext
	}
	return name, nil
}

// CheckEvidence refuses an empty file and one larger than limit bytes (a
// limit of 0 or less is DefaultEvidenceLimit), naming the file and both
// sizes.
func CheckEvidence(name string, size, limit int64) error {
	if limit <= 0 {
		limit = DefaultEvidenceLimit
	}
	switch {
	case size == 0:
		return Errorf(EInvalid, "%s is empty: there is nothing in it to keep as evidence.", name)
	case size > limit:
		return Errorf(EInvalid, "%s was not attached: it is %s, and evidence files may be at most %s. Attach a smaller copy (a compressed scan, a PDF export), or raise the limit in the organisation's settings.",
			name, SizeText(size), SizeText(limit))
	}
	return nil
}

// HashEvidence is the SHA-256 a file's content is stored under.
func HashEvidence(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// evidenceMediaTypes are the types of the files people keep as evidence,
// fixed here rather than read from the system, so that every computer
// describes a file alike.
var evidenceMediaTypes = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".tif": "image/tiff", ".tiff": "image/tiff",
	".txt": "text/plain", ".log": "text/plain", ".csv": "text/csv", ".md": "text/markdown",
	".eml": "message/rfc822", ".msg": "application/vnd.ms-outlook",
	".doc": "application/msword", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls": "application/vnd.ms-excel", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt": "application/vnd.ms-powerpoint", ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt": "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
	".zip": "application/zip", ".json": "application/json", ".xml": "application/xml", ".html": "text/html",
}

// EvidenceMediaType is the media type of a file by its name's extension;
// an unknown one is "application/octet-stream".
func EvidenceMediaType(name string) string {
	if t, ok := evidenceMediaTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

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
