package reports

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"smsbuilder/data"
)

// registerSource is the fixture's source with a few records in the risks
// and services registers.
func registerSource(t *testing.T) Source {
	t.Helper()
	src := Source{Org: data.Organisation{LegalName: "Northwind Managed IT Ltd", PaperSize: data.PaperA4, DateFormat: "2 January 2006"}}
	src.People = []data.Person{{ID: 1, Name: "Priya Shah"}}
	for _, reg := range data.Registers() {
		rr := RegisterRecords{Register: reg}
		switch reg.Key {
		case "services":
			rr.Records = []data.Record{{ID: 10, Register: "services", Number: 1, Values: map[string]string{"title": "Managed desktop", "status": "live", "owner": "1"}}}
		case "risks":
			for i, lv := range []string{"2", "4", "5"} {
				r := data.Record{ID: int64(20 + i), Register: "risks", Number: i + 1, Values: map[string]string{
					"title": "Backup fails " + lv, "kind": "risk", "likelihood": lv, "impact": "3", "services": "10", "review_date": "2027-03-31"}}
				reg.Derive(&r)
				rr.Records = append(rr.Records, r)
			}
		case "objectives":
			rr.Records = []data.Record{{ID: 30, Register: "objectives", Number: 1, Values: map[string]string{
				"title": "Cloud availability", "target": "99.9", "unit": "%", "direction": "at_least"}}}
		case "measurements":
			for i, v := range []string{"99.95", "99.7", "99.92"} {
				rr.Records = append(rr.Records, data.Record{ID: int64(40 + i), Register: "measurements", Number: i + 1, Values: map[string]string{
					"objective": "30", "period": []string{"January", "February", "March"}[i], "date": "2026-0" + string(rune('1'+i)) + "-28", "actual": v}})
			}
		}
		src.Registers = append(src.Registers, rr)
	}
	return src
}

func TestRegistersPack(t *testing.T) {
	src := registerSource(t)
	for _, tt := range []struct {
		pack, register string
		want           []string
		landscape      bool
	}{
		// the service catalogue has many columns: its name and owner wrap,
		// and the text of a page reads the lines of a row one after another
		{"registers", "", []string{"Risks and opportunities", "Risks by likelihood and impact (3 risks)", "RSK-3", "Backup fails 5", "SVC-1", "31 March", "15", "Managed", "desktop", "Priya", "Shah", "No customer is recorded yet."}, true},
		// each measured objective is charted against its target
		{"register", "measurements", []string{"OBJ-1 Cloud availability", "Target at least 99.9 %; met 2 of 3", "January", "March"}, false},
		{"register", "services", []string{"Service catalogue", "SVC-1", "Managed", "desktop", "Live"}, true},
	} {
		t.Run(tt.pack, func(t *testing.T) {
			var buf bytes.Buffer
			opts := Options{Now: fixedNow, Register: tt.register}
			if err := Build(context.Background(), tt.pack, src, opts, &buf, nil); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(pdfText(t, buf.Bytes(), 0)), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the pack does not print %q", w)
				}
			}
			dims, err := readPDF(t, buf.Bytes()).PageDims()
			if err != nil || len(dims) == 0 {
				t.Fatalf("page sizes: %v", err)
			}
			if w, h := dims[0].Width, dims[0].Height; (w > h) != tt.landscape {
				t.Errorf("page %.0f x %.0f, want landscape %v", w, h, tt.landscape)
			}
		})
	}
	err := Check(context.Background(), "register", src, Options{Now: fixedNow, Register: "dragons"})
	if data.ErrorCode(err) != data.ENotFound || !strings.Contains(data.ErrorMessage(err), "the registers are: issues, parties, risks") {
		t.Errorf("an unknown register: got %v", err)
	}
}

// BenchmarkRegisterPack: one register of 10,000 risks printed as its
// table, read from the workspace as the GUI and the command line read it;
// pages/s beside BenchmarkManual's.
func BenchmarkRegisterPack(b *testing.B) {
	ws, cat := demoWorkspace(b, false)
	ctx := data.WithActor(context.Background(), "Daniel Okafor")
	people, err := ws.People(ctx)
	if err != nil || len(people) == 0 {
		b.Fatalf("people: %v %v", people, err)
	}
	risks, _ := data.FindRegister("risks")
	rs := make([]data.Record, 10000)
	for i := range rs {
		r := data.NewRecord(risks)
		r.Set("title", fmt.Sprintf("Risk number %05d of the benchmark", i))
		r.Set("kind", []string{"risk", "opportunity"}[i%2])
		r.Set("likelihood", strconv.Itoa(1+i%5))
		r.Set("impact", strconv.Itoa(1+(i/5)%5))
		r.Set("actions", "Review the backups every week and test a restore every month.")
		r.Set("owner", data.FormatIDs([]int64{people[i%len(people)].ID}))
		r.Set("review_date", fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28))
		rs[i] = r
	}
	if _, err := ws.SaveRecords(ctx, "risks", rs); err != nil {
		b.Fatal(err)
	}
	opts := Options{Now: fixedNow, Register: "risks"}
	var last []byte
	b.ReportAllocs()
	for b.Loop() {
		src, err := LoadSource(ctx, ws, cat)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Build(ctx, "register", src, opts, &buf, nil); err != nil {
			b.Fatal(err)
		}
		last = buf.Bytes()
	}
	pages := readPDF(b, last).PageCount
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// A pack read with only the registers it prints comes out as the same
// pages as one read with every register: the records its tables name,
// the objectives its charts follow.
func TestAPackReadForItselfPrintsTheSame(t *testing.T) {
	ws, cat := demoWorkspace(t, true)
	ctx := context.Background()
	all, err := LoadSource(ctx, ws, cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pack, register string
	}{{"register", "risks"}, {"register", "measurements"}, {"register", "slas"}, {"registers", ""}, {"scope", ""}, {"manual", ""}} {
		t.Run(c.pack+" "+c.register, func(t *testing.T) {
			opts := Options{Now: fixedNow, Register: c.register}
			own, err := LoadSourceFor(ctx, ws, cat, c.pack)
			if err != nil {
				t.Fatal(err)
			}
			got, want := pdfText(t, buildPack(t, c.pack, own, opts), 0), pdfText(t, buildPack(t, c.pack, all, opts), 0)
			if got != want {
				t.Errorf("the %s pack read for itself prints differently:\n%s\nwant\n%s", c.pack, got, want)
			}
		})
	}
}
