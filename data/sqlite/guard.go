package sqlite

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"smsbuilder/data"
)

// fileKind is what the first bytes of a file say it is, as far as the guard
// on output paths cares.
type fileKind int

const (
	kindOther     fileKind = iota
	kindWorkspace          // a SQLite database marked with our application_id
	kindSQLite             // any other SQLite database
	kindSideFile           // a SQLite write-ahead log, shared-memory index or rollback journal
)

// Magic numbers of SQLite's working files.
var (
	walMagics     = [][]byte{{0x37, 0x7f, 0x06, 0x82}, {0x37, 0x7f, 0x06, 0x83}}
	journalMagic  = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}
	shmIndexMagic = uint32(3007000) // the wal-index version, in the machine's byte order
)

// probeKind reads at most the first 100 bytes of the regular file at path.
func probeKind(path string) (fileKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return kindOther, err
	}
	defer f.Close()
	h := make([]byte, 100)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return kindOther, err
	}
	return headerKind(h[:n]), nil
}

// headerKind classifies the first bytes of a file.
func headerKind(h []byte) fileKind {
	switch {
	case bytes.HasPrefix(h, []byte(sqliteMagic)):
		if len(h) >= 72 && binary.BigEndian.Uint32(h[68:72]) == applicationID {
			return kindWorkspace
		}
		return kindSQLite
	case bytes.HasPrefix(h, journalMagic):
		return kindSideFile
	case len(h) >= 4 && (bytes.Equal(h[:4], walMagics[0]) || bytes.Equal(h[:4], walMagics[1])):
		return kindSideFile
	case len(h) >= 96 && (binary.LittleEndian.Uint32(h) == shmIndexMagic || binary.BigEndian.Uint32(h) == shmIndexMagic) &&
		bytes.Equal(h[:48], h[48:96]):
		// The wal-index header is written twice, one copy after the other.
		return kindSideFile
	}
	return kindOther
}

// hasWorkspaceExt reports whether a file name ends in .smsdb, in any case.
func hasWorkspaceExt(name string) bool {
	return strings.EqualFold(filepath.Ext(name), data.WorkspaceExt)
}

// CheckOutput refuses a path that SMS Builder must never write over: any
// workspace, a SQLite file named like one, SQLite's working files, names of
// the working files a workspace would have, links to all of these, and a
// path whose folder does not exist. It writes nothing.
func (s *Store) CheckOutput(path string) error { return checkOutput(path, "") }

// CheckOutput is Store.CheckOutput that also refuses this workspace's own
// file and its working files, by name and by identity (a hard link), even
// when its header cannot be read.
func (w *Workspace) CheckOutput(path string) error { return checkOutput(path, w.abs) }

// checkOutput is the guard; open is the absolute path of the open workspace,
// or "".
func checkOutput(path, open string) error {
	if strings.TrimSpace(path) == "" {
		return data.Errorf(data.EInvalid, "Enter a file name.")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("check output file: %w", err)
	}
	real, err := resolveOutput(abs)
	if err != nil {
		var e *data.Error
		if errors.As(err, &e) && e.Code == data.ENotFound {
			return data.Errorf(data.ENotFound, "%s cannot be written: %s", path, lowerFirst(e.Message))
		}
		return err
	}
	link := ""
	if real != abs {
		link = fmt.Sprintf(" (a link to %s)", real)
	}
	refuse := func(format string, args ...any) error {
		return data.Errorf(data.EExists, "%s%s %s SMS Builder never writes over a workspace: choose another file name.", path, link, fmt.Sprintf(format, args...))
	}

	var openNames []string // the open workspace and its working files, resolved
	if open != "" {
		if r, err := filepath.EvalSymlinks(open); err == nil {
			open = r
		}
		openNames = append(openNames, open)
		for _, suffix := range sideSuffixes {
			openNames = append(openNames, open+suffix)
		}
	}
	for i, o := range openNames {
		if samePath(real, o) {
			if i == 0 {
				return refuse("is the workspace you have open.")
			}
			return refuse("is where SQLite keeps the unsaved changes of the workspace you have open.")
		}
	}
	// A working file's name says which database it belongs to, whether or
	// not it exists yet.
	for _, p := range []string{abs, real} {
		if main, ok := cutSideSuffix(p); ok {
			if hasWorkspaceExt(main) {
				return refuse("is a name SQLite uses for the working files of the workspace %s.", filepath.Base(main))
			}
			if k, err := probeKind(main); err == nil && k == kindWorkspace {
				return refuse("is a name SQLite uses for the working files of the workspace %s.", filepath.Base(main))
			}
		}
	}

	fi, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s cannot be checked.", path), Err: err}
	case fi.IsDir():
		return data.Errorf(data.EInvalid, "%s is a folder: add a file name.", path)
	case !fi.Mode().IsRegular():
		return data.Errorf(data.EInvalid, "%s is not a regular file: choose another file name.", path)
	}
	for i, o := range openNames {
		if ofi, err := os.Stat(o); err == nil && os.SameFile(fi, ofi) {
			if i == 0 {
				return refuse("is another name for the workspace you have open.")
			}
			return refuse("is another name for a working file of the workspace you have open.")
		}
	}
	k, err := probeKind(real)
	if err != nil {
		return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s cannot be checked.", path), Err: err}
	}
	switch {
	case k == kindWorkspace:
		return refuse("is an SMS Builder workspace.")
	case k == kindSQLite && (hasWorkspaceExt(abs) || hasWorkspaceExt(real)):
		return refuse("is a SQLite database named like a workspace.")
	case k == kindSideFile:
		return refuse("is a working file in which SQLite keeps changes to a database.")
	}
	return nil
}

// resolveOutput follows the symbolic links in abs, which may not exist:
// then its folder must. A dangling link is followed to where it points.
func resolveOutput(abs string) (string, error) {
	for range 40 {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return real, nil
		}
		fi, err := os.Lstat(abs)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			break
		}
		target, err := os.Readlink(abs)
		if err != nil {
			return "", fmt.Errorf("check output file: %w", err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = target
	}
	dir := filepath.Dir(abs)
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", data.Errorf(data.ENotFound, "There is no folder %s.", dir)
	}
	if fi, err := os.Stat(real); err != nil || !fi.IsDir() {
		return "", data.Errorf(data.ENotFound, "There is no folder %s.", dir)
	}
	return filepath.Join(real, filepath.Base(abs)), nil
}

// lowerFirst lowers the first letter of a message that follows a colon.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// cutSideSuffix returns the database a working file's name belongs to.
func cutSideSuffix(p string) (string, bool) {
	for _, suffix := range sideSuffixes {
		if len(p) > len(suffix) && strings.EqualFold(p[len(p)-len(suffix):], suffix) {
			return p[:len(p)-len(suffix)], true
		}
	}
	return "", false
}

// caseInsensitiveFS is true where file names usually ignore case.
const caseInsensitiveFS = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// samePath compares two resolved paths as the file system would: some
// systems ignore the case of letters.
func samePath(a, b string) bool {
	if a == b {
		return true
	}
	return caseInsensitiveFS && strings.EqualFold(a, b)
}
