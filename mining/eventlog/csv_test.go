package eventlog_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"processet/mining/eventlog"
	"processet/mining/eventlog/eventlogtest"
)

// pm4pyCSV is what pm4py's to_csv writes, unnamed index column first; the
// fourth event's activity holds a newline inside quotes, and the third
// has no offset, so it is in the given location (Moscow).
const pm4pyCSV = `,case:concept:name,concept:name,time:timestamp,org:resource
0,1,Регистрация,2024-03-01 09:00:00+03:00,Анна
1,1,Проверка,2024-03-01T07:30:00Z,Борис
2,2,Регистрация,2024-03-02 09:00:00,Анна
3,1,"Ввод
данных",2024-03-01 11:00:00.250+03:00,
`

func TestReadSmallCSV(t *testing.T) {
	p, evs, err := readAll(t, []byte(pm4pyCSV), msk)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != eventlog.CSV || p.Container != eventlog.Plain || p.Encoding != eventlog.UTF8 || p.Delimiter != ',' {
		t.Errorf("preview %+v", p)
	}
	want := eventlog.NoMapping()
	want[eventlog.RoleCase], want[eventlog.RoleActivity], want[eventlog.RoleEnd], want[eventlog.RoleResource] = 1, 2, 3, 4
	if p.Mapping != want {
		t.Errorf("mapping %v, want %v", p.Mapping, want)
	}
	wantSamples := [][]string{
		{"0", "1", "Регистрация", "2024-03-01 09:00:00+03:00", "Анна"},
		{"1", "1", "Проверка", "2024-03-01T07:30:00Z", "Борис"},
		{"2", "2", "Регистрация", "2024-03-02 09:00:00", "Анна"},
	}
	if !reflect.DeepEqual(p.Samples, wantSamples) {
		t.Errorf("samples %q", p.Samples)
	}
	equalBriefs(t, evs, []brief{
		{Case: "1", Activity: "Регистрация", Time: at(time.UTC, 2024, 3, 1, 6, 0, 0), Resource: "Анна", Line: 2},
		{Case: "1", Activity: "Проверка", Time: at(time.UTC, 2024, 3, 1, 7, 30, 0), Resource: "Борис", Line: 3},
		{Case: "2", Activity: "Регистрация", Time: at(time.UTC, 2024, 3, 2, 6, 0, 0), Resource: "Анна", Line: 4},
		{Case: "1", Activity: "Ввод\nданных", Time: at(time.UTC, 2024, 3, 1, 8, 0, 0).Add(250 * time.Millisecond), Line: 5},
	})
}

