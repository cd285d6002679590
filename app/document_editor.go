package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// autosaveDelay is how long typing must pause before a draft is saved.
const autosaveDelay = 800 * time.Millisecond

// A text up to instantPreviewBytes is previewed at every keystroke; a
// longer one previewDelay after typing pauses. Drawing a 10 KB document
// takes about 0.2 s (BenchmarkMarkdownView), too slow for every key.
const (
	instantPreviewBytes = 2_000
	previewDelay        = 300 * time.Millisecond
)

// documentEditor edits one document: Markdown beside its preview, the
// author guidance, the placeholders to insert, and the control workflow.
type documentEditor struct {
	env      *env
	doc      data.Document
	versions []data.Version
	current  data.Version // the newest version, the one shown
	template data.Template
	back     func()
	show     func(fyne.CanvasObject) // replaces the editor on screen after a move

	text    *textField
	preview *markdownView
	status  *widget.Label
	undo    *widget.Button
	// recipients shows the distribution list in its tab.
	recipients *widget.Label
	// saved is the text last stored; before is the text it replaced, for undo.
	saved, before string
	timer         *time.Timer
	previewTimer  *time.Timer // draws the preview of a long text when typing pauses
	// stale is the refusal of a save because a colleague changed the draft
	// after it was opened: autosave stops until the user reloads, so their
	// text is neither lost nor saved over the colleague's.
	stale error
}

func newDocumentEditor(e *env, id int64, back func(), show func(fyne.CanvasObject)) (*documentEditor, error) {
	ed := &documentEditor{env: e, back: back, show: show}
	if err := ed.load(id); err != nil {
		return nil, err
	}
	ed.text = newMultiLineField()
	ed.text.Wrapping = fyne.TextWrapWord
	ed.text.TextStyle = fyne.TextStyle{Monospace: true}
	ed.text.SetText(ed.current.Body)
	ed.saved, ed.before = ed.current.Body, ed.current.Body
	ed.text.OnChanged = ed.onChanged
	ed.preview = newMarkdownView("")
	ed.status = widget.NewLabel("")
	ed.undo = widget.NewButtonWithIcon(lang.L("Undo last change"), theme.ContentUndoIcon(), ed.onUndo)
	ed.undo.Disable()
	if ed.current.Status != data.DocDraft || e.ws.ReadOnly() {
		ed.text.Disable()
	}
	ed.renderPreview()
	e.onSave(ed.saveNow)
	return ed, nil
}

func (ed *documentEditor) load(id int64) error {
	ctx := ed.env.ctx()
	doc, err := ed.env.ws.Document(ctx, id)
	if err != nil {
		return err
	}
	versions, err := ed.env.ws.Versions(ctx, id)
	if err != nil {
		return err
	}
	if len(versions) == 0 {
		return data.Errorf(data.ENotFound, "%s has no text.", doc.Number)
	}
	ed.doc, ed.versions, ed.current = doc, versions, versions[0]
	ed.template, _ = ed.env.cat.Template(doc.TemplateKey)
	return nil
}

// onChanged previews at once and saves the draft when typing pauses.
func (ed *documentEditor) onChanged(text string) {
	if ed.previewTimer != nil {
		ed.previewTimer.Stop()
	}
	if len(text) < instantPreviewBytes {
		ed.renderPreview()
	} else {
		// Drawing a long text takes longer than a keystroke: wait for a
		// pause, so typing never lags behind.
		ed.previewTimer = afterPause(previewDelay, ed.renderPreview)
	}
	if ed.timer != nil {
		ed.timer.Stop()
	}
	if ed.stale != nil {
		return
	}
	ed.status.SetText(lang.L("Editing…"))
	ed.timer = time.AfterFunc(autosaveDelay, func() { fyne.Do(ed.saveNow) })
}

