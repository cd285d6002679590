package reports

import (
	"slices"
	"strings"

	"smsbuilder/data"
)

// recordActionsTable prints the actions people raised against the
// records of a register that has them, such as a nonconformity's
// corrective actions, record by record: the evidence that each was acted
// on, by whom and when.
func recordActionsTable(d *doc, rr RegisterRecords, names func(data.Field, int64) string, env packEnv) {
	reg := rr.Register
	byRecord := map[int64][]data.Task{}
	for _, t := range env.src.Tasks {
		if id, ok := data.SourceRecordID(t); ok && t.SourceKind == data.SourceAction {
			byRecord[id] = append(byRecord[id], t)
		}
	}
	owner := data.Field{Type: data.FieldPerson}
	t := table{header: []cell{{{text: strings.ToUpper(reg.One[:1]) + reg.One[1:]}}, {{text: "Action"}}, {{text: "Owner"}}, {{text: "Due"}}, {{text: "Status"}}},
		fixed: []float64{0.26, 0.42, 0.12, 0.1, 0.1}, size: sizeSmall}
	for _, r := range rr.Records {
		acts := byRecord[r.ID]
		slices.SortStableFunc(acts, func(a, b data.Task) int { // by due date, undated last
			if a.Due.IsZero() != b.Due.IsZero() {
				if a.Due.IsZero() {
					return 1
				}
				return -1
			}
			return a.Due.Compare(b.Due)
		})
		for i, a := range acts {
			head := cell{}
			if i == 0 {
				head = cell{{text: reg.Reference(r.Number), st: stBold}, {text: " " + oneLine(r.Get(reg.TitleField))}}
			}
			who := ""
			if a.OwnerID != 0 {
				who = names(owner, a.OwnerID)
			}
			due := ""
			if !a.Due.IsZero() {
				due = env.opts.DateFormat.Format(a.Due)
			}
			status := "Open"
			if a.Status == data.TaskDone {
				status = "Done"
			}
			t.rows = append(t.rows, []cell{head, {{text: oneLine(a.Title)}}, dashCell(who), dashCell(due), {{text: status}}})
		}
	}
	d.heading(2, "", reg.Actions, false)
	if len(t.rows) == 0 {
		d.paragraph("No action is recorded against any "+reg.One+" yet.", stMuted)
		return
	}
	d.table(t)
}

// effectivenessChecks prints each nonconformity's last check and the
// earlier ones that found its actions not effective.
func effectivenessChecks(d *doc, rr RegisterRecords, names func(data.Field, int64) string, env packEnv) {
	reg := rr.Register
	result, _ := reg.Field("check_result")
	person := data.Field{Type: data.FieldPerson}
	t := table{header: []cell{{{text: "Nonconformity"}}, {{text: "Last check"}}, {{text: "What it found"}}, {{text: "Earlier checks"}}},
		fixed: []float64{0.24, 0.18, 0.3, 0.28}, size: sizeSmall}
	for _, r := range rr.Records {
		if r.Get("check_result") == "" && r.Get("earlier_checks") == "" {
			continue
		}
		last := ""
		if r.Get("check_result") != "" {
			last = result.Display(r.Get("check_result"), env.opts.DateFormat, nil)
			if on, ok := r.Date("checked_on"); ok {
				last += ", " + env.opts.DateFormat.Format(on)
			}
			if ids := r.IDs("checked_by"); len(ids) > 0 {
				last += ", " + names(person, ids[0])
			}
		}
		t.rows = append(t.rows, []cell{
			{{text: reg.Reference(r.Number), st: stBold}, {text: " " + oneLine(r.Get(reg.TitleField))}},
			dashCell(last), dashCell(r.Get("check_notes")), dashCell(r.Get("earlier_checks"))})
	}
	d.heading(2, "", "Effectiveness checks", false)
	if len(t.rows) == 0 {
		d.paragraph("No effectiveness check is recorded yet.", stMuted)
		return
	}
	d.table(t)
}

// repeatedCauses prints the cause categories two or more nonconformities
// share, and the root causes that read alike under different categories:
// a cause that keeps coming back means its corrective actions did not
// reach it, which an auditor asks about first.
func repeatedCauses(d *doc, rr RegisterRecords) {
	reg := rr.Register
	groups := data.RepeatedCauses(rr.Records)
	byNumber := slices.Clone(rr.Records)
	slices.SortStableFunc(byNumber, func(a, b data.Record) int { return a.Number - b.Number })
	category, _ := reg.Field("cause_category")
	cause := func(r data.Record) string {
		c := strings.TrimSpace(r.Get("root_cause"))
		if c == "" {
			c = "not yet found"
		}
		return reg.Reference(r.Number) + ": " + oneLine(c)
	}
	var alike [][2]data.Record
	for i, r := range byNumber {
		for _, o := range data.SimilarCauses(r, byNumber[i+1:]) {
			if r.Get("cause_category") == "" || r.Get("cause_category") != o.Get("cause_category") {
				alike = append(alike, [2]data.Record{r, o})
			}
		}
	}
	d.heading(2, "", "Repeated causes", false)
	if len(groups) == 0 && len(alike) == 0 {
		d.paragraph("No cause category is shared by two or more nonconformities, and no two root causes read alike.", stMuted)
		return
	}
	if len(groups) > 0 {
		d.paragraph("Nonconformities whose root causes are of the same kind, each with the root cause it found.", stMuted)
		t := table{header: []cell{{{text: "Cause category"}}, {{text: "Nonconformities"}}, {{text: "Root causes"}}},
			fixed: []float64{0.2, 0.18, 0.62}, size: sizeSmall}
		for _, g := range groups {
			var causes []string
			for _, r := range g.Records {
				causes = append(causes, cause(r))
			}
			t.rows = append(t.rows, []cell{{{text: g.Category.Label, st: stBold}}, {{text: data.References(reg, g.Records)}},
				{{text: strings.Join(causes, "\n")}}})
		}
		d.table(t)
	}
	if len(alike) > 0 {
		d.paragraph("Root causes that read alike although they were filed under different categories, or none.", stMuted)
		t := table{header: []cell{{{text: "Nonconformities"}}, {{text: "Categories"}}, {{text: "Root causes"}}},
			fixed: []float64{0.18, 0.2, 0.62}, size: sizeSmall}
		for _, p := range alike {
			var cats []string
			for _, r := range p {
				c := category.Display(r.Get("cause_category"), "", nil)
				if c == "" {
					c = "none"
				}
				cats = append(cats, reg.Reference(r.Number)+": "+c)
			}
			t.rows = append(t.rows, []cell{{{text: data.References(reg, p[:]), st: stBold}}, {{text: strings.Join(cats, "\n")}},
				{{text: cause(p[0]) + "\n" + cause(p[1])}}})
		}
		d.table(t)
	}
}

// improvementEvaluations prints each improvement beside the latest results
// of the objectives it serves, so that its evaluation can be read against
// the numbers.
func improvementEvaluations(d *doc, rr RegisterRecords, env packEnv) {
	var objectives, measurements []data.Record
	for _, o := range env.src.Registers {
		switch o.Register.Key {
		case data.ObjectivesRegister:
			objectives = o.Records
		case data.MeasurementsRegister:
			measurements = o.Records
		}
	}
	objReg, _ := data.FindRegister(data.ObjectivesRegister)
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
			lines = append(lines, data.EvaluationLine(objReg, tr, r, env.opts.DateFormat))
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
