package data

import (
	"context"
	"fmt"
	"time"
)

// DemoOrganisation is Northwind Managed IT Ltd, the sample that runs through
// every demo workspace and test fixture.
func DemoOrganisation() Organisation {
	o := DefaultOrganisation()
	o.LegalName = "Northwind Managed IT Ltd"
	o.ShortName = "Northwind"
	o.Address = "Unit 4, Riverside Business Park\nLeeds LS11 5DA\nUnited Kingdom"
	o.Services = []string{"Managed Desktop Support", "Cloud Hosting", "Backup and Recovery"}
	o.Locations = []string{"Leeds head office (service desk and operations)", "Manchester office (field engineering)"}
	o.ScopeStatement = "The service management system of Northwind Managed IT Ltd covers the planning, design, transition, delivery and improvement of Managed Desktop Support, Cloud Hosting, and Backup and Recovery, provided from the Leeds and Manchester offices to small business customers in the United Kingdom."
	o.Exclusions = "Hardware resale, which Northwind passes through from its reseller without managing it as a service, is outside the scope. All requirements of ISO/IEC 20000-1 apply to the services in scope; none is excluded."
	return o
}

// DemoPeople are Northwind's staff who hold SMS roles. As in any small firm,
// some wear several hats; the auditor audits processes they do not run.
func DemoPeople() []Person {
	return []Person{
		{Name: "Margaret Holloway", JobTitle: "Managing Director", Email: "margaret.holloway@northwind-it.example", Roles: []Role{{Kind: RoleTopManagement}}},
		{Name: "Daniel Okafor", JobTitle: "Service Delivery Manager", Email: "daniel.okafor@northwind-it.example", Roles: []Role{{Kind: RoleSMSOwner}, {Kind: RoleProcessOwner, Process: "Service level management"}, {Kind: RoleProcessOwner, Process: "Business relationship management"}}},
		{Name: "Priya Raman", JobTitle: "Service Desk Lead", Email: "priya.raman@northwind-it.example", Roles: []Role{{Kind: RoleProcessOwner, Process: "Incident management"}, {Kind: RoleProcessOwner, Process: "Service request management"}}},
		{Name: "Tomasz Nowak", JobTitle: "Infrastructure Engineer", Email: "tomasz.nowak@northwind-it.example", Roles: []Role{{Kind: RoleProcessOwner, Process: "Change management"}, {Kind: RoleProcessOwner, Process: "Release and deployment management"}, {Kind: RoleProcessOwner, Process: "Configuration management"}}},
		{Name: "Aisha Bello", JobTitle: "Cloud Engineer", Email: "aisha.bello@northwind-it.example", Roles: []Role{{Kind: RoleProcessOwner, Process: "Service continuity management"}, {Kind: RoleProcessOwner, Process: "Capacity management"}}},
		{Name: "Oliver Grant", JobTitle: "Desktop Support Engineer", Email: "oliver.grant@northwind-it.example", Roles: []Role{{Kind: RoleInternalAuditor}}},
		{Name: "Sofia Marchetti", JobTitle: "Finance and Commercial Manager", Email: "sofia.marchetti@northwind-it.example", Roles: []Role{{Kind: RoleTopManagement}, {Kind: RoleProcessOwner, Process: "Supplier management"}, {Kind: RoleProcessOwner, Process: "Budgeting and accounting for services"}}},
	}
}

// SeedDemo fills an empty workspace with the demo organisation and its SMS
// in progress and its registers, dated around now. The logo comes from the caller because data
// embeds no files.
func SeedDemo(ctx context.Context, ws Workspace, cat *Catalogue, logo []byte, now time.Time) error {
	if err := SeedDemoOrganisation(ctx, ws, logo); err != nil {
		return err
	}
	if err := seedDemoProgress(ctx, ws, cat, now); err != nil {
		return err
	}
	if err := seedDemoDocuments(ctx, ws, cat, now); err != nil {
		return err
	}
	if err := seedDemoRegisters(ctx, ws, now); err != nil {
		return err
	}
	return seedDemoEvidence(ctx, ws, now)
}

// SeedDemoOrganisation saves only the demo profile and people.
func SeedDemoOrganisation(ctx context.Context, ws interface {
	OrganisationService
	PeopleService
}, logo []byte) error {
	o := DemoOrganisation()
	o.Logo = logo
	if _, err := ws.SaveOrganisation(ctx, o); err != nil {
		return fmt.Errorf("seed demo organisation: %w", err)
	}
	for _, p := range DemoPeople() {
		if _, err := ws.SavePerson(ctx, p); err != nil {
			return fmt.Errorf("seed demo person %s: %w", p.Name, err)
		}
	}
	return nil
}
