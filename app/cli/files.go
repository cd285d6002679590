package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// checkPackOutput refuses a pack's --out that would land on a workspace, or
// replace a file that is not a PDF without --force.
func checkPackOutput(guard func(string) error, out string, force bool) error {
	return checkOutput(guard, out, force, reports.ReplacesOther, "a PDF")
}

// checkBundleOutput is checkPackOutput for an auditor bundle, a zip.
func checkBundleOutput(guard func(string) error, out string, force bool) error {
	return checkOutput(guard, out, force, reports.ReplacesOtherThanBundle, "a zip file")
}

func checkOutput(guard func(string) error, out string, force bool, replaces func(string) (bool, error), kind string) error {
	if err := guard(out); err != nil {
		return err
	}
	other, err := replaces(out)
	if err != nil {
		return err
	}
	if other && !force {
		return data.Errorf(data.EExists, "%s exists and is not %s, so it was left as it was. Choose another name, or add --force to replace it.", out, kind)
	}
	return nil
}

// runBackup writes a consistent copy of a workspace to a new file, reading
// the workspace without changing it, even while the app has it open.
func runBackup(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("out", "", "the copy to write; it must not exist")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("backup needs one FILE and --out COPY")
	}
	if err := d.Store.CopyWorkspace(ctx, pos[0], *out); err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Wrote %s\n", *out)
	return nil
}

// runBackups lists the daily copies in the Backups folder beside a workspace.
func runBackups(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("backups", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("backups needs one FILE")
	}
	list, err := d.Store.Backups(ctx, pos[0])
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(d.Stdout, "No daily backups of %s yet: one is made in the Backups folder beside it when it is first opened for writing each day.\n", pos[0])
		return nil
	}
	for _, b := range list {
		if b.Err != nil {
			fmt.Fprintf(d.Stdout, "%s  %s  cannot be read: %s\n", b.Day.Format("2006-01-02"), b.Path, data.ErrorMessage(b.Err))
			continue
		}
		r := b.Report
		org := r.Organisation
		if org == "" {
			org = "(not yet named)"
		}
		last := "no changes"
		if !r.LastChange.IsZero() {
			last = "last change " + r.LastChange.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(d.Stdout, "%s  %s  %s  %s  %s\n", b.Day.Format("2006-01-02"), b.Path, data.FileSize(r.SizeBytes), org, last)
	}
	return nil
}
