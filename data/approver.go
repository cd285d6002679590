package data

import (
	"fmt"
	"strings"
)

// ApproverFor is the person who approves a document when actor is working:
// approval is a signature, so it is always the person working, found in
// people by name, and they must hold an approving role (CheckApprover). The
// refusal names who may approve, so the user knows whom to switch to.
func ApproverFor(actor string, people []Person) (Person, error) {
	name := strings.TrimSpace(actor)
	var found *Person
	for i := range people {
		if name == "" || !strings.EqualFold(strings.TrimSpace(people[i].Name), name) {
			continue
		}
		// Two people may share a name; the one who may approve signs.
		if found == nil || CheckApprover(people[i]) == nil {
			found = &people[i]
		}
	}
	may := approverNames(people)
	switch {
	case found == nil && name == "":
		return Person{}, &Error{Code: EInvalid, Message: "Nobody is named as working, so nobody can sign the approval. " + may}
	case found == nil:
		return Person{}, &Error{Code: EInvalid, Message: fmt.Sprintf("%s is working but is not on the People screen, so they cannot approve documents. %s", name, may)}
	case CheckApprover(*found) != nil:
		return Person{}, &Error{Code: EInvalid, Message: fmt.Sprintf("%s is working and holds neither the top management nor the SMS owner role, so they cannot approve documents. %s", found.Name, may)}
	}
	return *found, nil
}

// approverNames says who may approve, in a sentence.
func approverNames(people []Person) string {
	var names []string
	for _, p := range people {
		if CheckApprover(p) == nil {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return "Nobody may approve yet: give someone the top management or SMS owner role on the People screen."
	}
	return "Who may approve: " + strings.Join(names, ", ") + "."
}

// HatWarnings lists the conflicting or missing hats in people, in plain
// words: the SMS needs exactly one SMS owner and someone from top
// management, and an internal auditor must not audit a process they own.
// They are warnings, not refusals: a firm may be mid-way through setting up.
func HatWarnings(people []Person) []string {
	var owners []string
	top := false
	var out []string
	for _, p := range people {
		if p.HasRole(RoleSMSOwner) {
			owners = append(owners, p.Name)
		}
		top = top || p.HasRole(RoleTopManagement)
	}
	switch {
	case len(owners) == 0:
		out = append(out, "Nobody holds the SMS owner role: give it to one person.")
	case len(owners) > 1:
		out = append(out, fmt.Sprintf("%d people hold the SMS owner role (%s): the SMS should have one owner.", len(owners), strings.Join(owners, ", ")))
	}
	if !top {
		out = append(out, "Nobody holds the top management role: give it to the person who answers for the SMS at the top of the firm.")
	}
	for _, p := range people {
		if !p.HasRole(RoleInternalAuditor) {
			continue
		}
		for _, r := range p.Roles {
			if r.Kind == RoleProcessOwner && strings.TrimSpace(r.Process) != "" {
				out = append(out, fmt.Sprintf("%s is an internal auditor and owns the process %s: they must not audit it.", p.Name, r.Process))
			}
		}
	}
	return out
}
