package sqlite

// One writer at a time. Opening a workspace for writing takes a lock file
// beside it, in the style of LibreOffice's: for Northwind.smsdb it is
// .~lock.Northwind.smsdb#, created with O_EXCL so that of two openers only one
// succeeds, and holding one line of JSON:
//
//	{"app":"SMS Builder","person":"Priya Raman","host":"LAPTOP-3","pid":4242,"since":"2026-12-01T09:12:00Z"}
//
// Close removes it while it still holds what this Store wrote. Everyone else
// who opens the file reads it and gets the workspace read-only, told who
// holds it. A lock whose process is gone from this computer is taken over
// silently; one from another computer only when the person asks (TakeOver).
// SQLite's own locks still guard every transaction: the lock file is what
// tells people apart, and keeps a second writer from starting at all.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"smsbuilder/data"
)

// lockApp is the "app" value of every lock file SMS Builder writes.
const lockApp = "SMS Builder"

// lockInfo is the content of a lock file.
type lockInfo struct {
	App    string    `json:"app"`
	Person string    `json:"person"`
	Host   string    `json:"host"`
	PID    int       `json:"pid"`
	Since  time.Time `json:"since"`
}

// lockPath is the lock file of the workspace at abs. Links are followed, so
// that every name of one file leads to the same lock.
func lockPath(abs string) string {
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return filepath.Join(filepath.Dir(abs), ".~lock."+filepath.Base(abs)+"#")
}

// locks are the lock files one Store holds, so that a second window of the
// same process is told it is open already. Main makes one Store per
// process: a lock naming this process that the Store does not hold was left
// by an earlier process whose number this one now has.
type locks struct {
	mu   sync.Mutex
	held map[string]*heldLock // by lock file path
}

// heldLock is a lock file this Store wrote.
type heldLock struct {
	path    string
	content []byte // what the file holds while it is still ours
	info    lockInfo
}

// lockState is what a Workspace knows of the lock: the one it holds, or
// who holds the one that made it read-only.
type lockState struct {
	store  *Store
	held   *heldLock
	holder *data.LockHolder
}

func (s *Store) hostname() string {
	if s.host != nil {
		return s.host()
	}
	h, err := os.Hostname()
	if err != nil {
		return ""
	}
	return h
}

func (s *Store) isAlive(pid int) bool {
	if s.alive != nil {
		return s.alive(pid)
	}
	return processAlive(pid)
}

// acquire takes the write lock of the workspace at abs for the person named
// in ctx. When someone else holds it, it returns who, and no lock; a lock
// left on this computer by a process that has ended is replaced, and with
// takeOver so is one from another computer. A folder where no lock can be
// written returns neither lock nor holder: the caller opens read-only.
func (s *Store) acquire(ctx context.Context, abs string, takeOver bool) (*heldLock, *data.LockHolder, error) {
	path := lockPath(abs)
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if h, ok := s.locks.held[path]; ok {
		holder := h.info.holder()
		return nil, &holder, nil
	}
	mine := lockInfo{App: lockApp, Person: data.ActorFrom(ctx), Host: s.hostname(), PID: os.Getpid(), Since: s.clock().UTC().Truncate(time.Second)}
	var holder data.LockHolder
	for range 3 {
		lk, err := createLock(path, mine)
		if err == nil {
			if s.locks.held == nil {
				s.locks.held = map[string]*heldLock{}
			}
			s.locks.held[path] = lk
			return lk, nil, nil
		}
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return nil, nil, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, nil, fmt.Errorf("take the write lock: %w", err)
		}
		var content []byte
		holder, content, err = s.readLock(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue // its holder closed it meanwhile
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read the write lock: %w", err)
		}
		if !holder.Stale && !(takeOver && holder.Remote) {
			return nil, &holder, nil
		}
		// Replace it only if no one replaced it since it was read.
		if now, err := os.ReadFile(path); err == nil && bytes.Equal(now, content) {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, nil, fmt.Errorf("replace the write lock: %w", err)
			}
		}
	}
	return nil, &holder, nil
}

// encodeLock is the content of a lock file: one line of JSON.
func encodeLock(info lockInfo) ([]byte, error) {
	b, err := json.Marshal(info)
	return append(b, '\n'), err
}

// createLock writes a new lock file at path; it fails if one exists.
func createLock(path string, info lockInfo) (*heldLock, error) {
	b, err := encodeLock(info)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return &heldLock{path: path, content: b, info: info}, nil
}

// readLock reads the lock file at path and says who holds it. A file that
// cannot be parsed may be one being written this instant, so it is read
// again a few times before it is taken for a lock that names no one.
func (s *Store) readLock(path string) (data.LockHolder, []byte, error) {
	var b []byte
	var err error
	for try := range 5 {
		if try > 0 {
			time.Sleep(50 * time.Millisecond)
		}
		if b, err = os.ReadFile(path); err != nil {
			return data.LockHolder{}, nil, err
		}
		var info lockInfo
		if json.Unmarshal(b, &info) == nil && info.App == lockApp {
			return s.holderOf(info), b, nil
		}
	}
	h := data.LockHolder{Remote: true}
	if fi, err := os.Stat(path); err == nil {
		h.Since = fi.ModTime().UTC()
	}
	return h, b, nil
}

