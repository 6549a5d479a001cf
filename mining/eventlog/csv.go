package eventlog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// delimiters are the separators a CSV log may use, in order of preference.
var delimiters = []rune{',', ';', '\t'}

// detectDelimiter parses the first lines of the log with each candidate
// and keeps the one that gives most rows of the header's width (at least
// two columns); ties go to the wider header.
func detectDelimiter(prefix []byte, complete bool) rune {
	if !complete {
		if i := bytes.LastIndexByte(prefix, '\n'); i > 0 {
			prefix = prefix[:i+1]
		}
	}
	best, bestRows, bestWidth := ',', 0, 0
	for _, d := range delimiters {
		r := newCSVReader(bytes.NewReader(prefix), d)
		width, rows := 0, 0
		for n := 0; n < 50; n++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if n == 0 {
				width = len(rec)
			}
			if len(rec) == width {
				rows++
			}
		}
		if width < 2 {
			continue
		}
		if rows > bestRows || rows == bestRows && width > bestWidth {
			best, bestRows, bestWidth = d, rows, width
		}
	}
	return best
}

func newCSVReader(r io.Reader, delim rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.LazyQuotes = true // 1C writes bare quotes inside fields: Договор "Ромашка"
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// decoded is the text of the log in UTF-8.
func decoded(r io.Reader, enc Encoding) io.Reader {
	switch enc {
	case UTF8BOM:
		var b [3]byte
		if n, _ := io.ReadFull(r, b[:]); n < 3 || !bytes.Equal(b[:], bom) {
			return io.MultiReader(bytes.NewReader(b[:n]), r)
		}
	case Windows1251:
		return charmap.Windows1251.NewDecoder().Reader(r)
	}
	return r
}

// csvReader turns rows into events by a mapping.
type csvReader struct {
	cr       *csv.Reader
	header   []string
	m        Mapping
	loc      *time.Location
	in       interner
	lastCase string
	bad      badRows
}

// readHeader reads the first row; a log without one is a FileError.
func readHeader(cr *csv.Reader) ([]string, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, &FileError{Kind: NoHeader}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{Kind: NoHeader, Line: pe.StartLine, Err: err}
		}
		return nil, err
	}
	h := make([]string, len(rec))
	for i, s := range rec {
		h[i] = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	}
	return h, nil
}

// checkMapping drops roles pointing past the header and refuses a mapping
// without the required ones.
func checkMapping(m Mapping, header []string) (Mapping, error) {
	for r := range m {
		if m[r] >= len(header) {
			m[r] = -1
		}
	}
	if miss := m.Missing(); len(miss) > 0 {
		return m, &MissingColumnsError{Roles: miss, Header: header}
	}
	return m, nil
}

// next reads one row. It returns ok=false at the end of the log, and a
// nil error with ok=true and skip=true for a row that is blank or bad
// (bad rows are recorded; errStop when there are too many).
func (c *csvReader) next(e *Event) (skip bool, err error) {
	rec, err := c.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if err != io.EOF && errors.As(err, &pe) {
			if c.bad.add(RowError{Line: pe.StartLine, Column: c.columnAt(pe.Column), Kind: BadSyntax}) {
				return true, errStop
			}
			return true, nil
		}
		return false, err
	}
	line, _ := c.cr.FieldPos(0)
	if blank(rec) {
		return true, nil
	}
	*e = Event{Line: line}
	var re RowError
	e.Case, re = c.field(rec, RoleCase, line, true)
	if re.Kind == 0 && e.Case != c.lastCase {
		c.lastCase = validUTF8(strings.Clone(e.Case)) // a row's fields share the row's memory
	}
	e.Case = c.lastCase
	if re.Kind == 0 {
		var s string
		s, re = c.field(rec, RoleActivity, line, true)
		e.Activity = c.in.str(s)
	}
	if re.Kind == 0 {
		e.Time, re = c.time(rec, RoleEnd, line, true)
	}
	if re.Kind == 0 {
		e.Start, re = c.time(rec, RoleStart, line, false)
	}
	if re.Kind == 0 {
		var s string
		if s, re = c.field(rec, RoleResource, line, false); s != "" {
			e.Resource = c.in.str(s)
		}
	}
	if re.Kind == 0 {
		var s string
		if s, re = c.field(rec, RoleProcess, line, false); s != "" {
			e.Process = c.in.str(s)
		}
	}
	if re.Kind == 0 {
		var s string
		if s, re = c.field(rec, RoleLifecycle, line, false); s != "" {
			e.Lifecycle = c.in.str(strings.ToLower(s))
		}
	}
	if re.Kind != 0 {
		if c.bad.add(re) {
			return true, errStop
		}
		return true, nil
	}
	return false, nil
}

func (c *csvReader) columnAt(col int) string {
	if col >= 1 && col-1 < len(c.header) {
		return c.header[col-1]
	}
	return ""
}

// field is the trimmed value of role r's column, "" when the role has
// no column; a required empty value is an error.
func (c *csvReader) field(rec []string, r Role, line int, required bool) (string, RowError) {
	col := c.m[r]
	if col < 0 {
		return "", RowError{}
	}
	if col >= len(rec) {
		if !required {
			return "", RowError{} // a short row just lacks the optional value
		}
		return "", RowError{Line: line, Column: c.header[col], Kind: ShortRow}
	}
	s := strings.TrimSpace(rec[col])
	if s == "" && required {
		return "", RowError{Line: line, Column: c.header[col], Kind: EmptyValue}
	}
	return s, RowError{}
}

func (c *csvReader) time(rec []string, r Role, line int, required bool) (time.Time, RowError) {
	s, re := c.field(rec, r, line, required)
	if re.Kind != 0 || s == "" {
		return time.Time{}, re
	}
	t, ok := parseTime(s, c.loc)
	if !ok {
		return time.Time{}, RowError{Line: line, Column: c.header[c.m[r]], Value: strings.Clone(s), Kind: BadTimestamp}
	}
	return t, RowError{}
}

// blank is a row of empty fields, which Excel leaves under a table.
func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
