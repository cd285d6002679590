// Package cli is SMS Builder's command line: the same domain and report code
// as the GUI, without a window. It never imports Fyne.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/reports"
)

// Deps are the services main wires into the command line.
type Deps struct {
	Store     data.Store
	Catalogue *data.Catalogue
	Now       func() time.Time
	Stdout    io.Writer
	Stderr    io.Writer
}

const usage = `SMS Builder — implement and document an ISO/IEC 20000-1:2018 service management system.

Usage:
  smsbuilder [WORKSPACE.smsdb]        open the app (the last or the default workspace when none is named)
  smsbuilder new FILE [--demo]        create a workspace; --demo fills it with Northwind Managed IT Ltd
  smsbuilder check FILE               report a workspace's schema and integrity, and who has it open,
                                      without changing it:
                                      re-hashes approved text, verifies the audit trail's hash chain,
                                      the schema and its triggers, links between records and every
                                      stored value; one line per problem. Exits 0 when sound, 1 when
                                      problems were found, 3 when FILE is not a workspace this
                                      version can read (missing, another program's, damaged, newer)
  smsbuilder unlock FILE [--force]    remove the write lock a crashed SMS Builder left; one taken on
                                      another computer only with --force
  smsbuilder backup FILE --out COPY   write a consistent copy of a workspace to a new file
  smsbuilder backups FILE             list the daily copies kept in the Backups folder beside a workspace
  smsbuilder pack PACK --workspace FILE --out FILE.pdf [--paper A4|Letter] [--draft] [--assessment ID] [--include-drafts] [--force]
                                      print a documentation pack; --assessment chooses the
                                      gap assessment the gap pack reports on (default: the latest);
                                      --include-drafts adds to the manual the documents not yet
                                      approved, and newer drafts, marked DRAFT; an existing PDF is
                                      replaced, another existing file only with --force
  smsbuilder pack document NUMBER --workspace FILE --out FILE.pdf [--include-drafts]
                                      print one document, such as SMS-DOC-02: its approved version,
                                      or its newer draft marked DRAFT (with --include-drafts, or
                                      when no version is approved)
  smsbuilder pack audit ID --workspace FILE --out FILE.pdf
                                      print the report of one internal audit, such as AUD-1: scope,
                                      team, findings graded against clauses, conclusions; marked
                                      DRAFT until the lead auditor has approved it
  smsbuilder pack review REF --workspace FILE --out FILE.pdf
                                      print the minutes of one management review, such as MR-1:
                                      each input with its decision, the actions, the approval and
                                      the figures frozen on the day (a planned one prints as its
                                      agenda, with today's figures)
  smsbuilder bundle --workspace FILE --out FILE.zip [--paper A4|Letter] [--force]
                                      write the auditor bundle: the readiness pack, every approved
                                      document as its own PDF, the registers, the audit programme
                                      and the evidence files once each, with an index PDF and a
                                      README, to open anywhere with a PDF viewer
  smsbuilder verify FILE.pdf --workspace FILE
                                      check that the documents a printed manual or document holds
                                      are still the approved versions in the workspace, that their
                                      pages show the approved text, and that the audit trail's head
                                      any pack prints is still in the workspace's history; exits 0
                                      only when every one is
  smsbuilder archive --workspace FILE --out FILE.smsarchive
                                      write every record, document version and audit entry to one
                                      portable, documented file (a zip of JSON) without changing
                                      the workspace
  smsbuilder restore ARCHIVE --out NEW.smsdb
                                      make a new workspace from an archive; NEW must not exist
  smsbuilder content --json           print the built-in content catalogue as JSON
  smsbuilder registers [--workspace FILE]
                                      list each register's key and title, and its fields: key,
                                      label, type, whether required, and choices; with a
                                      workspace, the fields added in it too
  smsbuilder export --workspace FILE --register KEY --out FILE [--format csv|xlsx] [--force]
                                      write a register to a spreadsheet: a Reference column, then
                                      every field under its label; XLSX with dates and numbers
                                      typed, the header frozen and filtered. The format follows
                                      the file name unless given; an existing file is replaced
                                      only with --force
  smsbuilder import --workspace FILE --register KEY --in FILE [--map "Column=field,…"] [--dry-run] [--skip-bad]
                                      read a CSV (comma, semicolon or tab; UTF-8 or Windows-1252)
                                      or XLSX file into a register. Columns are matched to fields
                                      by label, key or a common synonym; --map sets a column by
                                      hand to a field's key or label, to "ignore", "reference",
                                      or "new" (a new text field; "new:number", "new:date",
                                      "new:choice"). A Reference column (RSK-12) updates those
                                      records instead of adding copies. It prints the matches, the
                                      words it mapped onto choices, each bad row with its line and
                                      reason, and what it did; while a row is bad nothing is
                                      imported unless --skip-bad. --dry-run writes nothing
  smsbuilder help | --help            show this help

No output ever lands on a workspace: --out refuses any SMS Builder workspace, the
-wal, -shm and -journal files SQLite keeps beside one, and links to them. Opening a
workspace for writing saves, once a day, a copy in the Backups folder beside it
("NAME backup YYYY-MM-DD.smsdb"); the last 7 daily and 4 weekly copies are kept.

Packs:
`

