package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"smsbuilder/data"
)

// People lists everyone, sorted by name without regard to case.
func (w *Workspace) People(ctx context.Context) ([]data.Person, error) {
	var people []data.Person
	err := w.read(ctx, "list people", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id, name, job_title, email, created_at, updated_at, revision FROM people ORDER BY id")
		if err != nil {
			return err
		}
		defer rows.Close()
		index := map[int64]int{}
		for rows.Next() {
			p, err := scanPerson(rows)
			if err != nil {
				return err
			}
			index[p.ID] = len(people)
			people = append(people, p)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		roles, err := tx.QueryContext(ctx, "SELECT person_id, kind, process FROM person_roles ORDER BY person_id, position")
		if err != nil {
			return err
		}
		defer roles.Close()
		for roles.Next() {
			var id int64
			var r data.Role
			var kind string
			if err := roles.Scan(&id, &kind, &r.Process); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				addRole(&people[i], kind, r)
			}
		}
		return roles.Err()
	})
	if err != nil {
		return nil, err
	}
	// Sorted here rather than in SQL, so that the order is the one the rest
	// of the app uses, for every alphabet.
	data.SortPeople(people)
	return people, nil
}

// Person returns one person; a missing one is a data.ENotFound error.
func (w *Workspace) Person(ctx context.Context, id int64) (data.Person, error) {
	var p data.Person
	err := w.read(ctx, "read person", func(tx *sql.Tx) error {
		var err error
		p, err = readPerson(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Person{}, err
	}
	return p, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanPerson(s scanner) (data.Person, error) {
	var p data.Person
	var created, updated string
	if err := s.Scan(&p.ID, &p.Name, &p.JobTitle, &p.Email, &created, &updated, &p.Revision); err != nil {
		return p, err
	}
	v := readValues("person", p.Name)
	p.CreatedAt = v.time("CreatedAt", "time of creation", created)
	p.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	p.Unreadable = v.bad
	return p, nil
}

func personRecord(id int64) revised { return byID("people", "person", id, "this person's details") }

func errNoPerson(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no person with ID %d: they may have been deleted.", id)
}

func readPerson(ctx context.Context, tx *sql.Tx, id int64) (data.Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx,
		"SELECT id, name, job_title, email, created_at, updated_at, revision FROM people WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, errNoPerson(id)
	}
	if err != nil {
		return p, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT kind, process FROM person_roles WHERE person_id = ? ORDER BY position", id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var r data.Role
		var kind string
		if err := rows.Scan(&kind, &r.Process); err != nil {
			return p, err
		}
		addRole(&p, kind, r)
	}
	return p, rows.Err()
}

// SavePerson validates and stores p: a new person when p.ID is 0, else an
// update of that person with their roles replaced. It records the change in
// the audit trail and returns the stored record, at its new revision. An
// update from a copy older than the stored person is refused with
// data.EConflict. Saving an unchanged person writes nothing. CreatedAt and
// UpdatedAt are set here.
func (w *Workspace) SavePerson(ctx context.Context, p data.Person) (data.Person, error) {
	if w.readOnly {
		return data.Person{}, w.errReadOnly()
	}
	if err := p.Validate(); err != nil {
		return data.Person{}, err
	}
	var saved data.Person
	err := w.write(ctx, "save person", func(tx *sql.Tx) error {
		now := w.now()
		fields, after := p.AuditFields()
		before := map[string]string{}
		action := data.ActionCreate
		id := p.ID
		if id == 0 {
			err := tx.QueryRowContext(ctx,
				"INSERT INTO people (name, job_title, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
				p.Name, p.JobTitle, p.Email, formatTime(now), formatTime(now)).Scan(&id)
			if err != nil {
				return err
			}
		} else {
			old, err := readPerson(ctx, tx, id)
			if err != nil {
				return personRecord(id).gone(ctx, tx, now, err)
			}
			_, before = old.AuditFields()
			action = data.ActionUpdate
			if len(data.Diff(fields, before, after)) == 0 {
				saved = old
				return nil
			}
			if err := personRecord(id).update(ctx, tx, now, p.Revision,
				"name = ?, job_title = ?, email = ?, updated_at = ?",
				p.Name, p.JobTitle, p.Email, formatTime(now)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM person_roles WHERE person_id = ?", id); err != nil {
				return err
			}
		}
		if err := insertRoles(ctx, tx, id, p.Roles); err != nil {
			return err
		}
		if err := record(ctx, tx, now, "person", strconv.FormatInt(id, 10), action, data.Diff(fields, before, after)); err != nil {
			return err
		}
		var err error
		saved, err = readPerson(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Person{}, err
	}
	return saved, nil
}

// insertRoles stores roles as the person's, in their order.
func insertRoles(ctx context.Context, tx *sql.Tx, id int64, roles []data.Role) error {
	for i, r := range roles {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO person_roles (person_id, position, kind, process) VALUES (?, ?, ?, ?)",
			id, i, string(r.Kind), r.Process); err != nil {
			return err
		}
	}
	return nil
}

// DeletePerson removes the person p (their ID and Revision) and their roles
// unless they changed since p was read (data.EConflict), recording their
// last values in the audit trail. The steps, tasks and documents they owned
// are left without an owner, and the versions they approved without an
// approver (ON DELETE SET NULL), each with that change in its own trail and
// a new revision, so that a copy read before is stale. It returns those
// records, for RestorePerson.
func (w *Workspace) DeletePerson(ctx context.Context, p data.Person) (data.Unlinked, error) {
	id := p.ID
	var unlinked data.Unlinked
	err := w.write(ctx, "delete person", func(tx *sql.Tx) error {
		old, err := readPerson(ctx, tx, id)
		if err != nil {
			return personRecord(id).gone(ctx, tx, w.now(), err)
		}
		now := w.now()
		// The references go with the delete, so they are recorded first; a
		// refused delete rolls the records back.
		if unlinked, err = recordOwnerGone(ctx, tx, now, old); err != nil {
			return err
		}
		if unlinked.Records, err = recordPeopleGone(ctx, tx, now, old); err != nil {
			return err
		}
		if err := personRecord(id).delete(ctx, tx, now, p.Revision); err != nil {
			return err
		}
		fields, before := old.AuditFields()
		return record(ctx, tx, now, "person", strconv.FormatInt(id, 10), data.ActionDelete,
			data.Diff(fields, before, map[string]string{}))
	})
	if err != nil {
		return data.Unlinked{}, err
	}
	return unlinked, nil
}

// ownerName is the name of the person with id, as the audit trail of the
// steps and tasks they own shows them; 0 is nobody, "". An unknown person is
// refused with data.ENotFound, marked on the OwnerID field.
func ownerName(ctx context.Context, tx dbtx, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM people WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		e := errNoPerson(id)
		e.Fields = []data.FieldError{{Field: "OwnerID", Message: "Choose another owner: this person no longer exists."}}
		return "", e
	}
	if err != nil {
		return "", err
	}
	return name, nil
}

// nullID stores an optional reference: 0 is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// recordOwnerGone records, for each step, task and document p owns and each
// document version p approved, that the reference to p is about to be
// removed with p, and returns those records.
func recordOwnerGone(ctx context.Context, tx *sql.Tx, at time.Time, p data.Person) (data.Unlinked, error) {
	var u data.Unlinked
	for _, o := range personLinks(&u) {
		if _, err := tx.ExecContext(ctx, "UPDATE "+o.table+" SET revision = revision + 1 WHERE "+o.column+" = ?", p.ID); err != nil {
			return u, err
		}
		change := []data.FieldChange{{Field: o.field, From: p.Name}}
		var ids []string
		rows, err := tx.QueryContext(ctx, "SELECT "+o.key+" FROM "+o.table+" WHERE "+o.column+" = ? ORDER BY "+o.key, p.ID)
		if err != nil {
			return u, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return u, err
			}
			ids = append(ids, id)
		}
		if err := rows.Close(); err != nil {
			return u, err
		}
		if err := rows.Err(); err != nil {
			return u, err
		}
		for _, id := range ids {
			if err := record(ctx, tx, at, o.entity, id, data.ActionUpdate, change); err != nil {
				return u, err
			}
			if err := o.add(id); err != nil {
				return u, err
			}
		}
	}
	return u, nil
}

// addRole gives p the role of the stored kind; a kind this version does not
// know is left out and noted as unreadable.
func addRole(p *data.Person, kind string, r data.Role) {
	v := readValues("person", p.Name)
	if r.Kind = readChoice(v, "Roles", "SMS role", kind, data.RoleKinds()); r.Kind == "" {
		p.Unreadable = append(p.Unreadable, v.bad...)
		return
	}
	p.Roles = append(p.Roles, r)
}
