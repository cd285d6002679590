package reports

import (
	"bytes"
	"encoding/binary"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/data"
)

// archivalCase is one pack of the demo workspace in one paper size.
type archivalCase struct {
	name string
	id   string
	opts Options
}

func archivalCases() []archivalCase {
	var out []archivalCase
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		for _, p := range Packs() {
			opts := Options{Now: fixedNow, Paper: paper, Register: "risks", Review: "MR-1"}
			if p.ID == documentPackID {
				opts.DocumentNumber = "SMS-DOC-02"
			}
			out = append(out, archivalCase{name: p.ID + "/" + string(paper), id: p.ID, opts: opts})
		}
		// drafts print a translucent watermark: transparency, which PDF/A-2 allows
		out = append(out, archivalCase{name: "manual-drafts/" + string(paper), id: "manual", opts: Options{Now: fixedNow, Paper: paper, Draft: true, IncludeDrafts: true}})
	}
	return out
}

// TestPacksAreArchival asserts, for every pack of the demo workspace in both
// paper sizes, each requirement of PDF/A-2b (ISO 19005-2, level B) that
// applies to what the packs print, as no PDF/A validator can be installed
// here: readPDF validates with pdfcpu in strict mode, and qpdf --check runs
// when qpdf is installed.
func TestPacksAreArchival(t *testing.T) {
	src, _, _ := demoSource(t, true)
	for _, tc := range archivalCases() {
		t.Run(tc.name, func(t *testing.T) {
			b := buildPack(t, tc.id, src, tc.opts)
			ctx := readPDF(t, b)
			qpdfCheck(t, b)
			if tc.id == "manual" && !tc.opts.IncludeDrafts {
				if len(b) >= 700_000 {
					t.Errorf("the manual is %d bytes, want under 700 KB", len(b))
				}
			}
			// 6.1.2: the header, then a comment of four bytes above 127
			if !binaryHeader(b) {
				t.Errorf("header = %q", b[:min(20, len(b))])
			}
			// 6.1.3: a file identifier, and no encryption
			if id := ctx.ID; len(id) != 2 {
				t.Errorf("trailer /ID = %v, want two strings", id)
			}
			if ctx.Encrypt != nil {
				t.Error("the file is encrypted")
			}
			root, err := ctx.Catalog()
			if err != nil {
				t.Fatal(err)
			}
			if lang := stringOf(t, ctx, root["Lang"]); lang != pdfLang {
				t.Errorf("/Lang = %q, want %q", lang, pdfLang)
			}
			title := stringOf(t, ctx, infoDict(t, ctx)["Title"])
			checkXMP(t, ctx, root, title)
			checkOutputIntent(t, ctx, root)
			checkObjects(t, ctx)
			if n := fontsEmbedded(t, ctx); n == 0 {
				t.Error("no embedded fonts")
			}
			checkAnnotations(t, ctx)
			checkPageLabels(t, ctx)
		})
	}
}

// binaryHeader: the file opens with "%PDF-1.n", then a comment line of
// four bytes above 127 that marks it as binary.
func binaryHeader(b []byte) bool {
	if len(b) < 15 || !regexp.MustCompile(`^%PDF-1\.[4-7]\n%`).Match(b) || b[14] != '\n' {
		return false
	}
	for _, c := range b[10:14] {
		if c < 128 {
			return false
		}
	}
	return true
}

func infoDict(t *testing.T, ctx *model.Context) types.Dict {
	t.Helper()
	if ctx.Info == nil {
		t.Fatal("no Info dictionary")
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		t.Fatalf("Info: %v", err)
	}
	return d
}

func stringOf(t *testing.T, ctx *model.Context, o types.Object) string {
	t.Helper()
	if o == nil {
		return ""
	}
	s, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil)
	if err != nil {
		t.Errorf("string %v: %v", o, err)
	}
	return s
}

func streamOf(t *testing.T, ctx *model.Context, o types.Object) *types.StreamDict {
	t.Helper()
	sd, _, err := ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		t.Fatalf("stream %v: %v", o, err)
	}
	if err := sd.Decode(); err != nil {
		t.Fatalf("decode %v: %v", o, err)
	}
	return sd
}

