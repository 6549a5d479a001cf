package storage

import (
	"context"

	"processet/domain"
)

// Home computes the dashboard of dashboards: the four area summaries.
func (db *DB) Home(ctx context.Context, q domain.DashboardQuery) (domain.Home, error) {
	h := domain.Home{AsOf: q.Now}
	var err error
	if h.Deals, err = db.DealSummary(ctx, q); err != nil {
		return h, err
	}
	if h.Tasks, err = db.TaskSummary(ctx, q); err != nil {
		return h, err
	}
	if h.Mining, err = db.MiningSummary(ctx); err != nil {
		return h, err
	}
	if h.Ideas, err = db.IdeaSummary(ctx, q); err != nil {
		return h, err
	}
	return h, nil
}
