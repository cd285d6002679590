package data

import (
	"fmt"
	"strings"
)

// MaxBodyBytes is the most text one document version may hold: what the
// import accepts, and what storage accepts on every save, so that a text
// pasted or written in pieces cannot grow past what a pack prints in
// reasonable time.
const MaxBodyBytes = 1 << 20

// CheckBody refuses a document text longer than MaxBodyBytes, naming the
// document by its number.
func CheckBody(number, body string) error {
	if len(body) <= MaxBodyBytes {
		return nil
	}
	return Errorf(EInvalid, "The text of %s was not saved: it is %s, and a document may hold at most %s. Split it into several documents.",
		number, SizeText(int64(len(body))), SizeText(MaxBodyBytes))
}

// SizeText is a size in bytes as a person reads it: "1.3 MB", "640 KB".
func SizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<10-1)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
