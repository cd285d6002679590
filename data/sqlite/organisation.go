package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"

	"smsbuilder/data"
)

// organisationID is the key of the one organisation row, and its ID in the
// audit trail.
const organisationID = "1"

func organisationRecord() revised {
	return revised{table: "organisation", key: "id = 1", entity: "organisation", entityID: organisationID, what: "the organisation profile"}
}

// Organisation returns the organisation profile, or data.DefaultOrganisation
// when none has been saved.
func (w *Workspace) Organisation(ctx context.Context) (data.Organisation, error) {
	var o data.Organisation
	err := w.read(ctx, "read organisation", func(tx *sql.Tx) error {
		var err error
		o, _, err = readOrganisation(ctx, tx)
		return err
	})
	if err != nil {
		return data.Organisation{}, err
	}
	return o, nil
}

// readOrganisation returns the stored profile and true, or the default
// profile and false when none is stored.
func readOrganisation(ctx context.Context, tx *sql.Tx) (data.Organisation, bool, error) {
	var o data.Organisation
	var paper, dateFormat, services, locations, updated, iso9001, iso27001 string
	err := tx.QueryRowContext(ctx, `SELECT legal_name, short_name, address, logo, scope_statement,
		exclusions, services, locations, paper_size, date_format, iso9001, iso27001,
		correction_plan_days, evidence_days, evidence_limit_mb, updated_at, revision
		FROM organisation WHERE id = 1`).Scan(&o.LegalName, &o.ShortName, &o.Address, &o.Logo,
		&o.ScopeStatement, &o.Exclusions, &services, &locations, &paper, &dateFormat, &iso9001, &iso27001,
		&o.CorrectionPlanDays, &o.EvidenceDays, &o.EvidenceLimitMB, &updated, &o.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return data.DefaultOrganisation(), false, nil
	}
	if err != nil {
		return o, false, err
	}
	if len(o.Logo) == 0 {
		o.Logo = nil
	}
	v := readValues("organisation profile", "")
	o.PaperSize = readChoice(v, "PaperSize", "paper size", paper, data.PaperSizes())
	o.DateFormat = readChoice(v, "DateFormat", "date format", dateFormat, data.DateFormats())
	o.ISO9001 = readChoice(v, "ISO9001", "ISO 9001 status", iso9001, data.StandardStatuses())
	o.ISO27001 = readChoice(v, "ISO27001", "ISO/IEC 27001 status", iso27001, data.StandardStatuses())
	o.Services = v.list("Services", "list of services", services)
	o.Locations = v.list("Locations", "list of locations", locations)
	o.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	o.Unreadable = v.bad
	return o, true, nil
}

// SaveOrganisation validates and stores the profile, records what changed
// in the audit trail and returns the stored profile, at its new revision. A
// save from a copy older than the stored profile (o.Revision 0 once one is
// stored) is refused with data.EConflict. Saving an unchanged profile writes
// nothing. o.UpdatedAt is ignored: the time of saving is stored.
func (w *Workspace) SaveOrganisation(ctx context.Context, o data.Organisation) (data.Organisation, error) {
	if w.readOnly {
		return data.Organisation{}, w.errReadOnly()
	}
	o = o.WithSettingDefaults()
	if err := o.Validate(); err != nil {
		return data.Organisation{}, err
	}
	var saved data.Organisation
	err := w.write(ctx, "save organisation", func(tx *sql.Tx) error {
		old, exists, err := readOrganisation(ctx, tx)
		if err != nil {
			return err
		}
		fields, after := o.AuditFields()
		before := map[string]string{}
		action := data.ActionCreate
		if exists {
			_, before = old.AuditFields()
			action = data.ActionUpdate
		}
		changes := data.Diff(fields, before, after)
		if !bytes.Equal(old.Logo, o.Logo) && !hasField(changes, "logo") {
			// Another image of the same kind and size: its summary is the
			// same, but it is still a change.
			changes = append(changes, data.FieldChange{Field: "logo", From: before["logo"], To: after["logo"]})
		}
		if exists && len(changes) == 0 {
			saved = old
			return nil
		}

		services, err := jsonList(o.Services)
		if err != nil {
			return err
		}
		locations, err := jsonList(o.Locations)
		if err != nil {
			return err
		}
		var logo []byte
		if len(o.Logo) > 0 {
			logo = o.Logo
		}
		now := w.now()
		args := []any{o.LegalName, o.ShortName, o.Address, logo, o.ScopeStatement, o.Exclusions,
			services, locations, string(o.PaperSize), string(o.DateFormat), string(o.ISO9001), string(o.ISO27001),
			o.CorrectionPlanDays, o.EvidenceDays, o.EvidenceLimitMB, formatTime(now)}
		if exists {
			err = organisationRecord().update(ctx, tx, now, o.Revision, `legal_name = ?, short_name = ?,
				address = ?, logo = ?, scope_statement = ?, exclusions = ?, services = ?,
				locations = ?, paper_size = ?, date_format = ?, iso9001 = ?, iso27001 = ?,
				correction_plan_days = ?, evidence_days = ?, evidence_limit_mb = ?, updated_at = ?`, args...)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO organisation (id, legal_name, short_name,
				address, logo, scope_statement, exclusions, services, locations, paper_size,
				date_format, iso9001, iso27001, correction_plan_days, evidence_days, evidence_limit_mb,
				updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		}
		if err != nil {
			return err
		}
		if err := record(ctx, tx, now, "organisation", organisationID, action, changes); err != nil {
			return err
		}
		saved, _, err = readOrganisation(ctx, tx)
		return err
	})
	if err != nil {
		return data.Organisation{}, err
	}
	return saved, nil
}

func hasField(changes []data.FieldChange, field string) bool {
	for _, c := range changes {
		if c.Field == field {
			return true
		}
	}
	return false
}
