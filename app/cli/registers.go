package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"smsbuilder/data"
	"smsbuilder/data/spreadsheet"
)

// runRegisters lists each register's key, title and fields, with the
// fields a workspace added when one is named.
func runRegisters(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("registers", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file whose own fields to list too")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("registers takes no FILE; name a workspace with --workspace FILE")
	}
	regs := data.Registers()
	if *wsPath != "" {
		ws, err := d.Store.OpenReadOnly(ctx, *wsPath)
		if err != nil {
			return err
		}
		defer ws.Close()
		if regs, err = ws.Registers(ctx); err != nil {
			return err
		}
	}
	for i, r := range regs {
		if i > 0 {
			fmt.Fprintln(d.Stdout)
		}
		fmt.Fprintf(d.Stdout, "%s: %s (%s, %s, …)\n", r.Key, r.Title, r.Reference(1), r.Reference(2))
		tw := tabwriter.NewWriter(d.Stdout, 2, 4, 2, ' ', 0)
		for _, f := range r.Columns() {
			line := "  " + f.Key + "\t" + f.Label + "\t" + fieldKind(r, f)
			if notes := fieldNotes(r, f); notes != "" {
				line += "\t" + notes
			}
			fmt.Fprintln(tw, line)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("list registers: %w", err)
		}
	}
	return nil
}

func fieldKind(r data.Register, f data.Field) string {
	kind := strings.ToLower(f.Type.Label())
	if f.Type == data.FieldLink {
		kind = "link to " + f.Link
		if f.Many {
			kind = "links to " + f.Link
		}
	}
	if f.Required {
		kind += ", required"
	}
	return kind
}

func fieldNotes(r data.Register, f data.Field) string {
	var notes []string
	for _, d := range r.Derived {
		if d.Key == f.Key {
			notes = append(notes, "worked out: "+strings.TrimSuffix(d.Help, "."))
		}
	}
	if f.Custom {
		notes = append(notes, "added in this workspace")
	}
	if len(f.Choices) > 0 {
		labels := make([]string, len(f.Choices))
		for i, c := range f.Choices {
			labels[i] = c.Label
		}
		notes = append(notes, "one of: "+strings.Join(labels, ", "))
	}
	return strings.Join(notes, "; ")
}

// runExport writes one register to a new CSV or XLSX file.
func runExport(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	wsPath := fs.String("workspace", "", "workspace file")
	key := fs.String("register", "", "register key, such as risks")
	format := fs.String("format", "", "csv or xlsx (default: from the --out file's name)")
	out := fs.String("out", "", "file to write; it must not exist")
	force := fs.Bool("force", false, "replace an existing file that is not a workspace")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *wsPath == "" || *key == "" || *out == "" {
		return usagef("export needs --workspace FILE, --register KEY and --out FILE")
	}
	// refused before the workspace is opened, so a refusal changes nothing
	if err := d.Store.CheckOutput(*out); err != nil {
		return err
	}
	f, path, err := exportFormat(*format, *out)
	if err != nil {
		return err
	}
	if err := d.Store.CheckOutput(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil && !*force {
		return data.Errorf(data.EExists, "%s exists, so it was left as it was. Choose another name, or add --force to replace it.", path)
	}
	ws, err := d.Store.OpenReadOnly(ctx, *wsPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	if err := ws.CheckOutput(path); err != nil {
		return err
	}
	s, err := data.LoadRegisterSnapshot(ctx, ws, *key)
	if err != nil {
		return err
	}
	t := s.ExportTable()
	err = writeFileAtomic(path, func(w io.Writer) error {
		return spreadsheet.Write(w, f, t, s.Register.Title, spreadsheet.ExcelDateFormat(s.Dates))
	}, d)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "%s: %s\n", s.Register.Title, data.CountText(len(t.Rows), "record", "records"))
	return nil
}

// exportFormat is the format asked for and the file name with its
// extension.
func exportFormat(format, out string) (spreadsheet.Format, string, error) {
	byName, named := spreadsheet.FormatOf(out)
	if format == "" {
		if !named {
			return "", "", usagef("export needs --format csv or xlsx, or an --out file ending in .csv or .xlsx")
		}
		return byName, out, nil
	}
	f, ok := spreadsheet.ParseFormat(format)
	if !ok {
		return "", "", usagef("--format must be csv or xlsx")
	}
	switch {
	case filepath.Ext(out) == "":
		out += f.Ext()
	case named && byName != f:
		return "", "", usagef("--format %s does not match the file name %s", f, filepath.Base(out))
	}
	return f, out, nil
}

// columnMap reads --map "Column=field,Other=ignore".
func columnMap(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		col, target, ok := strings.Cut(part, "=")
		if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(target) == "" {
			return nil, usagef("--map wants Column=field pairs separated by commas, such as \"Chance=likelihood,Colour=ignore\"; %q is not one", part)
		}
		out[strings.TrimSpace(col)] = strings.TrimSpace(target)
	}
	return out, nil
}

