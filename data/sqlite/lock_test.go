package sqlite

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// closedWorkspace creates a workspace at a fresh path with one person in
// it, closes it, and returns its path.
func closedWorkspace(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "team"+data.WorkspaceExt)
	ws, err := New().create(actorCtx("Seeder"), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SavePerson(actorCtx("Seeder"), data.Person{Name: "Aisha Bello"}); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func thisHost(t *testing.T) string {
	t.Helper()
	h, err := os.Hostname()
	if err != nil {
		t.Skipf("no host name: %v", err)
	}
	return h
}

// writeLock puts a lock file beside path as another SMS Builder would.
func writeLock(t *testing.T, path string, info lockInfo) []byte {
	t.Helper()
	b, err := json.Marshal(info)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, lockPath(path), b)
	return b
}

func readLockInfo(t *testing.T, path string) lockInfo {
	t.Helper()
	b, err := os.ReadFile(lockPath(path))
	if err != nil {
		t.Fatalf("read lock: %v", err)
	}
	var info lockInfo
	if err := json.Unmarshal(b, &info); err != nil {
		t.Fatalf("lock %q: %v", b, err)
	}
	return info
}

// deadPID is the number of a process of this computer that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatalf("run a short process: %v", err)
	}
	if processAlive(cmd.Process.Pid) {
		t.Skip("the ended process's number is in use again")
	}
	return cmd.Process.Pid
}

