package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// packsScreen prints the documentation packs as PDF.
type packsScreen struct {
	env   *env
	packs []reports.Pack
	paper *widget.Select
	draft *widget.Check
}

func newPacksScreen(e *env) *packsScreen {
	s := &packsScreen{env: e, packs: reports.Packs()}
	var papers []string
	for _, p := range data.PaperSizes {
		papers = append(papers, string(p))
	}
	s.paper = widget.NewSelect(papers, nil)
	if o, err := e.ws.Organisation(e.ctx()); err == nil {
		s.paper.SetSelected(string(o.PaperSize))
	} else {
		s.paper.SetSelectedIndex(0)
	}
	s.draft = widget.NewCheck(lang.L("Mark every page DRAFT"), nil)
	return s
}

// onCreate asks where to save the pack, then builds it in the background.
func (s *packsScreen) onCreate(p reports.Pack) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.env.showErr(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the pack is written beside it and renamed, so a failure keeps no half file
		s.build(p, path)
	}, s.env.win)
	d.SetFileName(packFileName(p, s.env))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(s.env.ws.Path()))); err == nil {
		d.SetLocation(l)
	}
	d.Show()
}

func packFileName(p reports.Pack, e *env) string {
	name := "SMS"
	if o, err := e.ws.Organisation(e.ctx()); err == nil && o.Name() != "" {
		name = o.Name()
	}
	return fmt.Sprintf("%s - %s - %s.pdf", name, p.Title, e.now().Format("2006-01-02"))
}

// build writes the pack to path with a progress dialog that can cancel it,
// then offers to open it.
func (s *packsScreen) build(p reports.Pack, path string) {
	ctx, cancel := context.WithCancel(s.env.ctx())
	bar := widget.NewProgressBar()
	msg := widget.NewLabel(lang.L("Reading the workspace…"))
	prog := dialog.NewCustomWithoutButtons(lang.L("Creating")+" "+p.Title, container.NewVBox(msg, bar), s.env.win)
	prog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), cancel)})
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	opts := reports.Options{Paper: data.PaperSize(s.paper.Selected), Draft: s.draft.Checked, Now: s.env.now()}
	go func() {
		err := writePack(ctx, s.env, p.ID, opts, path, func(done, total int) {
			fyne.Do(func() {
				msg.SetText(fmt.Sprintf(lang.L("Page %d of about %d"), done, total))
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
				s.env.showErr(data.Errorf(data.EInvalid, "Creating the pack was cancelled; no file was written."))
			case err != nil:
				s.env.showErr(err)
			default:
				dialog.ShowConfirm(lang.L("Pack created"), fmt.Sprintf(lang.L("%s was saved to\n%s\n\nOpen it now?"), p.Title, path), func(open bool) {
					if open {
						if err := s.env.openFile(path); err != nil {
							s.env.showErr(err)
						}
					}
				}, s.env.win)
			}
		})
	}()
}

// writePack builds the pack into a temporary file beside path and renames it
// into place, so a failed or cancelled build leaves no half-written PDF.
func writePack(ctx context.Context, e *env, id string, opts reports.Options, path string, progress func(done, total int)) (err error) {
	defer func() {
		// The save dialog created an empty file; do not leave it behind.
		if fi, statErr := os.Stat(path); err != nil && statErr == nil && fi.Size() == 0 {
			os.Remove(path)
		}
	}()
	src, err := reports.LoadSource(ctx, e.ws, e.cat)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pack-*.pdf")
	if err != nil {
		return fmt.Errorf("create pack file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := reports.Build(ctx, id, src, opts, tmp, progress); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write pack file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write pack file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save pack file: %w", err)
	}
	return nil
}

func (s *packsScreen) content() fyne.CanvasObject {
	options := container.NewHBox(widget.NewLabel(lang.L("Paper size")), s.paper, s.draft)
	items := []fyne.CanvasObject{heading(lang.L("Documentation packs")), wrapLabel(lang.L("Each pack is a PDF with a cover, a document control table, a table of contents, bookmarks, and page numbers. The values come from this workspace, as it is now.")), options}
	for _, p := range s.packs {
		pack := p
		btn := widget.NewButtonWithIcon(lang.L("Create PDF…"), theme.DocumentPrintIcon(), func() { s.onCreate(pack) })
		btn.Importance = widget.HighImportance
		items = append(items, widget.NewCard(p.Title, p.DocNumber, container.NewVBox(wrapLabel(p.Description), container.NewHBox(btn))))
	}
	return container.NewVScroll(container.NewVBox(items...))
}
