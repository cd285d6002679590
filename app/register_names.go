package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"smsbuilder/data"
)

// recordNames turns the IDs a record holds into the names a person reads:
// people by name, linked records by reference and title. The table names
// only the records its pages link to (see learn); a register's whole list
// is read when a picker offers it. Reading every record of every linked
// register up front held 10,000 names of each in memory.
type recordNames struct {
	env    *env
	people []data.Person
	byID   map[int64]data.Person
	regs   map[string]data.Register
	refs   map[string][]data.RecordRef
	refIDs map[string]map[int64]data.RecordRef
	named  map[int64]data.RecordRef // linked records named so far; a zero ref for one that is gone
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
	n.named = map[int64]data.RecordRef{}
}

// learn names, in one read, the records that recs of reg link to and that
// are not named yet.
func (n *recordNames) learn(reg data.Register, recs []data.Record) {
	seen := map[int64]bool{}
	var ids []int64
	for _, f := range reg.Fields {
		if f.Type != data.FieldLink {
			continue
		}
		for _, r := range recs {
			for _, id := range r.IDs(f.Key) {
				if _, ok := n.named[id]; !ok && !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
	}
	n.nameIDs(ids)
}

func (n *recordNames) nameIDs(ids []int64) {
	if len(ids) == 0 {
		return
	}
	refs, err := n.env.ws.RecordRefsOf(n.env.ctx(), ids)
	if err != nil {
		n.env.showErr(err)
		return
	}
	for _, id := range ids {
		n.named[id] = data.RecordRef{}
	}
	for _, r := range refs {
		n.named[r.ID] = r
	}
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
	if r, ok := n.refIDs[f.Link][id]; ok {
		return r.Text()
	}
	if _, ok := n.named[id]; !ok {
		n.nameIDs([]int64{id})
	}
	if r := n.named[id]; r.Register == f.Link {
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
