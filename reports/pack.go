// Package reports prints SMS Builder's PDF packs: a cover, a document control
// table, a table of contents with page numbers and links, bookmarks, running
// headers and footers, an optional DRAFT watermark, and sections written in
// Markdown, all in the embedded DejaVu fonts. The GUI and the command line
// both call Build.
package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"smsbuilder/data"
)

// Options control how a pack is printed.
type Options struct {
	// Paper is A4 or Letter; anything else uses the organisation's choice,
	// and failing that A4.
	Paper data.PaperSize
	// DateFormat prints dates; empty uses the organisation's choice.
	DateFormat data.DateFormat
	// Draft prints a diagonal DRAFT watermark on every page.
	Draft bool
	// Now is the date the pack prints and stamps as the PDF's creation and
	// modification date. Two builds with the same Now and data give identical
	// bytes. Zero means the current time.
	Now time.Time
	// Uncompressed leaves page content uncompressed, for tests that read
	// it; packs are compressed otherwise.
	Uncompressed bool
	// AssessmentID chooses the gap assessment the gap report prints; 0
	// means the latest. Other packs ignore it.
	AssessmentID int64
	// IncludeDrafts prints the newest text of documents that are not
	// approved, or whose newer version is still a draft or in review,
	// marked DRAFT. Only the manual and document packs print documents.
	IncludeDrafts bool
	// DocumentNumber chooses the document the document pack prints, such
	// as "SMS-DOC-02". Other packs ignore it.
	DocumentNumber string
	// Register chooses the register the register pack prints by its key,
	// such as "risks". Other packs ignore it.
	Register string
	// Audit chooses the internal audit the audit report prints by its
	// reference, such as "AUD-1". Other packs ignore it.
	Audit string
	// Review chooses the management review the review pack prints by its
	// reference, such as "MR-2". Other packs ignore it.
	Review string
	// WithGuidance prints the catalogue's coaching for the author in the
	// scope pack. Off, the pack is fit for an auditor: what it prints
	// states the SMS, it does not tell anyone how to prepare for an audit.
	WithGuidance bool
}

// DefaultOptions are the options the GUI and command line start from: the
// organisation's paper and date format, compressed output, dated now.
func DefaultOptions(o data.Organisation, now time.Time) Options {
	return Options{Paper: o.PaperSize, DateFormat: o.DateFormat, Now: now}
}

