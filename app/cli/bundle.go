package cli

import (
	"context"
	"flag"
	"fmt"
	"io"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// runBundle writes the auditor bundle: one zip of the readiness pack, the
// approved documents, the registers, the certification record and the
// evidence files, with an index, for a USB stick or an e-mail.
func runBundle(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file")
	out := fs.String("out", "", "zip file to write")
	paper := fs.String("paper", "", "A4 or Letter (default: the organisation's choice)")
	force := fs.Bool("force", false, "replace an existing file that is not a zip")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *wsPath == "" || *out == "" {
		return usagef("bundle needs --workspace FILE and --out FILE.zip")
	}
	// Refused before the workspace is opened, so a refusal changes nothing.
	if err := checkBundleOutput(d.Store.CheckOutput, *out, *force); err != nil {
		return err
	}
	ws, err := d.Store.OpenReadOnly(ctx, *wsPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	if err := ws.CheckOutput(*out); err != nil {
		return err
	}
	src, err := reports.LoadSource(ctx, ws, d.Catalogue)
	if err != nil {
		return err
	}
	opts := reports.Options{Paper: src.Org.PaperSize, Now: d.Now()}
	if *paper != "" {
		opts.Paper = data.PaperSize(*paper)
		if opts.Paper != data.PaperA4 && opts.Paper != data.PaperLetter {
			return usagef("--paper must be A4 or Letter")
		}
	}
	var summary reports.BundleSummary
	err = writeFileAtomic(*out, func(w io.Writer) error {
		summary, err = reports.WriteBundle(ctx, src, ws, opts, w, nil)
		return err
	}, d)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "%d files, with an index and a README.\n", len(summary.Files))
	for _, l := range summary.Left {
		fmt.Fprintf(d.Stderr, "Left out: %s\n", l)
	}
	warnUnreadable(d.Stderr, src.Unreadable())
	return nil
}
