package data

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A management review looks at a fixed list of inputs (clause 9.3). Each
// is declared once here: the review record's decision fields, the agenda
// on screen, the minutes and the snapshot frozen when the review is held
// all come from this list. Each input works out its own figures from the
// registers and tasks, for the period since the previous held review, so
// nobody has to gather them by hand before the meeting.

// ReviewInput is one required input of a management review.
type ReviewInput struct {
	Key   string // decision_<Key> holds the review's decision on it
	Title string
	Help  string // what the review looks at under it, in plain words
	// figures works the input's figures out of the workspace.
	figures func(s *ReviewSource, f *ReviewFigures)
}

// ReviewFigures are what one input shows: counts as facts, then the
// records behind them as items.
type ReviewFigures struct {
	Input string       `json:"input"`
	Facts []ReviewFact `json:"facts"`
	Items []string     `json:"items,omitempty"`
}

// ReviewFact is one figure of an input: "Raised since 3 June 2026": "4".
type ReviewFact struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

func (f *ReviewFigures) fact(label string, value any) {
	f.Facts = append(f.Facts, ReviewFact{Label: label, Value: fmt.Sprint(value)})
}

func (f *ReviewFigures) item(format string, args ...any) {
	f.Items = append(f.Items, fmt.Sprintf(format, args...))
}

// ReviewInputs lists the inputs in the order a review works through them.
func ReviewInputs() []ReviewInput {
	return []ReviewInput{
		{Key: "actions", Title: "Actions from earlier reviews", Help: "Whether what earlier reviews decided was done.", figures: earlierActions},
		{Key: "context", Title: "Changes in internal and external issues", Help: "What changed in the issues that help or hinder the SMS.", figures: contextChanges},
		{Key: "parties", Title: "Interested parties and their requirements", Help: "New parties and changed needs and expectations.", figures: partyChanges},
		{Key: "objectives", Title: "Service objectives and their latest results", Help: "Whether each objective meets its target.", figures: objectiveResults},
		{Key: "nonconformities", Title: "Nonconformities and corrective actions", Help: "What went wrong, and whether the corrective actions are done and worked.", figures: nonconformityStatus},
		{Key: "audits", Title: "Audit results", Help: "What the internal audits held in the period found.", figures: auditResults},
		{Key: "customers", Title: "Customer satisfaction and complaints", Help: "Complaints raised, and satisfaction as measured.", figures: customerFeedback},
		{Key: "suppliers", Title: "Performance of suppliers", Help: "How suppliers performed, their disputes and renewals.", figures: supplierPerformance},
		{Key: "risks", Title: "Risks and opportunities and how their treatment worked", Help: "The risks outside the appetite, and where their treatment stands.", figures: riskTreatment},
		{Key: "resources", Title: "Adequacy of resources", Help: "People, competence gaps and who carries the open work.", figures: resourceAdequacy},
		{Key: "performance", Title: "Service performance and workload", Help: "The services delivered, their agreements, results in the period and the work open.", figures: servicePerformance},
		{Key: "improvements", Title: "Opportunities for improvement", Help: "Ideas raised, decided and carried out.", figures: improvementStatus},
	}
}

// DecisionField is the key of the review field that holds the decision on
// the input.
func (in ReviewInput) DecisionField() string { return "decision_" + in.Key }

// ReviewSource is what the inputs are worked out from: every record of
// the built-in registers, the tasks and the people, and the review the
// figures are for.
type ReviewSource struct {
	Records map[string][]Record // by register key
	Tasks   []Task
	People  []Person
	Review  Record
	// Since is the day the previous review was held; the period runs from
	// it to Now. Zero when this is the first review.
	Since time.Time
	Now   time.Time
	Dates DateFormat // how the items print dates

	names map[int64]string
}

