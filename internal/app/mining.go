package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"processet/domain"
	"processet/mining"
	"processet/mining/eventlog"
	"processet/storage"
)

// ImportOptions are the command line's `processet import FILE… [--process NAME]`.
type ImportOptions struct {
	Files   []string
	Process string    // every file into this process; empty: each file's own
	Out     io.Writer // the summary, a line a file
	Errs    io.Writer // the problems, a line each
}

// Import imports event log files into Task Mining, then recomputes every
// process once and prints each file's process as the recompute left it.
// A file that fails stores nothing and the others still go in; the error
// says how many failed.
func Import(ctx context.Context, cfg Config, opt ImportOptions, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.close(log)
	svc := miningService(cfg, d.db, log)
	return importFiles(ctx, svc, func(ctx context.Context) (int, error) {
		return recomputeAfter(ctx, svc, nil, func() {
			fmt.Fprintln(opt.Errs, "a recompute is under way (the bot's): waiting for it to end, then recomputing")
		})
	}, cfg, opt)
}

func miningService(cfg Config, db *storage.DB, log *slog.Logger) *mining.Service {
	return mining.New(db, mining.Config{FTEHours: cfg.MiningFTEHours}, cfg.Now, log)
}

// imported is a file that went in.
type imported struct {
	file string
	res  domain.MiningImport
}

// importFiles imports the files one by one, then recomputes once with
// recompute.
func importFiles(ctx context.Context, svc *mining.Service, recompute func(context.Context) (int, error), cfg Config, opt ImportOptions) error {
	if len(opt.Files) == 0 {
		return errors.New("import: name at least one event log file (CSV, XES, .gz or .zip)")
	}
	var done []imported
	failed := 0
	for _, file := range opt.Files {
		res, err := importFile(ctx, svc, cfg, file, opt.Process, progressLine(opt.Errs, file, cfg.Now))
		if err == nil && res.Duplicate {
			err = errors.New("already imported (the same content): nothing stored")
		}
		if err != nil {
			failed++
			for _, line := range importProblems(err) {
				fmt.Fprintf(opt.Errs, "%s: %s\n", file, line)
			}
			continue
		}
		done = append(done, imported{file, res})
	}
	if len(done) > 0 {
		if _, err := recompute(ctx); err != nil {
			return fmt.Errorf("recompute task mining: %w", err)
		}
	}
	for _, f := range done {
		r, err := svc.Process(ctx, f.res.ProcessID)
		if err != nil {
			return fmt.Errorf("read process %q: %w", f.res.Process, err)
		}
		fmt.Fprintln(opt.Out, importSummary(f, r, cfg))
	}
	if failed > 0 {
		return fmt.Errorf("import: %d of %d files not imported", failed, len(opt.Files))
	}
	return nil
}

func importFile(ctx context.Context, svc *mining.Service, cfg Config, file, process string,
	progress func(eventlog.Progress)) (domain.MiningImport, error) {
	f, err := os.Open(file)
	if err != nil {
		return domain.MiningImport{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return domain.MiningImport{}, err
	}
	if st.IsDir() {
		return domain.MiningImport{}, errors.New("is a folder, not a file")
	}
	p, err := eventlog.Sniff(f, st.Size())
	if err != nil {
		return domain.MiningImport{}, err
	}
	return svc.ImportFile(ctx, f, st.Size(), p, mining.FileOptions{Process: process, Name: file, Location: cfg.Location,
		Progress: progress})
}

// progressEvery is how often a long import says how far it is.
const progressEvery = 2 * time.Second

// progressLine prints how far the read of a big file is, at most every
// progressEvery, so that a long import is seen to be working.
func progressLine(w io.Writer, file string, now func() time.Time) func(eventlog.Progress) {
	last := now()
	return func(p eventlog.Progress) {
		if t := now(); t.Sub(last) >= progressEvery && p.Total > 0 && p.Bytes < p.Total {
			last = t
			fmt.Fprintf(w, "%s: %d events read, %d %%\n", file, p.Rows, p.Bytes*100/p.Total)
		}
	}
}

// importSummary is a file's line: its process's counts and period.
func importSummary(f imported, r domain.ProcessResult, cfg Config) string {
	const day = "2006-01-02"
	return fmt.Sprintf("%s: process %q: %s, %s, %s, %s, %s – %s (%d of the file's %s new)",
		f.file, r.Name, count(r.Cases, "case", "cases"), count(r.Events, "event", "events"),
		count(r.Activities, "activity", "activities"), count(r.Variants, "variant", "variants"),
		r.First.In(cfg.Location).Format(day), r.Last.In(cfg.Location).Format(day), f.res.Added, count(f.res.Read, "event", "events"))
}

// count is n with its noun, in English: the command line is for admins.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// importProblems is an import error as lines for a person: each bad row
// with its line, column and value; the missing columns with the ones the
// file has.
func importProblems(err error) []string {
	var bad *eventlog.BadRowsError
	var missing *eventlog.MissingColumnsError
	var file *eventlog.FileError
	var pathErr *os.PathError
	switch {
	case errors.As(err, &bad):
		lines := make([]string, 0, len(bad.Rows)+1)
		for _, r := range bad.Rows {
			lines = append(lines, fmt.Sprintf("line %d, column %q: %s: %q", r.Line, r.Column, r.Kind, r.Value))
		}
		if bad.Stopped {
			lines = append(lines, fmt.Sprintf("more than %d bad rows: reading stopped; nothing stored", eventlog.MaxBadRows))
		} else {
			lines = append(lines, count(len(bad.Rows), "bad row", "bad rows")+": nothing stored")
		}
		return lines
	case errors.As(err, &missing):
		names := make([]string, len(missing.Roles))
		for i, r := range missing.Roles {
			names[i] = r.String()
		}
		return []string{fmt.Sprintf("no column for %s among %s: nothing stored (name the columns as in the README)",
			strings.Join(names, ", "), quoteAll(missing.Header))}
	case errors.As(err, &file):
		if file.Kind == eventlog.ExcelFile {
			return []string{"an Excel workbook: save it as CSV and import that"}
		}
		return []string{"cannot read the log: " + file.Error()}
	case errors.Is(err, mining.ErrProcessName):
		return []string{"the process name is empty or longer than 200 characters: give one with --process NAME"}
	case errors.As(err, &pathErr):
		return []string{"cannot open: " + pathErr.Err.Error()}
	}
	return []string{err.Error()}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
