package bot_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"processet/demo"
	"processet/domain"
	"processet/i18n"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

// startWithoutDemo is start with an empty company: no demo rows, no demo
// logs.
func startWithoutDemo(t *testing.T) (*telegramtest.Server, *apptest.App) {
	t.Helper()
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	return tg, apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}})
}

// TestDemoLogsThroughTheChat sends two of the demo company's shipped logs
// (the 1C export in Windows-1251, the XES with lifecycle transitions) to
// the bot as a manager would: the summary states the counts the demo's
// process card states, and once computed every figure of the process is
// the demo's.
func TestDemoLogsThroughTheChat(t *testing.T) {
	tg, a := startWithoutDemo(t)
	ctx := context.Background()
	msk, err := time.LoadLocation("Europe/Moscow") // the app's default TIMEZONE
	if err != nil {
		t.Fatal(err)
	}
	now := demo.LogsEnd.Add(26 * time.Hour) // the logs as shipped, not moved
	demoDB := storage.New(testdb.New(t))
	demoSvc := mining.New(demoDB, mining.Config{}, func() time.Time { return now }, nil)
	if err := demo.Load(ctx, demoDB, demoSvc, now, msk, false); err != nil {
		t.Fatal(err)
	}
	cards := map[string]domain.ProcessResult{}
	ps, _, err := demoSvc.Processes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		r, err := demoSvc.Process(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		cards[r.Name] = r
	}

	tr := i18n.New(domain.LangRU, msk)
	chatSvc := mining.New(a.DB, mining.Config{}, func() time.Time { return now }, nil)
	for _, f := range demo.Logs() {
		if f.Name != "01-invoices-1c.zip" && f.Name != "09-hiring.xes.gz" {
			continue
		}
		tg.SendDocument(admin, f.Name, f.Data, "")
		screen := tg.WaitForText(t, admin.ID)
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Импортировать"))
		var summary *telegramtest.Message
		for summary = tg.WaitForEdit(t, screen); !strings.Contains(summary.Text, "Импортировано"); summary = tg.WaitForEdit(t, summary) {
		}
		var card domain.ProcessResult
		for name, r := range cards {
			if strings.Contains(summary.Text, "Импортировано: "+name) {
				card = r
			}
		}
		if card.Name == "" {
			t.Fatalf("%s: the summary names none of the demo's processes:\n%s", f.Name, summary.Text)
		}
		for _, want := range []string{"Случаев: " + tr.Int(card.Cases), "Событий: " + tr.Int(card.Events),
			"Действий: " + tr.Int(card.Activities), "Вариантов: " + tr.Int(card.Variants)} {
			if !strings.Contains(summary.Text, want) {
				t.Errorf("%s: the summary lacks %q, the demo's card says it:\n%s", f.Name, want, summary.Text)
			}
		}
		if _, err := chatSvc.Recompute(ctx, nil); err != nil {
			t.Fatal(err)
		}
		got, err := chatSvc.Process(ctx, processID(t, chatSvc, card.Name))
		if err != nil {
			t.Fatal(err)
		}
		got.ID, got.ComputedAt, card.ID, card.ComputedAt = 0, time.Time{}, 0, time.Time{}
		if !reflect.DeepEqual(got, card) {
			t.Errorf("%s through the chat:\n%+v\nthe demo's:\n%+v", f.Name, got, card)
		}
	}
	tg.AssertAllCallbacksAnswered(t)
}

func processID(t *testing.T, svc *mining.Service, name string) int64 {
	t.Helper()
	ps, _, err := svc.Processes(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no process %q", name)
	return 0
}
