package bot

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/quickadd"
)

// crmDrafts keeps the amoCRM task being put together.
type crmDrafts interface {
	SaveCRMTaskDraft(ctx context.Context, d domain.CRMTaskDraft) error
	CRMTaskDraft(ctx context.Context, userID int64) (domain.CRMTaskDraft, error)
	DeleteCRMTaskDraft(ctx context.Context, userID int64) error
}

// startCRMTask begins an amoCRM task on a deal with a text, for the
// deal's responsible, due by the end of tomorrow; all can be changed before
// it is created.
func (h *Handler) startCRMTask(ctx context.Context, c tele.Context, d domain.Deal, text string, typeID int64) (domain.CRMTaskDraft, error) {
	due, _, _ := presetDeadline("tm", h.cfg.Now(), h.loc(c))
	draft := domain.CRMTaskDraft{UserID: user(c).ID, DealID: d.ID, Text: text, TypeID: typeID, ResponsibleID: d.ResponsibleID, Due: due}
	return draft, h.store.SaveCRMTaskDraft(ctx, draft)
}

// onCRMTask answers the amoCRM task draft's buttons.
func (h *Handler) onCRMTask(c tele.Context) error {
	op, value, _ := strings.Cut(c.Callback().Data, "|")
	ctx, cancel := h.ctx(c)
	defer cancel()
	tr := h.printer(c)
	if op == "new" {
		deal, i, ok := strings.Cut(value, "|")
		id, okID := parseID(deal)
		n, err := strconv.Atoi(i)
		if !ok || !okID || err != nil || n < 0 || n >= len(domain.CRMTaskPresets) {
			return h.onStaleButton(c)
		}
		d, err := h.deals.Deal(ctx, id)
		if err != nil {
			return err
		}
		preset := domain.CRMTaskPresets[n]
		draft, err := h.startCRMTask(ctx, c, d, tr.T(crmTaskPresetKeys[preset]), preset.TypeID())
		if err != nil {
			return err
		}
		return h.showCRMTask(ctx, c, draft, d, "")
	}
	draft, err := h.store.CRMTaskDraft(ctx, user(c).ID)
	if errors.Is(err, domain.ErrNotFound) {
		return h.onStaleButton(c)
	}
	if err != nil {
		return err
	}
	d, err := h.deals.Deal(ctx, draft.DealID)
	if err != nil {
		return err
	}
	switch op {
	case "back":
		return h.showCRMTask(ctx, c, draft, d, "")
	case "type", "resp", "due":
		if value == "" {
			return h.showCRMTask(ctx, c, draft, d, op) // open the choice
		}
		if page, isPage := strings.CutPrefix(value, "p"); isPage && op == "resp" {
			return h.showCRMTask(ctx, c, draft, d, op+page) // another page of people
		}
		if !setCRMTaskField(&draft, op, value, h.cfg.Now(), h.loc(c)) {
			return h.onStaleButton(c)
		}
	case "date":
		if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: draft.UserID, ChatID: c.Chat().ID,
			Kind: "deal_due", RefID: d.ID}); err != nil {
			return err
		}
		if err := h.answer(c, "", false); err != nil {
			return err
		}
		return c.Send(tr.T(i18n.CRMTaskAskDate), cancelKeyboard(tr, btnCRMTask, "back"), tele.ModeHTML)
	case "ok":
		if err := h.deals.CreateTask(ctx, user(c), d, draft.Text, draft.Due, draft.ResponsibleID, draft.TypeID); err != nil {
			return err
		}
		if err := h.store.DeleteCRMTaskDraft(ctx, draft.UserID); err != nil {
			return err
		}
		if err := h.answer(c, tr.T(i18n.DealSaved), false); err != nil {
			return err
		}
		return h.showDeal(c, d.ID, "")
	case "x":
		if err := h.store.DeleteCRMTaskDraft(ctx, draft.UserID); err != nil {
			return err
		}
		return h.showDeal(c, d.ID, "")
	default:
		return h.onStaleButton(c)
	}
	if err := h.store.SaveCRMTaskDraft(ctx, draft); err != nil {
		return err
	}
	return h.showCRMTask(ctx, c, draft, d, "")
}

func setCRMTaskField(d *domain.CRMTaskDraft, op, value string, now time.Time, loc *time.Location) bool {
	switch op {
	case "type", "resp":
		id, ok := parseID(value)
		if !ok {
			return false
		}
		if op == "type" {
			d.TypeID = id
		} else {
			d.ResponsibleID = id
		}
	case "due":
		at, none, ok := presetDeadline(value, now, loc)
		if !ok || none {
			return false
		}
		d.Due = at
	}
	return true
}

// showCRMTask shows the draft with its choices, or one choice open: in
// place after a button, as a new message after typed text.
func (h *Handler) showCRMTask(ctx context.Context, c tele.Context, draft domain.CRMTaskDraft, d domain.Deal, menu string) error {
	types, err := h.deals.TaskTypes(ctx)
	if err != nil {
		return err
	}
	users, err := h.deals.CRMUsers(ctx)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showScreen(c, crmTaskText(tr, draft, d, types, users), crmTaskKeyboard(tr, menu, types, users))
}

