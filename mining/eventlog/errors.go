package eventlog

import (
	"fmt"
	"strings"
)

// MaxBadRows is how many bad rows a read lists before it gives up.
const MaxBadRows = 5

// ErrorKind says what is wrong with a row.
type ErrorKind int

const (
	// BadTimestamp: the value is not a date and time this package reads.
	BadTimestamp ErrorKind = iota + 1
	// EmptyValue: a required value (case, activity, end time) is empty.
	EmptyValue
	// ShortRow: the row has no field for a required column.
	ShortRow
	// BadSyntax: the row is not well-formed CSV.
	BadSyntax
)

func (k ErrorKind) String() string {
	switch k {
	case BadTimestamp:
		return "bad timestamp"
	case EmptyValue:
		return "empty value"
	case ShortRow:
		return "short row"
	case BadSyntax:
		return "bad syntax"
	}
	return "error"
}

// RowError is one bad row: its line, the column's name as the file spells
// it (an XES key for XES) and the value found.
type RowError struct {
	Line   int
	Column string
	Value  string
	Kind   ErrorKind
}

func (e *RowError) Error() string {
	return fmt.Sprintf("line %d: column %q: %s: %q", e.Line, e.Column, e.Kind, e.Value)
}

// BadRowsError is returned by Read when rows were bad. Rows holds the
// first MaxBadRows of them in file order; Stopped is true when there were
// more and reading stopped there.
type BadRowsError struct {
	Rows    []RowError
	Stopped bool
}

func (e *BadRowsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bad rows", len(e.Rows))
	if e.Stopped {
		b.WriteString(" (and more; reading stopped)")
	}
	for i := range e.Rows {
		b.WriteString("; ")
		b.WriteString(e.Rows[i].Error())
	}
	return b.String()
}

// MissingColumnsError is returned by Read when the mapping lacks a
// required role.
type MissingColumnsError struct {
	Roles  []Role
	Header []string
}

func (e *MissingColumnsError) Error() string {
	names := make([]string, len(e.Roles))
	for i, r := range e.Roles {
		names[i] = r.String()
	}
	return "missing columns: " + strings.Join(names, ", ")
}

// FileErrorKind says why a file as a whole cannot be read.
type FileErrorKind int

const (
	// UnknownFormat: neither CSV nor XES (binary content, an empty file).
	UnknownFormat FileErrorKind = iota + 1
	// ExcelFile: an .xlsx workbook; it has to be saved as CSV first.
	ExcelFile
	// ZipEntries: a zip that does not hold exactly one log.
	ZipEntries
	// Corrupt: the gzip or zip data is damaged or cut short.
	Corrupt
	// BadXML: the XML is malformed or is not an XES log.
	BadXML
	// Truncated: the XML ends before its elements are closed.
	Truncated
	// NoHeader: the CSV has no header row.
	NoHeader
)

func (k FileErrorKind) String() string {
	switch k {
	case UnknownFormat:
		return "unknown format"
	case ExcelFile:
		return "excel workbook"
	case ZipEntries:
		return "zip does not hold exactly one log"
	case Corrupt:
		return "corrupt archive"
	case BadXML:
		return "malformed xml"
	case Truncated:
		return "truncated xml"
	case NoHeader:
		return "no header row"
	}
	return "file error"
}

// FileError is a file that cannot be read at all. Line is where the
// problem was seen, 0 when it has none.
type FileError struct {
	Kind FileErrorKind
	Line int
	Err  error
}

func (e *FileError) Error() string {
	s := e.Kind.String()
	if e.Line > 0 {
		s = fmt.Sprintf("line %d: %s", e.Line, s)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *FileError) Unwrap() error { return e.Err }

// badRows collects row errors up to the limit.
type badRows struct {
	rows []RowError
	full bool
}

// add records e and reports whether reading must stop.
func (b *badRows) add(e RowError) bool {
	if len(b.rows) >= MaxBadRows {
		b.full = true
		return true
	}
	b.rows = append(b.rows, e)
	return false
}

func (b *badRows) err() error {
	if len(b.rows) == 0 {
		return nil
	}
	return &BadRowsError{Rows: b.rows, Stopped: b.full}
}
