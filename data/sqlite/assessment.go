package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"strconv"

	"smsbuilder/data"
)

// assessmentAuditFields are an assessment as the audit trail shows it.
func assessmentAuditFields(a data.Assessment) ([]string, map[string]string) {
	return []string{"title", "date", "assessor"}, map[string]string{
		"title":    a.Title,
		"date":     auditDate(a.Date),
		"assessor": a.Assessor,
	}
}

// answerAuditFields are an answer as the audit trail shows it; the score
// by its label, so that not applicable reads as such.
func answerAuditFields(a data.Answer) ([]string, map[string]string) {
	return []string{"score", "na_reason", "notes", "evidence"}, map[string]string{
		"score":     data.MaturityLabel(a.Score),
		"na_reason": a.NAReason,
		"notes":     a.Notes,
		"evidence":  a.Evidence,
	}
}

// answerID is an answer's ID in the audit trail.
func answerID(assessmentID int64, questionID string) string {
	return strconv.FormatInt(assessmentID, 10) + "/" + questionID
}

func assessmentRecord(id int64) revised {
	return byID("assessments", "assessment", id, "this assessment")
}

func answerRecord(assessmentID int64, questionID string) revised {
	return revised{table: "answers", key: "assessment_id = ? AND question_id = ?", keyArgs: []any{assessmentID, questionID},
		entity: "answer", entityID: answerID(assessmentID, questionID), what: "this answer"}
}

func errNoAssessment(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no assessment with ID %d: it may have been deleted.", id)
}

const assessmentColumns = "id, title, assessed_on, assessor, created_at, revision"

func scanAssessment(s scanner) (data.Assessment, error) {
	var a data.Assessment
	var date sql.NullString
	var created string
	if err := s.Scan(&a.ID, &a.Title, &date, &a.Assessor, &created, &a.Revision); err != nil {
		return a, err
	}
	v := readValues("assessment", a.Title)
	a.Date = v.date("Date", "date", date)
	a.CreatedAt = v.time("CreatedAt", "time of creation", created)
	a.Unreadable = v.bad
	return a, nil
}

func readAssessment(ctx context.Context, tx *sql.Tx, id int64) (data.Assessment, error) {
	a, err := scanAssessment(tx.QueryRowContext(ctx, "SELECT "+assessmentColumns+" FROM assessments WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, errNoAssessment(id)
	}
	return a, err
}

// assessmentExists refuses an unknown assessment with data.ENotFound.
func assessmentExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM assessments WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return errNoAssessment(id)
	}
	return nil
}

