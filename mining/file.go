package mining

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"time"

	"processet/domain"
	"processet/mining/eventlog"
)

// FileOptions tune ImportFile.
type FileOptions struct {
	// Process is the process to import into; empty takes the file's own
	// (see FileProcess).
	Process string
	// Name is the file's name as the user gave it, for the process name
	// of a log that names none.
	Name string
	// Location is where times without an offset are: the company's TIMEZONE.
	Location *time.Location
	// Progress, when set, hears how far the read is.
	Progress func(eventlog.Progress)
	// Shift moves every time of the log by this much: the demo company's
	// logs are written as of a reference date and loaded as of its now.
	Shift time.Duration
}

// ImportFile reads the event log in r (size bytes; p from eventlog.Sniff,
// its mapping possibly changed by the user) and imports it into one
// process, in one transaction: a bad row, a missing column or a damaged
// file stores nothing and comes back as the reader's error
// (*eventlog.BadRowsError, *eventlog.MissingColumnsError,
// *eventlog.FileError). The file's SHA-256 is its content hash, so the
// same bytes import once (Duplicate). The figures change at the next
// Recompute. This is the one way a file becomes events, for the command
// line, the chat and the watched folder alike.
func (s *Service) ImportFile(ctx context.Context, r io.ReaderAt, size int64, p *eventlog.Preview, opt FileOptions) (domain.MiningImport, error) {
	if missing := p.Mapping.Missing(); len(missing) > 0 {
		return domain.MiningImport{}, &eventlog.MissingColumnsError{Roles: missing, Header: p.Header}
	}
	hash, err := contentHash(r, size)
	if err != nil {
		return domain.MiningImport{}, err
	}
	name := strings.TrimSpace(opt.Process)
	if name == "" {
		if name, err = FileProcess(r, size, p, opt.Name); err != nil {
			return domain.MiningImport{}, err
		}
	}
	events := fileEvents(r, size, p, eventlog.Options{Location: opt.Location, Progress: opt.Progress}, opt.Shift)
	return s.Import(ctx, name, events, hash)
}

// FileProcess is the process a log names for itself: the XES log's
// concept:name or the first row's process column, else the file's name
// without its extensions (report.csv.gz → report).
func FileProcess(r io.ReaderAt, size int64, p *eventlog.Preview, fileName string) (string, error) {
	if col := p.Mapping[eventlog.RoleProcess]; col >= 0 && len(p.Samples) > 0 && col < len(p.Samples[0]) {
		if name := strings.TrimSpace(p.Samples[0][col]); name != "" {
			return name, nil
		}
	}
	if p.Format == eventlog.XES {
		name, err := firstProcess(r, size, p)
		if err != nil {
			return "", err
		}
		if name != "" {
			return name, nil
		}
	}
	return baseName(fileName), nil
}

// errFirst stops a read after its first event.
var errFirst = errors.New("first event read")

// firstProcess reads a log's first event for its Process; a log whose
// first event is bad names no process here (the import reports the row).
func firstProcess(r io.ReaderAt, size int64, p *eventlog.Preview) (string, error) {
	var name string
	err := eventlog.Read(r, size, p, eventlog.Options{}, func(e eventlog.Event) error {
		name = strings.TrimSpace(e.Process)
		return errFirst
	})
	var fe *eventlog.FileError
	if errors.As(err, &fe) {
		return "", err
	}
	return name, nil
}

// baseName is a file's name without its folder and extensions.
func baseName(fileName string) string {
	base := filepath.Base(fileName)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return strings.TrimSpace(base)
}

// errStopped is the import stopping the read (it failed, or is done).
var errStopped = errors.New("import stopped the read")

// fileEvents is the log's events as the import takes them; a read error
// is the sequence's last element.
func fileEvents(r io.ReaderAt, size int64, p *eventlog.Preview, opt eventlog.Options, shift time.Duration) iter.Seq2[domain.MiningEvent, error] {
	return func(yield func(domain.MiningEvent, error) bool) {
		err := eventlog.Read(r, size, p, opt, func(e eventlog.Event) error {
			if shift != 0 {
				e.Time = e.Time.Add(shift)
				if !e.Start.IsZero() {
					e.Start = e.Start.Add(shift)
				}
			}
			if !yield(MiningEvent(e), nil) {
				return errStopped
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopped) {
			yield(domain.MiningEvent{}, err)
		}
	}
}

// MiningEvent is a read event as the import stores it.
func MiningEvent(e eventlog.Event) domain.MiningEvent {
	return domain.MiningEvent{
		Case:      e.Case,
		Activity:  e.Activity,
		Time:      e.Time,
		Start:     e.Start,
		Lifecycle: domain.ParseLifecycle(e.Lifecycle),
		Resource:  e.Resource,
	}
}

func contentHash(r io.ReaderAt, size int64) ([]byte, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return nil, fmt.Errorf("hash the file: %w", err)
	}
	return h.Sum(nil), nil
}
