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

	tree     *widget.Tree
	guidance *widget.RichText
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
	s.guidance = widget.NewRichTextFromMarkdown(lang.L("Select a clause to read what it asks for in practice and which documents and records an auditor expects."))
	s.guidance.Wrapping = fyne.TextWrapWord
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
	s.guidance.ParseMarkdown(b.String())
}

// nextAction names the first thing to do to complete the profile and scope.
func (s *dashboardScreen) nextAction() (string, string) {
	switch {
	case s.org.LegalName == "" || len(s.org.Services) == 0 || s.org.ScopeStatement == "":
		return lang.L("Describe your organisation and the services your SMS covers."), screenOrganisation
	case !anyHolds(s.people, data.RoleSMSOwner) || !anyHolds(s.people, data.RoleTopManagement) || !anyHolds(s.people, data.RoleInternalAuditor):
		return lang.L("Name the people who hold the SMS roles."), screenPeople
	case len(s.completeness.Missing) > 0:
		return lang.L("Complete the profile:") + " " + strings.Join(s.completeness.Missing, ", ") + ".", screenOrganisation
	}
	return lang.L("Print the scope and organisation profile pack and have top management review it."), screenPacks
}

func (s *dashboardScreen) content() fyne.CanvasObject {
	c := s.completeness
	bar := widget.NewProgressBar()
	bar.SetValue(float64(c.Done) / float64(c.Total))
	bar.TextFormatter = func() string { return fmt.Sprintf(lang.L("%d of %d done"), c.Done, c.Total) }
	missing := lang.L("The profile and scope are complete.")
	if len(c.Missing) > 0 {
		missing = lang.L("Still missing:") + " " + strings.Join(c.Missing, ", ") + "."
	}
	missingLabel := widget.NewLabel(missing)
	missingLabel.Wrapping = fyne.TextWrapWord

	action, target := s.nextAction()
	actionLabel := widget.NewLabel(action)
	actionLabel.Wrapping = fyne.TextWrapWord
	goBtn := widget.NewButtonWithIcon(lang.L("Do it now"), theme.NavigateNextIcon(), func() { s.env.goTo(target) })
	goBtn.Importance = widget.HighImportance

	name := s.org.LegalName
	if name == "" {
		name = lang.L("Your organisation")
	}
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("Services in scope"), wrapLabel(joinOr(s.org.Services, lang.L("none yet")))),
		widget.NewFormItem(lang.L("Locations"), wrapLabel(joinOr(s.org.Locations, lang.L("none yet")))),
		widget.NewFormItem(lang.L("People"), widget.NewLabel(fmt.Sprint(len(s.people)))),
		widget.NewFormItem(lang.L("SMS owner"), widget.NewLabel(holders(s.people, data.RoleSMSOwner))),
		widget.NewFormItem(lang.L("Top management"), widget.NewLabel(holders(s.people, data.RoleTopManagement))),
	)
	var logo fyne.CanvasObject = layoutSpacer()
	if len(s.org.Logo) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("logo", s.org.Logo))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(180, 48))
		logo = container.NewHBox(img)
	}
	left := container.NewVBox(
		logo,
		widget.NewCard(name, lang.L("Profile and scope"), container.NewVBox(bar, missingLabel, facts)),
		widget.NewCard(lang.L("Next action"), "", container.NewVBox(actionLabel, container.NewHBox(goBtn))),
	)
	treeSplit := container.NewHSplit(s.tree, container.NewVScroll(s.guidance))
	treeSplit.Offset = 0.55
	clauses := widget.NewCard(lang.L("ISO/IEC 20000-1:2018 — the requirements"), lang.L("Clauses 4 to 10, with what each asks in practice"), treeSplit)
	split := container.NewHSplit(container.NewVScroll(left), clauses)
	split.Offset = 0.36
	return split
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

func holders(people []data.Person, kind data.RoleKind) string {
	var names []string
	for _, p := range people {
		if p.HasRole(kind) {
			names = append(names, p.Name)
		}
	}
	return joinOr(names, lang.L("nobody yet"))
}