// saveNow stores the draft if it changed.
func (ed *documentEditor) saveNow() {
	if ed.timer != nil {
		ed.timer.Stop()
	}
	body := ed.text.Text
	if ed.current.Status != data.DocDraft || body == ed.saved || ed.env.ws.ReadOnly() || ed.stale != nil {
		return
	}
	// Each save goes from the version the last one stored, so autosave never
	// conflicts with itself.
	v, err := ed.env.ws.SaveDraft(ed.env.ctx(), ed.current, body)
	if err != nil {
		msg := data.ErrorMessage(err)
		if isConflict(err) {
			msg = lang.L("Not saved: someone else changed this draft.")
			ed.onConflict(err)
		}
		ed.status.SetText(msg)
		ed.status.Importance = widget.DangerImportance
		ed.status.Refresh()
		return
	}
	ed.before, ed.saved = ed.saved, body
	ed.current = v
	ed.undo.Enable()
	ed.status.SetText(lang.L("Draft saved at") + " " + ed.env.now().Format("15:04:05"))
	ed.status.Importance = widget.SuccessImportance
	ed.status.Refresh()
}

// unsaved first stores the text autosave would store a moment later, then
// names the draft if its text still differs from what is stored: the save
// was refused, or a colleague's change stopped autosave.
func (ed *documentEditor) unsaved() string {
	ed.saveNow()
	if ed.text.Disabled() || ed.text.Text == ed.saved {
		return ""
	}
	return fmt.Sprintf(lang.L("The draft of %s %s has changes that are not saved."), ed.doc.Number, ed.doc.Title)
}

// saveChanges stores the draft; when it cannot, the status line says why or
// the conflict dialog offers to reload.
func (ed *documentEditor) saveChanges() error {
	ed.saveNow()
	if ed.stale != nil {
		ed.onConflict(ed.stale)
		return ed.stale
	}
	if !ed.text.Disabled() && ed.text.Text != ed.saved {
		return errNotSaved
	}
	return nil
}

// onConflict stops autosave and offers to reload the document as a
// colleague left it, keeping the user's text on the clipboard if they wish.
func (ed *documentEditor) onConflict(err error) {
	ed.stale = err
	copyAndReload := widget.NewButton(lang.L("Copy my text, then reload"), func() {
		fyne.CurrentApp().Clipboard().SetContent(ed.text.Text)
		ed.reload()
		ed.status.SetText(lang.L("Reloaded; your text is on the clipboard."))
	})
	showConflict(ed.env.win, err, lang.L("Reloading discards the text you typed since your last save; copy it first to keep it."), func() {
		ed.reload()
	}, copyAndReload)
}

// reload shows the document as it is stored now and saves again from there.
func (ed *documentEditor) reload() {
	ed.stale = nil
	ed.afterMove()
	ed.undo.Disable()
	ed.status.SetText(lang.L("Reloaded: this is the text as it is now."))
	ed.status.Importance = widget.MediumImportance
	ed.status.Refresh()
}

// onUndo puts back the text as it was before the last save.
func (ed *documentEditor) onUndo() {
	ed.saveNow()
	prev := ed.before
	ed.text.SetText(prev)
	ed.saveNow()
	ed.undo.Disable()
}

func (ed *documentEditor) renderPreview() {
	values, err := placeholderValues(ed.env)
	if err != nil {
		ed.env.showErr(err)
		return
	}
	out, unknown := values.Fill(ed.text.Text)
	if len(unknown) > 0 {
		out = "> " + lang.L("Unknown placeholders, printed as written:") + " {{" + strings.Join(unknown, "}}, {{") + "}}\n\n" + out
	}
	ed.preview.SetMarkdown(out)
}

func (ed *documentEditor) insert(name string) {
	if ed.text.Disabled() {
		return
	}
	ed.env.win.Canvas().Focus(ed.text)
	for _, r := range "{{" + name + "}}" {
		ed.text.TypedRune(r)
	}
}

func (ed *documentEditor) move(t data.Transition, a data.Approval) {
	ed.saveNow()
	if ed.stale != nil {
		ed.onConflict(ed.stale)
		return
	}
	if _, err := ed.env.ws.Move(ed.env.ctx(), ed.current, t, a); err != nil {
		conflictOr(ed.env.win, err, "", ed.reload, ed.env.showErr)
		return
	}
	ed.afterMove()
}

// afterMove shows the document again in its new state.
func (ed *documentEditor) afterMove() {
	if err := ed.load(ed.doc.ID); err != nil {
		ed.env.showErr(err)
		return
	}
	ed.text.OnChanged = nil
	ed.text.SetText(ed.current.Body)
	ed.text.OnChanged = ed.onChanged
	ed.saved, ed.before = ed.current.Body, ed.current.Body
	// "Draft saved" would outlive the draft: say what the move made of it.
	ed.status.SetText(movedNotice(ed.current))
	ed.status.Importance = widget.MediumImportance
	ed.status.Refresh()
	if ed.current.Status == data.DocDraft && !ed.env.ws.ReadOnly() {
		ed.text.Enable()
	} else {
		ed.text.Disable()
	}
	ed.renderPreview()
	ed.show(ed.content())
}