// checkXMP: 6.6.2 metadata as XMP in the catalog, unfiltered, 6.6.4 the
// PDF/A identification, 6.6.3 the Info dictionary's title in it.
func checkXMP(t *testing.T, ctx *model.Context, root types.Dict, title string) {
	t.Helper()
	ref, ok := root["Metadata"]
	if !ok {
		t.Error("the catalog has no /Metadata")
		return
	}
	sd := streamOf(t, ctx, ref)
	if _, ok := sd.Dict["Filter"]; ok {
		t.Error("the XMP stream is filtered")
	}
	x := string(sd.Content)
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	for _, want := range []string{
		`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
		"<pdfaid:part>2</pdfaid:part>",
		"<pdfaid:conformance>B</pdfaid:conformance>",
		`<rdf:li xml:lang="x-default">` + esc(title) + "</rdf:li>",
		"<dc:language><rdf:Bag><rdf:li>" + pdfLang + "</rdf:li></rdf:Bag></dc:language>",
		`<?xpacket end="w"?>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("the XMP lacks %q", want)
		}
	}
}

// checkOutputIntent: 6.2.3 a PDF/A output intent with an RGB ICC profile,
// which makes DeviceRGB and DeviceGray mean something (6.2.4.3).
func checkOutputIntent(t *testing.T, ctx *model.Context, root types.Dict) {
	t.Helper()
	arr, err := ctx.DereferenceArray(root["OutputIntents"])
	if err != nil || len(arr) != 1 {
		t.Errorf("/OutputIntents = %v, %v; want one", root["OutputIntents"], err)
		return
	}
	oi, err := ctx.DereferenceDict(arr[0])
	if err != nil {
		t.Fatal(err)
	}
	if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFA1" {
		t.Errorf("output intent /S = %v, want GTS_PDFA1", s)
	}
	if id := stringOf(t, ctx, oi["OutputConditionIdentifier"]); id != srgbName {
		t.Errorf("output condition = %q", id)
	}
	sd := streamOf(t, ctx, oi["DestOutputProfile"])
	if n := sd.IntEntry("N"); n == nil || *n != 3 {
		t.Errorf("profile /N = %v, want 3", n)
	}
	if err := checkICC(sd.Content); err != "" {
		t.Errorf("profile: %s", err)
	}
}

// checkObjects walks every object: no JavaScript, launch or other action
// PDF/A forbids (6.5.1), no additional actions (6.5.2), no LZW (6.1.7.2),
// no image interpolation (6.2.8), page content compressed, and every
// font's name tagged as a subset.
func checkObjects(t *testing.T, ctx *model.Context) {
	t.Helper()
	subset := regexp.MustCompile(`^[A-Z]{6}\+`)
	for nr, e := range ctx.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		var d types.Dict
		switch o := e.Object.(type) {
		case types.Dict:
			d = o
		case types.StreamDict:
			d = o.Dict
			if f, ok := d["Filter"]; ok && strings.Contains(f.String(), "LZW") {
				t.Errorf("object %d is LZW encoded", nr)
			}
			if tp := d.NameEntry("Type"); (tp == nil || *tp != "Metadata") && d["Filter"] == nil {
				t.Errorf("stream %d (%v) is not compressed", nr, d)
			}
		default:
			continue
		}
		for _, k := range []string{"JS", "JavaScript", "AA", "Encrypt"} {
			if _, ok := d[k]; ok {
				t.Errorf("object %d has /%s", nr, k)
			}
		}
		if s := d.NameEntry("S"); s != nil && strings.Contains(" Launch Sound Movie ResetForm ImportData JavaScript Hide ", " "+*s+" ") {
			t.Errorf("object %d is a %s action", nr, *s)
		}
		if b := d.BooleanEntry("Interpolate"); b != nil && *b {
			t.Errorf("image %d interpolates", nr)
		}
		if tp := d.NameEntry("Type"); tp != nil && (*tp == "Font" || *tp == "FontDescriptor") {
			for _, k := range []string{"BaseFont", "FontName"} {
				if n := d.NameEntry(k); n != nil && !subset.MatchString(*n) && d.NameEntry("Subtype") != nil && *d.NameEntry("Subtype") != "Type1" {
					t.Errorf("font %d /%s %s has no subset tag", nr, k, *n)
				}
			}
		}
	}
}

// checkAnnotations: 6.3.2 every annotation an indirect object with the
// print flag and neither hidden nor invisible nor unviewable.
func checkAnnotations(t *testing.T, ctx *model.Context) {
	t.Helper()
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		arr, err := ctx.DereferenceArray(d["Annots"])
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arr {
			if _, ok := a.(types.IndirectRef); !ok {
				t.Errorf("page %d: an annotation is not an indirect object", p)
			}
			ad, err := ctx.DereferenceDict(a)
			if err != nil {
				t.Fatal(err)
			}
			f := ad.IntEntry("F")
			if f == nil || *f&4 == 0 || *f&(1|2|32) != 0 {
				t.Errorf("page %d: annotation flags %v, want print and nothing hidden", p, f)
			}
		}
	}
}

