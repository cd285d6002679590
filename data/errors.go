// Package data is the domain of SMS Builder: the organisation's records, their
// validation and rules, the content catalogue, and the service interfaces that
// storage implements. It speaks only the standard library.
package data

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
)

// Error codes name the kind of problem so that callers can react to it without
// parsing messages.
const (
	EInvalid      = "invalid"       // a value a user entered was refused
	ENotFound     = "not_found"     // the record does not exist
	ENotWorkspace = "not_workspace" // the file is not an SMS Builder workspace
	ECorrupt      = "corrupt"       // the file is damaged or truncated
	ETooNew       = "too_new"       // the workspace was written by a newer app
	EReadOnly     = "read_only"     // the workspace was opened read-only
	EExists       = "exists"        // the file or record already exists
	EContent      = "content"       // the embedded content catalogue is inconsistent
	EPlaceholder  = "placeholder"   // a template names a value the workspace does not have
	EConflict     = "conflict"      // the record changed since the caller read it
	EInternal     = "internal"      // anything else; the message is generic
)

// Error is what a person sees: a code for the program and a plain message for
// the user. Err keeps the technical cause for logs.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	Err     error
}

// FieldError explains why one field of a form was refused.
type FieldError struct {
	Field   string
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, " (%v)", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted plain message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal for
// any other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the plain message a user should read for err: the
// message, then each field's message on its own line. Field keys are for
// forms, not people, so each field message names its subject itself.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		msg := e.Message
		for _, f := range e.Fields {
			msg += "\n" + f.Message
		}
		return msg
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fileProblem(pe)
	}
	return "Something went wrong: " + err.Error()
}

// fileReasons are the plain words for what the system says when it
// refuses a file; its own wording names system calls ("openat", "errno").
var fileReasons = []struct {
	errs []error
	why  string
}{
	{[]error{fs.ErrNotExist}, "it does not exist, or a folder on its way is missing"},
	{[]error{fs.ErrPermission}, "you do not have permission to use it"},
	{[]error{fs.ErrExist}, "a file of that name already exists"},
	{[]error{syscall.ENOSPC, syscall.EDQUOT}, "the disk is full"},
	{[]error{syscall.EROFS}, "the disk is read-only"},
	{[]error{syscall.EISDIR}, "it is a folder, not a file"},
	{[]error{syscall.ENOTDIR}, "part of the path is a file, not a folder"},
	{[]error{syscall.ENAMETOOLONG}, "the name is too long"},
}

// fileProblem says in plain words why the system refused a file.
func fileProblem(pe *fs.PathError) string {
	for _, r := range fileReasons {
		for _, e := range r.errs {
			if errors.Is(pe.Err, e) {
				return fmt.Sprintf("The system could not use %s: %s.", pe.Path, r.why)
			}
		}
	}
	return fmt.Sprintf("The system could not use %s: %v.", pe.Path, pe.Err)
}

// FieldMessage returns the message for one field of a validation error, or "".
func FieldMessage(err error, field string) string {
	var e *Error
	if !errors.As(err, &e) {
		return ""
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// validation collects field errors while a record is checked.
type validation struct{ fields []FieldError }

func (v *validation) add(field, format string, args ...any) {
	v.fields = append(v.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (v *validation) required(field, value, label string) bool {
	if strings.TrimSpace(value) == "" {
		v.add(field, "%s is required.", label)
		return false
	}
	return true
}

func (v *validation) maxLen(field, value, label string, n int) {
	if len([]rune(value)) > n {
		v.add(field, "%s is too long: at most %d characters.", label, n)
	}
}

func (v *validation) err(what string) error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Message: "The " + what + " was not saved: please correct the marked fields.", Fields: v.fields}
}

// CountText is "1 document" or "25 documents": a count in words for a
// message or a page.
func CountText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
