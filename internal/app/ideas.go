package app

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/ideas"
	"processet/notify"
	"processet/storage"
	"processet/tasks"
)

// ideasWiring joins the ideas area to the outbox, which is built before
// the service: the outbox renders edits of posts through the service, and
// the service's writes ask for edits through the outbox.
type ideasWiring struct {
	service *ideas.Service // set by build, before the outbox starts
}

// renderEdit is notify.Config.RenderEdit: the current post of an idea.
func (w *ideasWiring) renderEdit(ctx context.Context, ref string) (notify.EditContent, error) {
	if w.service == nil {
		return notify.EditContent{}, errors.New("ideas service not built yet")
	}
	m, err := w.service.RenderPost(ctx, ref)
	if errors.Is(err, domain.ErrNotFound) {
		return notify.EditContent{}, notify.ErrEditGone
	}
	if err != nil {
		return notify.EditContent{}, err
	}
	return notify.EditContent{Text: m.HTML, Buttons: notifyButtons(m.Buttons), Caption: m.PhotoID != ""}, nil
}

// build creates the ideas service and hooks it to the tasks area (a done
// task asks its idea's author) and the outbox (edits of posts).
func (w *ideasWiring) build(db *storage.DB, o *notify.Outbox, taskService *tasks.Service, word ideas.Word, cfg Config, log *slog.Logger) *ideas.Service {
	db.SetEditor(func(ctx context.Context, tx pgx.Tx, edits ...storage.PostEdit) error {
		out := make([]notify.Edit, len(edits))
		for i, e := range edits {
			out[i] = notify.Edit{ChatID: e.ChatID, MessageID: e.MessageID, Ref: e.Ref}
		}
		return o.EditTx(ctx, tx, out...)
	})
	w.service = ideas.New(db, taskService, word, cfg.Location, cfg.Now, log)
	taskService.OnDone(w.service.TaskDone)
	return w.service
}

// plainIdeaWord words the ideas area's messages until the bot words them
// with its buttons: the idea's title, status and counts, escaped.
func plainIdeaWord(n domain.IdeaNotice) domain.OutMessage {
	i := n.Idea
	text := fmt.Sprintf("💡 <b>%s</b>\n%s · 👍 %d 👎 %d", html.EscapeString(i.Title), i.Status, i.Up, i.Down)
	if n.Kind == domain.IdeaNoticeDecision && n.Event.Reason != "" {
		text += "\n" + html.EscapeString(n.Event.Reason)
	}
	return domain.OutMessage{HTML: text}
}
