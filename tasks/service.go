package tasks

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"processet/domain"
	"processet/storage"
)

// Word turns a notification into a message in the recipient's language.
type Word func(n domain.Notification) domain.OutMessage

// store keeps the tasks, their history and reminders, and enqueues the
// messages a write causes in the write's transaction; *storage.DB
// implements it.
type store interface {
	User(ctx context.Context, id int64) (domain.User, error)
	Task(ctx context.Context, id int64) (domain.Task, error)
	Tasks(ctx context.Context, f storage.TaskFilter) ([]domain.Task, int, error)
	TaskStatusCounts(ctx context.Context, visibleTo int64) (map[domain.TaskStatus]int, error)
	CreateTask(ctx context.Context, t domain.Task, actorID int64, plan storage.ReminderPlan, notices storage.TaskNotices) (domain.Task, error)
	UpdateTask(ctx context.Context, id, actorID int64, now time.Time, change func(*domain.Task) error,
		plan storage.ReminderPlan, notices storage.TaskNotices) (old, new domain.Task, err error)
	AddReminder(ctx context.Context, r domain.Reminder) error
	SendDueReminders(ctx context.Context, now time.Time, limit int, notices storage.ReminderNotices) (int, error)
}

// Service is the tasks area's business logic.
type Service struct {
	db     store
	word   Word
	loc    *time.Location
	now    func() time.Time
	log    *slog.Logger
	onDone DoneHook
}

// DoneHook words, inside the change's transaction, the messages another
// area sends when a task becomes done (the ideas area asks the author of
// the task's idea whether it is implemented).
type DoneHook func(ctx context.Context, in storage.TxReads, t domain.Task) ([]domain.OutMessage, error)

// OnDone sets the hook run when a task becomes done; call it before the
// service is used.
func (s *Service) OnDone(h DoneHook) { s.onDone = h }

// New returns a service; now and log may be nil.
func New(db store, word Word, loc *time.Location, now func() time.Time, log *slog.Logger) *Service {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, word: word, loc: loc, now: now, log: log}
}

// plan times t's reminders in the zone of whoever gets them, so that "the
// morning of the due day" is their morning.
func (s *Service) plan(t domain.Task) []domain.Reminder {
	return domain.PlanReminders(t, s.now(), domain.ZoneOr(t.RemindZone, s.loc))
}

// Create stores a task the actor wrote and tells the assignee, unless the
// actor assigned it to themselves.
func (s *Service) Create(ctx context.Context, actor domain.User, t domain.Task) (domain.Task, error) {
	if !actor.Role.Approved() {
		return domain.Task{}, domain.ErrForbidden
	}
	t.AuthorID, t.CreatedAt = actor.ID, s.now()
	if t.Status == "" {
		t.Status = domain.TaskNew
	}
	if t.Priority == "" {
		t.Priority = domain.PriorityMedium
	}
	if err := t.Validate(s.now(), true); err != nil {
		return domain.Task{}, err
	}
	if t.AssigneeID != 0 {
		if _, err := s.member(ctx, t.AssigneeID); err != nil {
			return domain.Task{}, err
		}
	}
	return s.db.CreateTask(ctx, t, actor.ID, s.plan, func(ctx context.Context, in storage.TxReads, w storage.TaskWrite) ([]domain.OutMessage, error) {
		t := w.New
		if t.AssigneeID == 0 || t.AssigneeID == actor.ID {
			return nil, nil
		}
		return s.tell(ctx, in, domain.NoticeAssigned, t.AssigneeID, actor, t, nil, "")
	})
}

// ErrNotInTeam is returned when a task is given to someone who is not an
// approved user.
var ErrNotInTeam = domain.NewError(domain.Invalid, domain.ErrKeyNotInTeam)

func (s *Service) member(ctx context.Context, id int64) (domain.User, error) {
	u, err := s.db.User(ctx, id)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !u.Role.Approved()) {
		return domain.User{}, ErrNotInTeam
	}
	return u, err
}

// Change applies a user's edit. The assignee hears about changes made by
// someone else; a newly assigned person hears that the task is theirs.
func (s *Service) Change(ctx context.Context, actor domain.User, id int64, c domain.TaskChange) (domain.Task, error) {
	if c.AssigneeID != nil && *c.AssigneeID != 0 {
		if _, err := s.member(ctx, *c.AssigneeID); err != nil {
			return domain.Task{}, err
		}
	}
	now := s.now()
	_, t, err := s.db.UpdateTask(ctx, id, actor.ID, now, func(t *domain.Task) error { return c.Apply(t, actor, now) }, s.plan,
		func(ctx context.Context, in storage.TxReads, w storage.TaskWrite) ([]domain.OutMessage, error) {
			msgs, err := s.changeNotices(ctx, in, w, actor)
			if err != nil || s.onDone == nil || w.Old.Status == domain.TaskDone || w.New.Status != domain.TaskDone {
				return msgs, err
			}
			more, err := s.onDone(ctx, in, w.New)
			return append(msgs, more...), err
		})
	return t, err
}