// A Disco export with a BOM, tabs, start and complete times and a
// process column.
func TestReadStartAndComplete(t *testing.T) {
	data := "\ufeffCase ID\tActivity\tStart Timestamp\tComplete Timestamp\tResource\tProcess\n" +
		"A-1\tВвод заявки\t2024/03/01 09:00:00.000\t2024/03/01 09:20:30.500\tuser1\tЗакупки\n" +
		"A-1\tСверка\t2024/03/01 10:00:00.000\t2024/03/01 10:45:00.000\tuser2\tЗакупки\n" +
		"\t\t\t\t\t\n" + // a blank row Excel leaves
		"A-2\tВвод заявки\t\t2024/03/02 12:00:00.000\tuser1\tЗакупки\n"
	p, evs, err := readAll(t, []byte(data), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != eventlog.UTF8BOM || p.Delimiter != '\t' || p.Header[0] != "Case ID" {
		t.Errorf("preview %+v", p)
	}
	m := p.Mapping
	if m[eventlog.RoleCase] != 0 || m[eventlog.RoleActivity] != 1 || m[eventlog.RoleStart] != 2 ||
		m[eventlog.RoleEnd] != 3 || m[eventlog.RoleResource] != 4 || m[eventlog.RoleProcess] != 5 {
		t.Errorf("mapping %v", m)
	}
	equalBriefs(t, evs, []brief{
		{Case: "A-1", Activity: "Ввод заявки", Start: at(time.UTC, 2024, 3, 1, 9, 0, 0),
			Time: at(time.UTC, 2024, 3, 1, 9, 20, 30).Add(500 * time.Millisecond), Resource: "user1", Line: 2},
		{Case: "A-1", Activity: "Сверка", Start: at(time.UTC, 2024, 3, 1, 10, 0, 0),
			Time: at(time.UTC, 2024, 3, 1, 10, 45, 0), Resource: "user2", Line: 3},
		{Case: "A-2", Activity: "Ввод заявки", Time: at(time.UTC, 2024, 3, 2, 12, 0, 0), Resource: "user1", Line: 5},
	})
	if evs[0].Process != "Закупки" {
		t.Errorf("process %q", evs[0].Process)
	}
}

// oneC is a semicolon export from 1C: a bare quote inside a field, a
// decimal comma and day-first dates without seconds.
const oneC = `ID случая;Операция;Дата начала;Дата;Исполнитель;Контрагент;Сумма
Заявка 000123;Ввод документа;01.03.2024 9:05;01.03.2024 09:30:15;Иванов И. И.;ООО "Ромашка";1 234,50
Заявка 000123;Проверка оплаты;;1.3.2024 14:00;Петрова Е.;ООО "Ромашка";1 234,50
Заявка 000124;Ввод документа;02.03.2024;02.03.2024 10:00;Иванов И. И.;ИП Ёлкин;99,00
`

func TestReadWindows1251From1C(t *testing.T) {
	data := eventlogtest.Windows1251([]byte(oneC))
	if strings.Contains(string(data), "Заявка") {
		t.Fatal("test data is not in Windows-1251")
	}
	p, evs, err := readAll(t, data, msk)
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != eventlog.Windows1251 || p.Delimiter != ';' {
		t.Errorf("encoding %v, delimiter %q", p.Encoding, p.Delimiter)
	}
	if p.Header[1] != "Операция" || p.Samples[0][5] != `ООО "Ромашка"` {
		t.Errorf("header %q, samples %q", p.Header, p.Samples)
	}
	m := p.Mapping
	if m[eventlog.RoleCase] != 0 || m[eventlog.RoleActivity] != 1 || m[eventlog.RoleStart] != 2 ||
		m[eventlog.RoleEnd] != 3 || m[eventlog.RoleResource] != 4 || m[eventlog.RoleProcess] != -1 {
		t.Errorf("mapping %v", m)
	}
	equalBriefs(t, evs, []brief{
		{Case: "Заявка 000123", Activity: "Ввод документа", Start: at(msk, 2024, 3, 1, 9, 5, 0),
			Time: at(msk, 2024, 3, 1, 9, 30, 15), Resource: "Иванов И. И.", Line: 2},
		{Case: "Заявка 000123", Activity: "Проверка оплаты", Time: at(msk, 2024, 3, 1, 14, 0, 0), Resource: "Петрова Е.", Line: 3},
		{Case: "Заявка 000124", Activity: "Ввод документа", Start: at(msk, 2024, 3, 2, 0, 0, 0),
			Time: at(msk, 2024, 3, 2, 10, 0, 0), Resource: "Иванов И. И.", Line: 4},
	})
}

func TestCSVBadDate(t *testing.T) {
	data := "ID случая;Операция;Дата\n1;А;01.02.2024\n1;Б;02.02.2024\n2;А;31.02.2024\n2;Б;03.02.2024\n"
	_, evs, err := readAll(t, []byte(data), time.UTC)
	var bad *eventlog.BadRowsError
	if !errors.As(err, &bad) {
		t.Fatalf("err %v, want BadRowsError", err)
	}
	want := []eventlog.RowError{{Line: 4, Column: "Дата", Value: "31.02.2024", Kind: eventlog.BadTimestamp}}
	if !reflect.DeepEqual(bad.Rows, want) || bad.Stopped {
		t.Errorf("got %+v, want %+v", bad, want)
	}
	if len(evs) != 3 {
		t.Errorf("%d good events emitted, want 3", len(evs))
	}
}

func TestCSVTooManyBadRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("case,activity,timestamp\n")
	b.WriteString("1,A,2024-01-01 10:00\n") // line 2
	b.WriteString(",A,2024-01-01 10:00\n")  // 3: no case
	b.WriteString("1,,2024-01-01 10:00\n")  // 4: no activity
	b.WriteString("1,A,yesterday\n")        // 5
	b.WriteString("1,A\n")                  // 6: short
	b.WriteString("1,A,2024-13-01\n")       // 7
	b.WriteString("1,A,2024-01-01 25:00\n") // 8: the sixth bad row
	b.WriteString("1,A,2024-01-01 10:00\n") // 9: never read
	var evs int
	data := []byte(b.String())
	_, all, err := readAll(t, data, nil)
	evs = len(all)
	var bad *eventlog.BadRowsError
	if !errors.As(err, &bad) {
		t.Fatalf("err %v", err)
	}
	want := []eventlog.RowError{
		{Line: 3, Column: "case", Kind: eventlog.EmptyValue},
		{Line: 4, Column: "activity", Kind: eventlog.EmptyValue},
		{Line: 5, Column: "timestamp", Value: "yesterday", Kind: eventlog.BadTimestamp},
		{Line: 6, Column: "timestamp", Kind: eventlog.ShortRow},
		{Line: 7, Column: "timestamp", Value: "2024-13-01", Kind: eventlog.BadTimestamp},
	}
	if !reflect.DeepEqual(bad.Rows, want) || !bad.Stopped {
		t.Errorf("got %+v\nwant %+v, stopped", bad, want)
	}
	if evs != 1 {
		t.Errorf("%d events, want 1", evs)
	}
}

