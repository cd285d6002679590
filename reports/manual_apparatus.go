package reports

import "smsbuilder/data"

// manualApparatus are the sections the manual prints after its contents
// and before its documents: the clause-to-document matrix, and the
// glossary of the terms and abbreviations that the documents printed
// (texts: their bodies), the control page and the matrix use. The glossary is
// left out when none of its terms is used, or there is no catalogue.
func manualApparatus(cat *data.Catalogue, docs []DocumentRecord, printed map[string]bool, texts []string) []section {
	out := []section{matrixSection(cat, docs, printed)}
	if cat == nil {
		return out
	}
	// the control page names every document, printed or not
	for _, rec := range docs {
		texts = append(texts, rec.Document.Title)
	}
	for _, r := range clauseMatrix(cat, docs, printed) {
		texts = append(texts, r.clause.Title)
	}
	if used := usedGlossary(cat.Glossary(), texts); len(used) > 0 {
		out = append(out, glossarySection(used))
	}
	return out
}
