package bot

import (
	"context"

	tele "gopkg.in/telebot.v3"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// dashboardStore computes what the dashboards show.
type dashboardStore interface {
	Home(ctx context.Context, q domain.DashboardQuery) (domain.Home, error)
	DealSummary(ctx context.Context, q domain.DashboardQuery) (domain.DealSummary, error)
	TaskSummary(ctx context.Context, q domain.DashboardQuery) (domain.TaskSummary, error)
	IdeaSummary(ctx context.Context, q domain.DashboardQuery) (domain.IdeaSummary, error)
}

// area is a dashboard; its code travels in callback data.
type area string

const (
	areaHome   area = "home"
	areaCRM    area = "crm"
	areaTasks  area = "tasks"
	areaMining area = "mining"
	areaIdeas  area = "ideas"
)

// screen is a rendered dashboard, ready to show.
type screen struct {
	pic     picture
	caption string
	markup  *tele.ReplyMarkup
}

// handleHome answers /home with the dashboard of dashboards.
func (h *Handler) handleHome(c tele.Context) error { return h.showArea(c, areaHome) }

// areaCommand answers an area's command with its dashboard.
func (h *Handler) areaCommand(a area) tele.HandlerFunc {
	return func(c tele.Context) error { return h.showArea(c, a) }
}

// onArea answers the area buttons (and Refresh, which is the same area
// again) by turning the card into that area's dashboard in place.
func (h *Handler) onArea(c tele.Context) error {
	a := area(c.Callback().Data)
	switch a {
	case areaHome, areaCRM, areaTasks, areaMining, areaIdeas:
		return h.showArea(c, a)
	}
	return h.onStaleButton(c)
}

// showArea computes, renders and shows one dashboard.
func (h *Handler) showArea(c tele.Context, a area) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	ctx = withDrawingHint(ctx, func() { _ = c.Notify(tele.UploadingPhoto) }) // a hint only: drawing goes on if it fails
	tr := h.printer(c)
	q := domain.DashboardQuery{Now: h.cfg.Now(), Loc: h.cfg.Loc, Weeks: 12, Limit: listLimit}
	s, err := h.buildScreen(ctx, tr, q, a, user(c))
	if err != nil {
		return err
	}
	return h.showPhoto(c, s.pic, s.caption, s.markup)
}

// listLimit is how many rows the dashboards list: the brief kept tables
// short on purpose, to cut visual noise.
const listLimit = 5

func (h *Handler) buildScreen(ctx context.Context, tr i18n.Printer, q domain.DashboardQuery, a area, u domain.User) (screen, error) {
	var (
		card    charts.AreaCard
		caption string
		err     error
	)
	switch a {
	case areaHome:
		home, err := h.homes.get(ctx, u.ID, q, h.store.Home)
		if err != nil {
			return screen{}, err
		}
		card := homeCard(tr, home)
		pic, err := h.cards.picture(cardID{card.Key(), tr.Lang, tr.Loc.String()}, func() ([]byte, error) {
			drawingHint(ctx)
			return h.render.Home(ctx, card)
		})
		if err != nil {
			return screen{}, err
		}
		return screen{pic, homeCaption(tr, home), homeKeyboard(tr)}, nil
	case areaCRM:
		var s domain.DealSummary
		if s, err = h.store.DealSummary(ctx, q); err == nil {
			card, caption = dealsCard(tr, q.Now, s), dealsCaption(tr, q.Now, s)
		}
	case areaTasks:
		var s domain.TaskSummary
		q.TasksOf = domain.TaskScope(u) // the same tasks as the lists behind it
		if s, err = h.store.TaskSummary(ctx, q); err == nil {
			card, caption = tasksCard(tr, q.Now, s), tasksCaption(tr, q.Now, s)
		}
	case areaMining:
		var s domain.MiningSummary
		if s, err = h.cfg.Mining.Dashboard(ctx); err == nil {
			card, caption = miningCard(tr, q.Now, s), miningCaption(tr, q.Now, s)
			err = h.addIdeaSavings(ctx, tr, &card)
		}
	case areaIdeas:
		return h.ideasScreen(ctx, tr, u)
	}
	if err != nil {
		return screen{}, err
	}
	pic, err := h.cards.picture(cardID{card.Key(), tr.Lang, tr.Loc.String()}, func() ([]byte, error) {
		drawingHint(ctx)
		return h.render.Area(ctx, card)
	})
	if err != nil {
		return screen{}, err
	}
	return screen{pic, caption, areaKeyboard(tr, a, u, h.deals.AccountURL())}, nil
}

// homeKeyboard explores each area from the home card.
func homeKeyboard(tr i18n.Printer) *tele.ReplyMarkup {
	return inline(
		row(button(btnArea, tr.T(i18n.AreaCRM), string(areaCRM)), button(btnArea, tr.T(i18n.AreaTasks), string(areaTasks))),
		row(button(btnArea, tr.T(i18n.AreaMining), string(areaMining)), button(btnArea, tr.T(i18n.AreaIdeas), string(areaIdeas))),
		row(button(btnArea, tr.T(i18n.Refresh), string(areaHome))),
	)
}

// areaKeyboard leads back home from an area, or refreshes it; the CRM
// dashboard also opens the deals table and amoCRM, the tasks dashboard
// the task list, a new task and, for managers, the KPI digest.
func areaKeyboard(tr i18n.Printer, a area, u domain.User, crmURL string) *tele.ReplyMarkup {
	var extra, digest []tele.Btn
	if a == areaCRM {
		extra = row(button(btnDeals, "📋 "+tr.T(i18n.DealListTitle), dealList{}.data()...))
		if crmURL != "" {
			extra = append(extra, tele.Btn{Text: tr.T(i18n.DealOpenAmo), URL: crmURL})
		}
	}
	if a == areaTasks {
		extra = row(button(btnTasks, "📋 "+tr.T(i18n.TaskListOpen), listRef{}.data()...), button(btnNewTask, tr.T(i18n.TaskNew)))
		if u.Role.AtLeast(domain.RoleManager) {
			digest = row(button(btnDigestNow, "📨 "+tr.T(i18n.DigestNowButton)))
		}
	}
	if a == areaMining {
		extra = miningButtons(tr, u)
	}
	return inline(extra, digest, row(button(btnArea, tr.T(i18n.Home), string(areaHome)), button(btnArea, tr.T(i18n.Refresh), string(a))))
}

// drawingHintKey carries what to do when a card must be drawn: show the
// chat "sending a photo…". Only a drawing takes long enough to need it; a
// card Telegram already has goes at once, and the hint would be a request
// for nothing.
type drawingHintKey struct{}

func withDrawingHint(ctx context.Context, hint func()) context.Context {
	return context.WithValue(ctx, drawingHintKey{}, hint)
}

// drawingHint gives the hint ctx carries, if any.
func drawingHint(ctx context.Context) {
	if hint, ok := ctx.Value(drawingHintKey{}).(func()); ok {
		hint()
	}
}
