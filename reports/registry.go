package reports

// Pack is one printable pack as the GUI lists it and the command line names it.
type Pack struct {
	ID          string // stable name for the command line: "scope"
	Title       string // "SMS scope and organisation profile"
	Description string // one plain sentence for the GUI
	DocNumber   string // printed on the cover and in every footer: "SMS-PK-01"

	spec func(env packEnv) (*packSpec, error)
}

// Packs lists every pack in the order the GUI shows them. Each call returns a
// fresh slice that the caller may change.
func Packs() []Pack {
	return []Pack{
		{
			ID:          "scope",
			Title:       scopeTitle,
			Description: "The organisation profile, the scope of the service management system, the people who hold SMS roles and a map of every ISO/IEC 20000-1 clause with the documents and records it needs.",
			DocNumber:   scopeDocNumber,
			spec:        scopePack,
		},
	}
}

// FindPack returns the pack with the ID.
func FindPack(id string) (Pack, bool) {
	for _, p := range Packs() {
		if p.ID == id {
			return p, true
		}
	}
	return Pack{}, false
}
