package ideas

import (
	"context"
	"time"

	"processet/domain"
	"processet/storage"
)

// store keeps ideas, votes, history, posts, drafts and the ideas group,
// and enqueues the messages a write causes in its transaction;
// *storage.DB implements it.
type store interface {
	Task(ctx context.Context, id int64) (domain.Task, error)

	CreateIdea(ctx context.Context, d domain.IdeaDraft, authorID int64, now time.Time, perHour int, post storage.IdeaPost) (domain.Idea, error)
	VoteIdea(ctx context.Context, ideaID, userID int64, v domain.VoteValue, now time.Time) (domain.VoteResult, error)
	MoveIdea(ctx context.Context, ideaID, original int64, m storage.IdeaMove) (domain.Idea, error)

	Idea(ctx context.Context, id int64) (domain.Idea, error)
	IdeaVoteOf(ctx context.Context, ideaID, userID int64) (domain.VoteValue, error)
	IdeaHistory(ctx context.Context, id int64) ([]domain.IdeaEvent, error)
	IdeaProcess(ctx context.Context, processID int64) (domain.ProcessStat, error)
	IdeaTaskDone(ctx context.Context, ideaID int64) (bool, error)
	Ideas(ctx context.Context, q domain.IdeaQuery) ([]domain.Idea, int, error)
	MinedProcesses(ctx context.Context, limit int) ([]domain.ProcessStat, error)
	IdeaDashboard(ctx context.Context, now time.Time, loc *time.Location, leaders int) (domain.IdeaDashboard, error)
	IdeaNews(ctx context.Context, since time.Time, limit int) (domain.IdeaNews, error)
	IdeaPipelineHours(ctx context.Context) (float64, error)

	IdeaGroup(ctx context.Context) (domain.IdeasGroup, bool, error)
	SetIdeaGroup(ctx context.Context, chatID int64, title string, actorID int64) (domain.IdeasGroup, error)
	SetIdeaGroupTrusted(ctx context.Context, chatID int64, trusted bool) (domain.IdeasGroup, error)

	SaveIdeaDraft(ctx context.Context, p domain.PendingIdea) error
	IdeaDraft(ctx context.Context, userID, chatID int64) (domain.PendingIdea, bool, error)
	DropIdeaDraft(ctx context.Context, userID, chatID int64) error
}

// ideaTxReads is what TaskDone reads in a task write's transaction; the
// storage.TxReads that storage passes implements it.
type ideaTxReads interface {
	storage.TxReads
	IdeaOfTask(ctx context.Context, taskID int64) (domain.Idea, bool, error)
}