func TestCSVMissingColumn(t *testing.T) {
	data := []byte("Case ID,Activity,Resource\n1,A,anna\n")
	r := strings.NewReader(string(data))
	p, err := eventlog.Sniff(r, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Mapping[eventlog.RoleEnd] != -1 {
		t.Fatalf("mapping %v", p.Mapping)
	}
	err = eventlog.Read(r, int64(len(data)), p, eventlog.Options{}, func(eventlog.Event) error {
		t.Fatal("event emitted")
		return nil
	})
	var miss *eventlog.MissingColumnsError
	if !errors.As(err, &miss) || !reflect.DeepEqual(miss.Roles, []eventlog.Role{eventlog.RoleEnd}) {
		t.Fatalf("err %v", err)
	}
	// the user gives the role by hand: column 2 is not a date
	p.Mapping.Set(eventlog.RoleEnd, 2)
	if p.Mapping[eventlog.RoleResource] != -1 {
		t.Errorf("Set left the column two roles: %v", p.Mapping)
	}
	_, _, err = readAll(t, data, nil)
	if !errors.As(err, &miss) {
		t.Fatalf("err %v", err)
	}
}

func TestCSVProgress(t *testing.T) {
	evs := eventlogtest.Generate(eventlogtest.Config{Seed: 1, Cases: 100, Activities: 10})
	var b strings.Builder
	if err := eventlogtest.WriteCSV(&b, evs, eventlogtest.PM4Py); err != nil {
		t.Fatal(err)
	}
	r := strings.NewReader(b.String())
	p, err := eventlog.Sniff(r, r.Size())
	if err != nil {
		t.Fatal(err)
	}
	var got []eventlog.Progress
	err = eventlog.Read(r, r.Size(), p, eventlog.Options{ProgressEvery: 300, Progress: func(pr eventlog.Progress) {
		got = append(got, pr)
	}}, func(eventlog.Event) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if len(got) != len(evs)/300+1 || last.Rows != int64(len(evs)) || last.Bytes != r.Size() || last.Total != r.Size() {
		t.Errorf("%d reports, last %+v, events %d, size %d", len(got), last, len(evs), r.Size())
	}
	for i := 1; i < len(got); i++ {
		if got[i].Rows <= got[i-1].Rows || got[i].Bytes < got[i-1].Bytes {
			t.Errorf("progress went back: %+v", got)
		}
	}
}

func TestDetectColumns(t *testing.T) {
	none := -1
	tests := []struct {
		header                                   string
		cas, act, end, start, res, proc, lifecyc int
	}{
		{",case:concept:name,concept:name,time:timestamp,start_timestamp,org:resource,lifecycle:transition", 1, 2, 3, 4, 5, none, 6},
		{"Case ID,Activity,Start Timestamp,Complete Timestamp,Resource", 0, 1, 3, 2, 4, none, none},
		{"Timestamp,Activity,Case ID", 2, 1, 0, none, none, none, none},
		{"_CASE_KEY,ACTIVITY_EN,EVENTTIME,USER_NAME", 0, 1, 2, none, 3, none, none},
		{"ID случая,Операция,Дата,Исполнитель,Процесс", 0, 1, 2, none, 3, 4, none},
		{"Номер документа,Действие,Дата начала операции,Дата окончания,Ответственный", 0, 1, 3 - 0, 2, 4, none, none},
		{"Кейс,Событие,Дата операции", 0, 1, 2, none, none, none, none},
		{"a,b,c", none, none, none, none, none, none, none},
	}
	for _, tt := range tests {
		got := eventlog.DetectColumns(strings.Split(tt.header, ","))
		want := eventlog.Mapping{tt.cas, tt.act, tt.end, tt.start, tt.res, tt.proc, tt.lifecyc}
		if got != want {
			t.Errorf("%s:\n got %v\nwant %v", tt.header, got, want)
		}
	}
}

// countingReaderAt counts the bytes read through it.
type countingReaderAt struct {
	r *strings.Reader
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

// Sniff reads the start of a large log, not all of it.
func TestSniffReadsLittle(t *testing.T) {
	evs := eventlogtest.Generate(eventlogtest.Config{Seed: 5, Cases: 3000, Activities: 24})
	var b strings.Builder
	if err := eventlogtest.WriteCSV(&b, evs, eventlogtest.Disco); err != nil {
		t.Fatal(err)
	}
	r := &countingReaderAt{r: strings.NewReader(b.String())}
	p, err := eventlog.Sniff(r, r.r.Size())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Samples) != 3 || r.n > 512<<10 || r.r.Size() < 4<<20 {
		t.Errorf("%d samples, read %d bytes of %d", len(p.Samples), r.n, r.r.Size())
	}
}
