package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// pdfMagic opens every PDF file, within its first kilobyte.
const pdfMagic = "%PDF-"

// ReplacesOther reports whether writing a pack to path would replace an
// existing file that is not a PDF, which a person must confirm first. A
// missing file or an existing PDF returns false.
func ReplacesOther(path string) (bool, error) {
	return replacesOther(path, func(h []byte) bool { return bytes.Contains(h, []byte(pdfMagic)) })
}

// ReplacesOtherThanBundle is ReplacesOther for an auditor bundle: an
// existing zip may be replaced, anything else only once confirmed.
func ReplacesOtherThanBundle(path string) (bool, error) {
	return replacesOther(path, func(h []byte) bool { return bytes.HasPrefix(h, []byte("PK\x03\x04")) })
}

// replacesOther reads the first kilobyte of path and asks ours whether it
// is a file of the kind about to be written.
func replacesOther(path string, ours func(head []byte) bool) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("check %s: %w", path, err)
	}
	defer f.Close()
	h := make([]byte, 1024)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("check %s: %w", path, err)
	}
	return !ours(h[:n]), nil
}
