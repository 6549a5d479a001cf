package main

import (
	"slices"
	"testing"
)

func TestImportArgs(t *testing.T) {
	opt, err := importArgs([]string{"a.csv", "--process", "Закупки", "b.xes", "--", "--odd.csv"})
	if err != nil || opt.Process != "Закупки" || !slices.Equal(opt.Files, []string{"a.csv", "b.xes", "--odd.csv"}) {
		t.Errorf("got %+v, %v", opt, err)
	}
	if opt, err = importArgs([]string{"--process=Оплата", "c.csv"}); err != nil || opt.Process != "Оплата" || len(opt.Files) != 1 {
		t.Errorf("--process=: got %+v, %v", opt, err)
	}
	for _, bad := range [][]string{nil, {"--process"}, {"--process", "X"}, {"--replace", "a.csv"}} {
		if _, err := importArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestRestoreArgs(t *testing.T) {
	if file, force, err := restoreArgs([]string{"--force", "a.dump"}); err != nil || file != "a.dump" || !force {
		t.Errorf("got %q %v %v", file, force, err)
	}
	if file, force, err := restoreArgs([]string{"a.dump"}); err != nil || file != "a.dump" || force {
		t.Errorf("got %q %v %v", file, force, err)
	}
	for _, bad := range [][]string{nil, {"--force"}, {"a.dump", "b.dump"}, {"--clean", "a.dump"}} {
		if _, _, err := restoreArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
