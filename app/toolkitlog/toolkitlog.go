// Package toolkitlog keeps the toolkit's log lines off the terminal.
//
// Fyne logs through the standard logger, and its lang package does so while
// it is being initialised ("Error parsing user locale C" under LANG=C.UTF-8),
// before main runs. This package's init runs earlier: Go initialises packages
// in import-path order once their imports are ready, and lang imports
// text/template, which sorts after this package's path. A test runs the
// built program under the C locales and expects a silent standard error.
package toolkitlog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"
)

// maxEarly caps what is held before main decides where the log goes.
const maxEarly = 64 << 10

// maxFile is the size beyond which the log file is started afresh, keeping
// the previous one beside it.
const maxFile = 1 << 20

// early holds the lines logged before main chose a destination.
type early struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (e *early) Write(p []byte) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.buf.Len()+len(p) <= maxEarly {
		e.buf.Write(p)
	}
	return len(p), nil
}

func init() {
	log.SetOutput(&early{})
}

// SendTo makes w the destination of the toolkit's log, starting with what
// was logged before. A nil w drops it all.
func SendTo(w io.Writer) {
	if w == nil {
		w = io.Discard
	}
	if e, ok := log.Writer().(*early); ok {
		e.mu.Lock()
		_, _ = w.Write(e.buf.Bytes())
		e.mu.Unlock()
	}
	log.SetOutput(w)
}

// File opens the GUI's log file for appending, in the user's state folder
// ($XDG_STATE_HOME, or ~/.local/state), under smsbuilder/smsbuilder.log. A
// file past maxFile is kept as smsbuilder.log.old and a new one begun.
func File() (*os.File, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("find the log folder: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	dir = filepath.Join(dir, "smsbuilder")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create the log folder: %w", err)
	}
	path := filepath.Join(dir, "smsbuilder.log")
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxFile {
		if err := os.Rename(path, path+".old"); err != nil {
			return nil, fmt.Errorf("set the old log aside: %w", err)
		}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read the log file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the log file: %w", err)
	}
	return f, nil
}
