package reports

// Pack is one printable pack as the GUI lists it and the command line names it.
type Pack struct {
	ID          string // stable name for the command line: "scope"
	Title       string // "SMS scope and organisation profile"
	Description string // one plain sentence for the GUI
	DocNumber   string // printed on the cover and in every footer: "SMS-PK-01"; empty for "document"

	// status is what the cover and control table tell the reader the pack
	// is: the working papers say they are not controlled documents, the
	// scope pack that it informs; "" leaves it to the spec (see packSpec).
	status string

	spec func(env packEnv) (*packSpec, error)
}

// Packs lists every pack in the order the GUI shows them. Each call returns a
// fresh slice that the caller may change. The last, "document", prints the
// one document Options.DocumentNumber names, under that document's title
// and number; it has no DocNumber of its own.
func Packs() []Pack {
	return []Pack{
		{
			ID:          "scope",
			Title:       scopeTitle,
			Description: "The organisation profile, the scope of the service management system, the people who hold SMS roles and a map of every ISO/IEC 20000-1 clause with the documents and records it needs.",
			DocNumber:   scopeDocNumber,
			status:      "For information",
			spec:        scopePack,
		},
		{
			ID:          "gap",
			Title:       gapTitle,
			Description: "The results of a gap assessment against clauses 4 to 10: the overall and per-clause scores with a chart, every answer with its notes and evidence, the gaps to close lowest score first and the change since the previous assessment.",
			DocNumber:   gapDocNumber,
			status:      workingPaper,
			spec:        gapPack,
		},
		{
			ID:          "roadmap",
			Title:       roadmapTitle,
			Description: "The implementation plan to hand round: the target date and progress by phase, then every step with its owner, due date, status, what to do and its checklist.",
			DocNumber:   roadmapDocNumber,
			status:      workingPaper,
			spec:        roadmapPack,
		},
		{
			ID:          "manual",
			Title:       manualTitle,
			Description: "Every approved document of the SMS bound as one manual: a control table listing all documents, then each document on its own pages with its revision history and, in the footer, its number, version and the short hash of the approved text.",
			DocNumber:   manualDocNumber,
			status:      "Approved documents",
			spec:        manualPack,
		},
		{
			ID:          "registers",
			Title:       registersTitle,
			Description: "Every register the SMS keeps, on landscape pages: what each is for, then its records as a table, the actions raised against records, a heat map of the risks, the nonconformities' effectiveness checks and repeated causes, and the improvements against their objectives.",
			DocNumber:   registersDocNumber,
			status:      registerStatus,
			spec:        registersPack,
		},
		{
			ID:          reviewPackID,
			Title:       "Management review minutes",
			Description: "One management review of your choice: who attended, each required input with what the review decided on it, the conclusions, the actions with their owners and due dates, the approval by top management, and an annex of the figures each input showed on the day.",
			spec:        reviewPack,
		},
		{
			ID:          registerPackID,
			Title:       "Single register",
			Description: "One register of your choice, with a cover and its records as a table, on landscape pages when it has many columns.",
			status:      registerStatus,
			spec:        registerPack,
		},
		{
			ID:          documentPackID,
			Title:       "Single document",
			Description: "One controlled document chosen by its number, with a cover, its control details and its revision history: the latest approved version, or its newer draft marked DRAFT on every page.",
			spec:        documentPack,
		},
	}
}

// registerStatus is the status of the register packs: records, which
// change as the work goes on, not controlled documents.
const registerStatus = "Record as it stood when printed"

// workingPaper is the status of the internal packs, which record where the
// work stands and change as it moves.
const workingPaper = "Working paper"

// FindPack returns the pack with the ID.
func FindPack(id string) (Pack, bool) {
	for _, p := range Packs() {
		if p.ID == id {
			return p, true
		}
	}
	return Pack{}, false
}
