package amocrm_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
)

// TestLeadsPagination checks the end-of-list rule: a short page or a 204
// ends the walk, whatever the "next" link says.
func TestLeadsPagination(t *testing.T) {
	tests := []struct {
		name     string
		leads    int
		honest   bool
		pages    []int // sizes handed to fn
		requests int
	}{
		{name: "empty answers 204", leads: 0, pages: nil, requests: 1},
		{name: "one short page", leads: 100, pages: []int{100}, requests: 1},
		{name: "exactly one full page then 204", leads: 250, pages: []int{250}, requests: 2},
		{name: "lying next on the short last page", leads: 600, pages: []int{250, 250, 100}, requests: 3},
		{name: "honest next", leads: 600, honest: true, pages: []int{250, 250, 100}, requests: 3},
		{name: "two full pages then 204", leads: 500, pages: []int{250, 250}, requests: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []amocrmtest.Option
			if tt.honest {
				opts = append(opts, amocrmtest.WithHonestNext())
			}
			srv := fastServer(t, opts...)
			srv.AddLeads(tt.leads)
			c := fastClient(t, srv)
			var sizes []int
			var ids []int64
			err := c.Leads(context.Background(), amocrm.LeadQuery{}, 1, func(p amocrm.Page[amocrm.Lead]) error {
				if p.Number != len(sizes)+1 {
					t.Errorf("page number = %d, want %d", p.Number, len(sizes)+1)
				}
				sizes = append(sizes, len(p.Items))
				for _, l := range p.Items {
					ids = append(ids, l.ID)
				}
				return nil
			})
			if err != nil {
				t.Fatalf("Leads: %v", err)
			}
			if !slices.Equal(sizes, tt.pages) {
				t.Errorf("page sizes = %v, want %v", sizes, tt.pages)
			}
			if got := srv.Calls("GET /api/v4/leads"); got != tt.requests {
				t.Errorf("requests = %d, want %d", got, tt.requests)
			}
			if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != tt.leads {
				t.Errorf("got %d leads, not %d distinct in ID order", len(ids), tt.leads)
			}
		})
	}
}

func TestLeadsResumeAndStop(t *testing.T) {
	srv := fastServer(t)
	srv.AddLeads(600)
	c := fastClient(t, srv)
	var got int
	err := c.Leads(context.Background(), amocrm.LeadQuery{}, 2, func(p amocrm.Page[amocrm.Lead]) error {
		got += len(p.Items)
		return nil
	})
	if err != nil || got != 350 {
		t.Fatalf("resume from page 2: %d leads, err %v; want 350", got, err)
	}
	stop := errors.New("stop")
	calls := 0
	err = c.Leads(context.Background(), amocrm.LeadQuery{}, 1, func(amocrm.Page[amocrm.Lead]) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("fn error: err %v after %d calls, want stop after 1", err, calls)
	}
}

func TestLeadFields(t *testing.T) {
	srv := fastServer(t)
	company := srv.AddCompanies(1)[0]
	main := srv.Pipelines()[0]
	created := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	srv.Seed(amocrmtest.Data{Leads: []amocrmtest.Lead{{
		ID: 19619, Name: "Поставка оборудования", Price: 46333, PipelineID: main.ID, StatusID: amocrm.StatusWon,
		ResponsibleUserID: srv.Users()[2].ID, CompanyID: company.ID, Tags: []string{"VIP"},
		CreatedAt: created, UpdatedAt: created.Add(time.Hour), ClosedAt: created.Add(time.Hour),
	}}})
	c := fastClient(t, srv)
	got, err := c.Lead(context.Background(), 19619)
	if err != nil {
		t.Fatalf("Lead: %v", err)
	}
	want := amocrm.Lead{
		ID: 19619, Name: "Поставка оборудования", Price: 46333, ResponsibleUserID: srv.Users()[2].ID,
		StatusID: amocrm.StatusWon, PipelineID: main.ID, CompanyID: company.ID,
		CreatedAt: created, UpdatedAt: created.Add(time.Hour), ClosedAt: created.Add(time.Hour),
		Tags: []string{"VIP"}, AccountID: 31263018,
	}
	if got.ID != want.ID || got.Name != want.Name || got.Price != want.Price || got.CompanyID != want.CompanyID ||
		got.StatusID != want.StatusID || got.PipelineID != want.PipelineID || got.ResponsibleUserID != want.ResponsibleUserID ||
		!got.CreatedAt.Equal(want.CreatedAt) || !got.UpdatedAt.Equal(want.UpdatedAt) || !got.ClosedAt.Equal(want.ClosedAt) ||
		!got.ClosestTaskAt.IsZero() || !slices.Equal(got.Tags, want.Tags) || got.AccountID != want.AccountID || !got.Closed() {
		t.Errorf("Lead =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLeadsFilters(t *testing.T) {
	srv := fastServer(t)
	leads := srv.AddLeads(300)
	c := fastClient(t, srv)

	cut := time.Now().Add(-time.Hour)
	touched := []int64{leads[5].ID, leads[280].ID}
	for _, id := range touched {
		srv.UpdateLead(id, func(l *amocrmtest.Lead) { l.Name = "Изменена" })
	}
	var got []int64
	for _, l := range allLeads(t, c, amocrm.LeadQuery{UpdatedFrom: cut}) {
		got = append(got, l.ID)
	}
	var want []int64
	for _, l := range srv.Leads() {
		if !l.UpdatedAt.Before(cut.Truncate(time.Second)) {
			want = append(want, l.ID)
		}
	}
	if !slices.Equal(got, want) || !slices.Contains(got, touched[0]) {
		t.Errorf("UpdatedFrom: got %v, want %v", got, want)
	}

	ids := []int64{leads[0].ID, leads[299].ID, 1}
	byID := allLeads(t, c, amocrm.LeadQuery{IDs: ids})
	if len(byID) != 2 || byID[0].ID != ids[0] || byID[1].ID != ids[1] {
		t.Errorf("IDs: got %d leads %+v", len(byID), byID)
	}
}

// TestDeletedLeads follows a deletion: gone from lists and single reads,
// listed by with=only_deleted.
func TestDeletedLeads(t *testing.T) {
	srv := fastServer(t)
	leads := srv.AddLeads(10)
	c := fastClient(t, srv)
	gone := leads[3].ID
	srv.DeleteLeads(gone)

	for _, l := range allLeads(t, c, amocrm.LeadQuery{}) {
		if l.ID == gone {
			t.Error("deleted lead is still listed")
		}
	}
	if _, err := c.Lead(context.Background(), gone); !errors.Is(err, amocrm.ErrNotFound) {
		t.Errorf("Lead(deleted) err = %v, want ErrNotFound", err)
	}
	deleted := allLeads(t, c, amocrm.LeadQuery{OnlyDeleted: true})
	if len(deleted) != 1 || deleted[0].ID != gone || !deleted[0].IsDeleted || deleted[0].UpdatedAt.IsZero() {
		t.Errorf("OnlyDeleted = %+v, want lead %d marked deleted", deleted, gone)
	}
	if _, err := c.Lead(context.Background(), 999); !errors.Is(err, amocrm.ErrNotFound) {
		t.Errorf("Lead(missing) err = %v, want ErrNotFound", err)
	}
}

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
