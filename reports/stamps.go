package reports

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/data"
)

// Stamp names one controlled document a pack printed: its number, the
// version printed and the SHA-256 of the text printed. Packs that print
// documents list their stamps in the PDF's Keywords metadata, so that a
// saved copy can be checked against the workspace later (Verify).
type Stamp struct {
	Number  string // "SMS-DOC-02"
	Version string // "1.0"
	Draft   bool   // the text printed was a draft or in review, not approved
	SHA256  string // 64 lower-case hex digits
}

// stampsPrefix starts the Keywords of a pack with stamps. The format is
//
//	smsbuilder-verify:v1 SMS-DOC-01@1.0#<sha256> SMS-DOC-02@1.1-draft#<sha256> ...
//
// with the document number percent-encoded where it has a character other
// than a letter, a digit or one of "-._/", so that every stamp is one
// word of ASCII.
const stampsPrefix = "smsbuilder-verify:v1"

// stampOf is the stamp of version v of document number, printed as it is.
func stampOf(number string, v data.Version) Stamp {
	draft := v.Status != data.DocApproved && v.Status != data.DocSuperseded
	sum := v.SHA256
	if draft || sum == "" || v.TextAltered() {
		sum = data.HashText(v.Body)
	}
	return Stamp{Number: number, Version: versionNumber(v), Draft: draft, SHA256: sum}
}

// versionNumber is "1.0", without the status that Version.Number adds.
func versionNumber(v data.Version) string { return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) }

// String is the stamp as the Keywords metadata holds it.
func (s Stamp) String() string {
	draft := ""
	if s.Draft {
		draft = "-draft"
	}
	return escapeNumber(s.Number) + "@" + s.Version + draft + "#" + s.SHA256
}

// formatStamps is the Keywords metadata of a pack, "" without stamps.
func formatStamps(stamps []Stamp) string {
	if len(stamps) == 0 {
		return ""
	}
	parts := make([]string, 0, len(stamps)+1)
	parts = append(parts, stampsPrefix)
	for _, s := range stamps {
		parts = append(parts, s.String())
	}
	return strings.Join(parts, " ")
}

