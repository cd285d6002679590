package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"smsbuilder/data"
)

// recordNames turns the IDs a record holds into the names a person reads:
// people by name, linked records by reference and title. The records of
// a register are read once it is first needed, not before.
type recordNames struct {
	env    *env
	people []data.Person
	byID   map[int64]data.Person
	regs   map[string]data.Register
	refs   map[string][]data.RecordRef
	refIDs map[string]map[int64]data.RecordRef
}

func newRecordNames(e *env) *recordNames {
	n := &recordNames{env: e, byID: map[int64]data.Person{}, regs: map[string]data.Register{}}
	people, err := e.ws.People(e.ctx())
	if err != nil {
		e.showErr(err)
	}
	data.SortPeople(people)
	n.people = people
	for _, p := range people {
		n.byID[p.ID] = p
	}
	regs, err := e.ws.Registers(e.ctx())
	if err != nil {
		e.showErr(err)
	}
	for _, r := range regs {
		n.regs[r.Key] = r
	}
	n.forget()
	return n
}

// forget drops the records read, after a save or delete changed them.
func (n *recordNames) forget() {
	n.refs, n.refIDs = map[string][]data.RecordRef{}, map[string]map[int64]data.RecordRef{}
}

// refsOf names every record of register, in reference order.
func (n *recordNames) refsOf(register string) []data.RecordRef {
	if refs, ok := n.refs[register]; ok {
		return refs
	}
	refs, err := n.env.ws.RecordRefs(n.env.ctx(), register)
	if err != nil {
		n.env.showErr(err)
	}
	byID := make(map[int64]data.RecordRef, len(refs))
	for _, r := range refs {
		byID[r.ID] = r
	}
	n.refs[register], n.refIDs[register] = refs, byID
	return refs
}

// name is the person or record id that f points at.
func (n *recordNames) name(f data.Field, id int64) string {
	if f.Type == data.FieldPerson {
		if p, ok := n.byID[id]; ok {
			return p.Name
		}
		return lang.L("(unknown person)")
	}
	n.refsOf(f.Link)
	if r, ok := n.refIDs[f.Link][id]; ok {
		return r.Text()
	}
	return lang.L("(unknown record)")
}

// display is a value as a person reads it.
func (n *recordNames) display(f data.Field, value string) string {
	return f.Display(value, n.env.dates, n.name)
}

// ref names record r of reg.
func (n *recordNames) ref(reg data.Register, r data.Record) data.RecordRef {
	return data.RecordRef{ID: r.ID, Register: reg.Key, Reference: reg.Reference(r.Number), Title: r.Get(reg.TitleField)}
}

// linkText is "SVC-1 Managed desktop (Customers)": the linking record and
// the field of it that holds the link.
func (n *recordNames) linkText(ref data.RecordRef) string {
	if reg, ok := n.regs[ref.Register]; ok {
		if f, ok := reg.Field(ref.Field); ok {
			return ref.Text() + " (" + f.Label + ")"
		}
	}
	return ref.Text()
}

func (n *recordNames) linksText(links []data.RecordRef) string {
	parts := make([]string, len(links))
	for i, l := range links {
		parts[i] = n.linkText(l)
	}
	return strings.Join(parts, "; ")
}
