package crmsync_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
	"processet/crmsync"
	"processet/domain"
	"processet/storage"
)

// ceiling is what amoCRM's limit allows at most: 7 requests per second of
// 250 rows.
const ceiling = 7 * amocrm.PageLimit

// timedStore adds up the time spent storing pages of leads and companies,
// to show how much of a sync is the database's.
type timedStore struct {
	*storage.DB
	spent atomic.Int64
}

func (s *timedStore) UpsertDeals(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) error {
	defer s.time(time.Now())
	return s.DB.UpsertDeals(ctx, ds, p)
}

func (s *timedStore) UpsertCompanies(ctx context.Context, cs []domain.Company, p *domain.SyncPage) error {
	defer s.time(time.Now())
	return s.DB.UpsertCompanies(ctx, cs, p)
}

func (s *timedStore) time(start time.Time) { s.spent.Add(int64(time.Since(start))) }

// BenchmarkInitialSync copies 50,000 leads and 5,000 companies from a fake
// amoCRM enforcing 7 requests per second into a fresh database, and
// reports how close that comes to the 1,750 rows/s the limit allows. It
// takes about 40 s per iteration:
//
//	go test ./crmsync -run '^$' -bench InitialSync -benchtime 1x -timeout 10m
func BenchmarkInitialSync(b *testing.B) {
	const companies, leads = 5_000, 50_000
	var requests, limited int
	var wall, db time.Duration
	for range b.N {
		b.StopTimer()
		var ts *timedStore
		e := newEnv(b, envOptions{store: func(d *storage.DB) crmsync.Store {
			ts = &timedStore{DB: d}
			return ts
		}})
		e.srv.AddCompanies(companies)
		e.srv.AddLeads(leads)
		b.StartTimer()
		start := time.Now()
		e.run(b)
		wall += time.Since(start)
		b.StopTimer()
		requests += e.srv.Requests()
		limited += e.srv.RateLimited()
		db += time.Duration(ts.spent.Load())
		if c := e.counts(b); c.Deals != leads || c.Companies != companies {
			b.Fatalf("stored %+v", c)
		}
	}
	rowsPerSec := float64(b.N*(leads+companies)) / wall.Seconds()
	b.ReportMetric(wall.Seconds()/float64(b.N), "s/sync")
	b.ReportMetric(float64(requests)/float64(b.N), "requests/sync")
	b.ReportMetric(float64(limited)/float64(b.N), "429s/sync")
	b.ReportMetric(rowsPerSec, "rows/s")
	b.ReportMetric(100*rowsPerSec/ceiling, "%ceiling")
	b.ReportMetric(100*db.Seconds()/wall.Seconds(), "%in-db")
}

// BenchmarkIncrementalSync changes 100 of 5,000 leads between runs and
// reports what a run costs. Every run also re-reads the changes at its
// cursor and within the overlap before it, so the overlap is one second
// here and batches are two seconds apart: scaled down from the default two
// minutes between runs some minutes apart. Each run then reads the 100
// changed leads and the 100 of the run before, at the cursor.
func BenchmarkIncrementalSync(b *testing.B) {
	e := newEnv(b, envOptions{config: func(c *crmsync.Config) { c.Overlap = time.Second }})
	all := e.srv.AddLeads(5_000)
	e.run(b)
	var requests, rows int
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		time.Sleep(2 * time.Second)
		for j := range 100 {
			e.srv.UpdateLead(all[(i*100+j*37)%len(all)].ID, func(l *amocrmtest.Lead) { l.Price += 100 })
		}
		before := e.srv.Requests()
		b.StartTimer()
		e.run(b)
		b.StopTimer()
		requests += e.srv.Requests() - before
		rows += e.state(b, domain.SyncLeads).Rows
	}
	b.ReportMetric(float64(requests)/float64(b.N), "requests/run")
	b.ReportMetric(float64(rows)/float64(b.N), "lead-rows/run")
}
