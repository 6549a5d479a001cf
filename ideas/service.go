package ideas

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"processet/domain"
	"processet/storage"
)

// Word turns a message of the ideas area into an outgoing message in its
// recipient's language, with its buttons; the bot implements it (as
// bot.TaskNotices does for tasks). The service sets ChatID and Key on
// what it returns.
type Word func(n domain.IdeaNotice) domain.OutMessage

// taskCreator creates the task of an accepted idea with the tasks area's
// rules and notices; *tasks.Service implements it.
type taskCreator interface {
	Create(ctx context.Context, actor domain.User, t domain.Task) (domain.Task, error)
	Change(ctx context.Context, actor domain.User, id int64, c domain.TaskChange) (domain.Task, error)
}

// Service is the ideas area's business logic.
type Service struct {
	db    store
	tasks taskCreator
	word  Word
	loc   *time.Location
	now   func() time.Time
	log   *slog.Logger
}

// New returns a service; loc, now and log may be nil.
func New(db store, tasks taskCreator, word Word, loc *time.Location, now func() time.Time, log *slog.Logger) *Service {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	if loc == nil {
		loc = time.UTC
	}
	return &Service{db: db, tasks: tasks, word: word, loc: loc, now: now, log: log}
}

// Propose stores a new idea of the author, proposed in d.SourceChat (a
// private chat, or the ideas group, where a trusted group's members
// count as employees). The draft is trimmed and checked: ErrIdeaTitleEmpty,
// ErrIdeaTitleLong, ErrIdeaDescriptionLong, ErrIdeaProcessLong,
// ErrIdeaBadHours, ErrIdeaBadAttachment; more than domain.IdeasPerHour
// ideas in a rolling hour is ErrIdeaTooMany; someone who may not take
// part is ErrIdeaNoAccess. A ProcessID that names no mined process is
// ErrNotFound. When an ideas group is set, the idea's post (Word with
// IdeaNoticePost) is enqueued to it in the same transaction, and the
// posted message is recorded when delivered, so votes can edit it.
func (s *Service) Propose(ctx context.Context, author domain.User, d domain.IdeaDraft) (domain.Idea, error) {
	if err := s.MayTakePart(ctx, author, d.SourceChat); err != nil {
		return domain.Idea{}, err
	}
	if err := d.Normalize(); err != nil {
		return domain.Idea{}, err
	}
	return s.db.CreateIdea(ctx, d, author.ID, s.now(), domain.IdeasPerHour,
		func(ctx context.Context, i domain.Idea, g domain.IdeasGroup) (domain.OutMessage, error) {
			n := domain.IdeaNotice{Kind: domain.IdeaNoticePost, ChatID: g.ChatID, Idea: hidden(i),
				Key: fmt.Sprintf("idea:%d:post:%d", i.ID, g.ChatID)}
			return s.words(n), nil
		})
}

// words words a notice and addresses it.
func (s *Service) words(n domain.IdeaNotice) domain.OutMessage {
	m := s.word(n)
	m.ChatID, m.Key = n.ChatID, n.Key
	return m
}

// Vote presses the voter's 👍 (+1) or 👎 (-1) on an idea, from chatID
// (the chat of the pressed button). No vote yet: it is added; the same
// value again withdraws it; the other value switches it. Presses are
// idempotent under concurrency: every press of one person is applied
// once, in order, and counts never double. An idea that is implemented,
// rejected or a duplicate is ErrIdeaClosed; a value other than ±1 is
// ErrIdeaBadVote; an unknown idea ErrNotFound; a voter who may not take
// part ErrIdeaNoAccess. Every posted message of the idea is then edited,
// coalesced: at most one edit per message every few seconds, showing the
// counts of the moment it is sent.
func (s *Service) Vote(ctx context.Context, voter domain.User, chatID, ideaID int64, v domain.VoteValue) (domain.VoteResult, error) {
	if !v.Valid() {
		return domain.VoteResult{}, domain.ErrIdeaBadVote
	}
	if err := s.MayTakePart(ctx, voter, chatID); err != nil {
		return domain.VoteResult{}, err
	}
	return s.db.VoteIdea(ctx, ideaID, voter.ID, v, s.now())
}

