package reports

import (
	"sort"
	"strconv"
	"strings"

	"smsbuilder/data"
)

// reviewPackID prints the minutes of the one management review
// Options.Review names.
const reviewPackID = "review"

// reviewMinutes is one management review as its minutes print it.
type reviewMinutes struct {
	env     packEnv
	reg     data.Register
	rec     data.Record
	ref     string
	names   map[int64]string
	actions []data.Task
	// figures are what each input showed: frozen on the day for a held
	// review, the workspace's today for a planned one; nil when a held
	// review kept none.
	figures map[string]data.ReviewFigures
	period  string
	frozen  bool
}

// reviewPack is the minutes of one management review: who attended, each
// input with its decision, the conclusions, the actions with their owners
// and due dates, the approval, and in an annex the figures each input
// showed on the day.
func reviewPack(env packEnv) (*packSpec, error) {
	m, err := newReviewMinutes(env)
	if err != nil {
		return nil, err
	}
	title := "Minutes of the management review"
	status := "Minutes approved"
	switch m.rec.Get("status") {
	case data.ReviewPlanned:
		title, status = "Agenda of the management review", "Agenda: not yet held"
	case data.ReviewHeld:
		status = "Draft minutes: awaiting approval by top management"
	}
	if env.opts.Draft {
		status = "Draft"
	}
	number := "SMS-" + m.ref
	spec := &packSpec{
		title:     title,
		subtitle:  m.ref + " " + m.rec.Get("title") + ": the review by top management of the service management system (ISO/IEC 20000-1:2018 9.3)",
		docNumber: number,
		version:   "1.0",
		status:    status,
	}
	date := m.date("held_on", m.date("planned", env.date))
	approver := m.person("approved_by")
	if approver == "" {
		approver = namesWithRole(env.src.People, data.RoleTopManagement)
	}
	spec.control = []ControlRow{{Number: number, Title: title, Version: spec.version, Status: status, Date: m.date("approved_on", date),
		Owner: m.person("chair"), Approver: approver}}
	spec.controlAsList = true
	spec.controlIntro = "These minutes were printed from the SMS Builder workspace of " + packOrg(env) + " on " + env.date +
		". They record what top management reviewed, what it decided on each required input, and the actions it raised."
	spec.sections = []section{
		{number: "1", title: "The meeting", render: m.meeting},
		{number: "2", title: "Inputs and decisions", render: m.decisions},
		{number: "3", title: "Conclusions, actions and approval", render: func(d *doc) error {
			m.conclusions(d)
			d.heading(1, "3.2", "Actions decided", true)
			m.actionList(d)
			d.heading(1, "3.3", "Approval", true)
			m.approval(d)
			return nil
		}},
		{number: "Annex A", title: "The figures each input showed", render: m.annex},
	}
	return spec, nil
}

func newReviewMinutes(env packEnv) (*reviewMinutes, error) {
	reg, _ := data.FindRegister(data.ReviewsRegister)
	records := map[string][]data.Record{}
	for _, rr := range env.src.Registers {
		records[rr.Register.Key] = rr.Records
		if rr.Register.Key == data.ReviewsRegister {
			reg = rr.Register
		}
	}
	reviews := records[data.ReviewsRegister]
	var refs []string
	for _, r := range reviews {
		refs = append(refs, reg.Reference(r.Number))
	}
	sort.Strings(refs)
	want := strings.TrimSpace(env.opts.Review)
	if len(reviews) == 0 {
		return nil, data.Errorf(data.EInvalid, "There is no management review to print yet: plan one in the Management reviews register.")
	}
	if want == "" {
		return nil, data.Errorf(data.EInvalid, "Choose the management review to print by its reference: %s.", strings.Join(refs, ", "))
	}
	n, ok := reg.ParseReference(want)
	m := &reviewMinutes{env: env, reg: reg, names: map[int64]string{}}
	for _, r := range reviews {
		if ok && r.Number == n {
			m.rec, m.ref = r, reg.Reference(r.Number)
		}
	}
	if m.rec.ID == 0 {
		return nil, data.Errorf(data.ENotFound, "There is no management review %s; the reviews are: %s.", want, strings.Join(refs, ", "))
	}
	for _, p := range env.src.People {
		m.names[p.ID] = p.Name
	}
	for _, t := range env.src.Tasks {
		if t.SourceKind == data.SourceAction && t.SourceRef == data.RecordActionRef(m.rec.ID) {
			m.actions = append(m.actions, t)
		}
	}
	sort.SliceStable(m.actions, func(i, j int) bool {
		a, b := m.actions[i], m.actions[j]
		if a.Due.IsZero() != b.Due.IsZero() {
			return !a.Due.IsZero()
		}
		return a.Due.Before(b.Due)
	})
	snap, frozen, err := data.SnapshotOf(m.rec)
	if err != nil {
		return nil, err
	}
	switch {
	case frozen:
		m.frozen, m.period = true, snap.Period
		m.figures = map[string]data.ReviewFigures{}
		for _, f := range snap.Inputs {
			m.figures[f.Input] = f
		}
	case m.rec.Get("status") == data.ReviewPlanned:
		src := data.NewReviewSource(records, env.src.Tasks, env.src.People, m.rec, env.opts.Now, env.opts.DateFormat)
		m.period = src.PeriodText()
		m.figures = map[string]data.ReviewFigures{}
		for _, f := range src.Figures() {
			m.figures[f.Input] = f
		}
	}
	return m, nil
}

// date is the record's date field in the pack's format, or else.
func (m *reviewMinutes) date(key, otherwise string) string {
	if t, ok := m.rec.Date(key); ok {
		return m.env.opts.DateFormat.Format(t)
	}
	return otherwise
}

