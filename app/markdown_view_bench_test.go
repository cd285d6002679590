package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"smsbuilder/data"
)

// benchmarkBody is the largest document template, repeated to size bytes.
func benchmarkBody(b *testing.B, size int) string {
	b.Helper()
	t, err := os.ReadFile("../assets/content/templates/information-security.md")
	if err != nil {
		b.Fatal(err)
	}
	var s strings.Builder
	for s.Len() < size {
		s.Write(t)
		s.WriteString("\n\n")
	}
	return s.String()[:size]
}

// BenchmarkMarkdownView parses a body and lays it out in a preview 500 px
// wide, as the document editor does on every change.
func BenchmarkMarkdownView(b *testing.B) {
	for _, c := range []struct {
		name string
		size int
	}{{"10KB", 10_000}, {"100KB", 100_000}, {"1MB", data.MaxBodyBytes}} {
		b.Run(c.name, func(b *testing.B) {
			test.NewTempApp(b)
			body := benchmarkBody(b, c.size)
			v := newMarkdownView("")
			w := test.NewTempWindow(b, container.NewVScroll(v.box))
			w.Resize(fyne.NewSize(500, 700))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.SetMarkdown(body)
				w.Content().Refresh()
				w.Resize(fyne.NewSize(500, 700))
			}
		})
	}
}