func (info lockInfo) holder() data.LockHolder {
	return data.LockHolder{Person: info.Person, Host: info.Host, PID: info.PID, Since: info.Since}
}

// holderOf says who a lock file names, and whether it is stale or remote.
// The caller has looked among the Store's own locks first.
func (s *Store) holderOf(info lockInfo) data.LockHolder {
	h := info.holder()
	switch {
	case info.Host == "" || !strings.EqualFold(info.Host, s.hostname()):
		h.Remote = true
	case info.PID == os.Getpid() || !s.isAlive(info.PID):
		h.Stale = true
	}
	return h
}

// peekLock says who holds the lock of the workspace at abs, or nil.
func (s *Store) peekLock(abs string) *data.LockHolder {
	path := lockPath(abs)
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if h, ok := s.locks.held[path]; ok {
		holder := h.info.holder()
		return &holder
	}
	holder, _, err := s.readLock(path)
	if err != nil {
		return nil
	}
	return &holder
}

// release removes the lock file, unless someone took it over meanwhile.
func (l *lockState) release() {
	if l.held == nil {
		return
	}
	s := l.store
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if now, err := os.ReadFile(l.held.path); err == nil && bytes.Equal(now, l.held.content) {
		os.Remove(l.held.path)
	}
	delete(s.locks.held, l.held.path)
	l.held = nil
}

