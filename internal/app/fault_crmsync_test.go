//go:build faults

package app_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"processet/amocrm/amocrmtest"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
)

// pageLog records the list pages amoCRM answered, by path and page.
type pageLog struct {
	mu    sync.Mutex
	pages map[string]int // "/api/v4/leads?page=3" → times answered 200
	order []string
}

func (l *pageLog) record(r *http.Request, status int) {
	if status != http.StatusOK {
		return
	}
	key := r.URL.Path + "?page=" + r.URL.Query().Get("page")
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pages[key]++
	l.order = append(l.order, key)
}

// since returns the pages answered after the first n.
func (l *pageLog) since(n int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.order[min(n, len(l.order)):]...)
}

func (l *pageLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.order)
}

// repeated names the pages answered more than once and counts the
// repeated requests.
func (l *pageLog) repeated() (pages []string, requests int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for p, n := range l.pages {
		if n > 1 {
			pages = append(pages, p)
			requests += n - 1
		}
	}
	slices.Sort(pages)
	return pages, requests
}

// TestFaultKillDuringFirstSync kills the bot with SIGKILL in the middle of
// its first amoCRM sync of 50,000 deals (the fake enforcing 7 requests a
// second) and restarts it: the sync resumes after the last stored page,
// the mirror ends up equal to the fake's data, and the requests made
// twice are counted.
//
//	go test -tags faults -v -count=1 -run TestFaultKillDuringFirstSync ./internal/app/
func TestFaultKillDuringFirstSync(t *testing.T) {
	const deals, killAtPage = 50_000, 80
	crm := amocrmtest.NewServer(t)
	crm.AddCompanies(1_000)
	crm.AddLeads(deals)
	target, _ := url.Parse(crm.URL)
	forward := httputil.NewSingleHostReverseProxy(target)
	log := &pageLog{pages: map[string]int{}}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		forward.ServeHTTP(rec, r)
		log.record(r, rec.status)
	}))
	t.Cleanup(proxy.Close)

	tg := telegramtest.NewServer(t)
	url := testdb.NewURL(t)
	env := map[string]string{"TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url, "ADMIN_IDS": "100",
		"AMOCRM_BASE_URL": proxy.URL, "AMOCRM_TOKEN": crm.Token()}
	pool, err := pgxpool.New(ctx(t), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	leadPage := func() (page int, done bool) {
		err := pool.QueryRow(ctx(t), `select resume_page, full_done from crm_sync_state where entity = 'leads'`).Scan(&page, &done)
		if err != nil && err != pgx.ErrNoRows {
			return 0, false // not migrated yet
		}
		return page, done
	}

	bin := binary(t)
	started := time.Now()
	first := startBinary(t, bin, "first", env)
	testwait.Eventually(t, fmt.Sprint("deal page ", killAtPage, " stored"), func() bool {
		p, _ := leadPage()
		return p >= killAtPage
	})
	first.kill(t)
	killed := time.Now()
	stored, _ := leadPage()
	var rows int
	if err := pool.QueryRow(ctx(t), `select count(*) from crm_deals`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != stored*250 {
		t.Errorf("%d deals stored with page %d recorded, want %d", rows, stored, stored*250)
	}
	before, requestsBefore := log.count(), crm.Requests()

	startBinary(t, bin, "second", env)
	restarted := time.Now()
	if !testwait.Until(5*time.Minute, func() bool { _, done := leadPage(); return done }) {
		t.Fatal("the sync did not finish after the restart")
	}
	finished := time.Since(restarted)
	var firstLeadPage string
	for _, p := range log.since(before) {
		if len(p) > len("/api/v4/leads?") && p[:len("/api/v4/leads?")] == "/api/v4/leads?" {
			firstLeadPage = p
			break
		}
	}
	if want := fmt.Sprint("/api/v4/leads?page=", stored+1); firstLeadPage != want {
		t.Errorf("after the restart the first deal page read was %q, want %q", firstLeadPage, want)
	}

	// The mirror against the fake's data.
	type row struct {
		name  string
		price int64
	}
	got := map[int64]row{}
	rs, err := pool.Query(ctx(t), `select id, name, price from crm_deals where not deleted`)
	if err != nil {
		t.Fatal(err)
	}
	for rs.Next() {
		var id int64
		var r row
		if err := rs.Scan(&id, &r.name, &r.price); err != nil {
			t.Fatal(err)
		}
		got[id] = r
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	lost, differ := 0, 0
	for _, l := range crm.Leads() {
		r, ok := got[l.ID]
		switch {
		case !ok:
			lost++
		case r.name != l.Name || r.price != l.Price:
			differ++
		}
		delete(got, l.ID)
	}
	pages, repeats := log.repeated()
	t.Logf("first sync of %d deals: SIGKILL %.1fs after the start with deal page %d of %d stored (%d rows, %d requests so far)",
		deals, killed.Sub(started).Seconds(), stored, deals/250, rows, requestsBefore)
	t.Logf("after the restart: resumed at %s, finished %.1fs after the restart; deals lost %d, different %d, extra %d; "+
		"%d repeated requests (%v), %d requests in all",
		firstLeadPage, finished.Seconds(), lost, differ, len(got), repeats, pages, crm.Requests())
	if lost+differ+len(got) != 0 {
		t.Errorf("the mirror differs from amoCRM: %d lost, %d different, %d extra", lost, differ, len(got))
	}
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
