package bot

import (
	"context"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
)

// miningOverrides is what the activity card needs beyond reading: a
// manager's standard time and share, each recomputing its process.
// *mining.Service has it.
type miningOverrides interface {
	SetStandardTime(ctx context.Context, actor domain.User, processID int64, activity int32, d *time.Duration) (mining.Overridden, error)
	SetShare(ctx context.Context, actor domain.User, processID int64, activity int32, share *float64) (mining.Overridden, error)
}

// onMiningActivities shows a page of a process's activities.
func (h *Handler) onMiningActivities(c tele.Context) error {
	return h.showProcessList(c, activitiesPerPage, func(r domain.ProcessResult) int { return len(r.ActivityStats) },
		func(tr i18n.Printer, ref procRef, r domain.ProcessResult) (string, *tele.ReplyMarkup) {
			return activitiesText(tr, r, ref.page), activitiesKeyboard(tr, ref, r)
		})
}

// showProcessList shows the page a process button asks for of one of the
// process's lists: the page is clamped to the list's length (the list may
// have shrunk since the button was sent) before view renders it.
func (h *Handler) showProcessList(c tele.Context, perPage int, length func(domain.ProcessResult) int,
	view func(tr i18n.Printer, ref procRef, r domain.ProcessResult) (string, *tele.ReplyMarkup)) error {
	args, _ := callbackArgs(c, 3)
	ref, ok := parseProcRef(args)
	if !ok {
		return h.onStaleButton(c)
	}
	r, err := h.miningProcess(c, ref.process)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	ref.page, _, _ = pageOf(ref.page, length(r), perPage)
	text, kb := view(tr, ref, r)
	return h.showText(c, text, kb)
}

// onMiningActivity opens an activity card; it is also where «Cancel»
// under a question about the activity goes back to.
func (h *Handler) onMiningActivity(c tele.Context) error {
	args, _ := callbackArgs(c, 4)
	ref, ok := parseActRef(args)
	if !ok {
		return h.onStaleButton(c)
	}
	r, err := h.miningProcess(c, ref.process)
	if err != nil {
		return err
	}
	return h.showActivity(c, r, ref)
}

// showActivity shows an activity card in place.
func (h *Handler) showActivity(c tele.Context, r domain.ProcessResult, ref actRef) error {
	tr := h.printer(c)
	a, found := findActivity(r, ref.activity)
	if !found {
		return h.answer(c, tr.T(i18n.MiningActGone), true)
	}
	return h.showText(c, activityCardText(tr, r, a), activityKeyboard(tr, user(c), ref, a))
}

func (h *Handler) miningProcess(c tele.Context, id int64) (domain.ProcessResult, error) {
	ctx, cancel := h.ctx(c)
	defer cancel()
	return h.cfg.Mining.Process(ctx, id)
}

// onMiningAsk asks a manager in the chat for an activity's standard time
// or share.
func (h *Handler) onMiningAsk(c tele.Context) error {
	args, _ := callbackArgs(c, 5)
	field, ref, ok := parseOverride(args)
	if !ok {
		return h.onStaleButton(c)
	}
	r, err := h.miningProcess(c, ref.process)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	a, found := findActivity(r, ref.activity)
	if !found {
		return h.answer(c, tr.T(i18n.MiningActGone), true)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID,
		Kind: miningQuestionKind(field, ref), RefID: ref.process}); err != nil {
		return err
	}
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	question := tr.T(i18n.MiningAskShare, esc(a.Name, 200), tr.Percent(100*a.Share), tr.T(shareSourceKey(a.ShareSource, false)))
	if field == overrideTime {
		question = tr.T(i18n.MiningAskTime, esc(a.Name, 200), preciseTime(tr, a.MeanSeconds), tr.T(serviceSourceKey(a.ServiceSource, false)))
	}
	return c.Send(question, cancelKeyboard(tr, btnMiningAct, ref.data()...), tele.ModeHTML)
}

// miningAnswer takes a typed standard time or share. An answer that does
// not read asks again; a good one is set, the process recomputed and the
// activity card sent with the new figures.
func (h *Handler) miningAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	tr := h.printer(c)
	field, ref, ok := parseMiningQuestion(p.Kind)
	if !ok {
		return c.Send(tr.T(i18n.NotUnderstood)) // a question from an older version of the bot
	}
	typed := strings.TrimSpace(c.Text())
	var o mining.Overridden
	var err error
	var value string
	if field == overrideTime {
		d, valid := domain.ParseStandardTime(typed)
		if !valid {
			return h.askAgain(ctx, c, p, ref, tr.T(i18n.MiningBadTime, esc(typed, 40)))
		}
		o, err = h.cfg.Mining.SetStandardTime(ctx, user(c), ref.process, ref.activity, &d)
		value = preciseTime(tr, d.Seconds())
	} else {
		share, valid := domain.ParseShare(typed)
		if !valid {
			return h.askAgain(ctx, c, p, ref, tr.T(i18n.MiningBadShare, esc(typed, 40)))
		}
		o, err = h.cfg.Mining.SetShare(ctx, user(c), ref.process, ref.activity, &share)
		value = tr.Percent(100 * share)
	}
	if err != nil {
		return err
	}
	a, found := findActivity(o.Process, ref.activity)
	if !found {
		return c.Send(tr.T(i18n.MiningActGone))
	}
	note := tr.T(i18n.MiningShareSet, esc(a.Name, 200), value)
	if field == overrideTime {
		note = tr.T(i18n.MiningTimeSet, esc(a.Name, 200), value)
	}
	note += " " + recomputedNote(tr, o)
	return c.Send(note+"\n\n"+activityCardText(tr, o.Process, a), activityKeyboard(tr, user(c), ref, a), tele.ModeHTML)
}

// askAgain keeps the question open after an answer that would not do.
func (h *Handler) askAgain(ctx context.Context, c tele.Context, p domain.PendingInput, ref actRef, text string) error {
	if err := h.store.SetPendingInput(ctx, p); err != nil {
		return err
	}
	return c.Send(text, cancelKeyboard(h.printer(c), btnMiningAct, ref.data()...), tele.ModeHTML)
}

func recomputedNote(tr i18n.Printer, o mining.Overridden) string {
	if o.Queued {
		return tr.T(i18n.MiningQueued)
	}
	return tr.T(i18n.MiningRecomputed)
}

// onMiningReset clears an activity's standard time or share, recomputes
// the process and shows the card again with the log's or the rules'
// figures.
func (h *Handler) onMiningReset(c tele.Context) error {
	args, _ := callbackArgs(c, 5)
	field, ref, ok := parseOverride(args)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	var o mining.Overridden
	var err error
	done := i18n.MiningShareReset
	if field == overrideTime {
		o, err = h.cfg.Mining.SetStandardTime(ctx, user(c), ref.process, ref.activity, nil)
		done = i18n.MiningTimeReset
	} else {
		o, err = h.cfg.Mining.SetShare(ctx, user(c), ref.process, ref.activity, nil)
	}
	if err != nil {
		return err
	}
	tr := h.printer(c)
	text := tr.T(done)
	if o.Queued {
		text = tr.T(i18n.MiningQueued)
	}
	if err := h.answer(c, text, false); err != nil {
		return err
	}
	return h.showActivity(c, o.Process, ref)
}
