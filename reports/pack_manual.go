package reports

import (
	"strings"

	"smsbuilder/data"
)

const (
	manualTitle     = "Service management system manual"
	manualDocNumber = "SMS-PK-04"
)

// manualPack is "Service management system manual": every approved
// document, in number order, each on its own pages with its revision
// history and its own number, version and hash in the footer. Documents
// not yet approved join, marked DRAFT, when Options include drafts;
// withdrawn documents are only listed.
func manualPack(env packEnv) (*packSpec, error) {
	docs := sortByNumber(env.src.Documents)
	if len(docs) == 0 {
		return nil, data.Errorf(data.EInvalid, "There are no documents yet; create them from their templates on the Documents screen.")
	}
	include := env.opts.IncludeDrafts
	w := newDocWriter(env)
	spec := &packSpec{
		title:       manualTitle,
		docNumber:   manualDocNumber,
		version:     "1.0",
		controlDate: "Approved",
		noApprover:  true,
		// numbers, versions, dates and names never wrap; titles get most
		// of the rest
		controlWeights: []float64{0, 2, 0, 1.2, 0, 0},
		refs:           newRefRegister(env.src, "manual", false),
	}
	approved, drafts, left, withdrawn := 0, 0, 0, 0
	printed, texts := map[string]bool{}, []string(nil)
	for _, rec := range docs {
		s := stateOf(rec)
		dm := rec.Document
		if s.withdrawn() {
			withdrawn++
			version := "\u2013"
			if len(rec.Versions) > 0 {
				version = rec.Versions[0].Number()
			}
			spec.control = append(spec.control, ControlRow{Number: dm.Number, Title: dm.Title, Version: version,
				Status: "Withdrawn", Date: "\u2013", Owner: w.names[dm.OwnerID]})
			continue
		}
		v, draft, ok := s.choose(include, include)
		if !ok {
			left++
			p := *s.pending
			spec.control = append(spec.control, ControlRow{Number: dm.Number, Title: dm.Title, Version: p.Number(),
				Status: p.Status.Label() + ", not included", Date: "\u2013", Owner: w.names[dm.OwnerID]})
			continue
		}
		if draft {
			drafts++
		} else {
			approved++
		}
		spec.control = append(spec.control, w.controlRow(s, v, draft))
		spec.stamps = append(spec.stamps, stampOf(dm.Number, v))
		printed[dm.Number], texts = true, append(texts, v.Body)
		spec.refs.print(dm.Number)
		spec.sections = append(spec.sections, section{
			number: dm.Number,
			title:  sectionTitle(dm, draft),
			foot:   w.foot(dm, v, draft),
			render: func(d *doc) error { return w.render(d, s, v, draft, false) },
		})
	}
	if approved == 0 && !include {
		return nil, data.Errorf(data.EInvalid, "No document is approved yet; approve documents on the Documents screen or include drafts.")
	}
	if len(spec.sections) == 0 {
		return nil, data.Errorf(data.EInvalid, "Every document in the workspace is withdrawn; there is nothing to print.")
	}
	spec.sections = append(manualApparatus(env.src.Catalogue, docs, printed, texts), spec.sections...)
	if appendix := integratedSection(env.src.Catalogue, env.src.Org, docs, printed); appendix != nil {
		spec.sections = append(spec.sections, *appendix)
	}

	spec.subtitle = "The policies, plans and procedures of the service management system for ISO/IEC 20000-1:2018: " +
		data.CountText(approved, "approved document", "approved documents") + " with their revision histories"
	if drafts > 0 {
		spec.subtitle += ", and " + data.CountText(drafts, "draft", "drafts") + " for review"
		spec.status = "Includes DRAFT documents"
	}

	org := firstNonEmpty(strings.TrimSpace(env.src.Org.LegalName), env.src.Org.Name(), "the organisation")
	intro := "This manual was generated from the SMS Builder workspace of " + org + " on " + env.date +
		". The table lists every document of the service management system with its current version and status. " +
		"The " + data.CountText(approved, "approved document is", "approved documents are") + " printed in this manual in number order, each on its own pages and followed by its revision history."
	switch {
	case drafts > 0:
		intro += " The newest text of " + data.CountText(drafts, "document", "documents") + " not yet approved, or with a newer version in the making, is printed too, marked DRAFT on every page: it is for review and is not controlled."
	case left > 0:
		intro += " " + data.CountText(left, "document in draft or in review is", "documents in draft or in review are") + " listed but not printed."
	}
	if withdrawn > 0 {
		intro += " Withdrawn documents are listed for the record and never printed."
	}
	if env.src.Catalogue != nil && env.src.Org.Integrates() {
		intro += " The last section, " + integratedTitle + ", shows which clauses and documents also serve the organisation's other management systems."
	}
	spec.controlIntro = intro
	return spec, nil
}
