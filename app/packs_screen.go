package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// packsScreen prints the documentation packs as PDF.
type packsScreen struct {
	env           *env
	packs         []reports.Pack
	paper         *widget.Select
	draft         *widget.Check
	includeDrafts *widget.Check
	withGuidance  *widget.Check  // the scope pack's author's copy
	document      *widget.Select // for the single-document pack
	register      *widget.Select // for the single-register pack
	review        *widget.Select // for the management review minutes
	reviews       []data.RecordRef
	registers     []data.Register
	assessment    *widget.Select // for the gap report
	assessments   []data.Assessment
	audit         *widget.Select // for the audit report: "AUD-1 Incident management"
}

func newPacksScreen(e *env) *packsScreen {
	s := &packsScreen{env: e, packs: reports.Packs()}
	var papers []string
	for _, p := range data.PaperSizes() {
		papers = append(papers, string(p))
	}
	s.paper = widget.NewSelect(papers, nil)
	if o, err := e.ws.Organisation(e.ctx()); err == nil {
		s.paper.SetSelected(string(o.PaperSize))
	} else {
		s.paper.SetSelectedIndex(0)
	}
	s.draft = widget.NewCheck(lang.L("Mark every page DRAFT"), nil)
	s.includeDrafts = widget.NewCheck(lang.L("Include documents not yet approved (marked DRAFT)"), nil)
	s.withGuidance = widget.NewCheck(lang.L("Include the clause guidance: a copy for the author, not for an auditor"), nil)
	var docs []string
	if list, err := e.ws.Documents(e.ctx()); err == nil {
		for _, d := range list {
			docs = append(docs, d.Number+" "+d.Title)
		}
	} else {
		e.showErr(err)
	}
	var names []string
	if list, err := e.ws.Assessments(e.ctx()); err == nil {
		s.assessments = list
		for _, a := range list {
			names = append(names, assessmentName(a, s.env.dates))
		}
	} else {
		e.showErr(err)
	}
	s.assessment = widget.NewSelect(names, nil)
	if len(names) > 0 {
		s.assessment.SetSelectedIndex(0)
	}
	s.document = widget.NewSelect(docs, nil)
	s.document.PlaceHolder = lang.L("Choose a document")
	var titles []string
	if regs, err := e.ws.Registers(e.ctx()); err == nil {
		s.registers = regs
		for _, r := range regs {
			titles = append(titles, r.Title)
		}
	} else {
		e.showErr(err)
	}
	s.register = widget.NewSelect(titles, nil)
	s.register.PlaceHolder = lang.L("Choose a register")
	var audits []string
	if refs, err := e.ws.RecordRefs(e.ctx(), data.AuditsRegister); err == nil {
		for _, r := range refs {
			audits = append(audits, r.Text())
		}
	} else {
		e.showErr(err)
	}
	s.audit = widget.NewSelect(audits, nil)
	s.audit.PlaceHolder = lang.L("Choose an audit")
	var reviews []string
	if refs, err := e.ws.RecordRefs(e.ctx(), data.ReviewsRegister); err == nil {
		s.reviews = refs
		for i := len(refs) - 1; i >= 0; i-- { // the latest first
			reviews = append(reviews, refs[i].Text())
		}
	} else {
		e.showErr(err)
	}
	s.review = widget.NewSelect(reviews, nil)
	s.review.PlaceHolder = lang.L("Choose a management review")
	if len(reviews) > 0 {
		s.review.SetSelectedIndex(0)
	}
	return s
}

