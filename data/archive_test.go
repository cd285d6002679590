package data_test

import (
	"bytes"
	"strings"
	"testing"

	"smsbuilder/data"
)

func TestArchiveValuesRoundTrip(t *testing.T) {
	tables := []data.ArchiveTable{{
		Kind:    "things",
		Columns: []data.ArchiveColumn{{Name: "id", Type: "INTEGER", PrimaryKey: 1}, {Name: "v", Type: ""}},
		Rows: [][]any{
			{int64(1), nil},
			{int64(2), int64(-9223372036854775808)},
			{int64(3), 2.0},
			{int64(4), 1.5e-300},
			{int64(5), "text \"quoted\" \u2028 é"},
			{int64(6), "\xff\xfe not UTF-8"},
			{int64(7), []byte{0, 1, 2, 255}},
			{int64(8), []byte{}},
			{int64(9), ""},
		},
	}}
	var b bytes.Buffer
	m := data.ArchiveManifest{SchemaVersion: 1}
	if err := data.WriteArchive(&b, &m, tables); err != nil {
		t.Fatal(err)
	}
	_, got, err := data.ReadArchive(bytes.NewReader(b.Bytes()), int64(b.Len()), "x", 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range tables[0].Rows {
		g, w := got[0].Rows[i][1], row[1]
		gb, gIsBytes := g.([]byte)
		wb, wIsBytes := w.([]byte)
		if gIsBytes != wIsBytes || (gIsBytes && !bytes.Equal(gb, wb)) || (!gIsBytes && g != w) {
			t.Errorf("row %d: read back %#v (%T), want %#v (%T)", i+1, g, g, w, w)
		}
	}
	var again bytes.Buffer
	m2 := data.ArchiveManifest{SchemaVersion: 1}
	if err := data.WriteArchive(&again, &m2, got); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("writing what was read gives other bytes (%v)", err)
	}
}

func TestArchiveRefusesValuesJSONCannotHold(t *testing.T) {
	var b bytes.Buffer
	err := data.WriteArchive(&b, &data.ArchiveManifest{}, []data.ArchiveTable{{Kind: "k", Columns: []data.ArchiveColumn{{Name: "a"}}, Rows: [][]any{{true}}}})
	if err == nil || !strings.Contains(err.Error(), "bool") {
		t.Errorf("a bool value: %v, want a refusal", err)
	}
}

// FuzzReadArchive reads arbitrary bytes as an archive: refused with a
// plain message, or read as tables that write back and read again the same.
func FuzzReadArchive(f *testing.F) {
	var b bytes.Buffer
	m := data.ArchiveManifest{SchemaVersion: 1, Organisation: "Northwind"}
	tables := []data.ArchiveTable{{Kind: "people", Columns: []data.ArchiveColumn{{Name: "id", Type: "INTEGER", PrimaryKey: 1}, {Name: "name", Type: "TEXT"}, {Name: "logo", Type: "BLOB"}},
		Rows: [][]any{{int64(1), "Priya Raman", []byte{1, 2}}, {int64(2), nil, nil}, {int64(3), 1.5, "\xff"}}}}
	if err := data.WriteArchive(&b, &m, tables); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, got, err := data.ReadArchive(bytes.NewReader(raw), int64(len(raw)), "x", 4)
		if err != nil {
			if data.ErrorMessage(err) == "" || data.ErrorCode(err) == data.EInternal {
				t.Fatalf("refused with %v, want a plain message", err)
			}
			return
		}
		var again bytes.Buffer
		if err := data.WriteArchive(&again, &m, got); err != nil {
			t.Fatalf("tables read cannot be written: %v", err)
		}
		if _, back, err := data.ReadArchive(bytes.NewReader(again.Bytes()), int64(again.Len()), "x", 4); err != nil || len(back) != len(got) {
			t.Fatalf("written again, read as %d tables (%v), want %d", len(back), err, len(got))
		}
	})
}
