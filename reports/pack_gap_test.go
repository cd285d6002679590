package reports

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// demoWorkspace is a real workspace file seeded with the demo organisation,
// its roadmap in progress and two gap assessments, dated fixedNow. With
// seed false it holds only the organisation and its people.
func demoWorkspace(t testing.TB, seed bool) (data.Workspace, *data.Catalogue) {
	t.Helper()
	ctx := context.Background()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if seed {
		err = data.SeedDemo(ctx, ws, cat, assets.DemoLogo(), fixedNow)
	} else {
		err = data.SeedDemoOrganisation(ctx, ws, assets.DemoLogo())
	}
	if err != nil {
		t.Fatal(err)
	}
	return ws, cat
}

func demoSource(t testing.TB, seed bool) (Source, data.Workspace, *data.Catalogue) {
	t.Helper()
	ws, cat := demoWorkspace(t, seed)
	src, err := LoadSource(context.Background(), ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	return src, ws, cat
}

func TestLoadSourceReadsTheWorkspace(t *testing.T) {
	src, _, cat := demoSource(t, true)
	if got, want := len(src.Progress), len(cat.Steps()); got != want {
		t.Errorf("step progress = %d steps, want %d", got, want)
	}
	if src.Plan.TargetDate.IsZero() {
		t.Error("the plan's target date was not read")
	}
	if len(src.Tasks) == 0 {
		t.Error("no tasks read")
	}
	if got, want := len(src.Assessments), 2; got != want {
		t.Fatalf("assessments = %d, want %d", got, want)
	}
	if newer, older := src.Assessments[0], src.Assessments[1]; !newer.Date.After(older.Date) {
		t.Errorf("assessments not newest first: %s then %s", newer.Date, older.Date)
	}
	for _, a := range src.Assessments {
		if got, want := len(src.Answers[a.ID]), len(cat.Questions()); got != want {
			t.Errorf("assessment %d: %d answers read, want %d", a.ID, got, want)
		}
	}
}

// buildGap builds the gap report and returns its bytes and outline.
func buildGap(t *testing.T, src Source, opts Options) ([]byte, []string) {
	t.Helper()
	b := buildPack(t, "gap", src, opts)
	titles, _ := bookmarkTitles(t, readPDF(t, b))
	return b, titles
}

func TestGapPack(t *testing.T) {
	src, ws, cat := demoSource(t, true)
	latest, older := src.Assessments[0], src.Assessments[1]
	cases := []struct {
		name           string
		assessmentID   int64
		want           data.Assessment
		wantComparison bool
	}{
		{"latest by default", 0, latest, true},
		{"latest by ID", latest.ID, latest, true},
		{"the older one", older.ID, older, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, titles := buildGap(t, src, Options{Now: fixedNow, AssessmentID: tc.assessmentID})
			for _, want := range []string{
				"Document control", "Contents", "Summary", "Scores at a glance", "Scores by clause",
				"The maturity scale", "4 Context of the organi", "8 Operation of the service management system",
				"10 Improvement", "Gaps to close, lowest score first",
			} {
				if !hasPrefix(titles, want) {
					t.Errorf("bookmarks lack %q; got %q", want, titles)
				}
			}
			if got := hasPrefix(titles, "Comparison with the previous assessment"); got != tc.wantComparison {
				t.Errorf("comparison bookmark = %v, want %v", got, tc.wantComparison)
			}
			qpdfCheck(t, b)
			pdffontsEmbedded(t, b)

			answers, err := ws.Answers(context.Background(), tc.want.ID)
			if err != nil {
				t.Fatal(err)
			}
			overall := strconv.FormatFloat(data.Score(cat, answers).Overall.Percent(), 'f', 0, 64) + " %"
			text := flat(pdfText(t, b, 0))
			wants := []string{tc.want.Title, "Daniel Okafor", "Overall score " + overall + " of the maximum", "SMS-PK-02", gapTitle}
			for _, cl := range cat.Children("") {
				wants = append(wants, cl.Number+" "+cl.Title)
			}
			for _, want := range wants {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			if got := strings.Contains(text, "Comparison with the previous assessment"); got != tc.wantComparison {
				t.Errorf("comparison printed = %v, want %v", got, tc.wantComparison)
			}
			// the first gap, lowest score first, is printed
			if gaps := data.Gaps(cat, answers); len(gaps) > 0 && !strings.Contains(text, gaps[0].Question.Text[:40]) {
				t.Errorf("text lacks the first gap %q", gaps[0].Question.Text)
			}
		})
	}
}

func TestGapPackErrors(t *testing.T) {
	withAssessments, _, _ := demoSource(t, true)
	without, _, _ := demoSource(t, false)
	noCatalogue := withAssessments
	noCatalogue.Catalogue = nil
	cases := []struct {
		name     string
		src      Source
		id       int64
		wantCode string
		wantMsg  string
	}{
		{"no assessment", without, 0, data.EInvalid, "There is no gap assessment to report on yet; start one on the Gap assessment screen."},
		{"no assessment, an ID asked for", without, 7, data.EInvalid, "There is no gap assessment to report on yet; start one on the Gap assessment screen."},
		{"unknown ID", withAssessments, 999, data.ENotFound, "There is no gap assessment with ID 999"},
		{"no catalogue", noCatalogue, 0, data.EContent, "The gap assessment questions are not available"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Build(context.Background(), "gap", tc.src, Options{Now: fixedNow, AssessmentID: tc.id}, &buf, nil)
			var de *data.Error
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a *data.Error", err)
			}
			if got, want := de.Code, tc.wantCode; got != want {
				t.Errorf("code = %q, want %q", got, want)
			}
			if got, want := data.ErrorMessage(err), tc.wantMsg; !strings.HasPrefix(got, want) {
				t.Errorf("message = %q, want it to start %q", got, want)
			}
			if buf.Len() != 0 {
				t.Errorf("a refused pack wrote %d bytes", buf.Len())
			}
		})
	}
}

