package reports

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"smsbuilder/data"
)

// demoDocuments sorts the demo's documents by where they stand: those with
// an approved version, and those with only a draft or a version in review.
func demoDocuments(t testing.TB, src Source) (approved, pending []DocumentRecord) {
	t.Helper()
	for _, rec := range src.Documents {
		s := stateOf(rec)
		switch {
		case s.approved != nil:
			approved = append(approved, rec)
		case s.pending != nil:
			pending = append(pending, rec)
		}
	}
	if len(approved) == 0 || len(pending) == 0 {
		t.Fatalf("the demo has %d approved documents and %d drafts; want some of each", len(approved), len(pending))
	}
	return approved, pending
}

// findRec is the document with the number in src.
func findRec(t testing.TB, src Source, number string) DocumentRecord {
	t.Helper()
	rec, ok := findDocument(src.Documents, number)
	if !ok {
		t.Fatalf("the demo has no %s", number)
	}
	return rec
}

// approver is someone from the demo's top management, who may approve documents.
func approver(t testing.TB, ws data.Workspace) int64 {
	t.Helper()
	people, err := ws.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.HasRole(data.RoleTopManagement) {
			return p.ID
		}
	}
	t.Fatal("the demo has no top management")
	return 0
}

// newDraft starts a new minor version of a document with a sentence added.
func newDraft(t testing.TB, ws data.Workspace, docID int64) data.Version {
	t.Helper()
	ctx := context.Background()
	v, err := ws.NewDraft(ctx, docID, false)
	if err != nil {
		t.Fatal(err)
	}
	v.Body += "\n\nA sentence added in review.\n"
	if v, err = ws.SaveDraft(ctx, v, v.Body); err != nil {
		t.Fatal(err)
	}
	return v
}

