package data

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// A register travels to and from spreadsheets as a Table: a header and rows
// of cells, each cell knowing whether it is text, a number or a date, so
// that a spreadsheet file can type it. The file formats live in
// data/spreadsheet; what a register's columns and values mean lives here.

// CellKind is what a spreadsheet cell holds.
type CellKind int

const (
	CellText   CellKind = iota
	CellNumber          // Text is a decimal number, "12.5"
	CellDate            // Text is a date, "2026-03-31"
)

// Cell is one value of a table.
type Cell struct {
	Text string
	Kind CellKind
}

// TextCell is a cell of text.
func TextCell(s string) Cell { return Cell{Text: s} }

// Column is a column of a table.
type Column struct {
	Header string
	// Wide asks for more room than the values need on average, for long
	// text that wraps.
	Wide bool
}

// Row is a row of a table. Line is where a spreadsheet shows it, counting
// the header as line 1; 0 in a table being written.
type Row struct {
	Line  int
	Cells []Cell
}

// Table is a spreadsheet's worth of rows under one header.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Text is the text of cell i of the row, "" past its end.
func (r Row) Text(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i].Text
}

// Blank reports whether the row holds nothing but spaces.
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// ReferenceHeader heads the column of record references in an export, the
// column an import updates records by.
const ReferenceHeader = "Reference"

// RegisterSnapshot is a register's records with the people and records
// they name: what an export writes and an import matches against.
type RegisterSnapshot struct {
	Register  Register
	Registers []Register // every register, for the ones links point at
	Records   []Record   // in reference order
	People    []Person
	// Refs names the records of each register a link field points at, by
	// register key.
	Refs  map[string][]RecordRef
	Dates DateFormat
}

// RegisterReader is what exports and imports read from a workspace.
type RegisterReader interface {
	RegisterService
	PeopleService
	OrganisationService
}

// LoadRegisterSnapshot reads register key with everything its links and
// people name.
func LoadRegisterSnapshot(ctx context.Context, ws RegisterReader, key string) (RegisterSnapshot, error) {
	regs, err := ws.Registers(ctx)
	if err != nil {
		return RegisterSnapshot{}, err
	}
	s := RegisterSnapshot{Registers: regs, Refs: map[string][]RecordRef{}}
	found := false
	for _, r := range regs {
		if r.Key == key {
			s.Register, found = r, true
		}
	}
	if !found {
		return RegisterSnapshot{}, Errorf(ENotFound, "There is no register called %q. The registers are: %s.", key, registerKeys(regs))
	}
	page, err := ws.Records(ctx, RecordQuery{Register: key})
	if err != nil {
		return RegisterSnapshot{}, err
	}
	s.Records = page.Records
	sort.SliceStable(s.Records, func(i, j int) bool { return s.Records[i].Number < s.Records[j].Number })
	if s.People, err = ws.People(ctx); err != nil {
		return RegisterSnapshot{}, err
	}
	for _, f := range s.Register.Fields {
		if f.Type != FieldLink || s.Refs[f.Link] != nil {
			continue
		}
		refs, err := ws.RecordRefs(ctx, f.Link)
		if err != nil {
			return RegisterSnapshot{}, err
		}
		s.Refs[f.Link] = append([]RecordRef{}, refs...)
	}
	org, err := ws.Organisation(ctx)
	if err != nil {
		return RegisterSnapshot{}, err
	}
	s.Dates = org.DateFormat
	return s, nil
}

func registerKeys(regs []Register) string {
	keys := make([]string, len(regs))
	for i, r := range regs {
		keys[i] = r.Key
	}
	return strings.Join(keys, ", ")
}

// linked is the register a link field points at.
func (s RegisterSnapshot) linked(f Field) Register {
	for _, r := range s.Registers {
		if r.Key == f.Link {
			return r
		}
	}
	return Register{Key: f.Link, One: "record"}
}

// Names turns the IDs of a person or link field into what a person reads:
// a name, "SVC-2 Cloud Hosting".
func (s RegisterSnapshot) Names() func(f Field, id int64) string {
	people := make(map[int64]string, len(s.People))
	for _, p := range s.People {
		people[p.ID] = p.Name
	}
	refs := map[int64]RecordRef{}
	for _, rs := range s.Refs {
		for _, r := range rs {
			refs[r.ID] = r
		}
	}
	return func(f Field, id int64) string {
		if f.Type == FieldPerson {
			if n, ok := people[id]; ok {
				return n
			}
		} else if r, ok := refs[id]; ok {
			return r.Text()
		}
		return fmt.Sprintf("#%d", id)
	}
}

// ExportTable is the register as a spreadsheet: its reference, then every
// field and derived value under its label. Choices are written by label,
// people by name, links as "SVC-2 Cloud Hosting" joined by "; ", so that a
// person reads the file and an import reads it back onto the same records.
func (s RegisterSnapshot) ExportTable() Table {
	cols := s.Register.Columns()
	t := Table{Columns: make([]Column, 0, len(cols)+1)}
	t.Columns = append(t.Columns, Column{Header: ReferenceHeader})
	for _, f := range cols {
		t.Columns = append(t.Columns, Column{Header: f.Label, Wide: f.Wide || f.Type == FieldLongText})
	}
	names := s.Names()
	t.Rows = make([]Row, len(s.Records))
	for i, rec := range s.Records {
		cells := make([]Cell, 0, len(cols)+1)
		cells = append(cells, TextCell(s.Register.Reference(rec.Number)))
		for _, f := range cols {
			v := rec.Get(f.Key)
			switch {
			case v == "":
				cells = append(cells, Cell{})
			case f.Type == FieldNumber:
				cells = append(cells, Cell{Text: v, Kind: CellNumber})
			case f.Type == FieldDate:
				cells = append(cells, Cell{Text: v, Kind: CellDate})
			default:
				cells = append(cells, TextCell(f.Display(v, s.Dates, names)))
			}
		}
		t.Rows[i] = Row{Cells: cells}
	}
	return t
}
