package data

// Unlinked names the records a delete of a person left pointing at nobody:
// the roadmap steps and documents they owned, the document versions they
// approved and the register records (tasks among them) that named them. A
// restore links exactly these again.
type Unlinked struct {
	Steps     []string // catalogue step IDs
	Documents []int64
	Versions  []int64
	Records   []RecordPerson // register records' person fields
}

// RecordPerson is a person field of a register record.
type RecordPerson struct {
	RecordID int64
	Field    string
}

// Count is how many records the delete left pointing at nobody.
func (u Unlinked) Count() int {
	return len(u.Steps) + len(u.Documents) + len(u.Versions) + len(u.Records)
}

// Restored says what a restore linked again, and how many records it left
// as they are because someone had linked them to another person, or
// deleted them, since the delete.
type Restored struct {
	Relinked  int
	LeftAlone int
}
