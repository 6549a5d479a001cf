package ideas

import (
	"context"
	"errors"
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

// New returns a service; now and log may be nil.
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

var errNotYet = errors.New("ideas: not implemented yet")

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
	return domain.Idea{}, errNotYet
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
	return domain.VoteResult{}, errNotYet
}

// Decide moves an idea to another status (domain.CanMoveIdea), as a
// manager or admin (else ErrIdeaDecidersOnly). Rejecting needs a reason
// (ErrIdeaReasonNeeded); a duplicate names its original (ErrIdeaBadOriginal
// for itself, an unknown idea or one that is a duplicate itself), and its
// votes move to the original: a person who voted on both keeps only their
// vote on the original. The change is written to the history; the author
// and everyone who voted for the idea (+1) are told once each (Word with
// IdeaNoticeDecision); the group posts are edited to show the status.
func (s *Service) Decide(ctx context.Context, actor domain.User, ideaID int64, d domain.IdeaDecision) (domain.Idea, error) {
	return domain.Idea{}, errNotYet
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
	return domain.Task{}, errNotYet
}

// AnswerImplemented is the author's answer to "is the idea implemented?"
// after its task was done: yes moves it to implemented (told like any
// decision), no leaves it in progress. Someone other than the author is
// ErrForbidden; an idea whose task is not done, or already implemented,
// is ErrIdeaNotAsked.
func (s *Service) AnswerImplemented(ctx context.Context, author domain.User, ideaID int64, yes bool) (domain.Idea, error) {
	return domain.Idea{}, errNotYet
}

// SetIdeasGroup makes chatID (a group or supergroup: negative, else
// ErrIdeaNotAGroup) the ideas group, as an admin (else ErrForbidden).
// Setting another group moves the role; the trust is not carried over.
func (s *Service) SetIdeasGroup(ctx context.Context, actor domain.User, chatID int64, title string) (domain.IdeasGroup, error) {
	return domain.IdeasGroup{}, errNotYet
}

// SetTrusted marks the ideas group trusted or not, as an admin. A chat
// that is not the ideas group is ErrIdeaNoGroup.
func (s *Service) SetTrusted(ctx context.Context, actor domain.User, chatID int64, trusted bool) (domain.IdeasGroup, error) {
	return domain.IdeasGroup{}, errNotYet
}

// IdeasGroup returns the ideas group; ok is false when none is set.
func (s *Service) IdeasGroup(ctx context.Context) (g domain.IdeasGroup, ok bool, err error) {
	return domain.IdeasGroup{}, false, errNotYet
}

// MayTakePart says whether u may vote and propose from chatID: approved
// users anywhere; anyone not rejected in the ideas group once it is
// trusted. Otherwise ErrIdeaNoAccess, which the bot words as how to get
// access. The bot checks it before asking a /idea dialog's questions.
func (s *Service) MayTakePart(ctx context.Context, u domain.User, chatID int64) error {
	return errNotYet
}

// Card is one idea as viewer sees it from chatID (see MayTakePart; pass
// the ideas group's ID for a member of it you verified): the author
// hidden when anonymous and the viewer is a colleague, their own vote,
// history, the linked process with its potential, the task, and what
// they may do.
func (s *Service) Card(ctx context.Context, viewer domain.User, chatID, ideaID int64) (domain.IdeaCard, error) {
	return domain.IdeaCard{}, errNotYet
}

// List is a page of ideas by status and order, with authors hidden as on
// the card, and how many match.
func (s *Service) List(ctx context.Context, viewer domain.User, q domain.IdeaQuery) ([]domain.Idea, int, error) {
	return nil, 0, errNotYet
}

// Dashboard computes the ideas analytics (see domain.IdeaDashboard and
// the README) as of now, months in the company's zone.
func (s *Service) Dashboard(ctx context.Context, viewer domain.User) (domain.IdeaDashboard, error) {
	return domain.IdeaDashboard{}, errNotYet
}

// Processes lists the mined processes an idea may name, most potential
// first: the buttons of the /idea dialog's process question.
func (s *Service) Processes(ctx context.Context, limit int) ([]domain.ProcessStat, error) {
	return nil, errNotYet
}

// News is what happened to ideas since a moment: the digest's ideas part.
func (s *Service) News(ctx context.Context, since time.Time) (domain.IdeaNews, error) {
	return domain.IdeaNews{}, errNotYet
}

// SaveDraft keeps a /idea dialog under way (see domain.PendingIdea); a
// newer save for the same person and chat replaces it. Nothing is
// checked: Propose checks the finished draft.
func (s *Service) SaveDraft(ctx context.Context, p domain.PendingIdea) error {
	return errNotYet
}

// Draft returns the dialog under way of a person in a chat; ok is false
// when there is none or it lapsed (older than a day).
func (s *Service) Draft(ctx context.Context, userID, chatID int64) (p domain.PendingIdea, ok bool, err error) {
	return domain.PendingIdea{}, false, errNotYet
}

// DropDraft forgets the dialog under way of a person in a chat, if any.
func (s *Service) DropDraft(ctx context.Context, userID, chatID int64) error {
	return errNotYet
}

// PipelineHours is the savings in the pipeline: Σ HoursSaved of the
// accepted, in-progress and implemented ideas, hours per year. The Task
// Mining dashboard shows it too.
func (s *Service) PipelineHours(ctx context.Context) (float64, error) {
	return 0, errNotYet
}

// RenderPost words the current state of the idea a posted message shows
// (ref as recorded with the post, "idea:<id>"): what the outbox's
// coalesced edit job sends when it runs. Not for the bot.
func (s *Service) RenderPost(ctx context.Context, ref string) (domain.OutMessage, error) {
	return domain.OutMessage{}, errNotYet
}

// TaskDone is the tasks area's hook for a task that became done, inside
// the change's transaction: when the task is an idea's, it words the
// question to the idea's author. Not for the bot.
func (s *Service) TaskDone(ctx context.Context, in storage.TxReads, t domain.Task) ([]domain.OutMessage, error) {
	return nil, errNotYet
}
