// Package eventlog reads process-mining event logs: CSV and XES
// (IEEE 1849), plain, gzipped or as the one log inside a zip. It knows
// nothing of storage or Telegram; the import stores what it emits.
//
// Reading is two steps, so that a person can confirm the columns before
// anything is read in full:
//
//	p, err := eventlog.Sniff(file, size)   // format, header, mapping, three sample rows
//	p.Mapping.Set(eventlog.RoleStart, 4)     // the user changed a role
//	err = eventlog.Read(file, size, p, eventlog.Options{Location: tz, Progress: show},
//		func(e eventlog.Event) error { return batch.Add(e) })
//
// Both take an io.ReaderAt (an *os.File, a bytes.Reader), because a zip is
// read from its end and Read starts again from the beginning.
//
// # Formats
//
// Gzip and zip are recognised by their magic bytes and XES by its first
// '<', not by the file's name. A zip must hold exactly one log (folders
// and __MACOSX entries are ignored); an .xlsx workbook is reported as
// ExcelFile so that the user can be told to save it as CSV.
//
// CSV: the delimiter is ',' ';' or tab, whichever splits the first lines
// into most rows of the header's width. UTF-8 with or without a BOM;
// text that is not valid UTF-8 is read as Windows-1251 (Russian Excel and
// 1C). Quoted fields may hold newlines; a bare quote inside a field (ООО
// "Ромашка") is kept as text. Rows of empty fields are skipped.
//
// XES: a trace's concept:name is the case id (wherever it stands in the
// trace), an event's concept:name the activity, time:timestamp the time,
// lifecycle:transition the lifecycle (lower-cased), org:resource the
// resource; the log's own concept:name becomes every event's Process.
// Nested attributes (lists, containers), globals, classifiers, comments
// and CDATA are skipped. The reader is a scanner specialised to XES's flat
// attribute elements rather than encoding/xml, whose allocating decoder
// alone costs more than the import's whole time budget on a 74 MB log.
//
// # Events and lifecycles
//
// Events are emitted in file order, which need not be time order (XES
// does not promise it; ties occur). Each XES event is emitted as it is,
// with its transition: a start/complete pair is two events. Pairing them
// into service times, ordering a trace and ignoring transitions such as
// schedule or suspend are the compute layer's work, as is the CSV case
// where one row carries both a start and an end (Event.Start).
//
// # Columns
//
// DetectColumns maps a CSV header to roles (case, activity, end and start
// time, resource, process, lifecycle) by the names pm4py, Disco, Celonis
// and Russian exports use (case:concept:name, Case ID, ID случая; Activity,
// Операция; time:timestamp, Complete Timestamp, Дата; start_timestamp,
// Дата начала; org:resource, Исполнитель; …), ignoring case, spaces and
// '_'. Case, activity and end time are required; Read refuses a mapping
// without them with a MissingColumnsError.
//
// # Timestamps
//
// ParseTimestamp reads ISO 8601 with or without an offset (T or space),
// 2006/01/02, and day-first 02.01.2006 with optional 15:04 or 15:04:05,
// one-digit days, months and hours, fractions of a second after '.' or
// ','. A time without an offset is in Options.Location (the company's
// TIMEZONE). The parser reads bytes in place and tells the forms apart by
// their punctuation, so there is no list of layouts to try in turn and no
// allocation per row.
//
// # Errors
//
// A bad row (a value that is not a date, an empty case or activity, a row
// too short for the mapping, broken quoting) is not emitted; Read goes on
// and returns a *BadRowsError listing the bad rows' line, column name
// (as the file spells it) and value when the log is done, or at the sixth
// bad row, with the first MaxBadRows listed and Stopped set. The caller
// decides: the import stores nothing then. A file that cannot be read at
// all (damaged gzip, truncated or malformed XML, no header) is a
// *FileError with its kind and, where known, its line.
//
// # Files
//
//   - event.go: Event, Format, Container, Encoding, Role, Mapping, Progress
//   - read.go: Sniff and Read
//   - open.go: unpacking gzip and zip, telling the format and encoding
//   - csv.go: the CSV dialect and rows to events
//   - columns.go: column names per role
//   - xes.go: the XES scanner
//   - timestamp.go: ParseTimestamp
//   - errors.go: RowError, BadRowsError, MissingColumnsError, FileError
//   - eventlogtest/: a seeded generator of synthetic logs and writers for
//     CSV (pm4py, Disco, 1C) and XES, for tests, benchmarks and the demo
package eventlog
