package reports

import (
	"strconv"
	"strings"

	"smsbuilder/data"
)

// matrixTitle is the title of the manual's clause-to-document matrix.
const matrixTitle = "Clause-to-document matrix"

// The range of clauses the matrix lists: those that hold requirements.
const (
	matrixFirstClause = "4.1"
	matrixLastClause  = "10.2"
)

// matrixSize is the type size of the matrix: a little below the other
// tables, so that its sixty-odd rows take two pages on A4 and on Letter.
const matrixSize = 8.0

// matrixRow is one clause of the matrix with the documents that address it.
type matrixRow struct {
	clause data.Clause
	docs   []matrixDoc
}

// matrixDoc is a document that addresses a clause.
type matrixDoc struct {
	number string
	// absent, when set, says why the manual does not print the document
	// ("draft", "in review")
	absent string
	// via is the clause the document names when it names a parent of the
	// row's clause, which it then addresses as a whole
	via string
}

// clauseMatrix lists every clause from 4.1 to 10.2 that an auditor checks
// (each clause without sub-clauses) with the documents that address it:
// those naming the clause, or one of its parents, which covers all of its
// sub-clauses. printed tells which documents the manual prints; the others,
// unless withdrawn, are listed as absent with their status.
func clauseMatrix(cat *data.Catalogue, docs []DocumentRecord, printed map[string]bool) []matrixRow {
	var rows []matrixRow
	in := false // the catalogue lists clauses in the standard's order
	for _, cl := range cat.Clauses() {
		if cl.Number == matrixFirstClause {
			in = true
		}
		if !in || !cat.IsLeaf(cl.Number) {
			continue
		}
		row := matrixRow{clause: cl}
		for _, rec := range docs {
			via, ok := addresses(rec.Document.Clauses, cl.Number)
			if !ok {
				continue
			}
			md := matrixDoc{number: rec.Document.Number, via: via}
			if !printed[rec.Document.Number] {
				s := stateOf(rec)
				if s.withdrawn() {
					continue
				}
				md.absent = "not printed"
				if s.pending != nil {
					md.absent = strings.ToLower(s.pending.Status.Label())
				}
			}
			row.docs = append(row.docs, md)
		}
		rows = append(rows, row)
		if cl.Number == matrixLastClause {
			break
		}
	}
	return rows
}

// addresses reports whether a document naming clauses addresses clause:
// it names the clause, or a parent of it (via is then that parent).
func addresses(clauses []string, clause string) (via string, ok bool) {
	for _, c := range clauses {
		c = strings.TrimSpace(c)
		switch {
		case c == clause:
			return "", true
		case strings.HasPrefix(clause, c+"."):
			via = c
			ok = true
		}
	}
	return via, ok
}

// matrixSection is the manual's section that prints the matrix.
func matrixSection(cat *data.Catalogue, docs []DocumentRecord, printed map[string]bool) section {
	return section{title: matrixTitle, render: func(d *doc) error {
		if cat == nil {
			d.paragraph("The clause catalogue is not available, so this manual cannot show which documents address which clause.", stMuted|stItalic)
			return nil
		}
		d.matrix(clauseMatrix(cat, docs, printed))
		return nil
	}}
}

// matrix prints the rows: clause, short title, and each document with the
// page its section starts on. Its layout does not depend on those page
// numbers (the columns have fixed widths, each document a line of its
// own), so the passes that find them settle as the contents do.
func (d *doc) matrix(rows []matrixRow) {
	d.paragraph("Each clause of ISO/IEC 20000-1:2018 from "+matrixFirstClause+" to "+matrixLastClause+
		" that an auditor checks, with the documents that address it and the page on which each begins. "+
		"A document that addresses a clause addresses all of its sub-clauses; \u201Cno document\u201D marks a clause that no document names.", 0)
	t := table{
		header: []cell{{{text: "Clause"}}, {{text: "Title"}}, {{text: "Documents"}}},
		fixed:  []float64{0.1, 0.46, 0.44},
		size:   matrixSize,
	}
	for _, r := range rows {
		t.rows = append(t.rows, []cell{{{text: r.clause.Number, st: stBold}}, {{text: r.clause.Title}}, d.matrixDocs(r.docs)})
	}
	d.table(t)
	d.gap(gapBlock)
}

// matrixDocs is the documents cell of a row.
func (d *doc) matrixDocs(docs []matrixDoc) cell {
	if len(docs) == 0 {
		return cell{{text: "no document", st: stMuted | stItalic}}
	}
	var c cell
	for i, md := range docs {
		text := md.number
		if i > 0 {
			text = "\n" + text
		}
		st := style(0)
		switch page, ok := d.pageOf(md.number); {
		case md.absent != "":
			text += " (not in this manual: " + md.absent + ")"
			st = stMuted
		case ok:
			text += ", page " + strconv.Itoa(page)
		default:
			text += ", page \u2013" // a measuring pass, which knows no pages yet
		}
		if md.via != "" {
			text += ", as part of " + md.via
		}
		c = append(c, span{text: text, st: st})
	}
	return c
}

// pageOf is the printed page number on which the section of document
// number starts, from the table of contents of this pass; ok is false in a
// measuring pass, which has none yet.
func (d *doc) pageOf(number string) (page int, ok bool) {
	for _, e := range d.toc {
		if e.level == 0 && e.number == number {
			return e.page - 1, true // printed numbers start after the cover
		}
	}
	return 0, false
}
