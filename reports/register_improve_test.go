package reports

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// improveSource is registerSource with nonconformities, two of them of
// the same kind of cause, and an improvement serving the measured
// objective.
func improveSource(t *testing.T) Source {
	src := registerSource(t)
	for i, rr := range src.Registers {
		switch rr.Register.Key {
		case data.NonconformitiesRegister:
			for n, nc := range []struct{ title, cause, category string }{
				{"New starters waited for accounts", "No lead time agreed for new starters.", "process"},
				{"Firewall update could not be undone", "Backouts are planned but never tried.", "process"},
				{"Provider report came late", "The contract sets no deadline.", "supplier"},
				{"Firmware update could not be undone", "Nobody tried the backout of the change.", "technology"},
			} {
				rr.Records = append(rr.Records, data.Record{ID: int64(60 + n), Register: rr.Register.Key, Number: n + 1, Values: map[string]string{
					"title": nc.title, "source": "incident", "severity": "minor", "raised_on": "2026-03-02", "root_cause": nc.cause,
					"cause_category": nc.category, "status": "open"}})
			}
			reopened := rr.Records[1].Values
			reopened["status"], reopened["check_result"], reopened["checked_by"], reopened["checked_on"] = "action", "ineffective", "1", "2026-05-04"
			reopened["check_notes"] = "A change in April still had no tried backout."
			reopened["earlier_checks"] = "2026-04-01 Not effective, checked by Priya Shah: nobody asked at CAB."
			src.Tasks = append(src.Tasks,
				data.Task{ID: 1, Title: "Ask at CAB for a tried backout", OwnerID: 1, Due: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC),
					Status: data.TaskDone, SourceKind: data.SourceAction, SourceRef: data.RecordActionRef(61)},
				data.Task{ID: 2, Title: "Make a tried backout a required step", Status: data.TaskOpen, SourceKind: data.SourceAction, SourceRef: data.RecordActionRef(61)})
		case data.ImprovementsRegister:
			rr.Records = []data.Record{
				{ID: 70, Register: rr.Register.Key, Number: 1, Values: map[string]string{"title": "Second storage tier", "decision": "approved", "decided_on": "2026-02-01",
					"status": "done", "result": "partly", "objectives": "30"}},
				{ID: 71, Register: rr.Register.Key, Number: 2, Values: map[string]string{"title": "Quieter office", "decision": "proposed", "status": "open"}},
			}
		}
		src.Registers[i] = rr
	}
	return src
}

// TestPrintedNonconformitiesAndImprovements reads the printed registers
// back: the causes that repeat, and each improvement against the latest
// result of its objective.
func TestPrintedNonconformitiesAndImprovements(t *testing.T) {
	src := improveSource(t)
	tests := []struct {
		register string
		want     []string
		not      []string
	}{
		{data.NonconformitiesRegister,
			[]string{"Repeated causes", "Process or procedure", "NC-1, NC-2", "NC-1: No lead time agreed for new starters.", "NC-2: Backouts are planned but never tried.",
				"Corrective actions", "Ask at CAB for a tried backout Priya Shah 20 March Done", "Make a tried backout a required step – – Open",
				"Effectiveness checks", "Not effective, 4 May 2026,", "A change in April still had no tried backout.",
				"2026-04-01 Not effective, checked by Priya",
				"Root causes that read alike", "NC-2, NC-4", "NC-2: Process or procedure", "NC-4: Technology and tools"},
			[]string{"NC-3: The contract sets no deadline."}},
		{data.ImprovementsRegister,
			[]string{"Improvements against their objectives", "IMP-1 Second storage tier", "Done; partly achieved",
				"OBJ-1 Cloud availability: 99.92 % in March against a target of at least 99.9 %, met. 2 of 3 results met their target.",
				"Since it was decided on 1 February 2026, 1 of 2 results met their target."},
			[]string{"Its objectives have no measurements yet."}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Build(context.Background(), "register", src, Options{Now: fixedNow, Register: tt.register}, &buf, nil); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(pdfText(t, buf.Bytes(), 0)), " ")
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the pack does not print %q", tt.register, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: the pack prints %q", tt.register, w)
			}
		}
	}
}

// BenchmarkRegistersPack prints every register of the demo, the
// nonconformities' actions, checks and causes and the improvements'
// objectives included.
func BenchmarkRegistersPack(b *testing.B) { benchmarkDemoPack(b, "registers") }
