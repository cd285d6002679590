package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// printedHead reads the audit trail's head a pack printed in its
// metadata; ok is false when it printed none.
func printedHead(path string) (head data.AuditHead, ok bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return head, false, data.Errorf(data.ENotFound, "There is no file %s.", path)
	}
	if err != nil {
		return head, false, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head, ok, err = reports.ReadAuditHead(f)
	if err != nil {
		return head, false, &data.Error{Code: data.ErrorCode(err), Message: path + " cannot be checked: " + lowerFirst(data.ErrorMessage(err)), Err: err}
	}
	return head, ok, nil
}

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
