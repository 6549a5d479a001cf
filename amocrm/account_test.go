package amocrm_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"processet/amocrm"
)

func TestAccountAndTaskTypes(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	a, err := c.Account(context.Background())
	if err != nil {
		t.Fatalf("Account: %v", err)
	}
	if a.Subdomain != "processet" || a.Timezone != "Europe/Moscow" || a.CurrentUserID != srv.Users()[0].ID || a.Currency != "RUB" {
		t.Errorf("Account = %+v", a)
	}
	types, err := c.TaskTypes(context.Background())
	if err != nil {
		t.Fatalf("TaskTypes: %v", err)
	}
	var codes []string
	for _, tt := range types {
		codes = append(codes, tt.Code)
	}
	if len(types) != 3 || types[0].ID != amocrm.TaskTypeFollowUp || !slices.Equal(codes, []string{"FOLLOW_UP", "MEETING", ""}) {
		t.Errorf("TaskTypes = %+v", types)
	}
}

// TestPipelinesHaveWonAndLost checks that 142 and 143 come with every
// pipeline, each tagged with its own pipeline ID.
func TestPipelinesHaveWonAndLost(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	ps, err := c.Pipelines(context.Background())
	if err != nil {
		t.Fatalf("Pipelines: %v", err)
	}
	if len(ps) != 2 || !ps[0].IsMain || ps[1].IsMain {
		t.Fatalf("Pipelines = %+v", ps)
	}
	for _, p := range ps {
		var closing []amocrm.Status
		for _, s := range p.Statuses {
			if s.ID == amocrm.StatusWon || s.ID == amocrm.StatusLost {
				closing = append(closing, s)
			}
			if s.PipelineID != p.ID {
				t.Errorf("pipeline %d: status %d has pipeline %d", p.ID, s.ID, s.PipelineID)
			}
		}
		if len(closing) != 2 {
			t.Errorf("pipeline %d: closing statuses %+v, want 142 and 143", p.ID, closing)
		}
		if p.Statuses[0].Type != 1 {
			t.Errorf("pipeline %d: first status %+v is not the unsorted inbox", p.ID, p.Statuses[0])
		}
	}
}

func TestUsers(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	users, err := c.Users(context.Background())
	if err != nil {
		t.Fatalf("Users: %v", err)
	}
	if len(users) != 5 || !users[0].IsAdmin || users[1].IsAdmin || users[4].IsActive || users[0].Name != "Алексей Иванов" {
		t.Errorf("Users = %+v", users)
	}
}

func TestCompanies(t *testing.T) {
	srv := fastServer(t)
	all := srv.AddCompanies(260)
	c := fastClient(t, srv)
	var pages []int
	err := c.Companies(context.Background(), amocrm.CompanyQuery{}, 1, func(p amocrm.Page[amocrm.Company]) error {
		pages = append(pages, len(p.Items))
		return nil
	})
	if err != nil || !slices.Equal(pages, []int{250, 10}) {
		t.Fatalf("pages = %v, err %v; want [250 10]", pages, err)
	}
	since := time.Now().Add(-30 * 24 * time.Hour)
	want := 0
	for _, co := range all {
		if co.UpdatedAt.Unix() >= since.Unix() {
			want++
		}
	}
	got := 0
	err = c.Companies(context.Background(), amocrm.CompanyQuery{UpdatedFrom: since}, 1, func(p amocrm.Page[amocrm.Company]) error {
		for _, co := range p.Items {
			if co.UpdatedAt.Before(since.Truncate(time.Second)) || co.Name == "" {
				t.Errorf("company %+v outside the filter", co)
			}
		}
		got += len(p.Items)
		return nil
	})
	if err != nil || got != want {
		t.Errorf("updated companies = %d, err %v; want %d", got, err, want)
	}
}
