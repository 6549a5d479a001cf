package amocrmtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"processet/amocrm/amocrmtest"
)

// call sends a request with the admin's token (or tok when given) and
// returns the answer with its body read.
func call(t *testing.T, srv *amocrmtest.Server, method, path, body string, tok ...string) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	token := srv.Token()
	if len(tok) > 0 {
		token = tok[0]
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func fast(t *testing.T, opts ...amocrmtest.Option) *amocrmtest.Server {
	return amocrmtest.NewServer(t, append([]amocrmtest.Option{amocrmtest.WithRateLimit(1_000_000, 1_000_000)}, opts...)...)
}

type page struct {
	Page     int                              `json:"_page"`
	Links    map[string]struct{ Href string } `json:"_links"`
	Embedded map[string][]map[string]any      `json:"_embedded"`
}

func decodePage(t *testing.T, b []byte) page {
	t.Helper()
	var p page
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return p
}

func TestUnauthorized(t *testing.T) {
	srv := fast(t)
	for _, tok := range []string{"", "not-a-token"} {
		res, body := call(t, srv, "GET", "/api/v4/leads", "", tok)
		var p map[string]any
		_ = json.Unmarshal(body, &p)
		if res.StatusCode != 401 || res.Header.Get("Content-Type") != "application/problem+json" ||
			p["title"] != "Unauthorized" || p["type"] != "https://httpstatus.es/401" || p["detail"] != "Неверный логин или пароль" {
			t.Errorf("token %q: %d %s %s", tok, res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	}
}

func TestPagingLinksAnd204(t *testing.T) {
	for _, honest := range []bool{false, true} {
		var opts []amocrmtest.Option
		if honest {
			opts = append(opts, amocrmtest.WithHonestNext())
		}
		srv := fast(t, opts...)
		srv.AddLeads(3)
		res, body := call(t, srv, "GET", "/api/v4/leads?limit=2&page=1", "")
		first := decodePage(t, body)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/hal+json" || len(first.Embedded["leads"]) != 2 ||
			first.Links["next"].Href == "" || first.Links["prev"].Href != "" || first.Links["first"].Href != "" {
			t.Errorf("page 1: %d %s", res.StatusCode, body)
		}
		if !strings.HasPrefix(first.Links["self"].Href, srv.URL+"/api/v4/leads?") {
			t.Errorf("self link %q is not absolute on the request host", first.Links["self"].Href)
		}
		_, body = call(t, srv, "GET", "/api/v4/leads?limit=2&page=2", "")
		last := decodePage(t, body)
		if last.Page != 2 || len(last.Embedded["leads"]) != 1 || last.Links["prev"].Href == "" || (last.Links["next"].Href != "") == honest {
			t.Errorf("honest=%v page 2: %s", honest, body)
		}
		res, body = call(t, srv, "GET", "/api/v4/leads?limit=2&page=3", "")
		if res.StatusCode != 204 || len(body) != 0 {
			t.Errorf("past the end: %d %q, want 204 with no body", res.StatusCode, body)
		}
	}
}

func TestLimits(t *testing.T) {
	srv := fast(t)
	srv.AddLeads(300)
	for query, want := range map[string]int{"": 50, "?limit=1000": 250, "?limit=7": 7, "?limit=-1": 50} {
		_, body := call(t, srv, "GET", "/api/v4/leads"+query, "")
		if got := len(decodePage(t, body).Embedded["leads"]); got != want {
			t.Errorf("%q: %d leads, want %d", query, got, want)
		}
	}
}

// TestFilterSpellings checks every array spelling PHP accepts.
func TestFilterSpellings(t *testing.T) {
	srv := fast(t)
	leads := srv.AddLeads(10)
	a, b := itoa(leads[2].ID), itoa(leads[7].ID)
	for _, q := range []string{
		"filter[id][]=" + a + "&filter[id][]=" + b,
		"filter[id][0]=" + a + "&filter[id][1]=" + b,
		"filter[id]=" + a + "&filter[id]=" + b,
		"filter%5Bid%5D%5B0%5D=" + a + "&filter%5Bid%5D%5B1%5D=" + b,
	} {
		_, body := call(t, srv, "GET", "/api/v4/leads?"+q, "")
		got := decodePage(t, body).Embedded["leads"]
		if len(got) != 2 || itoa(int64(got[0]["id"].(float64))) != a {
			t.Errorf("%s: got %d leads", q, len(got))
		}
	}
	from := leads[4].UpdatedAt.Unix()
	want := 0
	for _, l := range leads {
		if l.UpdatedAt.Unix() >= from {
			want++
		}
	}
	for _, q := range []string{"filter[updated_at]=", "filter[updated_at][from]="} {
		_, body := call(t, srv, "GET", "/api/v4/leads?"+q+itoa(from), "")
		if got := len(decodePage(t, body).Embedded["leads"]); got != want {
			t.Errorf("%s: %d leads, want %d", q, got, want)
		}
	}
	_, body := call(t, srv, "GET", "/api/v4/leads?filter[updated_at][from]="+itoa(from)+"&filter[updated_at][to]="+itoa(from), "")
	if got := len(decodePage(t, body).Embedded["leads"]); got < 1 {
		t.Errorf("from=to=%d: %d leads, want the lead itself", from, got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestRateLimit(t *testing.T) {
	clock := newClock()
	srv := amocrmtest.NewServer(t, amocrmtest.WithRateLimit(7, 10), amocrmtest.WithLimiterClock(clock.now))
	statuses := map[int]int{}
	for range 10 {
		res, body := call(t, srv, "GET", "/api/v4/account", "")
		statuses[res.StatusCode]++
		if res.StatusCode == 429 && (res.Header.Get("Retry-After") != "" || !strings.HasPrefix(string(body), "<html>") ||
			res.Header.Get("Content-Type") != "text/html") {
			t.Errorf("429 answer: %v %s", res.Header, body)
		}
	}
	if statuses[200] != 7 || statuses[429] != 3 || srv.RateLimited() != 3 || srv.MaxPerSecond() != 10 {
		t.Errorf("statuses %v, limited %d, max/s %d", statuses, srv.RateLimited(), srv.MaxPerSecond())
	}
	// The account-wide limit catches a second token of the same account.
	other := srv.TokenFor(srv.Users()[1].ID)
	res, _ := call(t, srv, "GET", "/api/v4/account", "", other)
	res2, _ := call(t, srv, "GET", "/api/v4/account", "", other)
	res3, _ := call(t, srv, "GET", "/api/v4/account", "", other)
	if res.StatusCode != 200 || res2.StatusCode != 200 || res3.StatusCode != 200 {
		t.Errorf("second token within account limit: %d %d %d", res.StatusCode, res2.StatusCode, res3.StatusCode)
	}
	if res, _ := call(t, srv, "GET", "/api/v4/account", "", other); res.StatusCode != 429 {
		t.Errorf("11th request of the account: %d, want 429", res.StatusCode)
	}
	clock.advance(1100 * time.Millisecond)
	if res, _ := call(t, srv, "GET", "/api/v4/account", ""); res.StatusCode != 200 {
		t.Errorf("after a second: %d, want 200", res.StatusCode)
	}
}

// clock is a stopped clock that a test moves by hand.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func newClock() *clock { return &clock{at: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = c.at.Add(d)
}

func TestBlock(t *testing.T) {
	clock := newClock()
	srv := amocrmtest.NewServer(t, amocrmtest.WithRateLimit(1, 50), amocrmtest.WithBlockAfter(2), amocrmtest.WithLimiterClock(clock.now))
	codes := []int{}
	for range 4 {
		res, _ := call(t, srv, "GET", "/api/v4/leads", "")
		codes = append(codes, res.StatusCode)
	}
	if codes[0] != 204 || codes[1] != 429 || codes[2] != 429 || codes[3] != 403 {
		t.Errorf("codes %v, want 204 429 429 403", codes)
	}
	res, body := call(t, srv, "GET", "/api/v4/account", "")
	if res.StatusCode != 403 || res.Header.Get("Content-Type") != "text/html" || !strings.Contains(string(body), "nginx") {
		t.Errorf("blocked: %d %s", res.StatusCode, body)
	}
	srv.Block(false)
	clock.advance(1100 * time.Millisecond)
	if res, _ := call(t, srv, "GET", "/api/v4/account", ""); res.StatusCode != 200 {
		t.Errorf("after unblock: %d", res.StatusCode)
	}
}

func TestScriptsAndCounters(t *testing.T) {
	srv := fast(t)
	srv.FailNext(503, "<html>busy</html>")
	if res, _ := call(t, srv, "GET", "/api/v4/leads/1", ""); res.StatusCode != 503 {
		t.Errorf("scripted: %d", res.StatusCode)
	}
	if res, body := call(t, srv, "GET", "/api/v4/leads/1", ""); res.StatusCode != 204 || len(body) != 0 {
		t.Errorf("missing lead: %d %q, want 204", res.StatusCode, body)
	}
	if got := srv.Calls("GET /api/v4/leads/{id}"); got != 2 {
		t.Errorf("Calls = %d, want 2", got)
	}
	if got := srv.Requests(); got != 2 {
		t.Errorf("Requests = %d, want 2", got)
	}
}

func TestUsersNeedAdmin(t *testing.T) {
	srv := fast(t)
	res, body := call(t, srv, "GET", "/api/v4/users", "", srv.TokenFor(srv.Users()[1].ID))
	if res.StatusCode != 403 || res.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("manager: %d %s", res.StatusCode, body)
	}
	res, body = call(t, srv, "GET", "/api/v4/users", "")
	var p struct {
		Total int `json:"_total_items"`
		Pages int `json:"_page_count"`
	}
	_ = json.Unmarshal(body, &p)
	if res.StatusCode != 200 || p.Total != 5 || p.Pages != 1 {
		t.Errorf("admin: %d %s", res.StatusCode, body)
	}
}

func TestOnlyDeleted(t *testing.T) {
	srv := fast(t)
	leads := srv.AddLeads(3)
	srv.DeleteLeads(leads[1].ID)
	_, body := call(t, srv, "GET", "/api/v4/leads?with=only_deleted", "")
	got := decodePage(t, body).Embedded["leads"]
	if len(got) != 1 || got[0]["is_deleted"] != true || got[0]["name"] != nil || got[0]["updated_at"] == nil {
		t.Errorf("only_deleted: %s", body)
	}
	_, body = call(t, srv, "GET", "/api/v4/leads", "")
	if got := decodePage(t, body).Embedded["leads"]; len(got) != 2 {
		t.Errorf("regular list has %d leads, want 2", len(got))
	}
}

func TestConcurrentUse(t *testing.T) {
	srv := fast(t)
	leads := srv.AddLeads(50)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 10 {
				id := leads[(i*10+j)%len(leads)].ID
				call(t, srv, "PATCH", "/api/v4/leads", `[{"id":`+itoa(id)+`,"price":`+itoa(int64(j))+`}]`)
				call(t, srv, "GET", "/api/v4/leads?limit=250&"+url.Values{"filter[id][0]": {itoa(id)}}.Encode(), "")
			}
		})
		wg.Go(func() { srv.AddTasks(5) })
	}
	wg.Wait()
	if got := len(srv.Tasks()); got != 40 {
		t.Errorf("tasks = %d, want 40", got)
	}
}
