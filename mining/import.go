package mining

import (
	"context"
	"iter"
	"strings"
	"unicode/utf8"

	"processet/domain"
)

// ErrProcessName is a process name that is empty or longer than 200
// characters.
var ErrProcessName = domain.NewError(domain.Invalid, domain.ErrKeyInvalid)

// Import stores one file's events in the named process, in one
// transaction: an error from events stores nothing. hash is the file's
// content hash: a file imported before imports nothing and comes back
// Duplicate. Events already stored for the process (same case, activity,
// time and lifecycle transition) are not added again. The figures change
// at the next Recompute.
func (s *Service) Import(ctx context.Context, processName string, events iter.Seq2[domain.MiningEvent, error], hash []byte) (domain.MiningImport, error) {
	name := strings.TrimSpace(processName)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return domain.MiningImport{}, ErrProcessName
	}
	return s.store.ImportMiningEvents(ctx, name, hash, events)
}

// Events adapts a slice to Import.
func Events(evs []domain.MiningEvent) iter.Seq2[domain.MiningEvent, error] {
	return func(yield func(domain.MiningEvent, error) bool) {
		for _, e := range evs {
			if !yield(e, nil) {
				return
			}
		}
	}
}
