package app_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
	"processet/storage"
)

const hookSecret = "test_webhook-secret_0123456789"

var (
	alla  = telegramtest.User{ID: 1001, FirstName: "Алла", Username: "alla", LanguageCode: "ru"}
	boris = telegramtest.User{ID: 2002, FirstName: "Борис", Username: "boris", LanguageCode: "ru"}
)

// balancer is a load balancer in front of the replicas: it sends each
// request to the next one in turn.
type balancer struct {
	backends []*httputil.ReverseProxy
	next     atomic.Int64
	srv      *httptest.Server
}

func newBalancer(t *testing.T, addrs ...string) *balancer {
	b := &balancer{}
	for _, a := range addrs {
		u, _ := url.Parse("http://" + a)
		b.backends = append(b.backends, httputil.NewSingleHostReverseProxy(u))
	}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.backends[int(b.next.Add(1))%len(b.backends)].ServeHTTP(w, r)
	}))
	t.Cleanup(b.srv.Close)
	return b
}

// webhookReplicas boots n replicas in webhook mode on one database behind
// a balancer, each with its own HTTP address.
func webhookReplicas(t *testing.T, tg *telegramtest.Server, n int) []*apptest.App {
	t.Helper()
	addrs := make([]string, n)
	for i := range addrs {
		addrs[i] = freeAddr(t)
	}
	lb := newBalancer(t, addrs...)
	dbURL := testdb.NewURL(t)
	var apps []*apptest.App
	for i, addr := range addrs {
		apps = append(apps, apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr,
			DatabaseURL: dbURL, Replica: fmt.Sprintf("replica-%d", i),
			WebhookURL: lb.srv.URL + "/telegram/updates", WebhookSecret: hookSecret}))
	}
	testwait.Eventually(t, "the webhook set", func() bool { return tg.Webhook() != "" })
	for _, addr := range addrs {
		waitReady(t, addr)
	}
	return apps
}

// waitReady waits for a replica's HTTP server to answer.
func waitReady(t *testing.T, addr string) {
	t.Helper()
	testwait.Eventually(t, "the replica's HTTP server", func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
}

// TestWebhookMode: the bot sets the webhook with its secret, takes updates
// on the path of WEBHOOK_URL, refuses calls without the secret, and tells
// admins in /status how delivery goes.
func TestWebhookMode(t *testing.T) {
	tg := telegramtest.NewServer(t)
	addr := freeAddr(t)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr,
		WebhookURL: "http://" + addr + "/telegram/updates", WebhookSecret: hookSecret})
	testwait.Eventually(t, "the webhook set", func() bool { return tg.Webhook() == "http://"+addr+"/telegram/updates" })
	set := tg.Calls("setWebhook")[0].Params
	if set["secret_token"] != hookSecret || set["max_connections"] != "40" || !strings.Contains(set["allowed_updates"], "callback_query") {
		t.Errorf("setWebhook with %v", set)
	}
	tg.SendText(alla, "/help")
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "/tasks") {
		t.Errorf("help: %q", m.Text)
	}

	for _, secret := range []string{"", "wrong"} {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram/updates",
			strings.NewReader(`{"update_id":990001,"message":{"message_id":1,"date":0,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"is_bot":false,"first_name":"X"},"text":"/help"}}`))
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("secret %q: %d, want 401", secret, resp.StatusCode)
		}
	}
	var stored int
	if err := a.DB.Pool().QueryRow(t.Context(), `select count(*) from telegram_updates where update_id = 990001`).Scan(&stored); err != nil || stored != 0 {
		t.Errorf("a refused update was stored: %d %v", stored, err)
	}

	tg.SendText(alla, "/status")
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "Обновления: вебхук, у Telegram в очереди 0") {
		t.Errorf("status: %q", m.Text)
	}
}

// TestBackToPollingDeletesTheWebhook: a bot started in polling mode after
// webhook mode deletes the webhook and polls.
func TestBackToPollingDeletesTheWebhook(t *testing.T) {
	tg := telegramtest.NewServer(t)
	addr := freeAddr(t)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr,
		WebhookURL: "http://" + addr + "/telegram/updates", WebhookSecret: hookSecret})
	testwait.Eventually(t, "the webhook set", func() bool { return tg.Webhook() != "" })
	a.Stop()
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, DatabaseURL: a.URL})
	testwait.Eventually(t, "the webhook deleted", func() bool { return tg.Webhook() == "" })
	tg.SendText(alla, "/status")
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "Обновления: long polling, опрашивает эта реплика") {
		t.Errorf("status: %q", m.Text)
	}
}