// resolve fills the options a caller left empty.
func (o Options) resolve(org data.Organisation) Options {
	if o.Paper != data.PaperA4 && o.Paper != data.PaperLetter {
		o.Paper = org.PaperSize
		if o.Paper != data.PaperLetter {
			o.Paper = data.PaperA4
		}
	}
	if o.DateFormat == "" {
		o.DateFormat = org.DateFormat
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// Source is the workspace content packs print from.
type Source struct {
	Org       data.Organisation
	People    []data.Person
	Catalogue *data.Catalogue // may be nil; packs then say the catalogue is unavailable

	// The roadmap: progress by step id (steps never touched are absent and
	// count as not started), the plan and the tasks.
	Progress map[string]data.StepProgress
	Plan     data.Plan
	Tasks    []data.Task

	// Assessments are the gap assessments, newest first.
	Assessments []data.Assessment
	// Answers holds the answers of the assessments LoadSource read, by
	// assessment ID: the latest and the one before it. When Options choose
	// another assessment, Build reads its answers (and those of the one
	// before it) through the workspace LoadSource was given, which must then
	// stay open until Build returns.
	Answers map[int64]map[string]data.Answer

	// Documents are the controlled documents, ordered by number, each with
	// all its versions, newest first.
	Documents []DocumentRecord

	// Registers are the registers with their records, in navigation
	// order; nil when the reader keeps none.
	Registers []RegisterRecords

	// AuditHead is the newest entry of the audit trail, which every pack
	// prints in its metadata (see audit_head.go); zero when the trail is
	// empty or the reader keeps none.
	AuditHead data.AuditHead

	// readAnswers reads one assessment's answers from the workspace; nil
	// when the source was not loaded from one that keeps assessments.
	readAnswers func(ctx context.Context, assessmentID int64) (map[string]data.Answer, error)
}

// DocumentRecord is one controlled document with its versions.
type DocumentRecord struct {
	Document data.Document
	Versions []data.Version // newest first, as data.DocumentService lists them
}

// SourceReader is the part of a workspace LoadSource needs. LoadSource
// also reads the roadmap, the gap assessments, the tasks and the documents
// when ws offers them (see WorkspaceReader); a reader without them gives a
// Source with none, and the packs built on them say there is nothing to
// print.
type SourceReader interface {
	data.OrganisationService
	data.PeopleService
}

// WorkspaceReader is everything LoadSource reads. Every data.Workspace is one.
type WorkspaceReader interface {
	SourceReader
	data.RoadmapService
	data.AssessmentService
	data.TaskService
	data.DocumentService
}

var _ WorkspaceReader = data.Workspace(nil)

// LoadSource reads what packs print from a workspace; cat is the embedded
// content catalogue. Of the gap assessments' answers it reads only those of
// the latest assessment and the one before it, which is what the gap
// report prints unless Options choose an older assessment.
func LoadSource(ctx context.Context, ws SourceReader, cat *data.Catalogue) (Source, error) {
	return loadSource(ctx, ws, cat, func(data.Register) bool { return true })
}

// LoadSourceFor is LoadSource for printing pack id: of the registers it
// keeps whole only those the pack prints or reads, and of the others the
// records holding a value that could not be read, which every pack lists.
// With 14 registers of 10,000 records, the one-page scope pack held all
// 140,000 of them.
func LoadSourceFor(ctx context.Context, ws SourceReader, cat *data.Catalogue, id string) (Source, error) {
	return loadSource(ctx, ws, cat, printedRegisters(id))
}

func loadSource(ctx context.Context, ws SourceReader, cat *data.Catalogue, whole func(data.Register) bool) (Source, error) {
	org, err := ws.Organisation(ctx)
	if err != nil {
		return Source{}, fmt.Errorf("load pack source: %w", err)
	}
	people, err := ws.People(ctx)
	if err != nil {
		return Source{}, fmt.Errorf("load pack source: %w", err)
	}
	src := Source{Org: org, People: people, Catalogue: cat}
	if r, ok := ws.(data.RoadmapService); ok {
		if src.Progress, err = r.StepProgress(ctx); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
		if src.Plan, err = r.Plan(ctx); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
	}
	if t, ok := ws.(data.TaskService); ok {
		if src.Tasks, err = t.Tasks(ctx); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
	}
	if a, ok := ws.(data.AssessmentService); ok {
		if src.Assessments, err = a.Assessments(ctx); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
		src.readAnswers = a.Answers
		src.Answers = map[int64]map[string]data.Answer{}
		for _, as := range src.Assessments[:min(2, len(src.Assessments))] {
			answers, err := a.Answers(ctx, as.ID)
			if err != nil {
				return Source{}, fmt.Errorf("load pack source: %w", err)
			}
			src.Answers[as.ID] = answers
		}
	}
	if ds, ok := ws.(data.DocumentService); ok {
		docs, err := ds.Documents(ctx)
		if err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
		src.Documents = make([]DocumentRecord, 0, len(docs))
		for _, doc := range docs {
			versions, err := ds.Versions(ctx, doc.ID)
			if err != nil {
				return Source{}, fmt.Errorf("load pack source: versions of %s: %w", doc.Number, err)
			}
			src.Documents = append(src.Documents, DocumentRecord{Document: doc, Versions: versions})
		}
	}
	if rs, ok := ws.(data.RegisterService); ok {
		if src.Registers, err = loadRegisters(ctx, rs, whole); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
	}
	if a, ok := ws.(data.IntegrityService); ok {
		if src.AuditHead, err = a.AuditHead(ctx); err != nil {
			return Source{}, fmt.Errorf("load pack source: %w", err)
		}
	}
	return src, nil
}

// answersOf returns an assessment's answers: those LoadSource read, or
// else read now through the workspace.
func (s Source) answersOf(ctx context.Context, assessmentID int64) (map[string]data.Answer, error) {
	if a, ok := s.Answers[assessmentID]; ok {
		return a, nil
	}
	if s.readAnswers == nil {
		return nil, fmt.Errorf("the answers of assessment %d were not loaded", assessmentID)
	}
	a, err := s.readAnswers(ctx, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("read answers of assessment %d: %w", assessmentID, err)
	}
	return a, nil
}

// ControlRow is one document listed in a pack's document control table.
type ControlRow struct {
	Number, Title, Version, Status, Date, Owner, Approver string
}

// section is one top-level part of a pack; render prints its body.
type section struct {
	number, title string
	render        func(d *doc) error
	// foot, when set, is what the footers of the section's pages say
	// instead of the pack's own number and version: the manual prints each
	// document with its own.
	foot *running
}

// packSpec is everything a pack prints, prepared before layout starts.
type packSpec struct {
	title, subtitle string
	docNumber       string
	version         string
	control         []ControlRow
	sections        []section

	// status is the status the cover prints; "" prints the pack's own
	// (Pack.status), and "Draft" always does when Options ask for a
	// watermark.
	status string
	// controlIntro replaces the first paragraph of the document control
	// page; controlDate names its date column ("Date" when empty) and
	// noApprover leaves out its approver column.
	controlIntro string
	controlDate  string
	noApprover   bool
	// controlWeights, when set, share the width of the control table's
	// columns as fitColumns does; nil shares it by content.
	controlWeights []float64
	// controlAsList prints a control table of one document as a list of
	// its fields.
	controlAsList bool
	// foot is what the footers of the pack's own pages say; the zero value
	// prints docNumber and version.
	foot running
	// stamps name the controlled documents the pack prints, for Verify.
	stamps []Stamp
	// landscape turns every page on its side, for wide tables.
	landscape bool
	// refs resolves references to documents in the text the pack prints;
	// nil leaves them as written.
	refs *refRegister
}

// packEnv is what a pack's spec function receives.
type packEnv struct {
	ctx    context.Context // for the little a pack reads while preparing
	src    Source
	opts   Options // resolved
	date   string  // Now in the chosen date format
	status string  // the pack's status (Pack.status), or "Draft" with a watermark
}

// Build prints the pack packID from src to w. progress, if not nil, is told
// how far the work has come (done of total steps, one per section); ctx is
// checked between sections, blocks, table rows and clauses, and a cancelled
// build returns ctx.Err() with nothing written to w.
func Build(ctx context.Context, packID string, src Source, opts Options, w io.Writer, progress func(done, total int)) error {
	if _, ok := FindPack(packID); !ok {
		return data.Errorf(data.ENotFound, "There is no pack called %q.", packID)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	spec, env, err := prepare(ctx, packID, src, opts)
	if bad := env.src.Unreadable(); err == nil && len(bad) > 0 {
		spec.sections = append(spec.sections, unreadableSection(bad))
	}
	if err == nil {
		err = renderPack(ctx, spec, env, w, progress)
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			return ctxErr
		}
		return fmt.Errorf("build pack %s: %w", packID, err)
	}
	return nil
}

// Check tells, without laying anything out, whether the pack packID would
// print from src with opts: nil, or the plain error Build would give before
// writing a byte (nothing approved yet, no assessment, ...). Callers ask it
// before they ask where to save, so nobody picks a file for a pack that
// cannot be made.
func Check(ctx context.Context, packID string, src Source, opts Options) error {
	if _, _, err := prepare(ctx, packID, src, opts); err != nil {
		return fmt.Errorf("check pack %s: %w", packID, err)
	}
	return nil
}

// prepare resolves opts against src and reads the pack's spec: the cheap
// part of Build that finds a pack with nothing to print.
func prepare(ctx context.Context, packID string, src Source, opts Options) (*packSpec, packEnv, error) {
	p, ok := FindPack(packID)
	if !ok {
		return nil, packEnv{}, data.Errorf(data.ENotFound, "There is no pack called %q.", packID)
	}
	src = src.printable()
	opts = opts.resolve(src.Org)
	env := packEnv{ctx: ctx, src: src, opts: opts, date: opts.DateFormat.Format(opts.Now), status: p.status}
	if opts.Draft {
		env.status = "Draft"
	}
	spec, err := p.spec(env)
	return spec, env, err
}

// renderPack lays the pack out until its page numbers are known, then prints
// it. A measuring pass (which never touches gofpdf) finds the page of every
// heading without a table of contents; laying out the contents alone tells
// how many pages it adds in front of them. The printing pass then prints
// those numbers and checks that every heading landed where they say; a
// contents page's layout does not depend on the numbers in it, so this
// settles at once, and the loop only guards against a mistake.
func renderPack(ctx context.Context, spec *packSpec, env packEnv, w io.Writer, progress func(done, total int)) error {
	d, err := layoutPack(ctx, spec, env, progress)
	if err != nil {
		return err
	}
	d.pdf.RegisterAlias(pageCountAlias, strconv.Itoa(d.page-1))
	var raw bytes.Buffer
	if err := d.pdf.Output(&raw); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	out, err := archival(raw.Bytes(), packInfo(d.fonts, d.meta), packLabels())
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	progress(d.progressTotal, d.progressTotal)
	return nil
}

// layoutPack lays the pack out (see renderPack) and returns the printing
// pass, ready to write, with its record of what went where.
func layoutPack(ctx context.Context, spec *packSpec, env packEnv, progress func(done, total int)) (*doc, error) {
	fonts, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	org := env.src.Org
	status := env.status
	if spec.status != "" && !env.opts.Draft {
		status = spec.status
	}
	foot := spec.foot
	if foot.number == "" && foot.version == "" {
		foot.number, foot.version = spec.docNumber, spec.version
	}
	meta := packMeta{
		org:       firstNonEmpty(strings.TrimSpace(org.LegalName), org.Name()),
		title:     spec.title,
		subtitle:  spec.subtitle,
		docNumber: spec.docNumber,
		version:   spec.version,
		status:    status,
		date:      env.date,
		draft:     env.opts.Draft,
		logo:      prepareLogo(org.Logo),
		now:       env.opts.Now,
		compress:  !env.opts.Uncompressed,
		foot:      foot,
		keywords:  packKeywords(env.src.AuditHead, spec.stamps),
	}
	g := pageGeometry(env.opts.Paper)
	if spec.landscape {
		g = g.landscape()
	}
	md := newMarkdown()
	parsed := map[string]parsedMarkdown{}
	total := len(spec.sections) + 2
	pass := func(dry bool, toc []heading, hint int, report bool, breaks map[breakKey]bool, refPages map[string]int) (*doc, error) {
		d := newDoc(ctx, fonts, g, meta, dry, hint)
		d.md, d.parsed, d.breakBefore = md, parsed, breaks
		if spec.refs != nil {
			d.refs = &refPass{reg: spec.refs, pages: refPages}
		}
		d.cover()
		d.control(spec)
		d.contents(toc)
		for i, s := range spec.sections {
			if d.failed() {
				return nil, d.err
			}
			f := meta.foot
			if s.foot != nil {
				f = *s.foot
			}
			d.setFoot(f)
			d.beginSection(s.number, s.title, true)
			d.refTarget(s.number)
			if err := s.render(d); err != nil {
				return nil, fmt.Errorf("section %s: %w", strings.ToLower(s.title), err)
			}
			if report {
				progress(2+i, total)
			}
		}
		if d.failed() {
			return nil, d.err
		}
		return d, nil
	}
	breaks := map[breakKey]bool{}
	// A reference prints the page its document starts on, and its width
	// depends on that number: the measuring passes repeat until the pages
	// they find are those their references printed.
	var toc []heading
	var pages int
	refs := map[string]int{}
	for round := 0; ; round++ {
		first, err := settleBreaks(breaks, func() (*doc, error) { return pass(true, nil, 0, false, breaks, refs) })
		if err != nil {
			return nil, err
		}
		// Every section starts on a new page, so a contents of T pages moves
		// every heading T pages on; T depends only on the entries.
		contents := newDoc(ctx, fonts, g, meta, true, 0)
		contents.contents(first.outline)
		toc = make([]heading, len(first.outline))
		for i, h := range first.outline {
			h.page += contents.page
			toc[i] = h
		}
		pages = first.page + contents.page
		found := refPages(spec.refs, toc)
		if samePageMap(found, refs) {
			break
		}
		if round == maxRefRounds {
			return nil, fmt.Errorf("lay out pack: the page numbers of references to documents did not settle")
		}
		refs = found
	}
	progress(1, total)
	for attempt := 0; attempt < 3; attempt++ {
		d, err := pass(false, toc, pages, attempt == 0, breaks, refPages(spec.refs, toc))
		if err != nil {
			return nil, err
		}
		if d.page == pages && samePages(d.outline, toc) {
			d.progressTotal = total
			return d, nil
		}
		toc, pages = d.outline, d.page
	}
	return nil, fmt.Errorf("lay out pack: the table of contents did not settle")
}

// maxRefRounds bounds the measuring rounds that settle the pages references
// print; two nearly always do.
const maxRefRounds = 6

func samePages(a, b []heading) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].page != b[i].page || a[i].title != b[i].title {
			return false
		}
	}
	return true
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
