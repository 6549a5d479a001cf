package domain

import "errors"

// ErrorCode classifies an error a user can act on.
type ErrorCode int

const (
	Invalid ErrorCode = iota + 1
	NotFound
	Conflict
	Forbidden
)

// Error is an error with a key the bot translates for the user.
// Anything that is not an *Error is an internal failure: it is logged, and
// the user only sees an apology.
type Error struct {
	Code ErrorCode
	Key  ErrorKey // what the user is told, e.g. ErrKeyNotFound
	Err  error    // optional cause, never shown to the user
}

func (e *Error) Error() string {
	if e.Err != nil {
		return string(e.Key) + ": " + e.Err.Error()
	}
	return string(e.Key)
}

func (e *Error) Unwrap() error { return e.Err }

// NewError builds a user-facing error with the key of its text.
func NewError(code ErrorCode, key ErrorKey) *Error { return &Error{Code: code, Key: key} }

// AsError returns the domain error inside err, if there is one.
func AsError(err error) (*Error, bool) {
	var de *Error
	ok := errors.As(err, &de)
	return de, ok
}

// Common errors.
var (
	ErrNotFound  = NewError(NotFound, ErrKeyNotFound)
	ErrForbidden = NewError(Forbidden, ErrKeyForbidden)
)
