package cli

import (
	"context"
	"fmt"
	"io"

	"smsbuilder/data"
)

// checkPrintedHead says whether the workspace's audit trail still holds
// the head a pack printed, with the history before it unchanged; false
// when the history was edited since.
func checkPrintedHead(ctx context.Context, ws data.IntegrityService, head data.AuditHead, w io.Writer) (bool, error) {
	sealed, err := ws.AuditSealed(ctx, head)
	if err != nil {
		return false, err
	}
	verdict := "still in the workspace's audit trail, with the history before it unchanged"
	if !sealed {
		verdict = "NOT sealed in the workspace's audit trail as printed: the history up to that entry has been changed behind the app's back"
	}
	fmt.Fprintf(w, "Audit head printed: entry %d, sha256 %s: %s\n", head.ID, head.Hash, verdict)
	return sealed, nil
}

// errHistoryChanged is verify's verdict when the printed head is gone.
func errHistoryChanged(path string) error {
	return data.Errorf(data.EInvalid, "The workspace's audit trail no longer holds the history %s was printed from: it was changed behind the app's back. Run 'smsbuilder check' on the workspace to see where.", path)
}