func crmTaskText(tr i18n.Printer, draft domain.CRMTaskDraft, d domain.Deal, types []domain.CRMTaskType, users []domain.CRMUser) string {
	typeName, who := taskTypeName(tr, draft.TypeID, types), tr.T(i18n.Nobody)
	for _, u := range users {
		if u.ID == draft.ResponsibleID {
			who = u.Name
		}
	}
	return tr.T(i18n.CRMTaskDraft, esc(draft.Text, 200), esc(d.Name, 80), esc(typeName, 40), esc(who, 40), tr.DateTime(draft.Due))
}

// taskTypeName names a task type: the account's name, or ours for the
// standard types amoCRM leaves unnamed.
func taskTypeName(tr i18n.Printer, id int64, types []domain.CRMTaskType) string {
	for _, t := range types {
		if t.ID == id && t.Name != "" {
			return t.Name
		}
	}
	if k, ok := i18n.CRMTaskTypeName(id); ok {
		return tr.T(k)
	}
	return strconv.FormatInt(id, 10) // the account's own type it did not name
}

func crmTaskKeyboard(tr i18n.Printer, menu string, types []domain.CRMTaskType, users []domain.CRMUser) *tele.ReplyMarkup {
	back := button(btnCRMTask, "◀ "+tr.T(i18n.TaskBack), "back")
	var rows [][]tele.Btn
	menu, page := menuPage(menu)
	switch menu {
	case "type":
		for _, t := range types {
			rows = append(rows, row(button(btnCRMTask, truncate(taskTypeName(tr, t.ID, types), 40), "type", strconv.FormatInt(t.ID, 10))))
		}
		return inline(append(rows, row(back))...)
	case "resp":
		pick := func(u domain.CRMUser) tele.Btn {
			return button(btnCRMTask, truncate(u.Name, 40), "resp", strconv.FormatInt(u.ID, 10))
		}
		turn := func(label string, page int) tele.Btn {
			return button(btnCRMTask, label, "resp", "p"+strconv.Itoa(page))
		}
		rows, nav := pagedButtons(tr, domain.Assignable(users), page, pickerSize, 1, pick, turn)
		return inline(append(rows, nav, row(back))...)
	case "due":
		for _, code := range deadlinePresets[:len(deadlinePresets)-1] {
			rows = append(rows, row(button(btnCRMTask, tr.T(presetKey(code)), "due", string(code))))
		}
		return inline(append(rows, row(button(btnCRMTask, "📅 "+tr.T(i18n.CRMTaskOtherDate), "date")), row(back))...)
	}
	return inline(
		row(button(btnCRMTask, tr.T(i18n.CRMTaskType)+" ▸", "type"), button(btnCRMTask, tr.T(i18n.DealResponsible)+" ▸", "resp")),
		row(button(btnCRMTask, tr.T(i18n.TaskSetDeadline)+" ▸", "due")),
		row(button(btnCRMTask, "✅ "+tr.T(i18n.DraftCreate), "ok"), button(btnCRMTask, tr.T(i18n.DraftCancel), "x")),
	)
}

// crmTaskAnswer takes typed input for an amoCRM task: its text (a new
// draft) or its date.
func (h *Handler) crmTaskAnswer(ctx context.Context, c tele.Context, kind string, d domain.Deal) error {
	tr := h.printer(c)
	text := strings.TrimSpace(c.Text())
	var draft domain.CRMTaskDraft
	var err error
	switch kind {
	case "deal_task":
		if text == "" || len([]rune(text)) > 500 {
			return c.Send(tr.T(i18n.CRMTaskBadText))
		}
		if draft, err = h.startCRMTask(ctx, c, d, text, domain.CRMTaskTypeFollowUp); err != nil {
			return err
		}
	case "deal_due":
		if draft, err = h.store.CRMTaskDraft(ctx, user(c).ID); err != nil {
			return err
		}
		parsed, problems := quickadd.Parse(text, h.cfg.Now(), h.loc(c))
		if parsed.Deadline.IsZero() || len(problems) > 1 || (len(problems) == 1 && problems[0].Code != quickadd.EmptyTitle) {
			if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: draft.UserID, ChatID: c.Chat().ID,
				Kind: kind, RefID: d.ID}); err != nil {
				return err
			}
			return c.Send(tr.T(i18n.CRMTaskBadDate, esc(text, 40)), cancelKeyboard(tr, btnCRMTask, "back"), tele.ModeHTML)
		}
		draft.Due = parsed.Deadline
		if err := h.store.SaveCRMTaskDraft(ctx, draft); err != nil {
			return err
		}
	}
	return h.showCRMTask(ctx, c, draft, d, "") // a new message: the answer was typed
}