// pageLabels reads the labels of the file's pages from its /PageLabels
// number tree (a flat /Nums array, as packs write it).
func pageLabels(t *testing.T, ctx *model.Context) []string {
	t.Helper()
	root, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	tree, err := ctx.DereferenceDict(root["PageLabels"])
	if err != nil || tree == nil {
		t.Fatalf("no /PageLabels: %v", err)
	}
	nums, err := ctx.DereferenceArray(tree["Nums"])
	if err != nil || len(nums)%2 != 0 {
		t.Fatalf("/Nums = %v, %v", tree["Nums"], err)
	}
	labels := make([]string, ctx.PageCount)
	for i := 0; i < len(nums); i += 2 {
		first, ok := nums[i].(types.Integer)
		if !ok {
			t.Fatalf("/Nums key %v", nums[i])
		}
		d, err := ctx.DereferenceDict(nums[i+1])
		if err != nil {
			t.Fatal(err)
		}
		end := ctx.PageCount
		if i+2 < len(nums) {
			end = int(nums[i+2].(types.Integer))
		}
		start := 1
		if st := d.IntEntry("St"); st != nil {
			start = *st
		}
		for p := int(first); p < end; p++ {
			labels[p] = stringOf(t, ctx, d["P"])
			if s := d.NameEntry("S"); s != nil {
				if *s != "D" {
					t.Fatalf("label style %s, want decimal", *s)
				}
				labels[p] += strconv.Itoa(start + p - int(first))
			}
		}
	}
	return labels
}

var footerPage = regexp.MustCompile(`Page (\d+) of (\d+)`)

// checkPageLabels: the label of every page is what its footer prints, so
// that a viewer's page box agrees with the page; the cover, which prints
// no number, is "Cover".
func checkPageLabels(t *testing.T, ctx *model.Context) {
	t.Helper()
	labels := pageLabels(t, ctx)
	everything := geometry{h: 10000, bottom: -10000}
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		content, err := ctx.PageContent(d, p)
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, s := range bodyText(content, everything) {
			text.WriteString(decodeUTF16(s))
		}
		m := footerPage.FindStringSubmatch(text.String())
		want := "Cover"
		if m != nil {
			want = m[1]
			if m[2] != strconv.Itoa(ctx.PageCount-1) {
				t.Errorf("page %d says it is of %s pages, the file has %d after the cover", p, m[2], ctx.PageCount-1)
			}
		} else if p > 1 {
			t.Errorf("page %d has no page number in its footer", p)
		}
		if labels[p-1] != want {
			t.Errorf("page %d: label %q, footer %q", p, labels[p-1], want)
		}
	}
}

// decodeUTF16 reads a string as gofpdf writes it: UTF-16BE, all of it in
// the Basic Multilingual Plane (see safetext.go).
func decodeUTF16(s string) string {
	var b strings.Builder
	for i := 0; i+1 < len(s); i += 2 {
		b.WriteRune(rune(s[i])<<8 | rune(s[i+1]))
	}
	return b.String()
}

// checkICC reads an ICC profile's header and tag table: what a colour
// management module needs before it uses one, "" when sound.
func checkICC(p []byte) string {
	be := binary.BigEndian
	switch {
	case len(p) < 132:
		return "shorter than a header"
	case int(be.Uint32(p)) != len(p):
		return "size field differs from the size"
	case string(p[36:40]) != "acsp":
		return "no acsp signature"
	case p[8] != 2 && p[8] != 4:
		return "neither version 2 nor 4"
	case string(p[12:16]) != "mntr" && string(p[12:16]) != "prtr":
		return "not a display or output profile"
	case string(p[16:20]) != "RGB ":
		return "not RGB"
	}
	n := int(be.Uint32(p[128:]))
	tags := map[string][]byte{}
	for i := 0; i < n; i++ {
		e := p[132+12*i:]
		off, size := int(be.Uint32(e[4:])), int(be.Uint32(e[8:]))
		if off%4 != 0 || off+size > len(p) || off < 132+12*n {
			return "tag " + string(e[:4]) + " outside the profile"
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if tags[sig] == nil {
			return "no " + sig + " tag"
		}
	}
	// the colorants add up to the D50 white of the connection space
	s15 := func(b []byte) float64 { return float64(int32(be.Uint32(b))) / 65536 }
	for i, white := range []float64{0.9642, 1, 0.8249} {
		sum := 0.0
		for _, c := range []string{"rXYZ", "gXYZ", "bXYZ"} {
			sum += s15(tags[c][8+4*i:])
		}
		if math.Abs(sum-white) > 0.001 {
			return "colorants do not add up to D50"
		}
	}
	return ""
}

// TestSRGBProfile: the profile is sound, and its tone curve is sRGB's:
// half the signal is about a fifth of the light.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile()
	if err := checkICC(p); err != "" {
		t.Fatal(err)
	}
	be := binary.BigEndian
	off := int(be.Uint32(p[132+12*6+4:])) // rTRC
	curve := p[off:]
	n := int(be.Uint32(curve[8:]))
	at := func(v float64) float64 {
		return float64(be.Uint16(curve[12+2*int(math.Round(v*float64(n-1))):])) / 65535
	}
	for _, c := range []struct{ in, want float64 }{{0, 0}, {0.5, 0.214}, {1, 1}} {
		if got := at(c.in); math.Abs(got-c.want) > 0.002 {
			t.Errorf("curve(%v) = %.4f, want %.3f", c.in, got, c.want)
		}
	}
}

