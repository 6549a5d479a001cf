//go:build faults

package app_test

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"processet/amocrm/amocrmtest"
	"processet/internal/app"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
)

// TestFaultTelegramAndAmoCRMOutages runs the bot in this process between
// fault proxies and the fakes: Telegram answers 502 for a while, then
// holds every request unanswered, then amoCRM holds every request during
// syncs. After each the bot must answer again (the 502s also the update
// fetched as they began, whose reply met them), and at the end the
// goroutines and the connections open to both services must be back to
// what they were before the faults. It prints the retries, the waits of
// the held requests (the timeouts) and the counts before and after.
//
//	go test -tags faults -v -count=1 -run TestFaultTelegramAndAmoCRMOutages ./internal/app/
func TestFaultTelegramAndAmoCRMOutages(t *testing.T) {
	const outage = 10 * time.Second
	admin := telegramtest.User{ID: 100, FirstName: "Админ", LanguageCode: "ru"}
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	crm := amocrmtest.NewServer(t)
	crm.AddLeads(300)
	tgp, crmp := newFaultProxy(t, tg.URL), newFaultProxy(t, crm.URL)
	addr := freeAddr(t)

	env := map[string]string{"BOT_TOKEN": apptest.Token, "ADMIN_IDS": fmt.Sprint(admin.ID),
		"TELEGRAM_API_URL": tgp.URL, "DATABASE_URL": testdb.NewURL(t), "DATA_DIR": t.TempDir(),
		"AMOCRM_BASE_URL": crmp.URL, "AMOCRM_TOKEN": crm.Token(), "HTTP_ADDR": addr}
	cfg, err := app.LoadConfig(func(k string) string { return env[k] }, true)
	if err != nil {
		t.Fatal(err)
	}
	cfg.PollTimeout = 2 * time.Second
	cfg.AmoCRM.SyncEvery = 5 * time.Second // below what AMOCRM_SYNC_INTERVAL allows, to sync during the test
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := app.Run(ctx, cfg, slog.New(slog.NewTextHandler(logWriter(t), nil))); err != nil {
			t.Errorf("app.Run: %v", err)
		}
	}()
	t.Cleanup(func() { cancel(); wg.Wait() })

	person := func(i int) telegramtest.User {
		u := telegramtest.User{ID: admin.ID, FirstName: "Админ", LanguageCode: "ru"}
		if i > 0 {
			u = telegramtest.User{ID: int64(200 + i), FirstName: "Гость", LanguageCode: "ru"}
			tg.OpenChat(u)
		}
		return u
	}
	// helpAnswered reports whether u got an answer to /help within d.
	helpAnswered := func(u telegramtest.User, d time.Duration) bool {
		return testwait.Until(d, func() bool {
			for _, m := range tg.Messages(u.ID) {
				if m.FromBot && strings.Contains(m.Text, "/help") || m.FromBot && strings.Contains(m.Text, "/start") {
					return true
				}
			}
			return false
		})
	}
	// answered sends /help from a new person and waits for the answer.
	next := 0
	answered := func(what string) time.Duration {
		t.Helper()
		next++
		u, began := person(next), time.Now()
		tg.SendText(u, "/help")
		if !helpAnswered(u, 60*time.Second) {
			t.Fatalf("%s: /help not answered", what)
		}
		return time.Since(began)
	}
	// answeredSince waits for the answers of us to /help at once and
	// says how long after from each came (-1: none within a minute).
	answeredSince := func(from time.Time, us ...telegramtest.User) []time.Duration {
		out := make([]time.Duration, len(us))
		var wg sync.WaitGroup
		for i, u := range us {
			wg.Go(func() {
				out[i] = -1
				if helpAnswered(u, time.Minute) {
					out[i] = time.Since(from)
				}
			})
		}
		wg.Wait()
		return out
	}
	// replyRetries reads how many times the handlers' replies were sent
	// again after a 502/503/504.
	replyRetries := func() int {
		var n int
		for _, l := range strings.Split(metricsText(t, addr), "\n") {
			if v, ok := strings.CutPrefix(l, `processet_telegram_retries_total{reason="bad_gateway"} `); ok {
				fmt.Sscan(v, &n)
			}
		}
		return n
	}
	answered("before the faults")
	testwait.Eventually(t, "the first amoCRM sync", func() bool { return crm.Requests() > 5 })
	settle := func() (goroutines int, tgConns, crmConns int32) {
		runtime.GC()
		return runtime.NumGoroutine(), tgp.open.Load(), crmp.open.Load()
	}
	g0, tc0, cc0 := settle()
	requests := tg.Stats().Requests
	t.Logf("%d Bot API calls before the faults", requests)

	// round runs every fault once and waits until no request is held any
	// more (the bot's Telegram client gives up after 60 s), then counts.
	round := func(n int) (goroutines int, tgConns, crmConns int32) {
		// Telegram answers 502 to everything. The /help offered meanwhile
		// is fetched by the poll already under way; its answer then meets
		// the 502s and is sent again until they end.
		_, fails0 := tgp.stats()
		retries0 := replyRetries()
		tgp.set(answer5xx)
		next++
		during5xx := person(next)
		tg.SendText(during5xx, "/help")
		time.Sleep(outage) // the outage itself, not a synchronisation
		_, fails := tgp.stats()
		tgp.set(passThrough)
		recovered := time.Now()
		next++
		fresh := person(next)
		tg.SendText(fresh, "/help")
		since := answeredSince(recovered, during5xx, fresh)
		during5xxIn, after5xx := since[0], since[1]
		if after5xx < 0 {
			t.Fatalf("round %d: a /help sent after the 502s not answered", n)
		}
		if during5xxIn < 0 {
			t.Errorf("round %d: the /help offered during the 502s was not answered after them", n)
		}
		retries := replyRetries() - retries0

		// Telegram holds every request unanswered.
		hangs0, _ := tgp.stats()
		tgp.set(hang)
		next++
		duringHang := person(next)
		tg.SendText(duringHang, "/help")
		time.Sleep(outage)
		tgp.set(passThrough)
		afterHang := answered("after the hang")
		lostHang := !helpAnswered(duringHang, 10*time.Second)

		// amoCRM holds every request through a sync or two.
		crmHangs0, _ := crmp.stats()
		crmBefore := crm.Requests()
		crmp.set(hang)
		testwait.Eventually(t, "a sync held by amoCRM", func() bool { return crmp.holding.Load() > 0 })
		time.Sleep(25 * time.Second) // longer than one request's timeout
		crmp.set(passThrough)
		testwait.Eventually(t, "a sync after amoCRM came back", func() bool { return crm.Requests() > crmBefore+3 })
		answered("after the amoCRM hang")
		if !testwait.Until(2*time.Minute, func() bool { return tgp.holding.Load()+crmp.holding.Load() == 0 }) {
			t.Fatalf("requests still held two minutes later: Telegram %d, amoCRM %d", tgp.holding.Load(), crmp.holding.Load())
		}
		tgHangs, _ := tgp.stats()
		crmHangs, _ := crmp.stats()
		t.Logf("round %d: Telegram 502 for %v: %d requests answered 502; a new /help answered in %.1fs after recovery; "+
			"the /help offered during the 502s answered %.1fs after recovery, replies sent again %d times",
			n, outage, fails-fails0, after5xx.Seconds(), during5xxIn.Seconds(), retries)
		t.Logf("round %d: Telegram holding requests for %v: %d held, given up by the bot after %s; a new /help answered "+
			"in %.1fs after recovery; the /help offered during the hang lost: %v",
			n, outage, len(tgHangs)-len(hangs0), durations(tgHangs[len(hangs0):]), afterHang.Seconds(), lostHang)
		t.Logf("round %d: amoCRM holding requests for 25s: %d held, given up by the client after %s",
			n, len(crmHangs)-len(crmHangs0), durations(crmHangs[len(crmHangs0):]))
		return settle()
	}
	g1, tc1, cc1 := round(1)
	g2, tc2, cc2 := round(2)
	t.Logf("goroutines %d before the faults, %d after round 1, %d after round 2; connections open to Telegram %d, %d, %d; "+
		"to amoCRM %d, %d, %d", g0, g1, g2, tc0, tc1, tc2, cc0, cc1, cc2)
	// A leak grows with every round; what the first round leaves (a
	// second pooled connection, its two goroutines) must not grow again.
	if g2 > g1+3 || tc2 > tc1+1 || cc2 > cc1+1 {
		buf := make([]byte, 1<<20)
		t.Errorf("leak: goroutines %d → %d, Telegram connections %d → %d, amoCRM %d → %d\n%s",
			g1, g2, tc1, tc2, cc1, cc2, buf[:runtime.Stack(buf, true)])
	}
}

// durations lists waits rounded to 0.1 s.
func durations(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.Round(100 * time.Millisecond).String()
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// logWriter keeps the app's log out of the way unless -v.
func logWriter(t *testing.T) *testLog { return &testLog{t: t} }

type testLog struct{ t *testing.T }

func (l *testLog) Write(p []byte) (int, error) {
	if testing.Verbose() && strings.Contains(string(p), "level=WARN") || strings.Contains(string(p), "level=ERROR") {
		l.t.Log(strings.TrimSpace(string(p)))
	}
	return len(p), nil
}