// Decide moves an idea to another status (domain.CanMoveIdea), as a
// manager or admin (else ErrIdeaDecidersOnly). Rejecting needs a reason
// (ErrIdeaReasonNeeded); a duplicate names its original (ErrIdeaBadOriginal
// for itself, an unknown idea or one that is a duplicate itself), and its
// votes move to the original: a person who voted on both keeps only their
// vote on the original. The change is written to the history; the author
// and everyone who voted for the idea (+1) are told once each (Word with
// IdeaNoticeDecision), except whoever decided; the group posts are edited
// to show the status. Deciding what the idea already is changes nothing.
func (s *Service) Decide(ctx context.Context, actor domain.User, ideaID int64, d domain.IdeaDecision) (domain.Idea, error) {
	if !domain.CanDecideIdeas(actor) {
		return domain.Idea{}, domain.ErrIdeaDecidersOnly
	}
	original := int64(0)
	if d.To == domain.IdeaDuplicate {
		original = d.DuplicateOf
	}
	return s.db.MoveIdea(ctx, ideaID, original, storage.IdeaMove{
		ActorID: actor.ID, At: s.now(), Notices: s.decisionNotices(actor.ID),
		Decide: func(old domain.Idea, orig *domain.Idea) (domain.IdeaDecision, error) {
			dd := d
			if old.Status == dd.To && (dd.To != domain.IdeaDuplicate || old.DuplicateOf == dd.DuplicateOf) {
				return dd, nil
			}
			if err := dd.Check(old.ID, old.Status); err != nil {
				return dd, err
			}
			if dd.To == domain.IdeaDuplicate && (orig == nil || orig.Status == domain.IdeaDuplicate) {
				return dd, domain.ErrIdeaBadOriginal
			}
			return dd, nil
		},
	})
}

