package cli

import (
	"fmt"
	"io"
	"strings"

	"smsbuilder/data"
)

// Exit codes of check, beside 0 (sound) and 2 (a usage error), so that a
// script can tell a workspace with problems from a file it cannot check.
const (
	exitProblems   = 1 // the workspace opens, but the check found problems inside it
	exitUnreadable = 3 // not a workspace, missing, damaged, or from a newer version
)

// exitError carries the exit code a command chose for its error.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// printIntegrity writes the part of check's report that proves the
// contents: the audit trail's head and one line per problem.
func printIntegrity(w io.Writer, r data.CheckReport) {
	switch {
	case r.AuditHead.ID == 0 && r.NeedsMigrate && r.AuditEntries > 0:
		fmt.Fprintln(w, "Audit trail:   not yet sealed; it is sealed when the file is upgraded")
	case r.AuditHead.ID == 0 && r.AuditEntries == 0:
		fmt.Fprintln(w, "Audit trail:   empty")
	case r.AuditHead.ID == 0:
		fmt.Fprintln(w, "Audit head:    unknown: the trail cannot be read as a chain")
	default:
		fmt.Fprintf(w, "Audit head:    entry %d, sha256 %s\n", r.AuditHead.ID, r.AuditHead.Hash)
	}
	if len(r.Problems) == 0 {
		fmt.Fprintln(w, "Problems:      none")
		return
	}
	fmt.Fprintf(w, "Problems:      %d\n", len(r.Problems))
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
}

// problemsError is check's verdict on a workspace with problems: how many,
// of which kinds.
func problemsError(r data.CheckReport) error {
	kinds := []struct{ kind, words string }{
		{data.ProblemText, "in approved text"},
		{data.ProblemChain, "in the audit trail"},
		{data.ProblemEvidence, "in evidence files"},
		{data.ProblemSchema, "in the schema"},
		{data.ProblemForeignKey, "in links between records"},
		{data.ProblemValue, "in stored values"},
	}
	counts := map[string]int{}
	for _, p := range r.Problems {
		counts[p.Kind]++
	}
	var parts []string
	for _, k := range kinds {
		if n := counts[k.kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.words))
		}
	}
	return exitError{exitProblems, data.Errorf(data.ECorrupt, "%s: %s found: %s. The file was not changed.",
		r.Path, data.CountText(len(r.Problems), "problem", "problems"), strings.Join(parts, ", "))}
}
