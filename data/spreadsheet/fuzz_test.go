package spreadsheet_test

import (
	"bytes"
	"testing"

	"smsbuilder/data"
	"smsbuilder/data/spreadsheet"
)

// FuzzReadCSV: any bytes are read or refused in plain words, and a table
// read is planned into any register without a panic; what is written
// comes back as it was.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"Risk,Owner\nFire,Priya\n", "a;b\n\"x\ny\";'=1\n", "\xEF\xBB\xBFID\tRisk\nRSK-1\tS\xe9\n", "\"", ",,,\n\n\n"} {
		f.Add([]byte(s))
	}
	reg, _ := data.FindRegister("risks")
	snap := data.RegisterSnapshot{Register: reg, Registers: data.Registers()}
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := spreadsheet.Read(b)
		if err != nil {
			if data.ErrorCode(err) == data.EInternal {
				t.Fatalf("an unexplained refusal: %v", err)
			}
			return
		}
		if _, err := data.PlanImport(snap, tab, data.ImportOptions{}); err != nil {
			t.Fatalf("plan: %v", err)
		}
		var out bytes.Buffer
		if err := spreadsheet.WriteCSV(&out, tab); err != nil {
			t.Fatal(err)
		}
		back, err := spreadsheet.ReadCSV(&out)
		if err != nil {
			t.Fatalf("reading back what was written: %v", err)
		}
		if len(back.Columns) != len(tab.Columns) {
			t.Fatalf("columns %d, want %d", len(back.Columns), len(tab.Columns))
		}
	})
}
