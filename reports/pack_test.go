package reports

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/data"
)

// flat collapses runs of white space, so that text checks do not depend on
// pdftotext's layout.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestScopePack(t *testing.T) {
	cases := []struct {
		name string
		cat  func(testing.TB) *data.Catalogue
	}{
		{"small catalogue", smallCatalogue},
		{"embedded catalogue", realCatalogue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := northwind(t)
			src.Catalogue = tc.cat(t)
			if src.Catalogue == nil {
				t.Skip("the embedded catalogue is still empty")
			}
			b := buildPack(t, "scope", src, Options{Now: fixedNow})
			ctx := readPDF(t, b)
			if got := ctx.PageCount; got <= 3 {
				t.Errorf("page count = %d, want more than 3", got)
			}

			titles, _ := bookmarkTitles(t, ctx)
			for _, want := range []string{
				"Document control", "Contents", "1 Organisation profile", "2 Scope of the SMS",
				"2.2 Services in scope", "3 People and SMS roles", "3.1 People",
				"Annex A ISO/IEC 20000-1:2018 clauses and documented information",
				"4 Context of the organi", "9.2 Internal audit",
			} {
				if !hasPrefix(titles, want) {
					t.Errorf("bookmarks lack %q; got %q", want, titles)
				}
			}

			// regular, bold and italic; mono only joins when something prints code
			if got := fontsEmbedded(t, ctx); got != 3 {
				t.Errorf("font descriptors = %d, want 3", got)
			}

			text := flat(pdfText(t, b, 0))
			for _, want := range []string{
				"Northwind Managed IT Ltd", "Page 1 of", "Uncontrolled when printed", "SMS-PK-01",
				"31 March 2026", "Managed Desktop Support", "Backup and Recovery",
				"Manchester office (field engineering)", "Daniel Okafor", "Internal auditor",
				"Incident management", "Priya Raman", "Context of the organi", "Document", "Record",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			last := "Page " + strconv.Itoa(ctx.PageCount-1) + " of " + strconv.Itoa(ctx.PageCount-1)
			if !strings.Contains(text, last) {
				t.Errorf("text lacks %q on the last page", last)
			}
			if strings.Contains(text, "DRAFT") {
				t.Error("a pack not asked to be a draft says DRAFT")
			}
			qpdfCheck(t, b)
			pdffontsEmbedded(t, b)
		})
	}
}

// hasPrefix reports whether an entry of list starts with prefix (the
// embedded catalogue spells "organization", the standard's way).
func hasPrefix(list []string, prefix string) bool {
	for _, v := range list {
		if strings.HasPrefix(v, prefix) {
			return true
		}
	}
	return false
}