// changeNotices tells the assignee about a change made by someone else.
func (s *Service) changeNotices(ctx context.Context, in storage.TxReads, w storage.TaskWrite, actor domain.User) ([]domain.OutMessage, error) {
	old, t := w.Old, w.New
	changes := domain.Diff(old, t)
	// The change's last history entry names it: one notification per
	// change, however close together changes come.
	key := strconv.FormatInt(w.Event, 10)
	if t.AssigneeID != 0 && t.AssigneeID != old.AssigneeID && t.AssigneeID != actor.ID {
		return s.tell(ctx, in, domain.NoticeAssigned, t.AssigneeID, actor, t, nil, key)
	}
	if t.AssigneeID != 0 && t.AssigneeID != actor.ID {
		return s.tell(ctx, in, domain.NoticeChanged, t.AssigneeID, actor, t, changes, key)
	}
	return nil, nil
}

// tell words one notification for one user, read in the write's
// transaction; storage enqueues it there.
func (s *Service) tell(ctx context.Context, in storage.TxReads, kind domain.NotificationKind, to int64, actor domain.User,
	t domain.Task, changes []domain.TaskEvent, key string) ([]domain.OutMessage, error) {
	u, err := in.User(ctx, to)
	if err != nil {
		return nil, err
	}
	n := domain.Notification{Kind: kind, To: u, Actor: actor, Task: t, Changes: changes,
		Key: "task:" + strconv.FormatInt(t.ID, 10) + ":" + string(kind) + ":" + strconv.FormatInt(to, 10) + ":" + key}
	return []domain.OutMessage{s.word(n)}, nil
}

// Task returns a task the user may see.
func (s *Service) Task(ctx context.Context, actor domain.User, id int64) (domain.Task, error) {
	t, err := s.db.Task(ctx, id)
	if err != nil {
		return domain.Task{}, err
	}
	if !t.VisibleTo(actor) {
		return domain.Task{}, domain.ErrForbidden
	}
	return t, nil
}

// List returns a page of the tasks the user may see in a status (active
// ones when status is empty), and how many there are.
func (s *Service) List(ctx context.Context, actor domain.User, status domain.TaskStatus, offset, limit int) ([]domain.Task, int, error) {
	return s.db.Tasks(ctx, storage.TaskFilter{Status: status, VisibleTo: domain.TaskScope(actor), Offset: offset, Limit: limit})
}

// StatusCounts counts the tasks the user may see, per status.
func (s *Service) StatusCounts(ctx context.Context, actor domain.User) (map[domain.TaskStatus]int, error) {
	return s.db.TaskStatusCounts(ctx, domain.TaskScope(actor))
}

// Snooze plans the task's reminder again in an hour or tomorrow morning.
func (s *Service) Snooze(ctx context.Context, actor domain.User, id int64, tomorrow bool) (time.Time, error) {
	t, err := s.Task(ctx, actor, id)
	if err != nil {
		return time.Time{}, err
	}
	at := domain.SnoozeUntil(s.now(), actor.Location(s.loc), tomorrow)
	return at, s.db.AddReminder(ctx, domain.Reminder{TaskID: t.ID, Kind: domain.RemindSnoozed, At: at})
}

// SendReminders sends every reminder that is due: the job the scheduler
// runs every minute. Each goes out in the transaction that marks it sent.
func (s *Service) SendReminders(ctx context.Context) error {
	n, err := s.db.SendDueReminders(ctx, s.now(), 500, func(ctx context.Context, in storage.TxReads, r domain.Reminder, t domain.Task) ([]domain.OutMessage, error) {
		var msgs []domain.OutMessage
		for _, to := range r.Recipients(t) {
			u, err := in.User(ctx, to)
			if err != nil {
				return nil, err
			}
			n := domain.Notification{Kind: domain.NoticeReminder, To: u, Task: t, Reminder: r.Kind,
				Key: "reminder:" + strconv.FormatInt(r.ID, 10) + ":" + strconv.FormatInt(to, 10)}
			msgs = append(msgs, s.word(n))
		}
		return msgs, nil
	})
	if n > 0 {
		s.log.Info("reminders sent", "count", n)
	}
	return err
}
