package ideas_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/ideas"
	"processet/internal/testdb"
	"processet/notify"
	"processet/storage"
	"processet/tasks"
)

// TestMain stops the private PostgreSQL server that testdb starts.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is the ideas service on a fresh database with the real outbox
// (enqueuing, not delivering) and the real tasks service.
type env struct {
	t      testing.TB
	ctx    context.Context
	pool   *pgxpool.Pool
	db     *storage.DB
	outbox *notify.Outbox
	tasks  *tasks.Service
	ideas  *ideas.Service
	clock  *clock
	admin  domain.User
	boss   domain.User // a manager
}

var start = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// word is the bot's stand-in: what a message says, enough to tell
// messages apart in the outbox.
func word(n domain.IdeaNotice) domain.OutMessage {
	return domain.OutMessage{HTML: fmt.Sprintf("%s %d %s 👍%d 👎%d", n.Kind, n.Idea.ID, n.Idea.Status, n.Idea.Up, n.Idea.Down)}
}

func newEnv(t testing.TB) *env {
	t.Helper()
	pool := testdb.NewWithConns(t, 40)
	bot, err := tele.NewBot(tele.Settings{URL: "http://127.0.0.1:1", Token: "123:TEST", Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, ctx: context.Background(), pool: pool, db: storage.New(pool), clock: &clock{t: start}}
	e.outbox, err = notify.New(pool, notify.Config{Bot: bot, RenderEdit: func(ctx context.Context, ref string) (notify.EditContent, error) {
		m, err := e.ideas.RenderPost(ctx, ref)
		return notify.EditContent{Text: m.HTML}, err
	}})
	if err != nil {
		t.Fatal(err)
	}
	e.db.SetOutbox(func(ctx context.Context, tx pgx.Tx, msgs ...domain.OutMessage) error {
		out := make([]notify.Message, len(msgs))
		for i, m := range msgs {
			out[i] = notify.Message{Key: m.Key, Telegram: &notify.Telegram{ChatID: m.ChatID, Text: m.HTML, Track: m.Track}}
		}
		return e.outbox.EnqueueTx(ctx, tx, out...)
	})
	e.db.SetEditor(func(ctx context.Context, tx pgx.Tx, edits ...storage.PostEdit) error {
		out := make([]notify.Edit, len(edits))
		for i, x := range edits {
			out[i] = notify.Edit{ChatID: x.ChatID, MessageID: x.MessageID, Ref: x.Ref}
		}
		return e.outbox.EditTx(ctx, tx, out...)
	})
	e.tasks = tasks.New(e.db, func(n domain.Notification) domain.OutMessage {
		return domain.OutMessage{ChatID: n.To.ID, HTML: string(n.Kind) + " " + n.Task.Title, Key: n.Key}
	}, time.UTC, e.clock.now, nil)
	e.ideas = ideas.New(e.db, e.tasks, word, time.UTC, e.clock.now, nil)
	e.tasks.OnDone(e.ideas.TaskDone)
	e.admin = e.user(1, domain.RoleAdmin)
	e.boss = e.user(2, domain.RoleManager)
	return e
}

// user stores a user with a role.
func (e *env) user(id int64, role domain.Role) domain.User {
	e.t.Helper()
	u, _, err := e.db.TouchUser(e.ctx, domain.User{ID: id, FirstName: fmt.Sprintf("User%d", id)}, role, true)
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

// employees stores n employees with IDs from 100.
func (e *env) employees(n int) []domain.User {
	e.t.Helper()
	out := make([]domain.User, n)
	for i := range out {
		out[i] = e.user(int64(100+i), domain.RoleEmployee)
	}
	return out
}

// propose stores an idea or fails the test.
func (e *env) propose(author domain.User, title string) domain.Idea {
	e.t.Helper()
	i, err := e.ideas.Propose(e.ctx, author, domain.IdeaDraft{Title: title, SourceChat: author.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return i
}

// decide moves an idea or fails the test.
func (e *env) decide(actor domain.User, id int64, d domain.IdeaDecision) domain.Idea {
	e.t.Helper()
	i, err := e.ideas.Decide(e.ctx, actor, id, d)
	if err != nil {
		e.t.Fatalf("decide %d → %s: %v", id, d.To, err)
	}
	return i
}

// keys lists the outbox's message keys matching a LIKE pattern.
func (e *env) keys(like string) []string {
	e.t.Helper()
	rows, _ := e.pool.Query(e.ctx, `select key from outbox_messages where key like $1 order by key`, like)
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		e.t.Fatal(err)
	}
	return keys
}

// posted records that the idea's post was delivered as message msgID in
// chat, as the outbox does on delivery.
func (e *env) posted(ideaID, chat, msgID int64) {
	e.t.Helper()
	err := pgx.BeginFunc(e.ctx, e.pool, func(tx pgx.Tx) error {
		return e.db.RecordPost(e.ctx, tx, storage.IdeaRef(ideaID), chat, msgID)
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// is fails the test unless err is the domain error want.
func is(t testing.TB, err error, want *domain.Error) {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Key != want.Key {
		t.Fatalf("got error %v, want %s", err, want.Key)
	}
}
