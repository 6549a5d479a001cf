package bot

import (
	"fmt"
	"html"
	"strconv"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// ideaListText is a page of ideas: status, title, votes, author.
func ideaListText(tr i18n.Printer, l ideaList, ideas []domain.Idea, total int) string {
	header := "<b>" + html.EscapeString(tr.T(i18n.AreaIdeas)+": "+ideaListTitle(tr, l)) + "</b> · " + tr.N(i18n.Ideas, total)
	lines := make([]string, len(ideas))
	for i, idea := range ideas {
		lines[i] = fmt.Sprintf("%s <b>%s</b> · #%d\n    👍 %d 👎 %d · %s", ideaStatusMark(idea.Status), esc(idea.Title, 70), idea.ID,
			idea.Up, idea.Down, esc(ideaAuthor(tr, idea), 30))
	}
	return pagedList(tr, header, l.page, ideasPerPage, total, lines, tr.T(i18n.IdeaListEmpty))
}

func ideaListTitle(tr i18n.Printer, l ideaList) string {
	switch l.code {
	case listByVotes:
		return tr.T(i18n.IdeaListByVotes)
	case listNewest, "":
		return tr.T(i18n.IdeaListNewest)
	}
	s, _ := parseIdeaStatusCode(l.code)
	return tr.T(i18n.IdeaStatusName(s))
}

// ideaListKeyboard opens each idea, switches the list (by votes, newest,
// by status), turns pages and leads back.
func ideaListKeyboard(tr i18n.Printer, l ideaList, ideas []domain.Idea, total int) *tele.ReplyMarkup {
	var open []tele.Btn
	for i, idea := range ideas {
		open = append(open, button(btnIdea, strconv.Itoa(l.page*ideasPerPage+i+1), ideaData(idea.ID, l)...))
	}
	pick := func(code, label string) tele.Btn {
		if code == l.code || (code == listNewest && l.code == "") {
			label = "✓ " + label
		}
		return button(btnIdeas, label, ideaList{code: code}.data()...)
	}
	var statuses []tele.Btn
	for _, s := range domain.IdeaStatuses {
		statuses = append(statuses, pick(ideaStatusCode(s), ideaStatusMark(s)+" "+tr.T(i18n.IdeaStatusName(s))))
	}
	var nav []tele.Btn
	if l.page > 0 {
		nav = append(nav, button(btnIdeas, "◀ "+tr.T(i18n.Prev), ideaList{l.code, l.page - 1}.data()...))
	}
	if (l.page+1)*ideasPerPage < total {
		nav = append(nav, button(btnIdeas, tr.T(i18n.Next)+" ▶", ideaList{l.code, l.page + 1}.data()...))
	}
	return inline(open, nav,
		row(pick(listByVotes, "🏆 "+tr.T(i18n.IdeaListByVotes)), pick(listNewest, "🆕 "+tr.T(i18n.IdeaListNewest))),
		statuses[:3], statuses[3:5], statuses[5:],
		row(button(btnIdeaNew, "💡 "+tr.T(i18n.IdeaPropose), "go"), button(btnArea, tr.T(i18n.Home), string(areaHome))))
}
