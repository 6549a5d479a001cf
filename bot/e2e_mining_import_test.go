package bot_test

import (
	"context"
	"strings"
	"testing"

	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// invoiceLog is a small CSV log: two cases, three activities, two variants.
const invoiceLog = "Case ID;Activity;Timestamp;Resource\n" +
	"A1;Приём счёта;2024-03-01 09:00:00;Анна\n" +
	"A1;Проверка счёта;2024-03-01 10:00:00;Анна\n" +
	"A1;Оплата;2024-03-02 12:00:00;Борис\n" +
	"A2;Приём счёта;2024-03-04 09:30:00;Анна\n" +
	"A2;Оплата;2024-03-05 11:00:00;Борис\n"

func miningCounts(t *testing.T, a *apptest.App) (imports, events int) {
	t.Helper()
	ctx := context.Background()
	if err := a.DB.Pool().QueryRow(ctx, `select (select count(*) from mining_imports), (select count(*) from mining_events)`).Scan(&imports, &events); err != nil {
		t.Fatal(err)
	}
	return imports, events
}

// TestManagerImportsEventLog: a manager sends a CSV, reads the mapping and
// the first rows, confirms, and gets the summary; the same file again
// imports nothing.
func TestManagerImportsEventLog(t *testing.T) {
	tg, a := start(t)
	imports0, events0 := miningCounts(t, a)
	tg.SendDocument(admin, "Счета.csv", []byte(invoiceLog), "")
	screen := tg.WaitForText(t, admin.ID)
	for _, want := range []string{"Формат: CSV", "Процесс: Счета", "Случай: «Case ID»", "Операция: «Activity»",
		"Окончание: «Timestamp»", "Исполнитель: «Resource»", "Начало: —", "1. A1 | Приём счёта", "3. A1 | Оплата"} {
		if !strings.Contains(screen.Text, want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, screen.Text)
		}
	}
	if actions := tg.ChatActions(admin.ID); len(actions) == 0 || actions[len(actions)-1] != "upload_document" {
		t.Fatalf("chat actions %v, want upload_document", actions)
	}
	if i, e := miningCounts(t, a); i != imports0 || e != events0 {
		t.Fatalf("stored before Import: %d imports, %d events", i, e)
	}

	// Moving the resource role to the next column and back keeps the screen one message.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Исполнитель ↻"))
	moved := tg.WaitForEdit(t, screen)
	if !strings.Contains(moved.Text, "Исполнитель: —") {
		t.Fatalf("resource after one press:\n%s", moved.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, moved, "Исполнитель ↻"))
	back := tg.WaitForEdit(t, moved)
	if !strings.Contains(back.Text, "Исполнитель: «Resource»") || !strings.Contains(back.Text, "Случай: «Case ID»") {
		t.Fatalf("resource after two presses (the only free column):\n%s", back.Text)
	}
	// A required role with no free column stays where it is.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, back, "Случай ↻"))

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, back, "Импортировать"))
	var summary *telegramtest.Message
	for summary = tg.WaitForEdit(t, back); !strings.Contains(summary.Text, "Импортировано"); summary = tg.WaitForEdit(t, summary) {
	}
	for _, want := range []string{"Импортировано: Счета", "Случаев: 2", "Событий: 5 (новых: 5)", "Действий: 3", "Вариантов: 2",
		"Период: 01.03.2024 — 05.03.2024"} {
		if !strings.Contains(summary.Text, want) {
			t.Fatalf("summary lacks %q:\n%s", want, summary.Text)
		}
	}
	if i, e := miningCounts(t, a); i != imports0+1 || e != events0+5 {
		t.Fatalf("after Import: %d imports, %d events", i, e)
	}

	tg.SendDocument(admin, "Счета-копия.csv", []byte(invoiceLog), "")
	again := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, again, "Импортировать"))
	var dup *telegramtest.Message
	for dup = tg.WaitForEdit(t, again); !strings.Contains(dup.Text, "уже импортирован"); dup = tg.WaitForEdit(t, dup) {
	}
	if i, e := miningCounts(t, a); i != imports0+1 || e != events0+5 {
		t.Fatalf("after the same file twice: %d imports, %d events", i, e)
	}
	tg.AssertAllCallbacksAnswered(t)
}

// TestEmployeeCannotImport: an employee's document gets a short refusal
// and is never downloaded.
func TestEmployeeCannotImport(t *testing.T) {
	tg, a := start(t)
	approve(t, tg, newcomer)
	imports0, _ := miningCounts(t, a) // the demo company's
	tg.SendDocument(newcomer, "log.csv", []byte(invoiceLog), "")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "только руководители") {
		t.Fatalf("employee got %q", m.Text)
	}
	if calls := tg.Calls("getFile"); len(calls) != 0 {
		t.Fatalf("the bot fetched an employee's file: %v", calls)
	}
	if i, _ := miningCounts(t, a); i != imports0 {
		t.Fatalf("%d imports, %d before", i, imports0)
	}
}

