package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"processet/demo"
	"processet/domain"
	"processet/i18n"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/mining"
	"processet/mining/eventlog/eventlogtest"
)

// importLog stores a small generated log of two processes through the
// mining service, as an upload or `processet import` would.
func importLog(t *testing.T, a *apptest.App) *mining.Service {
	t.Helper()
	svc := mining.New(a.DB, mining.Config{}, nil, nil)
	byProcess := map[string][]domain.MiningEvent{}
	for _, e := range eventlogtest.Generate(eventlogtest.Config{Seed: 8, Processes: 2, Cases: 120, Activities: 6}) {
		byProcess[e.Process] = append(byProcess[e.Process], mining.MiningEvent(e))
	}
	for name, evs := range byProcess {
		if _, err := svc.Import(context.Background(), name, mining.Events(evs), []byte(name)); err != nil {
			t.Fatalf("import %s: %v", name, err)
		}
	}
	return svc
}

// computed is the end of a run over the demo company's processes and n
// more.
func computed(n int) string {
	return fmt.Sprintf("Рассчитано процессов: %d.", len(demo.Logs())+n)
}

// waitForContent waits until the bot's message msg reads want (in its text
// or caption) and returns it as it is then.
func waitForContent(t *testing.T, tg *telegramtest.Server, msg *telegramtest.Message, want string) *telegramtest.Message {
	t.Helper()
	var found *telegramtest.Message
	testwait.Eventually(t, "message reads "+want, func() bool {
		for _, m := range tg.Messages(msg.ChatID) {
			if m.ID == msg.ID && strings.Contains(m.Text+m.Caption, want) {
				found = m
				return true
			}
		}
		return false
	})
	return found
}