// setPerson rewrites the held lock to name the person in ctx. The new file
// replaces the old one by a rename, so no reader sees it half written.
func (l *lockState) setPerson(ctx context.Context) error {
	if l.held == nil {
		return nil
	}
	s := l.store
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	info := l.held.info
	info.Person = data.ActorFrom(ctx)
	if info == l.held.info {
		return nil
	}
	if now, err := os.ReadFile(l.held.path); err != nil || !bytes.Equal(now, l.held.content) {
		return data.Errorf(data.EReadOnly, "Someone else took over the write lock of this workspace: open it again to see who.")
	}
	b, err := encodeLock(info)
	if err != nil {
		return fmt.Errorf("update the write lock: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(l.held.path), ".~lock.*.tmp")
	if err != nil {
		return fmt.Errorf("update the write lock: %w", err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), l.held.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("update the write lock: %w", err)
	}
	l.held.info, l.held.content = info, b
	return nil
}

// Holder names who holds the write lock when the workspace was opened
// read-only because of them; nil otherwise.
func (w *Workspace) Holder() *data.LockHolder {
	if w.lock.holder == nil {
		return nil
	}
	h := *w.lock.holder
	return &h
}

// SetHolder records the person named in ctx in the write lock.
func (w *Workspace) SetHolder(ctx context.Context) error { return w.lock.setPerson(ctx) }

// TakeOver opens the workspace at path for writing, replacing a lock left
// on another computer. One held on this computer by a running process, or
// by another window of this one, is refused: that SMS Builder still works.
// A file that is read-only on disk stays read-only.
func (s *Store) TakeOver(ctx context.Context, path string) (data.Workspace, error) {
	ws, err := s.openAs(ctx, path, openTakeOver)
	if err != nil {
		return nil, err
	}
	if h := ws.lock.holder; h != nil && !h.Remote {
		ws.Close()
		return nil, data.Errorf(data.EReadOnly, "%s is still open in SMS Builder on this computer by %s since %s (process %d): close it there first.", filepath.Base(path), personOrSomeone(h.Person), h.SinceText(s.clock()), h.PID)
	}
	return ws, nil
}

// OpenReadOnly opens the workspace at path for reading without its lock.
func (s *Store) OpenReadOnly(ctx context.Context, path string) (data.Workspace, error) {
	ws, err := s.openAs(ctx, path, openRead)
	if err != nil {
		return nil, err
	}
	return ws, nil
}

func personOrSomeone(p string) string {
	if p == "" || p == "unknown" {
		return "someone"
	}
	return p
}

// lockedReadOnly is the refusal when a file held by someone else would need
// an update to this version's schema before it could be read.
func lockedReadOnly(path string, h *data.LockHolder, version, newest int) error {
	return data.Errorf(data.EReadOnly, "%s is open in SMS Builder by %s since %s, and was saved by an older version (schema %d); it must be updated to schema %d before this version can read it. Try again when it is closed there.",
		path, h.Who(), h.SinceText(time.Now()), version, newest)
}

// openHow is what an opener asks of the write lock.
type openHow int

const (
	openWrite    openHow = iota // take the lock; read-only when someone else holds it
	openRead                    // leave the lock alone (commands that only read)
	openTakeOver                // take the lock, replacing one left on another computer
)

// openLocked settles the write lock of the inspected workspace ws. When
// ws is to be read-only because of the lock, or was asked for only to read,
// it opens ws's database itself and returns done; otherwise ws holds the
// lock (if the file is writable) and the caller opens it as before.
func (s *Store) openLocked(ctx context.Context, ws *Workspace, in inspection, newest int, how openHow) (done bool, err error) {
	if in.readOnly {
		// Nobody can write it through this app here, so it takes no lock,
		// but a person who may write it elsewhere is named.
		if h := s.peekLock(in.abs); h != nil && !h.Stale {
			ws.lock.holder = h
		}
		return false, nil
	}
	if how == openRead && in.version == newest {
		if h := s.peekLock(in.abs); h != nil && !h.Stale {
			ws.lock.holder = h
		}
		if ws.db, err = openReader(in.abs, s.networkFS(in.abs) != ""); err != nil {
			return true, fmt.Errorf("open workspace: %w", err)
		}
		// Today's copy is made by the first opener of the day, a command
		// that only reads included; one who holds the lock has made it.
		if ws.lock.holder == nil {
			s.dailyBackup(ctx, ws)
		}
		ws.readOnly = true
		return true, nil
	}
	held, holder, err := s.acquire(ctx, in.abs, how == openTakeOver)
	if err != nil {
		return true, fmt.Errorf("open workspace: %w", err)
	}
	ws.lock = lockState{store: s, held: held, holder: holder}
	if held != nil {
		return false, nil
	}
	if holder == nil {
		// The folder takes no lock file: read-only, as if the file were.
		ws.readOnly = true
		return false, nil
	}
	if in.version < newest {
		return true, lockedReadOnly(in.path, holder, in.version, newest)
	}
	ws.readOnly = true
	if ws.db, err = openReader(in.abs, s.networkFS(in.abs) != ""); err != nil {
		return true, fmt.Errorf("open workspace: %w", err)
	}
	return true, nil
}

// openReader opens a workspace to read beside a writer: a read-write
// connection that nothing writes through (Workspace.write refuses first), so
// that SQLite, should it be the last to close, folds the log into the file
// and removes the -wal and -shm files, which a mode=ro connection cannot.
// On a network drive it asks for the rollback journal, as writers there do.
func openReader(abs string, network bool) (*sql.DB, error) {
	dsn := fileURI(abs) + "?mode=rw&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
	if network {
		dsn += "&_pragma=journal_mode(DELETE)"
	}
	return openDB(dsn)
}

// nameHeld refuses to create a workspace at abs while someone holds a lock
// for that name: they have the file open, and it was moved or deleted under
// them.
func (s *Store) nameHeld(path, abs string) error {
	if !lockFileExists(abs) {
		return nil
	}
	if h := s.peekLock(abs); h != nil && !h.Stale {
		return data.Errorf(data.EExists, "%s is open in SMS Builder by %s since %s: choose another name.", path, h.Who(), h.SinceText(s.clock()))
	}
	return nil
}

// lockCreated takes the write lock of the workspace ws just created. It is
// taken once the file is in place, so that a creation cut short leaves no
// lock behind; should someone have opened the new file in that instant,
// they keep it and the creator's copy is closed.
func (s *Store) lockCreated(ctx context.Context, ws *Workspace) error {
	held, holder, err := s.acquire(ctx, ws.abs, false)
	if err == nil && holder != nil {
		err = data.Errorf(data.EExists, "%s was opened by %s as soon as it was created: open it again to read it.", ws.path, holder.Who())
	}
	if err != nil {
		ws.Close()
		return err
	}
	ws.lock = lockState{store: s, held: held}
	return nil
}

// lockFileExists reports whether a lock file lies beside the workspace.
func lockFileExists(abs string) bool {
	_, err := os.Lstat(lockPath(abs))
	return err == nil
}

// stillOurs checks, before a write, that the lock is still the one this
// workspace took: someone on another computer may have taken it over, and
// from then on this copy must not write. A lock deleted by hand is put back.
func (l *lockState) stillOurs() error {
	if l.held == nil {
		return nil
	}
	s := l.store
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	now, err := os.ReadFile(l.held.path)
	if errors.Is(err, fs.ErrNotExist) {
		if lk, err := createLock(l.held.path, l.held.info); err == nil {
			l.held.content = lk.content
			return nil
		}
		now, err = os.ReadFile(l.held.path)
	}
	if err != nil {
		return fmt.Errorf("read the write lock: %w", err)
	}
	if bytes.Equal(now, l.held.content) {
		return nil
	}
	var info lockInfo
	who, at := "someone", ""
	if json.Unmarshal(now, &info) == nil && info.App == lockApp {
		h := info.holder()
		who, at = h.Who(), " at "+h.SinceText(s.clock())
	}
	return data.Errorf(data.EReadOnly, "%s took over this workspace%s: the change was not saved. Open it again to read it, or to take it back.", who, at)
}