// onCreate asks where to save the pack, then builds it in the background.
func (s *packsScreen) onCreate(p reports.Pack) {
	opts := s.options(p)
	title := p.Title
	if p.ID == packDocument {
		number, _, _ := strings.Cut(s.document.Selected, " ")
		if number == "" {
			s.env.showErr(data.Errorf(data.EInvalid, "Choose the document to print."))
			return
		}
		opts.DocumentNumber = number
		title = s.document.Selected
	}
	if p.ID == packRegister {
		for _, r := range s.registers {
			if r.Title == s.register.Selected {
				opts.Register, title = r.Key, r.Title
			}
		}
		if opts.Register == "" {
			s.env.showErr(data.Errorf(data.EInvalid, "Choose the register to print."))
			return
		}
	}
	if p.ID == packAudit {
		ref, _, _ := strings.Cut(s.audit.Selected, " ")
		if ref == "" {
			s.env.showErr(data.Errorf(data.EInvalid, "Choose the audit whose report to print."))
			return
		}
		opts.Audit, title = ref, s.audit.Selected
	}
	if p.ID == packReview {
		for _, r := range s.reviews {
			if r.Text() == s.review.Selected {
				opts.Review, title = r.Reference, p.Title+" "+r.Reference
			}
		}
		if opts.Review == "" {
			s.env.showErr(data.Errorf(data.EInvalid, "Choose the management review to print."))
			return
		}
	}
	if p.ID == packGap {
		for _, a := range s.assessments {
			if assessmentName(a, s.env.dates) == s.assessment.Selected {
				opts.AssessmentID = a.ID
			}
		}
	}
	savePack(s.env, p, title, opts)
}

// options are the choices on screen that apply to pack p.
func (s *packsScreen) options(p reports.Pack) reports.Options {
	return reports.Options{Paper: data.PaperSize(s.paper.Selected), Draft: s.draft.Checked, Now: s.env.now(), IncludeDrafts: s.includeDrafts.Checked,
		WithGuidance: p.ID == packScope && s.withGuidance.Checked}
}

// Packs that need a choice before printing.
const (
	packDocument = "document" // one chosen document
	packRegister = "register" // one chosen register
	packAudit    = "audit"    // the report of one chosen audit
	packReview   = "review"   // one chosen management review
	packGap      = "gap"      // one chosen assessment
	packScope    = "scope"    // with or without the clause guidance
)

// savePack says so when the pack would print nothing; otherwise it asks
// where to save it, then builds it with a progress dialog that can cancel
// it, and offers to open it. The path never lands on a workspace; replacing an existing file is confirmed first, in stronger
// words when it is not a PDF.
func savePack(e *env, p reports.Pack, title string, opts reports.Options) {
	if err := checkPack(e, p.ID, opts); err != nil {
		e.showErr(err)
		return
	}
	pathOf := func(folder, name string) (string, error) {
		path, err := filePath(folder, name, ".pdf")
		if err == nil {
			err = e.ws.CheckOutput(path)
		}
		return path, err
	}
	askFile(e.win, lang.L("Save the pack"), lang.L("Save"), filepath.Dir(e.ws.Path()), packFileName(title, e), nil, pathOf, func(path string) error {
		_, err := reports.ReplacesOther(path) // an unreadable file is explained in the dialog
		return err
	}, func(path string) {
		build := func(ok bool) {
			if ok {
				buildPack(e, p, title, opts, path)
			}
		}
		other, _ := reports.ReplacesOther(path)
		_, statErr := os.Lstat(path)
		switch {
		case other:
			dialog.ShowConfirm(lang.L("Replace a file that is not a PDF?"),
				fmt.Sprintf(lang.L("%s exists and is not a PDF. Replacing it with the pack loses what it holds.\n\nReplace it?"), filepath.Base(path)), build, e.win)
		case statErr == nil:
			dialog.ShowConfirm(lang.L("Replace the PDF?"), fmt.Sprintf(lang.L("%s exists already. Replace it?"), filepath.Base(path)), build, e.win)
		default:
			build(true)
		}
	})
}

func packFileName(title string, e *env) string {
	name := "SMS"
	if o, err := e.ws.Organisation(e.ctx()); err == nil && o.Name() != "" {
		name = o.Name()
	}
	return fmt.Sprintf("%s - %s - %s.pdf", name, title, e.now().Format("2006-01-02"))
}

// buildPack writes the pack to path in the background; the window stays
// usable and the progress dialog can cancel.
func buildPack(e *env, p reports.Pack, title string, opts reports.Options, path string) {
	inBackground(e, lang.L("Creating")+" "+title, lang.L("Creating the pack was cancelled; no file was written."),
		func(ctx context.Context, progress func(done, total int)) error {
			return writePack(ctx, e, p.ID, opts, path, progress)
		}, func() {
			dialog.ShowConfirm(lang.L("Pack created"), fmt.Sprintf(lang.L("%s was saved to\n%s\n\nOpen it now?"), title, path), func(open bool) {
				if open {
					openPack(e, path)
				}
			}, e.win)
		})
}