func TestMiningGetData(t *testing.T) {
	tg, a := start(t)
	importLog(t, a)
	tg.SendText(admin, "/mining")
	card := tg.WaitForPhoto(t, admin.ID)
	if strings.Contains(card.Caption, eventlogtest.ProcessName(0)) {
		t.Fatalf("the log shows before a recompute: %q", card.Caption)
	}
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	if ans.ShowAlert || ans.Text != "Пересчёт запущен" {
		t.Errorf("answer %+v", ans)
	}
	progress := tg.WaitForText(t, admin.ID)
	if !strings.Contains(progress.Text, "Получение данных Task Mining") && !strings.Contains(progress.Text, "обновлены") {
		t.Errorf("progress %q", progress.Text)
	}
	waitForContent(t, tg, progress, computed(2))
	card = waitForContent(t, tg, card, eventlogtest.ProcessName(0))
	checkCard(t, card)
	if !strings.Contains(card.Caption, eventlogtest.ProcessName(1)) {
		t.Errorf("refreshed dashboard %q", card.Caption)
	}
	if n := botMessages(tg, admin.ID); n != 2 {
		t.Errorf("%d bot messages, want the card and the progress", n)
	}
	// The home tile reads the same figures as the area.
	sum, err := mining.New(a.DB, mining.Config{}, nil, nil).Dashboard(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tr := i18n.New(domain.LangRU, time.UTC)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "🏠 Главная"))
	home := tg.WaitForEdit(t, card)
	for _, want := range []string{tr.Decimal(sum.Hours, 0), tr.Percent(sum.PotentialPct())} {
		if !strings.Contains(card.Caption, want) || !strings.Contains(home.Caption, want) {
			t.Errorf("%q not on both the dashboard %q and home %q", want, card.Caption, home.Caption)
		}
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, home, "Task Mining"))
	card = tg.WaitForEdit(t, home)

	// A run that another process holds: this one does not start a second.
	release, ok, err := a.DB.TryMiningLock(context.Background())
	if err != nil || !ok {
		t.Fatalf("take the lock: %v %v", ok, err)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	waitForContent(t, tg, tg.WaitForText(t, admin.ID), "уже выполняется")
	release()

	// A run held up writing its results (the table locked here): a second
	// press while it runs is told so at once and starts nothing.
	ctx := context.Background()
	tx, err := a.DB.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, "lock table mining_results in access exclusive mode"); err != nil {
		t.Fatal(err)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	progress = tg.WaitForText(t, admin.ID)
	before := botMessages(tg, admin.ID)
	ans = tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	if !ans.ShowAlert || !strings.Contains(ans.Text, "уже выполняется") {
		t.Errorf("second press answered %+v", ans)
	}
	if n := botMessages(tg, admin.ID); n != before {
		t.Errorf("second press sent %d messages", n-before)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	waitForContent(t, tg, progress, computed(2))
	tg.AssertAllCallbacksAnswered(t)
}

func TestMiningGetDataIsForManagers(t *testing.T) {
	tg, _ := start(t)
	approve(t, tg, newcomer)
	tg.SendText(newcomer, "/mining")
	card := tg.WaitForPhoto(t, newcomer.ID)
	if card.HasButton("📥 Получить данные") {
		t.Error("an employee sees «Получить данные»")
	}
	id := tg.PressData(newcomer, card, "\fmine_run")
	if ans := tg.WaitForCallbackAnswer(t, id); ans.Text == "Пересчёт запущен" {
		t.Errorf("an employee started a recompute: %+v", ans)
	}
}

func TestMiningExplore(t *testing.T) {
	tg, a := start(t)
	svc := importLog(t, a)
	if _, err := svc.Recompute(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	approve(t, tg, newcomer) // an employee may look
	tg.SendText(newcomer, "/mining")
	card := tg.WaitForPhoto(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, card, "🔍 Исследовать"))
	list := tg.WaitForText(t, newcomer.ID)
	for _, want := range []string{"процессы по потенциалу", eventlogtest.ProcessName(0), eventlogtest.ProcessName(1), "оп./год", "ч/год", "потенциал"} {
		if !strings.Contains(list.Text, want) {
			t.Errorf("list lacks %q:\n%s", want, list.Text)
		}
	}
	first := strings.SplitN(strings.SplitN(list.Text, "1. ", 2)[1], "\n", 2)[0]

	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, list, "1"))
	proc := tg.WaitForEdit(t, list)
	if !strings.HasPrefix(proc.Text, first) {
		t.Errorf("card of %q opened from the list's first %q", proc.Text[:min(40, len(proc.Text))], first)
	}
	for _, want := range []string{"Случаев: ", "событий: ", "действий: ", "вариантов: ", "вариант 1: ", "случаев · ",
		"Время прохождения: медиана ", "Случаев с повторами: ", "Действия", "автоматизируемо", eventlogtest.ActivityName(0)} {
		if !strings.Contains(proc.Text, want) {
			t.Errorf("card lacks %q:\n%s", want, proc.Text)
		}
	}
	if n := len([]rune(proc.Source)); n >= 4096 {
		t.Errorf("card is %d characters", n)
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, proc, "◀ К списку"))
	if back := tg.WaitForEdit(t, proc); back.Text != list.Text {
		t.Errorf("back to the list reads:\n%s", back.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, proc, "🏠 Главная"))
	if home := tg.WaitForPhoto(t, newcomer.ID); !strings.Contains(home.Caption, "Processet · Главная") {
		t.Errorf("home: %q", home.Caption)
	}
	tg.AssertAllCallbacksAnswered(t)
}

func TestMiningGetDataReadsTheFolder(t *testing.T) {
	dir := t.TempDir()
	var csv bytes.Buffer
	if err := eventlogtest.WriteCSV(&csv, eventlogtest.Generate(eventlogtest.Config{Seed: 3, Cases: 40, Activities: 5}), eventlogtest.Disco); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Закупки.csv"), csv.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Demo: true, MiningDir: dir})
	tg.SendText(admin, "/mining")
	card := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	waitForContent(t, tg, tg.WaitForText(t, admin.ID), computed(1))
	card = tg.WaitForEdit(t, card)
	if !strings.Contains(card.Caption, "Закупки") && !strings.Contains(card.Caption, eventlogtest.ProcessName(0)) {
		t.Errorf("the folder's log is not on the dashboard: %q", card.Caption)
	}

	// Pressed again, the same file stores nothing new and the run goes on.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📥 Получить данные"))
	waitForContent(t, tg, tg.WaitForText(t, admin.ID), computed(1))
}