// IsCommand reports whether args ask for the command line rather than the window.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "new", "check", "unlock", "backup", "backups", "pack", "bundle", "verify", "archive", "restore", "content", "registers", "export", "import", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// Run executes the command in args and returns the process exit code.
// Errors go to Stderr in plain words.
func Run(ctx context.Context, args []string, d Deps) int {
	if d.Now == nil {
		d.Now = time.Now
	}
	if len(args) == 0 {
		printUsage(d.Stdout)
		return 0
	}
	var err error
	switch args[0] {
	case "new":
		err = runNew(ctx, args[1:], d)
	case "check":
		err = runCheck(ctx, args[1:], d)
	case "unlock":
		err = runUnlock(ctx, args[1:], d)
	case "backup":
		err = runBackup(ctx, args[1:], d)
	case "backups":
		err = runBackups(ctx, args[1:], d)
	case "pack":
		err = runPack(ctx, args[1:], d)
	case "bundle":
		err = runBundle(ctx, args[1:], d) // bundle.go
	case "verify":
		err = runVerify(ctx, args[1:], d)
	case "archive":
		err = runArchive(ctx, args[1:], d)
	case "restore":
		err = runRestore(ctx, args[1:], d)
	case "content":
		err = runContent(args[1:], d)
	case "registers":
		err = runRegisters(ctx, args[1:], d) // registers.go
	case "export":
		err = runExport(ctx, args[1:], d)
	case "import":
		err = runImport(ctx, args[1:], d)
	default:
		printUsage(d.Stdout)
		return 0
	}
	if err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintf(d.Stderr, "smsbuilder: %s\nRun 'smsbuilder --help' for usage.\n", u.msg)
			return 2
		}
		fmt.Fprintf(d.Stderr, "smsbuilder: %s\n", data.ErrorMessage(err))
		var x exitError
		if errors.As(err, &x) {
			return x.code
		}
		return 1
	}
	return 0
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	for _, p := range reports.Packs() {
		id := p.ID
		switch id {
		case documentPack:
			id += " NUMBER"
		case registerPack:
			id += " KEY"
		case auditPack:
			id += " ID"
		case reviewPack:
			id += " REF"
		}
		fmt.Fprintf(w, "  %-17s %s\n", id, p.Title)
	}
}

// documentPack prints the one document its NUMBER names, registerPack the
// one register its KEY names, auditPack the report of the audit its ID
// (its reference, AUD-1) names.
const (
	documentPack = "document"
	registerPack = "register"
	auditPack    = "audit"
	reviewPack   = "review"
)

// usageError is a mistake in the command line itself.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// parse parses flags that may come before or after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runNew(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	demo := fs.Bool("demo", false, "fill the workspace with the demo organisation")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("new needs one FILE")
	}
	path := pos[0]
	if filepath.Ext(path) == "" {
		path += data.WorkspaceExt
	}
	// The file appears only once it is complete, demo and all.
	ws, err := d.Store.CreateWith(ctx, path, func(ws data.Workspace) error {
		if !*demo {
			return nil
		}
		return data.SeedDemo(data.WithActor(ctx, "smsbuilder new --demo"), ws, d.Catalogue, assets.DemoLogo(), d.Now())
	})
	if err != nil {
		return err
	}
	defer ws.Close()
	fmt.Fprintf(d.Stdout, "Created %s\n", path)
	return nil
}

