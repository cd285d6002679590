package toolkitlog

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSendToKeepsWhatWasLoggedBefore(t *testing.T) {
	defer log.SetOutput(os.Stderr)
	log.Print("logged while starting")
	var got bytes.Buffer
	SendTo(&got)
	log.Print("logged later")
	for _, want := range []string{"logged while starting", "logged later"} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("the log holds %q, want it to contain %q", got.String(), want)
		}
	}
}

func TestFileStartsAfreshPastItsLimit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	path := filepath.Join(dir, "smsbuilder", "smsbuilder.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), maxFile+1), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := File()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.Name(), path; got != want {
		t.Errorf("log file %s, want %s", got, want)
	}
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Size(); got != 0 {
		t.Errorf("the new log holds %d bytes, want 0", got)
	}
	if _, err := os.Stat(path + ".old"); err != nil {
		t.Errorf("the old log was not kept: %v", err)
	}
}
