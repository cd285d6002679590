package sqlite

import (
	"path/filepath"
	"testing"

	"smsbuilder/data"
)

// A version in review that still holds a prompt is not approved, and the
// refusal names the prompt; once tailored, it is.
func TestApproveRefusesPrompts(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, _ := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "prompts"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	tests := []struct {
		name, body, want string
	}{
		{"prompt", policyDraft1 + "\nReviewed every **year** [[prompt: set how often]].\n",
			"SMS-DOC-90 cannot be approved: it still has a prompt to tailor: “set how often”. Replace each [[prompt: …]] with your own text, then approve."},
		{"tailored", policyDraft1 + "\nReviewed every **year**.\n", ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := policy(people["Daniel Okafor"].ID)
			d.Number = "SMS-DOC-9" + string(rune('0'+i))
			doc, err := ws.CreateDocument(ctx, d, tc.body)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := ws.Versions(ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			v, err := ws.Move(ctx, vs[0], data.SendForReview, data.Approval{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = ws.Move(ctx, v, data.Approve, approval(people["Margaret Holloway"], "First issue"))
			got := ""
			if err != nil {
				got = data.ErrorMessage(err)
			}
			if got != tc.want {
				t.Errorf("approve: got %q\nwant %q", got, tc.want)
			}
		})
	}
}
