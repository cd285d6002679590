package data

import (
	"context"
	"fmt"
	"time"
)

// seedDemoDocuments creates every document from its template: most
// approved, a few still in draft or review, and one whose review is overdue.
func seedDemoDocuments(ctx context.Context, ws Workspace, cat *Catalogue, now time.Time) error {
	people, err := ws.People(ctx)
	if err != nil {
		return fmt.Errorf("seed demo documents: %w", err)
	}
	var owner, director int64
	for _, p := range people {
		if p.HasRole(RoleSMSOwner) && owner == 0 {
			owner = p.ID
		}
		if p.JobTitle == "Managing Director" {
			director = p.ID
		}
	}
	values := PlaceholderValues(DemoOrganisation(), DemoPeople(), now)
	for i, t := range cat.Templates() {
		body, _ := values.Fill(t.Body)
		if i%9 != 4 { // approved or in review: the demo has taken every default
			body = RemovePrompts(body)
		}
		d, err := ws.CreateDocument(ctx, Document{Number: t.Number, Title: t.Title, TemplateKey: t.Key, Clauses: t.Clauses, OwnerID: owner,
			Distribution: demoDistribution(t.Key)}, body)
		if err != nil {
			return fmt.Errorf("seed demo document %s: %w", t.Number, err)
		}
		switch {
		case i%9 == 4: // a few drafts still being written
			continue
		case i%9 == 7: // and some waiting for review
			if err := moveLatest(ctx, ws, d.ID, SendForReview, Approval{}); err != nil {
				return err
			}
			continue
		}
		approvedAt := now.AddDate(0, -2, -i)
		if i == 0 {
			approvedAt = now.AddDate(-1, -1, 0) // the scope statement is overdue for review
		}
		if err := moveLatest(ctx, ws, d.ID, SendForReview, Approval{}); err != nil {
			return err
		}
		if err := moveLatest(ctx, ws, d.ID, Approve, Approval{ApproverID: director, ChangeSummary: "First issue", At: approvedAt, ReviewMonths: t.ReviewMonths,
			EffectiveFrom: demoEffective(i, approvedAt)}); err != nil {
			return err
		}
	}
	return nil
}

func moveLatest(ctx context.Context, ws Workspace, docID int64, t Transition, a Approval) error {
	versions, err := ws.Versions(ctx, docID)
	if err != nil || len(versions) == 0 {
		return fmt.Errorf("seed demo document %d: %w", docID, err)
	}
	if _, err := ws.Move(ctx, versions[0], t, a); err != nil {
		return fmt.Errorf("seed demo document %d: %w", docID, err)
	}
	return nil
}
