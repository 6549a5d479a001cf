package bot

import (
	"bytes"
	"context"
	"errors"
	"html"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
	"processet/mining/eventlog"
)

// importProgressEvery spaces the edits of an import's progress message:
// Telegram throttles a bot that edits one message too often.
const importProgressEvery = 2 * time.Second

// importStage is where an import job is.
type importStage int

const (
	stageReading importStage = iota
	stageStoring
	stageRecomputing
)

// importState is what the progress message shows.
type importState struct {
	stage       importStage
	rows, total int64 // rows read, and the estimate of how many there are (0: unknown yet)
	percent     float64
	done, procs int // processes recomputed, of procs
}

// estimateRows is how many rows the file has, judged by how far the read
// is: rows so far scaled by the bytes still to come.
func estimateRows(p eventlog.Progress) int64 {
	if p.Bytes <= 0 || p.Total <= 0 || p.Rows <= 0 {
		return 0
	}
	if p.Bytes >= p.Total {
		return p.Rows
	}
	return int64(float64(p.Rows) * float64(p.Total) / float64(p.Bytes))
}

// importProgressText is the progress message of an import job.
func importProgressText(tr i18n.Printer, name string, s importState) string {
	name = html.EscapeString(name)
	switch s.stage {
	case stageStoring:
		return tr.T(i18n.ImportStageStoring, name, tr.Int(int(s.rows)))
	case stageRecomputing:
		if s.procs == 0 {
			return tr.T(i18n.ImportStageRecomputeWait, name)
		}
		return tr.T(i18n.ImportStageRecomputing, name, s.done, s.procs)
	}
	if s.total == 0 {
		return tr.T(i18n.ImportRunning, name)
	}
	return tr.T(i18n.ImportStageReading, name, tr.Int(int(s.rows)), tr.Int(int(s.total)), tr.Percent(s.percent))
}

// importReporter edits the progress message at most every
// importProgressEvery; the first report of a new stage goes at once.
type importReporter struct {
	h     *Handler
	tr    i18n.Printer
	msg   tele.Editable
	name  string
	last  time.Time
	stage importStage
}

func (r *importReporter) report(s importState) {
	now := r.h.cfg.Now()
	if s.stage == r.stage && now.Sub(r.last) < importProgressEvery {
		return
	}
	r.last, r.stage = now, s.stage
	// Progress is a courtesy: a failed edit must not stop the import.
	if _, err := r.h.bot.Edit(r.msg, importProgressText(r.tr, r.name, s), tele.ModeHTML); ignoreNotModified(err) != nil {
		r.h.log.Warn("task mining import progress", "err", err)
	}
}

// RunImport is the import job of the confirmed upload key: it imports
// the file (one transaction: a bad file stores nothing), recomputes every
// process and edits the confirmation message into the progress, then the
// summary or the errors. The job queue runs it once across the bot's
// processes, and again after a restart that cut it short. An error is
// for the queue to retry (the database away, a shutdown); what is wrong
// with the file is the user's message and no error.
func (h *Handler) RunImport(ctx context.Context, key string) error {
	up, content, err := h.cfg.Mining.ConfirmedUpload(ctx, key)
	if errors.Is(err, mining.ErrUploadGone) {
		return nil // finished before
	}
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(up.TimeZone)
	if err != nil {
		loc = h.cfg.Loc
	}
	tr := i18n.New(up.Lang, loc)
	msg := tele.StoredMessage{MessageID: strconv.Itoa(up.MessageID), ChatID: up.ChatID}
	finish := func(text string) error {
		if err := h.cfg.Mining.FinishUpload(ctx, key); err != nil {
			return err
		}
		if _, err := h.bot.Edit(msg, text, miningHomeKeyboard(tr), tele.ModeHTML); ignoreNotModified(err) != nil {
			h.log.Warn("task mining import result", "err", err)
		}
		return nil
	}
	r := bytes.NewReader(content)
	p, err := eventlog.Sniff(r, r.Size())
	if err != nil {
		return finish(tr.T(i18n.ImportNotALog))
	}
	p.Mapping = toMapping(up.Mapping)
	name := uploadProcess(content, p, up)
	rep := &importReporter{h: h, tr: tr, msg: msg, name: name, last: h.cfg.Now()}
	res, err := h.cfg.Mining.ImportFile(ctx, r, r.Size(), p, mining.FileOptions{Process: name, Name: up.FileName, Location: h.cfg.Loc,
		Progress: func(pr eventlog.Progress) {
			s := importState{stage: stageReading, rows: pr.Rows, total: estimateRows(pr)}
			if pr.Total > 0 {
				s.percent = 100 * float64(pr.Bytes) / float64(pr.Total)
			}
			if pr.Total > 0 && pr.Bytes >= pr.Total {
				s.stage = stageStoring // read to the end: the rows go in and commit
			}
			rep.report(s)
		}})
	switch {
	case ctx.Err() != nil:
		return ctx.Err() // cut short: nothing stored, the queue runs it again
	case err != nil:
		text, ours := importError(tr, err)
		if !ours {
			h.log.Error("task mining import", "upload", key, "err", err)
		}
		return finish(text)
	case res.Duplicate:
		// A run cut short after its import was stored finds its own file:
		// stored since this upload was confirmed, it is this one's.
		prev, at, err := h.cfg.Mining.ImportOf(ctx, up.ContentHash)
		if err != nil || at.Before(up.ConfirmedAt) {
			return finish(tr.T(i18n.ImportDuplicate, html.EscapeString(res.Process)))
		}
		res = prev
	}
	rep.report(importState{stage: stageRecomputing})
	if _, err := h.cfg.Mining.RecomputeAfterImport(ctx, func(done, total int) {
		rep.report(importState{stage: stageRecomputing, done: done, procs: total})
	}); err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // the import is stored: the run again recomputes and sums up
		}
		h.log.Error("task mining recompute after an import", "err", err)
	}
	pr, err := h.cfg.Mining.Process(ctx, res.ProcessID)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		h.log.Error("task mining: the imported process", "err", err)
		return finish(tr.T(i18n.ImportStoredNoSummary, html.EscapeString(res.Process), tr.Int(res.Added)))
	}
	return finish(importSummary(tr, res, pr))
}

// importSummary is the last message of an import: the process, its cases,
// events (and how many are new), activities, variants and period.
func importSummary(tr i18n.Printer, res domain.MiningImport, pr domain.ProcessResult) string {
	return tr.T(i18n.ImportDone, html.EscapeString(res.Process), tr.Int(pr.Cases), tr.Int(pr.Events), tr.Int(res.Added),
		tr.Int(pr.Activities), tr.Int(pr.Variants), tr.Date(pr.First), tr.Date(pr.Last))
}
