package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"processet/internal/testdb"
	"processet/mining/eventlog/eventlogtest"
)

// workedCSV is the worked example of the README's Task Mining
// definitions: 3 cases, 14 events, 4 activities, 2 variants (case 2
// reworks «Ввод данных» and «Проверка»), times without an offset in the
// company's zone, from 1 January to 14 March 2024.
const workedCSV = "Case ID;Activity;Timestamp\n" +
	"1;Регистрация;2024-01-01 09:00:00\n1;Ввод данных;2024-01-01 09:10:00\n" +
	"1;Проверка;2024-01-01 09:30:00\n1;Согласование;2024-01-01 09:50:00\n" +
	"2;Регистрация;2024-01-01 10:00:00\n2;Ввод данных;2024-01-01 10:20:00\n" +
	"2;Проверка;2024-01-01 10:30:00\n2;Ввод данных;2024-01-01 10:40:00\n" +
	"2;Проверка;2024-01-01 11:00:00\n2;Согласование;2024-01-01 12:20:00\n" +
	"3;Регистрация;2024-03-14 08:00:00\n3;Ввод данных;2024-03-14 08:10:00\n" +
	"3;Проверка;2024-03-14 08:30:00\n3;Согласование;2024-03-14 09:00:00\n"

func importConfig(t *testing.T) Config {
	t.Helper()
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	return Config{DatabaseURL: testdb.NewURL(t), DataDir: t.TempDir(), Location: msk, MiningFTEHours: 1973,
		Now: func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runImport is `processet import files…`: its output, its problems, its error.
func runImport(t *testing.T, cfg Config, process string, files ...string) (string, string, error) {
	t.Helper()
	var out, errs bytes.Buffer
	err := Import(context.Background(), cfg, ImportOptions{Files: files, Process: process, Out: &out, Errs: &errs},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	return out.String(), errs.String(), err
}

// xesFigures are a generated log's counts worked out from its events.
func xesFigures(t *testing.T) ([]byte, string) {
	t.Helper()
	events := eventlogtest.Generate(eventlogtest.Config{Seed: 8, Cases: 30, Activities: 6})
	cases, activities, variants := map[string]string{}, map[string]bool{}, map[string]bool{}
	first, last := events[0].Time, events[0].Time
	var order []string
	for _, e := range events { // each case's events are in time order
		if _, ok := cases[e.Case]; !ok {
			order = append(order, e.Case)
		}
		cases[e.Case] += e.Activity + "→"
		activities[e.Activity] = true
		first, last = minTime(first, e.Time), maxTime(last, e.Time)
	}
	for _, c := range order {
		variants[cases[c]] = true
	}
	var buf bytes.Buffer
	if err := eventlogtest.WriteXES(&buf, events, false); err != nil {
		t.Fatal(err)
	}
	msk, _ := time.LoadLocation("Europe/Moscow")
	want := `process "` + eventlogtest.ProcessName(0) + `": ` + strings.Join([]string{
		itoa(len(cases)) + " cases", itoa(len(events)) + " events",
		itoa(len(activities)) + " activities", itoa(len(variants)) + " variants",
		first.In(msk).Format("2006-01-02") + " – " + last.In(msk).Format("2006-01-02"),
	}, ", ")
	return buf.Bytes(), want
}

func TestImportCSVAndXES(t *testing.T) {
	cfg := importConfig(t)
	dir := t.TempDir()
	xes, wantXES := xesFigures(t)
	csvPath := writeFile(t, dir, "согласование.csv", []byte(workedCSV))
	xesPath := writeFile(t, dir, "log.xes", xes)
	out, errs, err := runImport(t, cfg, "", csvPath, xesPath)
	if err != nil || errs != "" {
		t.Fatalf("import: %v\n%s", err, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("summary:\n%s", out)
	}
	wantCSV := csvPath + `: process "согласование": 3 cases, 14 events, 4 activities, 2 variants, 2024-01-01 – 2024-03-14 (14 of the file's 14 events new)`
	if lines[0] != wantCSV {
		t.Errorf("csv summary\n got %s\nwant %s", lines[0], wantCSV)
	}
	if !strings.HasPrefix(lines[1], xesPath+": "+wantXES+" (") {
		t.Errorf("xes summary\n got %s\nwant %s: %s (…)", lines[1], xesPath, wantXES)
	}

	// The same bytes under another name, into another process: nothing.
	again := writeFile(t, dir, "copy.csv", []byte(workedCSV))
	out, errs, err = runImport(t, cfg, "Другой", again)
	if err == nil || out != "" || !strings.Contains(errs, again+": already imported") {
		t.Errorf("second import: err %v, out %q, errs %q", err, out, errs)
	}
}

func TestImportProcessFlagAndNewerExport(t *testing.T) {
	cfg := importConfig(t)
	dir := t.TempDir()
	part := strings.Join(strings.SplitAfter(workedCSV, "\n")[:5], "") // case 1 only
	if out, errs, err := runImport(t, cfg, "Согласование", writeFile(t, dir, "week1.csv", []byte(part))); err != nil ||
		!strings.Contains(out, `process "Согласование": 1 case, 4 events`) {
		t.Fatalf("first: %v %q %q", err, out, errs)
	}
	out, errs, err := runImport(t, cfg, "Согласование", writeFile(t, dir, "all.csv", []byte(workedCSV)))
	if err != nil || !strings.Contains(out, `3 cases, 14 events, 4 activities, 2 variants`) ||
		!strings.Contains(out, "(10 of the file's 14 events new)") {
		t.Errorf("newer export: %v %q %q", err, out, errs)
	}
}

func TestImportBadFileStoresNothing(t *testing.T) {
	cfg := importConfig(t)
	dir := t.TempDir()
	bad := strings.Replace(workedCSV, "2024-01-01 10:30:00", "31.02.2024", 1) // line 8
	badPath := writeFile(t, dir, "bad.csv", []byte(bad))
	noCase := writeFile(t, dir, "nocase.csv", []byte("Activity;Timestamp\nВвод;2024-01-01 09:00:00\n"))
	missing := filepath.Join(dir, "missing.csv")
	out, errs, err := runImport(t, cfg, "", badPath, noCase, missing)
	if err == nil || !strings.Contains(err.Error(), "3 of 3 files not imported") || out != "" {
		t.Fatalf("err %v, out %q", err, out)
	}
	for _, want := range []string{
		badPath + `: line 8, column "Timestamp": bad timestamp: "31.02.2024"`,
		badPath + ": 1 bad row: nothing stored",
		noCase + `: no column for case among "Activity", "Timestamp"`,
		missing + ": cannot open: no such file or directory",
	} {
		if !strings.Contains(errs, want+"\n") && !strings.Contains(errs, want) {
			t.Errorf("no %q in\n%s", want, errs)
		}
	}
	// Nothing of bad.csv went in: the good file now imports in full,
	// and it is the only process.
	good := writeFile(t, dir, "bad.csv.fixed", []byte(workedCSV))
	out, errs, err = runImport(t, cfg, "bad", good)
	if err != nil || !strings.Contains(out, `process "bad": 3 cases, 14 events`) || !strings.Contains(out, "(14 of the file's 14 events new)") {
		t.Errorf("after the bad file: %v %q %q", err, out, errs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