func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// qpdfCheck runs qpdf --check when qpdf is installed.
func qpdfCheck(t *testing.T, b []byte) {
	t.Helper()
	bin, err := exec.LookPath("qpdf")
	if err != nil {
		t.Log("qpdf is not installed: skipping qpdf --check")
		return
	}
	out, err := exec.Command(bin, "--check", writeTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// pdffontsEmbedded runs pdffonts when poppler is installed and wants every
// font embedded.
func pdffontsEmbedded(t *testing.T, b []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdffonts")
	if err != nil {
		t.Log("pdffonts is not installed: skipping")
		return
	}
	out, err := exec.Command(bin, writeTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is the fifth field from the end
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// TestContentsPageNumbers reads the contents page back and checks every
// entry's page number against the page its bookmark points at.
func TestContentsPageNumbers(t *testing.T) {
	src := northwind(t)
	if cat := realCatalogue(t); cat != nil {
		src.Catalogue = cat
	}
	b := buildPack(t, "scope", src, Options{Now: fixedNow})
	ctx := readPDF(t, b)
	_, pages := bookmarkTitles(t, ctx)
	contentsPage := pages["Contents"]
	if contentsPage != 3 {
		t.Fatalf("contents on page %d, want 3", contentsPage)
	}
	var toc strings.Builder
	for p := contentsPage; p < pages["1 Organisation profile"]; p++ {
		toc.WriteString(pdfText(t, b, p))
	}
	entry := regexp.MustCompile(`^\s*(\S+(?: [A-Z])?)\s+(.+?)\s*(?:\.\s*)*\s(\d+)\s*$`)
	checked := 0
	for _, line := range strings.Split(toc.String(), "\n") {
		m := entry.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		title := m[1] + " " + m[2]
		physical, ok := pages[title]
		if !ok {
			continue
		}
		got, _ := strconv.Atoi(m[3])
		if want := physical - 1; got != want {
			t.Errorf("contents says %q is on page %d, its bookmark points at printed page %d", title, got, want)
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("checked %d contents entries, want at least 8; contents page:\n%s", checked, toc.String())
	}
}

func TestDeterministic(t *testing.T) {
	for _, compress := range []bool{false, true} {
		opts := Options{Now: fixedNow, Uncompressed: !compress, Draft: true}
		a := buildPack(t, "scope", northwind(t), opts)
		b := buildPack(t, "scope", northwind(t), opts)
		if !bytes.Equal(a, b) {
			t.Errorf("compress=%v: two builds with the same Now differ", compress)
		}
	}
}

// pageContent returns the decoded content stream of every page.
func pageContent(t *testing.T, ctx *model.Context) [][]byte {
	t.Helper()
	var out [][]byte
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		c, err := ctx.PageContent(d, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// utf16 is how gofpdf writes text in a Unicode font: UTF-16BE.
func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func TestDraftWatermark(t *testing.T) {
	for _, draft := range []bool{false, true} {
		ctx := readPDF(t, buildPack(t, "scope", northwind(t), Options{Now: fixedNow, Draft: draft}))
		for i, c := range pageContent(t, ctx) {
			got := bytes.Contains(c, utf16("DRAFT"))
			if got != draft {
				t.Errorf("draft=%v: page %d shows DRAFT = %v", draft, i+1, got)
			}
			if draft && !bytes.Contains(c, []byte(" cm")) {
				t.Errorf("page %d: the watermark is not rotated", i+1)
			}
		}
	}
}

func TestPaperSizes(t *testing.T) {
	cases := []struct {
		name  string
		opt   data.PaperSize
		org   data.PaperSize
		wantW float64
		wantH float64
	}{
		{"A4 asked", data.PaperA4, data.PaperLetter, 595.28, 841.89},
		{"Letter asked", data.PaperLetter, data.PaperA4, 612, 792},
		{"organisation's Letter", "", data.PaperLetter, 612, 792},
		{"organisation's A4", "", data.PaperA4, 595.28, 841.89},
		{"nonsense falls back to A4", "A3", "", 595.28, 841.89},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := northwind(t)
			src.Org.PaperSize = tc.org
			ctx := readPDF(t, buildPack(t, "scope", src, Options{Now: fixedNow, Paper: tc.opt}))
			dims, err := ctx.PageDims()
			if err != nil {
				t.Fatal(err)
			}
			for i, d := range dims {
				if abs(d.Width-tc.wantW) > 0.1 || abs(d.Height-tc.wantH) > 0.1 {
					t.Errorf("page %d is %.2f x %.2f pt, want %.2f x %.2f", i+1, d.Width, d.Height, tc.wantW, tc.wantH)
				}
			}
		})
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestCancel(t *testing.T) {
	t.Run("before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var buf bytes.Buffer
		err := Build(ctx, "scope", northwind(t), Options{Now: fixedNow}, &buf, nil)
		if err != ctx.Err() || !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want ctx.Err()", err)
		}
		if buf.Len() != 0 {
			t.Errorf("a cancelled build wrote %d bytes", buf.Len())
		}
	})
	t.Run("during", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var buf bytes.Buffer
		calls := 0
		err := Build(ctx, "scope", northwind(t), Options{Now: fixedNow}, &buf, func(done, total int) {
			calls++
			if done == 2 {
				cancel()
			}
		})
		if err != ctx.Err() || !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want ctx.Err()", err)
		}
		if calls != 2 {
			t.Errorf("progress called %d times after cancelling at the second call", calls)
		}
		if buf.Len() != 0 {
			t.Errorf("a cancelled build wrote %d bytes", buf.Len())
		}
	})
}

func TestProgress(t *testing.T) {
	var got [][2]int
	buildProgress := func(done, total int) { got = append(got, [2]int{done, total}) }
	var buf bytes.Buffer
	if err := Build(context.Background(), "scope", northwind(t), Options{Now: fixedNow}, &buf, buildProgress); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("progress was never reported")
	}
	total := got[0][1]
	for i, p := range got {
		if p[1] != total {
			t.Errorf("call %d: total changed from %d to %d", i, total, p[1])
		}
		if i > 0 && p[0] <= got[i-1][0] {
			t.Errorf("call %d: done went from %d to %d", i, got[i-1][0], p[0])
		}
	}
	if last := got[len(got)-1]; last[0] != last[1] {
		t.Errorf("last progress = %d of %d, want done", last[0], last[1])
	}
}

func TestUnknownPack(t *testing.T) {
	err := Build(context.Background(), "nonsense", northwind(t), Options{}, io.Discard, nil)
	if got, want := data.ErrorCode(err), data.ENotFound; got != want {
		t.Errorf("error code = %q, want %q (err %v)", got, want, err)
	}
}

func TestRegistry(t *testing.T) {
	packs := Packs()
	if len(packs) == 0 {
		t.Fatal("no packs")
	}
	seen := map[string]bool{}
	for _, p := range packs {
		// the document, register and review packs print under the number of what they print
		if p.ID == "" || p.Title == "" || (p.DocNumber == "") != (p.ID == documentPackID || p.ID == registerPackID || p.ID == reviewPackID) || p.spec == nil {
			t.Errorf("pack %+v is incomplete", p)
		}
		if !strings.HasSuffix(p.Description, ".") || strings.Count(p.Description, ". ") > 0 {
			t.Errorf("pack %s: description %q is not one plain sentence", p.ID, p.Description)
		}
		if seen[p.ID] || (p.DocNumber != "" && seen[p.DocNumber]) {
			t.Errorf("pack %s: ID or document number used twice", p.ID)
		}
		seen[p.ID], seen[p.DocNumber] = true, true
		got, ok := FindPack(p.ID)
		if !ok || got.ID != p.ID {
			t.Errorf("FindPack(%q) = %v, %v", p.ID, got.ID, ok)
		}
	}
	packs[0].ID = "changed"
	if Packs()[0].ID == "changed" {
		t.Error("Packs returns shared state")
	}
	if _, ok := FindPack("scope"); !ok {
		t.Error("the scope pack is missing")
	}
}

type fakeWorkspace struct {
	data.OrganisationService
	data.PeopleService
	org    data.Organisation
	people []data.Person
	err    error
}

func (f fakeWorkspace) Organisation(context.Context) (data.Organisation, error) {
	return f.org, f.err
}

func (f fakeWorkspace) People(context.Context) ([]data.Person, error) { return f.people, f.err }

func TestLoadSource(t *testing.T) {
	cat := smallCatalogue(t)
	ws := fakeWorkspace{org: data.DemoOrganisation(), people: data.DemoPeople()}
	src, err := LoadSource(context.Background(), ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := src.Org.LegalName, "Northwind Managed IT Ltd"; got != want {
		t.Errorf("org = %q, want %q", got, want)
	}
	if got, want := len(src.People), len(data.DemoPeople()); got != want {
		t.Errorf("people = %d, want %d", got, want)
	}
	if src.Catalogue != cat {
		t.Error("catalogue not passed on")
	}
	ws.err = errors.New("disk on fire")
	if _, err := LoadSource(context.Background(), ws, cat); err == nil || !strings.Contains(err.Error(), "load pack source") {
		t.Errorf("err = %v, want it wrapped with context", err)
	}
}

// TestEmptyWorkspace prints a pack for an organisation that has recorded
// nothing: every empty value says so in grey.
func TestEmptyWorkspace(t *testing.T) {
	src := Source{Org: data.DefaultOrganisation()}
	b := buildPack(t, "scope", src, Options{Now: fixedNow})
	readPDF(t, b)
	text := flat(pdfText(t, b, 0))
	if got := strings.Count(text, notRecorded); got < 8 {
		t.Errorf("%q appears %d times, want at least 8", notRecorded, got)
	}
	if !strings.Contains(text, "The clause catalogue is not available") {
		t.Error("a missing catalogue is not mentioned")
	}
}

// TestUserTextIsLiteral: what a user types prints as typed, never as
// Markdown or as a placeholder.
func TestUserTextIsLiteral(t *testing.T) {
	src := northwind(t)
	src.Org.ScopeStatement = "# Not a heading\n**not bold** and `not code`\n1. not a list <b>not html</b> {{org.name}} &amp; \\*"
	src.Org.Services = []string{"- Dash service", "> Quote service", "| Pipe | service |"}
	b := buildPack(t, "scope", src, Options{Now: fixedNow})
	text := flat(pdfText(t, b, 0))
	for _, want := range []string{
		"# Not a heading", "**not bold** and `not code`", "1. not a list <b>not html</b> {{org.name}} &amp; \\*",
		"- Dash service", "> Quote service", "| Pipe | service |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestUnsafeText feeds text gofpdf cannot print (emoji and other astral
// characters, invalid UTF-8, control characters, characters DejaVu lacks,
// the page count alias) through every field.
func TestUnsafeText(t *testing.T) {
	nasty := "Grin 😀 math 𝔘 bad \xff\xfe ctl \x00\x07\x1b end 漢字 alias " + pageCountAlias + " zwsp\u200bx"
	src := northwind(t)
	src.Org.LegalName = "Northwind " + nasty
	src.Org.ShortName = "NW 😀"
	src.Org.ScopeStatement = nasty
	src.Org.Services = []string{nasty}
	src.People = append(src.People, data.Person{Name: "Zoë 😀 " + nasty, JobTitle: nasty, Email: "zoe@example.com",
		Roles: []data.Role{{Kind: data.RoleProcessOwner, Process: "Emoji 🎉 management"}}})
	cat, err := data.NewCatalogue([]data.Clause{{Number: "4", Title: "Clause " + nasty, Guidance: nasty,
		Documents: []data.DocumentedInfo{{Kind: data.KindRetain, Text: nasty}}}})
	if err != nil {
		t.Fatal(err)
	}
	src.Catalogue = cat
	for _, draft := range []bool{false, true} {
		b := buildPack(t, "scope", src, Options{Now: fixedNow, Draft: draft})
		ctx := readPDF(t, b)
		titles, _ := bookmarkTitles(t, ctx)
		found := false
		for _, title := range titles {
			found = found || strings.HasPrefix(title, "4 Clause Grin \uFFFD math \uFFFD bad \uFFFD\uFFFD ctl  end \uFFFD\uFFFD alias \uFFFDnb\uFFFD")
		}
		if !found {
			t.Errorf("bookmarks = %q, want the clause with substitutes", titles)
		}
		text := pdfText(t, b, 0)
		for _, bad := range []string{"😀", "𝔘", "🎉", "漢", "\x07", "\x1b"} {
			if strings.Contains(text, bad) {
				t.Errorf("text contains %q", bad)
			}
		}
		for _, want := range []string{"Grin \uFFFD math \uFFFD bad \uFFFD\uFFFD ctl end", "\uFFFDnb\uFFFD", "Zoë", "Emoji \uFFFD management"} {
			if !strings.Contains(flat(text), want) {
				t.Errorf("text lacks %q", want)
			}
		}
	}
}

func TestClean(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	sans, mono := fonts.faces[faceRegular], fonts.faces[faceMono]
	cases := []struct {
		name string
		m    *faceMetrics
		in   string
		want string
	}{
		{"ascii", sans, "Plain text, 100% ASCII.", "Plain text, 100% ASCII."},
		{"newline and tab kept", sans, "a\nb\tc", "a\nb\tc"},
		{"carriage returns end lines", sans, "a\r\nb\rc", "a\nb\nc"},
		{"controls removed", sans, "a\x00b\x07c\x1bd\x7fe\u0085f", "abcdef"},
		{"invalid utf-8", sans, "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"emoji", sans, "ok 😀!", "ok \uFFFD!"},
		{"astral letter", sans, "𝔘", "\uFFFD"},
		{"private use", sans, "\uE000x\uF8FF", "\uFFFDx\uFFFD"},
		{"latin, greek, cyrillic kept", sans, "Zoë Ωμέγα Жук", "Zoë Ωμέγα Жук"},
		{"symbols kept", sans, "✓ € • …", "✓ € • …"},
		{"cjk missing", sans, "漢字", "\uFFFD\uFFFD"},
		{"zero width space dropped if missing", sans, "a\u200bb", "a" + keepIf(sans, '\u200b') + "b"},
		{"mono lacks what sans has", mono, "\u2713", keepOr(mono, '\u2713')},
		{"empty", sans, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.m.clean(tc.in); got != tc.want {
				t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func keepIf(m *faceMetrics, r rune) string {
	if m.has(r) {
		return string(r)
	}
	return ""
}

func keepOr(m *faceMetrics, r rune) string {
	if m.has(r) {
		return string(r)
	}
	return string(m.substitute)
}

// TestUnknownPlaceholder: a template naming a value the workspace does not
// have fails the pack with an error that names it.
func TestUnknownPlaceholder(t *testing.T) {
	src := northwind(t)
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	values := markdownValues(src.Org, src.People, env)
	spec := &packSpec{title: "Test", docNumber: "T-1", version: "1", sections: []section{{
		number: "1", title: "Templates",
		render: func(d *doc) error {
			return d.markdownTemplate("Hello {{org.name}}, {{org.nonsense}} and {{ people.nobody }}.", values)
		},
	}}}
	err := renderPack(context.Background(), spec, env, io.Discard, func(int, int) {})
	if err == nil {
		t.Fatal("no error for unknown placeholders")
	}
	for _, want := range []string{"{{org.nonsense}}", "{{people.nobody}}"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if got, want := data.ErrorCode(err), data.EPlaceholder; got != want {
		t.Errorf("error code = %q, want %q", got, want)
	}
	if strings.Contains(err.Error(), "org.name}") {
		t.Errorf("error %q names a known placeholder", err)
	}
}

func TestLogos(t *testing.T) {
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	rgba64 := image.NewRGBA64(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		rgba64.Set(x, x/2, color.RGBA64{0x1F00, 0x4E00, 0x7900, 0xFFFF})
	}
	wide := image.NewNRGBA(image.Rect(0, 0, 3000, 120))
	for x := 0; x < 3000; x++ {
		wide.Set(x, x%120, color.NRGBA{200, 30, 30, 128})
	}
	pal := image.NewPaletted(image.Rect(0, 0, 16, 16), color.Palette{color.White, color.Black})
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 30, 30)), nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		logo   []byte
		images int
	}{
		{"none", nil, 0},
		{"16-bit PNG", encode(rgba64), 1},
		{"wide translucent PNG", encode(wide), 1},
		{"paletted PNG", encode(pal), 1},
		{"grey JPEG", jpg.Bytes(), 1},
		{"truncated PNG", encode(rgba64)[:60], 0},
		{"PNG signature then garbage", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 100)...), 0},
		{"claims to be huge", hugePNGHeader(), 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := northwind(t)
			src.Org.Logo = tc.logo
			ctx := readPDF(t, buildPack(t, "scope", src, Options{Now: fixedNow}))
			if got := countImages(ctx); got != tc.images {
				t.Errorf("images = %d, want %d", got, tc.images)
			}
		})
	}
}

// hugePNGHeader is a PNG whose header claims 100000 x 100000 pixels.
func hugePNGHeader() []byte {
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	// IHDR width and height start at byte 16
	copy(b[16:], []byte{0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0})
	return b
}

// countImages counts the images in the file, not counting the soft masks
// that carry the transparency of another image.
func countImages(ctx *model.Context) int {
	images, masks := 0, 0
	for _, e := range ctx.XRefTable.Table {
		if e == nil || e.Free {
			continue
		}
		if sd, ok := e.Object.(types.StreamDict); ok {
			if st := sd.Subtype(); st != nil && *st == "Image" {
				images++
				if sd.Dict["SMask"] != nil {
					masks++
				}
			}
		}
	}
	return images - masks
}

// TestAllFacesEmbedded prints the Markdown test document, which uses every
// face, and wants all four embedded.
func TestAllFacesEmbedded(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("testdata", "markdown.md"))
	if err != nil {
		t.Fatal(err)
	}
	src := northwind(t)
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	spec := &packSpec{title: "Markdown", docNumber: "T-1", version: "1", sections: []section{{number: "1", title: "Markdown",
		render: func(d *doc) error { d.markdown(string(md)); return nil }}}}
	var buf bytes.Buffer
	if err := renderPack(context.Background(), spec, env, &buf, func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	ctx := readPDF(t, buf.Bytes())
	if got := fontsEmbedded(t, ctx); got != 4 {
		t.Errorf("font descriptors = %d, want 4", got)
	}
	pdffontsEmbedded(t, buf.Bytes())
	qpdfCheck(t, buf.Bytes())
}

// TestContentsLinks: every contents entry is a link into the pack.
func TestContentsLinks(t *testing.T) {
	b := buildPack(t, "scope", northwind(t), Options{Now: fixedNow})
	ctx := readPDF(t, b)
	d, _, _, err := ctx.PageDict(3, false)
	if err != nil {
		t.Fatal(err)
	}
	annots, err := ctx.DereferenceArray(d["Annots"])
	if err != nil {
		t.Fatal(err)
	}
	internal := 0
	for _, a := range annots {
		ad, err := ctx.DereferenceDict(a)
		if err != nil {
			t.Fatal(err)
		}
		if ad["Dest"] != nil {
			internal++
		}
	}
	// the small catalogue gives 3 sections with 8 headings, the annex and its 3 clauses
	if internal < 15 {
		t.Errorf("contents page has %d internal links, want at least 15", internal)
	}
}