func (m *reviewMinutes) person(key string) string {
	var out []string
	for _, id := range m.rec.IDs(key) {
		if n, ok := m.names[id]; ok {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

func (m *reviewMinutes) meeting(d *doc) error {
	status, _ := m.reg.Field("status")
	label := m.rec.Get("status")
	if c, ok := status.Choice(label); ok {
		label = c.Label
	}
	d.keyValues([][2]string{
		{"Review", m.ref + " " + m.rec.Get("title")},
		{"Planned for", m.date("planned", "")},
		{"Held on", m.date("held_on", "Not held yet")},
		{"Chaired by", m.person("chair")},
		{"Status", label},
		{"Period reviewed", m.period},
	})
	d.heading(1, "", "Attendees", false)
	if a := strings.TrimSpace(m.rec.Get("attendees")); a != "" {
		d.paragraph(a, 0)
	} else {
		d.notYet()
	}
	return nil
}

func (m *reviewMinutes) decisions(d *doc) error {
	d.paragraph("The review worked through each input clause 9.3 of ISO/IEC 20000-1 asks for. Under each is what it decided; "+
		"the figures it saw are in Annex A.", 0)
	for i, in := range data.ReviewInputs() {
		d.heading(1, "2."+strconv.Itoa(i+1), in.Title, true)
		if f, ok := m.figures[in.Key]; ok && len(f.Facts) > 0 {
			d.paragraph(factsLine(f.Facts), stMuted)
		}
		if text := strings.TrimSpace(m.rec.Get(in.DecisionField())); text != "" {
			d.paragraph(text, 0)
		} else {
			d.paragraph("No decision recorded.", stMuted|stItalic)
		}
	}
	return nil
}

// factsLine is an input's main figures in one line: its first four.
func factsLine(facts []data.ReviewFact) string {
	var parts []string
	for _, f := range facts[:min(4, len(facts))] {
		parts = append(parts, strings.TrimSpace(f.Label)+": "+f.Value)
	}
	return strings.Join(parts, " · ")
}

func (m *reviewMinutes) conclusions(d *doc) {
	d.heading(1, "3.1", "Conclusions", true)
	d.paragraph("On the suitability, adequacy and effectiveness of the service management system:", stMuted)
	if c := strings.TrimSpace(m.rec.Get("conclusions")); c != "" {
		d.paragraph(c, 0)
	} else {
		d.notYet()
	}
}

func (m *reviewMinutes) actionList(d *doc) {
	if len(m.actions) == 0 {
		d.paragraph("The review raised no actions.", stMuted|stItalic)
		return
	}
	t := table{
		header: []cell{{{text: "Task"}}, {{text: "Action"}}, {{text: "Owner"}}, {{text: "Due"}}, {{text: "Status"}}},
		align:  []byte{'L', 'L', 'L', 'L', 'L'},
	}
	for _, a := range m.actions {
		due := cell{{text: "No date", st: stMuted | stItalic}}
		if !a.Due.IsZero() {
			due = cell{{text: m.env.opts.DateFormat.Format(a.Due)}}
		}
		status := cell{{text: "Open"}}
		switch {
		case a.Status == data.TaskDone:
			status = cell{{text: "Done", st: stBold | stRecord}}
		case a.Overdue(m.env.opts.Now):
			status = cell{{text: "Open"}, {text: "\nOverdue", st: stBold | stAlert}}
		}
		t.rows = append(t.rows, []cell{{{text: "TSK-" + strconv.Itoa(a.Number), st: stMuted}}, {{text: a.Title}}, ownerCell(m.names[a.OwnerID]), due, status})
	}
	t.fixed = d.fitColumns(t, []float64{0, 1, 0, 0, 0}, 0.22)
	d.table(t)
}

func (m *reviewMinutes) approval(d *doc) {
	if m.rec.Get("status") != data.ReviewApproved {
		d.paragraph("These minutes are not approved yet. Top management approves them once the review is held, from the review's form in SMS Builder.", stItalic)
		d.keyValues([][2]string{{"Approved by", ""}, {"Approved on", ""}})
		return
	}
	d.paragraph("Top management approved these minutes as a true record of the review.", 0)
	d.keyValues([][2]string{{"Approved by", m.person("approved_by")}, {"Approved on", m.date("approved_on", "")}})
}

func (m *reviewMinutes) annex(d *doc) error {
	switch {
	case m.frozen:
		d.paragraph("What each input showed on the day the review was held, "+m.period+", as SMS Builder froze it then: "+
			"later changes to the registers do not alter it.", 0)
	case m.figures != nil:
		d.paragraph("This review has not been held yet. The figures are those of the workspace on "+m.env.date+", "+m.period+
			"; they are frozen when the review is marked held.", stItalic)
	default:
		d.paragraph("No figures were frozen for this review: it was marked held outside the review's agenda.", stMuted|stItalic)
		return nil
	}
	for i, in := range data.ReviewInputs() {
		f, ok := m.figures[in.Key]
		d.heading(1, "A."+strconv.Itoa(i+1), in.Title, true)
		if !ok {
			d.paragraph("No figures for this input.", stMuted|stItalic)
			continue
		}
		rows := make([][2]string, 0, len(f.Facts))
		for _, fact := range f.Facts {
			rows = append(rows, [2]string{strings.TrimSpace(fact.Label), fact.Value})
		}
		d.keyValues(rows)
		if len(f.Items) > 0 {
			var b strings.Builder
			for _, it := range f.Items {
				b.WriteString("- " + escapeMarkdown(it) + "\n")
			}
			d.markdown(b.String())
		}
	}
	return nil
}
