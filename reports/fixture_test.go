package reports

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"smsbuilder/assets"
	"smsbuilder/data"
)

func TestMain(m *testing.M) {
	api.DisableConfigDir() // pdfcpu would otherwise write a configuration folder
	os.Exit(m.Run())
}

// fixedNow is the date every test pack is printed on.
var fixedNow = time.Date(2026, 3, 31, 9, 30, 0, 0, time.UTC)

// smallCatalogue is a few clauses of each depth, with both kinds of
// documented information.
func smallCatalogue(t testing.TB) *data.Catalogue {
	t.Helper()
	cat, err := data.NewCatalogue([]data.Clause{
		{Number: "4", Title: "Context of the organisation", Guidance: "Understand the organisation, the people with a stake in its services, and where the SMS starts and stops."},
		{Number: "4.1", Parent: "4", Title: "Understanding the organisation and its context", Guidance: "List the internal and external issues that affect the intended outcomes of the SMS."},
		{Number: "4.3", Parent: "4", Title: "Determining the scope of the service management system", Guidance: "State the services in scope and the organisation that delivers them.", Documents: []data.DocumentedInfo{{Kind: data.KindMaintain, Text: "Scope of the SMS"}}},
		{Number: "8", Title: "Operation of the service management system", Guidance: "Plan, run and control the processes that deliver the services."},
		{Number: "8.2", Parent: "8", Title: "Service portfolio", Guidance: "Manage the services as a portfolio."},
		{Number: "8.2.3", Parent: "8.2", Title: "Asset management", Guidance: "Know the assets the services depend on and keep them under control.", Documents: []data.DocumentedInfo{{Kind: data.KindMaintain, Text: "Asset register"}}},
		{Number: "9", Title: "Performance evaluation", Guidance: "Measure, audit and review the SMS."},
		{Number: "9.2", Parent: "9", Title: "Internal audit", Guidance: "Audit the SMS at planned intervals by auditors who do not audit their own work.", Documents: []data.DocumentedInfo{{Kind: data.KindMaintain, Text: "Audit programme"}, {Kind: data.KindRetain, Text: "Audit results"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func northwind(t testing.TB) Source {
	org := data.DemoOrganisation()
	org.Logo = assets.DemoLogo()
	return Source{Org: org, People: data.DemoPeople(), Catalogue: smallCatalogue(t)}
}

// realCatalogue is the embedded catalogue, or nil while it is still empty.
func realCatalogue(t testing.TB) *data.Catalogue {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatalf("embedded catalogue: %v", err)
	}
	if len(cat.Clauses()) == 0 {
		return nil
	}
	return cat
}

func buildPack(t testing.TB, id string, src Source, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Build(context.Background(), id, src, opts, &buf, nil); err != nil {
		t.Fatalf("Build(%s): %v", id, err)
	}
	return buf.Bytes()
}

// readPDF reads a PDF back with pdfcpu and validates it in strict mode.
func readPDF(t testing.TB, b []byte) *model.Context {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadContext(bytes.NewReader(b), conf)
	if err != nil {
		t.Fatalf("read pdf: %v", err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatalf("validate pdf: %v", err)
	}
	return ctx
}

// bookmarkTitles lists the outline, depth first, with the physical page of
// each entry.
func bookmarkTitles(t testing.TB, ctx *model.Context) ([]string, map[string]int) {
	t.Helper()
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	var titles []string
	pages := map[string]int{}
	var walk func([]pdfcpu.Bookmark)
	walk = func(bs []pdfcpu.Bookmark) {
		for _, b := range bs {
			titles = append(titles, b.Title)
			pages[b.Title] = b.PageFrom
			walk(b.Kids)
		}
	}
	walk(bms)
	return titles, pages
}

// pdfText extracts the text with poppler's pdftotext, skipping the test
// when it is not installed. page 0 means every page.
func pdfText(t testing.TB, b []byte, page int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-layout", "-enc", "UTF-8"}
	if page > 0 {
		args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	}
	out, err := exec.Command(bin, append(args, f, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// fontsEmbedded checks that every font descriptor carries a font file.
func fontsEmbedded(t testing.TB, ctx *model.Context) int {
	t.Helper()
	fonts := 0
	for nr, e := range ctx.XRefTable.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			if sd, ok := e.Object.(types.StreamDict); ok {
				d = sd.Dict
			} else {
				continue
			}
		}
		if tp := d.Type(); tp == nil || *tp != "FontDescriptor" {
			continue
		}
		fonts++
		if d["FontFile2"] == nil && d["FontFile"] == nil && d["FontFile3"] == nil {
			t.Errorf("font descriptor %d (%v) has no embedded font file", nr, d["FontName"])
		}
	}
	return fonts
}

// TestWriteSample writes the Northwind scope pack to $REPORTS_SAMPLE_DIR for
// a person to look at; it does nothing otherwise.
func TestWriteSample(t *testing.T) {
	dir := os.Getenv("REPORTS_SAMPLE_DIR")
	if dir == "" {
		t.Skip("set REPORTS_SAMPLE_DIR to write sample packs")
	}
	src := northwind(t)
	if cat := realCatalogue(t); cat != nil {
		src.Catalogue = cat
	}
	for name, opts := range map[string]Options{
		"scope.pdf":        {Now: fixedNow},
		"scope-draft.pdf":  {Now: fixedNow, Draft: true},
		"scope-letter.pdf": {Now: fixedNow, Paper: data.PaperLetter},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), buildPack(t, "scope", src, opts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the Markdown test document and one generated chapter
	md, err := os.ReadFile(filepath.Join("testdata", "markdown.md"))
	if err != nil {
		t.Fatal(err)
	}
	spec := benchSpec(1)
	spec.sections = append([]section{{number: "1", title: "Markdown", render: func(d *doc) error { d.markdown(string(md)); return nil }}}, spec.sections...)
	spec.sections[1].number = "2"
	env := packEnv{src: src, opts: Options{Now: fixedNow}.resolve(src.Org), date: "31 March 2026", status: workingPaper}
	f, err := os.Create(filepath.Join(dir, "markdown.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := renderPack(context.Background(), spec, env, f, func(int, int) {}); err != nil {
		t.Fatal(err)
	}
}
