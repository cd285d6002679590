package data

import (
	"strconv"
	"time"
)

// Limits of the certification settings: a body's terms rarely run past a
// year, and a file larger than MaxEvidenceLimitMB no longer fits any mail.
const (
	MaxDeadlineDays    = 365
	MaxEvidenceLimitMB = 200
)

// DefaultEvidenceLimitMB is DefaultEvidenceLimit in whole megabytes, as
// the settings show it.
const DefaultEvidenceLimitMB = DefaultEvidenceLimit >> 20

// WithSettingDefaults gives every certification setting left at zero its
// default, as storage keeps the profile, so that one built in code before
// the settings existed still saves as it did.
func (o Organisation) WithSettingDefaults() Organisation {
	if o.CorrectionPlanDays == 0 {
		o.CorrectionPlanDays = CorrectionPlanDays
	}
	if o.EvidenceDays == 0 {
		o.EvidenceDays = FindingEvidenceDays
	}
	if o.EvidenceLimitMB == 0 {
		o.EvidenceLimitMB = DefaultEvidenceLimitMB
	}
	return o
}

// EvidenceLimit is the largest evidence file accepted, in bytes.
func (o Organisation) EvidenceLimit() int64 {
	return int64(o.WithSettingDefaults().EvidenceLimitMB) << 20
}

// FindingDeadlines are the days a finding's correction plan and evidence
// are due under the organisation's settings, counted from the day its
// audit was held.
func (o Organisation) FindingDeadlines(held time.Time) (plan, evidence time.Time) {
	s := o.WithSettingDefaults()
	return held.AddDate(0, 0, s.CorrectionPlanDays), held.AddDate(0, 0, s.EvidenceDays)
}

func (o Organisation) validateSettings(v *validation) {
	s := o.WithSettingDefaults()
	if s.CorrectionPlanDays < 1 || s.CorrectionPlanDays > MaxDeadlineDays {
		v.add("CorrectionPlanDays", "The days to send a correction plan must be from 1 to %d.", MaxDeadlineDays)
	}
	if s.EvidenceDays < 1 || s.EvidenceDays > MaxDeadlineDays {
		v.add("EvidenceDays", "The days to send the evidence must be from 1 to %d.", MaxDeadlineDays)
	} else if s.EvidenceDays < s.CorrectionPlanDays {
		v.add("EvidenceDays", "The evidence cannot be due before the correction plan: give at least %d days.", s.CorrectionPlanDays)
	}
	if s.EvidenceLimitMB < 1 || s.EvidenceLimitMB > MaxEvidenceLimitMB {
		v.add("EvidenceLimitMB", "The largest evidence file must be from 1 to %d MB.", MaxEvidenceLimitMB)
	}
}

// settingAudit leaves a setting at its default empty in the audit trail,
// so that creating a profile records only what was changed.
func settingAudit(value, def int) string {
	if value == 0 || value == def {
		return ""
	}
	return strconv.Itoa(value)
}
