package crmsync_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
	"processet/crmsync"
	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

// TestMain stops the private PostgreSQL server that testdb starts.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// The app hands the Syncer its *storage.DB.
var _ crmsync.Store = (*storage.DB)(nil)

// env is one test's world: a fake amoCRM enforcing 7 requests per second,
// a fresh database, and a Syncer between them.
type env struct {
	srv     *amocrmtest.Server
	db      *storage.DB
	client  *amocrm.Client
	sync    *crmsync.Syncer
	rec     *recorder
	blocked atomic.Int32 // OnBlocked calls
}

type envOptions struct {
	token  func(*amocrmtest.Server) string // default: the admin's
	store  func(*storage.DB) crmsync.Store // wraps the store
	config func(*crmsync.Config)
}

func newEnv(t testing.TB, o envOptions) *env {
	t.Helper()
	e := &env{srv: amocrmtest.NewServer(t), db: storage.New(testdb.New(t))}
	token := e.srv.Token()
	if o.token != nil {
		token = o.token(e.srv)
	}
	e.rec = &recorder{next: e.srv.Client().Transport}
	e.client = amocrm.New(amocrm.Config{
		BaseURL:    e.srv.URL,
		Tokens:     amocrm.StaticToken(token),
		HTTPClient: &http.Client{Transport: e.rec},
		Timeout:    5 * time.Second,
		MaxRetries: 2,
		RetryBase:  10 * time.Millisecond,
		RetryMax:   50 * time.Millisecond,
	})
	cfg := crmsync.Config{Debounce: 100 * time.Millisecond, OnBlocked: func(error) { e.blocked.Add(1) }}
	if o.config != nil {
		o.config(&cfg)
	}
	var store crmsync.Store = e.db
	if o.store != nil {
		store = o.store(e.db)
	}
	e.sync = crmsync.New(e.client, store, cfg)
	t.Cleanup(e.sync.Close)
	return e
}

// seedAccount fills the fake with companies, leads (every fifth won) and
// tasks on those leads. Update times are an hour apart and at least an
// hour old, so an incremental pass re-reads only the newest row of each
// list (the overlap) besides what a test changes.
func (e *env) seedAccount(companies, leads, tasks int) []amocrmtest.Lead {
	now := time.Now()
	cs := make([]amocrmtest.Company, companies)
	for i := range cs {
		at := now.Add(-time.Duration(companies-i+1) * time.Hour)
		cs[i] = amocrmtest.Company{Name: "ООО «Компания " + strconv.Itoa(i) + "»", CreatedAt: at, UpdatedAt: at}
	}
	e.srv.Seed(amocrmtest.Data{Companies: cs})
	stored := e.srv.Companies()
	ls := make([]amocrmtest.Lead, leads)
	for i := range ls {
		at := now.Add(-time.Duration(leads-i+1) * time.Hour)
		ls[i] = amocrmtest.Lead{Name: fmt.Sprintf("Сделка %d", i), Price: int64(1000 + i),
			CompanyID: stored[i%len(stored)].ID, CreatedAt: at.Add(-time.Hour), UpdatedAt: at}
		if i%5 == 0 {
			ls[i].StatusID = amocrm.StatusWon
		}
	}
	e.srv.Seed(amocrmtest.Data{Leads: ls})
	all := e.srv.Leads()
	ts := make([]amocrmtest.Task, tasks)
	for i := range ts {
		at := now.Add(-time.Duration(tasks-i+1) * time.Hour)
		ts[i] = amocrmtest.Task{Text: "Перезвонить", TypeID: 1, EntityType: "leads", EntityID: all[i%len(all)].ID,
			CompleteTill: now.Add(24 * time.Hour), CreatedAt: at, UpdatedAt: at}
	}
	e.srv.Seed(amocrmtest.Data{Tasks: ts})
	return all
}

func (e *env) run(t testing.TB) {
	t.Helper()
	if err := e.sync.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func (e *env) counts(t testing.TB) domain.Counts {
	t.Helper()
	c, err := e.db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (e *env) state(t testing.TB, ent domain.SyncEntity) domain.SyncState {
	t.Helper()
	st, err := e.db.SyncState(context.Background(), ent)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// leadName reads a lead's stored name and deleted flag.
func (e *env) leadName(t testing.TB, id int64) (name string, deleted bool) {
	t.Helper()
	err := e.db.Pool().QueryRow(context.Background(), `select name, deleted from crm_deals where id = $1`, id).
		Scan(&name, &deleted)
	if err != nil {
		t.Fatalf("lead %d: %v", id, err)
	}
	return name, deleted
}

// recorder keeps the URL of every request the client sends, to check which
// pages a sync asked for.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	urls []*url.URL
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.urls = append(r.urls, req.URL)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

// leadPages lists the page numbers of plain lead list requests (no ID
// look-ups, no deleted leads) since the last reset.
func (r *recorder) leadPages() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var pages []int
	for _, u := range r.urls {
		q := u.Query()
		if u.Path != "/api/v4/leads" || q.Get("with") != "" || q.Has("filter[id][0]") {
			continue
		}
		n, _ := strconv.Atoi(q.Get("page"))
		pages = append(pages, n)
	}
	return pages
}

func (r *recorder) reset() {
	r.mu.Lock()
	r.urls = nil
	r.mu.Unlock()
}

// hookStore runs a function after each committed page of leads of a pass,
// to interrupt a sync at a known point.
type hookStore struct {
	*storage.DB
	afterLeadPage func(n int)
	onLock        func() // before every attempt to take the sync lock
}

func (h *hookStore) LockCRMSync(ctx context.Context) (func(), bool, error) {
	if h.onLock != nil {
		h.onLock()
	}
	return h.DB.LockCRMSync(ctx)
}

func (h *hookStore) UpsertDeals(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) error {
	err := h.DB.UpsertDeals(ctx, ds, p)
	if err == nil && p != nil && h.afterLeadPage != nil {
		h.afterLeadPage(p.Number)
	}
	return err
}
