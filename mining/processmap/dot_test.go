package processmap

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// labels are the test's English words, with durations in whole minutes.
var labels = Labels{
	Start: "Start", End: "End",
	Count:    strconv.Itoa,
	Duration: func(s float64) string { return strconv.FormatFloat(s/60, 'f', 1, 64) + " min" },
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", name, got)
	}
}

func TestWorkedExampleDOT(t *testing.T) {
	g := Build(workedExample(), 1)
	golden(t, "worked_frequency.dot", DOT(g, Frequency, labels))
	golden(t, "worked_durations.dot", DOT(g, Durations, labels))
}

func TestDOTLabels(t *testing.T) {
	g := Build(workedExample(), 1)
	freq, dur := string(DOT(g, Frequency, labels)), string(DOT(g, Durations, labels))
	for _, want := range []string{
		`rankdir=TB`, `fontname="DejaVu Sans"`, `start [label="Start"`, `end [label="End"`,
		`a1 [label="Ввод данных\n4"`, `a1 -> a2 [penwidth=6.00, label=" 4 "]`, `a2 -> a1 [penwidth=2.25, label=" 1 "]`,
		`start -> a0 [penwidth=4.75, style=dashed, color="#8FA3A8", label=" 3 "]`,
	} {
		if !strings.Contains(freq, want) {
			t.Errorf("frequency view lacks %s", want)
		}
	}
	for _, want := range []string{`a1 [label="Ввод данных\n12.5 min"`, `a3 [label="Согласование\n30.0 min"`, `a1 -> a2 [penwidth=6.00, label=" 17.5 min "]`, `a0 -> a1 [penwidth=4.75, label=" 13.3 min "]`,
		`start -> a0 [penwidth=4.75, style=dashed, color="#8FA3A8"]`} {
		if !strings.Contains(dur, want) {
			t.Errorf("durations view lacks %s", want)
		}
	}
	plain := string(DOT(g, Frequency, Labels{}))
	if !strings.Contains(plain, `a1 [label="Ввод данных\n4"`) || !strings.Contains(plain, `label=" 4 "`) {
		t.Errorf("without formats:\n%s", plain)
	}
}

func TestDOTEscapes(t *testing.T) {
	r := workedExample()
	r.ActivityStats[0].Name = `Ввод "срочных" C:\заявок` + "\nи {прочих} <b>;"
	g := Build(r, Levels)
	dot := string(DOT(g, Frequency, Labels{Start: `"Начало"\`, End: "Конец"}))
	for _, want := range []string{`\"срочных\" C:\\заявок\nи {прочих} <b>;\n4"`, `start [label="\"Начало\"\\"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Регистрация", []string{"Регистрация"}},
		{"Проверка   комплектности\tдокументов заявителя", []string{"Проверка комплектности", "документов заявителя"}},
		{strings.Repeat("слово ", 20), []string{"слово слово слово слово", "слово слово слово слово", "слово слово…"}},
	} {
		if got := wrap(c.in, 24, 60); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
