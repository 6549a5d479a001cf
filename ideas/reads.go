package ideas

import (
	"context"
	"errors"
	"time"

	"processet/domain"
)

// leaders is how many ideas the dashboard ranks.
const leaders = 5

// Card is one idea as viewer sees it from chatID (see MayTakePart; pass
// the ideas group's ID for a member of it you verified): the author
// hidden when anonymous and the viewer is a colleague, their own vote,
// history, the linked process with its potential, the task, and what
// they may do.
func (s *Service) Card(ctx context.Context, viewer domain.User, chatID, ideaID int64) (domain.IdeaCard, error) {
	if err := s.MayTakePart(ctx, viewer, chatID); err != nil {
		return domain.IdeaCard{}, err
	}
	i, err := s.db.Idea(ctx, ideaID)
	if err != nil {
		return domain.IdeaCard{}, err
	}
	c := domain.IdeaCard{Idea: s.asSeen(viewer, i)}
	if c.MyVote, err = s.db.IdeaVoteOf(ctx, ideaID, viewer.ID); err != nil {
		return domain.IdeaCard{}, err
	}
	if c.History, err = s.db.IdeaHistory(ctx, ideaID); err != nil {
		return domain.IdeaCard{}, err
	}
	if !domain.SeesIdeaAuthor(viewer, i) {
		for k := range c.History {
			if c.History[k].ActorID == i.AuthorID {
				c.History[k].ActorID, c.History[k].ActorName = 0, ""
			}
		}
	}
	if i.ProcessID != 0 {
		p, err := s.db.IdeaProcess(ctx, i.ProcessID)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return domain.IdeaCard{}, err
		}
		if err == nil {
			c.Process = &p
		}
	}
	if i.TaskID != 0 {
		t, err := s.db.Task(ctx, i.TaskID)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return domain.IdeaCard{}, err
		}
		if err == nil {
			c.Task = &t
		}
	}
	if i.DuplicateOf != 0 {
		o, err := s.db.Idea(ctx, i.DuplicateOf)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return domain.IdeaCard{}, err
		}
		if err == nil {
			o = s.asSeen(viewer, o)
			c.Original = &o
		}
	}
	if domain.CanDecideIdeas(viewer) {
		c.Moves = domain.IdeaMoves(i.Status)
		c.CanCreateTask = taskable(i) == nil
	}
	c.CanVote = !i.Status.Closed()
	return c, nil
}

// asSeen hides the author of an anonymous idea from colleagues.
func (s *Service) asSeen(viewer domain.User, i domain.Idea) domain.Idea {
	if !domain.SeesIdeaAuthor(viewer, i) {
		i.AuthorName = ""
	}
	return i
}

// List is a page of ideas by status and order, with authors hidden as on
// the card, and how many match. Only approved users list ideas.
func (s *Service) List(ctx context.Context, viewer domain.User, q domain.IdeaQuery) ([]domain.Idea, int, error) {
	if !viewer.Role.Approved() {
		return nil, 0, domain.ErrIdeaNoAccess
	}
	if q.Status != "" && !q.Status.Valid() {
		return nil, 0, domain.NewError(domain.Invalid, domain.ErrKeyInvalid)
	}
	if q.Limit <= 0 || q.Limit > 50 {
		q.Limit = 10
	}
	q.Offset = max(q.Offset, 0)
	list, total, err := s.db.Ideas(ctx, q)
	for k := range list {
		list[k] = s.asSeen(viewer, list[k])
	}
	return list, total, err
}

// Dashboard computes the ideas analytics (see domain.IdeaDashboard and
// the README) as of now, months in the company's zone.
func (s *Service) Dashboard(ctx context.Context, viewer domain.User) (domain.IdeaDashboard, error) {
	if !viewer.Role.Approved() {
		return domain.IdeaDashboard{}, domain.ErrIdeaNoAccess
	}
	d, err := s.db.IdeaDashboard(ctx, s.now(), s.loc, leaders)
	if err != nil {
		return domain.IdeaDashboard{}, err
	}
	for k := range d.Leaders {
		d.Leaders[k] = s.asSeen(viewer, d.Leaders[k])
	}
	for k := range d.Summary.Top {
		d.Summary.Top[k] = s.asSeen(viewer, d.Summary.Top[k])
	}
	return d, nil
}

// Processes lists the mined processes an idea may name, most potential
// first: the buttons of the /idea dialog's process question.
func (s *Service) Processes(ctx context.Context, limit int) ([]domain.ProcessStat, error) {
	if limit <= 0 || limit > 50 {
		limit = 10
	}
	return s.db.MinedProcesses(ctx, limit)
}

// newsItems bounds the lists of the digest's ideas part.
const newsItems = 5

// News is what happened to ideas since a moment: the digest's ideas part.
// The digest goes to many people: anonymous authors stay unnamed.
func (s *Service) News(ctx context.Context, since time.Time) (domain.IdeaNews, error) {
	n, err := s.db.IdeaNews(ctx, since, newsItems)
	for k := range n.New {
		n.New[k] = hidden(n.New[k])
	}
	return n, err
}

// PipelineHours is the savings in the pipeline: Σ HoursSaved of the
// accepted, in-progress and implemented ideas, hours per year. The Task
// Mining dashboard shows it too.
func (s *Service) PipelineHours(ctx context.Context) (float64, error) {
	return s.db.IdeaPipelineHours(ctx)
}
