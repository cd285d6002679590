package reports

import (
	"sort"
	"strings"
	"unicode"

	"smsbuilder/data"
)

// documentPackID is the pack that prints one controlled document, chosen by
// Options.DocumentNumber.
const documentPackID = "document"

// docState is where a document stands in its control workflow.
type docState struct {
	rec      DocumentRecord
	approved *data.Version // the current approved version; nil when none
	pending  *data.Version // the newest draft or version in review; nil when none
}

func stateOf(rec DocumentRecord) docState {
	s := docState{rec: rec}
	for i, v := range rec.Versions { // newest first
		switch v.Status {
		case data.DocApproved:
			if s.approved == nil {
				s.approved = &rec.Versions[i]
			}
		case data.DocDraft, data.DocInReview:
			if s.pending == nil {
				s.pending = &rec.Versions[i]
			}
		}
	}
	// a draft older than the approved version (which storage does not
	// make) is not the newer text
	if s.pending != nil && s.approved != nil && versionLess(*s.pending, *s.approved) {
		s.pending = nil
	}
	return s
}

func versionLess(a, b data.Version) bool {
	if a.Major != b.Major {
		return a.Major < b.Major
	}
	return a.Minor < b.Minor
}

// withdrawn reports whether the document has neither an approved version
// nor one in the making: every version it has was withdrawn (or
// superseded by one that was).
func (s docState) withdrawn() bool { return s.approved == nil && s.pending == nil }

// choose is the version a pack prints: the approved one, or the newer
// draft when drafts are included or there is no approved version and
// orDraft is set. ok is false when nothing is to be printed.
func (s docState) choose(includeDrafts, orDraft bool) (v data.Version, draft, ok bool) {
	switch {
	case s.pending != nil && (includeDrafts || (s.approved == nil && orDraft)):
		return *s.pending, true, true
	case s.approved != nil:
		return *s.approved, false, true
	}
	return data.Version{}, false, false
}

// docWriter prints documents: the lines above the text, the text and the
// revision history.
type docWriter struct {
	env    packEnv
	names  map[int64]string      // person id → name
	people map[int64]data.Person // person id → person, for the approver's roles
}

func newDocWriter(env packEnv) *docWriter {
	w := &docWriter{env: env, names: map[int64]string{}, people: map[int64]data.Person{}}
	for _, p := range env.src.People {
		w.names[p.ID] = p.Name
		w.people[p.ID] = p
	}
	return w
}

func (w *docWriter) date(v data.Version) string {
	if v.ApprovedAt.IsZero() {
		return v.Unreadable.Or("ApprovedAt", "")
	}
	return w.env.opts.DateFormat.Format(v.ApprovedAt)
}

// statusText is the status of the version printed, as the control table
// and the document's own lines say it.
func statusText(v data.Version, draft bool) string {
	switch {
	case draft && v.Status == data.DocInReview:
		return "DRAFT (in review)"
	case draft:
		return "DRAFT"
	case v.TextAltered():
		return "ALTERED after approval"
	}
	return v.Unreadable.Or("Status", v.Status.Label())
}

// controlRow is the line of the document control table for a version.
func (w *docWriter) controlRow(s docState, v data.Version, draft bool) ControlRow {
	d := s.rec.Document
	r := ControlRow{Number: d.Number, Title: d.Title, Version: v.Number(), Status: statusText(v, draft),
		Date: w.date(v), Owner: w.names[d.OwnerID], Approver: w.names[v.ApprovedBy]}
	if draft {
		r.Date, r.Approver = "\u2013", "\u2013"
	}
	return r
}

// foot is what the footer of a document's pages says.
func (w *docWriter) foot(d data.Document, v data.Version, draft bool) *running {
	r := &running{number: d.Number, version: v.Number(), draft: draft}
	if !draft {
		r.hash = v.SHA256
		if r.hash == "" || v.TextAltered() {
			r.hash = data.HashText(v.Body)
		}
	}
	return r
}

// sectionTitle is the document's title as its section prints it.
func sectionTitle(d data.Document, draft bool) string {
	if draft {
		return d.Title + " (DRAFT)"
	}
	return d.Title
}

// render prints a document below its section heading, its headings and
// its revision history numbered under the document's number (see
// documentSectionNumber). toc puts them in the table of contents.
func (w *docWriter) render(d *doc, s docState, v data.Version, draft, toc bool) error {
	d.numbers.restart(documentSectionNumber(s.rec.Document.Number, w.env.src.Documents))
	w.details(d, s, v, draft)
	if strings.TrimSpace(v.Body) == "" {
		d.paragraph("This version has no text yet.", stMuted|stItalic)
	} else {
		// The stored text prints as written: placeholders were filled when
		// the document was made from its template, and one left over prints
		// as it stands, for its author to see.
		d.markdownWith(v.Body, mdOptions{numbered: true, toc: toc, title: s.rec.Document.Title})
	}
	w.history(d, s.rec, toc)
	return nil
}

