package eventlog_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"testing"
	"time"

	"processet/mining/eventlog"
)

// msk is Moscow time without needing the tz database.
var msk = time.FixedZone("MSK", 3*3600)

// readAll sniffs and reads data, returning the preview, the events and
// Read's error.
func readAll(t *testing.T, data []byte, loc *time.Location) (*eventlog.Preview, []eventlog.Event, error) {
	t.Helper()
	r := bytes.NewReader(data)
	p, err := eventlog.Sniff(r, int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	var evs []eventlog.Event
	err = eventlog.Read(r, int64(len(data)), p, eventlog.Options{Location: loc}, func(e eventlog.Event) error {
		evs = append(evs, e)
		return nil
	})
	return p, evs, err
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipped makes a zip of name/content pairs; a name ending in / is a folder.
func zipped(t *testing.T, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i := 0; i < len(files); i += 2 {
		f, err := w.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func at(loc *time.Location, y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, loc)
}

// brief is an event with only the fields a test compares.
type brief struct {
	Case, Activity string
	Time, Start    time.Time
	Resource       string
	Lifecycle      string
	Line           int
}

func briefs(evs []eventlog.Event) []brief {
	out := make([]brief, len(evs))
	for i, e := range evs {
		out[i] = brief{e.Case, e.Activity, e.Time, e.Start, e.Resource, e.Lifecycle, e.Line}
	}
	return out
}

func equalBriefs(t *testing.T, got []eventlog.Event, want []brief) {
	t.Helper()
	g := briefs(got)
	if len(g) != len(want) {
		t.Fatalf("got %d events, want %d: %+v", len(g), len(want), g)
	}
	for i := range want {
		w, e := want[i], g[i]
		if e.Case != w.Case || e.Activity != w.Activity || !e.Time.Equal(w.Time) || !e.Start.Equal(w.Start) ||
			e.Resource != w.Resource || e.Lifecycle != w.Lifecycle || e.Line != w.Line {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, e, w)
		}
	}
}
