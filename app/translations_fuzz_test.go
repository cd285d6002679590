package app

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2/lang"
)

// FuzzLoadTranslations loads an arbitrary translation file beside the real
// English one: it is refused or loaded, never a panic, and English words
// are still found afterwards.
func FuzzLoadTranslations(f *testing.F) {
	en, err := fs.ReadFile(translations, "translations/en.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add("fr", en)
	f.Add("de", []byte(`{"Dashboard": "Übersicht", "Tasks": {"one": "Aufgabe", "other": "Aufgaben"}}`))
	f.Add("xx", []byte(`{"Dashboard": 1}`))
	f.Add("en", []byte(`{`))
	f.Add("zz-Latn-001", []byte(`[]`))
	f.Fuzz(func(t *testing.T, tag string, content []byte) {
		fsys := fstest.MapFS{
			"translations/en.json":          {Data: en},
			"translations/" + tag + ".json": {Data: content},
		}
		if !fs.ValidPath("translations/" + tag + ".json") {
			return
		}
		if err := loadTranslations(fsys, "translations"); err != nil && err.Error() == "" {
			t.Fatal("refused without a reason")
		}
		if lang.L("Dashboard") == "" {
			t.Fatal("no word for Dashboard after loading a translation")
		}
	})
}
