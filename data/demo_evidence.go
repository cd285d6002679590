package data

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"time"
)

// The demo's evidence: a dozen small files of the kinds a firm attaches —
// signed PDFs, a monitoring screenshot, spreadsheet exports, e-mails —
// made here rather than embedded, so that their dates follow the demo's
// and data stays free of files.

// demoAttachment is one file and what it is attached to: a record by its
// register and title, a document by number, or another target as is.
type demoAttachment struct {
	register, title string // a record
	document        string // a document's number
	target          EvidenceTarget
	name, note      string
	content         func() []byte
}

// demoEvidence makes the files, dated by the demo's today.
type demoEvidence struct {
	today time.Time
	org   string
}

func (d demoEvidence) day(months, days int) string {
	return d.today.AddDate(0, months, days).Format("2 January 2006")
}

func (d demoEvidence) attachments() []demoAttachment {
	return []demoAttachment{
		{register: "audits", title: demoFirstAudit, name: "internal-audit-report-resolution.pdf",
			note: "The audit report as signed by the auditor and the process owner.", content: d.auditReport},
		{register: "reviews", title: demoReviewHeld, name: "management-review-attendance.pdf",
			note: "Attendance list signed at the meeting.", content: d.reviewAttendance},
		{register: "suppliers", title: "Stratus Cloud Services Ltd", name: "stratus-service-review.eml",
			note: "Stratus's e-mail confirming the actions agreed at the quarterly review.", content: d.stratusReview},
		{register: BodiesRegister, title: demoBody, name: "meridian-contract-confirmation.eml",
			note: "The body's confirmation of the signed contract and the audit dates.", content: d.meridianContract},
		{register: "slas", title: "Cloud Hosting SLA – Aire Logistics", name: "cloud-hosting-availability.csv",
			note: "Monthly availability exported from the monitoring console.", content: d.availability},
		{register: "risks", title: "Backup jobs fail without anyone noticing", name: "backup-jobs-last-30-nights.png",
			note: "Screenshot of the backup console: one bar a night, failures in red.", content: d.backupChart},
		{register: NonconformitiesRegister, title: demoNCBackups, name: "restore-test-log.txt",
			note: "Log of the restore test that checked the corrective action.", content: d.restoreLog},
		{register: "objectives", title: "Customer satisfaction", name: "customer-survey-results.csv",
			note: "Survey answers as exported from the survey tool, one row a response.", content: d.survey},
		{register: ExternalFindingsRegister, title: "Change and release procedures used unapproved", name: "approval-evidence-change-release.pdf",
			note: "Approval pages of the change and release procedures, sent to the body.", content: d.approvalEvidence},
		{register: "communications", title: "SMS briefing", name: "sms-briefing-attendance.csv",
			note: "Who attended the briefing, from the meeting invitation.", content: d.briefing},
		{document: "SMS-DOC-02", name: "service-management-policy-signed.pdf",
			note: "The policy as signed by the managing director and posted in both offices.", content: d.signedPolicy},
		{target: AnswerEvidence("q-8.6.1-1"), name: "incident-queue-by-priority.png",
			note: "Screenshot of the service desk queue sorted by priority.", content: d.queueChart},
		{target: StepEvidence("step-01"), name: "kick-off-meeting-notes.txt",
			note: "Notes of the meeting that started the SMS project.", content: d.kickOff},
		{target: ClauseEvidence("7.2"), name: "competence-matrix.csv",
			note: "Roles against the skills and certificates each needs.", content: d.competence},
	}
}