// reviseDocument starts a new minor version of a document, changes its
// text and approves it, as the Documents screen does.
func reviseDocument(t testing.TB, ws data.Workspace, docID int64, at time.Time) {
	t.Helper()
	ctx := context.Background()
	v, err := ws.Move(ctx, newDraft(t, ws, docID), data.SendForReview, data.Approval{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Move(ctx, v, data.Approve, data.Approval{ApproverID: approver(t, ws), ChangeSummary: "Clarified after the first internal audit", At: at}); err != nil {
		t.Fatal(err)
	}
}

func reload(t testing.TB, ws data.Workspace, cat *data.Catalogue) Source {
	t.Helper()
	src, err := LoadSource(context.Background(), ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// topBookmarks lists the titles of the top level of the outline.
func topBookmarks(t testing.TB, ctx *model.Context) []string {
	t.Helper()
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	var out []string
	for _, b := range bms {
		out = append(out, b.Title)
	}
	return out
}

// documentMarks are the top-level bookmarks of documents, in order.
func documentMarks(t testing.TB, ctx *model.Context) []string {
	var out []string
	for _, title := range topBookmarks(t, ctx) {
		if strings.HasPrefix(title, "SMS-DOC-") {
			out = append(out, title)
		}
	}
	return out
}

// rawText extracts the text in the order it was drawn, so that the cells of
// a table row read one after the other.
func rawText(t testing.TB, b []byte, first, last int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	args := []string{"-raw", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(bin, append(args, writeTemp(t, b), "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return flat(string(out))
}

// watermarked reports, page by page, whether the page carries the DRAFT
// watermark: the only text a pack sets at 120 points.
func watermarked(t *testing.T, ctx *model.Context) []bool {
	t.Helper()
	var out []bool
	for _, c := range pageContent(t, ctx) {
		out = append(out, bytes.Contains(c, utf16("DRAFT")) && bytes.Contains(c, []byte(" 120.00 Tf")))
	}
	return out
}

func TestManualPack(t *testing.T) {
	src, _, _ := demoSource(t, true)
	approved, pending := demoDocuments(t, src)
	b := buildPack(t, "manual", src, Options{Now: fixedNow})
	ctx := readPDF(t, b)
	_, pages := bookmarkTitles(t, ctx)

	// one top-level bookmark per approved document, in number order, each
	// on a page of its own
	marks := documentMarks(t, ctx)
	if got, want := len(marks), len(approved); got != want {
		t.Errorf("document bookmarks = %d, want %d (one per approved document): %q", got, want, marks)
	}
	seen := map[int]string{}
	for i, rec := range approved {
		want := rec.Document.Number + " " + rec.Document.Title
		if i < len(marks) && marks[i] != want {
			t.Errorf("document bookmark %d = %q, want %q", i, marks[i], want)
		}
		p := pages[want]
		if other, ok := seen[p]; ok {
			t.Errorf("%q starts on the page of %q", want, other)
		}
		seen[p] = want
	}
	for _, rec := range pending {
		for _, m := range marks {
			if strings.HasPrefix(m, rec.Document.Number) {
				t.Errorf("the draft %s has a bookmark", rec.Document.Number)
			}
		}
	}

	// the control table lists every document, the drafts as left out
	control := rawText(t, b, 2, pages["Contents"]-1)
	for _, rec := range src.Documents {
		if !strings.Contains(control, rec.Document.Number+" "+rec.Document.Title) {
			t.Errorf("the control table lacks %s %s", rec.Document.Number, rec.Document.Title)
		}
	}
	for _, rec := range pending {
		s := stateOf(rec)
		want := rec.Document.Number + " " + rec.Document.Title + " " + s.pending.Number() + " " + s.pending.Status.Label() + ", not included"
		if !strings.Contains(control, want) {
			t.Errorf("the control table lacks %q", want)
		}
	}
	first := approved[0]
	want := first.Document.Number + " " + first.Document.Title + " 1.0 Approved"
	if !strings.Contains(control, want) {
		t.Errorf("the control table lacks %q", want)
	}

	text := flat(pdfText(t, b, 0))
	for _, want := range []string{manualTitle, manualDocNumber, "First issue", "Uncontrolled when printed", "Margaret Holloway"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(text, "(DRAFT)") || strings.Contains(text, "not approved") {
		t.Error("a manual without drafts prints a draft")
	}
	if got, want := strings.Count(text, "Revision history"), len(approved); got != want {
		t.Errorf("Revision history printed %d times, want %d", got, want)
	}
	for i, w := range watermarked(t, ctx) {
		if w {
			t.Errorf("page %d of a manual without drafts has a DRAFT watermark", i+1)
		}
	}
	// the demo's scope statement is overdue for review, and only that
	if got := strings.Count(text, "(overdue)"); got != 1 {
		t.Errorf(`"(overdue)" appears %d times, want once`, got)
	}
	if page := flat(pdfText(t, b, pages["SMS-DOC-01 SMS Scope Statement"])); !strings.Contains(page, "(overdue)") {
		t.Error("the scope statement's review is not marked overdue")
	}
	// placeholders were filled when the documents were made
	if strings.Contains(text, "{{") {
		t.Error("the manual prints an unfilled placeholder")
	}

	// the footer of every page of a document names its number, version and hash
	for i, rec := range approved[:3] {
		v := stateOf(rec).approved
		from := pages[rec.Document.Number+" "+rec.Document.Title]
		to := ctx.PageCount
		if i+1 < len(approved) {
			to = pages[approved[i+1].Document.Number+" "+approved[i+1].Document.Title] - 1
		}
		for p := from; p <= to; p++ {
			page := flat(pdfText(t, b, p))
			for _, want := range []string{rec.Document.Number + " · Version 1.0", "sha256 " + v.ShortHash(), "Page " + strconv.Itoa(p-1) + " of " + strconv.Itoa(ctx.PageCount-1)} {
				if !strings.Contains(page, want) {
					t.Errorf("page %d (%s) lacks %q in its footer", p, rec.Document.Number, want)
				}
			}
		}
		// the revision history: version, date, approver, summary, short hash
		last := flat(pdfText(t, b, to))
		date := src.Org.DateFormat.Format(v.ApprovedAt)
		for _, want := range []string{"Revision history", "1.0 " + date + " Margaret Holloway First issue " + v.ShortHash()} {
			if !strings.Contains(last, want) {
				t.Errorf("the last page of %s lacks %q:\n%s", rec.Document.Number, want, last)
			}
		}
	}
	// the pack's own pages show its own number and no hash
	if page := flat(pdfText(t, b, 2)); !strings.Contains(page, manualDocNumber+" · Version 1.0") || strings.Contains(page, "sha256") {
		t.Errorf("the control page's footer is wrong:\n%s", page)
	}
	qpdfCheck(t, b)
	pdffontsEmbedded(t, b)
}

func TestManualIncludeDrafts(t *testing.T) {
	src, ws, cat := demoSource(t, true)
	approved, pending := demoDocuments(t, src)
	// an approved document with a newer draft prints the draft
	revised := approved[1]
	newDraft(t, ws, revised.Document.ID)
	src = reload(t, ws, cat)

	b := buildPack(t, "manual", src, Options{Now: fixedNow, IncludeDrafts: true})
	ctx := readPDF(t, b)
	_, pages := bookmarkTitles(t, ctx)
	marks := documentMarks(t, ctx)
	if got, want := len(marks), len(approved)+len(pending); got != want {
		t.Errorf("document bookmarks = %d, want %d", got, want)
	}
	drafts := append([]DocumentRecord{revised}, pending...)
	control := rawText(t, b, 2, pages["Contents"]-1)
	contents := rawText(t, b, pages["Contents"], pages["Contents"])
	marked := map[int]bool{}
	for _, rec := range drafts {
		title := rec.Document.Number + " " + rec.Document.Title + " (DRAFT)"
		if _, ok := pages[title]; !ok {
			t.Errorf("no bookmark %q; got %q", title, marks)
		}
		if !strings.Contains(contents, title) {
			t.Errorf("the contents lack %q", title)
		}
		if !strings.Contains(control, rec.Document.Number+" "+rec.Document.Title) || !strings.Contains(control, "DRAFT") {
			t.Errorf("the control table does not mark %s DRAFT", rec.Document.Number)
		}
		page := pages[title]
		marked[page] = true
		footer := flat(pdfText(t, b, page))
		if !strings.Contains(footer, "DRAFT – not approved") || strings.Contains(footer, "sha256") {
			t.Errorf("the first page of %s has the footer of approved text:\n%s", rec.Document.Number, footer)
		}
	}
	if !strings.Contains(flat(pdfText(t, b, pages[revised.Document.Number+" "+revised.Document.Title+" (DRAFT)"])), "A sentence added in review") {
		// the sentence may fall on a later page; look at the whole document
		if !strings.Contains(flat(pdfText(t, b, 0)), "A sentence added in review") {
			t.Error("the newer draft's text is not printed")
		}
	}
	// the watermark marks the draft pages, and only those
	wm := watermarked(t, ctx)
	for p := range marked {
		if !wm[p-1] {
			t.Errorf("page %d, the first of a draft, has no watermark", p)
		}
	}
	for _, rec := range approved {
		if rec.Document.ID == revised.Document.ID {
			continue
		}
		if p := pages[rec.Document.Number+" "+rec.Document.Title]; wm[p-1] {
			t.Errorf("page %d of the approved %s has a DRAFT watermark", p, rec.Document.Number)
		}
	}
	for p := 1; p < pages["Contents"]; p++ {
		if wm[p-1] {
			t.Errorf("front page %d has a DRAFT watermark", p)
		}
	}
	// the stamps mark the drafts
	stamps, err := ReadStamps(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	nDraft := 0
	for _, s := range stamps {
		if s.Draft {
			nDraft++
		}
	}
	if nDraft != len(drafts) || len(stamps) != len(marks) {
		t.Errorf("stamps = %d with %d drafts, want %d with %d", len(stamps), nDraft, len(marks), len(drafts))
	}
	qpdfCheck(t, b)
}

func TestManualWithdrawnDocument(t *testing.T) {
	src, ws, cat := demoSource(t, true)
	approved, _ := demoDocuments(t, src)
	gone := approved[2]
	if _, err := ws.Move(context.Background(), *stateOf(gone).approved, data.Withdraw, data.Approval{}); err != nil {
		t.Fatal(err)
	}
	src = reload(t, ws, cat)
	for _, include := range []bool{false, true} {
		b := buildPack(t, "manual", src, Options{Now: fixedNow, IncludeDrafts: include})
		ctx := readPDF(t, b)
		for _, m := range documentMarks(t, ctx) {
			if strings.HasPrefix(m, gone.Document.Number) {
				t.Errorf("include drafts %v: the withdrawn %s is printed", include, gone.Document.Number)
			}
		}
		_, pages := bookmarkTitles(t, ctx)
		control := rawText(t, b, 2, pages["Contents"]-1)
		if want := gone.Document.Number + " " + gone.Document.Title + " 1.0 Withdrawn"; !strings.Contains(control, want) {
			t.Errorf("include drafts %v: the control table lacks %q\n%s", include, want, control)
		}
		if _, err := buildDocument(t, src, gone.Document.Number, include); data.ErrorCode(err) != data.EInvalid || !strings.Contains(data.ErrorMessage(err), "withdrawn") {
			t.Errorf("printing the withdrawn document alone: %v, want a refusal saying it is withdrawn", err)
		}
	}
}

func TestManualRefusals(t *testing.T) {
	ctx := context.Background()
	ws, cat := demoWorkspace(t, false)
	empty := reload(t, ws, cat)
	// one document, still a draft
	if _, err := ws.CreateDocument(ctx, data.Document{Number: "SMS-DOC-01", Title: "Scope"}, "# Scope\n\nText."); err != nil {
		t.Fatal(err)
	}
	draftOnly := reload(t, ws, cat)
	cases := []struct {
		name    string
		src     Source
		include bool
		code    string
		msg     string
	}{
		{"nothing approved", draftOnly, false, data.EInvalid, "No document is approved yet; approve documents on the Documents screen or include drafts."},
		{"no documents", empty, false, data.EInvalid, "There are no documents yet; create them from their templates on the Documents screen."},
		{"no documents, drafts asked for", empty, true, data.EInvalid, "There are no documents yet; create them from their templates on the Documents screen."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Build(ctx, "manual", tc.src, Options{Now: fixedNow, IncludeDrafts: tc.include}, &buf, nil)
			var de *data.Error
			if !errors.As(err, &de) || de.Code != tc.code || de.Message != tc.msg {
				t.Errorf("err = %v, want %s %q", err, tc.code, tc.msg)
			}
			if buf.Len() != 0 {
				t.Errorf("a refused pack wrote %d bytes", buf.Len())
			}
			// Check, asked before the save dialog, refuses in the same words
			err = Check(ctx, "manual", tc.src, Options{Now: fixedNow, IncludeDrafts: tc.include})
			if !errors.As(err, &de) || de.Code != tc.code || de.Message != tc.msg {
				t.Errorf("Check: err = %v, want %s %q", err, tc.code, tc.msg)
			}
		})
	}
	if err := Check(ctx, "manual", draftOnly, Options{Now: fixedNow, IncludeDrafts: true}); err != nil {
		t.Errorf("Check refused the manual with its draft included: %v", err)
	}
	// the draft prints when drafts are included
	b := buildPack(t, "manual", draftOnly, Options{Now: fixedNow, IncludeDrafts: true})
	if marks := documentMarks(t, readPDF(t, b)); len(marks) != 1 || marks[0] != "SMS-DOC-01 Scope (DRAFT)" {
		t.Errorf("bookmarks = %q, want the draft", marks)
	}
}

func buildDocument(t testing.TB, src Source, number string, include bool) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	err := Build(context.Background(), "document", src, Options{Now: fixedNow, DocumentNumber: number, IncludeDrafts: include}, &buf, nil)
	return buf.Bytes(), err
}

func TestDocumentPack(t *testing.T) {
	src, ws, cat := demoSource(t, true)
	_, pending := demoDocuments(t, src)

	t.Run("approved", func(t *testing.T) {
		rec := findRec(t, src, "SMS-DOC-02")
		v := stateOf(rec).approved
		b, err := buildDocument(t, src, "sms-doc-02", false) // numbers are found whatever their case
		if err != nil {
			t.Fatal(err)
		}
		ctx := readPDF(t, b)
		titles, _ := bookmarkTitles(t, ctx)
		for _, want := range []string{"Document control", "Contents", "SMS-DOC-02 Service Management Policy", "2.1 Purpose", "2.9 Revision history"} {
			if !hasPrefix(titles, want) {
				t.Errorf("bookmarks lack %q; got %q", want, titles)
			}
		}
		if info, err := pdfcpuInfo(ctx); err != nil || info != "Service Management Policy" {
			t.Errorf("title = %q, %v; want the document's title", info, err)
		}
		for p := 2; p <= ctx.PageCount; p++ {
			page := flat(pdfText(t, b, p))
			for _, want := range []string{"SMS-DOC-02 · Version 1.0", "sha256 " + v.ShortHash(), "Uncontrolled when printed", "Page " + strconv.Itoa(p-1) + " of " + strconv.Itoa(ctx.PageCount-1)} {
				if !strings.Contains(page, want) {
					t.Errorf("page %d lacks %q", p, want)
				}
			}
		}
		control := rawText(t, b, 2, 2)
		for _, want := range []string{"Number SMS-DOC-02", "Title Service Management Policy", "Version 1.0", "Status Approved",
			"Approved " + src.Org.DateFormat.Format(v.ApprovedAt), "Owner Daniel Okafor", "Approver Margaret Holloway"} {
			if !strings.Contains(control, want) {
				t.Errorf("the control page lacks %q:\n%s", want, control)
			}
		}
		for i, w := range watermarked(t, ctx) {
			if w {
				t.Errorf("page %d of an approved document has a DRAFT watermark", i+1)
			}
		}
		stamps, err := ReadStamps(bytes.NewReader(b))
		if err != nil || len(stamps) != 1 || stamps[0] != (Stamp{Number: "SMS-DOC-02", Version: "1.0", SHA256: v.SHA256}) {
			t.Errorf("stamps = %+v, %v", stamps, err)
		}
		qpdfCheck(t, b)
	})

	t.Run("draft without an approved version", func(t *testing.T) {
		rec := pending[0]
		b, err := buildDocument(t, src, rec.Document.Number, false)
		if err != nil {
			t.Fatal(err)
		}
		ctx := readPDF(t, b)
		for i, w := range watermarked(t, ctx) {
			if !w {
				t.Errorf("page %d of a draft has no DRAFT watermark", i+1)
			}
		}
		text := flat(pdfText(t, b, 0))
		for _, want := range []string{"DRAFT – not approved", "No version of this document has been approved yet."} {
			if !strings.Contains(text, want) {
				t.Errorf("text lacks %q", want)
			}
		}
		if strings.Contains(text, "sha256 ") {
			t.Error("a draft prints a hash as if it were approved")
		}
		stamps, _ := ReadStamps(bytes.NewReader(b))
		s := stateOf(rec).pending
		if len(stamps) != 1 || !stamps[0].Draft || stamps[0].SHA256 != data.HashText(s.Body) {
			t.Errorf("stamps = %+v, want one draft stamp with the hash of the text", stamps)
		}
	})

	t.Run("newer draft, revision history and literal text", func(t *testing.T) {
		rec := findRec(t, src, "SMS-DOC-03")
		reviseDocument(t, ws, rec.Document.ID, fixedNow.AddDate(0, 0, -3))
		v := newDraft(t, ws, rec.Document.ID)
		if _, err := ws.SaveDraft(context.Background(), v, v.Body+"\nA value {{org.unknown}} left as written.\n"); err != nil {
			t.Fatal(err)
		}
		src := reload(t, ws, cat)
		versions := findRec(t, src, "SMS-DOC-03").Versions

		// without drafts: the approved 1.1, with both versions in its history
		b, err := buildDocument(t, src, "SMS-DOC-03", false)
		if err != nil {
			t.Fatal(err)
		}
		text := rawText(t, b, 0, 0)
		for _, want := range []string{"SMS-DOC-03 · Version 1.1", "sha256 " + versions[1].ShortHash(),
			"1.0 superseded", "First issue", "1.1 " + src.Org.DateFormat.Format(fixedNow.AddDate(0, 0, -3)) + " Margaret Holloway Clarified after the first internal audit " + versions[1].ShortHash()} {
			if !strings.Contains(text, want) {
				t.Errorf("text lacks %q", want)
			}
		}
		if strings.Contains(text, "{{org.unknown}}") {
			t.Error("the approved copy prints the draft's text")
		}
		// with drafts: the 1.2 draft, its leftover placeholder as written
		b, err = buildDocument(t, src, "SMS-DOC-03", true)
		if err != nil {
			t.Fatal(err)
		}
		text = rawText(t, b, 0, 0)
		for _, want := range []string{"SMS-DOC-03 · Draft for 1.2", "DRAFT – not approved", "A value {{org.unknown}} left as written.", "Not approved. The approved version is 1.1."} {
			if !strings.Contains(text, want) {
				t.Errorf("text lacks %q", want)
			}
		}
	})

	t.Run("refusals", func(t *testing.T) {
		for _, tc := range []struct{ number, code, msg string }{
			{"SMS-DOC-99", data.ENotFound, "There is no document numbered SMS-DOC-99 in this workspace."},
			{"  ", data.EInvalid, "Choose the document to print by its number, such as SMS-DOC-02."},
		} {
			b, err := buildDocument(t, src, tc.number, false)
			var de *data.Error
			if !errors.As(err, &de) || de.Code != tc.code || de.Message != tc.msg {
				t.Errorf("%q: err = %v, want %s %q", tc.number, err, tc.code, tc.msg)
			}
			if len(b) != 0 {
				t.Errorf("%q: a refused pack wrote %d bytes", tc.number, len(b))
			}
		}
	})
}

// pdfcpuInfo is the title in the PDF's metadata.
func pdfcpuInfo(ctx *model.Context) (string, error) {
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return "", err
	}
	return ctx.DereferenceStringOrHexLiteral(d["Title"], model.V10, nil)
}

func TestStamps(t *testing.T) {
	src, _, _ := demoSource(t, true)
	approved, _ := demoDocuments(t, src)
	b := buildPack(t, "manual", src, Options{Now: fixedNow})
	stamps, err := ReadStamps(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(stamps) != len(approved) {
		t.Fatalf("stamps = %d, want %d", len(stamps), len(approved))
	}
	for i, rec := range approved {
		v := stateOf(rec).approved
		if want := (Stamp{Number: rec.Document.Number, Version: "1.0", SHA256: v.SHA256}); stamps[i] != want {
			t.Errorf("stamp %d = %+v, want %+v", i, stamps[i], want)
		}
		if len(v.SHA256) != 64 || v.SHA256 != data.HashText(v.Body) {
			t.Errorf("%s: stored hash %q is not the SHA-256 of its text", rec.Document.Number, v.SHA256)
		}
	}
	if kw := formatStamps(stamps); !strings.HasPrefix(kw, "smsbuilder-verify:v1 SMS-DOC-01@1.0#"+stamps[0].SHA256+" SMS-DOC-02@1.0#") {
		t.Errorf("keywords = %.120q", kw)
	}

	// packs without documents carry none
	scope := buildPack(t, "scope", northwind(t), Options{Now: fixedNow})
	if got, err := ReadStamps(bytes.NewReader(scope)); err != nil || got != nil {
		t.Errorf("scope pack: stamps %v, %v; want none", got, err)
	}
	// a file that is not a PDF
	if _, err := ReadStamps(bytes.NewReader([]byte("%PDF-1.4\nnot really"))); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("garbage: err = %v, want EInvalid", err)
	}

}

func TestVerify(t *testing.T) {
	src, ws, cat := demoSource(t, true)
	approved, pending := demoDocuments(t, src)
	manual := buildPack(t, "manual", src, Options{Now: fixedNow})
	stamps, err := ReadStamps(bytes.NewReader(manual))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Verify(stamps, src) {
		if !r.OK() || r.Message != "OK" || r.Title == "" {
			t.Errorf("untouched: %s: %s %q", r.Stamp.Number, r.Status, r.Message)
		}
	}

	// a document approved again since: the old copy is superseded
	changed := approved[4]
	reviseDocument(t, ws, changed.Document.ID, fixedNow.AddDate(0, 0, 1))
	after := reload(t, ws, cat)
	for _, r := range Verify(stamps, after) {
		switch {
		case r.Stamp.Number == changed.Document.Number:
			if r.OK() || r.Status != VerifySuperseded || r.Message != "superseded by 1.1" {
				t.Errorf("%s: %s %q, want superseded by 1.1", r.Stamp.Number, r.Status, r.Message)
			}
		case !r.OK():
			t.Errorf("%s: %s %q, want OK", r.Stamp.Number, r.Status, r.Message)
		}
	}
	// the new print of the manual is current again
	fresh, _ := ReadStamps(bytes.NewReader(buildPack(t, "manual", after, Options{Now: fixedNow})))
	for _, r := range Verify(fresh, after) {
		if !r.OK() {
			t.Errorf("new print: %s: %s", r.Stamp.Number, r.Message)
		}
	}

	// the other verdicts
	first := stamps[0]
	edited := first
	edited.SHA256 = data.HashText("someone edited the PDF")
	gone := first
	gone.Number = "SMS-DOC-99"
	draft := Stamp{Number: pending[0].Document.Number, Version: "1.0", Draft: true, SHA256: data.HashText(stateOf(pending[0]).pending.Body)}
	withdrawn := stamps[1]
	if _, err := ws.Move(context.Background(), *stateOf(findRec(t, after, withdrawn.Number)).approved, data.Withdraw, data.Approval{}); err != nil {
		t.Fatal(err)
	}
	after = reload(t, ws, cat)
	want := []struct {
		status VerifyStatus
		msg    string
	}{
		{VerifyChanged, "changed: the workspace text differs"},
		{VerifyNotFound, "not found"},
		{VerifyDraft, "draft – not controlled"},
		{VerifyWithdrawn, "withdrawn"},
	}
	for i, r := range Verify([]Stamp{edited, gone, draft, withdrawn}, after) {
		if r.OK() || r.Status != want[i].status || r.Message != want[i].msg {
			t.Errorf("%+v: %s %q, want %s %q", r.Stamp, r.Status, r.Message, want[i].status, want[i].msg)
		}
	}
}

func TestManualDeterministic(t *testing.T) {
	a, _, _ := demoSource(t, true)
	b, _, _ := demoSource(t, true)
	// Their audit trails hold the times the entries were written, so their
	// heads differ; the pages must not.
	b.AuditHead = a.AuditHead
	for _, opts := range []Options{
		{Now: fixedNow},
		{Now: fixedNow, IncludeDrafts: true},
	} {
		if !bytes.Equal(buildPack(t, "manual", a, opts), buildPack(t, "manual", b, opts)) {
			t.Errorf("%+v: two builds with the same Now differ", opts)
		}
		opts.DocumentNumber = "SMS-DOC-02"
		if !bytes.Equal(buildPack(t, "document", a, opts), buildPack(t, "document", b, opts)) {
			t.Errorf("document %+v: two builds with the same Now differ", opts)
		}
	}
}

func TestNumberOrder(t *testing.T) {
	in := []string{"SMS-DOC-10", "SMS-DOC-9", "sms-doc-2", "SMS-DOC-02a", "POL-1", "SMS-DOC-010", "SMS-DOC-1"}
	docs := make([]DocumentRecord, len(in))
	for i, n := range in {
		docs[i].Document.Number = n
	}
	var got []string
	for _, d := range sortByNumber(docs) {
		got = append(got, d.Document.Number)
	}
	want := "POL-1 SMS-DOC-1 sms-doc-2 SMS-DOC-02a SMS-DOC-9 SMS-DOC-10 SMS-DOC-010"
	if strings.Join(got, " ") != want {
		t.Errorf("order = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestWriteManualSamples writes the demo's manual and single documents to
// $REPORTS_SAMPLE_DIR for a person to look at; it does nothing otherwise.
func TestWriteManualSamples(t *testing.T) {
	dir := os.Getenv("REPORTS_SAMPLE_DIR")
	if dir == "" {
		t.Skip("set REPORTS_SAMPLE_DIR to write sample packs")
	}
	src, _, _ := demoSource(t, true)
	for name, tc := range map[string]struct {
		id   string
		opts Options
	}{
		"manual.pdf":             {"manual", Options{Now: fixedNow}},
		"manual-drafts.pdf":      {"manual", Options{Now: fixedNow, IncludeDrafts: true}},
		"manual-letter.pdf":      {"manual", Options{Now: fixedNow, Paper: data.PaperLetter}},
		"document.pdf":           {"document", Options{Now: fixedNow, DocumentNumber: "SMS-DOC-02"}},
		"document-draft.pdf":     {"document", Options{Now: fixedNow, DocumentNumber: "SMS-DOC-05"}},
		"document-in-review.pdf": {"document", Options{Now: fixedNow, DocumentNumber: "SMS-DOC-08", Paper: data.PaperLetter}},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), buildPack(t, tc.id, src, tc.opts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkManual builds the demo's manual, compressed as the GUI does.
func BenchmarkManual(b *testing.B) { benchmarkDemoPack(b, "manual") }

// TestManualUnusualDocument: a document whose number and title hold
// characters the fonts lack, and whose text has no title heading, prints,
// and its stamp still verifies.
func TestManualUnusualDocument(t *testing.T) {
	ctx := context.Background()
	ws, cat := demoWorkspace(t, false)
	d, err := ws.CreateDocument(ctx, data.Document{Number: "QA 7/ü 😀", Title: "Emoji 🎉 policy"}, "Plain text with {{org.name}} left as written.\n\n## A heading\n\nMore.")
	if err != nil {
		t.Fatal(err)
	}
	versions, err := ws.Versions(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ws.Move(ctx, versions[0], data.SendForReview, data.Approval{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Move(ctx, v, data.Approve, data.Approval{ApproverID: approver(t, ws), ChangeSummary: "First issue", At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	src := reload(t, ws, cat)
	for _, id := range []string{"manual", "document"} {
		b := buildPack(t, id, src, Options{Now: fixedNow, DocumentNumber: "QA 7/ü 😀"})
		pdf := readPDF(t, b)
		titles, _ := bookmarkTitles(t, pdf)
		if !hasPrefix(titles, "QA 7/ü \uFFFD Emoji \uFFFD policy") || !hasPrefix(titles, "1.1 A heading") {
			t.Errorf("%s: bookmarks = %q", id, titles)
		}
		text := flat(pdfText(t, b, 0))
		for _, want := range []string{"Plain text with {{org.name}} left as written.", "QA 7/ü \uFFFD · Version 1.0"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: text lacks %q", id, want)
			}
		}
		stamps, err := ReadStamps(bytes.NewReader(b))
		if err != nil || len(stamps) != 1 || stamps[0].Number != "QA 7/ü 😀" {
			t.Fatalf("%s: stamps = %+v, %v", id, stamps, err)
		}
		if r := Verify(stamps, src); !r[0].OK() {
			t.Errorf("%s: %s", id, r[0].Message)
		}
		qpdfCheck(t, b)
	}
}

// An approved text changed behind the app's back must never print or verify
// as the approved text: the new print carries the hash of what it holds, and
// a copy printed before the change is reported changed.
func TestAlteredTextNeverVerifies(t *testing.T) {
	src, _, _ := demoSource(t, true)
	before, err := ReadStamps(bytes.NewReader(buildPack(t, "manual", src, Options{Now: fixedNow})))
	if err != nil {
		t.Fatal(err)
	}
	altered := src
	altered.Documents = slices.Clone(src.Documents)
	target := ""
	for i, rec := range altered.Documents {
		for j, v := range rec.Versions {
			if v.Status == data.DocApproved && target == "" {
				rec.Versions = slices.Clone(rec.Versions)
				rec.Versions[j].Body = strings.Replace(v.Body, "e", "3", 1)
				altered.Documents[i] = rec
				target = rec.Document.Number
			}
		}
	}
	after, err := ReadStamps(bytes.NewReader(buildPack(t, "manual", altered, Options{Now: fixedNow})))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		stamps []Stamp
		want   string
	}{
		{"printed before the change", before, "changed: the workspace's text of version 1.0 was altered after it was approved"},
		{"printed after the change", after, "changed: the workspace text differs"},
	} {
		for _, r := range Verify(c.stamps, altered) {
			if r.Stamp.Number != target {
				continue
			}
			if got := r.Message; r.OK() || got != c.want {
				t.Errorf("%s: %s = %q, want %q", c.name, target, got, c.want)
			}
		}
	}
}
