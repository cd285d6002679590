package sqlite

import (
	"fmt"
	"strconv"
	"testing"

	"smsbuilder/data"
)

// benchRisks is a workspace with n risks, stored in one transaction.
func benchRisks(b *testing.B, n int) *Workspace {
	b.Helper()
	ws := newWorkspace(b)
	ctx := actorCtx("Alex")
	p, err := ws.SavePerson(ctx, data.Person{Name: "Priya Shah"})
	if err != nil {
		b.Fatal(err)
	}
	rs := make([]data.Record, n)
	for i := range rs {
		r := data.Record{Register: "risks", Values: map[string]string{}}
		r.Set("title", fmt.Sprintf("Risk number %05d of the benchmark", (i*7919)%n))
		r.Set("kind", []string{"risk", "opportunity"}[i%2])
		r.Set("likelihood", strconv.Itoa(1+i%5))
		r.Set("impact", strconv.Itoa(1+(i/5)%5))
		r.Set("actions", "Review the backups every week and test a restore every month.")
		if i%3 == 0 {
			r.Set("owner", idText(p.ID))
		}
		r.Set("review_date", fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28))
		rs[i] = r
	}
	if _, err := ws.SaveRecords(ctx, "risks", rs); err != nil {
		b.Fatal(err)
	}
	return ws
}

// BenchmarkRecordsQuery: a screen's page of 10,000 risks, filtered and
// sorted in storage.
func BenchmarkRecordsQuery(b *testing.B) {
	ws := benchRisks(b, 10000)
	ctx := actorCtx("Alex")
	for _, bc := range []struct {
		name string
		q    data.RecordQuery
	}{
		{"default order, first 100", data.RecordQuery{Limit: 100}},
		{"sort by title, first 100", data.RecordQuery{Sort: []data.SortKey{{Field: "title"}}, Limit: 100}},
		{"sort by owner, first 100", data.RecordQuery{Sort: []data.SortKey{{Field: "owner"}}, Limit: 100}},
		{"filter kind and search, first 100", data.RecordQuery{Filters: map[string][]string{"kind": {"risk"}}, Search: "00042", Limit: 100}},
		{"every record", data.RecordQuery{}},
	} {
		bc.q.Register = "risks"
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ws.Records(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveRecords: importing 10,000 risks in one transaction.
func BenchmarkSaveRecords(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		ws := newWorkspace(b)
		rs := make([]data.Record, 10000)
		for i := range rs {
			rs[i] = data.Record{Register: "risks", Values: map[string]string{"title": "Risk " + strconv.Itoa(i), "kind": "risk", "likelihood": "3", "impact": "2"}}
		}
		b.StartTimer()
		if _, err := ws.SaveRecords(actorCtx("Alex"), "risks", rs); err != nil {
			b.Fatal(err)
		}
	}
}
