package app

import (
	"embed"
	"fmt"
	"io/fs"
	"path"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// English is the embedded default; a translation is one more JSON file in
// translations/ with the same keys.
//
//go:embed translations
var translations embed.FS

// LoadTranslations registers the embedded translations with Fyne.
func LoadTranslations() error {
	return loadTranslations(translations, "translations")
}

// loadTranslations registers every LANG.json file in dir of fsys. A file
// that cannot be read is skipped and named in the error; the others load.
func loadTranslations(fsys fs.FS, dir string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("load translations: %w", err)
	}
	var first error
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err == nil {
			err = lang.AddTranslations(fyne.NewStaticResource(e.Name(), b))
		}
		if err != nil && first == nil {
			first = fmt.Errorf("load translations: %s: %w", e.Name(), err)
		}
	}
	return first
}