func escapeNumber(n string) string {
	var b strings.Builder
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("-._/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

var stampPattern = regexp.MustCompile(`^([A-Za-z0-9\-._/%]+)@([0-9]+\.[0-9]+)(-draft)?#([0-9a-f]{64})$`)

// parseStamps reads the stamps out of a pack's Keywords metadata: none when
// it has no stamps, an error when they are damaged.
func parseStamps(keywords string) ([]Stamp, error) {
	fields := strings.Fields(keywords)
	start := -1
	for i, f := range fields {
		if f == stampsPrefix {
			start = i + 1
			break
		}
		if strings.HasPrefix(f, "smsbuilder-verify:") {
			return nil, data.Errorf(data.EInvalid, "The file was printed by a newer version of SMS Builder (%s); update SMS Builder to check it.", strings.TrimPrefix(f, "smsbuilder-verify:"))
		}
	}
	if start < 0 {
		return nil, nil
	}
	var out []Stamp
	for _, f := range fields[start:] {
		m := stampPattern.FindStringSubmatch(f)
		number, err := unescapeNumber(m)
		if m == nil || err != nil {
			return nil, data.Errorf(data.EInvalid, "The file's list of printed documents is damaged at %q.", f)
		}
		out = append(out, Stamp{Number: number, Version: m[2], Draft: m[3] != "", SHA256: m[4]})
	}
	return out, nil
}

func unescapeNumber(m []string) (string, error) {
	if m == nil {
		return "", fmt.Errorf("not a stamp")
	}
	s := m[1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("bad escape in %q", s)
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("bad escape in %q", s)
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), nil
}

// ReadStamps reads the stamps of the controlled documents a pack printed
// from the PDF's Keywords metadata. A PDF without stamps (another pack, or
// a file SMS Builder did not print) gives none and no error; a file that is
// not a readable PDF, or whose stamps are damaged, gives a *data.Error.
func ReadStamps(r io.ReadSeeker) ([]Stamp, error) {
	keywords, err := readKeywords(r)
	if err != nil {
		return nil, err
	}
	return parseStamps(keywords)
}

// parsePDF parses a PDF with pdfcpu, with a configuration of our own:
// pdfcpu's default one is read from, and written to, the user's
// configuration folder. A file pdfcpu cannot parse gives a *data.Error; the
// caller recovers from pdfcpu's panics, over its own use of the result too.
func parsePDF(r io.ReadSeeker) (*model.Context, error) {
	conf := &model.Configuration{ValidationMode: model.ValidationRelaxed, Reader15: true, Eol: types.EolLF}
	ctx, err := pdfcpu.Read(r, conf)
	if err != nil {
		return nil, &data.Error{Code: data.EInvalid, Message: "The file is not a readable PDF.", Err: fmt.Errorf("read pdf: %w", err)}
	}
	return ctx, nil
}

// readKeywords reads a PDF's Keywords metadata: "" when it has none, a
// *data.Error when the file is not a readable PDF.
func readKeywords(r io.ReadSeeker) (keywords string, err error) {
	defer func() {
		// pdfcpu reads files from anywhere; a file that trips it up is
		// still only a file that cannot be read
		if p := recover(); p != nil {
			keywords, err = "", &data.Error{Code: data.EInvalid, Message: "The file is not a readable PDF.", Err: fmt.Errorf("read pdf: %v", p)}
		}
	}()
	ctx, err := parsePDF(r)
	if err != nil {
		return "", err
	}
	if ctx.Info == nil {
		return "", nil
	}
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || info == nil {
		return "", nil
	}
	kw, ok := info["Keywords"]
	if !ok || kw == nil {
		return "", nil
	}
	keywords, err = ctx.DereferenceStringOrHexLiteral(kw, model.V10, nil)
	if err != nil {
		return "", &data.Error{Code: data.EInvalid, Message: "The file's list of printed documents cannot be read.", Err: fmt.Errorf("read keywords: %w", err)}
	}
	return keywords, nil
}

// VerifyStatus is how a printed document compares with the workspace.
type VerifyStatus string

const (
	VerifyOK         VerifyStatus = "ok"         // the version printed is the current approved version
	VerifySuperseded VerifyStatus = "superseded" // a newer version has been approved since
	VerifyWithdrawn  VerifyStatus = "withdrawn"  // the version printed was approved, but the document is withdrawn
	VerifyChanged    VerifyStatus = "changed"    // no version of the document has the text printed
	VerifyNotFound   VerifyStatus = "not-found"  // the workspace has no document with the number
	VerifyDraft      VerifyStatus = "draft"      // the text printed was a draft, which is never controlled
)

// VerifyResult is the verdict on one stamp.
type VerifyResult struct {
	Stamp   Stamp
	Status  VerifyStatus
	Message string // "OK", "superseded by 1.2", "changed: the workspace text differs", ...
	Title   string // the document's title in the workspace, "" when not found
	Page    int    // the first page whose text differs, when VerifyText found one
}

// OK reports whether the printed document is the current approved version.
func (r VerifyResult) OK() bool { return r.Status == VerifyOK }

// Verify compares each stamp with the workspace src was loaded from: a
// printed document is OK when a version with its number and hash exists and
// is still the document's current approved version.
func Verify(stamps []Stamp, src Source) []VerifyResult {
	out := make([]VerifyResult, 0, len(stamps))
	for _, s := range stamps {
		r := VerifyResult{Stamp: s}
		rec, found := findDocument(src.Documents, s.Number)
		switch {
		case !found:
			r.Status, r.Message = VerifyNotFound, "not found"
		case s.Draft:
			r.Title = rec.Document.Title
			r.Status, r.Message = VerifyDraft, "draft \u2013 not controlled"
		default:
			r.Title = rec.Document.Title
			r.Status, r.Message = verifyVersion(s, rec.Versions)
		}
		out = append(out, r)
	}
	return out
}

func verifyVersion(s Stamp, versions []data.Version) (VerifyStatus, string) {
	var printed, current *data.Version
	for i, v := range versions {
		if v.Status == data.DocApproved && current == nil {
			current = &versions[i]
		}
		if versionNumber(v) == s.Version && v.SHA256 != "" && strings.EqualFold(v.SHA256, s.SHA256) {
			printed = &versions[i]
		}
	}
	switch {
	case printed == nil:
		return VerifyChanged, "changed: the workspace text differs"
	case printed.TextAltered():
		return VerifyChanged, "changed: the workspace's text of version " + versionNumber(*printed) + " was altered after it was approved"
	case printed.Status == data.DocApproved:
		return VerifyOK, "OK"
	case current != nil:
		return VerifySuperseded, "superseded by " + versionNumber(*current)
	}
	return VerifyWithdrawn, "withdrawn"
}

// findDocument finds a document by number; numbers that differ only in case
// are the same, as storage keeps them.
func findDocument(docs []DocumentRecord, number string) (DocumentRecord, bool) {
	number = strings.TrimSpace(number)
	for _, d := range docs {
		if strings.EqualFold(d.Document.Number, number) {
			return d, true
		}
	}
	return DocumentRecord{}, false
}
