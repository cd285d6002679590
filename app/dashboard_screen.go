package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// dashboardScreen answers "where are we?": the organisation, how complete its
// profile and scope are, what to do next, and the clause tree to learn from.
type dashboardScreen struct {
	env          *env
	org          data.Organisation
	people       []data.Person
	completeness data.Completeness
	progress     map[string]data.StepProgress
	tasks        []data.Task
	latest       *data.Assessment
	scores       data.Scores
	previous     *data.Scores
	reviewsLate  int // approved documents past their review date
	reviewsSoon  int // due within 30 days
	checks       []data.DueCheck
	stage2       []data.Stage2Flag // major findings that put a stage 2 at risk

	tree     *widget.Tree
	guidance *markdownView
}

func newDashboardScreen(e *env) *dashboardScreen {
	s := &dashboardScreen{env: e}
	var err error
	if s.org, err = e.ws.Organisation(e.ctx()); err != nil {
		e.showErr(err)
	}
	if s.people, err = e.ws.People(e.ctx()); err != nil {
		e.showErr(err)
	}
	s.completeness = data.ProfileCompleteness(s.org, s.people)
	if s.progress, err = e.ws.StepProgress(e.ctx()); err != nil {
		e.showErr(err)
	}
	if s.tasks, err = e.ws.Tasks(e.ctx()); err != nil {
		e.showErr(err)
	}
	s.loadScores()
	s.loadReviews()
	if s.checks, err = data.ChecksDue(e.ctx(), e.ws, e.now(), checksAhead); err != nil {
		e.showErr(err)
	}
	if s.stage2, err = data.WorkspaceStage2Flags(e.ctx(), e.ws, e.now()); err != nil {
		e.showErr(err)
	}
	s.guidance = newMarkdownView(lang.L("Select a clause to read what it asks for in practice and which documents and records an auditor expects."))
	s.tree = widget.NewTree(s.childUIDs, s.isBranch,
		func(bool) fyne.CanvasObject { return widget.NewLabel("8.5.1.3 Change management activities") },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			if cl, ok := e.cat.Clause(id); ok {
				o.(*widget.Label).SetText(cl.Number + "  " + cl.Title)
			}
		})
	s.tree.OnSelected = s.onSelectClause
	return s
}

// loadReviews counts approved documents whose review is overdue or near.
func (s *dashboardScreen) loadReviews() {
	docs, err := s.env.ws.Documents(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
		return
	}
	now := s.env.now()
	for _, d := range docs {
		versions, err := s.env.ws.Versions(s.env.ctx(), d.ID)
		if err != nil {
			s.env.showErr(err)
			return
		}
		for _, v := range versions {
			if v.Status != data.DocApproved || v.ReviewDue.IsZero() {
				continue
			}
			switch {
			case v.ReviewDue.Before(now):
				s.reviewsLate++
			case v.ReviewDue.Before(now.AddDate(0, 0, 30)):
				s.reviewsSoon++
			}
		}
	}
}

// loadScores reads the latest assessment and the one before it.
func (s *dashboardScreen) loadScores() {
	list, err := s.env.ws.Assessments(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
		return
	}
	for i, a := range list {
		if i > 1 {
			break
		}
		answers, err := s.env.ws.Answers(s.env.ctx(), a.ID)
		if err != nil {
			s.env.showErr(err)
			return
		}
		sc := data.Score(s.env.cat, answers)
		if i == 0 {
			a := a
			s.latest, s.scores = &a, sc
		} else {
			s.previous = &sc
		}
	}
}

func (s *dashboardScreen) childUIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	var out []widget.TreeNodeID
	for _, cl := range s.env.cat.Children(id) {
		out = append(out, cl.Number)
	}
	return out
}

func (s *dashboardScreen) isBranch(id widget.TreeNodeID) bool {
	return id == "" || !s.env.cat.IsLeaf(id)
}

