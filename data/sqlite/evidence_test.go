package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"smsbuilder/data"
)

func blobCount(t *testing.T, ws *Workspace) int {
	t.Helper()
	var n int
	if err := ws.db.QueryRow("SELECT count(*) FROM evidence_blobs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEvidenceStoredOncePerContent(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	ws := newWorkspace(t)
	pdf := []byte("%PDF-1.4 signed contract")
	a, err := ws.AttachEvidence(ctx, data.RecordEvidence(7), `C:\Users\priya\Scans\contract.pdf`, pdf, "signed copy", 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ws.AttachEvidence(ctx, data.ClauseEvidence("8.3.4"), "/home/priya/contract copy.pdf", pdf, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.File.Name, "contract.pdf"; got != want {
		t.Errorf("name = %q, want %q (no folders)", got, want)
	}
	if got, want := b.File.Name, "contract copy.pdf"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	if a.File.SHA256 != b.File.SHA256 || a.File.MediaType != "application/pdf" || a.File.AddedBy != "Priya Raman" {
		t.Errorf("attachments = %+v, %+v", a.File, b.File)
	}
	if got, want := blobCount(t, ws), 1; got != want {
		t.Errorf("stored contents = %d, want %d", got, want)
	}
	list, err := ws.Evidence(ctx, data.RecordEvidence(7))
	if err != nil || len(list) != 1 || list[0].Note != "signed copy" || list[0].File.Size != int64(len(pdf)) {
		t.Fatalf("Evidence(record 7) = %+v, %v", list, err)
	}
	all, err := ws.AllEvidence(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("AllEvidence = %d links, %v; want 2", len(all), err)
	}
	got, err := ws.EvidenceContent(ctx, a.File.SHA256)
	if err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("EvidenceContent = %q, %v", got, err)
	}
	trail, err := ws.AuditTrail(ctx, "evidence", idText(a.ID), 0)
	if err != nil || len(trail) != 1 || trail[0].Action != data.ActionCreate {
		t.Errorf("audit trail = %+v, %v", trail, err)
	}

	// The content stays while the clause still holds it, and goes with it.
	if err := ws.DetachEvidence(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, want := blobCount(t, ws), 1; got != want {
		t.Errorf("after the first detach, stored contents = %d, want %d", got, want)
	}
	if err := ws.DetachEvidence(ctx, b); err != nil {
		t.Fatal(err)
	}
	if got, want := blobCount(t, ws), 0; got != want {
		t.Errorf("after the last detach, stored contents = %d, want %d", got, want)
	}
	if err := ws.DetachEvidence(ctx, b); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("detaching twice: %v, want not found", err)
	}
	if _, err := ws.EvidenceContent(ctx, a.File.SHA256); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("content of a removed file: %v, want not found", err)
	}
}

func TestEvidenceRefused(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	ws := newWorkspace(t)
	tests := []struct {
		name    string
		target  data.EvidenceTarget
		file    string
		content []byte
		limit   int64
		want    []string // words the message must hold
	}{
		{"too large", data.StepEvidence("step-07"), "scan.pdf", make([]byte, 2048), 1024, []string{"scan.pdf", "2 KB", "1 KB"}},
		{"empty", data.StepEvidence("step-07"), "empty.txt", nil, 0, []string{"empty.txt", "empty"}},
		{"no name", data.StepEvidence("step-07"), "scans/ ", []byte("x"), 0, []string{"no name"}},
		{"unknown kind", data.EvidenceTarget{Kind: "invoice", Ref: "1"}, "a.txt", []byte("x"), 0, []string{"invoice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ws.AttachEvidence(ctx, tt.target, tt.file, tt.content, "", tt.limit)
			if data.ErrorCode(err) != data.EInvalid {
				t.Fatalf("err = %v, want invalid", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(data.ErrorMessage(err), w) {
					t.Errorf("message %q does not say %q", data.ErrorMessage(err), w)
				}
			}
		})
	}
	if got := blobCount(t, ws); got != 0 {
		t.Errorf("refused files left %d contents stored", got)
	}
}

func TestEvidenceReadOnly(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	path := filepath.Join(t.TempDir(), "ro"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	link, err := ws.AttachEvidence(ctx, data.RecordEvidence(1), "log.txt", []byte("restore ok"), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ro := openAt(t, New(), path)
	if _, err := ro.AttachEvidence(ctx, data.RecordEvidence(1), "b.txt", []byte("b"), "", 0); data.ErrorCode(err) != data.EReadOnly {
		t.Errorf("attach on a read-only workspace: %v", err)
	}
	if err := ro.DetachEvidence(ctx, link); data.ErrorCode(err) != data.EReadOnly {
		t.Errorf("detach on a read-only workspace: %v", err)
	}
	if got, err := ro.EvidenceContent(ctx, link.File.SHA256); err != nil || string(got) != "restore ok" {
		t.Errorf("reading a read-only workspace: %q, %v", got, err)
	}
}

func TestCheckFindsTamperedEvidence(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	path := filepath.Join(t.TempDir(), "tampered"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	link, err := ws.AttachEvidence(ctx, data.RecordEvidence(1), "restore-test.log", []byte("restore of 2026-11-02: OK"), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE evidence_blobs SET content = ? WHERE sha256 = ?", []byte("restore of 2026-11-02: FAILED"), link.File.SHA256); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r, err := New().Check(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var found []data.Problem
	for _, p := range r.Problems {
		if p.Kind == data.ProblemEvidence {
			found = append(found, p)
		}
	}
	if len(found) != 1 || !strings.Contains(found[0].Message, "restore-test.log") {
		t.Fatalf("problems = %v, want the tampered restore-test.log", r.Problems)
	}
	ro := openAt(t, New(), path)
	if _, err := ro.EvidenceContent(ctx, link.File.SHA256); data.ErrorCode(err) != data.ECorrupt {
		t.Errorf("reading tampered content: %v, want corrupt", err)
	}
}

func TestArchiveKeepsEvidence(t *testing.T) {
	ctx := actorCtx("Priya Raman")
	dir := t.TempDir()
	path := filepath.Join(dir, "ev"+data.WorkspaceExt)
	ws := createAt(t, New(), path)
	content := []byte{0x89, 'P', 'N', 'G', 0, 0xff, 0xfe, '\n', 0}
	if _, err := ws.AttachEvidence(ctx, data.DocumentEvidence(3), "screen.png", content, "monitoring", 0); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	s := New()
	a1, a2 := filepath.Join(dir, "a1"+data.ArchiveExt), filepath.Join(dir, "a2"+data.ArchiveExt)
	if _, err := s.Archive(ctx, path, a1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "restored"+data.WorkspaceExt)
	if _, err := s.Restore(ctx, a1, out); err != nil {
		t.Fatal(err)
	}
	r := openAt(t, s, out)
	links, err := r.Evidence(ctx, data.DocumentEvidence(3))
	if err != nil || len(links) != 1 || links[0].Note != "monitoring" {
		t.Fatalf("restored evidence = %+v, %v", links, err)
	}
	got, err := r.EvidenceContent(ctx, links[0].File.SHA256)
	if err != nil || !bytes.Equal(got, content) {
		t.Errorf("restored content = %v, %v; want %v", got, err, content)
	}
	r.Close()
	if _, err := s.Archive(ctx, out, a2); err != nil {
		t.Fatal(err)
	}
	b1, _ := os.ReadFile(a1)
	b2, _ := os.ReadFile(a2)
	if !bytes.Equal(b1, b2) {
		t.Error("the restored workspace archives to other bytes than the original")
	}
}
