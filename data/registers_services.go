package data

// The registers of the service portfolio and its relationships: the
// services, who receives them, what is promised, who helps deliver them
// and what they run on.

func servicesRegister() Register {
	return Register{
		Key: "services", Title: "Service catalogue", One: "service", Prefix: "SVC", Group: GroupServices,
		Clauses: []string{"8.2.2", "8.2.4"},
		Help: "The services you deliver, with who uses them, what they depend on and where each stands in its life. " +
			"Its agreements, risks and configuration items show beside each service.",
		Table:      []string{"title", "description", "outcomes", "customers", "owner", "status", "hours", "criticality", "depends_on", "review_date"},
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "title"}},
		Fields: []Field{
			title("Service", "The name customers know the service by.", "service name", "name"),
			longText("description", "Description", "What the service does for its customers.", "summary"),
			longText("outcomes", "Outcomes", "What customers get from it, in their terms.", "intended outcomes", "benefits"),
			links("customers", "Customers", "customers", "Who receives the service."),
			owner("The person accountable for the service.", "service owner"),
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "live", Synonyms: []string{"lifecycle", "stage"}, Choices: []Choice{
				{Key: "pipeline", Label: "Pipeline", Synonyms: []string{"planned", "proposed"}},
				{Key: "transition", Label: "In transition", Synonyms: []string{"transition", "build"}},
				{Key: "live", Label: "Live", Synonyms: []string{"active", "operational", "production"}},
				{Key: "retiring", Label: "Retiring"},
				{Key: "retired", Label: "Retired", Synonyms: []string{"closed", "decommissioned"}},
			}},
			{Key: "hours", Label: "Service hours", Type: FieldText, Help: "When the service is supported, such as Mon–Fri 08:00–18:00.",
				Synonyms: []string{"hours", "support hours", "opening hours"}},
			levels("criticality", "Criticality", "How much customers suffer when the service is down."),
			links("depends_on", "Depends on services", "services", "Other services this one cannot run without.", "dependencies", "depends on"),
			reviewDate(),
		},
	}
}

func customersRegister() Register {
	return Register{
		Key: "customers", Title: "Customers", One: "customer", Prefix: "CUS", Group: GroupServices,
		Clauses:    []string{"8.3.2"},
		Help:       "The organisations and internal teams you deliver services to, and who at your end looks after each one.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("Customer", "The customer's name.", "customer name", "name", "organisation", "client"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Default: "external", Synonyms: []string{"type"}, Choices: []Choice{
				{Key: "external", Label: "External"}, {Key: "internal", Label: "Internal"},
			}},
			{Key: "contact", Label: "Contact", Type: FieldText, Help: "Who you deal with, and how to reach them.", Synonyms: []string{"contact person", "email", "phone"}},
			{Key: "users", Label: "Users", Type: FieldNumber, HasRange: true, Min: 0, Max: 1e7, Help: "How many of their people use the services.",
				Synonyms: []string{"seats", "number of users", "headcount"}},
			owner("Who looks after the relationship.", "account manager", "relationship manager"),
			reviewDate(),
		},
	}
}

// Priorities of incidents and requests, for which an agreement sets
// response and resolution targets.
func slaPriorities() []struct{ key, label, words string } {
	return []struct{ key, label, words string }{
		{"p1", "P1", "critical"}, {"p2", "P2", "high"}, {"p3", "P3", "medium"}, {"p4", "P4", "low"},
	}
}

