package reports

import (
	"strings"

	"smsbuilder/data"
)

const integratedTitle = "Integrated management"

// integratedSection is the manual's appendix for an organisation that also
// holds or plans ISO 9001 or ISO/IEC 27001: the clauses the standards
// share, for the standards recorded only, and the documents of the manual
// that serve more than one of them. It is nil when neither is pursued, so
// a plain service management manual stays as it was.
func integratedSection(cat *data.Catalogue, org data.Organisation, docs []DocumentRecord, printed map[string]bool) *section {
	if cat == nil || !org.Integrates() {
		return nil
	}
	rows := cat.SharedClauses(org)
	var standards []string
	header := []cell{{{text: "ISO/IEC 20000-1"}}}
	fixed := []float64{0.14}
	if org.ISO9001 != data.StandardNotPursued {
		standards = append(standards, data.ISO9001Name+":2015 ("+strings.ToLower(org.ISO9001.Label())+")")
		header = append(header, cell{{text: data.ISO9001Name}})
		fixed = append(fixed, 0.18)
	}
	if org.ISO27001 != data.StandardNotPursued {
		standards = append(standards, data.ISO27001Name+":2022 ("+strings.ToLower(org.ISO27001.Label())+")")
		header = append(header, cell{{text: data.ISO27001Name}})
		fixed = append(fixed, 0.22)
	}
	rest := 1.0
	for _, f := range fixed {
		rest -= f
	}
	header = append(header, cell{{text: "What is shared"}})
	fixed = append(fixed, rest)
	return &section{title: integratedTitle, render: func(d *doc) error {
		d.paragraph("Besides ISO/IEC 20000-1:2018 the organisation runs, or plans to run, a management system to "+
			strings.Join(standards, " and ")+". The standards share a common structure, so one policy, one risk method, "+
			"one document control, one audit programme and one management review can serve all of them when each covers "+
			"what every standard asks. The table pairs each clause of ISO/IEC 20000-1 with the clauses of the other "+
			"standards that cover the same ground; \u201Cin part\u201D marks a clause that covers only some of it, and "+
			"numbers beginning with A. are controls of ISO/IEC 27001 Annex A.", 0)
		t := table{header: header, fixed: fixed, size: sizeSmall}
		for _, r := range rows {
			row := []cell{{{text: r.Clause, st: stBold}}}
			if org.ISO9001 != data.StandardNotPursued {
				row = append(row, otherClauseCell(r.ISO9001))
			}
			if org.ISO27001 != data.StandardNotPursued {
				row = append(row, otherClauseCell(r.ISO27001))
			}
			t.rows = append(t.rows, append(row, cell{{text: r.Shared}}))
		}
		d.table(t)
		d.gap(gapBlock)
		var serving []DocumentRecord
		for _, rec := range docs {
			if printed[rec.Document.Number] && cat.AlsoServesText(org, rec.Document.Clauses) != "" {
				serving = append(serving, rec)
			}
		}
		if len(serving) == 0 {
			d.paragraph("No document printed in this manual addresses a shared clause yet.", stMuted|stItalic)
			return nil
		}
		d.paragraph("The documents of this manual that also serve the other standards:", 0)
		dt := table{
			header: []cell{{{text: "Document"}}, {{text: "Title"}}, {{text: "Also serves"}}},
			fixed:  []float64{0.18, 0.37, 0.45},
			size:   sizeSmall,
		}
		for _, rec := range serving {
			dt.rows = append(dt.rows, []cell{{{text: rec.Document.Number, st: stBold}}, {{text: rec.Document.Title}},
				{{text: cat.AlsoServesText(org, rec.Document.Clauses)}}})
		}
		d.table(dt)
		d.gap(gapBlock)
		return nil
	}}
}

// otherClauseCell prints a dash where the other standard has no clause.
func otherClauseCell(numbers string) cell {
	if numbers == "" {
		return cell{{text: "\u2013", st: stMuted}}
	}
	return cell{{text: numbers}}
}
