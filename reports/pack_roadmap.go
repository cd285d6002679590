package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"smsbuilder/data"
)

const (
	roadmapTitle     = "Implementation roadmap"
	roadmapDocNumber = "SMS-PK-03"
)

// roadmapPlan is the roadmap with the organisation's progress on it.
type roadmapPlan struct {
	env      packEnv
	cat      *data.Catalogue
	steps    []data.Step
	number   map[string]int // step id → its number on the roadmap, from 1
	progress map[string]data.StepProgress
	names    map[int64]string // person id → name
	tasks    map[string]data.Task
	today    time.Time // the calendar day the plan is printed, as due dates are stored
}

// roadmapPack is "Implementation roadmap": where the organisation stands on
// the way to certification and, phase by phase, who does what by when.
func roadmapPack(env packEnv) (*packSpec, error) {
	cat := env.src.Catalogue
	if cat == nil || len(cat.Steps()) == 0 {
		return nil, data.Errorf(data.EContent, "The roadmap is not available in this copy of SMS Builder.")
	}
	people := append([]data.Person(nil), env.src.People...)
	data.SortPeople(people)
	y, m, d := env.opts.Now.Date()
	p := &roadmapPlan{
		env: env, cat: cat, steps: cat.Steps(), number: map[string]int{},
		progress: env.src.Progress, names: map[int64]string{}, tasks: map[string]data.Task{},
		today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
	}
	if p.progress == nil {
		p.progress = map[string]data.StepProgress{}
	}
	for i, s := range p.steps {
		p.number[s.ID] = i + 1
	}
	for _, person := range people {
		p.names[person.ID] = person.Name
	}
	for _, t := range env.src.Tasks {
		if t.SourceKind == data.SourceStep {
			p.tasks[t.SourceRef] = t
		}
	}

	spec := &packSpec{
		title:     roadmapTitle,
		subtitle:  "The steps from sponsorship to an ISO/IEC 20000-1:2018 certificate: who owns each one, when it is due and how far it has come",
		docNumber: roadmapDocNumber,
		version:   "1.0",
	}
	spec.control = []ControlRow{{
		Number:   roadmapDocNumber,
		Title:    roadmapTitle,
		Version:  spec.version,
		Status:   env.status,
		Date:     env.date,
		Owner:    namesWithRole(people, data.RoleSMSOwner),
		Approver: namesWithRole(people, data.RoleTopManagement),
	}}
	spec.sections = append(spec.sections, section{title: "Summary", render: p.summary})
	for i, ph := range cat.Phases() {
		spec.sections = append(spec.sections, section{number: "Phase " + strconv.Itoa(i+1), title: ph.Title, render: func(d *doc) error {
			p.phase(d, ph)
			return nil
		}})
	}
	return spec, nil
}

func (p *roadmapPlan) date(t time.Time) string { return p.env.opts.DateFormat.Format(t) }

// overdue reports whether a step is open and its due day has passed.
func (p *roadmapPlan) overdue(sp data.StepProgress) bool {
	return !sp.Status.Closed() && !sp.Due.IsZero() && sp.Due.Before(p.today)
}

func (p *roadmapPlan) owner(sp data.StepProgress) string {
	if sp.OwnerID == 0 {
		return ""
	}
	return p.names[sp.OwnerID]
}