func slasRegister() Register {
	fields := []Field{
		title("Agreement", "The agreement's name, such as \"Managed Desktop SLA – Harbour Dental\".", "SLA", "SLA name", "agreement name", "name"),
		{Key: "service", Label: "Service", Type: FieldLink, Link: "services", Required: true, Help: "The service the agreement covers."},
		{Key: "customer", Label: "Customer", Type: FieldLink, Link: "customers", Help: "Who the agreement is with."},
		{Key: "status", Label: "Status", Type: FieldChoice, Synonyms: []string{"state"}, Choices: []Choice{
			{Key: "draft", Label: "Draft", Synonyms: []string{"proposed"}},
			{Key: "agreed", Label: "Agreed", Synonyms: []string{"signed", "active", "live"}},
			{Key: "expired", Label: "Expired", Synonyms: []string{"ended", "closed"}},
		}},
		{Key: "agreed_on", Label: "Agreed on", Type: FieldDate, Synonyms: []string{"signed", "start date", "effective date"}},
		{Key: "hours", Label: "Service hours", Type: FieldText, Help: "The hours the targets run in, such as Mon–Fri 08:00–18:00.", Synonyms: []string{"hours", "support hours"}},
		{Key: "availability", Label: "Availability target (%)", Type: FieldNumber, HasRange: true, Min: 0, Max: 100,
			Help: "The share of service hours the service is to be available, such as 99.5.", Synonyms: []string{"availability", "availability target", "uptime"}},
	}
	hours := func(key, label, help string, synonyms ...string) Field {
		return Field{Key: key, Label: label, Type: FieldNumber, HasRange: true, Min: 0, Max: 10000, Help: help, Synonyms: synonyms}
	}
	for _, p := range slaPriorities() {
		fields = append(fields, hours(p.key+"_response", p.label+" response (hours)",
			"Hours from a "+p.label+" ticket being logged to someone working on it, in service hours.",
			p.label+" response", p.label+" response time", p.words+" response"))
	}
	for _, p := range slaPriorities() {
		fields = append(fields, hours(p.key+"_resolution", p.label+" resolution (hours)",
			"Hours from a "+p.label+" ticket being logged to the service being restored or the request fulfilled.",
			p.label+" resolution", p.label+" resolution time", p.label+" fix", p.words+" resolution"))
	}
	fields = append(fields,
		longText("workload", "Workload limits", "The volume the targets hold for, such as up to 60 tickets a month or 45 users.", "workload", "volume limits", "limits"),
		longText("exceptions", "Exceptions", "What the targets do not cover, such as planned maintenance or causes on the customer's side.", "exclusions"),
		frequency("reporting", "Reporting", "How often performance against the agreement is reported to the customer.", "reporting frequency", "reports"),
		owner("Who manages the agreement and its reviews.", "SLA owner"),
		reviewDate(),
	)
	return Register{
		Key: "slas", Title: "Service level agreements", One: "agreement", Prefix: "SLA", Group: GroupServices,
		Clauses: []string{"8.3.3"},
		Help: "What is promised to each customer for each service: availability, response and resolution by priority, " +
			"the workload the promises hold for, what they exclude, and how often they are reported.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Table: []string{"title", "service", "customer", "status", "availability", "p1_response", "p1_resolution",
			"p2_response", "p2_resolution", "reporting", "owner", "review_date"},
		Fields: fields,
	}
}

func suppliersRegister() Register {
	return Register{
		Key: "suppliers", Title: "Suppliers and contracts", One: "supplier", Prefix: "SUP", Group: GroupServices,
		Clauses: []string{"8.2.3", "8.3.4.1", "8.3.4.2"},
		Help: "Who helps you deliver your services, under which contract or agreement, and how well: " +
			"external suppliers, internal teams, and customers who supply something themselves.",
		Table:      []string{"title", "kind", "supplies", "owner", "services", "contract", "end", "renewal", "rating", "review_date"},
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("Supplier", "The supplier's name.", "supplier name", "vendor", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Default: "external", Synonyms: []string{"type", "supplier type"}, Choices: []Choice{
				{Key: "external", Label: "External supplier", Synonyms: []string{"external"}},
				{Key: "internal", Label: "Internal supplier", Synonyms: []string{"internal"}},
				{Key: "customer", Label: "Customer acting as a supplier", Synonyms: []string{"customer"}},
			}},
			longText("supplies", "What they supply", "The scope: the products, services or parts of a service they provide.", "scope", "products", "description"),
			owner("Who manages the supplier.", "supplier manager", "contract owner"),
			links("services", "Services supported", "services", "The services their supply goes into.", "services"),
			{Key: "contact", Label: "Contact", Type: FieldText, Help: "Who you deal with, and how to reach them.", Synonyms: []string{"account manager", "email", "phone"}},
			{Key: "contract", Label: "Contract reference", Type: FieldText, Help: "The contract, or for an internal supplier the agreement, that governs the supply.",
				Synonyms: []string{"contract", "agreement", "contract number", "OLA"}},
			longText("targets", "Service levels", "The targets the contract holds them to, such as 99.95% availability or next-day delivery.", "service level targets", "SLA", "kpis"),
			{Key: "start", Label: "Contract start", Type: FieldDate, Synonyms: []string{"start date", "start"}},
			{Key: "end", Label: "Contract end", Type: FieldDate, Synonyms: []string{"end date", "expiry", "end"}},
			{Key: "renewal", Label: "Renewal date", Type: FieldDate, Task: "Decide renewal of",
				Help: "The last day to renew or give notice; a task is due on that day.", Synonyms: []string{"renewal", "notice date"}},
			{Key: "rating", Label: "Performance", Type: FieldChoice, Help: "How well they performed at the last review.",
				Synonyms: []string{"rating", "performance rating", "score"}, Choices: fivePointScale("Poor", "Weak", "Adequate", "Good", "Excellent")},
			longText("disputes", "Disputes", "Any disagreement with the supplier and how it stands, until it is closed.", "dispute", "issues"),
			reviewDate(),
		},
	}
}

