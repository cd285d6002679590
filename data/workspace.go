package data

import (
	"context"
	"time"
)

// WorkspaceExt is the file extension of a workspace.
const WorkspaceExt = ".smsdb"

// OrganisationService keeps the organisation profile, one per workspace.
type OrganisationService interface {
	Organisation(ctx context.Context) (Organisation, error)
	SaveOrganisation(ctx context.Context, o Organisation) (Organisation, error)
}

// PeopleService keeps the people who work in the SMS.
type PeopleService interface {
	People(ctx context.Context) ([]Person, error)
	Person(ctx context.Context, id int64) (Person, error)
	// SavePerson creates the person when ID is 0 and updates it otherwise; it
	// returns the stored record.
	SavePerson(ctx context.Context, p Person) (Person, error)
	// DeletePerson removes the person and says which records it left
	// pointing at nobody, for RestorePerson.
	DeletePerson(ctx context.Context, p Person) (Unlinked, error)
	// RestorePerson brings a deleted person back under their own ID with
	// their roles, and links again those of links that still point at
	// nobody.
	RestorePerson(ctx context.Context, p Person, links Unlinked) (Restored, error)
}

// AuditService reads the audit trail. Writes happen inside every other
// service's transactions.
type AuditService interface {
	// AuditTrail lists the changes to one record, newest first; an empty
	// entity lists every change.
	AuditTrail(ctx context.Context, entity, entityID string, limit int) ([]AuditEntry, error)
}

// Workspace is one open organisation file with every service it offers.
type Workspace interface {
	OrganisationService
	PeopleService
	RoadmapService
	AssessmentService
	TaskService
	DocumentService
	RegisterService
	AuditService
	IntegrityService
	EvidenceService
	WorkspaceFiles
	Path() string
	ReadOnly() bool
	// Holder names who holds the write lock when the workspace was opened
	// read-only because someone else has it open for writing; nil otherwise.
	Holder() *LockHolder
	// SetHolder records the person named in ctx (WithActor) in the write
	// lock, when the person working changes; it does nothing when read-only.
	SetHolder(ctx context.Context) error
	// Backup writes a consistent copy of the workspace to dest, which must
	// not exist and must pass CheckOutput.
	Backup(ctx context.Context, dest string) error
	Close() error
}

// Store creates, opens and checks workspace files. Storage implements it;
// the GUI and the command line receive it from main.
type Store interface {
	// Create makes a new, empty workspace at path; the file must not exist.
	Create(ctx context.Context, path string) (Workspace, error)
	// Open opens an existing workspace for writing, migrating it to the
	// current schema, and takes its write lock for the person named in ctx.
	// A read-only file, or one someone else holds (see Workspace.Holder), is
	// opened read-only.
	Open(ctx context.Context, path string) (Workspace, error)
	// OpenReadOnly opens a workspace for reading without taking its lock, so
	// that it works while someone else writes. A file that must first be
	// updated to the current schema is opened as Open does.
	OpenReadOnly(ctx context.Context, path string) (Workspace, error)
	// TakeOver opens a workspace for writing, replacing the lock someone
	// left on another computer; a lock held on this computer by a process
	// that still runs is refused.
	TakeOver(ctx context.Context, path string) (Workspace, error)
	// Check inspects a file without changing a byte of it.
	Check(ctx context.Context, path string) (CheckReport, error)
	FileStore
	// Archive writes every record of the workspace at path to a new
	// portable archive at out (see archive.go), without changing the
	// workspace; a failure leaves no file at out.
	Archive(ctx context.Context, path, out string) (ArchiveManifest, error)
	// Restore makes a new workspace at out, which must not exist, from an
	// archive; a failure leaves no file at out.
	Restore(ctx context.Context, archivePath, out string) (ArchiveManifest, error)
}

// CheckReport describes a workspace file: its schema and its integrity.
type CheckReport struct {
	Path          string
	SizeBytes     int64
	SchemaVersion int // of the file
	AppSchema     int // this app's newest schema
	NeedsMigrate  bool
	ReadOnly      bool
	Integrity     string // "ok" or SQLite's first complaint
	Organisation  string
	People        int
	Assessments   int // 0 in a file whose schema has no assessments yet
	Tasks         int // 0 in a file whose schema has no tasks yet
	Documents     int // 0 in a file whose schema has no documents yet
	AuditEntries  int
	LastChange    time.Time
	// InterruptedChange: a journal beside the file holds a change a program
	// did not finish; SQLite undoes it when the file is next opened for
	// writing, and the report describes the file as it will then be.
	InterruptedChange bool
	AuditHead         AuditHead // the newest audit entry, zero when the trail is empty
	// Problems are what the check found wrong inside a file SQLite accepts:
	// schema, foreign keys, stored values, approved text, the audit chain.
	Problems []Problem
	Lock     *LockHolder // who has the file open for writing, or nil
}

// Sound reports whether the file can be opened and the check found no
// problem inside it.
func (r CheckReport) Sound() bool { return r.OK() && len(r.Problems) == 0 }

// OK reports whether the file can be opened by this app as it is.
func (r CheckReport) OK() bool {
	return r.Integrity == "ok" && r.SchemaVersion <= r.AppSchema
}
