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
	return !bytes.Contains(h[:n], []byte(pdfMagic)), nil
}