func assetsRegister() Register {
	return Register{
		Key: "assets", Title: "Assets and configuration items", One: "item", Prefix: "CI", Group: GroupServices,
		Clauses: []string{"8.2.5", "8.2.6"},
		Help: "The hardware, software, licences, cloud resources and documents the services run on, " +
			"with their state and how they relate to the services and to each other.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "type"}, {Field: "title"}},
		Fields: []Field{
			title("Item", "A name that tells the item apart, such as \"Backup vault – UK South\".", "asset", "asset name", "CI", "CI name", "configuration item", "name"),
			{Key: "type", Label: "Type", Type: FieldChoice, Required: true, Synonyms: []string{"CI type", "asset type", "class", "category"}, Choices: []Choice{
				{Key: "hardware", Label: "Hardware", Synonyms: []string{"server", "device", "laptop"}},
				{Key: "software", Label: "Software", Synonyms: []string{"application", "app"}},
				{Key: "licence", Label: "Licence", Synonyms: []string{"license", "subscription"}},
				{Key: "cloud", Label: "Cloud resource", Synonyms: []string{"cloud", "virtual machine", "VM", "tenant"}},
				{Key: "network", Label: "Network", Synonyms: []string{"circuit", "link", "firewall"}},
				{Key: "document", Label: "Document", Synonyms: []string{"documentation", "runbook"}},
				{Key: "other", Label: "Other"},
			}},
			{Key: "identifier", Label: "Identifier", Type: FieldText, Help: "A serial number, licence key reference, hostname or resource ID that finds the item itself.",
				Synonyms: []string{"serial", "serial number", "hostname", "asset tag", "resource id"}},
			longText("description", "Description", "What the item is and what it does.", "details"),
			owner("Who is responsible for the item.", "custodian"),
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Synonyms: []string{"state", "lifecycle"}, Choices: []Choice{
				{Key: "planned", Label: "Planned", Synonyms: []string{"ordered", "on order"}},
				{Key: "in_use", Label: "In use", Synonyms: []string{"live", "active", "in service", "production", "deployed"}},
				{Key: "repair", Label: "Under repair", Synonyms: []string{"maintenance", "faulty"}},
				{Key: "stock", Label: "In stock", Synonyms: []string{"spare", "storage"}},
				{Key: "retired", Label: "Retired", Synonyms: []string{"disposed", "decommissioned"}},
			}},
			levels("criticality", "Criticality", "How much the services suffer when the item fails."),
			links("services", "Services", "services", "The services that use the item."),
			links("related", "Related items", "assets", "Items this one runs on, connects to or is part of.", "relationships", "parent", "depends on"),
			{Key: "supplier", Label: "Supplier", Type: FieldLink, Link: "suppliers", Help: "Who supplied or supports it.", Synonyms: []string{"vendor"}},
			{Key: "expires", Label: "Expires", Type: FieldDate, Task: "Renew",
				Help:     "When a warranty, licence or subscription ends; a task is due on that day.",
				Synonyms: []string{"expiry", "expiry date", "renewal", "warranty end", "licence end"}},
		},
	}
}
