package eventlog_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"processet/mining/eventlog"
)

// lifecycleXES has start/complete pairs, a trace whose case id comes after
// its first event, events out of time order, a nested list attribute that
// must not override the event's own keys, character references, a comment
// holding a fake event and a time without an offset.
const lifecycleXES = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- <event><string key="concept:name" value="not an event"/></event> -->
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
	<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
	<global scope="event">
		<string key="concept:name" value="__INVALID__"/>
	</global>
	<classifier name="Activity" keys="concept:name lifecycle:transition"/>
	<string key="concept:name" value="Закупки &amp; оплата"/>
	<trace>
		<string key="concept:name" value="case-1"/>
		<event>
			<string key="concept:name" value="Ввод заявки"/>
			<string key="lifecycle:transition" value="start"/>
			<string key="org:resource" value="Анна"/>
			<date key="time:timestamp" value="2011-10-01T00:38:44.546+02:00"/>
		</event>
		<event>
			<string key="concept:name" value="Ввод заявки"/>
			<string key="lifecycle:transition" value="COMPLETE"/>
			<string key="org:resource" value="Анна"/>
			<date key="time:timestamp" value="2011-10-01T00:48:44.546+02:00"/>
		</event>
	</trace>
	<trace>
		<event>
			<date key="time:timestamp" value="2011-10-02T10:00:00"/>
			<string key="concept:name" value="Проверка &lt;A&gt; &#1040;&#x411;"/>
			<list key="history">
				<values>
					<string key="concept:name" value="inner"/>
				</values>
			</list>
		</event>
		<string key="concept:name" value="case-2"/>
		<event><string key="concept:name" value="Ввод заявки"/><date key="time:timestamp" value="2011-10-02T09:00:00Z"/></event>
	</trace>
