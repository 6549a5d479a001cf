package ideas_test

import (
	"testing"

	"processet/demo"
	"processet/domain"
)

// TestDemoIdeasHaveAConsistentHistory loads the demo company: every idea's
// history starts with its proposal and ends in its status, and the
// dashboard has figures to show.
func TestDemoIdeasHaveAConsistentHistory(t *testing.T) {
	e := newEnv(t)
	if err := e.db.LoadSeed(e.ctx, demo.Build(e.clock.now()), true); err != nil {
		t.Fatal(err)
	}
	manager := domain.User{ID: demo.FirstUserID, Role: domain.RoleManager}
	list, total, err := e.ideas.List(e.ctx, manager, domain.IdeaQuery{Limit: 50})
	if err != nil || total < 10 {
		t.Fatalf("%d ideas, %v", total, err)
	}
	for _, i := range list {
		c, err := e.ideas.Card(e.ctx, manager, manager.ID, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		h := c.History
		if len(h) == 0 || h[0].To != domain.IdeaNew || h[len(h)-1].To != i.Status {
			t.Errorf("idea %d (%s): history %+v", i.ID, i.Status, h)
		}
		for k := 1; k < len(h); k++ {
			if !domain.CanMoveIdea(h[k].From, h[k].To) || h[k].At.Before(h[k-1].At) || h[k].At.After(e.clock.now()) {
				t.Errorf("idea %d: move %d %s → %s at %v", i.ID, k, h[k].From, h[k].To, h[k].At)
			}
		}
		if i.Status == domain.IdeaRejected && h[len(h)-1].Reason == "" {
			t.Errorf("idea %d rejected without a reason", i.ID)
		}
	}
	d, err := e.ideas.Dashboard(e.ctx, manager)
	if err != nil {
		t.Fatal(err)
	}
	if d.Decided == 0 || d.MedianDecision == 0 || d.PipelineHours == 0 || len(d.Leaders) == 0 || d.ByStatus[domain.IdeaDuplicate] != 1 {
		t.Errorf("demo dashboard %+v", d)
	}
	months := 0
	for _, m := range d.Months {
		if m.Submitted > 0 {
			months++
		}
	}
	if months < 6 {
		t.Errorf("ideas in %d of the last 12 months: %+v", months, d.Months)
	}
	t.Logf("demo: %d ideas, accepted %.0f%%, median decision %v, pipeline %.0f h/year",
		total, 100*d.AcceptanceRate, d.MedianDecision, d.PipelineHours)
}