func (ed *documentEditor) onApprove() {
	people, err := ed.env.ws.People(ed.env.ctx())
	if err != nil {
		ed.env.showErr(err)
		return
	}
	// Approval is the signature of the person working; choosing someone
	// else would let anyone sign in a colleague's name.
	approver, err := data.ApproverFor(ed.env.actor(), people)
	if err != nil {
		ed.env.showErr(data.Errorf(data.EInvalid, "%s\n%s", data.ErrorMessage(err), lang.L("To approve as one of them, choose File ▸ Who is working… and pick their name.")))
		return
	}
	// Refused before the dialog, as the workspace would refuse it after.
	if err := data.CheckNoPrompts(ed.doc.Number, ed.current.Body); err != nil {
		ed.env.showErr(err)
		return
	}
	var signs []string // the roles that let them approve, not every hat they wear
	for _, k := range []data.RoleKind{data.RoleTopManagement, data.RoleSMSOwner} {
		if approver.HasRole(k) {
			signs = append(signs, k.Label())
		}
	}
	who := widget.NewLabel(fmt.Sprintf(lang.L("%s (%s), the person working"), approver.Name, strings.Join(signs, ", ")))
	who.Wrapping = fyne.TextWrapWord
	summary := newField()
	summary.PlaceHolder = lang.L("What changed, for the revision history")
	if ed.current.Major == 1 && ed.current.Minor == 0 {
		summary.SetText(lang.L("First issue"))
	}
	months := widget.NewSelect([]string{"6", "12", "24"}, nil)
	review := ed.template.ReviewMonths
	if review == 0 {
		review = 12
	}
	months.SetSelected(fmt.Sprint(review))
	problems := fieldProblems{}
	effective := newDateField(ed.env.now(), false)
	body := container.NewVBox(
		wrapLabel(lang.L("Approval freezes this text: it can no longer change, and its SHA-256 fingerprint prints in the footer so a paper copy can be checked.")),
		widget.NewForm(
			widget.NewFormItem(lang.L("Approved by"), who),
			widget.NewFormItem(lang.L("Change summary *"), summary),
			widget.NewFormItem(lang.L("Effective from *"), problems.wrap("EffectiveFrom", effective)),
			widget.NewFormItem(lang.L("Review every (months)"), months),
		))
	if l := toFillWarning(ed.current.Body); l != nil {
		body.Add(l)
	}
	// the dialog names the number approval gives the draft
	title := fmt.Sprintf(lang.L("Approve %s as version %s"), ed.doc.Number, ed.current.ApprovalNumber())
	showRecordDialog(ed.env.win, title, lang.L("Approve"), body, 560, true, problems, func() error {
		m := 12
		fmt.Sscan(months.Selected, &m)
		day, err := effective.date()
		if err != nil {
			return &data.Error{Code: data.EInvalid, Message: data.ErrorMessage(err),
				Fields: []data.FieldError{{Field: "EffectiveFrom", Message: data.ErrorMessage(err)}}}
		}
		a := data.Approval{ApproverID: approver.ID, ChangeSummary: strings.TrimSpace(summary.Text), At: ed.env.now(), ReviewMonths: m, EffectiveFrom: day}
		if _, err := ed.env.ws.Move(ed.env.ctx(), ed.current, data.Approve, a); err != nil {
			return err
		}
		ed.afterMove()
		return nil
	}, ed.reload, summary, &effective.Entry)
	ed.env.win.Canvas().Focus(summary)
}

func (ed *documentEditor) onNewDraft(major bool) {
	if _, err := ed.env.ws.NewDraft(ed.env.ctx(), ed.doc.ID, major); err != nil {
		ed.env.showErr(err)
		return
	}
	ed.afterMove()
}

