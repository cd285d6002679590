package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"smsbuilder/data"
)

// The auditor bundle is what a small firm sends a stage 1 auditor on a USB
// stick or by e-mail: one zip that opens anywhere with nothing but a PDF
// viewer. It holds the readiness pack, every approved document as its own
// PDF, the registers and the certification record, the evidence files once
// each, an index as a PDF and a README in plain text.

const (
	bundleIndexTitle     = "Auditor bundle: index"
	bundleIndexDocNumber = "SMS-PK-20"
	bundleReadme         = "README.txt"
	bundleIndexFile      = "00 Index.pdf"
	bundleDocsFolder     = "Documents"
	bundleEvidenceFolder = "Evidence"
)

// bundlePacks are the packs a bundle holds, in the order the index lists
// them. The first must print; the others are left out, with the reason in
// the index, when there is nothing for them to print.
func bundlePacks() []string {
	return []string{"scope", "registers", auditProgrammePackID}
}

// EvidenceReader is what the bundle reads of the evidence kept in the
// workspace.
type EvidenceReader interface {
	AllEvidence(ctx context.Context) ([]data.EvidenceLink, error)
	EvidenceContent(ctx context.Context, sha256 string) ([]byte, error)
}

// BundleFile is one file of a bundle as its index lists it.
type BundleFile struct {
	Path  string // inside the zip, with "/" between folders
	Title string // what it is
	Uses  []string
	Size  int64
}

// BundleSummary says what a bundle holds and what it left out.
type BundleSummary struct {
	Files []BundleFile
	// Left names what was not included and why, one sentence each.
	Left []string
}

// WriteBundle writes the auditor bundle of src to w as a zip. progress, if
// not nil, is told how many of the files are done. Nothing is written to
// w when a pack fails, so that a caller writing to a temporary file keeps
// no half-made bundle.
func WriteBundle(ctx context.Context, src Source, ev EvidenceReader, opts Options, w io.Writer, progress func(done, total int)) (BundleSummary, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	opts = opts.resolve(src.Org)
	opts.DocumentNumber, opts.IncludeDrafts, opts.WithGuidance = "", false, false
	b := bundleWriter{ctx: ctx, src: src, opts: opts}
	links, err := ev.AllEvidence(ctx)
	if err != nil {
		return BundleSummary{}, fmt.Errorf("bundle: %w", err)
	}
	docs := approvedDocuments(src.Documents)
	files := uniqueEvidence(links)
	slices.SortStableFunc(files, func(a, b evidenceContent) int {
		return strings.Compare(strings.ToLower(a.file.Name), strings.ToLower(b.file.Name))
	})
	total := len(bundlePacks()) + len(docs) + len(files) + 1
	done := 0
	step := func() { done++; progress(done, total) }

	for i, id := range bundlePacks() {
		pack, _ := FindPack(id)
		if err := Check(ctx, id, src, opts); err != nil {
			if i == 0 {
				return BundleSummary{}, err
			}
			b.left = append(b.left, pack.Title+": "+data.ErrorMessage(err))
			step()
			continue
		}
		file := fmt.Sprintf("%02d %s.pdf", i+1, safeFileName(pack.Title))
		if err := b.pack(id, file, pack.Title, opts); err != nil {
			return BundleSummary{}, err
		}
		step()
	}
	names := fileNames{}
	for _, rec := range docs {
		dm := rec.Document
		opts := opts
		opts.DocumentNumber = dm.Number
		name := names.take(bundleDocsFolder, safeFileName(dm.Number+" "+dm.Title)+".pdf")
		v := stateOf(rec).approved
		what := fmt.Sprintf("%s %s, version %s approved on %s", dm.Number, dm.Title, v.Number(), opts.DateFormat.Format(v.ApprovedAt))
		if err := b.pack(documentPackID, name, what, opts); err != nil {
			return BundleSummary{}, err
		}
		step()
	}
	where := evidenceNamer(src)
	for _, f := range files {
		content, err := ev.EvidenceContent(ctx, f.file.SHA256)
		if err != nil {
			b.left = append(b.left, "Evidence file "+f.file.Name+": "+data.ErrorMessage(err))
			step()
			continue
		}
		uses := make([]string, len(f.targets))
		for i, t := range f.targets {
			uses[i] = where(t)
		}
		slices.Sort(uses)
		uses = slices.Compact(uses)
		b.add(names.take(bundleEvidenceFolder, safeFileName(f.file.Name)), f.file.Name, uses, content)
		step()
	}
	if err := ctx.Err(); err != nil {
		return BundleSummary{}, err
	}
	index, err := b.index()
	if err != nil {
		return BundleSummary{}, err
	}
	summary := BundleSummary{Files: b.files, Left: b.left}
	if err := writeZip(w, opts.Now, b.readme(), index, b.files, b.content); err != nil {
		return BundleSummary{}, err
	}
	step()
	return summary, nil
}