// seedDemoEvidence attaches the demo's files; it runs after the records and
// documents exist.
func seedDemoEvidence(ctx context.Context, ws Workspace, now time.Time) error {
	org, err := ws.Organisation(ctx)
	if err != nil {
		return fmt.Errorf("seed demo evidence: %w", err)
	}
	d := demoEvidence{today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), org: org.LegalName}
	docs, err := ws.Documents(ctx)
	if err != nil {
		return fmt.Errorf("seed demo evidence: %w", err)
	}
	records := map[string]map[string]int64{} // register, then title
	for _, a := range d.attachments() {
		target := a.target
		switch {
		case a.register != "":
			if records[a.register] == nil {
				refs, err := ws.RecordRefs(ctx, a.register)
				if err != nil {
					return fmt.Errorf("seed demo evidence: %w", err)
				}
				records[a.register] = map[string]int64{}
				for _, r := range refs {
					records[a.register][r.Title] = r.ID
				}
			}
			id, ok := records[a.register][a.title]
			if !ok {
				return fmt.Errorf("seed demo evidence: no %s called %q", a.register, a.title)
			}
			target = RecordEvidence(id)
		case a.document != "":
			var id int64
			for _, doc := range docs {
				if doc.Number == a.document {
					id = doc.ID
				}
			}
			if id == 0 {
				return fmt.Errorf("seed demo evidence: no document %s", a.document)
			}
			target = DocumentEvidence(id)
		}
		if _, err := ws.AttachEvidence(ctx, target, a.name, a.content(), a.note, 0); err != nil {
			return fmt.Errorf("seed demo evidence %s: %w", a.name, err)
		}
	}
	return nil
}

func (d demoEvidence) auditReport() []byte {
	return demoPDF("Internal audit report: "+demoFirstAudit, []string{
		d.org,
		"Audit held on " + d.day(-2, 0) + " by Oliver Grant (internal auditor).",
		"Clauses 8.6, 8.7.1 and 9.4: incident and request handling, availability, service reporting.",
		"",
		"Sample: 25 incident tickets of the previous quarter, 10 service requests, 3 monthly service reports.",
		"Finding 1 (nonconformity): incident priorities changed without a recorded reason (4 of 25 tickets).",
		"Finding 2 (nonconformity): repeated backup failures not investigated as a problem.",
		"Strength: monthly service reports sent on time to every customer in the sample.",
		"",
		"Conclusion: the processes audited are in place and mostly followed; two nonconformities raised.",
		"",
		"Signed: Oliver Grant, auditor          Signed: Priya Raman, process owner",
	})
}

func (d demoEvidence) reviewAttendance() []byte {
	return demoPDF("Management review: attendance", []string{
		d.org + " - " + demoReviewHeld,
		"",
		"Held on " + d.day(-4, 0) + ".",
		"",
		"Margaret Holloway, Managing Director (chair) ........ signed",
		"Sofia Marchetti, Finance and Commercial Manager ..... signed",
		"Daniel Okafor, Service Delivery Manager (SMS owner) . signed",
		"Priya Raman, Service Desk Lead ..................... signed",
		"Aisha Bello, Cloud Engineer ........................ signed",
		"",
		"Apologies: Tomasz Nowak (on call).",
	})
}

func (d demoEvidence) approvalEvidence() []byte {
	return demoPDF("Approval of the change and release procedures", []string{
		"For the certification body: evidence of correction of the stage 1 finding.",
		"",
		"SMS-DOC-18 Change Management Policy and Procedure - approved by Margaret Holloway.",
		"SMS-DOC-20 Release and Deployment Management - approved by Margaret Holloway.",
		"",
		"Both approvals are recorded in the document register with their dates and the",
		"hash of the approved text; the working copies on the shared drive were withdrawn.",
		"Sent by Daniel Okafor, SMS owner, on " + d.day(0, -3) + ".",
	})
}

func (d demoEvidence) signedPolicy() []byte {
	return demoPDF("Service Management Policy - signed copy", []string{
		d.org,
		"",
		"We commit to delivering the services in our scope to the levels agreed with our",
		"customers, to meeting the requirements of our SMS, and to improving it continually.",
		"",
		"This copy was signed and posted in the Leeds and Manchester offices.",
		"",
		"Signed: Margaret Holloway, Managing Director",
	})
}