</log>
`

var lifecycleWant = []brief{
	{Case: "case-1", Activity: "Ввод заявки", Lifecycle: "start", Resource: "Анна",
		Time: at(time.UTC, 2011, 9, 30, 22, 38, 44).Add(546 * time.Millisecond), Line: 12},
	{Case: "case-1", Activity: "Ввод заявки", Lifecycle: "complete", Resource: "Анна",
		Time: at(time.UTC, 2011, 9, 30, 22, 48, 44).Add(546 * time.Millisecond), Line: 18},
	{Case: "case-2", Activity: "Проверка <A> АБ", Time: at(msk, 2011, 10, 2, 10, 0, 0), Line: 26},
	{Case: "case-2", Activity: "Ввод заявки", Time: at(time.UTC, 2011, 10, 2, 9, 0, 0), Line: 36},
}

func TestReadXESLifecycle(t *testing.T) {
	p, evs, err := readAll(t, []byte(lifecycleXES), msk)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != eventlog.XES || len(p.Samples) != 3 || p.Samples[0][0] != "case-1" || p.Samples[2][1] != "Проверка <A> АБ" {
		t.Errorf("preview %+v", p)
	}
	equalBriefs(t, evs, lifecycleWant)
	for _, e := range evs {
		if e.Process != "Закупки & оплата" {
			t.Errorf("process %q", e.Process)
		}
	}
}

func TestReadXESGzip(t *testing.T) {
	p, evs, err := readAll(t, gzipped(t, []byte(lifecycleXES)), msk)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != eventlog.XES || p.Container != eventlog.Gzip {
		t.Errorf("preview %+v", p)
	}
	equalBriefs(t, evs, lifecycleWant)
}

func TestReadCSVGzipAndZip(t *testing.T) {
	files := map[string][]byte{
		"csv.gz": gzipped(t, []byte(pm4pyCSV)),
		"zip":    zipped(t, "export/", "", "__MACOSX/._log.csv", "junk", "export/log.csv", pm4pyCSV),
	}
	_, want, err := readAll(t, []byte(pm4pyCSV), msk)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		p, evs, err := readAll(t, data, msk)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Format != eventlog.CSV || name == "zip" && (p.Container != eventlog.Zip || p.Member != "export/log.csv") {
			t.Errorf("%s: preview %+v", name, p)
		}
		equalBriefs(t, evs, briefs(want))
	}
	_, evs, err := readAll(t, zipped(t, "log.xes", lifecycleXES), msk)
	if err != nil {
		t.Fatal(err)
	}
	equalBriefs(t, evs, lifecycleWant)
}

func TestMalformedFiles(t *testing.T) {
	gz := gzipped(t, []byte(lifecycleXES))
	corrupt := append([]byte(nil), gz...)
	for i := 20; i < 40; i++ {
		corrupt[i] ^= 0xff
	}
	cut := strings.Index(lifecycleXES, `<event><string key="concept:name" value="Ввод`)
	tests := []struct {
		name string
		data string
		kind eventlog.FileErrorKind
		line int
	}{
		{"truncated xml", lifecycleXES[:cut], eventlog.Truncated, 36},
		{"xml cut inside a tag", lifecycleXES[:cut+20], eventlog.Truncated, 36},
		{"mismatched end tag", strings.Replace(lifecycleXES, "</trace>", "</event>", 1), eventlog.BadXML, 24},
		{"not xes", "<html><body>hello</body></html>", eventlog.BadXML, 1},
		{"truncated gzip", string(gz[:len(gz)/2]), eventlog.Corrupt, 0},
		{"corrupt gzip", string(corrupt), eventlog.Corrupt, 0},
		{"gzip header only", "\x1f\x8b\x08", eventlog.Corrupt, 0},
		{"corrupt zip", "PK\x03\x04 not really", eventlog.Corrupt, 0},
		{"zip of two logs", string(zipped(t, "a.csv", pm4pyCSV, "b.csv", pm4pyCSV)), eventlog.ZipEntries, 0},
		{"excel workbook", string(zipped(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")), eventlog.ExcelFile, 0},
		{"empty", "", eventlog.UnknownFormat, 0},
		{"binary", "\x00\x01\x02\x03abc", eventlog.UnknownFormat, 0},
	}
	for _, tt := range tests {
		_, _, err := readAll(t, []byte(tt.data), time.UTC)
		var fe *eventlog.FileError
		if !errors.As(err, &fe) || fe.Kind != tt.kind || fe.Line != tt.line {
			t.Errorf("%s: err %v, want %v at line %d", tt.name, err, tt.kind, tt.line)
		}
	}
}

func TestXESBadEvents(t *testing.T) {
	data := strings.Replace(lifecycleXES, "2011-10-01T00:48:44.546+02:00", "2011-02-30T00:00:00", 1)
	data = strings.Replace(data, `<string key="concept:name" value="case-2"/>`, "", 1)
	_, evs, err := readAll(t, []byte(data), time.UTC)
	var bad *eventlog.BadRowsError
	if !errors.As(err, &bad) {
		t.Fatalf("err %v", err)
	}
	want := []eventlog.RowError{
		{Line: 18, Column: "time:timestamp", Value: "2011-02-30T00:00:00", Kind: eventlog.BadTimestamp},
		{Line: 25, Column: "case:concept:name", Kind: eventlog.EmptyValue},
	}
	if len(bad.Rows) != 2 || bad.Rows[0] != want[0] || bad.Rows[1] != want[1] {
		t.Errorf("got %+v, want %+v", bad.Rows, want)
	}
	if len(evs) != 1 {
		t.Errorf("%d events, want 1", len(evs))
	}
}

// An error from emit stops the read and comes back as it is; a gzip's
// progress counts its compressed bytes up to the file's size.
func TestEmitErrorAndGzipProgress(t *testing.T) {
	data := gzipped(t, []byte(lifecycleXES))
	r := strings.NewReader(string(data))
	p, err := eventlog.Sniff(r, r.Size())
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop here")
	n := 0
	err = eventlog.Read(r, r.Size(), p, eventlog.Options{}, func(eventlog.Event) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("err %v after %d events", err, n)
	}
	var last eventlog.Progress
	err = eventlog.Read(r, r.Size(), p, eventlog.Options{Progress: func(pr eventlog.Progress) { last = pr }},
		func(eventlog.Event) error { return nil })
	if err != nil || last.Rows != 4 || last.Bytes != r.Size() || last.Total != r.Size() {
		t.Errorf("err %v, last progress %+v of %d bytes", err, last, r.Size())
	}
}
