package notify_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	tele "gopkg.in/telebot.v3"

	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
	"processet/notify"
)

// TestMain stops the private PostgreSQL server that testdb starts.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// patience is how long a test waits for deliveries: far more than they
// take, for machines busy with other work.
const patience = 30 * time.Second

// fast are limits for the fake without WithRateLimits: the tests that are
// about limits set their own.
var fast = notify.Limits{PerSecond: 500, PerChat: 10 * time.Millisecond, PerGroup: 10 * time.Millisecond}

// newPool returns a pool on a fresh database with room for the workers,
// River's listener and the test's own queries.
func newPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	return testdb.NewWithConns(t, 40)
}

// newBot returns a telebot client of the Bot API at url.
func newBot(t testing.TB, url string) *tele.Bot {
	t.Helper()
	bot, err := tele.NewBot(tele.Settings{URL: url, Token: "123:TEST", Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	return bot
}

// start creates and starts an outbox that stops when the test ends.
func start(t testing.TB, pool *pgxpool.Pool, cfg notify.Config) *notify.Outbox {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = testLogger(t)
	}
	ob, err := notify.New(pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := ob.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, ob) })
	return ob
}

// stop stops the outbox within the few seconds Stop promises.
func stop(t testing.TB, ob *notify.Outbox) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ob.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}

// testLogger logs warnings and errors into the test's output.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(&testWriter{t: t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct {
	mu sync.Mutex
	t  testing.TB
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// waitBatch polls BatchStatus until every message of the batch has its
// outcome.
func waitBatch(t testing.TB, ob *notify.Outbox, batch string, timeout time.Duration) notify.Batch {
	t.Helper()
	var b notify.Batch
	done := testwait.Until(timeout, func() bool {
		var err error
		if b, err = ob.BatchStatus(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
		return b.Done
	})
	if !done {
		t.Fatalf("batch %s not done after %v: %+v", batch, timeout, b)
	}
	return b
}

// testPNG draws a picture that differs by seed, of about size bytes.
func testPNG(t testing.TB, seed byte, side int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	x := uint32(seed) + 1
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x)
	}
	img.Set(0, 0, color.RGBA{seed, seed, seed, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// user is a Telegram user who has started the bot.
func user(tg *telegramtest.Server, id int64) telegramtest.User {
	u := telegramtest.User{ID: id, FirstName: "User", LanguageCode: "ru"}
	tg.OpenChat(u)
	return u
}

// botMessages returns what the bot sent to the chat.
func botMessages(tg *telegramtest.Server, chatID int64) []*telegramtest.Message {
	var out []*telegramtest.Message
	for _, m := range tg.Messages(chatID) {
		if m.FromBot {
			out = append(out, m)
		}
	}
	return out
}
