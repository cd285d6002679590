package reports

import (
	"maps"
	"slices"
	"strings"

	"smsbuilder/data"
)

// unreadableTitle is the title of the section that ends a pack printed from
// a workspace holding values that could not be read.
const unreadableTitle = "Values that could not be read"

// unreadableCell is what a pack prints in place of a value that could not
// be read: a visible word, never an empty cell that reads as "not set".
func unreadableCell() cell {
	return cell{{text: data.UnreadableText, st: stItalic | stAlert}}
}

// listOrUnreadable lists items, or says the stored list could not be read.
func listOrUnreadable(d *doc, items []string, unreadable bool) {
	if unreadable {
		d.flow(unreadableCell(), paraStyle{size: sizeBody})
		d.gap(gapBlock)
		return
	}
	listOrNotYet(d, items)
}

// Unreadable gathers every value of the source that could not be read, in
// the order the workspace's screens show the records.
func (s Source) Unreadable() []data.Unreadable {
	var out []data.Unreadable
	out = append(out, s.Org.Unreadable...)
	for _, p := range s.People {
		out = append(out, p.Unreadable...)
	}
	out = append(out, s.Plan.Unreadable...)
	for _, id := range slices.Sorted(maps.Keys(s.Progress)) {
		out = append(out, s.Progress[id].Unreadable...)
	}
	for _, t := range s.Tasks {
		out = append(out, t.Unreadable...)
	}
	for _, a := range s.Assessments {
		out = append(out, a.Unreadable...)
		answers := s.Answers[a.ID]
		for _, q := range slices.Sorted(maps.Keys(answers)) {
			out = append(out, answers[q].Unreadable...)
		}
	}
	for _, rec := range s.Documents {
		out = append(out, rec.Document.Unreadable...)
		for _, v := range rec.Versions {
			out = append(out, v.Unreadable...)
		}
	}
	for _, reg := range s.Registers {
		if reg.Register.Key == data.TasksRegister {
			continue // listed above, as the tasks
		}
		for _, r := range reg.Records {
			out = append(out, r.Unreadable...)
		}
	}
	return out
}

// unreadableSection lists the values that could not be read, so that a
// reader knows what the pages marked "unreadable" held and what to correct.
func unreadableSection(bad []data.Unreadable) section {
	return section{title: unreadableTitle, render: func(d *doc) error {
		d.paragraph("The workspace holds values that SMS Builder could not read: they were changed outside the app or damaged. "+
			"The pages above print them as \u201cunreadable\u201d; enter them again in the app.", 0)
		t := table{header: []cell{{{text: "Record"}}, {{text: "Field"}}, {{text: "Stored text"}}}, size: sizeSmall}
		for _, u := range bad {
			raw := cell{{text: u.Raw, st: stMono}}
			if strings.TrimSpace(u.Raw) == "" {
				raw = cell{{text: "(empty)", st: stMuted | stItalic}}
			}
			t.rows = append(t.rows, []cell{{{text: u.Record}}, {{text: u.Label}}, raw})
		}
		d.table(t)
		return nil
	}}
}
