//go:build faults

package app_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
)

// TestFaultKillDuringDigest kills the bot with SIGKILL in the middle of a
// "send now" digest to 1,000 subscribers, the outbox keeping to
// Telegram's limits, and restarts it on the same database.
// It prints how many messages were lost (must be 0), sent twice (at most
// the ones the outbox marked uncertain: sent, not yet recorded), and how
// long after the restart the last one arrived.
//
//	go test -tags faults -v -count=1 -run TestFaultKillDuringDigest ./internal/app/
func TestFaultKillDuringDigest(t *testing.T) {
	const (
		subscribers = 1000
		firstID     = 500000
		killAfter   = 400 // digests delivered before the kill
	)
	admin := telegramtest.User{ID: 100, FirstName: "Админ", LanguageCode: "ru"}
	url := testdb.NewURL(t)
	pool, err := pgxpool.New(ctx(t), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	_, err = pool.Exec(ctx(t), `
		insert into users (id, first_name, language_code, lang, role)
		select $1 + g, 'Подписчик ' || g, 'ru', 'ru', 'employee' from generate_series(0, $2 - 1) g`, firstID, subscribers)
	if err == nil {
		_, err = pool.Exec(ctx(t), `
			insert into subscriptions (owner_id, chat_id, lang, schedule, tz)
			select id, id, 'ru', '0 9 * * *', 'Europe/Moscow' from users where id >= $1`, firstID)
	}
	if err != nil {
		t.Fatal(err)
	}
	tg := telegramtest.NewServer(t) // the outbox keeps to Telegram's limits by itself
	tg.OpenChat(admin)
	for i := range subscribers {
		tg.OpenChat(telegramtest.User{ID: firstID + int64(i), FirstName: "Подписчик", LanguageCode: "ru"})
	}
	env := map[string]string{"TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url, "ADMIN_IDS": fmt.Sprint(admin.ID)}
	delivered := func() (chats, messages int) {
		st := tg.Stats()
		for i := range subscribers {
			if n := st.Delivered[firstID+int64(i)]; n > 0 {
				chats++
				messages += n
			}
		}
		return chats, messages
	}

	bin := binary(t)
	first := startBinary(t, bin, "first", env)
	tg.SendText(admin, "/tasks")
	card := tg.WaitForPhoto(t, admin.ID)
	pressed := time.Now()
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📨 Рассылка KPI"))
	var enqueued int
	testwait.Eventually(t, "every digest queued", func() bool {
		err := pool.QueryRow(ctx(t), `select count(*) from outbox_messages where key like 'digest-now:%'`).Scan(&enqueued)
		return err == nil && enqueued == subscribers
	})
	queuedIn := time.Since(pressed)
	testwait.Eventually(t, fmt.Sprint(killAfter, " digests delivered"), func() bool {
		c, _ := delivered()
		return c >= killAfter
	})
	first.kill(t)
	killed := time.Now()
	atKill, _ := delivered()
	var running, sending int
	if err := pool.QueryRow(ctx(t), `select
		(select count(*) from river_job where state = 'running'),
		(select count(*) from outbox_messages where state = 'sending')`).Scan(&running, &sending); err != nil {
		t.Fatal(err)
	}

	startBinary(t, bin, "second", env)
	restarted := time.Now()
	var firstRescued time.Duration
	if !testwait.Until(5*time.Minute, func() bool {
		if firstRescued == 0 {
			var n int
			err := pool.QueryRow(ctx(t), `select count(*) from river_job
				where state = 'completed' and errors::text like '%rescued:%'`).Scan(&n)
			if err == nil && n > 0 {
				firstRescued = time.Since(restarted)
			}
		}
		c, _ := delivered()
		return c == subscribers
	}) {
		c, _ := delivered()
		t.Fatalf("only %d of %d chats got their digest after the restart", c, subscribers)
	}
	last := time.Since(restarted)

	chats, messages := delivered()
	var uncertain, rescued int
	if err := pool.QueryRow(ctx(t), `select
		(select count(*) from outbox_messages where uncertain),
		(select count(*) from river_job where errors::text like '%rescued:%')`).Scan(&uncertain, &rescued); err != nil {
		t.Fatal(err)
	}
	lost, duplicated := subscribers-chats, messages-chats
	t.Logf("digest fan-out to %d, SIGKILL after %d delivered (%.1fs after the press, all %d queued in %.1fs): "+
		"%d jobs running and %d messages marked sending at the kill; restart %.1fs after the kill",
		subscribers, atKill, killed.Sub(pressed).Seconds(), enqueued, queuedIn.Seconds(), running, sending,
		restarted.Sub(killed).Seconds())
	t.Logf("after the restart: lost %d, duplicated %d, marked uncertain %d, rescued jobs %d; "+
		"first rescued send done %.1fs and the last digest %.1fs after the restart",
		lost, duplicated, uncertain, rescued, firstRescued.Seconds(), last.Seconds())
	if lost != 0 {
		t.Errorf("%d digests lost", lost)
	}
	if duplicated > uncertain {
		t.Errorf("%d digests duplicated, more than the %d marked uncertain", duplicated, uncertain)
	}
}
