package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// bundleCard offers the auditor bundle on the Packs screen: one zip of the
// packs, the approved documents and the evidence, for the stage 1 auditor.
func bundleCard(e *env, paper *widget.Select) fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(lang.L("Create bundle…"), theme.DownloadIcon(), func() {
		saveBundle(e, reports.Options{Paper: data.PaperSize(paper.Selected), Now: e.now()})
	})
	btn.Importance = widget.HighImportance
	return widget.NewCard(lang.L("Auditor bundle"), lang.L("One zip file for a USB stick or an e-mail"), container.NewVBox(
		wrapLabel(lang.L("The readiness pack, every approved document as its own PDF, the registers, the audit programme and every evidence file once, with an index and a README. It opens on any computer with a PDF viewer.")),
		container.NewHBox(btn)))
}

// saveBundle asks where to save the bundle, confirms replacing a file
// (in stronger words when it is not a zip), then writes it in the
// background.
func saveBundle(e *env, opts reports.Options) {
	pathOf := func(folder, name string) (string, error) {
		path, err := filePath(folder, name, ".zip")
		if err == nil {
			err = e.ws.CheckOutput(path)
		}
		return path, err
	}
	name := "SMS"
	if o, err := e.ws.Organisation(e.ctx()); err == nil && o.Name() != "" {
		name = o.Name()
	}
	file := fmt.Sprintf("%s - %s - %s.zip", name, lang.L("Auditor bundle"), e.now().Format("2006-01-02"))
	askFile(e.win, lang.L("Save the auditor bundle"), lang.L("Save"), filepath.Dir(e.ws.Path()), file, nil, pathOf, func(path string) error {
		_, err := reports.ReplacesOtherThanBundle(path)
		return err
	}, func(path string) {
		build := func(ok bool) {
			if ok {
				buildBundle(e, opts, path)
			}
		}
		other, _ := reports.ReplacesOtherThanBundle(path)
		_, statErr := os.Lstat(path)
		switch {
		case other:
			dialog.ShowConfirm(lang.L("Replace a file that is not a zip?"),
				fmt.Sprintf(lang.L("%s exists and is not a zip file. Replacing it with the bundle loses what it holds.\n\nReplace it?"), filepath.Base(path)), build, e.win)
		case statErr == nil:
			dialog.ShowConfirm(lang.L("Replace the bundle?"), fmt.Sprintf(lang.L("%s exists already. Replace it?"), filepath.Base(path)), build, e.win)
		default:
			build(true)
		}
	})
}

func buildBundle(e *env, opts reports.Options, path string) {
	var summary reports.BundleSummary
	inBackground(e, lang.L("Creating the auditor bundle"), lang.L("Creating the bundle was cancelled; no file was written."),
		func(ctx context.Context, progress func(done, total int)) error {
			// Checked again: the file may have changed while it was chosen.
			if err := e.ws.CheckOutput(path); err != nil {
				return err
			}
			src, err := reports.LoadSource(ctx, e.ws, e.cat)
			if err != nil {
				return err
			}
			return data.WriteFileAtomic(path, func(w io.Writer) error {
				summary, err = reports.WriteBundle(ctx, src, e.ws, opts, w, progress)
				return err
			})
		}, func() {
			text := fmt.Sprintf(lang.L("The bundle of %d files was saved to\n%s\n\nShow it in its folder?"), len(summary.Files), path)
			if n := len(summary.Left); n > 0 {
				text = fmt.Sprintf(lang.L("%d parts had nothing to print and were left out; the index says which.")+"\n\n", n) + text
			}
			dialog.ShowConfirm(lang.L("Bundle created"), text, func(show bool) {
				if show {
					openPack(e, filepath.Dir(path))
				}
			}, e.win)
		})
}
