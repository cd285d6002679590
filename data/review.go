package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A management review goes planned → held → minutes approved. Holding it
// freezes what each input showed that day into the record, so the minutes
// print what the meeting saw even after the registers move on; approval
// by top management closes the minutes to edits.

// ReviewSnapshotField is the review field that holds the frozen figures.
const ReviewSnapshotField = "snapshot"

// reviewSnapshotLen bounds the frozen figures so that they fit one cell
// of a spreadsheet export, which holds at most 32,767 characters.
const reviewSnapshotLen = 32000

// Review statuses.
const (
	ReviewPlanned  = "planned"
	ReviewHeld     = "held"
	ReviewApproved = "approved"
)

// ReviewSnapshot is what a review saw on the day it was held.
type ReviewSnapshot struct {
	Period string          `json:"period"` // "since 3 June 2026"
	Taken  string          `json:"taken"`  // the day, as held_on holds it
	Inputs []ReviewFigures `json:"inputs"`
}

// Figures finds the frozen figures of the input key.
func (s ReviewSnapshot) Figures(key string) (ReviewFigures, bool) {
	for _, f := range s.Inputs {
		if f.Input == key {
			return f, true
		}
	}
	return ReviewFigures{}, false
}

// SnapshotOf reads the figures frozen in review r; ok is false when it
// holds none, as a review held before the app kept them does.
func SnapshotOf(r Record) (snap ReviewSnapshot, ok bool, err error) {
	text := strings.TrimSpace(r.Get(ReviewSnapshotField))
	if text == "" {
		return ReviewSnapshot{}, false, nil
	}
	if err := json.Unmarshal([]byte(text), &snap); err != nil {
		return ReviewSnapshot{}, false, Errorf(EInvalid, "The figures frozen when the review was held cannot be read: they were changed outside SMS Builder.")
	}
	return snap, true, nil
}

// HoldReview marks review r held on the day given and freezes the figures
// src works out into it. Only a planned review can be held.
func HoldReview(r Record, src *ReviewSource, heldOn time.Time) (Record, error) {
	reg, _ := FindRegister(ReviewsRegister)
	if r.Get("status") != ReviewPlanned {
		return r, Errorf(EInvalid, "%s was held already; its figures stay as they were that day.", reg.Reference(r.Number))
	}
	figures := src.Figures()
	var text []byte
	// a large workspace lists fewer records an input, never fewer figures
	for _, most := range []int{40, 20, 10, 5, 0} {
		snap := ReviewSnapshot{Period: src.PeriodText(), Taken: heldOn.Format(DateLayout), Inputs: listAtMost(figures, most)}
		var err error
		if text, err = json.Marshal(snap); err != nil {
			return r, fmt.Errorf("freeze review figures: %w", err)
		}
		if len([]rune(string(text))) <= reviewSnapshotLen {
			break
		}
	}
	out := r.Clone()
	out.Set("held_on", heldOn.Format(DateLayout))
	out.Set("status", ReviewHeld)
	out.Set(ReviewSnapshotField, string(text))
	return out, nil
}

// listAtMost is figures with at most most items an input, the last
// saying how many more there were.
func listAtMost(figures []ReviewFigures, most int) []ReviewFigures {
	out := make([]ReviewFigures, len(figures))
	for i, f := range figures {
		out[i] = f
		if len(f.Items) > most {
			out[i].Items = append(append([]string(nil), f.Items[:most]...), fmt.Sprintf("and %d more", len(f.Items)-most))
		}
	}
	return out
}

// ApproveReview records that person approved the minutes of review r on
// the day given. Only a held review's minutes can be approved, and only
// by a member of top management.
func ApproveReview(r Record, approver Person, on time.Time) (Record, error) {
	reg, _ := FindRegister(ReviewsRegister)
	ref := reg.Reference(r.Number)
	switch r.Get("status") {
	case ReviewPlanned:
		return r, Errorf(EInvalid, "%s has not been held yet: mark it held before its minutes are approved.", ref)
	case ReviewApproved:
		return r, Errorf(EInvalid, "The minutes of %s are approved already.", ref)
	}
	if !approver.HasRole(RoleTopManagement) {
		return r, Errorf(EInvalid, "%s is not in top management: the minutes of a management review are approved by top management. Give them the role under People first.", approver.Name)
	}
	if held, ok := r.Date("held_on"); ok && on.Before(held) {
		return r, Errorf(EInvalid, "The minutes cannot be approved before the review was held, on %s.", held.Format(DateLayout))
	}
	out := r.Clone()
	out.SetIDs("approved_by", []int64{approver.ID})
	out.Set("approved_on", on.Format(DateLayout))
	out.Set("status", ReviewApproved)
	return out, nil
}

// reviewRules keep a review's dates and approval in step with its status,
// so that its Hold task closes when it is marked held and not before.
func reviewRules() []Rule {
	return []Rule{
		func(r Record) (string, string) {
			planned := r.Get("status") == ReviewPlanned
			switch {
			case planned && r.Get("held_on") != "":
				return "held_on", "A planned review has no held date yet: mark it held, and the day is recorded then."
			case !planned && r.Get("held_on") == "":
				return "held_on", "Held on is required once the review is held."
			}
			return "", ""
		},
		func(r Record) (string, string) {
			approved := r.Get("status") == ReviewApproved
			switch {
			case approved && (r.Get("approved_by") == "" || r.Get("approved_on") == ""):
				return "approved_by", "Approved minutes name who in top management approved them and when: approve them with Approve minutes on the review's form."
			case !approved && (r.Get("approved_by") != "" || r.Get("approved_on") != ""):
				return "approved_by", "Only approved minutes have an approver: approve them from the review's form."
			}
			if on, ok := r.Date("approved_on"); ok {
				if held, ok := r.Date("held_on"); ok && on.Before(held) {
					return "approved_on", "The minutes cannot be approved before the review was held."
				}
			}
			return "", ""
		},
	}
}

// reviewChanges keep a held review's frozen figures and approved minutes
// as they were.
func reviewChanges() []ChangeRule {
	return []ChangeRule{
		func(old, r Record) (string, string) {
			was, is := old.Get("status"), r.Get("status")
			switch {
			case was == ReviewPlanned && is == ReviewApproved:
				return "status", "Mark the review held first; its minutes can be approved after."
			case was == ReviewPlanned && is == ReviewHeld && r.Get(ReviewSnapshotField) == "":
				return "status", "Mark the review held from its agenda, which keeps the figures the review saw that day."
			case was != ReviewPlanned && is == ReviewPlanned:
				return "status", "A review that was held stays held: plan the next one as a new review."
			case was == ReviewApproved && is != ReviewApproved:
				return "status", "Approved minutes stay approved."
			}
			return "", ""
		},
		func(old, r Record) (string, string) {
			if old.Get("status") == ReviewPlanned {
				return "", ""
			}
			if old.Get(ReviewSnapshotField) != r.Get(ReviewSnapshotField) {
				return ReviewSnapshotField, "The figures frozen when the review was held cannot be changed."
			}
			if old.Get("held_on") != r.Get("held_on") {
				return "held_on", "The day the review was held is fixed once it is marked held."
			}
			return "", ""
		},
		func(old, r Record) (string, string) {
			if old.Get("status") != ReviewApproved {
				return "", ""
			}
			keys := make([]string, 0, len(old.Values)+len(r.Values))
			for k := range old.Values {
				keys = append(keys, k)
			}
			for k := range r.Values {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if old.Get(k) != r.Get(k) {
					return k, "The minutes of this review are approved and can no longer be changed; record anything new at the next review."
				}
			}
			return "", ""
		},
	}
}
