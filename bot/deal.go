package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// dealService is the deals area: the bot reads and changes deals only
// through it.
type dealService interface {
	Deals(ctx context.Context, f domain.DealFilter) ([]domain.Deal, int, error)
	Deal(ctx context.Context, id int64) (domain.Deal, error)
	DealTasks(ctx context.Context, dealID int64) ([]domain.CRMTask, error)
	PipelineStatuses(ctx context.Context, pipelineID int64) ([]domain.PipelineStatus, error)
	CRMUsers(ctx context.Context) ([]domain.CRMUser, error)
	Move(ctx context.Context, actor domain.User, d domain.Deal, statusID int64) error
	SetResponsible(ctx context.Context, actor domain.User, d domain.Deal, userID int64) error
	SetPrice(ctx context.Context, actor domain.User, d domain.Deal, price int64) error
	CreateTask(ctx context.Context, actor domain.User, d domain.Deal, text string, due time.Time, responsible, typeID int64) error
	TaskTypes(ctx context.Context) ([]domain.CRMTaskType, error)
	MessageResponsible(ctx context.Context, actor domain.User, d domain.Deal, text, source string) (string, error)
	URL(id int64) string
	AccountURL() string
}

// dealStore links people to amoCRM users and keeps typed-answer
// questions: the chat's state around deals, not the deals themselves.
type dealStore interface {
	LinkCRMUser(ctx context.Context, userID, crmUserID int64) error
	SetPendingInput(ctx context.Context, p domain.PendingInput) error
	TakePendingInput(ctx context.Context, userID, chatID int64) (domain.PendingInput, error)
}

// dealsPerPage keeps the table short, as the brief wants.
const dealsPerPage = 5

// dealList is a view of the deals table: sort, "my deals", page.
type dealList struct {
	byPrice bool
	mine    bool
	page    int
}

func (l dealList) data() []string {
	return []string{map[bool]string{false: "i", true: "p"}[l.byPrice], map[bool]string{false: "0", true: "1"}[l.mine], strconv.Itoa(l.page)}
}

func parseDealList(args []string) (dealList, bool) {
	if len(args) != 3 || (args[0] != "i" && args[0] != "p") || (args[1] != "0" && args[1] != "1") {
		return dealList{}, false
	}
	p, ok := parsePage(args[2])
	return dealList{byPrice: args[0] == "p", mine: args[1] == "1", page: p}, ok
}

// dealListBack is the data of a deal card's "back to the list": the list
// the user last saw, kept in memory (after a restart, the first page).
const dealListBack = "back"

// onDeals shows a page of active deals.
func (h *Handler) onDeals(c tele.Context) error {
	l, ok := parseDealList(strings.Split(c.Callback().Data, "|"))
	if c.Callback().Data == dealListBack {
		last, _ := h.dealLists.Load(user(c).ID)
		l, _ = last.(dealList)
		ok = true
	}
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	f := domain.DealFilter{ByPrice: l.byPrice, Limit: dealsPerPage}
	if l.mine {
		f.ResponsibleID = u.CRMUserID
	}
	deals, total, page, err := fetchPage(l.page, dealsPerPage, func(offset int) ([]domain.Deal, int, error) {
		f.Offset = offset
		return h.deals.Deals(ctx, f)
	})
	if err != nil {
		return err
	}
	l.page = page
	h.dealLists.Store(u.ID, l)
	tr := h.printer(c)
	return h.showScreen(c, dealListText(tr, h.cfg.Now(), l, deals, total), dealListKeyboard(tr, u, l, deals, total, h.deals.AccountURL()))
}

// onDeal opens a deal's card; a menu replaces its actions with a choice.
func (h *Handler) onDeal(c tele.Context) error {
	args := strings.Split(c.Callback().Data, "|")
	id, ok := parseID(args[0])
	if !ok || len(args) > 2 {
		return h.onStaleButton(c)
	}
	menu := ""
	if len(args) == 2 {
		menu = args[1]
	}
	return h.showDeal(c, id, menu)
}

func (h *Handler) showDeal(c tele.Context, id int64, menu string) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	d, err := h.deals.Deal(ctx, id)
	if err != nil {
		return err
	}
	tasks, err := h.deals.DealTasks(ctx, id)
	if err != nil {
		return err
	}
	var choices dealChoices
	menu, choices.page = menuPage(menu)
	switch menu {
	case "s":
		choices.statuses, err = h.deals.PipelineStatuses(ctx, d.PipelineID)
	case "r":
		var users []domain.CRMUser
		users, err = h.deals.CRMUsers(ctx)
		choices.users = domain.Assignable(users)
	case "", "t":
	default:
		return h.onStaleButton(c)
	}
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showScreen(c, dealCardText(tr, h.cfg.Now(), d, tasks),
		dealCardKeyboard(tr, user(c), d, menu, choices, h.deals.URL(d.ID)))
}

