package eventlog

import (
	"bufio"
	"errors"
	"io"
	"time"
)

// SampleRows is how many rows Sniff returns for the confirmation screen.
const SampleRows = 3

// Preview is what Sniff learns about a log: enough for a person to
// confirm or change the mapping before anything is read in full.
type Preview struct {
	Format    Format
	Container Container
	Member    string   // the log's name inside a zip
	Encoding  Encoding // CSV only
	Delimiter rune     // CSV only
	// Header is the CSV header, or for XES the keys events are read from.
	Header []string
	// Mapping is the detected role of each column (fixed for XES).
	Mapping Mapping
	// Samples are the first rows as text, each as wide as Header.
	Samples [][]string
}

// Options tune Read.
type Options struct {
	// Location is where times without an offset are; UTC when nil.
	Location *time.Location
	// Progress, when set, is called every ProgressEvery events and at the end.
	Progress      func(Progress)
	ProgressEvery int // default 10,000
}

// Sniff looks at the start of the log in r (size bytes long) and tells its
// format, encoding, delimiter, header, column mapping and first rows. It
// reads at most a few tens of kilobytes of a CSV, and of an XES what its
// first traces take.
func Sniff(r io.ReaderAt, size int64) (*Preview, error) {
	st, err := open(r, size)
	if err != nil {
		return nil, err
	}
	defer st.close()
	prefix, perr := st.br.Peek(min(sniffSize, st.br.Size()))
	if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
		var fe *FileError
		if errors.As(perr, &fe) {
			return nil, fe
		}
		return nil, perr
	}
	complete := perr == io.EOF || st.container != Gzip && int64(len(prefix)) >= st.total
	format, err := detect(prefix)
	if err != nil {
		return nil, err
	}
	p := &Preview{Format: format, Container: st.container, Member: st.member}
	if format == XES {
		return p, sniffXES(st, p)
	}
	p.Encoding = detectEncoding(prefix, complete)
	p.Delimiter = detectDelimiter(prefix, complete)
	cr := newCSVReader(decoded(st.br, p.Encoding), p.Delimiter)
	if p.Header, err = readHeader(cr); err != nil {
		return nil, err
	}
	p.Mapping = DetectColumns(p.Header)
	for len(p.Samples) < SampleRows {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				return nil, fe
			}
			continue // a bad row shows up again, with its line, in Read
		}
		if blank(rec) {
			continue
		}
		row := make([]string, len(p.Header))
		for i := range row {
			if i < len(rec) {
				row[i] = rec[i]
			}
		}
		p.Samples = append(p.Samples, row)
	}
	return p, nil
}

func sniffXES(st *stream, p *Preview) error {
	p.Header = xesHeader
	p.Mapping = NoMapping()
	for i, r := range []Role{RoleCase, RoleActivity, RoleEnd, RoleLifecycle, RoleResource} {
		p.Mapping[r] = i
	}
	x := newXESReader(st.br, st.bufSize, time.UTC, func(e Event) error {
		p.Samples = append(p.Samples, []string{e.Case, e.Activity, e.Time.Format(time.RFC3339Nano), e.Lifecycle, e.Resource})
		if len(p.Samples) == SampleRows {
			return errStop
		}
		return nil
	})
	err := x.run()
	if err == errStop {
		return nil
	}
	var br *BadRowsError
	if errors.As(err, &br) {
		return nil // Read reports the rows
	}
	return err
}

// Read reads the whole log in r as p describes it (p from Sniff, its
// Mapping possibly changed) and calls emit for each good event, in file
// order. Bad rows are not emitted: they are collected, and Read returns a
// *BadRowsError listing them when the log is done, or as soon as there
// are more than MaxBadRows. A mapping without a required role is a
// *MissingColumnsError before any event; a file that cannot be read is a
// *FileError. An error from emit stops the read and is returned as is.
func Read(r io.ReaderAt, size int64, p *Preview, opt Options, emit func(Event) error) error {
	st, err := open(r, size)
	if err != nil {
		return err
	}
	defer st.close()
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	every := int64(opt.ProgressEvery)
	if every <= 0 {
		every = 10000
	}
	var rows int64
	report := func() {
		if opt.Progress != nil {
			opt.Progress(Progress{Rows: rows, Bytes: st.count.n, Total: st.total})
		}
	}
	count := func(e Event) error {
		if err := emit(e); err != nil {
			return err
		}
		rows++
		if rows%every == 0 {
			report()
		}
		return nil
	}
	if p.Format == XES {
		x := newXESReader(st.br, st.bufSize, loc, count)
		err = x.run()
		if err == errStop {
			err = x.bad.err()
		}
	} else {
		err = readCSV(st, p, loc, count)
	}
	if err == nil {
		report()
	}
	return err
}

func readCSV(st *stream, p *Preview, loc *time.Location, emit func(Event) error) error {
	cr := newCSVReader(decoded(st.br, p.Encoding), p.Delimiter)
	header, err := readHeader(cr)
	if err != nil {
		return err
	}
	m, err := checkMapping(p.Mapping, header)
	if err != nil {
		return err
	}
	c := &csvReader{cr: cr, header: header, m: m, loc: loc, in: interner{}}
	var e Event
	for {
		skip, err := c.next(&e)
		if err == io.EOF {
			return c.bad.err()
		}
		if err == errStop {
			return c.bad.err()
		}
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		if err := emit(e); err != nil {
			return err
		}
	}
}
