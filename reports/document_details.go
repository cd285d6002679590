package reports

import (
	"strings"
	"time"

	"smsbuilder/data"
)

// details prints a document's front matter under its heading, as a
// controlled manual sets it out: a small table of its version, status,
// effective date, owner, next review and distribution, then who approved
// it, in what role and when. A draft says plainly that it is not approved.
func (w *docWriter) details(d *doc, s docState, v data.Version, draft bool) {
	muted := func(t string) cell { return cell{{text: t, st: stMuted}} }
	status := cell{{text: statusText(v, draft)}}
	if draft || v.TextAltered() {
		status[0].st = stBold | stAlert
	}
	owner := w.names[s.rec.Document.OwnerID]
	t := table{label: true, fixed: []float64{0.17, 0.33, 0.17, 0.33}, size: sizeSmall}
	t.rows = [][]cell{
		{{{text: "Version"}}, {{text: v.Number(), st: stBold}}, muted("Status"), status},
		{{{text: "Effective"}}, w.effectiveCell(v, draft), muted("Next review"), w.reviewCell(v, draft)},
		{{{text: "Owner"}}, valueCell(owner), muted("Distribution"), distributionCell(s.rec.Document)},
	}
	d.keepTogether(d.tableHeight(t) + 14)
	d.table(t)
	d.gap(gapBlock * 0.5)
	if draft {
		note := []span{{text: "Not approved.", st: stBold}}
		if s.approved != nil {
			note = append(note, span{text: " The approved version is " + versionNumber(*s.approved) + "."})
		}
		d.flow(note, paraStyle{size: sizeSmall})
		d.gap(gapBlock * 1.5)
		return
	}
	approval := table{
		header: []cell{{{text: "Approved by"}}, {{text: "Role"}}, {{text: "Date"}}},
		rows:   [][]cell{{valueCell(w.names[v.ApprovedBy]), valueCell(w.approverRoles(v.ApprovedBy)), valueCell(w.date(v))}},
		fixed:  []float64{0.3, 0.45, 0.25},
		size:   sizeSmall,
	}
	d.table(approval)
	if v.TextAltered() {
		d.flow([]span{{text: "ALTERED: this text no longer matches the text approved.", st: stBold | stAlert}}, paraStyle{size: sizeSmall})
	}
	d.gap(gapBlock * 1.5)
}

// effectiveCell is the day the printed text takes effect; a draft is not
// in effect at all.
func (w *docWriter) effectiveCell(v data.Version, draft bool) cell {
	switch {
	case draft:
		return cell{{text: "Not in effect", st: stMuted | stItalic}}
	case v.Unreadable.Has("EffectiveFrom"):
		return unreadableCell()
	}
	day := v.Effective()
	if day.IsZero() {
		return valueCell("")
	}
	return cell{{text: w.env.opts.DateFormat.Format(day)}}
}

// reviewCell is the next review date, marked when it has passed.
func (w *docWriter) reviewCell(v data.Version, draft bool) cell {
	switch {
	case draft:
		return cell{{text: "\u2013", st: stMuted}}
	case v.Unreadable.Has("ReviewDue"):
		return unreadableCell()
	case v.ReviewDue.IsZero():
		return valueCell("")
	}
	due := span{text: w.env.opts.DateFormat.Format(v.ReviewDue)}
	y, m, day := w.env.opts.Now.Date()
	if v.ReviewDue.Before(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)) {
		due.text += " (overdue)"
		due.st = stBold | stAlert
	}
	return cell{due}
}

// distributionCell is the document's distribution list, one recipient a
// line as its owner wrote it.
func distributionCell(doc data.Document) cell {
	if doc.Unreadable.Has("Distribution") {
		return unreadableCell()
	}
	var lines []string
	for _, l := range strings.Split(doc.Distribution, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return valueCell(strings.Join(lines, "\n"))
}

// approverRoles is the approver's roles as the workspace records them: the
// ones that allow approving, or every role when none of them does.
func (w *docWriter) approverRoles(id int64) string {
	p, ok := w.people[id]
	if !ok {
		return ""
	}
	var approving []string
	for _, r := range p.Roles {
		if r.Kind == data.RoleTopManagement || r.Kind == data.RoleSMSOwner {
			approving = append(approving, r.String())
		}
	}
	if len(approving) == 0 {
		return p.RolesText()
	}
	return strings.Join(approving, "; ")
}