func openFor(t *testing.T, s *Store, who, path string) *Workspace {
	t.Helper()
	ws, err := s.open(actorCtx(who), path)
	if err != nil {
		t.Fatalf("open %s as %s: %v", path, who, err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// A second window of the same app gets the file read-only, told who has it
// and since when, sees the first window's changes and cannot write.
func TestSecondOpenInTheSameStoreIsReadOnly(t *testing.T) {
	path := closedWorkspace(t)
	s := New()
	s.now = func() time.Time { return time.Date(2026, 12, 1, 9, 12, 30, 0, time.UTC) }
	first := openFor(t, s, "Priya Raman", path)
	if first.ReadOnly() || first.Holder() != nil {
		t.Fatalf("first opener: read-only %v, holder %+v; want writable, no holder", first.ReadOnly(), first.Holder())
	}
	info := readLockInfo(t, path)
	want := lockInfo{App: "SMS Builder", Person: "Priya Raman", Host: thisHost(t), PID: os.Getpid(), Since: time.Date(2026, 12, 1, 9, 12, 30, 0, time.UTC)}
	if info != want {
		t.Errorf("lock file = %+v, want %+v", info, want)
	}

	second := openFor(t, s, "Bob Lee", path)
	if !second.ReadOnly() {
		t.Fatal("second opener may write")
	}
	h := second.Holder()
	if h == nil {
		t.Fatal("second opener is not told who holds the file")
	}
	if h.Person != "Priya Raman" || h.Host != thisHost(t) || h.PID != os.Getpid() || h.Remote || h.Stale {
		t.Errorf("holder = %+v, want Priya Raman on this computer, neither remote nor stale", *h)
	}
	notice := h.Notice(time.Date(2026, 12, 1, 11, 0, 0, 0, time.UTC))
	if wantNotice := "Open in SMS Builder by Priya Raman on " + thisHost(t) + " since 09:12: opened read-only."; notice != wantNotice {
		t.Errorf("notice = %q, want %q", notice, wantNotice)
	}
	if _, err := second.SavePerson(actorCtx("Bob Lee"), data.Person{Name: "Bob Lee"}); data.ErrorCode(err) != data.EReadOnly {
		t.Errorf("save by the second opener: %v, want %s", err, data.EReadOnly)
	}
	if _, err := first.SavePerson(actorCtx("Priya Raman"), data.Person{Name: "Priya Raman"}); err != nil {
		t.Fatal(err)
	}
	people, err := second.People(context.Background())
	if err != nil || len(people) != 2 {
		t.Errorf("the second opener sees %d people (%v), want 2", len(people), err)
	}
	if got := readLockInfo(t, path); got != want {
		t.Errorf("after the second open the lock = %+v, want it unchanged %+v", got, want)
	}
	report, err := s.Check(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if report.Lock == nil || report.Lock.Person != "Priya Raman" || report.Lock.Stale {
		t.Errorf("Check().Lock = %+v, want Priya Raman", report.Lock)
	}

	// Once the first window closes, the next opener writes.
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second.Close()
	third := openFor(t, s, "Bob Lee", path)
	if third.ReadOnly() {
		t.Error("after the holder closed, a new opener is read-only")
	}
	if got := readLockInfo(t, path).Person; got != "Bob Lee" {
		t.Errorf("lock names %q, want Bob Lee", got)
	}
}

// A lock left by a process of this computer that has ended (a crash) is
// taken over without a word.
func TestStaleLockOnThisComputerIsTakenOver(t *testing.T) {
	for _, tt := range []struct {
		name string
		pid  func(t *testing.T) int
	}{
		{"ended process", deadPID},
		// Only an earlier process can have left this process's number in a
		// lock that this Store did not write.
		{"this process's number, reused", func(*testing.T) int { return os.Getpid() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := closedWorkspace(t)
			writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: thisHost(t), PID: tt.pid(t), Since: time.Now().Add(-time.Hour)})
			report, err := New().Check(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			if report.Lock == nil || !report.Lock.Stale {
				t.Errorf("Check().Lock = %+v, want a stale lock", report.Lock)
			}
			ws := openFor(t, New(), "Bob Lee", path)
			if ws.ReadOnly() || ws.Holder() != nil {
				t.Fatalf("read-only %v, holder %+v; want the stale lock taken over", ws.ReadOnly(), ws.Holder())
			}
			if got := readLockInfo(t, path); got.Person != "Bob Lee" || got.PID != os.Getpid() {
				t.Errorf("lock = %+v, want Bob Lee in this process", got)
			}
		})
	}
}

// A lock from another computer is never taken silently: the opener reads,
// is told who and where, and may take it over only by asking.
func TestLockFromAnotherComputerIsNotTakenSilently(t *testing.T) {
	path := closedWorkspace(t)
	since := time.Now().Add(-3 * time.Hour).UTC().Truncate(time.Second)
	theirs := writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: "LAPTOP-3", PID: 4242, Since: since})
	s := New()
	before := stateOf(t, path)
	if r, err := s.Check(context.Background(), path); err != nil || r.Lock == nil || !r.Lock.Remote {
		t.Errorf("Check() = %+v, %v; want the remote lock", r.Lock, err)
	}
	if got := dirNames(t, filepath.Dir(path)); len(got) != 2 || stateOf(t, path) != before {
		t.Errorf("Check changed the folder (%q) or the file", got)
	}
	ws := openFor(t, s, "Bob Lee", path)
	if !ws.ReadOnly() {
		t.Fatal("a lock from another computer was taken silently")
	}
	if h := ws.Holder(); h == nil || h.Person != "Priya Raman" || h.Host != "LAPTOP-3" || !h.Remote || h.Stale || !h.Since.Equal(since) {
		t.Errorf("holder = %+v, want Priya Raman on LAPTOP-3, remote", h)
	}
	if b, _ := os.ReadFile(lockPath(path)); string(b) != string(theirs) {
		t.Errorf("the lock changed: %q", b)
	}
	ws.Close()
	if b, _ := os.ReadFile(lockPath(path)); string(b) != string(theirs) {
		t.Errorf("closing the read-only workspace changed the lock: %q", b)
	}

	w, err := s.TakeOver(actorCtx("Bob Lee"), path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if w.ReadOnly() {
		t.Error("taken over, the workspace is still read-only")
	}
	if got := readLockInfo(t, path); got.Person != "Bob Lee" || got.Host != thisHost(t) {
		t.Errorf("after take-over the lock = %+v, want Bob Lee here", got)
	}
	if _, err := w.SavePerson(actorCtx("Bob Lee"), data.Person{Name: "Bob Lee"}); err != nil {
		t.Error(err)
	}
}

// A lock held by a running process of this computer, or by another window
// of this one, cannot be taken over: that SMS Builder is still at work.
func TestTakeOverRefusesALiveHolderOnThisComputer(t *testing.T) {
	t.Run("another process", func(t *testing.T) {
		path := closedWorkspace(t)
		writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: thisHost(t), PID: os.Getppid(), Since: time.Now()})
		ws := openFor(t, New(), "Bob Lee", path)
		if h := ws.Holder(); !ws.ReadOnly() || h == nil || h.Remote || h.Stale {
			t.Errorf("read-only %v, holder %+v; want read-only, held here", ws.ReadOnly(), h)
		}
		_, err := New().TakeOver(actorCtx("Bob Lee"), path)
		if data.ErrorCode(err) != data.EReadOnly || !strings.Contains(data.ErrorMessage(err), "Priya Raman") {
			t.Errorf("TakeOver() = %v, want a refusal naming Priya Raman", err)
		}
		if got := readLockInfo(t, path).Person; got != "Priya Raman" {
			t.Errorf("the refused take-over changed the lock to %q", got)
		}
	})
	t.Run("another window", func(t *testing.T) {
		path := closedWorkspace(t)
		s := New()
		openFor(t, s, "Priya Raman", path)
		if _, err := s.TakeOver(actorCtx("Bob Lee"), path); data.ErrorCode(err) != data.EReadOnly {
			t.Errorf("TakeOver() = %v, want %s", err, data.EReadOnly)
		}
	})
}

