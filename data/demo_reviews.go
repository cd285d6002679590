package data

import (
	"fmt"
	"time"
)

// Northwind's management reviews: the first, held four months ago and its
// minutes approved, with a decision on every input and the actions it
// decided; the next planned six months after it.

const (
	demoReviewHeld = "Management review, first half of the year"
	demoReviewNext = "Management review, second half of the year"
)

func (s *demoRegisters) reviews() []demoRow {
	first := demoRow{"title": demoReviewHeld, "planned": s.date(-4, 0), "chair": "Margaret Holloway",
		"attendees": "Margaret Holloway (Managing Director, chair); Sofia Marchetti (Finance and Commercial Manager); " +
			"Daniel Okafor (Service Delivery Manager, SMS owner); Priya Raman (Service Desk Lead); Aisha Bello (Cloud Engineer)",
		"conclusions": "The SMS is suitable for the three services in scope and adequate for a firm of our size. It is effective on " +
			"availability and incident resolution; backups and change success each slipped once and were put right. " +
			"Cloud on-call cover rests on one engineer, which is the main weakness; a second engineer is to be trained. " +
			"The policy and the objectives stand unchanged; the next review is set for six months from today."}
	for key, text := range demoReviewDecisions() {
		first["decision_"+key] = text
	}
	next := demoRow{"title": demoReviewNext, "planned": s.date(2, 0), "chair": "Margaret Holloway",
		"attendees": "Margaret Holloway; Sofia Marchetti; Daniel Okafor; the process owners"}
	return []demoRow{first, next}
}

// demoReviewDecisions are what the first review decided on each input.
func demoReviewDecisions() map[string]string {
	return map[string]string{
		"actions":         "First review: no earlier actions to follow up.",
		"context":         "The issues stand. Customers moving to cloud-only offices is watched: the desktop service may need a lighter offer within a year.",
		"parties":         "Aire Logistics' request for emissions figures is accepted as a requirement; the yearly report goes out each January.",
		"objectives":      "All five objectives met their targets at the latest result. Targets kept as they are for the next period.",
		"nonconformities": "No nonconformity was open at the review. The process for raising them from complaints and incidents is to be used from now on.",
		"audits":          "The internal audit programme is approved as planned; the first full audit falls before the next review.",
		"customers":       "Satisfaction stays above target. Every score of 3 or less gets a call back; the quarterly service report is to show the results.",
		"suppliers":       "Stratus Cloud's storage fault is to be taken up at a supplier review; other suppliers performed well.",
		"risks":           "The risks outside the appetite have treatment under way. On-call cover for Cloud Hosting is accepted as the top risk.",
		"resources":       "Approved: train a second cloud engineer for on-call cover; budget agreed by the Finance and Commercial Manager.",
		"performance":     "Service performance is within the agreements. Backup job failures after the full vault are closed by the new capacity alert.",
		"improvements":    "Greener hosting for Aire Logistics approved for study; a self-service password reset to be priced.",
	}
}

// holdDemoReviews holds the first review on its day, as a person would
// from its agenda, approves its minutes and adds the actions it decided.
func (s *demoRegisters) holdDemoReviews() error {
	id := s.ids[ReviewsRegister][demoReviewHeld]
	r, err := s.ws.Record(s.ctx, id)
	if err != nil {
		return fmt.Errorf("seed demo review: %w", err)
	}
	held, _ := r.Date("planned")
	src, err := LoadReviewSource(s.ctx, s.ws, r, held, DateFormats()[0])
	if err != nil {
		return fmt.Errorf("seed demo review: %w", err)
	}
	if r, err = HoldReview(r, src, held); err == nil {
		r, err = s.ws.SaveRecord(s.ctx, r)
	}
	if err != nil {
		return fmt.Errorf("seed demo review: %w", err)
	}
	people, err := s.ws.People(s.ctx)
	if err != nil {
		return fmt.Errorf("seed demo review: %w", err)
	}
	for _, p := range people {
		if p.ID == s.people["Margaret Holloway"] {
			if r, err = ApproveReview(r, p, held.AddDate(0, 0, 3)); err == nil {
				r, err = s.ws.SaveRecord(s.ctx, r)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("seed demo review: %w", err)
	}
	actions := []struct {
		title, owner string
		due          time.Time
		done         bool
	}{
		{"Train a second cloud engineer for on-call cover", "Aisha Bello", s.today.AddDate(0, 1, 0), false},
		{"Hold a supplier review with Stratus Cloud on the storage fault", "Sofia Marchetti", s.today.AddDate(0, 0, -10), false},
		{"Add a capacity alert to every backup vault", "Aisha Bello", s.today.AddDate(0, -3, 0), true},
		{"Show satisfaction results in the quarterly service report", "Daniel Okafor", s.today.AddDate(0, -2, 0), true},
	}
	reg := s.regs[ReviewsRegister]
	for _, a := range actions {
		t := NewRecordAction(reg, r)
		t.Title, t.OwnerID, t.Due = a.title, s.people[a.owner], a.due
		t.Description = "Decided at " + reg.Reference(r.Number) + " " + demoReviewHeld + "."
		if a.done {
			t.Status = TaskDone
		}
		if _, err := s.ws.SaveTask(s.ctx, t); err != nil {
			return fmt.Errorf("seed demo review action: %w", err)
		}
	}
	return nil
}
