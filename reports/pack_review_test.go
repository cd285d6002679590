package reports

import (
	"context"
	"io"
	"strings"
	"testing"

	"smsbuilder/data"
)

// reviewSource is Northwind with one review held and approved, its
// figures frozen while no nonconformity was open, one raised since, and
// one review still planned.
func reviewSource(t *testing.T) Source {
	t.Helper()
	src := northwind(t)
	people := map[string]int64{}
	for i := range src.People {
		src.People[i].ID = int64(i + 1)
		people[src.People[i].Name] = src.People[i].ID
	}
	reg, _ := data.FindRegister(data.ReviewsRegister)
	ncReg, _ := data.FindRegister(data.NonconformitiesRegister)
	held := data.NewRecord(reg)
	held.ID, held.Number = 101, 1
	held.Set("title", "Spring review")
	held.Set("planned", "2026-03-02")
	held.SetIDs("chair", []int64{people["Margaret Holloway"]})
	held.Set("attendees", "Margaret Holloway; Daniel Okafor; Priya Raman")
	held.Set("conclusions", "The SMS is suitable and effective.")
	held.Set("decision_suppliers", "Take the storage fault up with Stratus Cloud.")
	before := map[string][]data.Record{data.ReviewsRegister: {held}}
	frozen := data.NewReviewSource(before, nil, src.People, held, fixedNow.AddDate(0, -1, -29), data.DateFormats()[0])
	held, err := data.HoldReview(held, frozen, fixedNow.AddDate(0, -1, -29))
	if err != nil {
		t.Fatal(err)
	}
	var margaret data.Person
	for _, p := range src.People {
		if p.ID == people["Margaret Holloway"] {
			margaret = p
		}
	}
	if held, err = data.ApproveReview(held, margaret, fixedNow.AddDate(0, -1, -25)); err != nil {
		t.Fatal(err)
	}
	planned := data.NewRecord(reg)
	planned.ID, planned.Number = 102, 2
	planned.Set("title", "Autumn review")
	planned.Set("planned", "2026-09-01")
	planned.SetIDs("chair", []int64{people["Margaret Holloway"]})
	nc := data.NewRecord(ncReg)
	nc.ID, nc.Number = 201, 1
	nc.Set("title", "Backups not checked")
	nc.Set("raised_on", "2026-03-20")
	src.Registers = []RegisterRecords{
		{Register: ncReg, Records: []data.Record{nc}},
		{Register: reg, Records: []data.Record{held, planned}},
	}
	action := data.NewRecordAction(reg, held)
	action.Number, action.Title, action.OwnerID = 7, "Train a second cloud engineer", people["Aisha Bello"]
	action.Due = fixedNow.AddDate(0, 0, 30)
	src.Tasks = []data.Task{action}
	return src
}

// TestReviewPackPrintsTheMinutes reads the minutes back: the meeting, the
// decisions, the actions with owner and due date, the approval, and the
// figures as they were on the day rather than as they are now.
func TestReviewPackPrintsTheMinutes(t *testing.T) {
	src := reviewSource(t)
	b := buildPack(t, reviewPackID, src, Options{Now: fixedNow, Review: "mr-1", Uncompressed: true})
	readPDF(t, b)
	got := strings.Join(strings.Fields(pdfText(t, b, 0)), " ")
	for _, want := range []string{
		"Minutes of the management review",
		"Margaret Holloway; Daniel Okafor; Priya Raman",
		"Performance of suppliers",
		"Take the storage fault up with Stratus Cloud.",
		"The SMS is suitable and effective.",
		"Train a second cloud engineer", "Aisha Bello", "30 April 2026",
		"Top management approved these minutes",
		"Not yet closed 0", // frozen: the nonconformity came after
		"later changes to the registers do not alter it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}
	for _, in := range data.ReviewInputs() {
		if !strings.Contains(got, in.Title) {
			t.Errorf("the minutes lack the input %q", in.Title)
		}
	}
}

// TestReviewPackOfAPlannedReview prints the agenda with today's figures.
func TestReviewPackOfAPlannedReview(t *testing.T) {
	b := buildPack(t, reviewPackID, reviewSource(t), Options{Now: fixedNow, Review: "MR-2", Uncompressed: true})
	got := strings.Join(strings.Fields(pdfText(t, b, 0)), " ")
	for _, want := range []string{"Agenda of the management review", "has not been held yet", "Not yet closed 1", "These minutes are not approved yet"} {
		if !strings.Contains(got, want) {
			t.Errorf("the agenda lacks %q", want)
		}
	}
}

func TestReviewPackRefusals(t *testing.T) {
	src := reviewSource(t)
	for _, c := range []struct{ ref, want string }{
		{"", "Choose the management review"},
		{"MR-9", "There is no management review MR-9"},
	} {
		err := Check(context.Background(), reviewPackID, src, Options{Now: fixedNow, Review: c.ref})
		if err == nil || !strings.Contains(data.ErrorMessage(err), c.want) {
			t.Errorf("Review %q: got %v, want %q", c.ref, err, c.want)
		}
	}
}

// BenchmarkReviewPack prints the demo's planned review, whose figures are
// worked out from every register on each build.
func BenchmarkReviewPack(b *testing.B) {
	src, _, _ := demoSource(b, true)
	opts := Options{Now: fixedNow, Review: "MR-2"}
	for b.Loop() {
		if err := Build(context.Background(), reviewPackID, src, opts, io.Discard, nil); err != nil {
			b.Fatal(err)
		}
	}
}