// A lock file that names no one (another program's, or cut short) is
// treated as held on an unknown computer.
func TestUnreadableLockIsHeldByAnUnknownComputer(t *testing.T) {
	path := closedWorkspace(t)
	writeFile(t, lockPath(path), []byte(",Priya,LAPTOP-3,01.12.2026 09:12,file:///home/priya/.config/libreoffice/4;"))
	ws := openFor(t, New(), "Bob Lee", path)
	h := ws.Holder()
	if !ws.ReadOnly() || h == nil || !h.Remote {
		t.Fatalf("read-only %v, holder %+v; want read-only, remote", ws.ReadOnly(), h)
	}
	if got := h.Who(); got != "someone on an unknown computer" {
		t.Errorf("Who() = %q", got)
	}
}

// Close removes the lock and, however readers came and went, no -wal or
// -shm file stays beside the workspace; after the writer has closed, the
// workspace file alone holds every change, so a copy of it is whole.
func TestCloseLeavesTheWorkspaceWholeOnItsOwn(t *testing.T) {
	tests := []struct {
		name        string
		reader      func(s *Store, path string) (*Workspace, error)
		readerFirst bool // the reader closes before the writer
	}{
		{name: "writer alone"},
		{name: "second window closes last", reader: func(s *Store, path string) (*Workspace, error) { return s.open(actorCtx("Bob Lee"), path) }},
		{name: "second window closes first", readerFirst: true, reader: func(s *Store, path string) (*Workspace, error) { return s.open(actorCtx("Bob Lee"), path) }},
		{name: "command that reads closes last", reader: func(_ *Store, path string) (*Workspace, error) {
			return New().openAs(context.Background(), path, openRead)
		}},
		{name: "check's inspection beside it", reader: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := closedWorkspace(t)
			dir := filepath.Dir(path)
			s := New()
			w := openFor(t, s, "Priya Raman", path)
			var r *Workspace
			if tt.reader != nil {
				var err error
				if r, err = tt.reader(s, path); err != nil {
					t.Fatal(err)
				}
				if !r.ReadOnly() {
					t.Fatal("the reader may write")
				}
				if _, err := r.People(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			for i := range 20 {
				if _, err := w.SavePerson(actorCtx("Priya Raman"), data.Person{Name: "Person " + string(rune('A'+i))}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Check(context.Background(), path); err != nil {
				t.Fatal(err)
			}
			if r != nil && tt.readerFirst {
				if err := r.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}

			// A sync tool copies the workspace file alone, now.
			copyPath := filepath.Join(t.TempDir(), "synced"+data.WorkspaceExt)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, copyPath, b)
			c := openAt(t, New(), copyPath)
			if got := countRows(t, c, "SELECT count(*) FROM people"); got != 21 {
				t.Errorf("a copy of the file alone holds %d people, want 21", got)
			}

			if r != nil && !tt.readerFirst {
				if err := r.Close(); err != nil {
					t.Fatal(err)
				}
			}
			got := slices.DeleteFunc(dirNames(t, dir), func(n string) bool { return n == backupsFolder })
			if want := []string{filepath.Base(path)}; !slices.Equal(got, want) {
				t.Errorf("after every opener closed the folder holds %q (and its daily copies), want %q", got, want)
			}
		})
	}
}

// On a network drive the write-ahead log is unsafe, so the workspace uses
// the rollback journal: writer and reader alike, new and existing files.
func TestNetworkDriveUsesTheRollbackJournal(t *testing.T) {
	journal := func(t *testing.T, ws *Workspace) string {
		t.Helper()
		var mode string
		if err := ws.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		return mode
	}
	nfs := func(string) string { return "NFS" }

	t.Run("local", func(t *testing.T) {
		ws := openFor(t, New(), "Priya Raman", closedWorkspace(t))
		if got := journal(t, ws); got != "wal" {
			t.Errorf("journal_mode on a local disk = %q, want wal", got)
		}
	})
	t.Run("existing file", func(t *testing.T) {
		path := closedWorkspace(t) // made locally, in WAL mode
		s := &Store{fileSystem: nfs}
		w := openFor(t, s, "Priya Raman", path)
		if got := journal(t, w); got != "delete" {
			t.Errorf("writer's journal_mode = %q, want delete", got)
		}
		if _, err := w.SavePerson(actorCtx("Priya Raman"), data.Person{Name: "Priya Raman"}); err != nil {
			t.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Lstat(path + suffix); err == nil {
				t.Errorf("%s lies beside the workspace after a save", suffix)
			}
		}
		r := openFor(t, s, "Bob Lee", path)
		if got := journal(t, r); !r.ReadOnly() || got != "delete" {
			t.Errorf("reader: read-only %v, journal_mode %q; want read-only, delete", r.ReadOnly(), got)
		}
		if got := countRows(t, r, "SELECT count(*) FROM people"); got != 2 {
			t.Errorf("reader sees %d people, want 2", got)
		}
		report, err := s.Check(context.Background(), path)
		if err != nil || report.People != 2 || report.Lock == nil {
			t.Errorf("Check() beside the writer = %+v, %v; want 2 people and the lock", report, err)
		}
	})
	t.Run("new file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "share"+data.WorkspaceExt)
		ws, err := (&Store{fileSystem: nfs}).create(actorCtx("Priya Raman"), path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		if got := journal(t, ws); got != "delete" {
			t.Errorf("journal_mode of a workspace created on a share = %q, want delete", got)
		}
	})
}

// A file that is read-only on disk takes no lock: nobody can write it
// through SMS Builder there. Whoever holds it elsewhere is still named.
func TestReadOnlyFileTakesNoLock(t *testing.T) {
	path := closedWorkspace(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ws := openFor(t, New(), "Bob Lee", path)
	if !ws.ReadOnly() || ws.Holder() != nil {
		t.Errorf("read-only %v, holder %+v; want read-only, no holder", ws.ReadOnly(), ws.Holder())
	}
	if _, err := os.Lstat(lockPath(path)); err == nil {
		t.Error("opening a read-only file made a lock")
	}
	ws.Close()

	writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: "LAPTOP-3", PID: 4242, Since: time.Now()})
	ws = openFor(t, New(), "Bob Lee", path)
	if h := ws.Holder(); h == nil || h.Person != "Priya Raman" {
		t.Errorf("holder = %+v, want Priya Raman", h)
	}
}

// Commands that only read work while someone writes, and leave the lock
// alone.
func TestOpenReadOnlyLeavesTheLockAlone(t *testing.T) {
	path := closedWorkspace(t)
	theirs := writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: thisHost(t), PID: os.Getppid(), Since: time.Now()})
	w, err := New().OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if !w.ReadOnly() {
		t.Error("OpenReadOnly may write")
	}
	if people, err := w.People(context.Background()); err != nil || len(people) != 1 {
		t.Errorf("People() = %d, %v; want 1", len(people), err)
	}
	w.Close()
	if b, _ := os.ReadFile(lockPath(path)); string(b) != string(theirs) {
		t.Errorf("the lock changed: %q", b)
	}

	// With no lock at all, reading makes none.
	os.Remove(lockPath(path))
	w, err = New().OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(lockPath(path)); err == nil {
		t.Error("OpenReadOnly made a lock")
	}
	w.Close()
}

