package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Template is the content of one document the SMS needs: Markdown with
// placeholders, and guidance for its author that never prints.
type Template struct {
	Key          string   `json:"key"`
	Number       string   `json:"number"`
	Title        string   `json:"title"`
	Clauses      []string `json:"clauses"`
	Guidance     string   `json:"guidance"`
	ReviewMonths int      `json:"review_months"`
	Body         string   `json:"body,omitempty"` // from the .md file beside the .json
}

// DocStatus is where a document version is in its control workflow.
type DocStatus string

const (
	DocDraft      DocStatus = "draft"
	DocInReview   DocStatus = "in-review"
	DocApproved   DocStatus = "approved"
	DocSuperseded DocStatus = "superseded"
	DocWithdrawn  DocStatus = "withdrawn"
)

// DocStatuses lists every document version status, in workflow order.
func DocStatuses() []DocStatus {
	return []DocStatus{DocDraft, DocInReview, DocApproved, DocSuperseded, DocWithdrawn}
}

// Label is the plain name of the status.
func (s DocStatus) Label() string {
	switch s {
	case DocInReview:
		return "In review"
	case DocApproved:
		return "Approved"
	case DocSuperseded:
		return "Superseded"
	case DocWithdrawn:
		return "Withdrawn"
	}
	return "Draft"
}