// Assessments lists the gap assessments, newest date first, and of one
// date the last created first.
func (w *Workspace) Assessments(ctx context.Context) ([]data.Assessment, error) {
	var out []data.Assessment
	err := w.read(ctx, "list assessments", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+assessmentColumns+" FROM assessments ORDER BY assessed_on DESC, id DESC")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanAssessment(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SaveAssessment validates and stores a: a new assessment when a.ID is 0,
// else an update of that one (data.ENotFound when there is none). It records
// the change in the audit trail under entity "assessment" and returns the
// stored record, at its new revision. An update from a copy older than the
// stored assessment is refused with data.EConflict. Saving an unchanged
// assessment writes nothing. CreatedAt is set here.
func (w *Workspace) SaveAssessment(ctx context.Context, a data.Assessment) (data.Assessment, error) {
	if w.readOnly {
		return data.Assessment{}, w.errReadOnly()
	}
	if err := a.Validate(); err != nil {
		return data.Assessment{}, err
	}
	if err := checkDate("assessment", "Date", "The date", a.Date); err != nil {
		return data.Assessment{}, err
	}
	var saved data.Assessment
	err := w.write(ctx, "save assessment", func(tx *sql.Tx) error {
		now := w.now()
		fields, after := assessmentAuditFields(a)
		before := map[string]string{}
		action := data.ActionCreate
		id := a.ID
		if id == 0 {
			err := tx.QueryRowContext(ctx,
				"INSERT INTO assessments (title, assessed_on, assessor, created_at) VALUES (?, ?, ?, ?) RETURNING id",
				a.Title, formatDate(a.Date), a.Assessor, formatTime(now)).Scan(&id)
			if err != nil {
				return err
			}
		} else {
			old, err := readAssessment(ctx, tx, id)
			if err != nil {
				return assessmentRecord(id).gone(ctx, tx, now, err)
			}
			_, before = assessmentAuditFields(old)
			action = data.ActionUpdate
			if len(data.Diff(fields, before, after)) == 0 {
				saved = old
				return nil
			}
			if err := assessmentRecord(id).update(ctx, tx, now, a.Revision,
				"title = ?, assessed_on = ?, assessor = ?",
				a.Title, formatDate(a.Date), a.Assessor); err != nil {
				return err
			}
		}
		if err := record(ctx, tx, now, "assessment", strconv.FormatInt(id, 10), action, data.Diff(fields, before, after)); err != nil {
			return err
		}
		var err error
		saved, err = readAssessment(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Assessment{}, err
	}
	return saved, nil
}

// DeleteAssessment removes the assessment a (its ID and Revision) and its
// answers unless it changed since a was read (data.EConflict), recording
// the last values of each in the audit trail.
func (w *Workspace) DeleteAssessment(ctx context.Context, a data.Assessment) error {
	id := a.ID
	return w.write(ctx, "delete assessment", func(tx *sql.Tx) error {
		old, err := readAssessment(ctx, tx, id)
		if err != nil {
			return assessmentRecord(id).gone(ctx, tx, w.now(), err)
		}
		answers, err := readAnswers(ctx, tx, id)
		if err != nil {
			return err
		}
		now := w.now()
		if err := assessmentRecord(id).delete(ctx, tx, now, a.Revision); err != nil {
			return err
		}
		// The answers go with it (ON DELETE CASCADE); each one's trail ends
		// with its last values, in order of question ID.
		for _, qid := range slices.Sorted(maps.Keys(answers)) {
			fields, before := answerAuditFields(answers[qid])
			if err := record(ctx, tx, now, "answer", answerID(id, qid), data.ActionDelete,
				data.Diff(fields, before, map[string]string{})); err != nil {
				return err
			}
		}
		fields, before := assessmentAuditFields(old)
		return record(ctx, tx, now, "assessment", strconv.FormatInt(id, 10), data.ActionDelete,
			data.Diff(fields, before, map[string]string{}))
	})
}

const answerColumns = "assessment_id, question_id, score, na_reason, notes, evidence, updated_at, revision"

func scanAnswer(s scanner) (data.Answer, error) {
	var a data.Answer
	var score, updated string
	if err := s.Scan(&a.AssessmentID, &a.QuestionID, &score, &a.NAReason, &a.Notes, &a.Evidence, &updated, &a.Revision); err != nil {
		return a, err
	}
	v := readValues("answer to question", a.QuestionID)
	a.Score = v.number("Score", "score", score, data.MaturityNA, data.MaturityFully)
	a.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	a.Unreadable = v.bad
	return a, nil
}

func readAnswers(ctx context.Context, tx *sql.Tx, assessmentID int64) (map[string]data.Answer, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+answerColumns+" FROM answers WHERE assessment_id = ?", assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]data.Answer{}
	for rows.Next() {
		a, err := scanAnswer(rows)
		if err != nil {
			return nil, err
		}
		out[a.QuestionID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Answers returns an assessment's answers by question ID; data.ENotFound
// when there is no such assessment.
func (w *Workspace) Answers(ctx context.Context, assessmentID int64) (map[string]data.Answer, error) {
	var out map[string]data.Answer
	err := w.read(ctx, "read answers", func(tx *sql.Tx) error {
		if err := assessmentExists(ctx, tx, assessmentID); err != nil {
			return err
		}
		var err error
		out, err = readAnswers(ctx, tx, assessmentID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SaveAnswer validates and stores one answer of an existing assessment
// (data.ENotFound otherwise), creating or replacing it, and records what
// changed in the audit trail under entity "answer" and ID
// "<assessment ID>/<question ID>". It returns the stored answer, at its new
// revision; a save from a copy older than the stored answer (a.Revision 0
// once one is stored) is refused with data.EConflict. Saving an unchanged
// answer writes nothing. a.UpdatedAt is ignored: the time of saving is
// stored.
func (w *Workspace) SaveAnswer(ctx context.Context, a data.Answer) (data.Answer, error) {
	if w.readOnly {
		return data.Answer{}, w.errReadOnly()
	}
	if err := a.Validate(); err != nil {
		return data.Answer{}, err
	}
	if a.QuestionID == "" {
		return data.Answer{}, &data.Error{Code: data.EInvalid, Message: "The answer was not saved: it names no question.",
			Fields: []data.FieldError{{Field: "QuestionID", Message: "Choose a question."}}}
	}
	var saved data.Answer
	err := w.write(ctx, "save answer", func(tx *sql.Tx) error {
		if err := assessmentExists(ctx, tx, a.AssessmentID); err != nil {
			return assessmentRecord(a.AssessmentID).gone(ctx, tx, w.now(), err)
		}
		old, exists, err := readAnswer(ctx, tx, a.AssessmentID, a.QuestionID)
		if err != nil {
			return err
		}
		fields, after := answerAuditFields(a)
		before := map[string]string{}
		action := data.ActionCreate
		if exists {
			_, before = answerAuditFields(old)
			action = data.ActionUpdate
		}
		changes := data.Diff(fields, before, after)
		// A value that could not be read was read as the zero value: the
		// same zero entered again is still a value to store.
		if exists && len(changes) == 0 && len(old.Unreadable) == 0 {
			saved = old
			return nil
		}
		now := w.now()
		if exists {
			err = answerRecord(a.AssessmentID, a.QuestionID).update(ctx, tx, now, a.Revision,
				"score = ?, na_reason = ?, notes = ?, evidence = ?, updated_at = ?",
				a.Score, a.NAReason, a.Notes, a.Evidence, formatTime(now))
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO answers (assessment_id, question_id, score, na_reason,
				notes, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				a.AssessmentID, a.QuestionID, a.Score, a.NAReason, a.Notes, a.Evidence, formatTime(now))
		}
		if err != nil {
			return err
		}
		if err := record(ctx, tx, now, "answer", answerID(a.AssessmentID, a.QuestionID), action, changes); err != nil {
			return err
		}
		saved, _, err = readAnswer(ctx, tx, a.AssessmentID, a.QuestionID)
		return err
	})
	if err != nil {
		return data.Answer{}, err
	}
	return saved, nil
}

// readAnswer returns one stored answer and true, or false when the question
// has none yet.
func readAnswer(ctx context.Context, tx *sql.Tx, assessmentID int64, questionID string) (data.Answer, bool, error) {
	a, err := scanAnswer(tx.QueryRowContext(ctx,
		"SELECT "+answerColumns+" FROM answers WHERE assessment_id = ? AND question_id = ?", assessmentID, questionID))
	if errors.Is(err, sql.ErrNoRows) {
		return data.Answer{}, false, nil
	}
	if err != nil {
		return a, false, err
	}
	return a, true, nil
}