// TestBadLogStoresNothing: a bad date names its line and column, in the
// user's language, and nothing is stored.
func TestBadLogStoresNothing(t *testing.T) {
	tg, a := start(t)
	imports0, events0 := miningCounts(t, a) // the demo company's
	bad := "ID случая;Операция;Дата\n1;Приём;01.03.2024 09:00\n1;Оплата;31.02.2024\n"
	tg.SendDocument(admin, "bad.csv", []byte(bad), "")
	screen := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Импортировать"))
	var m *telegramtest.Message
	for m = tg.WaitForEdit(t, screen); !strings.Contains(m.Text, "ничего не сохранено"); m = tg.WaitForEdit(t, m) {
	}
	if !strings.Contains(m.Text, "строка 3: в колонке «Дата» не дата: «31.02.2024»") {
		t.Fatalf("error message:\n%s", m.Text)
	}
	// Import pressed again (a second tap, an old button) finds the file gone.
	rows := screen.Buttons()
	goData := rows[len(rows)-1][0].Data
	tg.WaitForCallbackAnswer(t, tg.PressData(admin, m, goData))
	if gone := tg.WaitForEdit(t, m); !strings.Contains(gone.Text, "уже не ждёт импорта") {
		t.Fatalf("second Import:\n%s", gone.Text)
	}
	if i, e := miningCounts(t, a); i != imports0 || e != events0 {
		t.Fatalf("a bad file stored %d imports, %d events", i-imports0, e-events0)
	}
}

// TestLargeDocumentNamesOtherWays: over 20 MB the bot does not try getFile
// and names the command line, the folder and a local Bot API server.
func TestLargeDocumentNamesOtherWays(t *testing.T) {
	tg, _ := start(t)
	tg.SendLargeDocument(admin, "big.csv", 25<<20)
	m := tg.WaitForText(t, admin.ID)
	for _, want := range []string{"25.0 МБ", "20 МБ", "processet import", "MINING_DIR", "Bot API"} {
		if !strings.Contains(m.Text, want) {
			t.Fatalf("size message lacks %q: %s", want, m.Text)
		}
	}
	if calls := tg.Calls("getFile"); len(calls) != 0 {
		t.Fatalf("getFile on a 25 MB file: %v", calls)
	}
}

// TestImportWaitsAcrossRestart: the file sent waits in the database, so
// the bot restarted on it shows the same screen's buttons working; the
// import runs as a job that edits the message through its stages into the
// summary.
func TestImportWaitsAcrossRestart(t *testing.T) {
	ctx := context.Background()
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	first := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}})
	tg.SendDocument(admin, "Счета.csv", []byte(invoiceLog), "")
	screen := tg.WaitForText(t, admin.ID)
	if !strings.Contains(screen.Text, "Исполнитель: «Resource»") {
		t.Fatalf("confirmation:\n%s", screen.Text)
	}
	// The next long poll confirms the document: the restarted bot is not
	// handed it again.
	testwait.Eventually(t, "the poll after the document", func() bool { return tg.PollsOpen() > 0 })
	first.Stop()

	second := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, DatabaseURL: first.URL})
	var uploads, bytes int
	if err := second.DB.Pool().QueryRow(ctx, `select count(*), coalesce(sum(length(f.content)), 0)
		from mining_uploads u join mining_upload_files f using (key)`).Scan(&uploads, &bytes); err != nil {
		t.Fatal(err)
	}
	if uploads != 1 || bytes != len(invoiceLog) {
		t.Fatalf("after the restart: %d uploads of %d bytes", uploads, bytes)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Исполнитель ↻"))
	moved := tg.WaitForEdit(t, screen)
	if !strings.Contains(moved.Text, "Исполнитель: —") {
		t.Fatalf("resource after the press:\n%s", moved.Text)
	}
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, admin, moved, "Импортировать"))
	if ans.Text != "Импорт запущен" {
		t.Errorf("Import answered %+v", ans)
	}
	summary := waitForContent(t, tg, moved, "Импортировано: Счета")
	for _, want := range []string{"Случаев: 2", "Событий: 5 (новых: 5)", "Действий: 3", "Вариантов: 2",
		"Период: 01.03.2024 — 05.03.2024"} {
		if !strings.Contains(summary.Text, want) {
			t.Fatalf("summary lacks %q:\n%s", want, summary.Text)
		}
	}
	// Every stage changed the message as it began: reading, storing,
	// recomputing, then the summary.
	edits := tg.EditedTexts(moved.ID)
	stages := []string{"Импортирую «Счета.csv»…", "Импортирую «Счета»: сохраняю 5 строк…", "«Счета» сохранён. Пересчитываю процессы…",
		"Импортировано: Счета"}
	i := 0
	for _, e := range edits {
		if i < len(stages) && strings.Contains(e, stages[i]) {
			i++
		}
	}
	if i != len(stages) {
		t.Errorf("edits %q lack the stage %q", edits, stages[i])
	}
	testwait.Eventually(t, "the import job completed", func() bool {
		var state string
		err := second.DB.Pool().QueryRow(ctx, `select state from river_job where kind = 'mining_import'`).Scan(&state)
		return err == nil && state == "completed"
	})
	var resources, left int
	if err := second.DB.Pool().QueryRow(ctx, `select (select count(*) from mining_resources), (select count(*) from mining_uploads)`).
		Scan(&resources, &left); err != nil {
		t.Fatal(err)
	}
	if resources != 0 || left != 0 {
		t.Errorf("after the import: %d resources (the column was unassigned), %d uploads left", resources, left)
	}
	tg.AssertAllCallbacksAnswered(t)
}