func runCheck(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("check needs one FILE")
	}
	r, err := d.Store.Check(ctx, pos[0])
	if err != nil {
		return exitError{exitUnreadable, err}
	}
	w := d.Stdout
	fmt.Fprintf(w, "Workspace:     %s\n", r.Path)
	fmt.Fprintf(w, "Size:          %d bytes\n", r.SizeBytes)
	fmt.Fprintf(w, "Schema:        version %d (this app: %d)", r.SchemaVersion, r.AppSchema)
	if r.NeedsMigrate {
		fmt.Fprint(w, " — will be upgraded when opened, after a backup copy")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Integrity:     %s\n", r.Integrity)
	if r.ReadOnly {
		fmt.Fprintln(w, "Access:        read-only")
	}
	if r.InterruptedChange {
		fmt.Fprintf(w, "Journal:       %s-journal holds a change that was interrupted; it is undone when the file is next opened for writing, and this report shows the file as it will then be\n", filepath.Base(r.Path))
	}
	if r.Lock != nil {
		fmt.Fprintf(w, "Open by:       %s\n", lockLine(*r.Lock, r.Path, d.Now()))
	}
	org := r.Organisation
	if org == "" {
		org = "(not yet named)"
	}
	fmt.Fprintf(w, "Organisation:  %s\n", org)
	fmt.Fprintf(w, "People:        %d\n", r.People)
	fmt.Fprintf(w, "Assessments:   %d\n", r.Assessments)
	fmt.Fprintf(w, "Tasks:         %d\n", r.Tasks)
	fmt.Fprintf(w, "Documents:     %d\n", r.Documents)
	fmt.Fprintf(w, "Audit entries: %d\n", r.AuditEntries)
	if !r.LastChange.IsZero() {
		fmt.Fprintf(w, "Last change:   %s\n", r.LastChange.UTC().Format(time.RFC3339))
	}
	printIntegrity(w, r) // check.go
	if !r.OK() {
		return exitError{exitUnreadable, data.Errorf(data.ECorrupt, "%s failed the integrity check: %s", r.Path, r.Integrity)}
	}
	if !r.Sound() {
		return problemsError(r)
	}
	return nil
}

