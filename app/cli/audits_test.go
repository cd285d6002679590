package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfWords is the text of a PDF as pdftotext reads it, in single spaces.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestPackAuditAndProgramme(t *testing.T) {
	ws := demoAt(t)
	dir := t.TempDir()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"pack", "audit", "AUD-1"}, []string{"Internal audit report: Resolution, availability and service reporting", "Approved by the lead auditor",
			"Major nonconformity", "Repeated backup failures not investigated as a problem"}},
		{[]string{"pack", "audit-programme"}, []string{"Internal audit programme", "29 of 29", "22 of 22", "Audited every year, but none is planned in year 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.args[1], func(t *testing.T) {
			out := filepath.Join(dir, tt.args[1]+".pdf")
			r := run(t, append(tt.args, "--workspace", ws, "--out", out)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			text := pdfWords(t, out)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s does not say %q", tt.args[1], w)
				}
			}
		})
	}
	for args, want := range map[string]string{
		"pack audit":        "pack audit needs the ID of one audit, such as AUD-1",
		"pack audit AUD-99": "There is no audit AUD-99",
	} {
		r := run(t, append(strings.Fields(args), "--workspace", ws, "--out", filepath.Join(dir, "x.pdf"))...)
		if r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, %q; want %q", args, r.code, r.stderr, want)
		}
	}
}

// An imported audit led by the owner of a process in its scope is refused
// unless its row says why the audit stays impartial.
func TestImportRefusesAnAuditOfTheLeadsOwnProcess(t *testing.T) {
	ws := demoAt(t)
	csv := filepath.Join(t.TempDir(), "audits.csv")
	os.WriteFile(csv, []byte("Audit,Clauses,Planned for,Lead auditor,Impartiality\n"+
		"Changes,8.5.1,2027-02-01,Tomasz Nowak,\n"+
		"Incidents,8.6.1,2027-03-01,Priya Raman,Oliver Grant checks the records Priya shows\n"), 0o600)
	r := run(t, "import", "--workspace", ws, "--register", "audits", "--in", csv)
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "Tomasz Nowak owns the Change management process (8.5.1)") {
		t.Errorf("exit %d:\n%s%s\nwant the row of Tomasz's own process refused", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "Priya Raman owns") {
		t.Errorf("the justified row was refused too:\n%s", r.stdout)
	}
}

// An imported audit whose scope names no clause of the standard is
// refused on its line.
func TestImportRefusesAnAuditScopeOutsideTheStandard(t *testing.T) {
	ws := demoAt(t)
	csv := filepath.Join(t.TempDir(), "audits.csv")
	os.WriteFile(csv, []byte("Audit,Clauses,Planned for,Lead auditor\nChanges,8.9,2027-02-01,Oliver Grant\n"), 0o600)
	r := run(t, "import", "--workspace", ws, "--register", "audits", "--in", csv)
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, `The standard has no clause "8.9"`) {
		t.Errorf("exit %d:\n%s%s\nwant the scope refused", r.code, r.stdout, r.stderr)
	}
}
