package reports

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const (
	gapTitle     = "Gap assessment report"
	gapDocNumber = "SMS-PK-02"
)

// noAssessment is what the gap report says when there is nothing to report on.
func noAssessment() error {
	return data.Errorf(data.EInvalid, "There is no gap assessment to report on yet; start one on the Gap assessment screen.")
}

// gapReport is one assessment with everything the report prints about it.
type gapReport struct {
	env     packEnv
	cat     *data.Catalogue
	cur     data.Assessment
	answers map[string]data.Answer
	scores  data.Scores
	// prev is the assessment before cur, nil when cur is the first.
	prev        *data.Assessment
	prevAnswers map[string]data.Answer
	prevScores  data.Scores
}

// gapPack is "Gap assessment report" on the assessment Options choose (the
// latest by default), compared with the one before it.
func gapPack(env packEnv) (*packSpec, error) {
	r, err := newGapReport(env)
	if err != nil {
		return nil, err
	}
	people := append([]data.Person(nil), env.src.People...)
	data.SortPeople(people)

	subtitle := r.cur.Title + ", " + r.date(r.cur) + ": maturity against clauses 4 to 10 of ISO/IEC 20000-1:2018 and the gaps to close first"
	if r.prev != nil {
		subtitle += ", with the change since the previous assessment"
	}
	spec := &packSpec{
		title:     gapTitle,
		subtitle:  subtitle,
		docNumber: gapDocNumber,
		version:   "1.0",
	}
	spec.control = []ControlRow{{
		Number:   gapDocNumber,
		Title:    gapTitle + ": " + r.cur.Title,
		Version:  spec.version,
		Status:   env.status,
		Date:     env.date,
		Owner:    namesWithRole(people, data.RoleSMSOwner),
		Approver: namesWithRole(people, data.RoleTopManagement),
	}}
	spec.sections = append(spec.sections, section{title: "Summary", render: r.summary})
	for _, cl := range r.cat.Children("") {
		spec.sections = append(spec.sections, section{number: cl.Number, title: cl.Title, render: func(d *doc) error {
			r.clause(d, cl)
			return nil
		}})
	}
	spec.sections = append(spec.sections, section{title: "Gaps to close, lowest score first", render: r.gaps})
	if r.prev != nil {
		spec.sections = append(spec.sections, section{title: "Comparison with the previous assessment", render: r.comparison})
	}
	return spec, nil
}

// newGapReport picks the assessment and the one before it, reads their
// answers and scores them.
func newGapReport(env packEnv) (*gapReport, error) {
	src := env.src
	if len(src.Assessments) == 0 {
		return nil, noAssessment()
	}
	if src.Catalogue == nil || len(src.Catalogue.Questions()) == 0 {
		return nil, data.Errorf(data.EContent, "The gap assessment questions are not available in this copy of SMS Builder.")
	}
	i := 0
	if id := env.opts.AssessmentID; id != 0 {
		i = -1
		for j, a := range src.Assessments {
			if a.ID == id {
				i = j
			}
		}
		if i < 0 {
			return nil, data.Errorf(data.ENotFound, "There is no gap assessment with ID %d; the workspace has %s.", id, listAssessments(src.Assessments, env))
		}
	}
	ctx := env.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	r := &gapReport{env: env, cat: src.Catalogue, cur: src.Assessments[i]}
	var err error
	if r.answers, err = src.answersOf(ctx, r.cur.ID); err != nil {
		return nil, err
	}
	r.scores = data.Score(r.cat, r.answers)
	if i+1 < len(src.Assessments) {
		prev := src.Assessments[i+1]
		r.prev = &prev
		if r.prevAnswers, err = src.answersOf(ctx, prev.ID); err != nil {
			return nil, err
		}
		r.prevScores = data.Score(r.cat, r.prevAnswers)
	}
	return r, nil
}