// Document is one controlled document: its identity and ownership. Its text
// lives in its versions.
type Document struct {
	ID          int64
	Number      string // "SMS-DOC-02"
	Title       string
	TemplateKey string // "" for an imported document
	Clauses     []string
	OwnerID     int64
	// Distribution is who receives the document or must read it, one
	// recipient (a person, a role or a team) a line; it prints in the
	// document's front matter.
	Distribution string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Revision     Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// MaxDistribution is the longest distribution list, in characters: a list
// of recipients, not a second document.
const MaxDistribution = 2000

// Validate checks the document's own fields.
func (d Document) Validate() error {
	var v validation
	v.required("Number", d.Number, "Document number")
	v.maxLen("Number", d.Number, "Document number", 40)
	v.required("Title", d.Title, "Title")
	v.maxLen("Title", d.Title, "Title", 200)
	v.maxLen("Distribution", d.Distribution, "Distribution list", MaxDistribution)
	return v.err("document")
}

// Version is one version of a document's text. Drafts change; an approved
// version is frozen with the SHA-256 of its text.
type Version struct {
	ID            int64
	DocumentID    int64
	Major, Minor  int // the number it has or will have once approved: 1.0, 1.1, 2.0
	Status        DocStatus
	Body          string
	SHA256        string // set on approval
	ChangeSummary string
	ApprovedBy    int64
	ApprovedAt    time.Time
	// EffectiveFrom is the day the approved text takes effect: the day of
	// approval or later. Zero until the version is approved.
	EffectiveFrom time.Time
	ReviewDue     time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Revision      Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Number is the version's name wherever it is shown: its number once it
// has been approved ("1.1"), and "Draft for 1.1" until then, in review or
// withdrawn before approval too. The word comes first so that a draft's
// name never reads, or sorts, as an approved number; the workflow state
// is shown beside it, because the text keeps its name while it moves.
func (v Version) Number() string {
	if v.WasApproved() {
		return v.ApprovalNumber()
	}
	return VersionName(v.ApprovalNumber(), true)
}

// ApprovalNumber is the number the version has, or will have once approved:
// "1.1", with nothing to say whether it is approved yet.
func (v Version) ApprovalNumber() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// WasApproved reports whether the version was approved at some time: it is
// approved or superseded now, or was withdrawn after approval.
func (v Version) WasApproved() bool {
	return v.Status == DocApproved || v.Status == DocSuperseded || v.Status == DocWithdrawn && !v.ApprovedAt.IsZero()
}

// VersionName is how a version numbered number ("1.1") is shown: the number
// itself, or "Draft for 1.1" for a text not approved (see Number). It names
// a version known only by its number and whether it was a draft, such as
// one a printed pack recorded.
func VersionName(number string, draft bool) string {
	if draft {
		return "Draft for " + number
	}
	return number
}

// Effective is the day the version's approved text takes effect: its
// effective date, or the day it was approved when it has none (a version
// approved before effective dates were recorded). Zero when never approved.
func (v Version) Effective() time.Time {
	switch {
	case !v.EffectiveFrom.IsZero():
		return v.EffectiveFrom
	case !v.ApprovedAt.IsZero():
		return dayOf(v.ApprovedAt)
	}
	return time.Time{}
}

// ShortHash is the first 12 hex digits of the text's SHA-256, printed in
// footers so a paper copy can be checked against the workspace.
func (v Version) ShortHash() string {
	if len(v.SHA256) < 12 {
		return ""
	}
	return v.SHA256[:12]
}

// TextAltered reports whether an approved, superseded or withdrawn
// version's text no longer matches the SHA-256 recorded when it was
// approved: another program changed it behind the app's back, and it must
// never print or verify as the approved text.
func (v Version) TextAltered() bool {
	switch v.Status {
	case DocApproved, DocSuperseded, DocWithdrawn:
		return v.SHA256 != "" && HashText(v.Body) != v.SHA256
	}
	return false
}

// HashText is the SHA-256 of a document text, as lower-case hex.
func HashText(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// NextVersion is the number a new draft gets after the latest approved
// version: 1.0 when there is none, else a minor or a major step.
func NextVersion(latestApproved *Version, major bool) (int, int) {
	if latestApproved == nil {
		return 1, 0
	}
	if major {
		return latestApproved.Major + 1, 0
	}
	return latestApproved.Major, latestApproved.Minor + 1
}

// Transition is a move in the control workflow.
type Transition string

const (
	SendForReview Transition = "send-for-review"
	BackToDraft   Transition = "back-to-draft"
	Approve       Transition = "approve"
	Withdraw      Transition = "withdraw"
)

// CheckTransition says whether a version in status from may take the
// transition, with a plain reason when not. Superseding happens by approving
// a newer version, never by hand.
func CheckTransition(from DocStatus, t Transition) error {
	allowed := map[Transition][]DocStatus{
		SendForReview: {DocDraft},
		BackToDraft:   {DocInReview},
		Approve:       {DocInReview},
		Withdraw:      {DocDraft, DocInReview, DocApproved},
	}
	for _, s := range allowed[t] {
		if s == from {
			return nil
		}
	}
	names := map[Transition]string{SendForReview: "sent for review", BackToDraft: "sent back to draft", Approve: "approved", Withdraw: "withdrawn"}
	name, ok := names[t]
	if !ok {
		return Errorf(EInvalid, "Unknown workflow step %q.", t)
	}
	hint := ""
	switch {
	case t == Approve && from == DocDraft:
		hint = " Send it for review first."
	case from == DocApproved && t != Withdraw:
		hint = " An approved version is frozen: start a new draft to change it."
	}
	return Errorf(EInvalid, "A document that is %s cannot be %s.%s", strings.ToLower(from.Label()), name, hint)
}

// Approval is what approving a version records.
type Approval struct {
	ApproverID    int64
	ChangeSummary string
	At            time.Time
	ReviewMonths  int       // 0 means 12
	EffectiveFrom time.Time // the day the text takes effect; zero means the day of approval
}

// Effective is the day the approved text takes effect: EffectiveFrom, or
// the day of approval when none is given.
func (a Approval) Effective() time.Time {
	if a.EffectiveFrom.IsZero() {
		return dayOf(a.At)
	}
	return dayOf(a.EffectiveFrom)
}

// CheckEffective refuses an effective date before the day of approval:
// a text cannot take effect before anyone approved it.
func (a Approval) CheckEffective() error {
	if a.EffectiveFrom.IsZero() || !dayOf(a.EffectiveFrom).Before(dayOf(a.At)) {
		return nil
	}
	approved := dayOf(a.At).Format("2 January 2006")
	return &Error{Code: EInvalid, Message: fmt.Sprintf("The effective date cannot be before the approval on %s: choose %s or a later day.", approved, approved),
		Fields: []FieldError{{Field: "EffectiveFrom", Message: fmt.Sprintf("A text cannot take effect before it is approved: choose %s or a later day.", approved)}}}
}

// dayOf is t's calendar day, as midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CheckApprover refuses an approver who holds no approving role: top
// management or the SMS owner.
func CheckApprover(p Person) error {
	if p.HasRole(RoleTopManagement) || p.HasRole(RoleSMSOwner) {
		return nil
	}
	return &Error{Code: EInvalid, Message: fmt.Sprintf("%s cannot approve documents: only top management or the SMS owner can.", p.Name),
		Fields: []FieldError{{Field: "Approver", Message: "Choose someone from top management or the SMS owner."}}}
}

// ReviewDue is when an approved version must be reviewed next.
func (a Approval) ReviewDue() time.Time {
	m := a.ReviewMonths
	if m <= 0 {
		m = 12
	}
	return dayOf(a.At).AddDate(0, m, 0)
}

// DocumentService keeps controlled documents and their versions. Storage
// refuses any change to the text of an approved version.
type DocumentService interface {
	Documents(ctx context.Context) ([]Document, error)
	Document(ctx context.Context, id int64) (Document, error)
	// CreateDocument stores a document with a first draft (Draft for 1.0).
	CreateDocument(ctx context.Context, d Document, body string) (Document, error)
	SaveDocument(ctx context.Context, d Document) (Document, error)
	// Versions lists a document's versions, newest first.
	Versions(ctx context.Context, documentID int64) ([]Version, error)
	// SaveDraft replaces the text of the draft v (its ID and Revision) with
	// body; any other status is refused.
	SaveDraft(ctx context.Context, v Version, body string) (Version, error)
	// NewDraft starts a draft from the latest approved version.
	NewDraft(ctx context.Context, documentID int64, major bool) (Version, error)
	// Move applies a workflow transition to v (its ID and Revision);
	// Approve needs the approval.
	Move(ctx context.Context, v Version, t Transition, a Approval) (Version, error)
}
