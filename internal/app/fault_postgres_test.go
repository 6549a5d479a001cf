//go:build faults

package app_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"processet/internal/apptest"
	"processet/internal/pglocal"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// TestFaultPostgresRestartUnderLoad runs the bot in this process on a
// PostgreSQL server of its own while 20 users send /help about 20 times a
// second, stops the server, starts it again on the same data directory
// and port, and keeps the load on; in polling mode and in webhook mode.
// The bot must not crash, must reconnect, and every update must get an
// answer; it prints how many got the real answer, how many an apology,
// and how soon after the restart the bot answered normally again. In
// webhook mode an update is answered 200 only once it is stored, so
// Telegram retries those the bot could not store and none is lost.
//
//	go test -tags faults -v -count=1 -run TestFaultPostgresRestartUnderLoad ./internal/app/
func TestFaultPostgresRestartUnderLoad(t *testing.T) {
	for _, webhook := range []bool{false, true} {
		name := map[bool]string{false: "polling", true: "webhook"}[webhook]
		t.Run(name, func(t *testing.T) { postgresRestart(t, webhook) })
	}
}

func postgresRestart(t *testing.T, webhook bool) {
	const users = 20
	// Not under t.TempDir(), whose parent is 0700: running as root, the
	// server runs as the postgres user, who must reach the directory.
	tmp, err := os.MkdirTemp("", "pgfault-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(tmp, "data", "pg")
	pg, err := pglocal.Start(context.Background(), pglocal.Options{DataDir: dataDir, Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Stop() })
	dbURL := pg.URL(pglocal.Database)
	u, _ := url.Parse(dbURL)
	port, _ := strconv.Atoi(u.Port())

	tg := telegramtest.NewServer(t, telegramtest.WithWebhookRetry(100*time.Millisecond))
	var ids []int64
	var people []telegramtest.User
	for i := range users {
		p := telegramtest.User{ID: int64(7000 + i), FirstName: "Сотрудник", LanguageCode: "ru"}
		tg.OpenChat(p)
		people = append(people, p)
		ids = append(ids, p.ID)
	}
	c := apptest.Config{TelegramURL: tg.URL, Admins: ids, DatabaseURL: dbURL}
	if webhook {
		c.HTTPAddr = freeAddr(t)
		c.WebhookURL, c.WebhookSecret = "http://"+c.HTTPAddr+"/telegram/updates", hookSecret
	}
	apptest.Start(t, c)
	if webhook {
		testwait.Eventually(t, "the webhook set", func() bool { return tg.Webhook() != "" })
	}

	// The load: /help from each user in turn, every 50 ms, until stopped.
	var mu sync.Mutex
	sent := map[int64]int{}
	var stopLoad = make(chan struct{})
	var loadDone sync.WaitGroup
	loadDone.Add(1)
	go func() {
		defer loadDone.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stopLoad:
				return
			case <-tick.C:
			}
			p := people[i%users]
			tg.SendText(p, "/help")
			mu.Lock()
			sent[p.ID]++
			mu.Unlock()
		}
	}()
	// replies counts the bot's answers: the real one (/help lists /tasks)
	// or an apology; lost and extra compare them with what each chat sent.
	replies := func() (good, sorry, total, lost, extra int) {
		mu.Lock()
		defer mu.Unlock()
		for _, id := range ids {
			n := 0
			for _, m := range tg.Messages(id) {
				if !m.FromBot {
					continue
				}
				n++
				if strings.Contains(m.Text, "/tasks") {
					good++
				} else {
					sorry++
				}
			}
			total += n
			lost += max(0, sent[id]-n)
			extra += max(0, n-sent[id])
		}
		return good, sorry, total, lost, extra
	}
	testwait.Eventually(t, "answers under load", func() bool { g, _, _, _, _ := replies(); return g >= 50 })

	g0, _, _, _, _ := replies()
	stopped := time.Now()
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	down := time.Since(stopped)
	time.Sleep(2 * time.Second) // the outage lasts a while, as a restart by an operator does
	pg, err = pglocal.Start(context.Background(), pglocal.Options{DataDir: dataDir, Port: port, Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	up := time.Now()
	outage := up.Sub(stopped)
	gUp, _, _, _, _ := replies()
	testwait.Eventually(t, "a normal answer after the restart", func() bool { g, _, _, _, _ := replies(); return g > gUp+users })
	recovered := time.Since(up)
	time.Sleep(5 * time.Second) // the load goes on a while after recovery
	close(stopLoad)
	loadDone.Wait()

	mu.Lock()
	offered := 0
	for _, n := range sent {
		offered += n
	}
	mu.Unlock()
	ok := testwait.Until(60*time.Second, func() bool { _, _, _, lost, _ := replies(); return lost == 0 })
	good, sorry, total, lost, extra := replies()
	t.Logf("PostgreSQL stopped (%.1fs to stop) and started again: %.1fs without a database", down.Seconds(), outage.Seconds())
	if webhook {
		ws := tg.WebhookStats()
		t.Logf("webhook deliveries: %d answered 200, %d refused or unanswered (each retried)", ws.Delivered, ws.Refused)
	}
	t.Logf("%d updates offered, %d answers (%d normal, %d apologies: handled while the database was away), "+
		"%d updates unanswered, %d answered twice; %d normal answers before the stop; normal answers again %.1fs after the restart",
		offered, total, good, sorry, lost, extra, g0, recovered.Seconds())
	if !ok {
		t.Errorf("%d of %d updates never answered", lost, offered)
	}
}
