package eventlog_test

import (
	"bytes"
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"processet/mining/eventlog"
	"processet/mining/eventlog/eventlogtest"
)

// checkRead reads data and checks what must hold for any input: no panic;
// an error is one of the package's typed errors (or none); every emitted
// event has a case, an activity, a time and a line; a bad-rows error lists
// between one and MaxBadRows rows with lines and kinds.
func checkRead(t *testing.T, data []byte) {
	r := bytes.NewReader(data)
	p, err := eventlog.Sniff(r, int64(len(data)))
	if err != nil {
		checkErr(t, err)
		return
	}
	if len(p.Samples) > eventlog.SampleRows {
		t.Fatalf("%d samples", len(p.Samples))
	}
	for _, s := range p.Samples {
		if len(s) != len(p.Header) {
			t.Fatalf("sample %q wider or narrower than header %q", s, p.Header)
		}
	}
	lastLine := 0
	err = eventlog.Read(r, int64(len(data)), p, eventlog.Options{Location: msk}, func(e eventlog.Event) error {
		if e.Case == "" || e.Activity == "" || e.Time.IsZero() || e.Line < 1 ||
			!utf8.ValidString(e.Case+e.Activity+e.Resource+e.Process+e.Lifecycle) {
			t.Fatalf("bad event %+v", e)
		}
		if p.Format == eventlog.CSV && e.Line <= lastLine {
			t.Fatalf("line %d after %d", e.Line, lastLine)
		}
		lastLine = e.Line
		return nil
	})
	if err != nil {
		checkErr(t, err)
	}
}

func checkErr(t *testing.T, err error) {
	var fe *eventlog.FileError
	var br *eventlog.BadRowsError
	var mc *eventlog.MissingColumnsError
	switch {
	case errors.As(err, &fe):
		if fe.Kind == 0 {
			t.Fatalf("file error without a kind: %v", err)
		}
	case errors.As(err, &br):
		if len(br.Rows) == 0 || len(br.Rows) > eventlog.MaxBadRows {
			t.Fatalf("%d bad rows", len(br.Rows))
		}
		for _, r := range br.Rows {
			if r.Line < 1 || r.Kind == 0 {
				t.Fatalf("bad row %+v", r)
			}
		}
	case errors.As(err, &mc):
		if len(mc.Roles) == 0 {
			t.Fatal("missing columns without roles")
		}
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
}

func FuzzReadCSV(f *testing.F) {
	small := eventlogtest.Generate(eventlogtest.Config{Seed: 3, Cases: 3, Activities: 4, StartTimes: true})
	for _, d := range []eventlogtest.Dialect{eventlogtest.PM4Py, eventlogtest.Disco, eventlogtest.OneC} {
		var b bytes.Buffer
		eventlogtest.WriteCSV(&b, small, d)
		f.Add(b.Bytes())
	}
	f.Add([]byte(pm4pyCSV))
	f.Add(eventlogtest.Windows1251([]byte(oneC)))
	f.Add([]byte("\ufeffCase ID\tActivity\tTimestamp\n1\t\"a\"\"b\"\t01.02.2024 10:00\n"))
	f.Add([]byte("case,activity,timestamp\n1,\"unterminated,2024-01-01\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && data[0] == '<' {
			return // that is the XES target's
		}
		checkRead(t, data)
	})
}

func FuzzReadXES(f *testing.F) {
	small := eventlogtest.Generate(eventlogtest.Config{Seed: 3, Cases: 2, Activities: 3, StartTimes: true})
	var b bytes.Buffer
	eventlogtest.WriteXES(&b, small, true)
	f.Add(b.Bytes())
	f.Add([]byte(lifecycleXES))
	f.Add([]byte(`<log><trace><string key="concept:name" value='x&#x41;'/><event><string key="concept:name" value="a>b"/><date key="time:timestamp" value="2024-01-01"/></event></trace></log>`))
	f.Add([]byte(`<log><trace><event/></trace><![CDATA[<trace>]]><!DOCTYPE x></log>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

// FuzzParseTimestamp checks that any time read is printed and read back
// as the same instant, and that the byte and string paths agree.
func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"2011-10-01T00:38:44.546+02:00", "2024-03-01 09:30:00", "01.03.2024 9:05",
		"29.02.2024", "2024/03/01 09:30:00.5", "2024-03-01 09:30:00 +0530", "31.02.2024", "2024-01-01T10:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := eventlog.ParseTimestamp(s, msk)
		if err != nil {
			return
		}
		again, err := eventlog.ParseTimestamp(got.Format(time.RFC3339Nano), msk)
		if err != nil || !again.Equal(got) {
			t.Fatalf("%q read as %v, printed %q, read back %v, %v", s, got, got.Format(time.RFC3339Nano), again, err)
		}
		if !eventlog.ParseTimestampBytesAgrees(s, msk) {
			t.Fatalf("%q: byte and string parsers differ", s)
		}
	})
}