// listAssessments names the assessments for a message: "2 (Progress review,
// 19 March 2026) and 1 (Baseline, 28 November 2025)".
func listAssessments(as []data.Assessment, env packEnv) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = fmt.Sprintf("%d (%s, %s)", a.ID, a.Title, env.opts.DateFormat.Format(a.Date))
	}
	if len(parts) == 1 {
		return "only " + parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func (r *gapReport) date(a data.Assessment) string {
	return a.Unreadable.Or("Date", r.env.opts.DateFormat.Format(a.Date))
}

// percentText prints a percentage as the GUI does, "62 %", with a space
// that never breaks; a negative value is "not scored".
func percentText(p float64) string {
	if p < 0 {
		return "not scored"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "\u00A0%"
}

// changeText prints the change between two percentages in points.
func changeText(before, after float64) string {
	if before < 0 || after < 0 {
		return "\u2013"
	}
	d := roundPoints(after) - roundPoints(before)
	switch {
	case d == 0:
		return "no change"
	case d > 0:
		return "+" + strconv.Itoa(d) + " points"
	}
	return "\u2212" + strconv.Itoa(-d) + " points"
}

// roundPoints rounds a percentage as percentText prints it, so that the
// change agrees with the two figures beside it.
func roundPoints(p float64) int {
	n, _ := strconv.Atoi(strconv.FormatFloat(p, 'f', 0, 64))
	return n
}

func topOf(clause string) string {
	top, _, _ := strings.Cut(clause, ".")
	return top
}

// answeredText is "139 of 139, 1 of them not applicable".
func answeredText(s data.ClauseScore) string {
	t := fmt.Sprintf("%d of %d", s.Answered, s.Questions)
	var extra []string
	if na := s.Answered - s.Applicable; na > 0 {
		extra = append(extra, fmt.Sprintf("%d not applicable", na))
	}
	if open := s.Questions - s.Answered; open > 0 {
		extra = append(extra, fmt.Sprintf("%d not yet answered", open))
	}
	if len(extra) > 0 {
		t += " (" + strings.Join(extra, ", ") + ")"
	}
	return t
}

// maturityScale explains the scale in our own words.
var maturityScale = [][2]string{
	{data.MaturityLabel(data.MaturityNone), "Nothing is done or recorded for this requirement yet."},
	{data.MaturityLabel(data.MaturityInitial), "Something is done, but informally: it depends on who is on shift and leaves few records."},
	{data.MaturityLabel(data.MaturityPartly), "A defined way of working exists for some services, sites or teams, or records are patchy."},
	{data.MaturityLabel(data.MaturityMostly), "Defined, followed and recorded almost everywhere; small gaps remain."},
	{data.MaturityLabel(data.MaturityFully), "Meets the requirement for every service in scope, and the records prove it."},
	{data.MaturityLabel(data.MaturityNA), "The requirement does not apply; the reason is recorded with the answer. It does not count towards the score."},
}

func (r *gapReport) summary(d *doc) error {
	org := firstNonEmpty(r.env.src.Org.Name(), d.meta.org, "the organisation")
	d.flow([]span{
		{text: "This report sets out the results of the gap assessment "},
		{text: r.cur.Title, st: stBold},
		{text: " of " + org + ": how far its present practice meets each requirement area of ISO/IEC 20000-1:2018, clause by clause, and which gaps to close first. " +
			"Each question was answered on a maturity scale from 0 (nothing in place) to 4 (fully in place). " +
			"A score is the sum of the answers as a percentage of the most they could reach, leaving out questions that do not apply or have not been answered."},
	}, paraStyle{size: sizeBody})
	d.gap(gapParagraph)

	overall := r.scores.Overall
	score := percentText(overall.Percent()) + " of the maximum"
	if overall.Percent() < 0 {
		score = "Not scored yet: no applicable question has been answered"
	}
	rows := [][2]string{
		{"Assessment", r.cur.Title},
		{"Date", r.date(r.cur)},
		{"Assessor", r.cur.Assessor},
		{"Questions answered", answeredText(overall)},
		{"Overall score", score},
	}
	if r.prev != nil {
		rows = append(rows, [2]string{"Previous assessment", fmt.Sprintf("%s, %s: %s (%s)",
			r.prev.Title, r.date(*r.prev), percentText(r.prevScores.Overall.Percent()),
			changeText(r.prevScores.Overall.Percent(), overall.Percent()))})
	}
	d.keyValues(rows)

	d.heading(1, "", "Scores at a glance", true)
	d.chart(r.clauseChart())

	t := table{
		header: []cell{{{text: "Clause"}}, {{text: "Title"}}, {{text: "Questions answered"}}, {{text: "Score"}}},
		align:  []byte{'L', 'L', 'L', 'R'},
		fixed:  []float64{0.1, 0.47, 0.28, 0.15},
	}
	for _, cs := range r.scores.ByTop {
		title := cs.Clause
		if cl, ok := r.cat.Clause(cs.Clause); ok {
			title = cl.Title
		}
		t.rows = append(t.rows, []cell{{{text: cs.Clause, st: stBold}}, {{text: title}}, {{text: answeredText(cs)}}, scoreCell(cs.Percent())})
	}
	t.rows = append(t.rows, []cell{{{text: "All", st: stBold}}, {{text: "Clauses 4 to 10", st: stBold}},
		{{text: answeredText(overall), st: stBold}}, {{text: percentText(overall.Percent()), st: stBold}}})
	// the heading, its gap and the table stay on one page
	d.keepTogether(7 + ptToMM(headingSize(1))*1.22 + 2.2 + d.tableHeight(t))
	d.heading(1, "", "Scores by clause", true)
	d.table(t)
	d.gap(gapBlock)

	d.heading(1, "", "The maturity scale", true)
	d.keyValues(maturityScale)
	return nil
}

func scoreCell(p float64) cell {
	if p < 0 {
		return cell{{text: "not scored", st: stMuted | stItalic}}
	}
	return cell{{text: percentText(p)}}
}

// clauseChart is one bar per top-level clause, with the previous
// assessment's as a second, lighter bar.
func (r *gapReport) clauseChart() barChart {
	c := barChart{grid: true, series: []barSeries{{label: r.cur.Title + ", " + r.date(r.cur), fill: colAccent, text: colText}}}
	before := map[string]float64{}
	if r.prev != nil {
		c.series = append(c.series, barSeries{label: r.prev.Title + ", " + r.date(*r.prev), fill: colAccentSoft, text: colMuted})
		for _, cs := range r.prevScores.ByTop {
			before[cs.Clause] = cs.Percent()
		}
	} else {
		c.series[0].label = "" // one series needs no legend
	}
	for _, cs := range r.scores.ByTop {
		title := ""
		if cl, ok := r.cat.Clause(cs.Clause); ok {
			title = cl.Title
		}
		row := barRow{number: cs.Clause, title: title, values: []float64{cs.Percent() / 100}, texts: []string{percentText(cs.Percent())}}
		if r.prev != nil {
			b, ok := before[cs.Clause]
			if !ok {
				b = -1
			}
			row.values = append(row.values, b/100)
			row.texts = append(row.texts, percentText(b))
		}
		c.rows = append(c.rows, row)
	}
	return c
}

// clause prints one top-level clause: its score and a table of its
// questions with their answers.
func (r *gapReport) clause(d *doc, cl data.Clause) {
	if g := strings.TrimSpace(cl.Guidance); g != "" {
		d.flow(plainSpans(g, 0), paraStyle{size: sizeSmall, colour: colMuted})
		d.gap(gapParagraph)
	}
	var cs data.ClauseScore
	for _, s := range r.scores.ByTop {
		if s.Clause == cl.Number {
			cs = s
		}
	}
	spans := []span{{text: "Score "}, {text: percentText(cs.Percent()), st: stBold}}
	if r.prev != nil {
		for _, s := range r.prevScores.ByTop {
			if s.Clause == cl.Number {
				spans = append(spans, span{text: " (previous assessment " + percentText(s.Percent()) + ", " + changeText(s.Percent(), cs.Percent()) + ")"})
			}
		}
	}
	spans = append(spans, span{text: ". Questions answered: " + answeredText(cs) + "."})
	d.flow(spans, paraStyle{size: sizeBody})
	d.gap(gapBlock)

	const size = 8.3
	var questions []data.Question
	for _, q := range r.cat.Questions() {
		if topOf(q.Clause) == cl.Number {
			questions = append(questions, q)
		}
	}
	if len(questions) == 0 {
		d.paragraph("The assessment has no questions for this clause.", stMuted|stItalic)
		return
	}
	t := table{
		header: []cell{{{text: "ID"}}, {{text: "Question"}}, {{text: "Answer"}}, {{text: "Notes"}}, {{text: "Evidence"}}},
		size:   size,
	}
	for _, q := range questions {
		a, ok := r.answers[q.ID]
		answer := cell{{text: data.MaturityLabel(data.MaturityUnanswered), st: stMuted | stItalic}}
		notes, evidence := dashCell(""), dashCell("")
		if ok {
			answer = cell{{text: data.MaturityLabel(a.Score)}}
			if a.Unreadable.Has("Score") {
				answer = unreadableCell()
			}
			notes, evidence = dashCell(a.Notes), dashCell(a.Evidence)
			if a.Score == data.MaturityNA {
				notes = cell{{text: "Reason: ", st: stItalic}, {text: strings.TrimSpace(a.NAReason)}}
				if n := strings.TrimSpace(a.Notes); n != "" {
					notes = append(notes, span{text: "\n" + n})
				}
			}
		}
		t.rows = append(t.rows, []cell{{{text: q.ID, st: stMuted}}, {{text: q.Text}}, answer, notes, evidence})
	}
	t.fixed = r.answerColumns(d, t)
	d.table(t)
}

// answerColumns shares the width of a table of answers: the ID and the
// answer as wide as their longest entry, so that they never wrap; notes and
// evidence too when the clause has none; the question gets the rest.
func (r *gapReport) answerColumns(d *doc, t table) []float64 {
	weights := []float64{0, 3, 0, 1.3, 1.1}
	for _, c := range []int{3, 4} {
		empty := true
		for _, row := range t.rows {
			if cl := t.cellAt(row, c); len(cl) != 1 || cl[0].text != "\u2013" {
				empty = false
			}
		}
		if empty {
			weights[c] = 0
		}
	}
	return d.fitColumns(t, weights, 0.17)
}

// dashCell is a value, or a grey dash where there is none: the tables of
// answers would otherwise repeat "Not yet recorded" on every row.
func dashCell(v string) cell {
	if strings.TrimSpace(v) == "" {
		return cell{{text: "\u2013", st: stMuted}}
	}
	return cell{{text: strings.TrimSpace(v)}}
}

func (r *gapReport) gaps(d *doc) error {
	gaps := data.Gaps(r.cat, r.answers)
	if len(gaps) == 0 {
		d.paragraph("There are no gaps: every applicable question answered scores 4, fully in place.", 0)
		return nil
	}
	counts := map[int]int{}
	for _, g := range gaps {
		counts[g.Answer.Score]++
	}
	var parts []string
	for s := data.MaturityNone; s < data.MaturityFully; s++ {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d at %s", n, strings.ToLower(data.MaturityLabel(s))))
		}
	}
	d.paragraph(fmt.Sprintf("%d answered questions score below 4, fully in place: %s. "+
		"They are listed lowest score first and, within a score, in the order of the standard, so that the top of the list is where the SMS is weakest. "+
		"Questions that do not apply or have not been answered are left out.", len(gaps), strings.Join(parts, ", ")), 0)
	t := table{
		header: []cell{{{text: "No."}}, {{text: "Clause"}}, {{text: "Question"}}, {{text: "Score"}}},
		align:  []byte{'R', 'L', 'L', 'L'},
		fixed:  []float64{0.07, 0.11, 0.62, 0.20},
		size:   8.5,
	}
	for i, g := range gaps {
		t.rows = append(t.rows, []cell{{{text: strconv.Itoa(i + 1), st: stMuted}}, {{text: g.Question.Clause, st: stBold}},
			{{text: g.Question.Text}}, {{text: data.MaturityLabel(g.Answer.Score)}}})
	}
	d.table(t)
	return nil
}

func (r *gapReport) comparison(d *doc) error {
	d.flow([]span{
		{text: "This section compares "},
		{text: r.cur.Title, st: stBold},
		{text: " of " + r.date(r.cur) + " with the assessment before it, "},
		{text: r.prev.Title, st: stBold},
		{text: " of " + r.date(*r.prev) + ". The change is in percentage points of the maximum score."},
	}, paraStyle{size: sizeBody})
	d.gap(gapParagraph)
	t := table{
		header: []cell{{{text: "Clause"}}, {{text: "Title"}}, {{text: "Before"}}, {{text: "After"}}, {{text: "Change"}}},
		align:  []byte{'L', 'L', 'R', 'R', 'R'},
		fixed:  []float64{0.1, 0.45, 0.13, 0.13, 0.19},
	}
	for _, c := range data.Compare(r.prevScores, r.scores) {
		title := c.Clause
		if cl, ok := r.cat.Clause(c.Clause); ok {
			title = cl.Title
		}
		t.rows = append(t.rows, []cell{{{text: c.Clause, st: stBold}}, {{text: title}}, scoreCell(c.Before), scoreCell(c.After), changeCell(c.Before, c.After, 0)})
	}
	b, a := r.prevScores.Overall.Percent(), r.scores.Overall.Percent()
	t.rows = append(t.rows, []cell{{{text: "All", st: stBold}}, {{text: "Clauses 4 to 10", st: stBold}},
		{{text: percentText(b), st: stBold}}, {{text: percentText(a), st: stBold}}, changeCell(b, a, stBold)})
	d.table(t)
	d.gap(gapBlock)

	better, worse, same, compared := 0, 0, 0, 0
	for _, q := range r.cat.Questions() {
		x, okX := r.prevAnswers[q.ID]
		y, okY := r.answers[q.ID]
		if !okX || !okY || x.Score == data.MaturityNA || y.Score == data.MaturityNA {
			continue
		}
		compared++
		switch {
		case y.Score > x.Score:
			better++
		case y.Score < x.Score:
			worse++
		default:
			same++
		}
	}
	if compared > 0 {
		d.heading(1, "", "Question by question", true)
		d.paragraph(fmt.Sprintf("Of the %d questions answered and applicable in both assessments, %d scored higher, %d scored lower and %d stayed the same.",
			compared, better, worse, same), 0)
	}
	return nil
}

func changeCell(before, after float64, st style) cell {
	t := changeText(before, after)
	if t == "\u2013" || t == "no change" {
		st |= stMuted
	}
	return cell{{text: t, st: st}}
}
