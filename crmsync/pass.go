package crmsync

import (
	"context"
	"errors"
	"fmt"
	"time"

	"processet/amocrm"
	"processet/domain"
)

// syncEntity runs one pass of e given its stored state.
func (s *Syncer) syncEntity(ctx context.Context, e domain.SyncEntity, st domain.SyncState) error {
	switch e {
	case domain.SyncUsers:
		users, err := s.client.Users(ctx)
		if err != nil {
			return err
		}
		return s.whole(ctx, e, len(users), func(p *domain.SyncPage) error {
			return s.store.UpsertCRMUsers(ctx, mapUsers(users), p)
		})
	case domain.SyncPipelines:
		ps, err := s.client.Pipelines(ctx)
		if err != nil {
			return err
		}
		return s.whole(ctx, e, len(ps), func(p *domain.SyncPage) error {
			return s.store.ReplacePipelines(ctx, mapPipelines(ps), p)
		})
	}
	return s.paged(ctx, e, st)
}

// whole stores a list amoCRM returns in one piece (users, pipelines) as a
// full pass of one page: there is no cursor, and nothing to resume.
func (s *Syncer) whole(ctx context.Context, e domain.SyncEntity, rows int, store func(*domain.SyncPage) error) error {
	if _, err := s.store.BeginSyncPass(ctx, e, true, time.Time{}); err != nil {
		return err
	}
	if err := store(&domain.SyncPage{Entity: e, Number: 1, Rows: rows}); err != nil {
		return err
	}
	return s.store.FinishSyncPass(ctx, e, time.Time{}, true)
}

// paged runs one pass of a paged list: the interrupted one if there is
// one, else a full pass when none has completed or the last is older than
// FullEvery, else the changes since the cursor. After a full pass, rows it
// did not see are looked up by ID; after the deleted leads, a few leads not
// seen for long are.
func (s *Syncer) paged(ctx context.Context, e domain.SyncEntity, st domain.SyncState) error {
	pass := st.Pass
	if !pass.Active() {
		full := !st.FullDone || s.cfg.FullEvery > 0 && s.cfg.Now().Sub(st.FullAt) >= s.cfg.FullEvery
		var from time.Time
		if !full && !st.Cursor.IsZero() {
			from = st.Cursor.Add(-s.cfg.Overlap)
		}
		var err error
		if pass, err = s.store.BeginSyncPass(ctx, e, full, from); err != nil {
			return err
		}
	}
	pg := &pager{entity: e, pass: pass}
	if err := s.walk(ctx, pg); err != nil {
		return err
	}
	var sweepErr error
	if pass.Full {
		// The sweep repairs; it must not hold the sync hostage. A passing
		// trouble (a block, the rate limit, a shutdown) leaves the pass open
		// to sweep again on the next run; anything else is reported and the
		// pass ends, or one bad look-up would stop the entity for good.
		if err := s.sweep(ctx, e, pass.StartedAt); err != nil {
			if stopsRun(err) || ctx.Err() != nil {
				return fmt.Errorf("look up unseen: %w", err)
			}
			sweepErr = fmt.Errorf("look up unseen: %w", err)
		}
	}
	if err := s.store.FinishSyncPass(ctx, e, pg.cursor(), pass.Full); err != nil {
		return errors.Join(sweepErr, err)
	}
	if sweepErr != nil {
		return sweepErr
	}
	switch e {
	case domain.SyncDeletedLeads:
		return s.recheck(ctx, domain.SyncLeads)
	case domain.SyncTasks:
		return s.recheck(ctx, domain.SyncTasks)
	}
	return nil
}

// pager follows a pass while its pages commit.
type pager struct {
	entity domain.SyncEntity
	pass   domain.SyncPass
}

// page accounts for page n holding rows rows, the newest updated at
// newest, and returns it for the store to commit with the rows.
func (pg *pager) page(n int, newest time.Time, rows int) *domain.SyncPage {
	pg.pass.Page = n
	if newest.After(pg.pass.MaxUpdated) {
		pg.pass.MaxUpdated = newest
	}
	return &domain.SyncPage{Entity: pg.entity, Number: n, MaxUpdated: newest, Rows: rows}
}

