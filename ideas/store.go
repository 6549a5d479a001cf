package ideas

import (
	"context"
)

// store keeps ideas, votes, history, posts and the ideas group, and
// enqueues the messages a write causes in its transaction; *storage.DB
// implements it.
type store interface {
	Ping(ctx context.Context) error
}
