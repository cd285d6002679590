package cli

import (
	"context"
	"io"

	"smsbuilder/reports"
)

// verifyPrinted checks, for each document the stamps of the pack r (read
// from path) call current, that its pages show the approved text
// (reports.VerifyText).
func verifyPrinted(ctx context.Context, r io.ReadSeeker, path string, src reports.Source, results []reports.VerifyResult) ([]reports.VerifyResult, error) {
	out, err := reports.VerifyText(ctx, r, src, results)
	if err != nil {
		return nil, cannotCheck(path, err)
	}
	return out, nil
}
