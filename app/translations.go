package app

import (
	"embed"
	"fmt"

	"fyne.io/fyne/v2/lang"
)

// English is the embedded default; a translation is one more JSON file in
// translations/ with the same keys.
//
//go:embed translations
var translations embed.FS

// LoadTranslations registers the embedded translations with Fyne.
func LoadTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("load translations: %w", err)
	}
	return nil
}