// history prints the revision history: every version that was approved,
// oldest first, with its date, approver, change summary and short hash.
func (w *docWriter) history(d *doc, rec DocumentRecord, toc bool) {
	var rows []data.Version
	for _, v := range rec.Versions {
		if v.Status == data.DocApproved || v.Status == data.DocSuperseded || !v.ApprovedAt.IsZero() {
			rows = append(rows, v)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return versionLess(rows[i], rows[j]) })
	t := table{
		header: []cell{{{text: "Version"}}, {{text: "Approved"}}, {{text: "Approved by"}}, {{text: "Change summary"}}, {{text: "SHA-256"}}},
		size:   sizeSmall,
	}
	for _, v := range rows {
		version := cell{{text: versionNumber(v), st: stBold}}
		switch v.Status {
		case data.DocSuperseded:
			version = append(version, span{text: "\nsuperseded", st: stMuted})
		case data.DocWithdrawn:
			version = append(version, span{text: "\nwithdrawn", st: stMuted})
		}
		hash := v.SHA256
		if len(hash) > 12 {
			hash = hash[:12]
		}
		t.rows = append(t.rows, []cell{version, valueCell(w.date(v)), valueCell(w.names[v.ApprovedBy]), dashCell(v.ChangeSummary), {{text: hash, st: stMono}}})
	}
	if len(t.rows) > 0 {
		t.fixed = d.fitColumns(t, []float64{0, 0, 0, 1, 0}, 0.25)
	}
	// the heading stays with the table, or with its first rows
	d.keepTogether(7 + ptToMM(headingSize(1))*1.22 + 2.2 + min(d.tableHeight(t), 40))
	d.heading(1, d.numbers.next(1), "Revision history", toc)
	if len(rows) == 0 {
		d.paragraph("No version of this document has been approved yet.", stMuted|stItalic)
		return
	}
	d.table(t)
	d.gap(gapBlock)
}

// documentPack is one controlled document: its latest approved version, or
// its newer draft, marked DRAFT, when it has no approved version or
// Options include drafts.
func documentPack(env packEnv) (*packSpec, error) {
	number := strings.TrimSpace(env.opts.DocumentNumber)
	if number == "" {
		return nil, data.Errorf(data.EInvalid, "Choose the document to print by its number, such as SMS-DOC-02.")
	}
	rec, ok := findDocument(env.src.Documents, number)
	if !ok {
		return nil, data.Errorf(data.ENotFound, "There is no document numbered %s in this workspace.", number)
	}
	s := stateOf(rec)
	dm := rec.Document
	if s.withdrawn() {
		return nil, data.Errorf(data.EInvalid, "%s %s is withdrawn: withdrawn documents are not printed.", dm.Number, dm.Title)
	}
	v, draft, _ := s.choose(env.opts.IncludeDrafts, true)
	w := newDocWriter(env)

	subtitle := "A controlled document of the service management system"
	if len(dm.Clauses) > 0 {
		subtitle += " for ISO/IEC 20000-1:2018 " + clauseList(dm.Clauses)
	}
	status := v.Status.Label()
	if draft {
		status = "DRAFT \u2013 not approved"
	}
	spec := &packSpec{
		title:         dm.Title,
		subtitle:      subtitle,
		docNumber:     dm.Number,
		version:       v.Number(),
		status:        status,
		controlDate:   "Approved",
		controlAsList: true,
		control:       []ControlRow{w.controlRow(s, v, draft)},
		foot:          *w.foot(dm, v, draft),
		stamps:        []Stamp{stampOf(dm.Number, v)},
		refs:          newRefRegister(env.src, "pack", true),
	}
	spec.refs.print(dm.Number)
	org := firstNonEmpty(strings.TrimSpace(env.src.Org.LegalName), env.src.Org.Name(), "the organisation")
	spec.controlIntro = "This copy was printed from the SMS Builder workspace of " + org + " on " + env.date + ". "
	if draft {
		stage := "still being written"
		if v.Status == data.DocInReview {
			stage = "in review"
		}
		spec.controlIntro += "It holds " + v.Number() + " of the document, the text " + stage + " that becomes version " + v.ApprovalNumber() + " once approved: it is printed for review, marked DRAFT on every page, and is not part of the controlled documentation."
	} else {
		spec.controlIntro += "It holds version " + v.Number() + " of the document, the version approved in the workspace when it was printed, followed by the document's revision history."
	}
	spec.sections = []section{{number: dm.Number, title: sectionTitle(dm, draft), render: func(d *doc) error {
		return w.render(d, s, v, draft, true)
	}}}
	return spec, nil
}

// clauseList is "clause 8.2.5" or "clauses 8.2.5 and 8.2.6".
func clauseList(clauses []string) string {
	switch len(clauses) {
	case 0:
		return ""
	case 1:
		return "clause " + clauses[0]
	}
	return "clauses " + strings.Join(clauses[:len(clauses)-1], ", ") + " and " + clauses[len(clauses)-1]
}

// numberLess orders document numbers as a person would: the runs of digits
// by their value, so that SMS-DOC-9 comes before SMS-DOC-10.
func numberLess(a, b string) bool {
	for a != "" && b != "" {
		ra, rb := []rune(a)[0], []rune(b)[0]
		if isDigit(ra) && isDigit(rb) {
			da, db := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		la, lb := unicode.ToLower(ra), unicode.ToLower(rb)
		if la != lb {
			return la < lb
		}
		a, b = a[len(string(ra)):], b[len(string(rb)):]
	}
	return len(a) < len(b)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func digitRun(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// sortByNumber orders documents by number (see numberLess).
func sortByNumber(docs []DocumentRecord) []DocumentRecord {
	out := append([]DocumentRecord(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		return numberLess(out[i].Document.Number, out[j].Document.Number)
	})
	return out
}