// TestGapPackReadsOlderAnswers: a source that holds only the latest two
// assessments' answers still prints an older one, read through the workspace.
func TestGapPackReadsOlderAnswers(t *testing.T) {
	ctx := context.Background()
	ws, cat := demoWorkspace(t, true)
	third, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Early look", Date: fixedNow.AddDate(-1, 0, 0), Assessor: "Daniel Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	q := cat.Questions()[0]
	if _, err := ws.SaveAnswer(ctx, data.Answer{AssessmentID: third.ID, QuestionID: q.ID, Score: data.MaturityInitial}); err != nil {
		t.Fatal(err)
	}
	src, err := LoadSource(ctx, ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := src.Answers[third.ID]; ok {
		t.Fatal("LoadSource read the answers of an assessment two back; want only the latest two")
	}
	b, titles := buildGap(t, src, Options{Now: fixedNow, AssessmentID: src.Assessments[1].ID})
	if !hasPrefix(titles, "Comparison with the previous assessment") {
		t.Error("the second assessment is not compared with the early look")
	}
	text := flat(pdfText(t, b, 0))
	if !strings.Contains(text, "Early look") {
		t.Error("text does not name the early look")
	}
}

func TestRoadmapPack(t *testing.T) {
	seeded, _, cat := demoSource(t, true)
	empty, _, _ := demoSource(t, false)
	bare := Source{Org: data.DefaultOrganisation(), Catalogue: cat}
	cases := []struct {
		name       string
		src        Source
		wantTarget bool
		want       string
	}{
		{"demo roadmap in progress", seeded, true, "the steps Northwind takes"},
		{"nothing planned yet", empty, false, "the steps Northwind takes"},
		{"no organisation, no workspace", bare, false, "the steps the organisation takes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := buildPack(t, "roadmap", tc.src, Options{Now: fixedNow})
			ctx := readPDF(t, b)
			titles, _ := bookmarkTitles(t, ctx)
			for _, want := range []string{"Summary", "Progress by phase", "Open steps by due date", "Phase 1 Prepare", "Phase 5 Certify",
				"Step 1 Secure sponsorship and appoint the SMS owner", "Step 20 Pass stage 2 and keep the certificate"} {
				if !hasPrefix(titles, want) {
					t.Errorf("bookmarks lack %q; got %q", want, titles)
				}
			}
			qpdfCheck(t, b)

			text := flat(pdfText(t, b, 0))
			wants := []string{roadmapTitle, "SMS-PK-03", "Certification target", tc.want}
			for _, s := range cat.Steps() {
				wants = append(wants, s.Title)
			}
			for _, ph := range cat.Phases() {
				wants = append(wants, ph.Title)
			}
			if tc.wantTarget {
				_, all := data.SummariseRoadmap(cat, tc.src.Progress)
				target := tc.src.Org.DateFormat.Format(tc.src.Plan.TargetDate)
				wants = append(wants, target, "Steps done "+strconv.Itoa(all.Done)+" of "+strconv.Itoa(all.Total),
					"Daniel Okafor", "overdue")
			} else {
				wants = append(wants, "Not yet set", "Not assigned", "Not planned")
			}
			for _, want := range wants {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
		})
	}
}

// TestNewPacksDeterministic: two workspaces seeded alike give the same
// bytes for the same Now.
func TestNewPacksDeterministic(t *testing.T) {
	a, _, _ := demoSource(t, true)
	b, _, _ := demoSource(t, true)
	// Their audit trails hold the times the entries were written, so their
	// heads differ; the pages must not.
	b.AuditHead = a.AuditHead
	for _, id := range []string{"gap", "roadmap"} {
		for _, compress := range []bool{false, true} {
			opts := Options{Now: fixedNow, Uncompressed: !compress}
			if got, want := buildPack(t, id, a, opts), buildPack(t, id, b, opts); !bytes.Equal(got, want) {
				t.Errorf("%s, compress=%v: two builds with the same Now differ", id, compress)
			}
		}
	}
}

// TestWriteGapSamples writes the demo's gap report and roadmap to
// $REPORTS_SAMPLE_DIR for a person to look at; it does nothing otherwise.
func TestWriteGapSamples(t *testing.T) {
	dir := os.Getenv("REPORTS_SAMPLE_DIR")
	if dir == "" {
		t.Skip("set REPORTS_SAMPLE_DIR to write sample packs")
	}
	src, _, _ := demoSource(t, true)
	for name, tc := range map[string]struct {
		id   string
		opts Options
	}{
		"gap.pdf":            {"gap", Options{Now: fixedNow}},
		"gap-baseline.pdf":   {"gap", Options{Now: fixedNow, AssessmentID: src.Assessments[1].ID}},
		"gap-letter.pdf":     {"gap", Options{Now: fixedNow, Paper: data.PaperLetter}},
		"roadmap.pdf":        {"roadmap", Options{Now: fixedNow}},
		"roadmap-letter.pdf": {"roadmap", Options{Now: fixedNow, Paper: data.PaperLetter, Draft: true}},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), buildPack(t, tc.id, src, tc.opts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkGapPack builds the demo's gap report, compressed as the GUI does.
func BenchmarkGapPack(b *testing.B) { benchmarkDemoPack(b, "gap") }

// BenchmarkRoadmapPack builds the demo's roadmap.
func BenchmarkRoadmapPack(b *testing.B) { benchmarkDemoPack(b, "roadmap") }

func benchmarkDemoPack(b *testing.B, id string) {
	src, _, _ := demoSource(b, true)
	opts := Options{Now: fixedNow}
	pages := readPDF(b, buildPack(b, id, src, opts)).PageCount
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := Build(context.Background(), id, src, opts, &buf, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
