package notify_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"processet/internal/telegramtest"
	"processet/notify"
)

// BenchmarkDigestFanout sends a digest, one picture with a caption, to
// 1,000 subscribers through a fake Telegram that enforces the platform's
// rate limits, with the outbox's default limits and workers. It takes
// about 40 s a run, so plain go test skips it:
//
//	go test -run '^$' -bench DigestFanout -benchtime 1x ./notify/
//
// msgs/s should approach, and never pass, Telegram's 30; duplicates and
// lost must be 0.
func BenchmarkDigestFanout(b *testing.B) {
	const subscribers = 1000
	ctx := context.Background()
	for i := range b.N {
		b.StopTimer()
		pool := newPool(b)
		tg := telegramtest.NewServer(b, telegramtest.WithRateLimits())
		ob := start(b, pool, notify.Config{Bot: newBot(b, tg.URL)})
		pic := testPNG(b, byte(i), 170) // about 115 KB that does not compress
		batch := fmt.Sprint("digest:", i)
		msgs := make([]notify.Message, subscribers)
		for j := range msgs {
			u := user(tg, int64(100000+j))
			msgs[j] = notify.Message{Key: fmt.Sprint(batch, ":", u.ID), Batch: batch, Telegram: &notify.Telegram{
				ChatID: u.ID, Text: "<b>KPI</b> за неделю: сделки 46, выиграно 12", Photo: pic, Silent: true,
				Buttons: [][]notify.Button{{{Text: "Открыть", Unique: "home"}}},
			}}
		}
		b.StartTimer()
		began := time.Now()
		if err := ob.Enqueue(ctx, msgs...); err != nil {
			b.Fatal(err)
		}
		enqueued := time.Since(began)
		res := waitBatch(b, ob, batch, 5*time.Minute)
		elapsed := time.Since(began)
		b.StopTimer()

		st := tg.Stats()
		duplicates, lost := 0, 0
		for j := range subscribers {
			switch n := st.Delivered[int64(100000+j)]; {
			case n == 0:
				lost++
			case n > 1:
				duplicates += n - 1
			}
		}
		uploads := 0
		for _, c := range tg.Calls("sendPhoto") {
			if c.Code == 200 && !strings.HasPrefix(c.Params["photo"], "fake-") {
				uploads++
			}
		}
		if res.Delivered != subscribers || duplicates != 0 || lost != 0 {
			b.Errorf("delivered %d, duplicates %d, lost %d", res.Delivered, duplicates, lost)
		}
		b.ReportMetric(float64(subscribers)/elapsed.Seconds(), "msgs/s")
		b.ReportMetric(float64(st.TooManyRequests), "429s")
		b.ReportMetric(float64(duplicates), "duplicates")
		b.ReportMetric(float64(lost), "lost")
		b.ReportMetric(float64(uploads), "uploads")
		b.ReportMetric(float64(enqueued.Milliseconds()), "enqueue-ms")
		stop(b, ob)
	}
}