func (s *dashboardScreen) onSelectClause(id widget.TreeNodeID) {
	cl, ok := s.env.cat.Clause(id)
	if !ok {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s %s\n\n%s\n\n", cl.Number, cl.Title, cl.Guidance)
	if len(cl.Documents) > 0 {
		b.WriteString("**" + lang.L("Documented information an auditor expects") + "**\n\n")
		for _, d := range cl.Documents {
			fmt.Fprintf(&b, "- *%s:* %s\n", documentKindLabel(d.Kind), d.Text)
		}
	}
	s.guidance.SetMarkdown(b.String())
}

// nextAction names the one thing to do now: complete the profile, catch up
// on the most overdue task, or start the next roadmap step.
func (s *dashboardScreen) nextAction() (string, string) {
	switch {
	case s.org.LegalName == "" || len(s.org.Services) == 0 || s.org.ScopeStatement == "":
		return lang.L("Describe your organisation and the services your SMS covers."), screenOrganisation
	case !anyHolds(s.people, data.RoleSMSOwner) || !anyHolds(s.people, data.RoleTopManagement) || !anyHolds(s.people, data.RoleInternalAuditor):
		return lang.L("Name the people who hold the SMS roles."), screenPeople
	}
	tasks := append([]data.Task(nil), s.tasks...)
	data.SortTasks(tasks, s.env.now())
	if len(tasks) > 0 && tasks[0].Overdue(s.env.now()) {
		t := tasks[0]
		return fmt.Sprintf(lang.L("Overdue since %s: %s"), s.env.date(t.Due), t.Title), screenTasks
	}
	if step, ok := data.NextStep(s.env.cat, s.progress); ok {
		return lang.L("Next roadmap step:") + " " + step.Title, screenRoadmap
	}
	return lang.L("Every roadmap step is closed. Keep the SMS running and prepare for surveillance."), screenRoadmap
}

// readiness is the headline and the note on how ready the SMS is. A
// percentage always says how many answers it rests on, and an assessment
// with no scored answer yet is not called missing.
func (s *dashboardScreen) readiness() (string, string) {
	if s.latest == nil {
		return lang.L("No assessment yet"), lang.L("Run a gap assessment to see how ready you are.")
	}
	o := s.scores.Overall
	from := fmt.Sprintf(lang.L("From %q on %s."), s.latest.Title, s.env.date(s.latest.Date))
	p := o.Percent()
	if p < 0 {
		return lang.L("Not scored yet"), from + " " + fmt.Sprintf(lang.L("%d of %d questions answered: score one to see how ready you are."), o.Answered, o.Questions)
	}
	return fmt.Sprintf(lang.L("%.0f %% ready, based on %d of %d answers"), p, o.Answered, o.Questions), from
}

func (s *dashboardScreen) welcome() fyne.CanvasObject {
	intro := wrapLabel(lang.L("SMS Builder guides you step by step to an ISO/IEC 20000-1:2018 service management system and prints its documentation. Start with the first roadmap step: top management's sponsorship and an SMS owner. Then describe your organisation and run a baseline gap assessment."))
	start := widget.NewButtonWithIcon(lang.L("Start the first step"), theme.NavigateNextIcon(), func() { s.env.goTo(screenRoadmap) })
	start.Importance = widget.HighImportance
	profile := widget.NewButtonWithIcon(lang.L("Describe the organisation"), theme.InfoIcon(), func() { s.env.goTo(screenOrganisation) })
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 260), widget.NewCard(lang.L("Welcome to SMS Builder"), lang.L("This workspace is empty."),
		container.NewVBox(intro, container.NewHBox(start, profile)))))
}

func (s *dashboardScreen) empty() bool {
	return s.org.LegalName == "" && len(s.people) == 0 && len(s.progress) == 0 && s.latest == nil
}

