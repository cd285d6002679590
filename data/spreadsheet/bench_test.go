package spreadsheet_test

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"smsbuilder/data"
	"smsbuilder/data/spreadsheet"
)

// benchRisks is a workspace of n risks with an owner, a service and
// dates, saved in one transaction.
func benchRisks(b *testing.B, n int) data.Workspace {
	b.Helper()
	ws := newWorkspace(b)
	p, err := ws.SavePerson(ctx(), data.Person{Name: "Priya Shah"})
	if err != nil {
		b.Fatal(err)
	}
	svc := save(b, ws, "services", "title", "Cloud Hosting", "status", "live")
	rs := make([]data.Record, n)
	for i := range rs {
		r := data.Record{Register: "risks"}
		r.Set("title", fmt.Sprintf("Risk number %05d of the benchmark", i))
		r.Set("kind", []string{"risk", "opportunity"}[i%2])
		r.Set("likelihood", strconv.Itoa(1+i%5))
		r.Set("impact", strconv.Itoa(1+(i/5)%5))
		r.Set("actions", "Review the backups every week and test a restore every month.")
		r.Set("owner", data.FormatIDs([]int64{p.ID}))
		r.Set("services", id(svc))
		r.Set("review_date", fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28))
		rs[i] = r
	}
	if _, err := ws.SaveRecords(ctx(), "risks", rs); err != nil {
		b.Fatal(err)
	}
	return ws
}

// BenchmarkExportXLSX: 10,000 risks read from the workspace and written
// as a workbook.
func BenchmarkExportXLSX(b *testing.B) {
	ws := benchRisks(b, 10000)
	for b.Loop() {
		export(b, ws, "risks", spreadsheet.XLSX)
	}
}

// BenchmarkImportXLSX: a workbook of 10,000 new risks read, planned and
// saved in one transaction into a workspace that has none.
func BenchmarkImportXLSX(b *testing.B) {
	file := export(b, benchRisks(b, 10000), "risks", spreadsheet.XLSX)
	// new records, not updates: the references name no risk there
	tab, err := spreadsheet.Read(file)
	if err != nil {
		b.Fatal(err)
	}
	for i := range tab.Rows {
		tab.Rows[i].Cells[0] = data.Cell{}
	}
	var fresh bytes.Buffer
	if err := spreadsheet.WriteXLSX(&fresh, tab, "Risks", ""); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(fresh.Len())/1e6, "MB-file")
	for b.Loop() {
		b.StopTimer()
		ws := newWorkspace(b)
		if _, err := ws.SavePerson(ctx(), data.Person{Name: "Priya Shah"}); err != nil {
			b.Fatal(err)
		}
		save(b, ws, "services", "title", "Cloud Hosting", "status", "live")
		b.StartTimer()
		pl := plan(b, ws, "risks", fresh.Bytes(), data.ImportOptions{})
		sum, err := data.ApplyImport(ctx(), ws, pl, false)
		if err != nil || sum.Created != 10000 {
			b.Fatalf("%+v %v", sum, err)
		}
	}
}

// BenchmarkReadAndPlanXLSX: the part of an import of 10,000 rows before
// storage: the workbook read and every row matched and checked.
func BenchmarkReadAndPlanXLSX(b *testing.B) {
	ws := benchRisks(b, 10000)
	file := export(b, ws, "risks", spreadsheet.XLSX)
	for b.Loop() {
		if p := plan(b, ws, "risks", file, data.ImportOptions{}); len(p.Rows) != 10000 {
			b.Fatal(len(p.Rows))
		}
	}
}
