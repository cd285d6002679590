package reports

import (
	"sort"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const (
	scopeTitle     = "SMS scope and organisation profile"
	scopeDocNumber = "SMS-PK-01"
)

// Templates of the scope pack. Placeholders are filled with workspace values
// escaped for Markdown, so a "*" or "#" someone typed prints as itself.
const (
	scopeProfileIntro = `This section records who runs the service management system (SMS): the organisation's legal identity and where it is based. These values come from the organisation profile in the workspace of {{org.name}} and fill every document template.`

	scopeScopeIntro = `Clause 4.3 of ISO/IEC 20000-1 asks the organisation to determine the boundaries and applicability of its SMS and to state its scope in terms of the services it delivers and the organisation that delivers them. This section sets out the scope **{{org.legal_name}}** has recorded, as of {{today}}.`

	scopePeopleIntro = `Clause 5.3 asks top management to make sure that responsibilities and authorities for the SMS are assigned and communicated. The people below hold SMS roles in **{{org.name}}**. In a small organisation one person often holds several roles; an internal auditor should not audit a process they own.`

	scopeAnnexIntro = `ISO/IEC 20000-1:2018 sets out its requirements in clauses 4 to 10. This annex lists every clause and sub-clause with the documented information the SMS needs for it: a **Document** is information to *maintain* (kept current under document control), a **Record** is information to *retain* as evidence of what was done. Clause numbers and titles are those of the standard.`

	scopeAnnexGuidanceIntro = `ISO/IEC 20000-1:2018 sets out its requirements in clauses 4 to 10. This annex lists every clause and sub-clause with short guidance on what it asks for, and the documented information the SMS needs for it: a **Document** is information to *maintain* (kept current under document control), a **Record** is information to *retain* as evidence of what was done. Clause numbers and titles are those of the standard; the guidance is written for SMS Builder in its own words. This copy is for the author: the guidance coaches, so do not hand it to an auditor.`
)

// scopePack is "SMS scope and organisation profile".
func scopePack(env packEnv) (*packSpec, error) {
	org := env.src.Org
	people := append([]data.Person(nil), env.src.People...)
	data.SortPeople(people)
	values := markdownValues(org, people, env)

	spec := &packSpec{
		title:     scopeTitle,
		subtitle:  "Organisation profile, scope of the service management system, SMS roles and the ISO/IEC 20000-1:2018 clause map",
		docNumber: scopeDocNumber,
		version:   "1.0",
	}
	spec.control = []ControlRow{{
		Number:   scopeDocNumber,
		Title:    scopeTitle,
		Version:  spec.version,
		Status:   env.status,
		Date:     env.date,
		Owner:    namesWithRole(people, data.RoleSMSOwner),
		Approver: namesWithRole(people, data.RoleTopManagement),
	}}
	spec.sections = []section{
		{number: "1", title: "Organisation profile", render: func(d *doc) error { return scopeProfile(d, org, people, values) }},
		{number: "2", title: "Scope of the SMS", render: func(d *doc) error { return scopeScope(d, org, values) }},
		{number: "3", title: "People and SMS roles", render: func(d *doc) error { return scopePeople(d, people, values) }},
		{number: "Annex A", title: "ISO/IEC 20000-1:2018 clauses and documented information", render: func(d *doc) error {
			return scopeAnnex(d, env.src.Catalogue, env.opts.WithGuidance)
		}},
	}
	return spec, nil
}

// markdownValues are the placeholder values, escaped for Markdown, with the
// date in the pack's format.
func markdownValues(org data.Organisation, people []data.Person, env packEnv) data.Placeholders {
	raw := data.PlaceholderValues(org, people, env.opts.Now)
	raw["today"] = env.date
	out := make(data.Placeholders, len(raw))
	for k, v := range raw {
		if strings.TrimSpace(v) == "" {
			v = notRecorded
		}
		out[k] = escapeMarkdown(v)
	}
	return out
}

func namesWithRole(people []data.Person, kind data.RoleKind) string {
	var names []string
	for _, p := range people {
		if p.HasRole(kind) {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, ", ")
}

func scopeProfile(d *doc, org data.Organisation, people []data.Person, values data.Placeholders) error {
	if err := d.markdownTemplate(scopeProfileIntro, values); err != nil {
		return err
	}
	logo := ""
	if k := data.LogoKind(org.Logo); k != "" {
		logo = "On file (" + strings.ToUpper(k) + " image), shown on the cover of every pack"
	}
	d.keyValues([][2]string{
		{"Legal name", org.LegalName},
		{"Short name", org.ShortName},
		{"Address", org.Address},
		{"Logo", logo},
	})
	c := data.ProfileCompleteness(org, people)
	md := "# Completeness of the profile\n\n"
	if len(c.Missing) == 0 {
		md += "The profile and scope are complete: every item the document templates need is recorded."
	} else {
		md += "The profile and scope are " + strconv.Itoa(c.Percent()) + "%" + " complete. Still to record: " + escapeInline(strings.Join(c.Missing, ", ")) + "."
	}
	d.markdown(md)
	return nil
}

func scopeScope(d *doc, org data.Organisation, values data.Placeholders) error {
	if err := d.markdownTemplate(scopeScopeIntro, values); err != nil {
		return err
	}
	d.markdown("# Scope statement")
	if s := strings.TrimSpace(org.ScopeStatement); s != "" {
		d.markdown(quote(escapeMarkdown(s)))
	} else {
		d.notYet()
	}
	d.markdown("# Services in scope\n\nThe services the SMS covers, as listed in the service catalogue.")
	listOrUnreadable(d, org.Services, org.Unreadable.Has("Services"))
	d.markdown("# Locations\n\nThe sites from which the services in scope are planned, delivered and supported.")
	listOrUnreadable(d, org.Locations, org.Unreadable.Has("Locations"))
	d.markdown("# Boundaries and exclusions\n\nWhat the SMS does not cover, and why. ISO/IEC 20000-1 does not allow requirements of clauses 4 to 10 to be excluded for the services in scope; a boundary names services, customers or sites outside it.")
	if s := strings.TrimSpace(org.Exclusions); s != "" {
		d.markdown(escapeMarkdown(s))
	} else {
		d.notYet()
	}
	return nil
}

// quote makes Markdown a block quote.
func quote(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// listOrNotYet prints items as a bullet list, or "Not yet recorded".
func listOrNotYet(d *doc, items []string) {
	var b strings.Builder
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			b.WriteString("- " + escapeInline(it) + "\n")
		}
	}
	if b.Len() == 0 {
		d.notYet()
		return
	}
	d.markdown(b.String())
}

// rolesCell lists a person's roles with process owner roles grouped:
// "SMS owner; Process owner: Incident management, Change management".
func rolesCell(p data.Person) string {
	var parts, processes []string
	for _, k := range data.RoleKinds() {
		for _, r := range p.Roles {
			if r.Kind != k {
				continue
			}
			if k == data.RoleProcessOwner {
				processes = append(processes, r.Process)
				continue
			}
			parts = append(parts, k.Label())
			break
		}
		if k == data.RoleProcessOwner && len(processes) > 0 {
			parts = append(parts, k.Label()+": "+strings.Join(processes, ", "))
		}
	}
	if p.Unreadable.Has("Roles") {
		parts = append(parts, "a role "+data.UnreadableText)
	}
	return strings.Join(parts, "; ")
}

func scopePeople(d *doc, people []data.Person, values data.Placeholders) error {
	if err := d.markdownTemplate(scopePeopleIntro, values); err != nil {
		return err
	}
	d.markdown("# People")
	if len(people) == 0 {
		d.notYet()
	} else {
		t := table{header: []cell{{{text: "Name"}}, {{text: "Job title"}}, {{text: "E-mail"}}, {{text: "SMS roles"}}}}
		for _, p := range people {
			email := valueCell(p.Email)
			if e := strings.TrimSpace(p.Email); e != "" {
				email = cell{{text: e, url: safeURL("mailto:" + e)}}
			}
			t.rows = append(t.rows, []cell{{{text: p.Name, st: stBold}}, valueCell(p.JobTitle), email, valueCell(rolesCell(p))})
		}
		d.table(t)
		d.gap(gapBlock)
	}

	d.markdown("# Roles held\n\nWho holds each SMS role. Every role should be held by at least one person before the SMS is audited.")
	d.keyValues([][2]string{
		{data.RoleSMSOwner.Label(), namesWithRole(people, data.RoleSMSOwner)},
		{data.RoleTopManagement.Label(), namesWithRole(people, data.RoleTopManagement)},
		{data.RoleInternalAuditor.Label(), namesWithRole(people, data.RoleInternalAuditor)},
	})

	type owned struct{ process, owner string }
	var processes []owned
	for _, p := range people {
		for _, r := range p.Roles {
			if r.Kind == data.RoleProcessOwner && strings.TrimSpace(r.Process) != "" {
				processes = append(processes, owned{strings.TrimSpace(r.Process), p.Name})
			}
		}
	}
	sort.SliceStable(processes, func(i, j int) bool {
		return strings.ToLower(processes[i].process) < strings.ToLower(processes[j].process)
	})
	d.markdown("# Processes and their owners\n\nEach process of the SMS has one owner who keeps it running and improving.")
	if len(processes) == 0 {
		d.notYet()
		return nil
	}
	var b strings.Builder
	b.WriteString("| Process | Owner |\n| --- | --- |\n")
	for _, p := range processes {
		b.WriteString("| " + escapeInline(p.process) + " | " + escapeInline(p.owner) + " |\n")
	}
	d.markdown(b.String())
	return nil
}

func scopeAnnex(d *doc, cat *data.Catalogue, guidance bool) error {
	if guidance {
		d.markdown(scopeAnnexGuidanceIntro)
	} else {
		d.markdown(scopeAnnexIntro)
	}
	var clauses []data.Clause
	if cat != nil {
		clauses = cat.Clauses()
	}
	if len(clauses) == 0 {
		d.paragraph("The clause catalogue is not available in this copy of SMS Builder.", stMuted|stItalic)
		return nil
	}
	for _, c := range clauses {
		if d.failed() {
			return nil
		}
		d.clause(c, guidance)
	}
	return nil
}

// clause prints one clause of the catalogue: its number and title as a
// heading (top-level clauses enter the table of contents), indented by
// depth, its guidance in smaller type when the author asked for it, and its
// documented information as a list labelled Document or Record.
func (d *doc) clause(c data.Clause, guidance bool) {
	depth := c.Depth()
	restore := d.indent(float64(min(depth, 3))*4.5, false)
	defer restore()
	d.heading(min(depth+1, 4), c.Number, c.Title, depth == 0)
	if g := strings.TrimSpace(c.Guidance); guidance && g != "" {
		d.flow(plainSpans(g, 0), paraStyle{size: sizeSmall, colour: colMuted})
		d.gap(1.6)
	}
	for i, doc := range c.Documents {
		label, st := "Document", stBold|stAccent
		if doc.Kind == data.KindRetain {
			label, st = "Record", stBold|stRecord
		}
		restoreItem := d.indent(5, false)
		d.marker = &marker{text: bullet(0), x: d.x - 1.8, size: sizeSmall}
		d.flow([]span{{text: label, st: st}, {text: "\u2002" + strings.TrimSpace(doc.Text)}}, paraStyle{size: sizeSmall})
		restoreItem()
		if i < len(c.Documents)-1 {
			d.gap(0.6)
		}
	}
	d.gap(gapBlock)
}
