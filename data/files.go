package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// FileStore is the part of Store that makes files: new workspaces built
// where no one can see them half done, copies, and the guard that keeps
// every output off a workspace.
type FileStore interface {
	// CheckOutput refuses, with a plain *Error and without writing anything,
	// a path that must not be written over: an SMS Builder workspace, a
	// working file SQLite keeps beside one (-wal, -shm, -journal), or a link
	// to either. A missing folder is refused too. Any other path, existing
	// or not, passes; whether an existing file may be replaced is the
	// caller's question.
	CheckOutput(path string) error
	// CreateWith makes a new workspace at path like Create, but fills it
	// first: the file appears at path only once fill has returned nil, so
	// an interrupted or failed fill leaves nothing there.
	CreateWith(ctx context.Context, path string, fill func(Workspace) error) (Workspace, error)
	// CopyWorkspace writes a consistent copy of the workspace src to dest,
	// which must not exist, without changing src.
	CopyWorkspace(ctx context.Context, src, dest string) error
	// Backups lists the daily copies of the workspace at path, newest first.
	Backups(ctx context.Context, path string) ([]Backup, error)
}

// WorkspaceFiles is the part of Workspace that concerns its file.
type WorkspaceFiles interface {
	// CheckOutput is Store.CheckOutput that also refuses this workspace's
	// own file, its working files and any other name for them.
	CheckOutput(path string) error
	// DailyBackup is the copy Open wrote into the Backups folder ("" when
	// today's copy existed already, or the file is read-only), and why it
	// could not be written.
	DailyBackup() (string, error)
}

// Backup is one automatic copy of a workspace.
type Backup struct {
	Path string
	Day  time.Time // the day it was made, at midnight UTC
	// Report describes the copy, read without changing it; Err says why it
	// could not be read.
	Report CheckReport
	Err    error
}

// FileSize is a file's size as a person reads it: "840 bytes", "96 KB", "2.4 MB".
func FileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// WriteFileAtomic writes a file through a temporary one beside path, which
// it renames into place once write has succeeded: a failed or cancelled
// write leaves any earlier file at path as it was, and never half a file.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".smsbuilder-*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes files private
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