// decisionNotices tells the author and the supporters of an idea about a
// change of its status, once each: the key names the idea, the history
// entry and the recipient.
func (s *Service) decisionNotices(actorID int64) storage.IdeaNotices {
	return func(ctx context.Context, in storage.TxReads, w storage.IdeaWrite) ([]domain.OutMessage, error) {
		seen := map[int64]bool{0: true, actorID: true}
		var msgs []domain.OutMessage
		for _, id := range append([]int64{w.New.AuthorID}, w.Supporters...) {
			if seen[id] {
				continue
			}
			seen[id] = true
			u, err := in.User(ctx, id)
			if errors.Is(err, domain.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			i := w.New
			if !domain.SeesIdeaAuthor(u, i) {
				i.AuthorName = ""
			}
			msgs = append(msgs, s.words(domain.IdeaNotice{Kind: domain.IdeaNoticeDecision, ChatID: u.ID, To: u,
				Idea: i, Event: w.Event, Key: fmt.Sprintf("idea:%d:decision:%d:%d", i.ID, w.Event.ID, u.ID)}))
		}
		return msgs, nil
	}
}

// CreateTaskForIdea creates the internal task of an accepted idea, as a
// manager or admin, titled after the idea and linked to it, and moves the
// idea to in progress (told like any decision). The task follows the
// tasks area's rules (the assignee is told, reminders are planned). An
// idea that is not accepted or in progress is ErrIdeaNotAccepted; one with
// a task already ErrIdeaHasTask. When the task is done, the idea's author
// is asked whether the idea is implemented (Word with
// IdeaNoticeAskImplemented); see AnswerImplemented.
func (s *Service) CreateTaskForIdea(ctx context.Context, actor domain.User, ideaID, assigneeID int64, deadline time.Time, priority domain.Priority) (domain.Task, error) {
	if !domain.CanDecideIdeas(actor) {
		return domain.Task{}, domain.ErrIdeaDecidersOnly
	}
	idea, err := s.db.Idea(ctx, ideaID)
	if err != nil {
		return domain.Task{}, err
	}
	if err := taskable(idea); err != nil {
		return domain.Task{}, err
	}
	t, err := s.tasks.Create(ctx, actor, domain.Task{Title: idea.Title, Description: idea.Description,
		AssigneeID: assigneeID, Deadline: deadline, Priority: priority})
	if err != nil {
		return domain.Task{}, err
	}
	_, err = s.db.MoveIdea(ctx, ideaID, 0, storage.IdeaMove{
		ActorID: actor.ID, At: s.now(), TaskID: t.ID, Notices: s.decisionNotices(actor.ID),
		Decide: func(old domain.Idea, _ *domain.Idea) (domain.IdeaDecision, error) {
			if err := taskable(old); err != nil {
				return domain.IdeaDecision{}, err
			}
			return domain.IdeaDecision{To: domain.IdeaInProgress}, nil
		},
	})
	if err != nil {
		// Another manager linked a task in between: this one is cancelled,
		// so the idea keeps one.
		cancelled := domain.TaskCancelled
		if _, cerr := s.tasks.Change(ctx, actor, t.ID, domain.TaskChange{Status: &cancelled}); cerr != nil {
			s.log.Error("cancel the task of an idea that has one", "task", t.ID, "idea", ideaID, "err", cerr)
		}
		return domain.Task{}, err
	}
	return t, nil
}

// taskable says whether a task may be created for the idea now.
func taskable(i domain.Idea) error {
	switch {
	case i.TaskID != 0:
		return domain.ErrIdeaHasTask
	case i.Status != domain.IdeaAccepted && i.Status != domain.IdeaInProgress:
		return domain.ErrIdeaNotAccepted
	}
	return nil
}

// TaskDone is the tasks area's hook for a task that became done, inside
// the change's transaction: when the task is an idea's, it words the
// question to the idea's author, once per task. Not for the bot.
func (s *Service) TaskDone(ctx context.Context, in storage.TxReads, t domain.Task) ([]domain.OutMessage, error) {
	reads, ok := in.(ideaTxReads)
	if !ok {
		return nil, errors.New("ideas: the task's transaction cannot read ideas")
	}
	idea, ok, err := reads.IdeaOfTask(ctx, t.ID)
	if err != nil || !ok || idea.AuthorID == 0 || (idea.Status != domain.IdeaAccepted && idea.Status != domain.IdeaInProgress) {
		return nil, err
	}
	author, err := in.User(ctx, idea.AuthorID)
	if err != nil {
		return nil, err
	}
	return []domain.OutMessage{s.words(domain.IdeaNotice{Kind: domain.IdeaNoticeAskImplemented, ChatID: author.ID,
		To: author, Idea: idea, Task: t, Key: fmt.Sprintf("idea:%d:ask:%d", idea.ID, t.ID)})}, nil
}

// AnswerImplemented is the author's answer to "is the idea implemented?"
// after its task was done: yes moves it to implemented (told like any
// decision), no leaves it in progress. Someone other than the author is
// ErrForbidden; an idea whose task is not done, or already implemented,
// is ErrIdeaNotAsked.
func (s *Service) AnswerImplemented(ctx context.Context, author domain.User, ideaID int64, yes bool) (domain.Idea, error) {
	idea, err := s.db.Idea(ctx, ideaID)
	if err != nil {
		return domain.Idea{}, err
	}
	if idea.AuthorID != author.ID {
		return domain.Idea{}, domain.ErrForbidden
	}
	done, err := s.db.IdeaTaskDone(ctx, ideaID)
	if err != nil {
		return domain.Idea{}, err
	}
	if !done || (idea.Status != domain.IdeaAccepted && idea.Status != domain.IdeaInProgress) {
		return domain.Idea{}, domain.ErrIdeaNotAsked
	}
	if !yes {
		return idea, nil
	}
	return s.db.MoveIdea(ctx, ideaID, 0, storage.IdeaMove{
		ActorID: author.ID, At: s.now(), Notices: s.decisionNotices(author.ID),
		Decide: func(old domain.Idea, _ *domain.Idea) (domain.IdeaDecision, error) {
			if old.Status != domain.IdeaAccepted && old.Status != domain.IdeaInProgress {
				return domain.IdeaDecision{}, domain.ErrIdeaNotAsked
			}
			return domain.IdeaDecision{To: domain.IdeaImplemented}, nil
		},
	})
}

// SetIdeasGroup makes chatID (a group or supergroup: negative, else
// ErrIdeaNotAGroup) the ideas group, as an admin (else ErrForbidden).
// Setting another group moves the role; the trust is not carried over.
func (s *Service) SetIdeasGroup(ctx context.Context, actor domain.User, chatID int64, title string) (domain.IdeasGroup, error) {
	if !actor.Role.AtLeast(domain.RoleAdmin) {
		return domain.IdeasGroup{}, domain.ErrForbidden
	}
	if chatID >= 0 {
		return domain.IdeasGroup{}, domain.ErrIdeaNotAGroup
	}
	return s.db.SetIdeaGroup(ctx, chatID, title, actor.ID)
}

// SetTrusted marks the ideas group trusted or not, as an admin. A chat
// that is not the ideas group is ErrIdeaNoGroup.
func (s *Service) SetTrusted(ctx context.Context, actor domain.User, chatID int64, trusted bool) (domain.IdeasGroup, error) {
	if !actor.Role.AtLeast(domain.RoleAdmin) {
		return domain.IdeasGroup{}, domain.ErrForbidden
	}
	return s.db.SetIdeaGroupTrusted(ctx, chatID, trusted)
}

// IdeasGroup returns the ideas group; ok is false when none is set.
func (s *Service) IdeasGroup(ctx context.Context) (g domain.IdeasGroup, ok bool, err error) {
	return s.db.IdeaGroup(ctx)
}

// MayTakePart says whether u may vote and propose from chatID: approved
// users anywhere; anyone not rejected in the ideas group once it is
// trusted. Otherwise ErrIdeaNoAccess, which the bot words as how to get
// access. The bot checks it before asking a /idea dialog's questions.
func (s *Service) MayTakePart(ctx context.Context, u domain.User, chatID int64) error {
	if u.Role.Approved() {
		return nil
	}
	if u.Role == domain.RoleRejected || chatID >= 0 || u.ID == 0 {
		return domain.ErrIdeaNoAccess
	}
	g, ok, err := s.db.IdeaGroup(ctx)
	if err != nil {
		return err
	}
	if !ok || g.ChatID != chatID || !g.Trusted {
		return domain.ErrIdeaNoAccess
	}
	return nil
}

// SaveDraft keeps a /idea dialog under way (see domain.PendingIdea); a
// newer save for the same person and chat replaces it. Nothing is
// checked: Propose checks the finished draft.
func (s *Service) SaveDraft(ctx context.Context, p domain.PendingIdea) error {
	return s.db.SaveIdeaDraft(ctx, p)
}

// Draft returns the dialog under way of a person in a chat; ok is false
// when there is none or it lapsed (older than a day).
func (s *Service) Draft(ctx context.Context, userID, chatID int64) (p domain.PendingIdea, ok bool, err error) {
	return s.db.IdeaDraft(ctx, userID, chatID)
}

// DropDraft forgets the dialog under way of a person in a chat, if any.
func (s *Service) DropDraft(ctx context.Context, userID, chatID int64) error {
	return s.db.DropIdeaDraft(ctx, userID, chatID)
}

// RenderPost words the current state of the idea a posted message shows
// (ref as recorded with the post, "idea:<id>"): what the outbox's
// coalesced edit job sends when it runs. An idea that is gone is
// ErrNotFound: the post is not edited again. Not for the bot.
func (s *Service) RenderPost(ctx context.Context, ref string) (domain.OutMessage, error) {
	id, ok := storage.ParseIdeaRef(ref)
	if !ok {
		return domain.OutMessage{}, domain.ErrNotFound
	}
	i, err := s.db.Idea(ctx, id)
	if err != nil {
		return domain.OutMessage{}, err
	}
	return s.words(domain.IdeaNotice{Kind: domain.IdeaNoticePost, Idea: hidden(i)}), nil
}

// hidden is the idea as colleagues see it: no author when anonymous.
func hidden(i domain.Idea) domain.Idea {
	if i.Anonymous {
		i.AuthorName = ""
	}
	return i
}
