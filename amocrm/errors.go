package amocrm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Sentinel errors that callers branch on with errors.Is. An *APIError unwraps
// to one of them, so the caller keeps the details and still gets a simple test.
var (
	// ErrAccountBlocked means amoCRM blocked API access for the whole account
	// after repeated rate-limit violations (403 with an nginx HTML page). Only
	// amoCRM support lifts it, so syncing must stop and admins be alerted; the
	// client refuses further calls until Unblock, so nothing makes it worse.
	ErrAccountBlocked = errors.New("amocrm: account blocked")
	// ErrForbidden means the token's user lacks the rights for the method (the
	// users list is admin-only). The caller skips that part and carries on.
	ErrForbidden = errors.New("amocrm: forbidden")
	// ErrUnauthorized means the token was refused even after one refresh, or the
	// token endpoint refused the code or refresh token: someone must
	// re-authorize the integration.
	ErrUnauthorized = errors.New("amocrm: unauthorized")
	// ErrNotFound means the entity does not exist; amoCRM says so with 204.
	ErrNotFound = errors.New("amocrm: not found")
	// ErrRateLimited means 429 kept coming back after every retry.
	ErrRateLimited = errors.New("amocrm: rate limited")
)

// APIError is an answer amoCRM gave that is not a success. Title and Detail
// come from the problem+json body when there is one; HTML bodies (429, the
// account block) leave them empty.
type APIError struct {
	Method    string
	Path      string
	Status    int
	Title     string
	Detail    string
	RequestID string // X-Request-Id, what amoCRM support asks for
	kind      error
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "amocrm: %s %s: %d %s", e.Method, e.Path, e.Status, http.StatusText(e.Status))
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	if e.RequestID != "" {
		b.WriteString(" (request " + e.RequestID + ")")
	}
	return b.String()
}

// Unwrap returns the sentinel for the status, if there is one.
func (e *APIError) Unwrap() error { return e.kind }

// ValidationError is amoCRM's 400 "validation-errors" answer to a write. The
// whole request was rejected; each FieldError names the item by its
// request_id, which this client sets to the item's index in the caller's
// slice, so a caller can point at the offending row.
type ValidationError struct {
	Title  string
	Detail string
	Errors []FieldError
}

// FieldError is one rejected field of one item of a write.
type FieldError struct {
	RequestID string // index of the item in the slice given to the write method
	Code      string // e.g. NotSupportedChoice, InvalidType
	Path      string // dot path inside the item, e.g. "price"
	Detail    string // amoCRM's English text, e.g. "This value should be of type int."
}

// Error is a one-line summary for logs; callers that show it to people
// translate from Errors instead.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("amocrm: validation failed")
	for i, f := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "item %s: %s: %s", f.RequestID, f.Path, f.Detail)
		if f.Code != "" {
			b.WriteString(" (" + f.Code + ")")
		}
	}
	return b.String()
}

// problem is amoCRM's problem+json body, with the validation-errors
// extension used by 400 answers to writes and the hint of OAuth errors.
type problem struct {
	Title            string `json:"title"`
	Type             string `json:"type"`
	Detail           string `json:"detail"`
	Hint             string `json:"hint"`
	ValidationErrors []struct {
		RequestID looseString `json:"request_id"`
		Errors    []struct {
			Code   string `json:"code"`
			Path   string `json:"path"`
			Detail string `json:"detail"`
		} `json:"errors"`
	} `json:"validation-errors"`
}

// looseString accepts a JSON string or number: request_id is a string in
// every example, but it echoes what the client sent and costs nothing to
// tolerate.
type looseString string

func (s *looseString) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err == nil {
		*s = looseString(str)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*s = looseString(n.String())
	return nil
}

// isJSON tells a problem body from the HTML pages the gateway answers with;
// this is how a rights 403 differs from the account-block 403.
func isJSON(header http.Header, body []byte) bool {
	ct := header.Get("Content-Type")
	if strings.Contains(ct, "json") {
		return true
	}
	b := bytes.TrimSpace(body)
	return len(b) > 0 && b[0] == '{'
}

// responseError turns a non-success answer into *ValidationError or
// *APIError carrying the matching sentinel.
func responseError(method, path string, res *response) error {
	e := &APIError{Method: method, Path: path, Status: res.status, RequestID: res.header.Get("X-Request-Id")}
	var p problem
	if isJSON(res.header, res.body) && json.Unmarshal(res.body, &p) == nil {
		e.Title, e.Detail = p.Title, p.Detail
		if p.Hint != "" {
			e.Detail = strings.TrimSpace(e.Detail + " (" + p.Hint + ")")
		}
		if res.status == http.StatusBadRequest && len(p.ValidationErrors) > 0 {
			v := &ValidationError{Title: p.Title, Detail: p.Detail}
			for _, item := range p.ValidationErrors {
				for _, f := range item.Errors {
					v.Errors = append(v.Errors, FieldError{RequestID: string(item.RequestID), Code: f.Code, Path: f.Path, Detail: f.Detail})
				}
			}
			return v
		}
	}
	switch {
	case res.status == http.StatusUnauthorized:
		e.kind = ErrUnauthorized
	case res.status == http.StatusForbidden && isJSON(res.header, res.body):
		e.kind = ErrForbidden
	case res.status == http.StatusForbidden:
		e.kind = ErrAccountBlocked
	case res.status == http.StatusNotFound:
		e.kind = ErrNotFound
	case res.status == http.StatusTooManyRequests:
		e.kind = ErrRateLimited
	}
	return e
}

// indexID is the request_id this client puts on the i-th item of a write.
func indexID(i int) string { return strconv.Itoa(i) }