func (ed *documentEditor) onWithdraw() {
	dialog.ShowConfirm(lang.L("Withdraw document"), fmt.Sprintf(lang.L("Withdraw %s %s? It stays in the workspace with its history but no longer prints in the manual."), ed.doc.Number, ed.doc.Title), func(yes bool) {
		if yes {
			ed.move(data.Withdraw, data.Approval{})
		}
	}, ed.env.win)
}

// onPrint prints this document: the approved text, or the newest text
// marked DRAFT while it is not approved.
func (ed *documentEditor) onPrint() {
	ed.saveNow()
	p, ok := reports.FindPack(packDocument)
	if !ok {
		return
	}
	opts := reports.Options{Now: ed.env.now(), DocumentNumber: ed.doc.Number, IncludeDrafts: ed.current.Status != data.DocApproved}
	savePack(ed.env, p, ed.doc.Number+" "+ed.doc.Title, opts)
}

// workflowButtons offers the moves the current version allows.
func (ed *documentEditor) workflowButtons() []fyne.CanvasObject {
	if ed.env.ws.ReadOnly() {
		return nil
	}
	var out []fyne.CanvasObject
	add := func(label string, icon fyne.Resource, f func(), primary bool) {
		b := widget.NewButtonWithIcon(label, icon, f)
		if primary {
			b.Importance = widget.HighImportance
		}
		out = append(out, b)
	}
	switch ed.current.Status {
	case data.DocDraft:
		add(lang.L("Send for review"), theme.MailSendIcon(), func() { ed.move(data.SendForReview, data.Approval{}) }, true)
		add(lang.L("Withdraw…"), theme.DeleteIcon(), ed.onWithdraw, false)
	case data.DocInReview:
		add(lang.L("Approve…"), theme.ConfirmIcon(), ed.onApprove, true)
		add(lang.L("Back to draft"), theme.ContentUndoIcon(), func() { ed.move(data.BackToDraft, data.Approval{}) }, false)
	case "":
		// The stored status could not be read: no move can start from it,
		// but a new draft from its text lets the work go on.
		add(lang.L("New minor version"), theme.ContentAddIcon(), func() { ed.onNewDraft(false) }, true)
		add(lang.L("New major version"), theme.ContentAddIcon(), func() { ed.onNewDraft(true) }, false)
	case data.DocApproved:
		add(lang.L("New minor version"), theme.ContentAddIcon(), func() { ed.onNewDraft(false) }, true)
		add(lang.L("New major version"), theme.ContentAddIcon(), func() { ed.onNewDraft(true) }, false)
		add(lang.L("Withdraw…"), theme.DeleteIcon(), ed.onWithdraw, false)
	}
	return out
}

// unreadableNote says which of the shown version's status, approval and
// review dates storage could not read, and what they held; nil when all were
// read. The version's text stays frozen: only a new version stores them anew.
func (ed *documentEditor) unreadableNote() *widget.Label {
	var lines []string
	for _, field := range []string{"Status", "ApprovedAt", "EffectiveFrom", "ReviewDue"} {
		if u, ok := ed.current.Unreadable.Of(field); ok {
			lines = append(lines, u.Message())
		}
	}
	if len(lines) == 0 {
		return nil
	}
	lines = append(lines, lang.L("Start a new version: once approved, it stores its status and dates again."))
	l := wrapLabel(strings.Join(lines, "\n"))
	l.Importance = widget.DangerImportance
	return l
}

