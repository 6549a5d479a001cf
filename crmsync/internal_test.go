package crmsync

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"processet/amocrm"
	"processet/domain"
)

// Tests of the pure parts: webhook parsing, the cursor rule, the mapping.

func TestTouched(t *testing.T) {
	form, err := url.ParseQuery("leads[add][0][id]=1&leads[add][1][id]=2&leads[status][0][id]=3" +
		"&leads[responsible][0][id]=4&leads[delete][0][id]=5&leads[update][0][tags][0][id]=99" +
		"&leads[update][0][custom_fields][0][id]=98&task[add][0][id]=10&tasks[delete][0][id]=11" +
		"&task[update][0][element_id]=97&contacts[update][0][id]=96&leads[add][2][id]=junk&account[id]=95")
	if err != nil {
		t.Fatal(err)
	}
	leads, tasks := touched(form)
	slices.Sort(leads)
	slices.Sort(tasks)
	if !slices.Equal(leads, []int64{1, 2, 3, 4, 5}) || !slices.Equal(tasks, []int64{10, 11}) {
		t.Errorf("touched leads %v, tasks %v", leads, tasks)
	}
}

func TestPassCursor(t *testing.T) {
	start := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		newest time.Time
		want   time.Time
	}{
		{"nothing stored keeps the cursor", time.Time{}, time.Time{}},
		{"short pass: the newest row", start.Add(-time.Hour), start.Add(-time.Hour)},
		// Rows read early may have changed before the pass ended.
		{"long pass: no later than its start", start.Add(time.Hour), start},
	} {
		pg := &pager{entity: domain.SyncLeads, pass: domain.SyncPass{StartedAt: start}}
		pg.page(1, tc.newest, 1)
		pg.page(2, time.Time{}, 0)
		if got := pg.cursor(); !got.Equal(tc.want) {
			t.Errorf("%s: cursor %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMapLeads(t *testing.T) {
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	got := mapLeads([]amocrm.Lead{
		{ID: 1, Name: "Выиграна", Price: 500, StatusID: amocrm.StatusWon, PipelineID: 7, CompanyID: 3,
			ResponsibleUserID: 9, CreatedAt: at.Add(-time.Hour), UpdatedAt: at, ClosedAt: at},
		// Reopened: amoCRM may keep the old close time.
		{ID: 2, StatusID: 61235404, PipelineID: 7, UpdatedAt: at, ClosedAt: at.Add(-time.Hour)},
	})
	want := []domain.Deal{
		{ID: 1, Name: "Выиграна", Price: 500, StatusID: domain.StatusWon, PipelineID: 7, CompanyID: 3,
			ResponsibleID: 9, CreatedAt: at.Add(-time.Hour), UpdatedAt: at, ClosedAt: at},
		{ID: 2, StatusID: 61235404, PipelineID: 7, UpdatedAt: at},
	}
	if !slices.Equal(got, want) {
		t.Errorf("mapLeads:\n got %+v\nwant %+v", got, want)
	}
}

func TestMapTasksKeepsLeadsOnly(t *testing.T) {
	got := mapTasks([]amocrm.Task{
		{ID: 1, EntityType: amocrm.EntityLeads, EntityID: 10, Text: "Позвонить", TaskTypeID: 2, IsCompleted: true},
		{ID: 2, EntityType: amocrm.EntityCompanies, EntityID: 20},
		{ID: 3},
	})
	if got[0].DealID != 10 || got[0].TypeID != 2 || !got[0].Completed || got[1].DealID != 0 || got[2].DealID != 0 {
		t.Errorf("mapTasks: %+v", got)
	}
}

func TestMapPipelinesInAmoCRMOrder(t *testing.T) {
	got := mapPipelines([]amocrm.Pipeline{
		{ID: 2, Name: "Повторные", Sort: 20, Statuses: []amocrm.Status{{ID: 143, Sort: 11000}, {ID: 21, Sort: 10}}},
		{ID: 1, Name: "Продажи", Sort: 10, IsMain: true, Statuses: []amocrm.Status{{ID: 11, Sort: 20, Color: "#fff"}}},
	})
	if len(got) != 2 || got[0].ID != 1 || !got[0].Main || got[0].Statuses[0].Color != "#fff" ||
		got[1].Statuses[0].ID != 21 || got[1].Statuses[1].ID != 143 {
		t.Errorf("mapPipelines: %+v", got)
	}
}