// dealChoices are what a card's menu offers.
type dealChoices struct {
	statuses []domain.PipelineStatus
	users    []domain.CRMUser
	page     int // of users
}

// menuPage splits a card's menu from the page of its choices: "r2" is
// the third page of the responsible picker. A menu without digits is on
// its first page; digits that are no page leave the menu unknown.
func menuPage(menu string) (string, int) {
	name := strings.TrimRight(menu, "0123456789")
	if name == menu {
		return menu, 0
	}
	page, ok := parsePage(menu[len(name):])
	if !ok {
		return "?", 0
	}
	return name, page
}

// onDealSet applies a choice: a status or a responsible. An amoCRM task
// is put together in its own draft (onCRMTask).
func (h *Handler) onDealSet(c tele.Context) error {
	args := strings.Split(c.Callback().Data, "|")
	if len(args) < 3 {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	if !okID {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	d, err := h.deals.Deal(ctx, id)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	u := user(c)
	switch {
	case args[1] == "s" && len(args) == 3:
		v, ok := parseID(args[2])
		if !ok {
			return h.onStaleButton(c)
		}
		err = h.deals.Move(ctx, u, d, v)
	case args[1] == "r" && len(args) == 3:
		v, ok := parseID(args[2])
		if !ok {
			return h.onStaleButton(c)
		}
		err = h.deals.SetResponsible(ctx, u, d, v)
	default:
		return h.onStaleButton(c)
	}
	if err != nil {
		return err
	}
	if err := h.answer(c, tr.T(i18n.DealSaved), false); err != nil {
		return err
	}
	return h.showDeal(c, id, "")
}

// onDealAsk asks for a typed answer: a new price, or a message to the
// responsible.
func (h *Handler) onDealAsk(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	question, known := dealQuestions[args[1]]
	if !okID || !known {
		return h.onStaleButton(c)
	}
	if !domain.CanActOnDeals(user(c)) {
		return h.deny(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID,
		Kind: "deal_" + args[1], RefID: id}); err != nil {
		return err
	}
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	tr := h.printer(c)
	return c.Send(tr.T(question), cancelKeyboard(tr, btnDeal, strconv.FormatInt(id, 10)), tele.ModeHTML)
}

var dealQuestions = map[string]i18n.Key{"price": i18n.DealAskPrice, "msg": i18n.DealAskMessage, "task": i18n.CRMTaskAskText}

// dealAnswer takes a typed answer to a question about a deal.
func (h *Handler) dealAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	d, err := h.deals.Deal(ctx, p.RefID)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	switch p.Kind {
	case "deal_price":
		price, ok := domain.ParseDealPrice(c.Text())
		if !ok {
			// Ask again: the question stays open for a corrected answer.
			if err := h.store.SetPendingInput(ctx, p); err != nil {
				return err
			}
			return c.Send(tr.T(i18n.DealBadPrice, esc(c.Text(), 40)), cancelKeyboard(tr, btnDeal, strconv.FormatInt(d.ID, 10)), tele.ModeHTML)
		}
		if err := h.deals.SetPrice(ctx, user(c), d, price); err != nil {
			return err
		}
		return c.Send(tr.T(i18n.DealPriceSet, esc(d.Name, 80), tr.Money(price)), tele.ModeHTML)
	case "deal_task", "deal_due":
		return h.crmTaskAnswer(ctx, c, p.Kind, d)
	case "deal_msg":
		source := fmt.Sprintf("%d:%d", c.Chat().ID, c.Message().ID) // the typed answer
		way, err := h.deals.MessageResponsible(ctx, user(c), d, c.Text(), source)
		if err != nil {
			return err
		}
		return c.Send(tr.T(dealSentKey(way), esc(d.ResponsibleName, 40)), tele.ModeHTML)
	}
	return c.Send(tr.T(i18n.NotUnderstood)) // a question from an older version of the bot
}

// dealSentKey says which way a message to the responsible went.
func dealSentKey(way string) i18n.Key {
	k, _ := i18n.DealSentName(way)
	return k
}