func (ed *documentEditor) guidance() fyne.CanvasObject {
	items := []fyne.CanvasObject{}
	if ed.template.Guidance != "" {
		items = append(items, widget.NewLabelWithStyle(lang.L("For the author (never printed)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wrapLabel(ed.template.Guidance))
	}
	for _, c := range ed.doc.Clauses {
		if cl, ok := ed.env.cat.Clause(c); ok {
			items = append(items, widget.NewLabelWithStyle(cl.Number+" "+cl.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wrapLabel(cl.Guidance))
		}
	}
	items = append(items, widget.NewSeparator(), widget.NewLabelWithStyle(lang.L("Insert a workspace value"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	values, _ := placeholderValues(ed.env)
	grid := container.NewGridWithColumns(2)
	for _, name := range values.Names() {
		n := name
		b := widget.NewButton(n, func() { ed.insert(n) })
		if ed.text.Disabled() {
			b.Disable()
		}
		grid.Add(b)
	}
	items = append(items, grid)
	return container.NewVScroll(container.NewVBox(items...))
}

// versionName is "Version 1.1" once approved and "Draft for 1.1" before:
// a draft's name says what it is without a word in front.
func versionName(v data.Version) string {
	if v.WasApproved() {
		return fmt.Sprintf(lang.L("Version %s"), v.Number())
	}
	return v.Number()
}

// movedNotice says what a move in the workflow made of the version.
func movedNotice(v data.Version) string {
	switch {
	case v.WasApproved():
		return fmt.Sprintf(lang.L("This is now version %s."), v.Number())
	case v.Status == data.DocInReview:
		return fmt.Sprintf(lang.L("This is now %s, in review."), v.Number())
	case v.Status == data.DocWithdrawn:
		return fmt.Sprintf(lang.L("This is now %s, withdrawn."), v.Number())
	}
	return fmt.Sprintf(lang.L("This is now %s, open to change."), v.Number())
}

func (ed *documentEditor) history() fyne.CanvasObject {
	people, _ := ed.env.ws.People(ed.env.ctx())
	names := map[int64]string{}
	for _, p := range people {
		names[p.ID] = p.Name
	}
	var b strings.Builder
	b.WriteString("| " + lang.L("Version") + " | " + lang.L("Status") + " | " + lang.L("Approved") + " | " + lang.L("By") + " | " + lang.L("Change") + " | " + lang.L("Fingerprint") + " |\n|---|---|---|---|---|---|\n")
	for _, v := range ed.versions {
		approved := ""
		if !v.ApprovedAt.IsZero() {
			approved = ed.env.date(v.ApprovedAt)
		}
		status := orUnreadable(v.Unreadable, "Status", v.Status.Label())
		approved = orUnreadable(v.Unreadable, "ApprovedAt", approved)
		cells := []string{v.Number(), status, approved, names[v.ApprovedBy], v.ChangeSummary, v.ShortHash()}
		for _, c := range cells {
			b.WriteString("| " + reports.EscapeMarkdownInline(c) + " ")
		}
		b.WriteString("|\n")
	}
	return container.NewVScroll(newMarkdownView(b.String()).box)
}

func (ed *documentEditor) content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Library"), theme.NavigateBackIcon(), func() {
		ed.saveNow()
		if ed.stale != nil {
			// Leaving would lose the text that could not be saved.
			ed.onConflict(ed.stale)
			return
		}
		ed.back()
	})
	title := fmt.Sprintf("%s  %s", ed.doc.Number, ed.doc.Title)
	bad := ed.current.Unreadable
	state := versionName(ed.current) + " · " + orUnreadable(bad, "Status", ed.current.Status.Label())
	if ed.current.Status == data.DocApproved && (!ed.current.ReviewDue.IsZero() || bad.Has("ReviewDue")) {
		state += " · " + lang.L("review by") + " " + orUnreadable(bad, "ReviewDue", ed.env.date(ed.current.ReviewDue))
	}
	if day := ed.current.Effective(); ed.current.Status == data.DocApproved && (!day.IsZero() || bad.Has("EffectiveFrom")) {
		state += " · " + lang.L("effective from") + " " + orUnreadable(bad, "EffectiveFrom", ed.env.date(day))
	}
	if ed.current.Status != data.DocDraft {
		state += " · " + lang.L("read-only: start a new draft to change it")
	}
	buttons := container.NewHBox(ed.workflowButtons()...)
	buttons.Add(widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), ed.onPrint))
	buttons.Add(ed.undo)
	// Library beside the title and the notice wrapping beside the buttons:
	// in one row with them they made the window wider than 1024.
	ed.status.Wrapping = fyne.TextWrapWord
	header := container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(title)), wrapLabel(state),
		container.NewBorder(nil, nil, buttonRow(buttons), nil, ed.status)) // layout.go
	if l := ed.unreadableNote(); l != nil {
		header.Add(l)
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Preview"), container.NewVScroll(ed.preview.box)),
		container.NewTabItem(lang.L("Guidance"), ed.guidance()),
		container.NewTabItem(lang.L("History"), ed.history()),
		container.NewTabItem(lang.L("Distribution"), ed.distributionTab()), // document_distribution.go
	)
	split := container.NewHSplit(ed.text, tabs)
	split.Offset = 0.5
	return container.NewBorder(header, nil, nil, nil, split)
}
