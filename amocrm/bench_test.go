package amocrm_test

import (
	"context"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
)

// BenchmarkInitialSync measures a first full sync, 5,000 companies and
// 50,000 leads, against a fake enforcing amoCRM's 7 requests per second
// with the client at its defaults. At 250 rows per page the ceiling is
// 1,750 rows/s, so this takes about half a minute; run it alone:
//
//	go test ./amocrm -run '^$' -bench InitialSync -benchtime 1x
func BenchmarkInitialSync(b *testing.B) {
	const companies, leads = 5_000, 50_000
	srv := amocrmtest.NewServer(b)
	srv.AddCompanies(companies)
	srv.AddLeads(leads)
	c := amocrm.New(amocrm.Config{BaseURL: srv.URL, Tokens: amocrm.StaticToken(srv.Token()), HTTPClient: srv.Client()})
	ctx := context.Background()

	b.ResetTimer()
	start, reqs := time.Now(), srv.Requests()
	rows := 0
	for b.Loop() {
		err := c.Companies(ctx, amocrm.CompanyQuery{}, 1, func(p amocrm.Page[amocrm.Company]) error {
			rows += len(p.Items)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		err = c.Leads(ctx, amocrm.LeadQuery{}, 1, func(p amocrm.Page[amocrm.Lead]) error {
			rows += len(p.Items)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	wall := time.Since(start)
	b.StopTimer()

	if want := (companies + leads) * b.N; rows != want {
		b.Fatalf("synced %d rows, want %d", rows, want)
	}
	if n := srv.RateLimited(); n != 0 {
		b.Errorf("fake answered 429 %d times", n)
	}
	if n := srv.MaxPerSecond(); n > 7 {
		b.Errorf("fake saw %d requests within one second", n)
	}
	perSec := float64(rows) / wall.Seconds()
	b.ReportMetric(wall.Seconds()/float64(b.N), "wall-s/sync")
	b.ReportMetric(float64(srv.Requests()-reqs)/float64(b.N), "requests/sync")
	b.ReportMetric(perSec, "rows/s")
	b.ReportMetric(100*perSec/(amocrm.DefaultRateLimit*amocrm.PageLimit), "%-of-ceiling")
}