func (s *dashboardScreen) content() fyne.CanvasObject {
	if s.empty() {
		return s.welcome()
	}
	action, target := s.nextAction()
	actionLabel := wrapLabel(action)
	goBtn := widget.NewButtonWithIcon(lang.L("Do it now"), theme.NavigateNextIcon(), func() { s.env.goTo(target) })
	goBtn.Importance = widget.HighImportance

	head, note := s.readiness()
	readiness := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	readiness.Wrapping = fyne.TextWrapWord
	readinessNote := wrapLabel(note)
	_, all := data.SummariseRoadmap(s.env.cat, s.progress)
	roadmap := widget.NewProgressBar()
	if all.Total > 0 {
		roadmap.SetValue(float64(all.Done) / float64(all.Total))
	}
	roadmapLine := textBeside(roadmap, widget.NewLabel(fmt.Sprintf(lang.L("%d of %d steps done"), all.Done, all.Total))) // layout.go
	overdue := data.CountOverdue(s.tasks, s.env.now())
	overdueLabel := widget.NewLabel(fmt.Sprintf(lang.L("%d overdue tasks"), overdue))
	if overdue > 0 {
		overdueLabel.Importance = widget.DangerImportance
	} else {
		overdueLabel.SetText(lang.L("Nothing overdue"))
		overdueLabel.Importance = widget.SuccessImportance
	}

	reviews := wrapLabel(lang.L("No document reviews due in the next 30 days"))
	if s.reviewsLate+s.reviewsSoon > 0 {
		reviews.SetText(fmt.Sprintf(lang.L("Document reviews: %d overdue, %d due within 30 days"), s.reviewsLate, s.reviewsSoon))
	}
	if s.reviewsLate > 0 {
		reviews.Importance = widget.DangerImportance
	}
	reviewsBtn := widget.NewButton(lang.L("Documents"), func() { s.env.goTo(screenDocuments) })

	c := s.completeness
	bar := widget.NewProgressBar()
	bar.SetValue(float64(c.Done) / float64(c.Total))
	barLine := textBeside(bar, widget.NewLabel(fmt.Sprintf(lang.L("%d of %d done"), c.Done, c.Total)))
	missing := lang.L("The profile and scope are complete.")
	if len(c.Missing) > 0 {
		missing = lang.L("Still missing:") + " " + strings.Join(c.Missing, ", ") + "."
	}

	name := s.org.LegalName
	if name == "" {
		name = lang.L("Your organisation")
	}
	var logo fyne.CanvasObject = layoutSpacer()
	if len(s.org.Logo) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("logo", s.org.Logo))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(180, 48))
		logo = container.NewHBox(img)
	}
	left := container.NewVBox(
		logo,
		widget.NewCard(lang.L("Next action"), "", container.NewVBox(actionLabel, container.NewHBox(goBtn))),
		widget.NewCard(name, lang.L("Where you stand"), container.NewVBox(
			readiness, readinessNote,
			widget.NewLabelWithStyle(lang.L("Roadmap"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), roadmapLine,
			overdueLabel,
			container.NewBorder(nil, nil, nil, reviewsBtn, reviews),
			s.checksDue(),
			widget.NewLabelWithStyle(lang.L("Profile and scope"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), barLine, wrapLabel(missing),
		)),
	)
	var chart fyne.CanvasObject = wrapLabel(lang.L("Scores per clause appear here after the first gap assessment."))
	if s.latest != nil {
		var base []data.ClauseScore
		if s.previous != nil {
			base = s.previous.ByTop
		}
		chart = scoreChart(s.env.cat, s.scores.ByTop, base, lang.L("Latest assessment"), lang.L("The one before"))
	}
	treeSplit := container.NewHSplit(s.tree, container.NewVScroll(s.guidance.box))
	treeSplit.Offset = 0.55
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Scores per clause"), container.NewVScroll(chart)),
		container.NewTabItem(lang.L("The requirements"), treeSplit),
	)
	split := container.NewHSplit(container.NewVScroll(left), tabs)
	split.Offset = 0.36
	return split
}

// checksAhead is how many days ahead the dashboard lists audits, reviews
// and effectiveness checks.
const checksAhead = 30

// maxChecksShown is how many checks the dashboard names; the rest are
// counted.
const maxChecksShown = 4

// checksDue names the audits, management reviews and effectiveness checks
// overdue or due soon, each opening its record.
func (s *dashboardScreen) checksDue() fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("Audits, reviews and checks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(head)
	// a stage 2 at risk outweighs any single task, so it comes first
	for _, f := range s.stage2 {
		flag := f
		open := widget.NewButtonWithIcon("", theme.ErrorIcon(), func() {
			openRecordByRef(s.env, flag.Finding, func() { s.env.goTo(screenDashboard) })
		})
		open.Importance = widget.LowImportance
		line := wrapLabel(flag.Text(s.env.date))
		if flag.Repeat {
			line.Importance = widget.DangerImportance
		} else {
			line.Importance = widget.WarningImportance
		}
		box.Add(container.NewBorder(nil, nil, open, nil, line))
	}
	if len(s.checks) == 0 {
		box.Add(wrapLabel(fmt.Sprintf(lang.L("None due in the next %d days."), checksAhead)))
		return box
	}
	for i, c := range s.checks {
		if i == maxChecksShown {
			box.Add(wrapLabel(fmt.Sprintf(lang.L("and %d more in Tasks."), len(s.checks)-maxChecksShown)))
			break
		}
		check := c
		when := fmt.Sprintf(lang.L("due %s"), s.env.date(c.Task.Due))
		icon := theme.HistoryIcon()
		if c.Overdue {
			when = fmt.Sprintf(lang.L("overdue since %s"), s.env.date(c.Task.Due))
			icon = theme.WarningIcon()
		}
		// the title can be long: it wraps beside a button that opens the record
		open := widget.NewButtonWithIcon("", icon, func() {
			openRecordByRef(s.env, check.Record, func() { s.env.goTo(screenDashboard) })
		})
		open.Importance = widget.LowImportance
		line := wrapLabel(c.Task.Title + " — " + when)
		if c.Overdue {
			line.Importance = widget.DangerImportance
		}
		box.Add(container.NewBorder(nil, nil, open, nil, line))
	}
	return box
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func joinOr(items []string, empty string) string {
	if len(items) == 0 {
		return empty
	}
	return strings.Join(items, ", ")
}

func anyHolds(people []data.Person, kind data.RoleKind) bool {
	for _, p := range people {
		if p.HasRole(kind) {
			return true
		}
	}
	return false
}