func (d demoEvidence) stratusReview() []byte {
	return demoMail("Priya Lal <account.management@stratus-cloud.example>", "Sofia Marchetti <sofia.marchetti@northwind-it.example>",
		"Quarterly service review - actions agreed", d.today.AddDate(0, -1, -4),
		"Hello Sofia,\n\nThank you for the review yesterday. As agreed:\n\n"+
			"1. Stratus sends its incident report within five working days of a major incident.\n"+
			"2. The storage upgrade in UK South is scheduled for the weekend of the 14th.\n"+
			"3. Availability for the quarter was 99.96% against the 99.9% in the contract.\n\n"+
			"Kind regards,\nPriya Lal\nAccount Manager, Stratus Cloud Services Ltd\n")
}

func (d demoEvidence) meridianContract() []byte {
	return demoMail("Certification Team <certification@meridian-assurance.example>", "Daniel Okafor <daniel.okafor@northwind-it.example>",
		"Contract signed - ISO/IEC 20000-1 certification", d.today.AddDate(0, -4, 0),
		"Dear Daniel,\n\nWe confirm receipt of the signed contract for the initial certification of your\n"+
			"service management system to ISO/IEC 20000-1:2018, with surveillance in years one\n"+
			"and two and recertification in year three.\n\n"+
			"Your lead auditor will contact you to agree the stage 1 dates.\n\n"+
			"Yours sincerely,\nCertification Team\nMeridian Assurance Certification Ltd\n")
}