// cursor is where the next pass may start: the newest change the pass
// stored, but no later than the pass's start. A long pass reads the first
// pages well before it ends, and rows changed in between are behind the
// newest timestamp it saw; starting from the pass's start reads them again.
// The overlap then covers the skew between the database's clock, which
// dates the start, and amoCRM's.
func (pg *pager) cursor() time.Time {
	c := pg.pass.MaxUpdated
	if !c.IsZero() && pg.pass.StartedAt.Before(c) {
		c = pg.pass.StartedAt
	}
	return c
}

// walk lists the entity's rows changed since the pass's From, from the
// page after the last committed one, and commits each page as it comes.
func (s *Syncer) walk(ctx context.Context, pg *pager) error {
	from, start := pg.pass.From, pg.pass.Page+1
	switch pg.entity {
	case domain.SyncCompanies:
		return s.client.Companies(ctx, amocrm.CompanyQuery{UpdatedFrom: from}, start, func(p amocrm.Page[amocrm.Company]) error {
			page := pg.page(p.Number, newest(p.Items, func(c amocrm.Company) time.Time { return c.UpdatedAt }), len(p.Items))
			return s.store.UpsertCompanies(ctx, mapCompanies(p.Items), page)
		})
	case domain.SyncLeads:
		return s.client.Leads(ctx, amocrm.LeadQuery{UpdatedFrom: from}, start, func(p amocrm.Page[amocrm.Lead]) error {
			page := pg.page(p.Number, newest(p.Items, leadUpdated), len(p.Items))
			return s.store.UpsertDeals(ctx, mapLeads(p.Items), page)
		})
	case domain.SyncTasks:
		return s.client.Tasks(ctx, amocrm.TaskQuery{UpdatedFrom: from}, start, func(p amocrm.Page[amocrm.Task]) error {
			page := pg.page(p.Number, newest(p.Items, func(t amocrm.Task) time.Time { return t.UpdatedAt }), len(p.Items))
			return s.store.UpsertCRMTasks(ctx, mapTasks(p.Items), page)
		})
	case domain.SyncDeletedLeads:
		q := amocrm.LeadQuery{UpdatedFrom: from, OnlyDeleted: true}
		return s.client.Leads(ctx, q, start, func(p amocrm.Page[amocrm.Lead]) error {
			page := pg.page(p.Number, newest(p.Items, leadUpdated), len(p.Items))
			_, err := s.store.MarkDealsDeleted(ctx, mapDeletedLeads(p.Items), page)
			return err
		})
	}
	return fmt.Errorf("no list for %q", pg.entity)
}

// sweep looks up by ID the rows a full pass did not see since it began.
// Most were deleted in amoCRM; a few were skipped because a deletion
// shifted the pages under the walk, and come back.
func (s *Syncer) sweep(ctx context.Context, e domain.SyncEntity, since time.Time) error {
	return s.lookUpUnseen(ctx, e, since, 0)
}

// lookUpUnseen looks up by ID the leads or tasks not seen since before,
// at most limit of them (0: all), the longest unseen first.
func (s *Syncer) lookUpUnseen(ctx context.Context, e domain.SyncEntity, before time.Time, limit int) error {
	switch e {
	case domain.SyncLeads:
		ids, err := s.store.UnseenDeals(ctx, before, limit)
		if err != nil {
			return err
		}
		return s.syncDealIDs(ctx, ids)
	case domain.SyncTasks:
		ids, err := s.store.UnseenCRMTasks(ctx, before, limit)
		if err != nil {
			return err
		}
		return s.syncTaskIDs(ctx, ids)
	}
	return nil
}

// recheck looks up a few chunks of the leads or tasks seen longest ago.
// amoCRM's list of deleted leads forgets a lead once it can no longer be
// restored, and tasks have no such list at all, so a row deleted without
// a webhook reaching us would otherwise stay on the dashboards until the
// next full pass.
func (s *Syncer) recheck(ctx context.Context, e domain.SyncEntity) error {
	if s.cfg.RecheckBatches <= 0 {
		return nil
	}
	if err := s.lookUpUnseen(ctx, e, s.cfg.Now().Add(-s.cfg.RecheckAge), s.cfg.RecheckBatches*s.cfg.LookupChunk); err != nil {
		return fmt.Errorf("recheck %s: %w", e, err)
	}
	return nil
}

// newest is the latest of the items' update times.
func newest[T any](items []T, at func(T) time.Time) time.Time {
	var n time.Time
	for _, it := range items {
		if t := at(it); t.After(n) {
			n = t
		}
	}
	return n
}

func leadUpdated(l amocrm.Lead) time.Time { return l.UpdatedAt }