type bundleWriter struct {
	ctx     context.Context
	src     Source
	opts    Options
	files   []BundleFile
	content [][]byte
	left    []string
}

func (b *bundleWriter) add(name, title string, uses []string, content []byte) {
	b.files = append(b.files, BundleFile{Path: name, Title: title, Uses: uses, Size: int64(len(content))})
	b.content = append(b.content, content)
}

func (b *bundleWriter) pack(id, name, title string, opts Options) error {
	var buf bytes.Buffer
	if err := Build(b.ctx, id, b.src, opts, &buf, nil); err != nil {
		return err
	}
	b.add(name, title, nil, buf.Bytes())
	return nil
}

// index prints the index: what the bundle is for, then every file with
// what it is and, for evidence, where the workspace uses it.
func (b *bundleWriter) index() ([]byte, error) {
	_, env, err := prepare(b.ctx, "scope", b.src, b.opts)
	if err != nil {
		return nil, err
	}
	env.status = "For information"
	spec := &packSpec{title: bundleIndexTitle, docNumber: bundleIndexDocNumber, version: "1.0",
		subtitle: "The files sent to the certification body's auditor for the stage 1 audit, as put together on " + env.date}
	spec.control = []ControlRow{{Number: bundleIndexDocNumber, Title: bundleIndexTitle, Version: spec.version, Status: env.status, Date: env.date,
		Owner: namesWithRole(b.src.People, data.RoleSMSOwner), Approver: namesWithRole(b.src.People, data.RoleTopManagement)}}
	var packs, docs, evidence []BundleFile
	for _, f := range b.files {
		switch {
		case strings.HasPrefix(f.Path, bundleDocsFolder+"/"):
			docs = append(docs, f)
		case strings.HasPrefix(f.Path, bundleEvidenceFolder+"/"):
			evidence = append(evidence, f)
		default:
			packs = append(packs, f)
		}
	}
	list := func(files []BundleFile, what string, uses bool) func(d *doc) error {
		return func(d *doc) error {
			if len(files) == 0 {
				d.paragraph("None: the workspace holds no "+what+".", stMuted|stItalic)
				return nil
			}
			t := table{header: []cell{{{text: "File"}}, {{text: "What it is"}}, {{text: "Size"}}}, align: []byte{'L', 'L', 'R'}}
			if uses {
				t.header[1] = cell{{text: "Where it is used"}}
			}
			for _, f := range files {
				what := f.Title
				if uses {
					what = strings.Join(f.Uses, "\n")
				}
				t.rows = append(t.rows, []cell{{{text: f.Path}}, {{text: what}}, {{text: data.FileSize(f.Size)}}})
			}
			t.fixed = d.fitColumns(t, []float64{1, 1, 0}, 0.15)
			d.table(t)
			return nil
		}
	}
	spec.sections = []section{
		{number: "1", title: "About this bundle", render: func(d *doc) error {
			d.paragraph("Open the files with any PDF viewer; the evidence files open with the program their type needs. "+
				"The documents are the approved versions: each page's footer carries its number, version and the short hash of the approved text, "+
				"which SMS Builder's verify command checks against the workspace.", 0)
			if len(b.left) > 0 {
				d.heading(1, "", "Left out", true)
				d.paragraph(strings.Join(b.left, "\n"), stMuted)
			}
			return nil
		}},
		{number: "2", title: "Packs", render: list(packs, "packs", false)},
		{number: "3", title: "Approved documents", render: list(docs, "approved documents", false)},
		{number: "4", title: "Evidence files", render: list(evidence, "evidence files", true)},
	}
	var buf bytes.Buffer
	if err := renderPack(b.ctx, spec, env, &buf, func(int, int) {}); err != nil {
		return nil, fmt.Errorf("bundle index: %w", err)
	}
	return buf.Bytes(), nil
}

// readme is the bundle's README.txt: what an auditor reads first, in plain
// text with Windows line ends so that Notepad shows it as meant.
func (b *bundleWriter) readme() []byte {
	org := firstNonEmpty(strings.TrimSpace(b.src.Org.LegalName), b.src.Org.Name())
	var s strings.Builder
	fmt.Fprintf(&s, "Auditor bundle of %s\n", org)
	fmt.Fprintf(&s, "Put together on %s with SMS Builder for ISO/IEC 20000-1:2018.\n\n", b.opts.DateFormat.Format(b.opts.Now))
	fmt.Fprintf(&s, "Start with %q, which lists every file with what it is.\n", bundleIndexFile)
	s.WriteString("Every file opens with a PDF viewer, except the evidence files, which open with the program their type needs.\n\n")
	for _, f := range b.files {
		what := f.Title
		if len(f.Uses) > 0 {
			what = "Evidence for " + strings.Join(f.Uses, "; ")
		}
		fmt.Fprintf(&s, "%s\n    %s\n", f.Path, what)
	}
	if len(b.left) > 0 {
		s.WriteString("\nLeft out:\n")
		for _, l := range b.left {
			fmt.Fprintf(&s, "    %s\n", l)
		}
	}
	return []byte(strings.ReplaceAll(s.String(), "\n", "\r\n"))
}