func (p *roadmapPlan) summary(d *doc) error {
	phases, all := data.SummariseRoadmap(p.cat, p.progress)
	org := firstNonEmpty(p.env.src.Org.Name(), d.meta.org, "the organisation")
	d.paragraph("This plan sets out the steps "+org+" takes to implement a service management system (SMS) to ISO/IEC 20000-1:2018 and have it certified. "+
		"It is arranged in "+strconv.Itoa(len(phases))+" phases. Each step says what to do, which clauses it satisfies, "+
		"which steps must be finished first and the checklist that shows it is done; the tables give the owner, due date and status of every step as of "+p.env.date+".", 0)

	target := p.env.src.Plan.Unreadable.Or("TargetDate", "Not yet set: choose one on the Roadmap screen, which then proposes a due date for every step")
	if t := p.env.src.Plan.TargetDate; !t.IsZero() {
		target = p.date(t)
		switch days := int(t.Sub(p.today).Hours() / 24); {
		case days > 0:
			target += fmt.Sprintf(" (in %d days)", days)
		case days == 0:
			target += " (today)"
		default:
			target += fmt.Sprintf(" (%d days ago)", -days)
		}
	}
	inProgress, overdue, na := 0, 0, 0
	for _, s := range p.steps {
		sp := p.progress[s.ID]
		if sp.Status == data.StepInProgress {
			inProgress++
		}
		if sp.Status == data.StepNotApplicable {
			na++
		}
		if p.overdue(sp) {
			overdue++
		}
	}
	done := fmt.Sprintf("%d of %d", all.Done, all.Total)
	if na > 0 {
		done += fmt.Sprintf(" (%d of them not applicable)", na)
	}
	next := "None: every step is closed"
	if s, ok := data.NextStep(p.cat, p.progress); ok {
		next = fmt.Sprintf("Step %d, %s", p.number[s.ID], s.Title)
	}
	rows := [][2]string{
		{"Certification target", target},
		{"Steps done", done},
		{"In progress", strconv.Itoa(inProgress)},
		{"Overdue", strconv.Itoa(overdue)},
		{"Next step to start", next},
	}
	d.keyValues(rows)

	d.heading(1, "", "Progress by phase", true)
	c := barChart{track: true, series: []barSeries{{fill: colAccent, text: colText}}}
	for i, ph := range phases {
		v := 0.0
		if ph.Total > 0 {
			v = float64(ph.Done) / float64(ph.Total)
		}
		c.rows = append(c.rows, barRow{number: strconv.Itoa(i + 1), title: ph.Phase.Title, values: []float64{v},
			texts: []string{fmt.Sprintf("%d of %d done", ph.Done, ph.Total)}})
	}
	d.chart(c)

	d.heading(1, "", "Open steps by due date", true)
	d.paragraph("The steps still open, soonest due first. An overdue step is marked in red.", 0)
	var open []data.Step
	for _, s := range p.steps {
		if !p.progress[s.ID].Status.Closed() {
			open = append(open, s)
		}
	}
	if len(open) == 0 {
		d.paragraph("Every step is done or does not apply.", stMuted|stItalic)
		return nil
	}
	// undated steps last, otherwise by due date, then in roadmap order
	for i := 1; i < len(open); i++ {
		for j := i; j > 0 && p.dueBefore(open[j], open[j-1]); j-- {
			open[j], open[j-1] = open[j-1], open[j]
		}
	}
	d.table(p.stepTable(d, open, true))
	return nil
}

// dueBefore orders open steps: dated before undated, earlier due first.
func (p *roadmapPlan) dueBefore(a, b data.Step) bool {
	da, db := p.progress[a.ID].Due, p.progress[b.ID].Due
	if da.IsZero() != db.IsZero() {
		return !da.IsZero()
	}
	return da.Before(db)
}

// stepTable lists steps with their owner, due date and status.
func (p *roadmapPlan) stepTable(d *doc, steps []data.Step, withPhase bool) table {
	t := table{
		header: []cell{{{text: "No."}}, {{text: "Step"}}, {{text: "Owner"}}, {{text: "Due"}}, {{text: "Status"}}},
		align:  []byte{'R', 'L', 'L', 'L', 'L'},
	}
	phaseTitle := map[string]string{}
	for _, ph := range p.cat.Phases() {
		phaseTitle[ph.ID] = ph.Title
	}
	for _, s := range steps {
		sp := p.progress[s.ID]
		title := cell{{text: s.Title}}
		if withPhase {
			title = append(title, span{text: "\n" + phaseTitle[s.Phase], st: stMuted})
		}
		due := cell{{text: "Not planned", st: stMuted | stItalic}}
		if !sp.Due.IsZero() {
			due = cell{{text: p.date(sp.Due)}}
		}
		if sp.Unreadable.Has("Due") {
			due = unreadableCell()
		}
		t.rows = append(t.rows, []cell{{{text: strconv.Itoa(p.number[s.ID]), st: stMuted}}, title, ownerCell(p.owner(sp)), due, p.statusCell(sp)})
	}
	// number, owner, date and status never wrap; the step takes the rest
	t.fixed = d.fitColumns(t, []float64{0, 1, 0, 0, 0}, 0.22)
	return t
}

func ownerCell(name string) cell {
	if name == "" {
		return cell{{text: "Not assigned", st: stMuted | stItalic}}
	}
	return cell{{text: name}}
}

// statusCell is the status, with "Overdue" under it in red when it is.
func (p *roadmapPlan) statusCell(sp data.StepProgress) cell {
	st := style(0)
	if sp.Status == data.StepDone {
		st = stBold | stRecord
	}
	c := cell{{text: sp.Status.Label(), st: st}}
	if sp.Unreadable.Has("Status") {
		c = unreadableCell()
	}
	if p.overdue(sp) {
		c = append(c, span{text: "\nOverdue", st: stBold | stAlert})
	}
	return c
}

