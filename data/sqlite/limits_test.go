package sqlite

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

// TestBodyLimit refuses on save a document text over the import limit, with
// a plain message, and keeps the text that was there.
func TestBodyLimit(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	doc, err := ws.CreateDocument(ctx, policy(0), "# Policy\n")
	must(t, err)
	versions, err := ws.Versions(ctx, doc.ID)
	must(t, err)
	draft := versions[0]

	atLimit := strings.Repeat("a", data.MaxBodyBytes)
	if draft, err = ws.SaveDraft(ctx, draft, atLimit); err != nil {
		t.Fatalf("a text of exactly 1 MB was refused: %v", err)
	}
	over := atLimit + strings.Repeat("b", 300<<10)
	_, err = ws.SaveDraft(ctx, draft, over)
	e := wantCode(t, err, data.EInvalid)
	if want := "The text of SMS-DOC-02 was not saved: it is 1.3 MB, and a document may hold at most 1 MB."; !strings.HasPrefix(e.Message, want) {
		t.Errorf("message = %q, want it to start %q", e.Message, want)
	}
	versions, err = ws.Versions(ctx, doc.ID)
	must(t, err)
	if versions[0].Body != atLimit {
		t.Errorf("the refused save changed the stored text (%d bytes)", len(versions[0].Body))
	}

	other := policy(0)
	other.Number = "SMS-DOC-99"
	_, err = ws.CreateDocument(ctx, other, over)
	wantCode(t, err, data.EInvalid)
	if list, err := ws.Documents(ctx); err != nil || len(list) != 1 {
		t.Errorf("after a refused create there are %d documents (%v), want 1", len(list), err)
	}
}
