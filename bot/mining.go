package bot

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
	"processet/mining/eventlog"
)

// miningService is the Task Mining area as the bot uses it: the
// dashboard, the recompute behind «Get data», the processes to explore
// and the import of an event log a user sends. *mining.Service has it.
// (Naming a file's process is mining.FileProcess, a function, not here.)
type miningService interface {
	Dashboard(ctx context.Context) (domain.MiningSummary, error)
	Recompute(ctx context.Context, progress mining.Progress) (int, error)
	Processes(ctx context.Context, page, perPage int) ([]domain.ProcessStat, int, error)
	Process(ctx context.Context, processID int64) (domain.ProcessResult, error)
	ImportFile(ctx context.Context, r io.ReaderAt, size int64, p *eventlog.Preview, opt mining.FileOptions) (domain.MiningImport, error)
	miningOverrides
	miningUploads
}

// progressEvery spaces the edits of a recompute's progress message:
// Telegram throttles a bot that edits one message too often.
const progressEvery = 2 * time.Second

// onMiningRun answers «Get data»: it recomputes every process in the
// background, after the handler returns, keeping a progress message up to
// date and turning the dashboard the button was on into the fresh one at
// the end. One run at a time: a press while this process runs one is told
// so at once, and a run that another process holds (the service's lock)
// is told so in the progress message.
func (h *Handler) onMiningRun(c tele.Context) error {
	tr := h.printer(c)
	if !h.miningRuns.CompareAndSwap(false, true) {
		return h.answer(c, tr.T(i18n.ErrMiningRunning), true)
	}
	handedOver := false
	defer func() {
		if !handedOver {
			h.miningRuns.Store(false)
		}
	}()
	if err := h.answer(c, tr.T(i18n.MiningRunStarted), false); err != nil {
		return err
	}
	progress, err := h.bot.Send(c.Chat(), tr.T(i18n.MiningRunPrepare), tele.ModeHTML)
	if err != nil {
		return err
	}
	card, u := c.Message(), user(c)
	handedOver = true
	h.followUp(c, func(life context.Context) {
		defer h.miningRuns.Store(false)
		h.recompute(life, tr, u, progress, card)
	})
	return nil
}

// recompute runs the recompute and reports on progress; card, the
// dashboard the button was on, is shown afresh when it is done.
func (h *Handler) recompute(ctx context.Context, tr i18n.Printer, u domain.User, progress, card *tele.Message) {
	last := time.Now() // the progress message has just been sent
	var done, total int
	n, err := h.cfg.Mining.Recompute(ctx, func(d, t int) {
		done, total = d, t
		if time.Since(last) < progressEvery {
			return
		}
		last = time.Now()
		// Progress is a courtesy: a failed edit must not stop the run.
		_, _ = h.bot.Edit(progress, miningProgressText(tr, d, t), tele.ModeHTML)
	})
	// The run is over once the service returns: a press from here on
	// starts the next one, even while the results are still being shown.
	h.miningRuns.Store(false)
	switch {
	case errors.Is(err, mining.ErrRunning):
		h.editProgress(ctx, progress, tr.T(i18n.ErrMiningRunning))
		return
	case err != nil:
		h.log.ErrorContext(ctx, "task mining recompute", "err", err, "done", done, "total", total)
		h.editProgress(ctx, progress, tr.T(i18n.MiningRunFailed, done, max(total, done)))
		return
	}
	h.editProgress(ctx, progress, tr.T(i18n.MiningRunDone, n))
	if card == nil || card.Photo == nil {
		return
	}
	q := domain.DashboardQuery{Now: h.cfg.Now(), Loc: h.cfg.Loc, Weeks: 12, Limit: listLimit}
	s, err := h.buildScreen(ctx, tr, q, areaMining, u)
	if err != nil {
		h.log.ErrorContext(ctx, "task mining dashboard after recompute", "err", err)
		return
	}
	png, err := s.pic.bytes()
	if err != nil {
		h.log.Error("task mining dashboard after recompute", "err", err)
		return
	}
	photo := &tele.Photo{File: tele.FromReader(bytes.NewReader(png)), Caption: s.caption}
	if _, err := h.bot.Edit(card, photo, s.markup, tele.ModeHTML); ignoreNotModified(err) != nil {
		h.log.WarnContext(ctx, "task mining dashboard after recompute", "err", err)
	}
}

func (h *Handler) editProgress(ctx context.Context, progress *tele.Message, text string) {
	if _, err := h.bot.Edit(progress, text, tele.ModeHTML); ignoreNotModified(err) != nil {
		h.log.WarnContext(ctx, "task mining progress", "err", err)
	}
}

// miningProgressText is the stage of a run and its share done.
func miningProgressText(tr i18n.Printer, done, total int) string {
	if total == 0 {
		return tr.T(i18n.MiningRunPrepare)
	}
	return tr.T(i18n.MiningRunCompute, done, total, tr.Percent(100*float64(done)/float64(total)))
}
