package reports

import (
	"io"
	"regexp"
	"strconv"
	"strings"

	"smsbuilder/data"
)

// auditHeadPrefix starts the audit trail's head in a pack's Keywords
// metadata, ahead of any stamps:
//
//	smsbuilder-audit:v1 438#<sha256> smsbuilder-verify:v1 SMS-DOC-01@1.0#<sha256> ...
//
// The head is the newest entry of the workspace's audit trail when the pack
// was printed, with the hash that seals it and every entry before it
// (data/sqlite/audit_chain.go). A later edit of that history, by any tool,
// no longer contains the entry with that hash: Verify reports it.
const auditHeadPrefix = "smsbuilder-audit:v1"

var auditHeadPattern = regexp.MustCompile(`^([1-9][0-9]{0,18})#([0-9a-f]{64})$`)

// packKeywords is a pack's Keywords metadata: the audit head, then the
// stamps; "" when it has neither.
func packKeywords(head data.AuditHead, stamps []Stamp) string {
	var parts []string
	if head.ID > 0 {
		parts = append(parts, auditHeadPrefix, strconv.FormatInt(head.ID, 10)+"#"+head.Hash)
	}
	if s := formatStamps(stamps); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// parseAuditHead reads the head out of a pack's Keywords metadata; ok is
// false when it has none.
func parseAuditHead(keywords string) (head data.AuditHead, ok bool, err error) {
	fields := strings.Fields(keywords)
	for i, f := range fields {
		if f != auditHeadPrefix {
			continue
		}
		var m []string
		if i+1 < len(fields) {
			m = auditHeadPattern.FindStringSubmatch(fields[i+1])
		}
		if m == nil {
			return data.AuditHead{}, false, data.Errorf(data.EInvalid, "The file's record of the workspace's history is damaged.")
		}
		id, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			return data.AuditHead{}, false, data.Errorf(data.EInvalid, "The file's record of the workspace's history is damaged.")
		}
		return data.AuditHead{ID: id, Hash: m[2]}, true, nil
	}
	return data.AuditHead{}, false, nil
}

// ReadAuditHead reads the audit trail's head a pack printed in its
// metadata: ok is false for a PDF printed without one (by an earlier
// version, or from an empty trail); a file that is not a readable PDF, or
// whose head is damaged, gives a *data.Error.
func ReadAuditHead(r io.ReadSeeker) (head data.AuditHead, ok bool, err error) {
	keywords, err := readKeywords(r)
	if err != nil {
		return data.AuditHead{}, false, err
	}
	return parseAuditHead(keywords)
}

// ReadMarks reads, in one pass over the PDF, what ReadStamps and
// ReadAuditHead read: the stamps first, so a damaged stamp is the error
// reported ahead of a damaged head.
func ReadMarks(r io.ReadSeeker) (stamps []Stamp, head data.AuditHead, hasHead bool, err error) {
	keywords, err := readKeywords(r)
	if err != nil {
		return nil, data.AuditHead{}, false, err
	}
	if stamps, err = parseStamps(keywords); err != nil {
		return nil, data.AuditHead{}, false, err
	}
	if head, hasHead, err = parseAuditHead(keywords); err != nil {
		return nil, data.AuditHead{}, false, err
	}
	return stamps, head, hasHead, nil
}
