package crmsync

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"processet/amocrm"
	"processet/domain"
)

// SyncDeals fetches the deals with these IDs now and stores them, so a
// change the bot just made or a webhook announced shows without waiting
// for the next run. Deals amoCRM no longer returns are marked deleted.
func (s *Syncer) SyncDeals(ctx context.Context, ids ...int64) error {
	if err := s.checkBlocked(); err != nil {
		return err
	}
	if err := s.noteBlock(s.syncDealIDs(ctx, ids)); err != nil {
		return fmt.Errorf("sync deals: %w", err)
	}
	return nil
}

// SyncTasks is SyncDeals for tasks; tasks amoCRM no longer returns are
// removed.
func (s *Syncer) SyncTasks(ctx context.Context, ids ...int64) error {
	if err := s.checkBlocked(); err != nil {
		return err
	}
	if err := s.noteBlock(s.syncTaskIDs(ctx, ids)); err != nil {
		return fmt.Errorf("sync tasks: %w", err)
	}
	return nil
}

// errOnePage ends a look-up after its first page. A chunk fits in a page,
// so a second request could only return the empty page after a full one,
// or, had amoCRM ignored the ID filter, walk through the whole account.
var errOnePage = errors.New("one page is enough")

// errFilterIgnored means amoCRM answered a look-up by ID with rows that
// were not asked for. Nothing of the chunk is taken as missing then, since
// "not on the page" would no longer mean "deleted".
var errFilterIgnored = errors.New("amoCRM ignored the ID filter")

// lookUp fetches the items with ids, LookupChunk at a time, and hands each
// chunk's finds and the IDs not found to store.
func lookUp[T any](ctx context.Context, s *Syncer, ids []int64, id func(T) int64,
	list func(ctx context.Context, chunk []int64, fn func(amocrm.Page[T]) error) error,
	store func(found []T, missing []int64) error) error {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for chunk := range slices.Chunk(ids, s.cfg.LookupChunk) {
		var found []T
		err := list(ctx, chunk, func(p amocrm.Page[T]) error {
			found = append(found, p.Items...)
			return errOnePage
		})
		if err != nil && !errors.Is(err, errOnePage) {
			return err
		}
		seen := make(map[int64]bool, len(found))
		for _, it := range found {
			if _, ok := slices.BinarySearch(chunk, id(it)); !ok {
				return fmt.Errorf("look up %d IDs: got %d: %w", len(chunk), id(it), errFilterIgnored)
			}
			seen[id(it)] = true
		}
		var missing []int64
		for _, id := range chunk {
			if !seen[id] {
				missing = append(missing, id)
			}
		}
		if err := store(found, missing); err != nil {
			return err
		}
	}
	return nil
}

func (s *Syncer) syncDealIDs(ctx context.Context, ids []int64) error {
	list := func(ctx context.Context, chunk []int64, fn func(amocrm.Page[amocrm.Lead]) error) error {
		return s.client.Leads(ctx, amocrm.LeadQuery{IDs: chunk}, 1, fn)
	}
	return lookUp(ctx, s, slices.Clone(ids), func(l amocrm.Lead) int64 { return l.ID }, list,
		func(found []amocrm.Lead, missing []int64) error {
			if len(found) > 0 {
				if err := s.store.UpsertDeals(ctx, mapLeads(found), nil); err != nil {
					return err
				}
			}
			if len(missing) > 0 {
				gone := make([]domain.Deal, len(missing))
				for i, id := range missing {
					gone[i] = domain.Deal{ID: id} // deletion time unknown
				}
				if _, err := s.store.MarkDealsDeleted(ctx, gone, nil); err != nil {
					return err
				}
			}
			return nil
		})
}

func (s *Syncer) syncTaskIDs(ctx context.Context, ids []int64) error {
	list := func(ctx context.Context, chunk []int64, fn func(amocrm.Page[amocrm.Task]) error) error {
		return s.client.Tasks(ctx, amocrm.TaskQuery{IDs: chunk}, 1, fn)
	}
	return lookUp(ctx, s, slices.Clone(ids), func(t amocrm.Task) int64 { return t.ID }, list,
		func(found []amocrm.Task, missing []int64) error {
			if len(found) > 0 {
				if err := s.store.UpsertCRMTasks(ctx, mapTasks(found), nil); err != nil {
					return err
				}
			}
			if len(missing) > 0 {
				if _, err := s.store.DeleteCRMTasks(ctx, missing); err != nil {
					return err
				}
			}
			return nil
		})
}