func (d demoEvidence) availability() []byte {
	var b strings.Builder
	b.WriteString("month,service,minutes_in_month,minutes_down,availability_percent\n")
	down := []int{12, 0, 3, 41, 0, 0, 7, 0, 19, 0, 2, 0}
	for i, m := range down {
		month := d.today.AddDate(0, i-12, 0)
		minutes := time.Date(month.Year(), month.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day() * 24 * 60
		fmt.Fprintf(&b, "%s,Cloud Hosting,%d,%d,%.3f\n", month.Format("2006-01"), minutes, m, 100*float64(minutes-m)/float64(minutes))
	}
	return []byte(b.String())
}

func (d demoEvidence) survey() []byte {
	var b strings.Builder
	b.WriteString("response,customer,date,score_1_to_5,comment\n")
	rows := []struct {
		customer string
		score    int
		comment  string
	}{
		{"Harbour Dental Group", 5, "Quick to sort out the new surgery's printers."},
		{"Harbour Dental Group", 4, ""},
		{"Calder Valley Solicitors", 4, "Restore request handled well."},
		{"Calder Valley Solicitors", 3, "New starter accounts took too long."},
		{"Aire Logistics Ltd", 5, "Monthly report is clear."},
		{"Aire Logistics Ltd", 4, "Would like greener hosting options."},
		{"Aire Logistics Ltd", 5, ""},
	}
	for i, r := range rows {
		fmt.Fprintf(&b, "%d,%s,%s,%d,%q\n", i+1, r.customer, d.today.AddDate(0, -2, i).Format(DateLayout), r.score, r.comment)
	}
	return []byte(b.String())
}

func (d demoEvidence) briefing() []byte {
	var b strings.Builder
	b.WriteString("name,role,attended\n")
	for _, p := range DemoPeople() {
		attended := "yes"
		if p.Name == "Tomasz Nowak" {
			attended = "no (on leave, briefed later)"
		}
		fmt.Fprintf(&b, "%s,%s,%s\n", p.Name, p.JobTitle, attended)
	}
	return []byte(b.String())
}

func (d demoEvidence) competence() []byte {
	return []byte("role,required skills,required certificate,held by,gap\n" +
		"Service desk,ticketing tool; customer communication,ITIL 4 Foundation,Priya Raman,none\n" +
		"Infrastructure engineer,network and firewall change,vendor firewall certificate,Tomasz Nowak,renewal due\n" +
		"Cloud engineer,cloud platform administration,cloud administrator associate,Aisha Bello,none\n" +
		"Internal auditor,ISO/IEC 20000-1 audit techniques,internal auditor course,Oliver Grant,none\n" +
		"SMS owner,ISO/IEC 20000-1 requirements,ISO/IEC 20000 Foundation,Daniel Okafor,none\n")
}

func (d demoEvidence) restoreLog() []byte {
	at := d.today.AddDate(0, 0, -10)
	var b strings.Builder
	fmt.Fprintf(&b, "Restore test - Backup and Recovery\nRun by Aisha Bello on %s\n\n", d.day(0, -10))
	steps := []string{
		"restore job RJ-2211 started: 3 customer file shares, 41.2 GB",
		"restore to isolated test location \\\\test-restore\\rt-2211",
		"checksums compared: 18,204 files, 0 mismatches",
		"vault capacity alert tested: warning at 80%, ticket raised automatically",
		"restore job RJ-2211 completed in 38 minutes (target 4 hours)",
	}
	for i, s := range steps {
		fmt.Fprintf(&b, "%s  %s\n", at.Add(time.Duration(9*60+i*9)*time.Minute).Format("2006-01-02 15:04"), s)
	}
	b.WriteString("\nResult: passed. The corrective action is effective.\n")
	return []byte(b.String())
}

func (d demoEvidence) kickOff() []byte {
	return []byte("SMS project kick-off\n" + d.org + "\nHeld on " + d.day(-12, 0) + "\n\n" +
		"Present: Margaret Holloway, Daniel Okafor, Sofia Marchetti, Priya Raman\n\n" +
		"- Agreed to seek ISO/IEC 20000-1 certification for the three managed services.\n" +
		"- Daniel Okafor named SMS owner; budget approved by Margaret Holloway.\n" +
		"- Scope to cover the Leeds and Manchester offices.\n" +
		"- Next: gap assessment within a month, then the roadmap.\n")
}

// backupChart is a console screenshot: thirty nights of backup jobs, one
// bar a night, the two failed nights in red.
func (d demoEvidence) backupChart() []byte {
	heights := make([]int, 30)
	for i := range heights {
		heights[i] = 150 + (i*37)%40
	}
	return demoBars(heights, map[int]bool{11: true, 12: true})
}

// queueChart is the service desk queue by priority: P1 to P4.
func (d demoEvidence) queueChart() []byte {
	return demoBars([]int{20, 65, 140, 90}, map[int]bool{0: true})
}

// demoBars draws a bar chart on a light console background.
func demoBars(heights []int, alert map[int]bool) []byte {
	const w, h, top, base = 480, 260, 30, 230
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill := func(x0, y0, x1, y1 int, c color.Color) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.Set(x, y, c)
			}
		}
	}
	fill(0, 0, w, h, color.RGBA{0xf4, 0xf6, 0xf8, 0xff})
	fill(0, 0, w, top-10, color.RGBA{0x2b, 0x4c, 0x7e, 0xff}) // the console's title bar
	fill(20, base, w-20, base+1, color.RGBA{0x88, 0x88, 0x88, 0xff})
	step := (w - 40) / len(heights)
	for i, ht := range heights {
		c := color.Color(color.RGBA{0x3c, 0x9d, 0x5d, 0xff})
		if alert[i] {
			c = color.RGBA{0xd0, 0x3b, 0x3b, 0xff}
			ht = ht / 4
		}
		x := 20 + i*step
		fill(x+step/6, base-ht, x+step-step/6, base, c)
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img) // writing to memory cannot fail
	return b.Bytes()
}

// demoMail is an e-mail as a mail program saves it.
func demoMail(from, to, subject string, at time.Time, body string) []byte {
	at = at.Add(10*time.Hour + 14*time.Minute)
	return []byte("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: " + at.Format(time.RFC1123Z) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
}

// demoPDF writes a one-page A4 PDF of a title and lines of plain ASCII
// text in Helvetica, with a correct cross-reference table, so that any
// viewer opens it and qpdf finds nothing to repair.
func demoPDF(title string, lines []string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	var page strings.Builder
	fmt.Fprintf(&page, "BT /F2 16 Tf 56 780 Td (%s) Tj ET\n", esc.Replace(title))
	for i, l := range lines {
		fmt.Fprintf(&page, "BT /F1 10 Tf 56 %d Td (%s) Tj ET\n", 750-i*16, esc.Replace(l))
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", page.Len(), page.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
