package bot

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"

	"processet/domain"
	"processet/i18n"
)

// IdeaNotices words the ideas area's messages: the post of an idea in the
// ideas group (in the company's default language, Russian), the decision
// told to the author and the voters, and the question to the author once
// the idea's task is done. The ideas service calls it inside the
// transaction that enqueues them, and again for every coalesced edit of a
// post. botUsername makes the post's «More» link into the private chat.
func IdeaNotices(loc *time.Location, botUsername string) func(domain.IdeaNotice) domain.OutMessage {
	return func(n domain.IdeaNotice) domain.OutMessage {
		if n.Kind == domain.IdeaNoticePost {
			return ideaPost(i18n.New(domain.LangRU, loc), n.Idea, botUsername)
		}
		tr := i18n.New(n.To.Language(), n.To.Location(loc))
		i := n.Idea
		title := "<b>" + esc(i.Title, domain.IdeaTitleMax) + "</b>"
		open := wire(button(btnIdea, tr.T(i18n.IdeaOpen), ideaData(i.ID, ideaList{})...))
		if n.Kind == domain.IdeaNoticeAskImplemented {
			id := strconv.FormatInt(i.ID, 10)
			text := tr.T(i18n.IdeaAskImplemented, esc(n.Task.Title, 200), title)
			return domain.OutMessage{ChatID: n.To.ID, HTML: text, Key: n.Key, Buttons: [][]domain.Button{
				{wire(button(btnIdeaImpl, "✅ "+tr.T(i18n.IdeaYesImplemented), id, "y")), wire(button(btnIdeaImpl, tr.T(i18n.IdeaNotYet), id, "n"))},
				{open}}}
		}
		return domain.OutMessage{ChatID: n.To.ID, HTML: ideaDecisionText(tr, n), Key: n.Key, Buttons: [][]domain.Button{{open}}}
	}
}

// ideaDecisionText tells the author ("your idea") or a voter ("an idea
// you supported") what management decided, with the reason.
func ideaDecisionText(tr i18n.Printer, n domain.IdeaNotice) string {
	i, e := n.Idea, n.Event
	key := i18n.IdeaNoticeVoter
	if n.To.ID == i.AuthorID {
		key = i18n.IdeaNoticeAuthor
	}
	to := e.To
	if to == "" {
		to = i.Status
	}
	text := tr.T(key, "<b>"+esc(i.Title, domain.IdeaTitleMax)+"</b>", i.ID, ideaStatusMark(to)+" "+tr.T(i18n.IdeaStatusName(to)))
	if e.DuplicateOf != 0 {
		text += "\n" + tr.T(i18n.IdeaNoticeOriginal, e.DuplicateOf)
	}
	if e.Reason != "" {
		text += "\n" + tr.T(i18n.IdeaNoticeReason, escBlock(e.Reason, domain.IdeaReasonMax))
	}
	if name := e.ActorName; name != "" {
		text += "\n\n<i>" + tr.T(i18n.IdeaNoticeBy, html.EscapeString(name)) + "</i>"
	}
	return text
}

// ideaPost is an idea's message in the ideas group: the idea, its status
// and the buttons «👍 N», «👎 N» and «More» (a link that opens the card in
// the private chat). It is rendered from the idea as it is now, so the
// last coalesced edit shows the true count. It fits a caption, since a
// post with a photo carries it as one.
func ideaPost(tr i18n.Printer, i domain.Idea, botUsername string) domain.OutMessage {
	lines := []string{fmt.Sprintf("💡 <b>%s</b> · #%d", esc(i.Title, domain.IdeaTitleMax), i.ID)}
	if i.Description != "" {
		lines = append(lines, escBlock(i.Description, 500))
	}
	var meta []string
	if i.Process != "" {
		meta = append(meta, tr.T(i18n.IdeaCardProcess, esc(i.Process, 80)))
	}
	if i.HoursSaved > 0 {
		meta = append(meta, tr.T(i18n.IdeaCardHours, tr.Decimal(i.HoursSaved, 0)))
	}
	meta = append(meta, tr.T(i18n.IdeaPostAuthor, esc(ideaAuthor(tr, i), 40)),
		tr.T(i18n.IdeaCardStatus, ideaStatusMark(i.Status)+" "+tr.T(i18n.IdeaStatusName(i.Status))))
	// At most 200 + 500 characters of the idea and a few short lines: the
	// visible text, which Telegram counts, stays under a caption's 1024.
	text := strings.Join(lines, "\n\n") + "\n\n" + strings.Join(meta, "\n")
	up, down := voteButtons(i, 0, voteInGroup, ideaList{})
	buttons := []domain.Button{wire(up), wire(down)}
	if link := ideaDeepLinkURL("@"+botUsername, i.ID); link != "" && botUsername != "" {
		buttons = append(buttons, domain.Button{Text: tr.T(i18n.IdeaMore), URL: link})
	}
	m := domain.OutMessage{HTML: text, Buttons: [][]domain.Button{buttons}}
	if i.Attachment.Kind == domain.AttachPhoto {
		m.PhotoID = i.Attachment.FileID // the post is the photo, the text its caption
	}
	return m
}

// ideaDeepLinkURL opens an idea's card in the private chat with the bot
// named @username; empty without a name.
func ideaDeepLinkURL(username string, id int64) string {
	name := strings.TrimPrefix(username, "@")
	if name == "" {
		return ""
	}
	return fmt.Sprintf("https://t.me/%s?start=idea_%d", name, id)
}