// TestReplicasHandleEachUpdateOnce: two replicas behind a balancer that
// alternates, and Telegram delivering every update twice: each update is
// answered exactly once.
func TestReplicasHandleEachUpdateOnce(t *testing.T) {
	tg := telegramtest.NewServer(t, telegramtest.WithDuplicateDeliveries())
	apps := webhookReplicas(t, tg, 2)
	users := []telegramtest.User{alla, boris, {ID: 3003, FirstName: "Вера", LanguageCode: "ru"}}
	const rounds = 4
	for range rounds {
		for _, u := range users {
			tg.SendText(u, "/help")
		}
	}
	for _, u := range users {
		testwait.Eventually(t, "every update answered", func() bool { return tg.Stats().Delivered[u.ID] >= rounds })
	}
	testwait.Eventually(t, "every stored update done", func() bool {
		n, err := apps[0].DB.WaitingUpdates(t.Context())
		return err == nil && n == 0
	})
	var stored int
	if err := apps[0].DB.Pool().QueryRow(t.Context(), `select count(*) from telegram_updates`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != rounds*len(users) {
		t.Errorf("%d updates stored, want %d", stored, rounds*len(users))
	}
	for _, u := range users {
		if got := tg.Stats().Delivered[u.ID]; got != rounds {
			t.Errorf("user %d got %d answers to %d updates", u.ID, got, rounds)
		}
	}
	// The fake counts a delivery when its second post (the duplicate) is
	// answered, which may come after the bot's reply to the first.
	testwait.Eventually(t, "every delivery counted", func() bool { return tg.WebhookStats().Delivered >= rounds*len(users) })
	if st := tg.WebhookStats(); st.Delivered != rounds*len(users) {
		t.Errorf("webhook stats %+v", st)
	}
}

// TestConversationMovesBetweenReplicas: a step-by-step task whose every
// next step is handled by another process on the same database ends as
// on one. The replicas take turns, so which one handles a step is
// certain, not left to which worker wakes first.
func TestConversationMovesBetweenReplicas(t *testing.T) {
	tg := telegramtest.NewServer(t)
	dbURL := testdb.NewURL(t)
	var running *apptest.App
	turn := 0
	next := func() {
		t.Helper()
		if running != nil {
			running.Stop()
		}
		addr := freeAddr(t)
		running = apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr,
			DatabaseURL: dbURL, Replica: fmt.Sprintf("replica-%d", turn%2),
			WebhookURL: "http://" + addr + "/telegram/updates", WebhookSecret: hookSecret})
		testwait.Eventually(t, "the webhook set", func() bool { return tg.Webhook() == "http://"+addr+"/telegram/updates" })
		turn++
	}
	next()
	tg.SendText(alla, "/task")
	tg.WaitForText(t, alla.ID)
	next()
	tg.SendText(alla, "Сверить акты за квартал")
	m := tg.WaitForText(t, alla.ID)
	for _, press := range []string{"🔴 Высокий", "Алла", "Завтра", "✅ Создать"} {
		next()
		tg.WaitForCallbackAnswer(t, tg.Press(t, alla, m, press))
		m = tg.WaitForEdit(t, m)
	}
	if !strings.Contains(m.Text, "Задача создана") {
		t.Fatalf("last screen %q", m.Text)
	}
	var title string
	if err := running.DB.Pool().QueryRow(t.Context(), `select title from tasks`).Scan(&title); err != nil || title != "Сверить акты за квартал" {
		t.Errorf("stored %q %v", title, err)
	}
	rows, err := running.DB.Pool().Query(t.Context(), `select claimed_by from telegram_updates order by update_id`)
	if err != nil {
		t.Fatal(err)
	}
	var by []string
	for rows.Next() {
		var b string
		_ = rows.Scan(&b)
		by = append(by, b)
	}
	if got := strings.Join(by, ","); got != "replica-0,replica-1,replica-0,replica-1,replica-0,replica-1" {
		t.Errorf("steps handled by %s", got)
	}
}