func writeZip(w io.Writer, now time.Time, readme, index []byte, files []BundleFile, content [][]byte) error {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name string, b []byte) error {
		// Stored dates are local wall time in zip; UTC would shift them.
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	}
	if err := put(bundleReadme, readme); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := put(bundleIndexFile, index); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	for i, f := range files {
		if err := put(f.Path, content[i]); err != nil {
			return fmt.Errorf("bundle: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	return nil
}

// approvedDocuments are the documents with an approved version, in number
// order.
func approvedDocuments(docs []DocumentRecord) []DocumentRecord {
	var out []DocumentRecord
	for _, rec := range docs {
		if stateOf(rec).approved != nil {
			out = append(out, rec)
		}
	}
	return out
}

// evidenceContent is one stored file and everything it is attached to.
type evidenceContent struct {
	file    data.EvidenceFile
	targets []data.EvidenceTarget
}

// uniqueEvidence groups attachments by content: a file attached to three
// records goes into the bundle once, under the name it was first given.
func uniqueEvidence(links []data.EvidenceLink) []evidenceContent {
	var out []evidenceContent
	at := map[string]int{}
	for _, l := range links {
		i, ok := at[l.File.SHA256]
		if !ok {
			i = len(out)
			at[l.File.SHA256] = i
			out = append(out, evidenceContent{file: l.File})
		}
		out[i].targets = append(out[i].targets, l.Target)
	}
	return out
}

// fileNames hands out names inside the zip, numbering a name taken
// already: "report.pdf", "report (2).pdf". Windows compares names without
// case, so the check does too.
type fileNames map[string]bool

func (n fileNames) take(folder, name string) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	candidate := name
	for i := 2; n[strings.ToLower(folder+"/"+candidate)]; i++ {
		candidate = stem + " (" + strconv.Itoa(i) + ")" + ext
	}
	n[strings.ToLower(folder+"/"+candidate)] = true
	return folder + "/" + candidate
}

// safeFileName makes name one that Windows, macOS and Linux all accept:
// no folder separators or characters Windows refuses, no control
// characters, no trailing dots or spaces, not a device name, and not
// longer than 120 characters.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return -1
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(strings.TrimSpace(name), ". ")
	if r := []rune(name); len(r) > 120 {
		ext := path.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		name = string([]rune(strings.TrimSuffix(name, ext))[:120-len([]rune(ext))]) + ext
	}
	stem := strings.ToUpper(strings.TrimSuffix(name, path.Ext(name)))
	switch {
	case name == "":
		return "file"
	case slices.Contains([]string{"CON", "PRN", "AUX", "NUL"}, stem),
		len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && stem[3] >= '1' && stem[3] <= '9':
		return "_" + name
	}
	return name
}

// evidenceNamer says in words where a file is used: "Record RSK-1
// Backup jobs fail", "Document SMS-DOC-02 Service Management Policy",
// "Gap question 8.6.1", "Roadmap step 1", "Clause 7.2".
func evidenceNamer(src Source) func(data.EvidenceTarget) string {
	records := map[int64]string{}
	for _, rr := range src.Registers {
		for _, r := range rr.Records {
			records[r.ID] = rr.Register.Reference(r.Number) + " " + r.Get(rr.Register.TitleField)
		}
	}
	docs := map[int64]string{}
	for _, d := range src.Documents {
		docs[d.Document.ID] = d.Document.Number + " " + d.Document.Title
	}
	return func(t data.EvidenceTarget) string {
		switch t.Kind {
		case data.EvidenceRecord:
			if r, ok := records[t.ID()]; ok {
				return "Record " + strings.TrimSpace(r)
			}
			return "A deleted record"
		case data.EvidenceDocument:
			if d, ok := docs[t.ID()]; ok {
				return "Document " + d
			}
			return "A deleted document"
		case data.EvidenceAnswer:
			if src.Catalogue != nil {
				if q, ok := src.Catalogue.Question(t.Ref); ok {
					return "Gap question on clause " + q.Clause + ": " + q.Text
				}
			}
			return "Gap question " + t.Ref
		case data.EvidenceStep:
			if src.Catalogue != nil {
				if s, ok := src.Catalogue.Step(t.Ref); ok {
					return "Roadmap step " + s.Title
				}
			}
			return "Roadmap step " + t.Ref
		case data.EvidenceClause:
			return "Clause " + t.Ref
		}
		return t.Kind + " " + t.Ref
	}
}
