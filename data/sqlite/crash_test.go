package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// crashChildEnv names the workspace the child writes to; the child test
// does nothing without it.
const crashChildEnv = "SMSBUILDER_CRASH_CHILD"

// crashRunsEnv sets how many times TestKillWriter kills its writer:
// `make crash-test` asks for hundreds; `make test` runs a few.
const crashRunsEnv = "SMSBUILDER_CRASH_RUNS"

// TestCrashChild is the writer TestKillWriter kills: it saves people and
// tasks in a loop, each with its audit entry, and prints each record's
// kind and ID once its transaction has committed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the writer that TestKillWriter starts and kills")
	}
	ctx := actorCtx("Crash writer")
	ws, err := New().open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		if i%2 == 0 {
			p, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Writer %d", i), JobTitle: strings.Repeat("x", i%100)})
			if err != nil {
				fmt.Fprintln(os.Stderr, "save person:", err)
				os.Exit(3)
			}
			fmt.Printf("people %d\n", p.ID)
			continue
		}
		tk, err := ws.SaveTask(ctx, data.Task{Title: fmt.Sprintf("Task %d", i), Status: data.TaskOpen, SourceKind: data.SourceManual})
		if err != nil {
			fmt.Fprintln(os.Stderr, "save task:", err)
			os.Exit(3)
		}
		fmt.Printf("tasks %d\n", tk.ID)
	}
}

// TestKillWriter kills a writing process with SIGKILL at random moments.
// After every kill the workspace opens, passes integrity_check, and holds
// every record the writer reported committed, with its audit entry.
func TestKillWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	runs := 5
	if s := os.Getenv(crashRunsEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a number of runs", crashRunsEnv, s)
		}
		runs = n
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("seed %d, %d runs", seed, runs)
	path := filepath.Join(t.TempDir(), "crash"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	ws.Close()

	committed := map[string][]int64{}
	total, midWrite := 0, 0
	start := time.Now()
	for run := 0; run < runs; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The child needs a few tens of milliseconds to start and open the
		// file; kills land before, during and after its first writes.
		lines := make(chan []string, 1)
		go func() {
			var got []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				got = append(got, sc.Text())
			}
			lines <- got
		}()
		time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		got := <-lines
		cmd.Wait()
		if strings.Contains(stderr.String(), "open:") || strings.Contains(stderr.String(), "save") {
			t.Fatalf("run %d: the writer failed: %s", run, stderr.String())
		}
		n := 0
		for _, l := range got {
			kind, id, ok := strings.Cut(l, " ")
			if v, err := strconv.ParseInt(id, 10, 64); ok && err == nil && (kind == "people" || kind == "tasks") {
				committed[kind] = append(committed[kind], v)
				n++
			}
		}
		total += n
		if n > 0 {
			midWrite++
		}
		checkAfterKill(t, run, path, committed)
	}
	t.Logf("%d kills in %v (%d while writing): %d records reported committed, none lost, integrity_check ok after every kill",
		runs, time.Since(start).Round(time.Millisecond), midWrite, total)
}

// checkAfterKill opens the workspace as the next user would and checks it.
func checkAfterKill(t *testing.T, run int, path string, committed map[string][]int64) {
	t.Helper()
	ctx := context.Background()
	ws, err := New().open(ctx, path)
	if err != nil {
		t.Fatalf("run %d: the workspace does not open after a kill: %v", run, err)
	}
	defer ws.Close()
	if res, err := integrity(ctx, ws.db, "integrity_check"); err != nil || res != "ok" {
		t.Fatalf("run %d: integrity_check after a kill: %q, %v", run, res, err)
	}
	entities := map[string]string{"people": "person", "tasks": "task"}
	// each kind's records, as SQL of the table they are in
	stored := map[string]string{"people": "people", "tasks": "(SELECT id FROM records WHERE register = 'tasks')"}
	for kind, entity := range entities {
		// A record and its audit entry commit together or not at all. The
		// SQL is one of the two above.
		var orphans int
		q := "SELECT count(*) FROM " + stored[kind] + " WHERE CAST(id AS TEXT) NOT IN (SELECT entity_id FROM audit_trail WHERE entity = ?)"
		if err := ws.db.QueryRowContext(ctx, q, entity).Scan(&orphans); err != nil {
			t.Fatal(err)
		}
		if orphans > 0 {
			t.Fatalf("run %d: %d %s without their audit entry", run, orphans, kind)
		}
		for _, id := range committed[kind] {
			var n int
			if err := ws.db.QueryRowContext(ctx, "SELECT count(*) FROM "+stored[kind]+" WHERE id = ?", id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Fatalf("run %d: %s %d was reported committed and is gone", run, entity, id)
			}
		}
	}
}
