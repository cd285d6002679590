package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRegistersListsKeysAndFields(t *testing.T) {
	r := run(t, "registers")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"risks: Risks and opportunities (RSK-1, RSK-2, …)",
		"likelihood   Likelihood           choice, required   one of: Rare, Unlikely, Possible, Likely, Almost certain",
		"suppliers: Suppliers and contracts",
		"services     Services supported",
		"links to services",
		"worked out: Likelihood times impact",
	} {
		if !strings.Contains(squeeze(r.stdout), squeeze(want)) {
			t.Errorf("registers lacks %q:\n%s", want, r.stdout)
		}
	}
}

// workspaceWithServices is a new workspace holding three services, made
// through the import command itself.
func workspaceWithServices(t *testing.T) (dir, ws string) {
	t.Helper()
	dir = t.TempDir()
	ws = filepath.Join(dir, "w.smsdb")
	if r := run(t, "new", ws); r.code != 0 {
		t.Fatal(r.stderr)
	}
	in := filepath.Join(dir, "services.csv")
	os.WriteFile(in, []byte("Service;Status;Review\nCloud Hosting;Live;31/03/2027\nBackup and Recovery;active;2027-06-30\nManaged Desktop Support;Live;\n"), 0o644)
	r := run(t, "import", "--workspace", ws, "--register", "services", "--in", in)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("import services: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Review   → Review date (review_date)  by its synonym", "Status: active  → Live  (1 row; a guess: check it)", "3 created, 0 updated, 0 unchanged."} {
		if !strings.Contains(squeeze(r.stdout), squeeze(want)) {
			t.Errorf("import lacks %q:\n%s", want, r.stdout)
		}
	}
	return dir, ws
}

func TestImportReportsBadRowsAndWritesNothing(t *testing.T) {
	dir, ws := workspaceWithServices(t)
	in := filepath.Join(dir, "risks.csv")
	os.WriteFile(in, []byte("ID,Risk,Category,Chance,Impact,Services\nR1,Cloud outage,Risk,High,Major,Cloud Hosting\nR2,Ransomware,Risk,Medium,Huge,\"SVC-2, SVC-3\"\n"), 0o644)
	args := []string{"import", "--workspace", ws, "--register", "risks", "--in", in, "--map", "Category=kind,Chance=likelihood"}
	r := run(t, args...)
	if r.code == 0 || !strings.Contains(r.stderr, "1 row cannot be imported, so nothing was") {
		t.Fatalf("exit %d, stderr %q; want a refusal", r.code, r.stderr)
	}
	for _, want := range []string{
		"ID           ignored                         its values are not references such as RSK-1",
		"Category     → Kind (kind)                   as asked",
		"Likelihood: High    → Likely       (1 row; a guess: check it)",
		`line 3: Impact: "Huge" is not one of: Negligible, Minor, Moderate, Major, Severe.`,
	} {
		if !strings.Contains(squeeze(r.stdout), squeeze(want)) {
			t.Errorf("import lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, append(args, "--skip-bad", "--dry-run")...); r.code != 0 || r.stderr != "" ||
		!strings.Contains(r.stdout, "Dry run: the import would create 1, update 0 and leave 0 unchanged, skipping 1 bad row; nothing was written.") {
		t.Errorf("dry run: exit %d, stderr %q:\n%s", r.code, r.stderr, r.stdout)
	}
	out := filepath.Join(dir, "risks.xlsx")
	if r := run(t, "export", "--workspace", ws, "--register", "risks", "--out", out); r.code != 0 || !strings.Contains(r.stdout, "0 records") {
		t.Errorf("after a refused import and a dry run: exit %d %s%s; want no risks", r.code, r.stdout, r.stderr)
	}
	if r := run(t, append(args, "--skip-bad")...); r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "1 created, 0 updated, 0 unchanged; 1 bad row skipped.") {
		t.Errorf("skip bad: exit %d, stderr %q:\n%s", r.code, r.stderr, r.stdout)
	}
}

func TestExportThenImportChangesNothing(t *testing.T) {
	dir, ws := workspaceWithServices(t)
	for _, f := range []string{"csv", "xlsx"} {
		out := filepath.Join(dir, "exported")
		r := run(t, "export", "--workspace", ws, "--register", "services", "--format", f, "--out", out)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Wrote "+out+"."+f+"\nService catalogue: 3 records") {
			t.Fatalf("export %s: exit %d %q %q", f, r.code, r.stdout, r.stderr)
		}
		r = run(t, "import", "--workspace", ws, "--register", "services", "--in", out+"."+f)
		if r.code != 0 || !strings.Contains(squeeze(r.stdout), "Reference → references") || !strings.Contains(r.stdout, "0 created, 0 updated, 3 unchanged.") {
			t.Errorf("re-import %s: exit %d:\n%s%s", f, r.code, r.stdout, r.stderr)
		}
	}
}

func TestExportRefusals(t *testing.T) {
	dir, ws := workspaceWithServices(t)
	existing := filepath.Join(dir, "notes.csv")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"onto the workspace", []string{"--out", ws, "--force"}, "workspace"},
		{"an existing file", []string{"--out", existing}, "exists, so it was left as it was"},
		{"an unknown register", []string{"--register", "nope", "--out", filepath.Join(dir, "x.csv")}, `There is no register called "nope". The registers are: `},
		{"an unknown format", []string{"--out", filepath.Join(dir, "x.ods")}, "--format csv or xlsx"},
		{"a format unlike the name", []string{"--format", "csv", "--out", filepath.Join(dir, "x.xlsx")}, "does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--workspace", ws, "--register", "services"}, tt.args...)
			r := run(t, args...)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want a refusal with %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Error("a refused export changed the existing file")
	}
}

// squeeze collapses runs of spaces, so that checks do not depend on how
// wide a column came out.
func squeeze(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}