// The lock names the person working now, when they change.
func TestSetHolderRenamesThePersonInTheLock(t *testing.T) {
	path := closedWorkspace(t)
	s := New()
	ws := openFor(t, s, "unknown", path)
	if err := ws.SetHolder(actorCtx("Priya Raman")); err != nil {
		t.Fatal(err)
	}
	if got := readLockInfo(t, path).Person; got != "Priya Raman" {
		t.Errorf("lock names %q, want Priya Raman", got)
	}
	if h := openFor(t, s, "Bob Lee", path).Holder(); h == nil || h.Person != "Priya Raman" {
		t.Errorf("second opener told %+v, want Priya Raman", h)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(lockPath(path)); err == nil {
		t.Error("the renamed lock stayed after Close")
	}
}

// A new workspace cannot be made where someone still holds a lock for that
// name (they have the file open, and it was deleted or moved under them).
func TestCreateRefusesANameSomeoneHolds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone"+data.WorkspaceExt)
	writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: "LAPTOP-3", PID: 4242, Since: time.Now()})
	_, err := New().Create(context.Background(), path)
	if data.ErrorCode(err) != data.EExists || !strings.Contains(data.ErrorMessage(err), "Priya Raman on LAPTOP-3") {
		t.Errorf("Create() = %v, want a refusal naming Priya Raman on LAPTOP-3", err)
	}
	if _, err := os.Lstat(path); err == nil {
		t.Error("the refused Create made a file")
	}
}

