package reports

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
)

// verifyBytes runs both checks verify makes on a PDF held in memory.
func verifyBytes(t *testing.T, b []byte, src Source) []VerifyResult {
	t.Helper()
	stamps, err := ReadStamps(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	res, err := VerifyText(context.Background(), bytes.NewReader(b), src, Verify(stamps, src))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func resultOf(t *testing.T, res []VerifyResult, number string) VerifyResult {
	t.Helper()
	for _, r := range res {
		if r.Stamp.Number == number {
			return r
		}
	}
	t.Fatalf("no result for %s", number)
	return VerifyResult{}
}

// TestVerifyText changes what a printed manual shows, behind the stamps'
// back, and asserts that verify names the document and the page.
func TestVerifyText(t *testing.T) {
	src, _, _ := demoSource(t, true)
	for _, compress := range []bool{false, true} {
		b := buildPack(t, "manual", src, Options{Now: fixedNow, Uncompressed: !compress})
		for _, r := range verifyBytes(t, b, src) {
			if !r.OK() {
				t.Errorf("compressed %v: an untouched manual reports %s as %s (%s)", compress, r.Stamp.Number, r.Status, r.Message)
			}
		}
	}

	b := buildPack(t, "manual", src, Options{Now: fixedNow, Uncompressed: true})
	printed, err := readPrinted(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	first, last, ok := printed.pagesOf("SMS-DOC-02")
	if !ok || last <= first {
		t.Fatalf("SMS-DOC-02 is on pages %d to %d of the manual", first, last)
	}
	// One glyph of one string on the document's second page, changed in
	// the content stream: same length, so the file stays a valid PDF.
	page := first + 1
	var target string
	for _, s := range printed.pages[page-1] {
		if len(s) >= 8 && bytes.Count(b, []byte(s)) == 1 && !strings.ContainsAny(s, "()\\\r") {
			target = s
			break
		}
	}
	if target == "" {
		t.Fatalf("no string of page %d occurs once in the file", page)
	}
	changed := []byte(target)
	changed[3] ^= 0x01 // "e" becomes "d": a UTF-16BE code unit's low byte
	edited := bytes.Replace(b, []byte(target), changed, 1)
	r := resultOf(t, verifyBytes(t, edited, src), "SMS-DOC-02")
	if r.Status != VerifyChanged || r.Page != page || !strings.Contains(r.Message, "page "+itoa(page)) {
		t.Errorf("after one glyph changed on page %d: %s %q (page %d), want changed naming the page", page, r.Status, r.Message, r.Page)
	}
	for _, other := range verifyBytes(t, edited, src) {
		if other.Stamp.Number != "SMS-DOC-02" && !other.OK() {
			t.Errorf("the change on SMS-DOC-02 is blamed on %s too", other.Stamp.Number)
		}
	}

	// The stamp of SMS-DOC-02 copied onto the pages of another document.
	one, err := buildDocument(t, src, "SMS-DOC-02", false)
	if err != nil {
		t.Fatal(err)
	}
	stamps02, _ := ReadStamps(bytes.NewReader(one))
	var donor []byte
	var stampsDonor []Stamp
	for _, rec := range src.Documents {
		n := rec.Document.Number
		if n == "SMS-DOC-02" {
			continue
		}
		if donor, err = buildDocument(t, src, n, false); err != nil {
			continue
		}
		stampsDonor, _ = ReadStamps(bytes.NewReader(donor))
		if len(stampsDonor) == 1 && len(stampsDonor[0].String()) == len(stamps02[0].String()) {
			break
		}
		donor = nil
	}
	if donor == nil {
		t.Fatal("no other document prints a stamp of the same length")
	}
	forged := bytes.Replace(donor, []byte(stampsDonor[0].String()), []byte(stamps02[0].String()), 1)
	res := verifyBytes(t, forged, src)
	if len(res) != 1 || res[0].Stamp.Number != "SMS-DOC-02" {
		t.Fatalf("the forged file's stamps read as %+v", res)
	}
	if res[0].Status != VerifyChanged || !strings.Contains(res[0].Message, "no pages") {
		t.Errorf("a stamp copied onto %s reads as %s %q, want changed", stampsDonor[0].Number, res[0].Status, res[0].Message)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestSameTextAcrossRuns: a page printed a word at a time, as packs were
// before words were set in runs, shows the same text as the runs of today,
// and a changed letter still shows.
func TestSameTextAcrossRuns(t *testing.T) {
	words := []string{string(utf16("A")), string(utf16("paragraph")), string(utf16("with")), string(utf16("bold")), string(utf16(","))}
	runs := []string{string(utf16("A paragraph with ")), string(utf16("bold")), string(utf16(","))}
	for _, tc := range []struct {
		name string
		a, b []string
		want bool
	}{
		{"words and runs", words, runs, true},
		{"runs and runs", runs, runs, true},
		{"a letter changed", words, []string{string(utf16("A paragraph with ")), string(utf16("bald")), string(utf16(","))}, false},
		{"a word missing", words, runs[1:], false},
	} {
		if got := sameText(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: sameText = %v, want %v", tc.name, got, tc.want)
		}
	}
}
