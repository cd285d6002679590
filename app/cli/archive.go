package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"smsbuilder/data"
)

// runArchive writes the portable archive of a workspace.
func runArchive(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file")
	out := fs.String("out", "", "archive file to write")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *wsPath == "" || *out == "" {
		return usagef("archive needs --workspace FILE and --out FILE%s", data.ArchiveExt)
	}
	path := *out
	if filepath.Ext(path) == "" {
		path += data.ArchiveExt
	}
	m, err := d.Store.Archive(ctx, *wsPath, path)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Wrote %s\n%s, schema %d: %s\n", path, orgOrUnnamed(m.Organisation), m.SchemaVersion, archiveCounts(m))
	return nil
}

// runRestore makes a new workspace from an archive.
func runRestore(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	out := fs.String("out", "", "new workspace file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("restore needs one ARCHIVE and --out NEW%s", data.WorkspaceExt)
	}
	path := *out
	if filepath.Ext(path) == "" {
		path += data.WorkspaceExt
	}
	m, err := d.Store.Restore(ctx, pos[0], path)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Restored %s from %s\n%s, schema %d: %s\n", path, pos[0], orgOrUnnamed(m.Organisation), m.SchemaVersion, archiveCounts(m))
	return nil
}

func orgOrUnnamed(name string) string {
	if name == "" {
		return "(organisation not yet named)"
	}
	return name
}

// archiveCounts is "12 people, 3 tasks, ..." from the manifest.
func archiveCounts(m data.ArchiveManifest) string {
	s := ""
	for i, mem := range m.Members {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%d %s", mem.Rows, mem.Kind)
	}
	return s
}