// TestOneReplicaPollsAndAnotherTakesOver: of two replicas in polling mode
// only one polls (Telegram would end the other's polls with 409); when
// it goes, the other takes over. Either may win the first election.
func TestOneReplicaPollsAndAnotherTakesOver(t *testing.T) {
	tg := telegramtest.NewServer(t)
	first := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, Replica: "first", LeaderRetry: 100 * time.Millisecond})
	second := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, Replica: "second", DatabaseURL: first.URL,
		LeaderRetry: 100 * time.Millisecond})
	replicas := map[string]*apptest.App{"first": first, "second": second}
	tg.SendText(alla, "/status")
	m := tg.WaitForText(t, alla.ID)
	leader, other := "first", "second"
	switch {
	case strings.Contains(m.Text, "опрашивает эта реплика (first)"):
	case strings.Contains(m.Text, "опрашивает эта реплика (second)"):
		leader, other = "second", "first"
	default:
		t.Fatalf("status names no polling replica: %q", m.Text)
	}
	replicas[leader].Stop()
	tg.SendText(alla, "/status")
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "опрашивает эта реплика ("+other+")") {
		t.Errorf("status after %s left: %q", leader, m.Text)
	}
	for _, c := range tg.Calls("getUpdates") {
		if c.Code == http.StatusConflict {
			t.Errorf("two replicas polled at once: %s", c.Error)
		}
	}
}

// TestReadyz: ready once migrated and Telegram answered.
func TestReadyz(t *testing.T) {
	tg := telegramtest.NewServer(t)
	addr := freeAddr(t)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr})
	waitReady(t, addr)
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"ready":true`) {
		t.Errorf("readyz: %d %s", resp.StatusCode, body)
	}
}

// TestUpdatesLeftByACrashAreHandledAtStart: an update a replica stored
// and claimed, then died before handling, is handled when it starts
// again under its name, without waiting for the claim to run out.
func TestUpdatesLeftByACrashAreHandledAtStart(t *testing.T) {
	tg := telegramtest.NewServer(t)
	tg.OpenChat(alla)
	dbURL := testdb.NewURL(t)
	if _, err := storage.Migrate(t.Context(), dbURL); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	body := `{"update_id":41,"message":{"message_id":1,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"is_bot":false,"first_name":"Алла","language_code":"ru"},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}`
	if _, err := db.Pool().Exec(t.Context(), `insert into telegram_updates (update_id, chat_id, body, claimed_by, claimed_until, attempts)
		values (41, 1001, $1, 'replica-0', now() + interval '1 hour', 1)`, body); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{alla.ID}, HTTPAddr: addr, DatabaseURL: dbURL,
		Replica: "replica-0", WebhookURL: "http://" + addr + "/telegram/updates", WebhookSecret: hookSecret})
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "/tasks") {
		t.Errorf("the stored /help got %q", m.Text)
	}
	testwait.Eventually(t, "the update marked done", func() bool {
		n, err := db.WaitingUpdates(t.Context())
		return err == nil && n == 0
	})
}

// TestLateWebhookUpdateIsAnsweredTooBusy: an update that waited in the
// table of received updates longer than a deployment above capacity
// should let it (a second) is answered "too many requests" instead of
// being handled, and marked done; a fresh one is handled.
func TestLateWebhookUpdateIsAnsweredTooBusy(t *testing.T) {
	tg := telegramtest.NewServer(t)
	tg.OpenChat(alla)
	apps := webhookReplicas(t, tg, 1)
	body := func(id int, text string) []byte {
		return []byte(fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":%d,"text":%q,
			"from":{"id":%d,"is_bot":false,"first_name":"Алла","language_code":"ru"},
			"chat":{"id":%d,"type":"private","first_name":"Алла"}}}`, id, id, time.Now().Unix(), text, alla.ID, alla.ID))
	}
	_, err := apps[0].DB.Pool().Exec(t.Context(), `insert into telegram_updates (update_id, chat_id, body, received_at)
		values (900001, $1, $2, now() - interval '10 seconds')`, alla.ID, body(900001, "/help"))
	if err != nil {
		t.Fatal(err)
	}
	m := tg.WaitForText(t, alla.ID)
	if !strings.Contains(m.Text, "Слишком много запросов") {
		t.Errorf("the late update's answer: %q", m.Text)
	}
	testwait.Eventually(t, "the late update done", func() bool {
		n, err := apps[0].DB.WaitingUpdates(t.Context())
		return err == nil && n == 0
	})

	if _, err := apps[0].DB.Pool().Exec(t.Context(), `insert into telegram_updates (update_id, chat_id, body)
		values (900002, $1, $2)`, alla.ID, body(900002, "/help")); err != nil {
		t.Fatal(err)
	}
	if m := tg.WaitForText(t, alla.ID); !strings.Contains(m.Text, "/start") {
		t.Errorf("a fresh update's answer: %q", m.Text)
	}
}
