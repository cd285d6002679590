// Package assets embeds what SMS Builder ships besides code: the application
// icon, the fonts printed packs use (with their licence), and the content
// catalogue (clauses, and later steps, questions and templates). It imports
// nothing of ours so every other package may use it.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed icon.png
var icon string

//go:embed demo/northwind-logo.png
var demoLogo string

//go:embed content
var content embed.FS

//go:embed fonts/*.ttf fonts/LICENSE-DejaVu.txt
var fonts embed.FS

// Icon returns the application icon as PNG bytes.
func Icon() []byte { return []byte(icon) }

// DemoLogo is the logo of Northwind Managed IT Ltd, the demo organisation.
func DemoLogo() []byte { return []byte(demoLogo) }

// Content is the content catalogue's files, rooted at the content folder.
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil { // only for an invalid path, and "content" is valid
		return content
	}
	return sub
}

// FontSet holds the TrueType faces printed packs use: DejaVu Sans (regular,
// bold, oblique) and DejaVu Sans Mono, which cover Latin, Greek, Cyrillic and
// common symbols.
type FontSet struct {
	Regular, Bold, Italic, Mono []byte
}

// Fonts returns fresh copies of the embedded faces.
func Fonts() (FontSet, error) {
	var s FontSet
	for _, f := range []struct {
		dst  *[]byte
		name string
	}{
		{&s.Regular, "DejaVuSans.ttf"},
		{&s.Bold, "DejaVuSans-Bold.ttf"},
		{&s.Italic, "DejaVuSans-Oblique.ttf"},
		{&s.Mono, "DejaVuSansMono.ttf"},
	} {
		b, err := fonts.ReadFile("fonts/" + f.name)
		if err != nil {
			return FontSet{}, fmt.Errorf("read font %s: %w", f.name, err)
		}
		*f.dst = b
	}
	return s, nil
}

// FontLicence is the licence the fonts ship under.
func FontLicence() string {
	b, _ := fonts.ReadFile("fonts/LICENSE-DejaVu.txt")
	return string(b)
}