// TestArchivalRefusesOtherFiles: the rewrite reads only what gofpdf
// writes, and says so rather than guess at anything else.
func TestArchivalRefusesOtherFiles(t *testing.T) {
	good := buildPack(t, "scope", northwind(t), Options{Now: fixedNow})
	for _, tc := range []struct {
		name string
		raw  []byte
	}{
		{"empty", nil},
		{"not a pdf", []byte("hello\nstartxref\n5\n%%EOF\n")},
		{"cut short", good[:len(good)/2]},
		{"already rewritten", good},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := archival(tc.raw, docInfo{now: fixedNow}, packLabels()); err == nil {
				t.Error("archival accepted it")
			}
		})
	}
}

// TestRunsHaveRealSpaces: words of one style print as one string with the
// spaces between them.
func TestRunsHaveRealSpaces(t *testing.T) {
	got := renderTrace(t, "Words of one style, then **bold words** and more.")
	for _, want := range []string{`"Words of one style, then "`, `"bold words "`, `"and more."`} {
		if !strings.Contains(got, want) {
			t.Errorf("trace lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\ntext "); n != 4 { // the heading and three runs
		t.Errorf("%d strings drawn, want 4:\n%s", n, got)
	}
}

// FuzzArchival rewrites arbitrary files as a pack's last step does: a file
// gofpdf did not write is refused, never a panic, and whatever is accepted
// reads back as a valid PDF.
func FuzzArchival(f *testing.F) {
	f.Add(tinyLinkedPDF(f))
	f.Add(tinyStampedPDF(f, "k"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, err := archival(raw, docInfo{title: "T", now: fixedNow}, packLabels())
		if err != nil {
			return
		}
		if _, err := parsePDF(bytes.NewReader(out)); err != nil {
			t.Errorf("the rewrite of an accepted file does not read: %v", err)
		}
	})
}

// tinyLinkedPDF is gofpdf's output with what the rewrite changes: two
// pages, an outline with children, an internal and an external link and an
// embedded font.
func tinyLinkedPDF(t testing.TB) []byte {
	t.Helper()
	fonts, err := parsedFonts()
	if err != nil {
		t.Fatal(err)
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(fixedNow)
	pdf.SetModificationDate(fixedNow)
	fonts.register(pdf, faceRegular)
	family, style := faceRegular.family()
	pdf.SetFont(family, style, 10)
	pdf.AddPage()
	pdf.Bookmark("One (first)", 0, 0)
	pdf.Bookmark("Inside", 1, 10)
	link := pdf.AddLink()
	pdf.Link(10, 10, 20, 5, link)
	pdf.LinkString(10, 20, 20, 5, "https://example.com/a)b")
	pdf.Text(10, 30, "Cover")
	pdf.AddPage()
	pdf.SetLink(link, 0, 2)
	pdf.Bookmark("Two", 0, 0)
	pdf.Text(10, 30, "Page 1 of 1")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestArchivalOfGofpdf: the rewrite of a small file with every construct
// it changes is strictly valid.
func TestArchivalOfGofpdf(t *testing.T) {
	out, err := archival(tinyLinkedPDF(t), docInfo{title: "T (1)", author: "A & B", now: fixedNow}, packLabels())
	if err != nil {
		t.Fatal(err)
	}
	ctx := readPDF(t, out)
	checkAnnotations(t, ctx)
	checkObjects(t, ctx)
	if got := pageLabels(t, ctx); strings.Join(got, ",") != "Cover,1" {
		t.Errorf("labels = %q", got)
	}
}
