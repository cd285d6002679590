package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// gapScreen runs gap assessments: one question at a time on a 0–4 maturity
// scale, saved at once, with scores per clause and a comparison.
type gapScreen struct {
	env         *env
	assessments []data.Assessment
	current     data.Assessment
	answers     map[string]data.Answer
	baseline    map[string]data.Answer // nil when not comparing
	questions   []data.Question        // after the filter

	chooser, compare   *widget.Select
	clauseFilter       *widget.Select
	unanswered         *widget.Check
	filtered           gapFilter // what the list shows, to go back to on Cancel
	restoringFilter    bool      // while Cancel puts the filter back
	list               *keyList
	index              int
	score              *widget.Label
	chart              *fyne.Container
	question, clause   *widget.Label
	evidenceHint, hint *widget.Label
	scoreButtons       []*widget.Button
	naNote             *widget.Label // why the open question does not apply
	notes, evidence    *textField
	problem            *widget.Label
	dateNote           *widget.Label // why the assessment's date shows as unreadable
	body               *fyne.Container
}

func newGapScreen(e *env) *gapScreen {
	s := &gapScreen{env: e, index: -1}
	s.chooser = widget.NewSelect(nil, func(string) { s.onChoose() })
	s.compare = widget.NewSelect(nil, func(string) { s.onCompare() })
	s.compare.PlaceHolder = lang.L("Compare with…")
	clauses := []string{lang.L("All clauses")}
	for _, c := range e.cat.Children("") {
		clauses = append(clauses, c.Number+" "+c.Title)
	}
	s.clauseFilter = widget.NewSelect(clauses, func(string) { s.onFilterChanged() })
	s.clauseFilter.Selected = clauses[0]
	s.unanswered = widget.NewCheck(lang.L("Unanswered only"), func(bool) { s.onFilterChanged() })
	s.score = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.chart = container.NewVBox()
	s.list = newKeyList(
		func() int { return len(s.questions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			// The badge is sized for its longest text, a score that could not be read.
			return container.NewBorder(nil, nil, widget.NewLabel("8.5.1.3"), widget.NewLabel(lang.L("unreadable")), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			q := s.questions[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(q.Text)
			box.Objects[1].(*widget.Label).SetText(q.Clause)
			box.Objects[2].(*widget.Label).SetText(answerBadge(s.answers, q.ID))
		}, s.onRune, s.onKey)
	s.list.OnSelected = func(i widget.ListItemID) {
		// A click on a row leaves the focus where it was (Fyne focuses the
		// list it embeds, not this one), and a focused field would take
		// the next digit.
		defer e.win.Canvas().Focus(s.list)
		if i == s.index {
			return
		}
		if _, scored := s.answers[s.questionID()]; !scored && s.unsaved() != "" {
			// Notes of a question not yet scored cannot be stored on their own.
			prev := s.index
			e.leave(s, func() { s.open(i) }, func() { s.list.Select(prev) })
			return
		}
		s.open(i)
	}
	s.question = wrapLabel("")
	s.question.TextStyle = fyne.TextStyle{Bold: true}
	s.clause = wrapLabel("")
	s.evidenceHint = wrapLabel("")
	s.hint = wrapLabel("")
	s.hint.Importance = widget.LowImportance
	for score := data.MaturityNone; score <= data.MaturityFully; score++ {
		v := score
		s.scoreButtons = append(s.scoreButtons, widget.NewButton(data.MaturityLabel(v), func() { s.setScore(v) }))
	}
	na := widget.NewButton(lang.L("Not applicable…"), s.askNAReason)
	s.scoreButtons = append(s.scoreButtons, na)
	s.naNote = wrapLabel("")
	s.naNote.Hide()
	s.notes = newMultiLineField()
	s.notes.SetMinRowsVisible(3)
	s.notes.PlaceHolder = lang.L("What you found")
	s.evidence = newField()
	s.evidence.PlaceHolder = lang.L("Where the evidence is: document number, link, record")
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Hide()
	s.dateNote = wrapLabel("")
	s.dateNote.Importance = widget.DangerImportance
	s.dateNote.Hide()
	s.body = container.NewStack()
	e.onSave(func() { s.saveText() })
	e.onKeys(s.onRune, s.onKey)
	s.load(0)
	return s
}

func answerBadge(answers map[string]data.Answer, id string) string {
	a, ok := answers[id]
	switch {
	case !ok:
		return "—"
	case a.Unreadable.Has("Score"):
		return lang.L("unreadable")
	case a.Score == data.MaturityNA:
		return "N/A"
	}
	return fmt.Sprint(a.Score)
}

// load reads the assessments and shows the one with id (the newest for 0).
func (s *gapScreen) load(id int64) {
	var err error
	if s.assessments, err = s.env.ws.Assessments(s.env.ctx()); err != nil {
		s.env.showErr(err)
	}
	var names []string
	for _, a := range s.assessments {
		names = append(names, assessmentName(a, s.env.dates))
	}
	s.chooser.Options = names
	s.compare.Options = append([]string{lang.L("(no comparison)")}, names...)
	if len(s.assessments) == 0 {
		return
	}
	pick := s.assessments[0]
	for _, a := range s.assessments {
		if a.ID == id {
			pick = a
		}
	}
	s.chooser.SetSelected(assessmentName(pick, s.env.dates))
}

func assessmentName(a data.Assessment, dates data.DateFormat) string {
	return orUnreadable(a.Unreadable, "Date", dates.Format(a.Date)) + " — " + a.Title
}

func (s *gapScreen) byName(name string) (data.Assessment, bool) {
	for _, a := range s.assessments {
		if assessmentName(a, s.env.dates) == name {
			return a, true
		}
	}
	return data.Assessment{}, false
}

func (s *gapScreen) onChoose() {
	a, ok := s.byName(s.chooser.Selected)
	if !ok {
		return
	}
	answers, err := s.env.ws.Answers(s.env.ctx(), a.ID)
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.current, s.answers = a, answers
	if u, ok := a.Unreadable.Of("Date"); ok {
		s.dateNote.SetText(u.Message())
		s.dateNote.Show()
	} else {
		s.dateNote.Hide()
	}
	s.filter()
	s.refreshScore()
}

func (s *gapScreen) onCompare() {
	s.baseline = nil
	if a, ok := s.byName(s.compare.Selected); ok {
		answers, err := s.env.ws.Answers(s.env.ctx(), a.ID)
		if err != nil {
			s.env.showErr(err)
			return
		}
		s.baseline = answers
	}
	s.refreshScore()
}

// gapFilter is the choice of questions the list shows.
type gapFilter struct {
	clause     string
	unanswered bool
}

// onFilterChanged shows the questions now chosen. That closes the open
// question, whose notes cannot be stored before it is scored: the user is
// asked first, and Cancel puts the filter back.
func (s *gapScreen) onFilterChanged() {
	chosen := gapFilter{s.clauseFilter.Selected, s.unanswered.Checked}
	if chosen == s.filtered || s.restoringFilter {
		return
	}
	if _, scored := s.answers[s.questionID()]; scored || s.unsaved() == "" {
		s.filter()
		return
	}
	s.env.leave(s, s.filter, func() {
		s.restoringFilter = true
		s.clauseFilter.SetSelected(s.filtered.clause)
		s.unanswered.SetChecked(s.filtered.unanswered)
		s.restoringFilter = false
	})
}

func (s *gapScreen) filter() {
	s.filtered = gapFilter{s.clauseFilter.Selected, s.unanswered.Checked}
	prefix := ""
	if s.clauseFilter.Selected != "" && s.clauseFilter.Selected != s.clauseFilter.Options[0] {
		prefix, _, _ = strings.Cut(s.clauseFilter.Selected, " ")
	}
	s.questions = s.questions[:0]
	for _, q := range s.env.cat.Questions() {
		if prefix != "" && q.Clause != prefix && !strings.HasPrefix(q.Clause, prefix+".") {
			continue
		}
		if s.unanswered.Checked {
			if _, done := s.answers[q.ID]; done {
				continue
			}
		}
		s.questions = append(s.questions, q)
	}
	s.list.UnselectAll()
	s.index = -1
	s.list.Refresh()
	if len(s.questions) > 0 {
		s.list.Select(0)
	}
}

func (s *gapScreen) refreshScore() {
	sc := data.Score(s.env.cat, s.answers)
	text := fmt.Sprintf(lang.L("Answered %d of %d questions."), sc.Overall.Answered, sc.Overall.Questions)
	if p := sc.Overall.Percent(); p >= 0 {
		text = fmt.Sprintf(lang.L("Overall %.0f %% of the maximum, based on %d of %d answers."), p, sc.Overall.Answered, sc.Overall.Questions)
	}
	s.score.SetText(text)
	var base []data.ClauseScore
	if s.baseline != nil {
		base = data.Score(s.env.cat, s.baseline).ByTop
	}
	s.chart.Objects = []fyne.CanvasObject{scoreChart(s.env.cat, sc.ByTop, base, lang.L("Selected assessment"), lang.L("Compared with"))}
	if s.baseline != nil {
		var b strings.Builder
		b.WriteString("| " + lang.L("Clause") + " | " + lang.L("Compared with") + " | " + lang.L("Selected") + " | " + lang.L("Change") + " |\n|---|---:|---:|---:|\n")
		for _, c := range data.Compare(data.Score(s.env.cat, s.baseline), sc) {
			cl, _ := s.env.cat.Clause(c.Clause)
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", reports.EscapeMarkdownInline(cl.Number+" "+cl.Title), percentText(c.Before), percentText(c.After), changeText(c.Before, c.After))
		}
		s.chart.Add(newMarkdownView(b.String()).box)
	}
	s.chart.Refresh()
}

// open shows question i, saving the text typed for the previous one.
func (s *gapScreen) open(i int) {
	if s.index >= 0 && s.index != i {
		s.saveText()
	}
	if i < 0 || i >= len(s.questions) {
		return
	}
	s.index = i
	q := s.questions[i]
	cl, _ := s.env.cat.Clause(q.Clause)
	s.clause.SetText(fmt.Sprintf(lang.L("Question %d of %d · clause %s %s"), i+1, len(s.questions), cl.Number, cl.Title))
	s.question.SetText(q.Text)
	s.evidenceHint.SetText(lang.L("Good evidence:") + " " + q.Evidence)
	s.hint.SetText(lang.L("Tip for a small firm:") + " " + q.Hint)
	a := s.answers[q.ID]
	s.showNANote(a)
	s.notes.SetText(a.Notes)
	s.evidence.SetText(a.Evidence)
	s.problem.Hide()
	if u, ok := a.Unreadable.Of("Score"); ok {
		// No button is lit: choosing one stores a real score.
		s.problem.SetText(u.Message())
		s.problem.Show()
	}
	s.highlight()
}

func (s *gapScreen) highlight() {
	a, answered := s.answers[s.questionID()]
	for i, b := range s.scoreButtons {
		score := i
		if i == len(s.scoreButtons)-1 {
			score = data.MaturityNA
		}
		if answered && a.Score == score && !a.Unreadable.Has("Score") {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		if s.env.ws.ReadOnly() {
			b.Disable()
		}
		b.Refresh()
	}
}

func (s *gapScreen) questionID() string {
	if s.index < 0 || s.index >= len(s.questions) {
		return ""
	}
	return s.questions[s.index].ID
}

func (s *gapScreen) showNANote(a data.Answer) {
	if a.Score == data.MaturityNA && !a.Unreadable.Has("Score") && a.NAReason != "" {
		s.naNote.SetText(lang.L("Why it does not apply:") + " " + a.NAReason)
		s.naNote.Show()
	} else {
		s.naNote.Hide()
	}
}

// setScore saves the answer at once and moves to the next question.
func (s *gapScreen) setScore(score int) {
	id := s.questionID()
	if id == "" || s.current.ID == 0 || s.env.ws.ReadOnly() {
		return
	}
	err := s.saveAnswer(id, score, s.answers[id].NAReason)
	if isConflict(err) {
		showConflict(s.env.win, err, lang.L("Reloading discards the answer you gave here."), s.reloadAnswers)
		return
	}
	if err != nil {
		s.problem.SetText(data.ErrorMessage(err))
		s.problem.Show()
	}
}

// saveAnswer stores question id's answer with the notes and evidence typed
// and moves to the next question.
func (s *gapScreen) saveAnswer(id string, score int, reason string) error {
	a := s.answers[id]
	a.AssessmentID, a.QuestionID, a.Score, a.NAReason = s.current.ID, id, score, reason
	a.Notes = strings.TrimSpace(s.notes.Text)
	a.Evidence = strings.TrimSpace(s.evidence.Text)
	a, err := s.env.ws.SaveAnswer(s.env.ctx(), a)
	if err != nil {
		return err
	}
	s.answers[id] = a
	s.refreshScore()
	s.list.RefreshItem(s.index)
	s.showNANote(a)
	s.next(1)
	return nil
}

// unsaved names the open question when its notes or evidence differ from
// the stored answer.
func (s *gapScreen) unsaved() string {
	id := s.questionID()
	if id == "" || s.current.ID == 0 || s.env.ws.ReadOnly() {
		return ""
	}
	a := s.answers[id]
	if strings.TrimSpace(s.notes.Text) == a.Notes && strings.TrimSpace(s.evidence.Text) == a.Evidence {
		return ""
	}
	return fmt.Sprintf(lang.L("The notes and evidence typed for question %d (clause %s) are not saved."), s.index+1, s.questions[s.index].Clause)
}

// saveChanges stores the notes and evidence of the open question; an
// unanswered one needs its score first.
func (s *gapScreen) saveChanges() error {
	if _, ok := s.answers[s.questionID()]; !ok && s.unsaved() != "" {
		s.problem.SetText(lang.L("Choose a score first: the notes and evidence are saved with it."))
		s.problem.Show()
		return errNotSaved
	}
	return s.saveText()
}

// saveText stores notes and evidence typed for an answered question.
func (s *gapScreen) saveText() error {
	id := s.questionID()
	a, ok := s.answers[id]
	if !ok || s.env.ws.ReadOnly() {
		return nil
	}
	n, ev := strings.TrimSpace(s.notes.Text), strings.TrimSpace(s.evidence.Text)
	if a.Notes == n && a.Evidence == ev {
		return nil
	}
	if u, ok := a.Unreadable.Of("Score"); ok {
		// Saving the text would store the score read in its place, 0, as if
		// someone had chosen it.
		err := data.Errorf(data.EInvalid, "%s Choose a score first: the notes and evidence are saved with it.", u.Message())
		s.env.showErr(err)
		return err
	}
	a.Notes, a.Evidence = n, ev
	// The stored answer, with its new revision, is what the next keypress
	// saves from.
	a, err := s.env.ws.SaveAnswer(s.env.ctx(), a)
	if err != nil {
		conflictOr(s.env.win, err, lang.L("Reloading discards the notes and evidence you typed for this question."), s.reloadAnswers, s.env.showErr)
		return err
	}
	s.answers[id] = a
	return nil
}

// reloadAnswers shows the answers of the assessment as stored now, after a
// colleague changed one, on the question that was open.
func (s *gapScreen) reloadAnswers() {
	answers, err := s.env.ws.Answers(s.env.ctx(), s.current.ID)
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.answers = answers
	i := s.index
	s.index = -1 // show it again without saving what was typed
	s.open(i)
	s.refreshScore()
	s.list.Refresh()
}

func (s *gapScreen) next(step int) {
	i := s.index + step
	if i >= 0 && i < len(s.questions) {
		s.list.Select(i)
		s.list.ScrollTo(i)
	}
}

// onRune answers with the number keys when no field has the focus.
func (s *gapScreen) onRune(r rune) {
	switch {
	case r >= '0' && r <= '4':
		s.setScore(int(r - '0'))
	case r == 'n' || r == 'N':
		s.askNAReason()
	case r == 'j' || r == ']':
		s.next(1)
	case r == 'k' || r == '[':
		s.next(-1)
	}
}

func (s *gapScreen) onKey(k fyne.KeyName) {
	switch k {
	case fyne.KeyDown, fyne.KeyRight, fyne.KeyPageDown:
		s.next(1)
	case fyne.KeyUp, fyne.KeyLeft, fyne.KeyPageUp:
		s.next(-1)
	}
}

func (s *gapScreen) onNew() {
	title := newField()
	title.SetText(fmt.Sprintf(lang.L("Gap assessment %s"), s.env.now().Format("January 2006")))
	date := newDateField(s.env.now(), false)
	assessor := newField()
	assessor.SetText(s.env.actor())
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title *"), title),
		widget.NewFormItem(lang.L("Date *"), date),
		widget.NewFormItem(lang.L("Assessor"), assessor),
	)
	showFormDialog(s.env.win, lang.L("New gap assessment"), lang.L("Start"), form, 520, true, nil, func() error {
		day, err := date.date()
		a := data.Assessment{Title: strings.TrimSpace(title.Text), Date: day, Assessor: strings.TrimSpace(assessor.Text)}
		if err == nil {
			a, err = s.env.ws.SaveAssessment(s.env.ctx(), a)
		}
		if err != nil {
			return err
		}
		s.load(a.ID)
		s.env.goTo(screenGap)
		return nil
	}, title, &date.Entry, assessor)
	s.env.win.Canvas().Focus(title)
}

// onGapsToTasks turns chosen gaps into tasks; gaps that already have a task
// are not offered again.
func (s *gapScreen) onGapsToTasks() {
	tasks, err := s.env.ws.Tasks(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
		return
	}
	has := map[string]bool{}
	for _, t := range tasks {
		if t.SourceKind == data.SourceQuestion {
			has[t.SourceRef] = true
		}
	}
	var gaps []data.Gap
	for _, g := range data.Gaps(s.env.cat, s.answers) {
		if !has[g.Question.ID] {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		dialog.ShowInformation(lang.L("No new gaps"), lang.L("Every answered question below 4 already has a task, or none is below 4."), s.env.win)
		return
	}
	checks := container.NewVBox()
	var boxes []*widget.Check
	for _, g := range gaps {
		c := widget.NewCheck(fmt.Sprintf("[%d] %s %s", g.Answer.Score, g.Question.Clause, g.Question.Text), nil)
		c.Checked = g.Answer.Score <= data.MaturityPartly
		boxes = append(boxes, c)
		checks.Add(c)
	}
	scroll := container.NewVScroll(checks)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	dialog.ShowCustomConfirm(lang.L("Turn gaps into tasks"), lang.L("Create tasks"), lang.L("Cancel"),
		container.NewBorder(wrapLabel(lang.L("Lowest scores first. Each chosen gap becomes an open task on the task list.")), nil, nil, nil, scroll),
		func(ok bool) {
			if !ok {
				return
			}
			n := 0
			for i, c := range boxes {
				if !c.Checked {
					continue
				}
				g := gaps[i]
				t := data.Task{Title: lang.L("Close gap:") + " " + clipText(g.Question.Text, 120), Description: g.Question.Evidence,
					Status: data.TaskOpen, SourceKind: data.SourceQuestion, SourceRef: g.Question.ID}
				if _, err := s.env.ws.SaveTask(s.env.ctx(), t); err != nil {
					s.env.showErr(err)
					return
				}
				n++
			}
			dialog.ShowInformation(lang.L("Tasks created"), fmt.Sprintf(lang.L("%d tasks were added to the task list."), n), s.env.win)
		}, s.env.win)
}

func percentText(p float64) string {
	if p < 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f %%", p)
}

// changeText is the change in percentage points, signed.
func changeText(before, after float64) string {
	if before < 0 || after < 0 {
		return "—"
	}
	return fmt.Sprintf("%+.0f", after-before)
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (s *gapScreen) content() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(lang.L("New assessment…"), theme.ContentAddIcon(), s.onNew)
	newBtn.Importance = widget.HighImportance
	toTasks := widget.NewButtonWithIcon(lang.L("Turn gaps into tasks…"), theme.ListIcon(), s.onGapsToTasks)
	if s.env.ws.ReadOnly() {
		newBtn.Disable()
		toTasks.Disable()
	}
	if len(s.assessments) == 0 {
		intro := wrapLabel(lang.L("A gap assessment asks one question for every requirement area of clauses 4 to 10 and scores your answer from 0 (nothing in place) to 4 (fully in place). Start with a baseline now; repeat it before the certification audit to see how far you have come."))
		return container.NewVBox(heading(lang.L("Gap assessment")), intro, container.NewHBox(newBtn))
	}
	scores := container.NewVBox(s.score, s.chart)
	header := container.NewVBox(
		heading(lang.L("Gap assessment")),
		// The choosers share the width left: squeezed, they cut the names short.
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Assessment")), container.NewHBox(newBtn, toTasks), container.NewGridWithColumns(2, s.chooser, s.compare)),
		s.dateNote,
	)
	buttons := container.NewGridWithColumns(3)
	for _, b := range s.scoreButtons {
		buttons.Add(b)
	}
	keysHelp := wrapLabel(lang.L("Keys: 0–4 score, N not applicable, ↑ ↓ previous and next (click outside a field first). Every answer is saved at once."))
	keysHelp.TextStyle = fyne.TextStyle{Italic: true}
	answer := container.NewVBox(
		s.clause, s.question, s.evidenceHint, s.hint,
		buttons,
		s.naNote, s.problem,
		widget.NewForm(widget.NewFormItem(lang.L("Notes"), s.notes), widget.NewFormItem(lang.L("Evidence"), s.evidence)),
		keysHelp,
	)
	filters := container.NewBorder(nil, nil, nil, s.unanswered, s.clauseFilter)
	left := container.NewBorder(filters, nil, nil, nil, keepSelectedInView(s.list, func() int { return s.index })) // layout.go
	work := container.NewHSplit(left, container.NewVScroll(answer))
	work.Offset = 0.42
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Answer"), work),
		container.NewTabItem(lang.L("Scores"), container.NewVScroll(scores)),
	)
	return container.NewBorder(header, nil, nil, nil, tabs)
}