// A writer whose lock was taken over from another computer saves no more,
// and says who took it; a lock deleted by hand is put back at the next save.
func TestAWriterStopsOnceItsLockIsTakenOver(t *testing.T) {
	path := closedWorkspace(t)
	ws := openFor(t, New(), "Priya Raman", path)
	os.Remove(lockPath(path))
	if _, err := ws.SavePerson(actorCtx("Priya Raman"), data.Person{Name: "Priya Raman"}); err != nil {
		t.Fatalf("save after the lock was deleted: %v", err)
	}
	if got := readLockInfo(t, path).Person; got != "Priya Raman" {
		t.Errorf("after the save the lock names %q, want Priya Raman again", got)
	}

	writeLock(t, path, lockInfo{App: lockApp, Person: "Bob Lee", Host: "DESK-7", PID: 99, Since: time.Now()})
	_, err := ws.SavePerson(actorCtx("Priya Raman"), data.Person{Name: "Late change"})
	if data.ErrorCode(err) != data.EReadOnly || !strings.Contains(data.ErrorMessage(err), "Bob Lee on DESK-7 took over") {
		t.Errorf("save after the take-over = %v, want a refusal naming Bob Lee on DESK-7", err)
	}
	if got := countRows(t, ws, "SELECT count(*) FROM people WHERE name = 'Late change'"); got != 0 {
		t.Error("the refused change was saved")
	}
	ws.Close()
	if got := readLockInfo(t, path).Person; got != "Bob Lee" {
		t.Errorf("closing removed or changed Bob Lee's lock: %q", got)
	}
}

// Taking over a read-only file leaves it read-only, and its holder's lock
// alone.
func TestTakeOverOfAReadOnlyFile(t *testing.T) {
	path := closedWorkspace(t)
	theirs := writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: "LAPTOP-3", PID: 4242, Since: time.Now()})
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ws, err := New().TakeOver(actorCtx("Bob Lee"), path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if !ws.ReadOnly() {
		t.Error("a read-only file was opened for writing")
	}
	if b, _ := os.ReadFile(lockPath(path)); string(b) != string(theirs) {
		t.Errorf("the lock changed: %q", b)
	}
}

// A file from an older schema must be updated, which is a write: while
// someone holds it, even a command that only reads is refused, naming them,
// and nothing is changed.
func TestAnOlderFileHeldBySomeoneIsNotUpdated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old"+data.WorkspaceExt)
	old, err := storeAtSchema(t, 3).create(actorCtx("Seeder"), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	writeLock(t, path, lockInfo{App: lockApp, Person: "Priya Raman", Host: "LAPTOP-3", PID: 4242, Since: time.Now()})
	before := stateOf(t, path)
	for name, open := range map[string]func(context.Context, string) (data.Workspace, error){
		"Open": New().Open, "OpenReadOnly": New().OpenReadOnly,
	} {
		_, err := open(actorCtx("Bob Lee"), path)
		if data.ErrorCode(err) != data.EReadOnly || !strings.Contains(data.ErrorMessage(err), "Priya Raman on LAPTOP-3") {
			t.Errorf("%s() = %v, want a refusal naming Priya Raman on LAPTOP-3", name, err)
		}
	}
	if stateOf(t, path) != before {
		t.Error("the refused opens changed the file")
	}
	if got := dirNames(t, filepath.Dir(path)); len(got) != 2 {
		t.Errorf("beside the file: %q, want only it and the lock", got)
	}
}
