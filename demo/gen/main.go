// Command gen writes the demo company's event logs (demo/logs), the
// files the demo loads through the same import as a customer's. Run it
// with `go generate ./demo` after changing a process in processes.go:
// the same models always give the same logs.
package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"processet/demo"
	"processet/mining/eventlog"
	"processet/mining/eventlog/eventlogtest"
)

// format writes a log as one kind of export.
type format func(w io.Writer, events []eventlog.Event) error

// file is a log of the demo: a process and how it was exported.
type file struct {
	name   string
	format format
}

// files are the logs of models(), in that order: the kinds of export a
// customer sends, so the demo goes through every reader.
var files = []file{
	{"01-invoices-1c.zip", zipped("invoices-1c.csv", csvFormat(oneC, true))},
	{"02-contracts.xes.gz", gzipped(xesFormat(true))},
	{"03-month-close.csv.gz", gzipped(csvFormat(pm4py, false))},
	{"04-client-requests.csv.gz", gzipped(csvFormat(disco, false))},
	{"05-purchases.xes.gz", gzipped(xesFormat(false))},
	{"06-goods-receipt-1c.csv.gz", gzipped(csvFormat(oneC, true))},
	{"07-payroll.csv.gz", gzipped(csvFormat(pm4py, false))},
	{"08-business-trips.csv.gz", gzipped(csvFormat(disco, false))},
	{"09-hiring.xes.gz", gzipped(xesFormat(true))},
	{"10-returns.csv.gz", gzipped(csvFormat(tabs, false))},
}

var (
	// oneC is a 1C export: semicolons, local times, Windows-1251.
	oneC = withZone(eventlogtest.OneC)
	// pm4py is a pm4py export, times with their offset.
	pm4py = withZone(eventlogtest.PM4Py)
	// disco is a Disco or Celonis export, local times.
	disco = withZone(eventlogtest.Disco)
	// tabs is a tab-separated export from a helpdesk, local times.
	tabs = eventlogtest.Dialect{Delimiter: '\t', Case: "Case ID", Activity: "Activity", End: "Timestamp",
		Resource: "Resource", Process: "Process", Layout: "2006-01-02 15:04:05", Location: demo.LogsZone}
)

func withZone(d eventlogtest.Dialect) eventlogtest.Dialect {
	d.Location = demo.LogsZone
	return d
}

func csvFormat(d eventlogtest.Dialect, windows1251 bool) format {
	return func(w io.Writer, events []eventlog.Event) error {
		var buf bytes.Buffer
		if err := eventlogtest.WriteCSV(&buf, events, d); err != nil {
			return err
		}
		data := buf.Bytes()
		if windows1251 {
			data = eventlogtest.Windows1251(data)
		}
		_, err := w.Write(data)
		return err
	}
}

func xesFormat(lifecycle bool) format {
	return func(w io.Writer, events []eventlog.Event) error {
		return eventlogtest.WriteXES(w, events, lifecycle)
	}
}

func gzipped(f format) format {
	return func(w io.Writer, events []eventlog.Event) error {
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if err := f(zw, events); err != nil {
			return err
		}
		return zw.Close()
	}
}

func zipped(member string, f format) format {
	return func(w io.Writer, events []eventlog.Event) error {
		zw := zip.NewWriter(w)
		mw, err := zw.CreateHeader(&zip.FileHeader{Name: member, Method: zip.Deflate, Modified: demo.LogsEnd})
		if err != nil {
			return err
		}
		if err := f(mw, events); err != nil {
			return err
		}
		return zw.Close()
	}
}

// render is every log file by name.
func render() (map[string][]byte, error) {
	ms := models()
	if len(ms) != len(files) {
		return nil, fmt.Errorf("%d processes, %d files", len(ms), len(files))
	}
	out := map[string][]byte{}
	for i, f := range files {
		var buf bytes.Buffer
		if err := f.format(&buf, eventlogtest.Simulate(ms[i])); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		out[f.name] = buf.Bytes()
	}
	return out, nil
}

func main() {
	dir := flag.String("dir", "logs", "the folder to write the logs into")
	flag.Parse()
	logs, err := render()
	if err != nil {
		log.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(*dir, "[0-9]*"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			log.Fatal(err)
		}
	}
	for name, data := range logs {
		if err := os.WriteFile(filepath.Join(*dir, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