// NewReviewSource gathers the inputs' source for review, finding the
// previous held review among the records.
func NewReviewSource(records map[string][]Record, tasks []Task, people []Person, review Record, now time.Time, dates DateFormat) *ReviewSource {
	s := &ReviewSource{Records: records, Tasks: tasks, People: people, Review: review, Now: now, Dates: dates, names: map[int64]string{}}
	for _, p := range people {
		s.names[p.ID] = p.Name
	}
	for _, r := range s.earlierReviews() {
		if held, ok := r.Date("held_on"); ok && held.After(s.Since) {
			s.Since = held
		}
	}
	return s
}

// LoadReviewSource reads the inputs' source for review from a workspace.
func LoadReviewSource(ctx context.Context, ws interface {
	RegisterService
	TaskService
	PeopleService
}, review Record, now time.Time, dates DateFormat) (*ReviewSource, error) {
	records := map[string][]Record{}
	for _, reg := range Registers() {
		page, err := ws.Records(ctx, RecordQuery{Register: reg.Key})
		if err != nil {
			return nil, fmt.Errorf("gather review inputs: %w", err)
		}
		records[reg.Key] = page.Records
	}
	tasks, err := ws.Tasks(ctx)
	if err != nil {
		return nil, fmt.Errorf("gather review inputs: %w", err)
	}
	people, err := ws.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("gather review inputs: %w", err)
	}
	return NewReviewSource(records, tasks, people, review, now, dates), nil
}

// Figures works out every input's figures, in the inputs' order.
func (s *ReviewSource) Figures() []ReviewFigures {
	var out []ReviewFigures
	for _, in := range ReviewInputs() {
		f := ReviewFigures{Input: in.Key}
		in.figures(s, &f)
		out = append(out, f)
	}
	return out
}

// PeriodText names the period the figures cover: "since 3 June 2026".
func (s *ReviewSource) PeriodText() string {
	if s.Since.IsZero() {
		return "since the SMS began (no earlier review was held)"
	}
	return "since " + s.date(s.Since)
}

