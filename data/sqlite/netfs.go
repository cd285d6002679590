package sqlite

import (
	"context"
	"path/filepath"
)

// Shared drives and synced folders. SQLite's write-ahead log keeps its index
// in a memory-mapped -shm file that only works among processes of one
// computer, so on a network file system a workspace uses the rollback
// journal instead (journal_mode=DELETE), which SQLite supports there as far
// as the file system's locks are sound. Locally the log is kept: it is
// faster and lets readers work beside the writer.

// networkFS names the network file system that holds the workspace at abs,
// or "" when it is local.
func (s *Store) networkFS(abs string) string {
	detect := s.fileSystem
	if detect == nil {
		detect = fileSystemOf
	}
	return detect(filepath.Dir(abs))
}

// journalMode is the journal the workspace at abs is opened with for
// writing.
func (s *Store) journalMode(abs string) string {
	if s.networkFS(abs) != "" {
		return "DELETE"
	}
	return "WAL"
}

// checkpoint folds the write-ahead log into the workspace before a writer
// closes it and empties the log, so that the file alone is whole even when a
// reader keeps the log open after this connection has gone. SQLite removes
// the -wal and -shm files when the last connection closes.
func (w *Workspace) checkpoint() {
	if w.readOnly || w.db == nil {
		return
	}
	w.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)")
}