// inBackground runs work off the interface thread behind a progress
// dialog with a Cancel button, then calls done, or shows the error or
// that it was cancelled.
func inBackground(e *env, title, cancelled string, work func(ctx context.Context, progress func(done, total int)) error, done func()) {
	ctx, cancel := context.WithCancel(e.ctx())
	bar := widget.NewProgressBar()
	msg := widget.NewLabel(lang.L("Reading the workspace…"))
	prog := dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, bar), e.win)
	prog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), cancel)})
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	go func() {
		err := work(ctx, func(done, total int) {
			fyne.Do(func() {
				msg.SetText(fmt.Sprintf(lang.L("Part %d of %d"), done, total))
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			prog.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				e.showErr(data.Errorf(data.EInvalid, "%s", cancelled))
			case err != nil:
				e.showErr(err)
			default:
				done()
			}
		})
	}()
}

// writePack builds the pack into a temporary file beside path and renames it
// into place, so a failed or cancelled build leaves no half-written PDF.
func writePack(ctx context.Context, e *env, id string, opts reports.Options, path string, progress func(done, total int)) error {
	// Checked again: the file may have changed while the pack was chosen.
	if err := e.ws.CheckOutput(path); err != nil {
		return err
	}
	src, err := reports.LoadSourceFor(ctx, e.ws, e.cat, id)
	if err != nil {
		return err
	}
	return data.WriteFileAtomic(path, func(w io.Writer) error {
		return reports.Build(ctx, id, src, opts, w, progress)
	})
}

func (s *packsScreen) content() fyne.CanvasObject {
	options := container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Paper size")), s.paper, s.draft), s.includeDrafts)
	items := []fyne.CanvasObject{heading(lang.L("Documentation packs")), wrapLabel(lang.L("Each pack is a PDF with a cover, a document control table, a table of contents, bookmarks, and page numbers. The values come from this workspace, as it is now.")), options,
		bundleCard(s.env, s.paper)} // bundle_dialog.go
	for _, p := range s.packs {
		pack := p
		btn := widget.NewButtonWithIcon(lang.L("Create PDF…"), theme.DocumentPrintIcon(), func() { s.onCreate(pack) })
		btn.Importance = widget.HighImportance
		row := container.NewHBox(btn)
		subtitle := p.DocNumber
		if p.ID == packDocument {
			if len(s.document.Options) == 0 {
				continue // nothing to print until a document exists
			}
			// The chooser takes the width there is: squeezed, it cut the name short.
			row = container.NewBorder(nil, nil, nil, btn, s.document)
			subtitle = lang.L("Any one document, with its revision history")
		}
		if p.ID == packScope {
			row = container.NewBorder(nil, nil, nil, btn, s.withGuidance)
		}
		if p.ID == packRegister {
			if len(s.register.Options) == 0 {
				continue
			}
			row = container.NewBorder(nil, nil, nil, btn, s.register)
			subtitle = lang.L("Any one register, with its records")
		}
		if p.ID == packAudit {
			if len(s.audit.Options) == 0 {
				continue // nothing to report until an audit is planned
			}
			row = container.NewBorder(nil, nil, nil, btn, s.audit)
			subtitle = lang.L("Any one internal audit, with its findings")
		}
		if p.ID == packReview {
			if len(s.review.Options) == 0 {
				continue // nothing to print until a review is planned
			}
			row = container.NewBorder(nil, nil, nil, btn, s.review)
			subtitle = lang.L("Any one review: its agenda, or its minutes once held")
		}
		if p.ID == packGap && len(s.assessments) > 0 {
			row = container.NewBorder(nil, nil, nil, btn, s.assessment)
		}
		items = append(items, widget.NewCard(p.Title, subtitle, container.NewVBox(wrapLabel(p.Description), row)))
	}
	return container.NewVScroll(container.NewVBox(items...))
}