// earlierReviews are the reviews held before this one, other than itself.
func (s *ReviewSource) earlierReviews() []Record {
	var out []Record
	cutoff := s.Now
	if d, ok := s.Review.Date("held_on"); ok {
		cutoff = d
	} else if d, ok := s.Review.Date("planned"); ok && d.Before(cutoff) {
		cutoff = d
	}
	for _, r := range s.Records[ReviewsRegister] {
		held, ok := r.Date("held_on")
		if !ok || r.ID == s.Review.ID || !held.Before(cutoff) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s *ReviewSource) date(t time.Time) string {
	if s.Dates == "" {
		return t.Format(DateLayout)
	}
	return s.Dates.Format(t)
}

// inPeriod tells whether day t falls in the period: after the previous
// review, up to now.
func (s *ReviewSource) inPeriod(t time.Time) bool {
	return !t.IsZero() && (s.Since.IsZero() || !t.Before(s.Since)) && !t.After(s.Now)
}

// changed tells whether r was added, or else changed, in the period.
func (s *ReviewSource) changed(r Record) (added, changed bool) {
	if s.inPeriod(calendarDay(r.CreatedAt)) {
		return true, false
	}
	return false, s.inPeriod(calendarDay(r.UpdatedAt))
}

func (s *ReviewSource) since(label string) string {
	if s.Since.IsZero() {
		return label
	}
	return label + " since " + s.date(s.Since)
}

func (s *ReviewSource) name(r Record) string {
	reg, _ := FindRegister(r.Register)
	return strings.TrimSpace(reg.Reference(r.Number) + " " + r.Get(reg.TitleField))
}

func (s *ReviewSource) person(r Record, key string) string {
	var names []string
	for _, id := range r.IDs(key) {
		if n, ok := s.names[id]; ok {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "no owner"
	}
	return strings.Join(names, ", ")
}

func (s *ReviewSource) choice(r Record, key string) string {
	reg, _ := FindRegister(r.Register)
	f, _ := reg.Field(key)
	if c, ok := f.Choice(r.Get(key)); ok {
		return c.Label
	}
	return "not set"
}

func (s *ReviewSource) task(t Task) string {
	parts := []string{"TSK-" + strconv.Itoa(t.Number) + " " + t.Title}
	if n, ok := s.names[t.OwnerID]; ok {
		parts = append(parts, n)
	} else {
		parts = append(parts, "unassigned")
	}
	if !t.Due.IsZero() {
		due := "due " + s.date(t.Due)
		if t.Overdue(s.Now) {
			due += " (overdue)"
		}
		parts = append(parts, due)
	}
	if t.Status == TaskDone {
		parts = append(parts, "done")
	}
	return strings.Join(parts, " – ")
}

// actionsOf are the tasks raised by hand against the records given.
func (s *ReviewSource) actionsOf(records []Record) []Task {
	ids := map[string]bool{}
	for _, r := range records {
		ids[RecordActionRef(r.ID)] = true
	}
	var out []Task
	for _, t := range s.Tasks {
		if t.SourceKind == SourceAction && ids[t.SourceRef] {
			out = append(out, t)
		}
	}
	return out
}

// openAndOverdue counts the tasks still open and those past their due day.
func openAndOverdue(ts []Task, now time.Time) (open, overdue int) {
	for _, t := range ts {
		if t.Status == TaskOpen {
			open++
		}
		if t.Overdue(now) {
			overdue++
		}
	}
	return open, overdue
}

func earlierActions(s *ReviewSource, f *ReviewFigures) {
	earlier := s.earlierReviews()
	actions := s.actionsOf(earlier)
	open, overdue := openAndOverdue(actions, s.Now)
	f.fact("Earlier reviews held", len(earlier))
	f.fact("Actions they decided", len(actions))
	f.fact("Done", len(actions)-open)
	f.fact("Still open", open)
	f.fact("Overdue", overdue)
	for _, t := range actions {
		f.item("%s", s.task(t))
	}
}

func contextChanges(s *ReviewSource, f *ReviewFigures) {
	internal, external, added, changed, overdue := 0, 0, 0, 0, 0
	for _, r := range s.Records["issues"] {
		if r.Get("relevant") == "yes" {
			if r.Get("kind") == "internal" {
				internal++
			} else {
				external++
			}
		}
		a, c := s.changed(r)
		if due, ok := r.Date("review_date"); ok && due.Before(calendarDay(s.Now)) {
			overdue++
		}
		switch {
		case a:
			added++
			f.item("%s (%s) – added", s.name(r), strings.ToLower(s.choice(r, "kind")))
		case c:
			changed++
			f.item("%s (%s) – changed", s.name(r), strings.ToLower(s.choice(r, "kind")))
		}
	}
	f.fact("Relevant internal issues", internal)
	f.fact("Relevant external issues", external)
	f.fact(s.since("Added"), added)
	f.fact(s.since("Changed"), changed)
	f.fact("Past their review date", overdue)
}

func partyChanges(s *ReviewSource, f *ReviewFigures) {
	parties := s.Records["parties"]
	climate, added, changed := 0, 0, 0
	for _, r := range parties {
		if r.Get("climate") == "yes" {
			climate++
		}
		switch a, c := s.changed(r); {
		case a:
			added++
			f.item("%s (%s) – added", s.name(r), strings.ToLower(s.choice(r, "kind")))
		case c:
			changed++
			f.item("%s (%s) – requirements changed", s.name(r), strings.ToLower(s.choice(r, "kind")))
		}
	}
	f.fact("Interested parties", len(parties))
	f.fact("With a climate-related requirement", climate)
	f.fact(s.since("Added"), added)
	f.fact(s.since("Changed"), changed)
}

func objectiveResults(s *ReviewSource, f *ReviewFigures) {
	met, missed, unmeasured := 0, 0, 0
	for _, t := range ObjectiveTrends(s.Records["objectives"], s.Records["measurements"]) {
		latest, ok := s.latestBy(t)
		switch {
		case !ok:
			unmeasured++
			f.item("%s – not measured yet", s.name(t.Objective))
			continue
		case latest.Met:
			met++
		default:
			missed++
		}
		f.item("%s – %s", s.name(t.Objective), s.resultText(t.Objective, latest))
	}
	f.fact("Objectives", met+missed+unmeasured)
	f.fact("Meeting their target at the latest result", met)
	f.fact("Missing it", missed)
	f.fact("Not measured yet", unmeasured)
}

// latestBy is the objective's latest result taken by now.
func (s *ReviewSource) latestBy(t ObjectiveTrend) (ObjectiveResult, bool) {
	var out ObjectiveResult
	found := false
	for _, r := range t.Results {
		if !r.Date.After(s.Now) && (!found || !r.Date.Before(out.Date)) {
			out, found = r, true
		}
	}
	return out, found
}

func (s *ReviewSource) resultText(objective Record, r ObjectiveResult) string {
	unit := strings.TrimSpace(objective.Get("unit"))
	value := FormatNumber(r.Actual)
	if unit != "" {
		value += " " + unit
	}
	verdict := "no target"
	if r.HasTarget {
		verdict = "met"
		if !r.Met {
			verdict = "missed"
		}
		verdict = fmt.Sprintf("target %s, %s", FormatNumber(r.Target), verdict)
	}
	return fmt.Sprintf("%s for %s (%s)", value, r.Period, verdict)
}

func nonconformityStatus(s *ReviewSource, f *ReviewFigures) {
	ncs := s.Records[NonconformitiesRegister]
	raised, openNCs := 0, 0
	byStatus := map[string]int{}
	var notClosed []Record
	for _, r := range ncs {
		if d, ok := r.Date("raised_on"); ok && s.inPeriod(d) {
			raised++
		}
		byStatus[r.Get("status")]++
		if r.Get("status") != "closed" {
			openNCs++
			notClosed = append(notClosed, r)
		}
	}
	actions := s.actionsOf(ncs)
	openActions, overdue := openAndOverdue(actions, s.Now)
	f.fact(s.since("Raised"), raised)
	f.fact("Not yet closed", openNCs)
	reg, _ := FindRegister(NonconformitiesRegister)
	status, _ := reg.Field("status")
	for _, c := range status.Choices {
		f.fact("  "+c.Label, byStatus[c.Key])
	}
	f.fact("Corrective actions open", openActions)
	f.fact("Corrective actions overdue", overdue)
	for _, r := range notClosed {
		f.item("%s – %s, %s, found by %s", s.name(r), s.choice(r, "severity"), strings.ToLower(s.choice(r, "status")), strings.ToLower(s.choice(r, "source")))
	}
}

func auditResults(s *ReviewSource, f *ReviewFigures) {
	held := map[int64]bool{}
	planned := 0
	for _, r := range s.Records[AuditsRegister] {
		if d, ok := r.Date("held_on"); ok && s.inPeriod(d) {
			held[r.ID] = true
			summary := strings.TrimSpace(r.Get("conclusions"))
			if summary == "" {
				summary = "no conclusions recorded"
			}
			f.item("%s – held %s: %s", s.name(r), s.date(d), clip(oneLine(summary), 240))
		}
		if d, ok := r.Date("planned"); ok && r.Get("held_on") == "" && !d.Before(calendarDay(s.Now)) {
			planned++
		}
	}
	grades := map[string]int{}
	for _, r := range s.Records[FindingsRegister] {
		if ids := r.IDs("audit"); len(ids) > 0 && held[ids[0]] {
			grades[r.Get("grade")]++
		}
	}
	f.fact(s.since("Audits held"), len(held))
	for _, g := range FindingGrades() {
		f.fact("Findings: "+strings.ToLower(g.Label), grades[g.Key])
	}
	f.fact("Audits planned ahead", planned)
}

func customerFeedback(s *ReviewSource, f *ReviewFigures) {
	complaints, open := 0, 0
	for _, r := range s.Records[NonconformitiesRegister] {
		d, ok := r.Date("raised_on")
		if r.Get("source") != "complaint" || !ok || !s.inPeriod(d) {
			continue
		}
		complaints++
		if r.Get("status") != "closed" {
			open++
		}
		f.item("Complaint %s – %s", s.name(r), strings.ToLower(s.choice(r, "status")))
	}
	measured := 0
	for _, t := range ObjectiveTrends(s.Records["objectives"], s.Records["measurements"]) {
		if !strings.Contains(strings.ToLower(t.Objective.Get("title")), "satisf") {
			continue
		}
		if latest, ok := s.latestBy(t); ok {
			measured++
			f.item("Satisfaction: %s – %s", s.name(t.Objective), s.resultText(t.Objective, latest))
		}
	}
	overdue := 0
	for _, r := range s.Records["customers"] {
		if due, ok := r.Date("review_date"); ok && due.Before(calendarDay(s.Now)) {
			overdue++
		}
	}
	f.fact(s.since("Complaints raised"), complaints)
	f.fact("Complaints not yet closed", open)
	f.fact("Satisfaction objectives measured", measured)
	f.fact("Customers", len(s.Records["customers"]))
	f.fact("Customer reviews past due", overdue)
}

func supplierPerformance(s *ReviewSource, f *ReviewFigures) {
	suppliers := s.Records["suppliers"]
	weak, disputes, renewals := 0, 0, 0
	soon := calendarDay(s.Now).AddDate(0, 0, 90)
	for _, r := range suppliers {
		rating, _ := strconv.Atoi(r.Get("rating"))
		if rating > 0 && rating <= 2 {
			weak++
		}
		line := fmt.Sprintf("%s – performance %s", s.name(r), strings.ToLower(s.choice(r, "rating")))
		if d := strings.TrimSpace(r.Get("disputes")); d != "" {
			disputes++
			line += "; dispute: " + clip(oneLine(d), 160)
		}
		if d, ok := r.Date("renewal"); ok && !d.Before(calendarDay(s.Now)) && d.Before(soon) {
			renewals++
			line += "; renewal due " + s.date(d)
		}
		f.item("%s", line)
	}
	raised := 0
	for _, r := range s.Records[NonconformitiesRegister] {
		if d, ok := r.Date("raised_on"); ok && r.Get("source") == "supplier" && s.inPeriod(d) {
			raised++
		}
	}
	f.fact("Suppliers", len(suppliers))
	f.fact("Rated poor or weak", weak)
	f.fact("With a dispute open", disputes)
	f.fact("Renewals due in the next 90 days", renewals)
	f.fact(s.since("Nonconformities of suppliers raised"), raised)
}

func riskTreatment(s *ReviewSource, f *ReviewFigures) {
	risks, opportunities, treat := 0, 0, 0
	byStatus := map[string]int{}
	for _, r := range s.Records["risks"] {
		if r.Get("kind") == "opportunity" {
			opportunities++
			continue
		}
		risks++
		if r.Get("acceptance") != "treat" {
			continue
		}
		treat++
		byStatus[r.Get("treatment_status")]++
		line := fmt.Sprintf("%s – score %s, treatment %s", s.name(r), r.Get("score"), strings.ToLower(s.choice(r, "treatment_status")))
		if res := r.Get("residual_score"); res != "" {
			line += ", residual score " + res
		}
		if due, ok := r.Date("treatment_due"); ok && r.Get("treatment_status") != "done" && due.Before(calendarDay(s.Now)) {
			line += " (overdue since " + s.date(due) + ")"
		}
		f.item("%s", line)
	}
	f.fact("Risks", risks)
	f.fact("Opportunities", opportunities)
	f.fact("Outside the appetite", treat)
	f.fact("  Treatment done", byStatus["done"])
	f.fact("  Treatment in progress", byStatus["in_progress"])
	f.fact("  Treatment planned or not set", byStatus["planned"]+byStatus[""])
}

func resourceAdequacy(s *ReviewSource, f *ReviewFigures) {
	top, owners := 0, 0
	for _, p := range s.People {
		if p.HasRole(RoleTopManagement) {
			top++
		}
		if p.HasRole(RoleProcessOwner) {
			owners++
		}
	}
	gaps := 0
	for _, r := range s.Records["training"] {
		if st := r.Get("status"); st == "gap" || st == "training" {
			gaps++
			f.item("Competence: %s for %s – %s", r.Get("competence"), s.person(r, "person"), strings.ToLower(s.choice(r, "status")))
		}
	}
	load := map[int64]int{}
	unassigned := 0
	for _, t := range s.Tasks {
		if t.Status != TaskOpen {
			continue
		}
		if _, ok := s.names[t.OwnerID]; ok {
			load[t.OwnerID]++
		} else {
			unassigned++
		}
	}
	people := slices.Clone(s.People)
	slices.SortStableFunc(people, func(a, b Person) int { return load[b.ID] - load[a.ID] })
	for _, p := range people[:min(3, len(people))] {
		if load[p.ID] > 0 {
			f.item("Open work: %s carries %s", p.Name, CountText(load[p.ID], "open task", "open tasks"))
		}
	}
	f.fact("People in the workspace", len(s.People))
	f.fact("In top management", top)
	f.fact("Process owners", owners)
	f.fact("Competences not yet met", gaps)
	f.fact("Open tasks without an owner", unassigned)
}

func servicePerformance(s *ReviewSource, f *ReviewFigures) {
	live := 0
	for _, r := range s.Records["services"] {
		if r.Get("status") == "live" {
			live++
		}
	}
	agreed := 0
	for _, r := range s.Records["slas"] {
		if r.Get("status") == "agreed" {
			agreed++
		}
	}
	met, missed := 0, 0
	for _, t := range ObjectiveTrends(s.Records["objectives"], s.Records["measurements"]) {
		for _, r := range t.Results {
			if !s.inPeriod(r.Date) || !r.HasTarget {
				continue
			}
			if r.Met {
				met++
			} else {
				missed++
				f.item("Missed: %s – %s", s.name(t.Objective), s.resultText(t.Objective, r))
			}
		}
	}
	open, overdue := openAndOverdue(s.Tasks, s.Now)
	f.fact("Live services", live)
	f.fact("Agreements in force", agreed)
	f.fact(s.since("Results on target"), met)
	f.fact(s.since("Results off target"), missed)
	f.fact("Open tasks", open)
	f.fact("Overdue tasks", overdue)
}

func improvementStatus(s *ReviewSource, f *ReviewFigures) {
	imps := s.Records[ImprovementsRegister]
	added, approved, done := 0, 0, 0
	for _, r := range imps {
		if a, _ := s.changed(r); a {
			added++
		}
		if r.Get("decision") == "approved" {
			approved++
		}
		if st := r.Get("status"); st == "done" || st == "closed" {
			done++
			continue
		}
		f.item("%s – %s, %s", s.name(r), strings.ToLower(s.choice(r, "decision")), strings.ToLower(s.choice(r, "status")))
	}
	ofi := 0
	held := map[int64]bool{}
	for _, r := range s.Records[AuditsRegister] {
		if d, ok := r.Date("held_on"); ok && s.inPeriod(d) {
			held[r.ID] = true
		}
	}
	for _, r := range s.Records[FindingsRegister] {
		if ids := r.IDs("audit"); len(ids) > 0 && held[ids[0]] && r.Get("grade") == "improvement" {
			ofi++
		}
	}
	f.fact("Improvements recorded", len(imps))
	f.fact(s.since("Added"), added)
	f.fact("Approved", approved)
	f.fact("Done or closed", done)
	f.fact("Opportunities found by audits in the period", ofi)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
