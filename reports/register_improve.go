package reports

import (
	"strings"

	"smsbuilder/data"
)

// repeatedCauses prints the cause categories two or more nonconformities
// share: a cause that keeps coming back means its corrective actions did
// not reach it, which an auditor asks about first.
func repeatedCauses(d *doc, rr RegisterRecords) {
	groups := data.RepeatedCauses(rr.Records)
	d.heading(2, "", "Repeated causes", false)
	if len(groups) == 0 {
		d.paragraph("No cause category is shared by two or more nonconformities.", stMuted)
		return
	}
	d.paragraph("Nonconformities whose root causes are of the same kind, each with the root cause it found.", stMuted)
	t := table{header: []cell{{{text: "Cause category"}}, {{text: "Nonconformities"}}, {{text: "Root causes"}}},
		fixed: []float64{0.2, 0.18, 0.62}, size: sizeSmall}
	for _, g := range groups {
		var causes []string
		for _, r := range g.Records {
			cause := strings.TrimSpace(r.Get("root_cause"))
			if cause == "" {
				cause = "not yet found"
			}
			causes = append(causes, rr.Register.Reference(r.Number)+": "+oneLine(cause))
		}
		t.rows = append(t.rows, []cell{{{text: g.Category.Label, st: stBold}}, {{text: data.References(rr.Register, g.Records)}},
			{{text: strings.Join(causes, "\n")}}})
	}
	d.table(t)
}

// improvementEvaluations prints each improvement beside the latest results
// of the objectives it serves, so that its evaluation can be read against
// the numbers.
func improvementEvaluations(d *doc, rr RegisterRecords, env packEnv) {
	var objectives, measurements []data.Record
	for _, o := range env.src.Registers {
		switch o.Register.Key {
		case "objectives":
			objectives = o.Records
		case "measurements":
			measurements = o.Records
		}
	}
	objReg, _ := data.FindRegister("objectives")
	trends := data.ObjectiveTrends(objectives, measurements)
	status, _ := rr.Register.Field("status")
	result, _ := rr.Register.Field("result")
	t := table{header: []cell{{{text: "Improvement"}}, {{text: "Status and result"}}, {{text: "Objectives served, latest result against target"}}},
		fixed: []float64{0.28, 0.16, 0.56}, size: sizeSmall}
	for _, r := range rr.Records {
		if len(r.IDs("objectives")) == 0 {
			continue
		}
		var lines []string
		for _, tr := range data.ImprovementEvaluation(r, trends) {
			lines = append(lines, data.TrendSummary(objReg, tr, env.opts.DateFormat))
		}
		if len(lines) == 0 {
			lines = []string{"Its objectives have no measurements yet."}
		}
		state := status.Display(r.Get("status"), env.opts.DateFormat, nil)
		if res := result.Display(r.Get("result"), env.opts.DateFormat, nil); res != "" {
			state += "; " + strings.ToLower(res)
		}
		t.rows = append(t.rows, []cell{
			{{text: rr.Register.Reference(r.Number), st: stBold}, {text: " " + r.Get(rr.Register.TitleField)}},
			{{text: state}}, {{text: strings.Join(lines, "\n")}}})
	}
	d.heading(2, "", "Improvements against their objectives", false)
	if len(t.rows) == 0 {
		d.paragraph("No improvement names the objectives it serves yet.", stMuted)
		return
	}
	d.table(t)
}