// runImport reads a CSV or XLSX file into a register: it prints how it
// matched the columns and the words of choice columns, every bad row with
// its line, and what it did.
func runImport(ctx context.Context, args []string, d Deps) error {
	flags := flag.NewFlagSet("import", flag.ContinueOnError)
	wsPath := flags.String("workspace", "", "workspace file")
	key := flags.String("register", "", "register key, such as risks")
	in := flags.String("in", "", "CSV or XLSX file to read")
	mapping := flags.String("map", "", `columns to match by hand: "Column=field,Other=ignore"`)
	dryRun := flags.Bool("dry-run", false, "print what the import would do and write nothing")
	skipBad := flags.Bool("skip-bad", false, "import the good rows even when some are bad")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *wsPath == "" || *key == "" || *in == "" {
		return usagef("import needs --workspace FILE, --register KEY and --in FILE")
	}
	cols, err := columnMap(*mapping)
	if err != nil {
		return err
	}
	t, err := spreadsheet.ReadFile(*in)
	if errors.Is(err, fs.ErrNotExist) {
		return data.Errorf(data.ENotFound, "There is no file %s.", *in)
	}
	if err != nil {
		return err
	}
	ctx = data.WithActor(ctx, "smsbuilder import")
	open := d.Store.Open
	if *dryRun {
		open = d.Store.OpenReadOnly
	}
	ws, err := open(ctx, *wsPath)
	if err != nil {
		return err
	}
	defer ws.Close()
	if !*dryRun && ws.ReadOnly() {
		return notWritable(ws, *wsPath, "nothing can be imported into it", d.Now())
	}
	s, err := data.LoadRegisterSnapshot(ctx, ws, *key)
	if err != nil {
		return err
	}
	check, err := data.SaveCheck(ctx, ws, d.Catalogue, s.Register.Key)
	if err != nil {
		return err
	}
	p, err := data.PlanImport(s, t, data.ImportOptions{Columns: cols, Check: check})
	if err != nil {
		return err
	}
	printPlan(d.Stdout, p)
	bad := p.BadRows()
	if len(bad) > 0 && !*skipBad {
		return data.Errorf(data.EInvalid, "%s cannot be imported, so nothing was. Correct the file, or add --skip-bad to import the others.", data.CountText(len(bad), "row", "rows"))
	}
	count := p.Count()
	if *dryRun {
		fmt.Fprintf(d.Stdout, "Dry run: the import would create %d, update %d and leave %d unchanged", count.Created, count.Updated, count.Unchanged)
		if len(bad) > 0 {
			fmt.Fprintf(d.Stdout, ", skipping %s", data.CountText(len(bad), "bad row", "bad rows"))
		}
		fmt.Fprintln(d.Stdout, "; nothing was written.")
		return nil
	}
	sum, err := data.ApplyImport(ctx, ws, p, *skipBad)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Imported into %s: %d created, %d updated, %d unchanged", s.Register.Title, sum.Created, sum.Updated, sum.Unchanged)
	if len(bad) > 0 {
		fmt.Fprintf(d.Stdout, "; %s skipped", data.CountText(len(bad), "bad row", "bad rows"))
	}
	fmt.Fprintln(d.Stdout, ".")
	return nil
}

// printPlan says how the import matched columns and values, and which
// rows it cannot take.
func printPlan(w io.Writer, p data.ImportPlan) {
	fmt.Fprintln(w, "Columns:")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, c := range p.Columns {
		switch c.Role {
		case data.ColumnField, data.ColumnNewField:
			fmt.Fprintf(tw, "  %s\t→ %s (%s)\t%s\n", c.Header, c.Field.Label, c.Field.Key, c.How)
		case data.ColumnReference:
			fmt.Fprintf(tw, "  %s\t→ references\tupdates the records it names\n", c.Header)
		default:
			fmt.Fprintf(tw, "  %s\tignored\t%s\n", c.Header, c.How)
		}
	}
	tw.Flush()
	if len(p.Values) > 0 {
		fmt.Fprintln(w, "Values:")
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		for _, v := range p.Values {
			switch {
			case !v.Matched:
				fmt.Fprintf(tw, "  %s: %s\t→ no choice\t(%s)\n", v.Field.Label, v.Value, data.CountText(v.Rows, "row", "rows"))
			case v.Exact:
				fmt.Fprintf(tw, "  %s: %s\t→ %s\t(%s)\n", v.Field.Label, v.Value, v.Choice.Label, data.CountText(v.Rows, "row", "rows"))
			default:
				fmt.Fprintf(tw, "  %s: %s\t→ %s\t(%s; a guess: check it)\n", v.Field.Label, v.Value, v.Choice.Label, data.CountText(v.Rows, "row", "rows"))
			}
		}
		tw.Flush()
	}
	if bad := p.BadRows(); len(bad) > 0 {
		fmt.Fprintln(w, "Bad rows:")
		for _, r := range bad {
			fmt.Fprintf(w, "  line %d: %s\n", r.Line, strings.Join(r.Problems, " "))
		}
	}
}