func runPack(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file")
	out := fs.String("out", "", "PDF file to write")
	paper := fs.String("paper", "", "A4 or Letter (default: the organisation's choice)")
	draft := fs.Bool("draft", false, "mark every page DRAFT")
	assessment := fs.Int64("assessment", 0, "ID of the gap assessment the gap pack reports on (default: the latest)")
	includeDrafts := fs.Bool("include-drafts", false, "print documents not yet approved, marked DRAFT (manual and document)")
	force := fs.Bool("force", false, "replace an existing file that is not a PDF")
	withGuidance := fs.Bool("with-guidance", false, "print the clause guidance for the author (scope pack; never hand that copy to an auditor)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("pack needs the name of one pack (%s)", packIDs())
	}
	pack, ok := reports.FindPack(pos[0])
	if !ok {
		return usagef("unknown pack %q; choose one of: %s", pos[0], packIDs())
	}
	number, register, audit, review := "", "", "", ""
	switch {
	case pack.ID == documentPack && len(pos) == 1:
		return usagef("pack document needs the NUMBER of the document, such as SMS-DOC-02")
	case pack.ID == documentPack && len(pos) == 2:
		number = pos[1]
	case pack.ID == registerPack && len(pos) != 2:
		return usagef("pack register needs the KEY of one register, such as risks; 'smsbuilder registers' lists them")
	case pack.ID == registerPack:
		register = pos[1]
	case pack.ID == auditPack && len(pos) != 2:
		return usagef("pack audit needs the ID of one audit, such as AUD-1")
	case pack.ID == auditPack:
		audit = pos[1]
	case pack.ID == reviewPack && len(pos) != 2:
		return usagef("pack review needs the REF of one management review, such as MR-1")
	case pack.ID == reviewPack:
		review = pos[1]
	case len(pos) != 1:
		return usagef("pack needs the name of one pack (%s); only the document pack takes a NUMBER, the register pack a KEY, the audit pack an ID and the review pack a REF", packIDs())
	}
	if *wsPath == "" || *out == "" {
		return usagef("pack needs --workspace FILE and --out FILE.pdf")
	}
	if *assessment < 0 {
		return usagef("--assessment must be the ID of a gap assessment")
	}
	if *includeDrafts && pack.ID != "manual" && pack.ID != documentPack {
		return usagef("--include-drafts applies only to the manual and document packs")
	}
	if *withGuidance && pack.ID != "scope" {
		return usagef("--with-guidance applies only to the scope pack")
	}
	// Refused before the workspace is opened, so a refusal changes nothing.
	if err := checkPackOutput(d.Store.CheckOutput, *out, *force); err != nil {
		return err
	}
	ws, err := d.Store.OpenReadOnly(ctx, *wsPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	if err := ws.CheckOutput(*out); err != nil {
		return err
	}
	src, err := reports.LoadSourceFor(ctx, ws, d.Catalogue, pack.ID)
	if err != nil {
		return err
	}
	opts := reports.Options{Paper: src.Org.PaperSize, Draft: *draft, Now: d.Now(), AssessmentID: *assessment,
		IncludeDrafts: *includeDrafts, DocumentNumber: number, Register: register, Audit: audit, Review: review, WithGuidance: *withGuidance}
	if *paper != "" {
		opts.Paper = data.PaperSize(*paper)
		if opts.Paper != data.PaperA4 && opts.Paper != data.PaperLetter {
			return usagef("--paper must be A4 or Letter")
		}
	}
	// A pack with nothing to print is refused before any file is made.
	if err := reports.Check(ctx, pack.ID, src, opts); err != nil {
		return err
	}
	err = writeFileAtomic(*out, func(w io.Writer) error {
		return reports.Build(ctx, pack.ID, src, opts, w, nil)
	}, d)
	if err == nil {
		warnUnreadable(d.Stderr, src.Unreadable())
		warnAltered(d.Stderr, src.Documents)
	}
	return err
}

// runVerify checks the documents a printed pack holds against the
// workspace: one line per document, exit 0 only when all are the current
// approved versions.
func runVerify(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("verify needs one FILE.pdf")
	}
	if *wsPath == "" {
		return usagef("verify needs --workspace FILE")
	}
	path := pos[0]
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return data.Errorf(data.ENotFound, "There is no file %s.", path)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	stamps, head, hasHead, err := reports.ReadMarks(f)
	if err != nil {
		return cannotCheck(path, err)
	}
	if len(stamps) == 0 && !hasHead {
		return data.Errorf(data.EInvalid, "%s was not printed by SMS Builder or carries no controlled documents.", path)
	}
	ws, err := d.Store.OpenReadOnly(ctx, *wsPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	historyOK := true
	if hasHead {
		if historyOK, err = checkPrintedHead(ctx, ws, head, d.Stdout); err != nil {
			return err
		}
	}
	if !historyOK && len(stamps) == 0 {
		return errHistoryChanged(path)
	}
	if len(stamps) == 0 {
		fmt.Fprintf(d.Stdout, "%s carries no controlled documents; the history it was printed from is unchanged.\n", path)
		return nil
	}
	src, err := reports.LoadSource(ctx, ws, d.Catalogue)
	if err != nil {
		return err
	}
	results, err := verifyPrinted(ctx, f, path, src, reports.Verify(stamps, src))
	if err != nil {
		return err
	}
	numW, verW := 0, 0
	version := func(s reports.Stamp) string { return data.VersionName(s.Version, s.Draft) }
	for _, r := range results {
		numW, verW = max(numW, len(r.Stamp.Number)), max(verW, len(version(r.Stamp)))
	}
	counts := map[reports.VerifyStatus]int{}
	for _, r := range results {
		counts[r.Status]++
		fmt.Fprintf(d.Stdout, "%-*s  %-*s  sha256 %s  %s\n", numW, r.Stamp.Number, verW, version(r.Stamp), r.Stamp.SHA256[:12], r.Message)
	}
	bad := len(results) - counts[reports.VerifyOK]
	if bad == 0 {
		fmt.Fprintf(d.Stdout, "All %s in %s are the approved versions in the workspace.\n", data.CountText(len(results), "document", "documents"), path)
		if !historyOK {
			return errHistoryChanged(path)
		}
		return nil
	}
	var parts []string
	for _, c := range []struct {
		status    reports.VerifyStatus
		one, many string
	}{
		{reports.VerifySuperseded, "superseded", "superseded"},
		{reports.VerifyChanged, "changed", "changed"},
		{reports.VerifyWithdrawn, "withdrawn", "withdrawn"},
		{reports.VerifyNotFound, "not found", "not found"},
		{reports.VerifyDraft, "draft", "drafts"},
	} {
		if n := counts[c.status]; n > 0 {
			parts = append(parts, data.CountText(n, c.one, c.many))
		}
	}
	verb := "are"
	if bad == 1 {
		verb = "is"
	}
	return data.Errorf(data.EInvalid, "%d of %s in %s %s not the approved version in the workspace: %s.",
		bad, data.CountText(len(results), "document", "documents"), path, verb, strings.Join(parts, ", "))
}

// cannotCheck is err, read from the pack at path, told as the reason the
// pack cannot be checked.
func cannotCheck(path string, err error) error {
	return &data.Error{Code: data.ErrorCode(err), Message: path + " cannot be checked: " + lowerFirst(data.ErrorMessage(err)), Err: err}
}

// lowerFirst lowers the first letter of a message that follows a colon.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// writeFileAtomic writes the file as data.WriteFileAtomic does and says so.
func writeFileAtomic(path string, write func(io.Writer) error, d Deps) error {
	if err := data.WriteFileAtomic(path, write); err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Wrote %s\n", path)
	return nil
}

func packIDs() string {
	var ids []string
	for _, p := range reports.Packs() {
		id := p.ID
		if id == documentPack {
			id += " NUMBER"
		}
		ids = append(ids, id)
	}
	return strings.Join(ids, ", ")
}

// contentDump is the shape of `content --json`; later parts add steps,
// questions and templates beside the clauses.
type contentDump struct {
	Standard  string               `json:"standard"`
	Clauses   []data.Clause        `json:"clauses"`
	Phases    []data.Phase         `json:"phases"`
	Steps     []data.Step          `json:"steps"`
	Questions []data.Question      `json:"questions"`
	Templates []contentTemplate    `json:"templates"`
	Glossary  []data.GlossaryEntry `json:"glossary"`
	Registers []contentRegister    `json:"registers"`
}

// contentRegister is a register as the dump lists it: what it is and
// where it stands in the standard, not its whole declaration.
type contentRegister struct {
	Key     string   `json:"key"`
	Title   string   `json:"title"`
	Prefix  string   `json:"prefix"`
	Group   string   `json:"group"`
	Clauses []string `json:"clauses"`
	Fields  int      `json:"fields"`
}

// contentTemplate is a template with the number of prompts its text holds
// for the author to tailor.
type contentTemplate struct {
	data.Template
	Prompts int `json:"prompts"`
}

func runContent(args []string, d Deps) error {
	fs := flag.NewFlagSet("content", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if !*asJSON {
		return usagef("content needs --json")
	}
	var templates []contentTemplate
	for _, t := range d.Catalogue.Templates() {
		templates = append(templates, contentTemplate{Template: t, Prompts: len(data.Prompts(t.Body))})
	}
	var registers []contentRegister
	for _, r := range data.Registers() {
		registers = append(registers, contentRegister{Key: r.Key, Title: r.Title, Prefix: r.Prefix, Group: r.Group, Clauses: r.Clauses, Fields: len(r.Columns())})
	}
	enc := json.NewEncoder(d.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(contentDump{
		Standard: "ISO/IEC 20000-1:2018", Clauses: d.Catalogue.Clauses(),
		Phases: d.Catalogue.Phases(), Steps: d.Catalogue.Steps(), Questions: d.Catalogue.Questions(),
		Templates: templates, Glossary: d.Catalogue.Glossary(), Registers: registers,
	}); err != nil {
		return fmt.Errorf("write content: %w", err)
	}
	return nil
}
