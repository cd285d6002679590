package reports

import (
	"bytes"
	"context"
	"testing"

	"smsbuilder/data"
)

func TestAuditHeadKeywords(t *testing.T) {
	head := data.AuditHead{ID: 438, Hash: data.HashText("head")}
	stamps := []Stamp{{Number: "SMS-DOC-01", Version: "1.0", SHA256: data.HashText("y")}}
	tests := []struct {
		name   string
		head   data.AuditHead
		stamps []Stamp
		want   string
	}{
		{"head and stamps", head, stamps, "smsbuilder-audit:v1 438#" + head.Hash + " smsbuilder-verify:v1 SMS-DOC-01@1.0#" + data.HashText("y")},
		{"head alone", head, nil, "smsbuilder-audit:v1 438#" + head.Hash},
		{"stamps alone: an empty trail", data.AuditHead{}, stamps, "smsbuilder-verify:v1 SMS-DOC-01@1.0#" + data.HashText("y")},
		{"neither", data.AuditHead{}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kw := packKeywords(tt.head, tt.stamps)
			if kw != tt.want {
				t.Errorf("keywords = %q, want %q", kw, tt.want)
			}
			gotHead, ok, err := parseAuditHead(kw)
			if err != nil || ok != (tt.head.ID > 0) || gotHead != tt.head {
				t.Errorf("parseAuditHead = %+v, %v, %v; want %+v", gotHead, ok, err, tt.head)
			}
			// The stamps read as before: an earlier version of verify
			// reads a pack with a head.
			gotStamps, err := parseStamps(kw)
			if err != nil || len(gotStamps) != len(tt.stamps) {
				t.Errorf("parseStamps = %+v, %v; want %+v", gotStamps, err, tt.stamps)
			}
		})
	}
	for _, bad := range []string{auditHeadPrefix, auditHeadPrefix + " 438#abc", auditHeadPrefix + " 0#" + head.Hash, auditHeadPrefix + " x#" + head.Hash} {
		if _, _, err := parseAuditHead(bad); data.ErrorCode(err) != data.EInvalid {
			t.Errorf("parseAuditHead(%.40q) = %v, want EInvalid", bad, err)
		}
	}
}

// Every pack prints the workspace's audit head in its metadata, whether or
// not it prints controlled documents.
func TestPacksPrintTheAuditHead(t *testing.T) {
	src, ws, _ := demoSource(t, true)
	want, err := ws.AuditHead(context.Background())
	if err != nil || want.ID == 0 {
		t.Fatalf("AuditHead() = %+v, %v", want, err)
	}
	if src.AuditHead != want {
		t.Errorf("LoadSource read head %+v, want %+v", src.AuditHead, want)
	}
	for _, p := range Packs() {
		t.Run(p.ID, func(t *testing.T) {
			opts := Options{Now: fixedNow, DocumentNumber: "SMS-DOC-02", Register: "risks", Review: "MR-1"}
			var buf bytes.Buffer
			if err := Build(context.Background(), p.ID, src, opts, &buf, nil); err != nil {
				t.Fatal(err)
			}
			got, ok, err := ReadAuditHead(bytes.NewReader(buf.Bytes()))
			if err != nil || !ok || got != want {
				t.Errorf("ReadAuditHead() = %+v, %v, %v; want %+v", got, ok, err, want)
			}
		})
	}
}

// The head parser never panics, and what it accepts prints back the same.
func FuzzParseAuditHead(f *testing.F) {
	f.Add("smsbuilder-audit:v1 438#" + data.HashText("x") + " smsbuilder-verify:v1 SMS-DOC-01@1.0#" + data.HashText("y"))
	f.Add("smsbuilder-audit:v1")
	f.Add("smsbuilder-audit:v1 99999999999999999999#" + data.HashText("x"))
	f.Fuzz(func(t *testing.T, keywords string) {
		head, ok, err := parseAuditHead(keywords)
		if err != nil || !ok {
			return
		}
		again, ok, err := parseAuditHead(packKeywords(head, nil))
		if err != nil || !ok || again != head {
			t.Errorf("%q: head %+v prints back as %+v, %v", keywords, head, again, err)
		}
	})
}
