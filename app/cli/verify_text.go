package cli

import (
	"context"
	"fmt"
	"os"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// verifyPrinted checks, for each document the stamps of the file at path
// call current, that its pages show the approved text (reports.VerifyText).
func verifyPrinted(ctx context.Context, path string, src reports.Source, results []reports.VerifyResult) ([]reports.VerifyResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	out, err := reports.VerifyText(ctx, f, src, results)
	if err != nil {
		return nil, &data.Error{Code: data.ErrorCode(err), Message: path + " cannot be checked: " + lowerFirst(data.ErrorMessage(err)), Err: err}
	}
	return out, nil
}
