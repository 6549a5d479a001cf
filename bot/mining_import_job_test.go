package bot

import (
	"testing"
	"time"

	"processet/domain"
	"processet/i18n"
	"processet/mining/eventlog"
)

func TestEstimateRows(t *testing.T) {
	for _, c := range []struct {
		p    eventlog.Progress
		want int64
	}{
		{eventlog.Progress{}, 0},
		{eventlog.Progress{Rows: 10_000, Bytes: 1 << 20, Total: 4 << 20}, 40_000},
		{eventlog.Progress{Rows: 30_123, Bytes: 4 << 20, Total: 4 << 20}, 30_123}, // read to the end: the count itself
		{eventlog.Progress{Rows: 5, Bytes: 0, Total: 100}, 0},
	} {
		if got := estimateRows(c.p); got != c.want {
			t.Errorf("%+v: got %d, want %d", c.p, got, c.want)
		}
	}
}

func TestImportProgressText(t *testing.T) {
	ru, en := i18n.New(domain.LangRU, time.UTC), i18n.New(domain.LangEN, time.UTC)
	for _, c := range []struct {
		tr   i18n.Printer
		s    importState
		want string
	}{
		{ru, importState{stage: stageReading}, "Импортирую «Счета &lt;1&gt;»…"},
		{ru, importState{stage: stageReading, rows: 120_000, total: 262_000, percent: 45.8},
			"Импортирую «Счета &lt;1&gt;»: чтение — прочитано строк: " + ru.Int(120_000) + " из ≈" + ru.Int(262_000) + " (" + ru.Percent(45.8) + ")"},
		{en, importState{stage: stageReading, rows: 120_000, total: 262_000, percent: 45.8},
			"Importing “Счета &lt;1&gt;”: reading — rows read: 120,000 of about 262,000 (45.8%)"},
		{ru, importState{stage: stageStoring, rows: 262_000}, "Импортирую «Счета &lt;1&gt;»: сохраняю " + ru.Int(262_000) + " строк…"},
		{ru, importState{stage: stageRecomputing}, "«Счета &lt;1&gt;» сохранён. Пересчитываю процессы…"},
		{en, importState{stage: stageRecomputing, done: 3, procs: 10}, "“Счета &lt;1&gt;” stored. Recompute: 3 of 10 processes"},
	} {
		if got := importProgressText(c.tr, "Счета <1>", c.s); got != c.want {
			t.Errorf("%+v:\n got %s\nwant %s", c.s, got, c.want)
		}
	}
}
