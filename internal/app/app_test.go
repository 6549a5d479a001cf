package app_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"processet/internal/app"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// TestRejectedTokenStopsAtOnce: Telegram refusing the token ends Run with
// a message that names the setting and does not print the token.
func TestRejectedTokenStopsAtOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"ok":false,"error_code":401,"description":"Unauthorized"}`))
	}))
	defer srv.Close()
	cfg := testConfig(t, srv.URL)
	var logs bytes.Buffer
	err := app.Run(context.Background(), cfg, app.NewLogger(&logs, slog.LevelDebug, cfg.BotToken))
	if err == nil || !strings.Contains(err.Error(), "BOT_TOKEN") {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), cfg.BotToken) || strings.Contains(logs.String(), cfg.BotToken) {
		t.Fatalf("the token leaked: %v\n%s", err, logs.String())
	}
}

// TestGracefulShutdown: after the signal, Run returns well within the
// 10 s an orchestrator waits, even with a long poll open.
func TestGracefulShutdown(t *testing.T) {
	tg := telegramtest.NewServer(t)
	cfg := testConfig(t, tg.URL)
	cfg.PollTimeout = 50 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, cfg, slog.New(slog.DiscardHandler)) }()
	// Once the bot has answered, its next long poll is open on the server.
	tg.SendText(telegramtest.User{ID: 1, FirstName: "A"}, "/help")
	tg.WaitForText(t, 1)
	testwait.Eventually(t, "the bot's next long poll", func() bool { return tg.PollsOpen() > 0 })
	stopAt := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("shutdown took %v", time.Since(stopAt))
	case <-time.After(cfg.PollTimeout):
		// The open poll ended before Run did: Run waited for it.
		t.Fatal("Run did not return after cancel before the long poll ended")
	}
}

func TestHealthAndMetrics(t *testing.T) {
	tg := telegramtest.NewServer(t)
	addr := freeAddr(t)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{1}, HTTPAddr: addr})
	var resp *http.Response
	var err error
	testwait.Until(testwait.Timeout, func() bool {
		resp, err = http.Get("http://" + addr + "/healthz")
		return err == nil
	})
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	tg.SendText(telegramtest.User{ID: 1, FirstName: "A"}, "/help")
	tg.WaitForText(t, 1)
	resp, err = http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	if !strings.Contains(body.String(), "processet_updates_total 1") {
		t.Errorf("metrics:\n%s", body.String())
	}
}

func testConfig(t *testing.T, telegramURL string) app.Config {
	t.Helper()
	cfg, err := app.LoadConfig(func(k string) string {
		return map[string]string{"BOT_TOKEN": apptest.Token, "ADMIN_IDS": "1", "TELEGRAM_API_URL": telegramURL,
			"DATABASE_URL": testdb.NewURL(t)}[k]
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// freeAddr finds a loopback port nobody listens on right now.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
