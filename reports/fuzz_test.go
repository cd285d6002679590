package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// tinyStampedPDF is a one-page PDF in a core font whose Keywords carry
// stamps: small enough for the fuzzer to mutate every byte of it.
func tinyStampedPDF(f testing.TB, keywords string) []byte {
	f.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(fixedNow)
	pdf.SetKeywords(keywords, false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(40, 10, "SMS-DOC-01")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// FuzzReadStamps reads arbitrary files as printed packs: a file is refused
// as unreadable with a plain message, or its stamps print and read back
// the same. It never panics.
func FuzzReadStamps(f *testing.F) {
	f.Add(tinyStampedPDF(f, formatStamps([]Stamp{{Number: "SMS-DOC-01", Version: "1.0", SHA256: data.HashText("a")}})))
	f.Add(tinyStampedPDF(f, formatStamps([]Stamp{{Number: "A B", Version: "2.1", Draft: true, SHA256: data.HashText("b")}, {Number: "C", Version: "1.0", SHA256: data.HashText("c")}})))
	f.Add(tinyStampedPDF(f, "ISO 20000"))
	f.Add(tinyStampedPDF(f, stampsPrefix+" bad"))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		stamps, err := ReadStamps(bytes.NewReader(b))
		if err != nil {
			if data.ErrorCode(err) != data.EInvalid || data.ErrorMessage(err) == "" {
				t.Fatalf("refused with %v, want a plain EInvalid", err)
			}
			return
		}
		if len(stamps) == 0 {
			return
		}
		again, err := parseStamps(formatStamps(stamps))
		if err != nil || len(again) != len(stamps) {
			t.Fatalf("stamps %+v read back as %+v (%v)", stamps, again, err)
		}
	})
}

// FuzzPrepareLogo decodes arbitrary bytes as a logo: it is left out, or
// comes out as a PNG within the size bound that gofpdf registers. It never
// panics.
func FuzzPrepareLogo(f *testing.F) {
	f.Add(assets.DemoLogo())
	small := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	small.Set(1, 1, color.NRGBA{R: 200, A: 128})
	var p, j bytes.Buffer
	png.Encode(&p, small)
	jpeg.Encode(&j, small, nil)
	f.Add(p.Bytes())
	f.Add(j.Bytes())
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("\xff\xd8\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		logo := prepareLogo(b)
		if logo == nil {
			return
		}
		if logo.w <= 0 || logo.h <= 0 || logo.w > maxLogoSide || logo.h > maxLogoSide {
			t.Fatalf("logo of %d×%d pixels", logo.w, logo.h)
		}
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo.png))
		if pdf.Err() {
			t.Fatalf("gofpdf cannot read the prepared logo: %v", pdf.Error())
		}
	})
}
