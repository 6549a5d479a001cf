package bot

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// ideaCardText shows one idea to one viewer: status, author (or
// "anonymous"), the process and its potential, the estimate, the votes
// and the viewer's own, the task, the description and the history. It
// fits a caption, since the card may sit on a photo.
func ideaCardText(tr i18n.Printer, c domain.IdeaCard) string {
	i := c.Idea
	lines := []string{
		fmt.Sprintf("💡 <b>%s</b> · #%d", esc(i.Title, domain.IdeaTitleMax), i.ID),
		"",
		tr.T(i18n.IdeaCardStatus, ideaStatusMark(i.Status)+" "+tr.T(i18n.IdeaStatusName(i.Status))),
		tr.T(i18n.IdeaCardAuthor, esc(ideaAuthor(tr, i), 40), tr.DateTime(i.CreatedAt)),
	}
	if line := ideaProcessLine(tr, c); line != "" {
		lines = append(lines, line)
	}
	if i.HoursSaved > 0 {
		lines = append(lines, tr.T(i18n.IdeaCardHours, tr.Decimal(i.HoursSaved, 0)))
	}
	lines = append(lines, tr.T(i18n.IdeaCardVotes, i.Up, i.Down, myVoteText(tr, c.MyVote)))
	if c.Task != nil {
		lines = append(lines, tr.T(i18n.IdeaCardTask, esc(c.Task.Title, 80), tr.T(statusKey(c.Task.Status))))
	}
	if c.Original != nil {
		lines = append(lines, tr.T(i18n.IdeaCardDuplicate, c.Original.ID, esc(c.Original.Title, 80)))
	}
	if i.Attachment.FileID != "" {
		lines = append(lines, tr.T(i18n.IdeaCardAttachment))
	}
	if i.Description != "" {
		lines = append(lines, "", escBlock(i.Description, 400))
	}
	history := ideaHistoryLines(tr, c.History, 5)
	if len(history) > 0 {
		history[0] = "\n<b>" + tr.T(i18n.IdeaCardHistory) + "</b>\n" + history[0]
	}
	return fitLines(tr, strings.Join(lines, "\n"), history, 0, "", maxCaption)
}

// ideaProcessLine names the process the idea improves and, for a mined
// one, its optimisation potential.
func ideaProcessLine(tr i18n.Printer, c domain.IdeaCard) string {
	switch {
	case c.Process != nil:
		return tr.T(i18n.IdeaCardProcessMined, esc(c.Process.Name, 80),
			tr.Decimal(c.Process.PotentialHours, 0), tr.Percent(c.Process.PotentialPct()))
	case c.Idea.Process != "":
		return tr.T(i18n.IdeaCardProcess, esc(c.Idea.Process, 80))
	}
	return ""
}

func myVoteText(tr i18n.Printer, v domain.VoteValue) string {
	switch v {
	case domain.VoteUp:
		return tr.T(i18n.IdeaMyVote, "👍")
	case domain.VoteDown:
		return tr.T(i18n.IdeaMyVote, "👎")
	}
	return ""
}

// ideaHistoryLines are the latest n status changes, oldest first, each
// with who made it and the reason.
func ideaHistoryLines(tr i18n.Printer, events []domain.IdeaEvent, n int) []string {
	if len(events) > n {
		events = events[len(events)-n:]
	}
	var out []string
	for _, e := range events {
		who := e.ActorName
		if who == "" {
			who = "—"
		}
		what := tr.T(i18n.IdeaStatusName(e.To))
		if e.From == "" {
			what = tr.T(i18n.IdeaHistoryProposed)
		}
		if e.DuplicateOf != 0 {
			what += fmt.Sprintf(" #%d", e.DuplicateOf)
		}
		line := fmt.Sprintf("%s · %s: %s", tr.DateTime(e.At), esc(who, 30), what)
		if e.Reason != "" {
			line += " — " + esc(e.Reason, 120)
		}
		out = append(out, line)
	}
	return out
}

// ideaStatusMark is a status at a glance.
func ideaStatusMark(s domain.IdeaStatus) string {
	switch s {
	case domain.IdeaNew:
		return "🆕"
	case domain.IdeaUnderReview:
		return "🔎"
	case domain.IdeaAccepted:
		return "✅"
	case domain.IdeaInProgress:
		return "🛠"
	case domain.IdeaImplemented:
		return "🏁"
	case domain.IdeaRejected:
		return "⛔"
	}
	return "🔁"
}

// ideaCardKeyboard offers what the viewer may do: vote, decide, create the
// task or open it, see the attachment; then back to the list and home.
func ideaCardKeyboard(tr i18n.Printer, c domain.IdeaCard, back ideaList) *tele.ReplyMarkup {
	i := c.Idea
	id := strconv.FormatInt(i.ID, 10)
	var rows [][]tele.Btn
	if c.CanVote {
		up, down := voteButtons(i, c.MyVote, voteOnCard, back)
		rows = append(rows, row(up, down))
	}
	var moves []tele.Btn
	for _, s := range c.Moves {
		moves = append(moves, button(btnIdeaMove, ideaStatusMark(s)+" "+tr.T(i18n.IdeaMoveName(s)),
			append([]string{id, ideaStatusCode(s)}, back.data()...)...))
	}
	for len(moves) > 0 {
		n := min(2, len(moves))
		rows, moves = append(rows, moves[:n]), moves[n:]
	}
	var extra []tele.Btn
	if c.CanCreateTask {
		extra = append(extra, button(btnIdeaTask, "📋 "+tr.T(i18n.IdeaCreateTask), ideaTaskStep{ideaID: i.ID, assignee: -1}.data()...))
	}
	if c.Task != nil {
		extra = append(extra, button(btnTask, "📋 "+tr.T(i18n.IdeaOpenTask), taskData(c.Task.ID, listRef{})...))
	}
	if i.Attachment.FileID != "" {
		extra = append(extra, button(btnIdeaFile, "📎 "+tr.T(i18n.IdeaShowFile), id))
	}
	rows = append(rows, extra,
		row(button(btnIdeas, "◀ "+tr.T(i18n.BackToList), back.data()...), button(btnArea, tr.T(i18n.Home), string(areaHome))))
	return inline(rows...)
}

// escBlock escapes user text for HTML keeping its line breaks (at most
// two in a row), without control characters, cut to n characters.
func escBlock(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return html.EscapeString(truncate(strings.TrimSpace(s), n))
}