// phase prints one phase: its purpose, a table of its steps and a block per step.
func (p *roadmapPlan) phase(d *doc, ph data.Phase) {
	var steps []data.Step
	for _, s := range p.steps {
		if s.Phase == ph.ID {
			steps = append(steps, s)
		}
	}
	if s := strings.TrimSpace(ph.Summary); s != "" {
		d.paragraph(s, 0)
	}
	if len(steps) == 0 {
		d.paragraph("This phase has no steps.", stMuted|stItalic)
		return
	}
	d.table(p.stepTable(d, steps, false))
	d.gap(gapBlock)
	for _, s := range steps {
		if d.failed() {
			return
		}
		p.step(d, s)
	}
}

// step prints one step: status line, what to do, clauses, prerequisites
// and the checklist.
func (p *roadmapPlan) step(d *doc, s data.Step) {
	sp := p.progress[s.ID]
	d.heading(1, "Step "+strconv.Itoa(p.number[s.ID]), s.Title, true)

	status := p.statusCell(sp)[0]
	status.st |= stBold
	line := []span{status, {text: "  ·  Owner: "}}
	if o := p.owner(sp); o != "" {
		line = append(line, span{text: o})
	} else {
		line = append(line, span{text: "not assigned", st: stItalic})
	}
	if sp.Unreadable.Has("Due") {
		line = append(line, span{text: "  ·  Due "}, unreadableCell()[0])
	}
	if !sp.Due.IsZero() {
		line = append(line, span{text: "  ·  Due " + p.date(sp.Due)})
		if p.overdue(sp) {
			line = append(line, span{text: " (overdue)", st: stBold | stAlert})
		}
	} else {
		line = append(line, span{text: "  ·  Not planned yet", st: stItalic})
	}
	line = append(line, span{text: fmt.Sprintf("  ·  Typically %d days", s.DurationDays)})
	d.flow(line, paraStyle{size: sizeSmall, colour: colMuted})
	d.gap(gapParagraph)

	for _, para := range strings.Split(strings.TrimSpace(s.WhatToDo), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			d.paragraph(para, 0)
		}
	}

	var rows [][2]string
	var clauses []string
	for _, n := range s.Clauses {
		if cl, ok := p.cat.Clause(n); ok {
			clauses = append(clauses, n+" "+cl.Title)
		} else {
			clauses = append(clauses, n)
		}
	}
	rows = append(rows, [2]string{"Clauses", strings.Join(clauses, "\n")})
	prereq := "None: this step can start at once"
	if len(s.Prerequisites) > 0 {
		var lines []string
		for _, id := range s.Prerequisites {
			pre, _ := p.cat.Step(id)
			lines = append(lines, fmt.Sprintf("Step %d, %s (%s)", p.number[id], pre.Title, strings.ToLower(p.progress[id].Status.Label())))
		}
		prereq = strings.Join(lines, "\n")
	}
	rows = append(rows, [2]string{"Finish first", prereq})
	if sp.Status == data.StepNotApplicable && strings.TrimSpace(sp.NAReason) != "" {
		rows = append(rows, [2]string{"Why it does not apply", sp.NAReason})
	}
	if n := strings.TrimSpace(sp.Notes); n != "" {
		rows = append(rows, [2]string{"Notes", n})
	}
	d.keyValues(rows)

	d.heading(3, "", "Checklist", false)
	for i, item := range s.Checklist {
		if d.failed() {
			return
		}
		t, hasTask := p.tasks[fmt.Sprintf("%s#%d", s.ID, i+1)]
		ticked := sp.Status == data.StepDone || (hasTask && t.Status == data.TaskDone)
		box := "\u2610" // ballot box
		if ticked {
			box = "\u2611" // ballot box with check
		}
		spans := []span{{text: item}}
		if hasTask && (t.Status == data.TaskOpen || len(t.Unreadable) > 0) {
			// only what differs from the step's own owner and due date
			var about []string
			if name := p.names[t.OwnerID]; t.OwnerID != 0 && name != "" && t.OwnerID != sp.OwnerID {
				about = append(about, name)
			}
			if !t.Due.IsZero() && !t.Due.Equal(sp.Due) {
				about = append(about, "due "+p.date(t.Due))
			}
			for _, u := range t.Unreadable {
				about = append(about, u.Label+" "+data.UnreadableText)
			}
			if len(about) > 0 {
				spans = append(spans, span{text: " (task: " + strings.Join(about, ", ") + ")", st: stMuted})
			}
			if t.Overdue(p.env.opts.Now) {
				spans = append(spans, span{text: " overdue", st: stBold | stAlert})
			}
		}
		restore := d.indent(6, false)
		d.marker = &marker{text: box, x: d.x - 1.6, size: sizeBody}
		d.flow(spans, paraStyle{size: sizeBody})
		restore()
		d.gap(gapTightItem + 0.6)
	}
	d.gap(gapBlock * 2)
}
