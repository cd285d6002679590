package reports

import (
	"testing"
	"time"

	"smsbuilder/data"
)

func TestStampsRoundTrip(t *testing.T) {
	// numbers with any character survive, among other keywords
	odd := []Stamp{
		{Number: "QA 7 @#%/ü", Version: "12.3", Draft: true, SHA256: data.HashText("x")},
		{Number: "SMS-DOC-01", Version: "1.0", SHA256: data.HashText("y")},
	}
	kw := formatStamps(odd)
	if want := "smsbuilder-verify:v1 QA%207%20%40%23%25/%C3%BC@12.3-draft#" + data.HashText("x") + " SMS-DOC-01@1.0#" + data.HashText("y"); kw != want {
		t.Errorf("keywords = %q, want %q", kw, want)
	}
	got, err := parseStamps("other words " + kw)
	if err != nil || len(got) != 2 || got[0] != odd[0] || got[1] != odd[1] {
		t.Errorf("round trip = %+v, %v; want %+v", got, err, odd)
	}
	if got, err := parseStamps("ISO 20000, policy"); err != nil || got != nil {
		t.Errorf("keywords without stamps = %+v, %v; want none", got, err)
	}
	if formatStamps(nil) != "" {
		t.Error("a pack without documents has keywords")
	}
	for _, bad := range []string{
		stampsPrefix + " SMS-DOC-01@1.0#abc",
		stampsPrefix + " SMS-DOC-01#" + data.HashText("x"),
		stampsPrefix + " SMS-DOC-01@1#" + data.HashText("x"),
		stampsPrefix + " SMS%2@1.0#" + data.HashText("x"),
		stampsPrefix + " SMS-DOC-01@1.0#" + data.HashText("x") + " trailing",
		"smsbuilder-verify:v2 SMS-DOC-01@1.0#" + data.HashText("x"),
	} {
		if _, err := parseStamps(bad); data.ErrorCode(err) != data.EInvalid {
			t.Errorf("parseStamps(%.70q) = %v, want EInvalid", bad, err)
		}
	}
}

// TestVerifyVerdicts compares stamps with a workspace held in memory: one
// document at each point of its life.
func TestVerifyVerdicts(t *testing.T) {
	at := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	approved := func(major, minor int, body string, st data.DocStatus) data.Version {
		return data.Version{Major: major, Minor: minor, Status: st, Body: body, SHA256: data.HashText(body), ApprovedAt: at}
	}
	src := Source{Documents: []DocumentRecord{
		{Document: data.Document{Number: "D-1", Title: "Current"}, Versions: []data.Version{approved(1, 0, "one", data.DocApproved)}},
		{Document: data.Document{Number: "D-2", Title: "Revised"}, Versions: []data.Version{
			{Major: 1, Minor: 2, Status: data.DocDraft, Body: "two, still changing"},
			approved(1, 1, "two, revised", data.DocApproved),
			approved(1, 0, "two", data.DocSuperseded),
		}},
		{Document: data.Document{Number: "D-3", Title: "Gone"}, Versions: []data.Version{approved(1, 0, "three", data.DocWithdrawn)}},
	}}
	stamp := func(n, v, body string, draft bool) Stamp {
		return Stamp{Number: n, Version: v, Draft: draft, SHA256: data.HashText(body)}
	}
	cases := []struct {
		stamp  Stamp
		status VerifyStatus
		msg    string
	}{
		{stamp("D-1", "1.0", "one", false), VerifyOK, "OK"},
		{stamp("d-1", "1.0", "one", false), VerifyOK, "OK"},
		{stamp("D-1", "1.0", "one, edited", false), VerifyChanged, "changed: the workspace text differs"},
		{stamp("D-1", "1.1", "one", false), VerifyChanged, "changed: the workspace text differs"},
		{stamp("D-2", "1.0", "two", false), VerifySuperseded, "superseded by 1.1"},
		{stamp("D-2", "1.1", "two, revised", false), VerifyOK, "OK"},
		{stamp("D-2", "1.2", "two, still changing", true), VerifyDraft, "draft – not controlled"},
		{stamp("D-3", "1.0", "three", false), VerifyWithdrawn, "withdrawn"},
		{stamp("D-4", "1.0", "four", false), VerifyNotFound, "not found"},
	}
	stamps := make([]Stamp, len(cases))
	for i, c := range cases {
		stamps[i] = c.stamp
	}
	results := Verify(stamps, src)
	if len(results) != len(cases) {
		t.Fatalf("results = %d, want %d", len(results), len(cases))
	}
	for i, r := range results {
		c := cases[i]
		if r.Stamp != c.stamp || r.Status != c.status || r.Message != c.msg || r.OK() != (c.status == VerifyOK) {
			t.Errorf("%s %s: %s %q, want %s %q", c.stamp.Number, c.stamp.Version, r.Status, r.Message, c.status, c.msg)
		}
	}
}

// FuzzParseStamps: any Keywords text is read without panicking, and stamps
// read from it print and read back the same.
func FuzzParseStamps(f *testing.F) {
	f.Add(stampsPrefix + " SMS-DOC-01@1.0#" + data.HashText("a"))
	f.Add(stampsPrefix + " A%20B@2.10-draft#" + data.HashText("b") + " C@1.0#" + data.HashText("c"))
	f.Add("smsbuilder-verify:v9 x")
	f.Add(stampsPrefix + " %zz@1.0#" + data.HashText("d"))
	f.Fuzz(func(t *testing.T, keywords string) {
		stamps, err := parseStamps(keywords)
		if err != nil {
			return
		}
		again, err := parseStamps(formatStamps(stamps))
		if err != nil || len(again) != len(stamps) {
			t.Fatalf("%q: read back %+v, %v; want %+v", keywords, again, err, stamps)
		}
		for i := range stamps {
			if again[i] != stamps[i] {
				t.Fatalf("%q: stamp %d read back as %+v, want %+v", keywords, i, again[i], stamps[i])
			}
		}
	})
}
