package bot

import (
	"math"
	"slices"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// ideaButtonCases builds every ideas button with the largest IDs, pages
// and each code.
func ideaButtonCases() []buttonCase {
	id := int64(math.MaxInt64)
	var cs []buttonCase
	add := func(b tele.Btn, want ...any) { cs = append(cs, buttonCase{b, want}) }
	lists := []ideaList{{code: listNewest, page: maxPage}, {code: listByVotes, page: maxPage}}
	for _, s := range domain.IdeaStatuses {
		lists = append(lists, ideaList{code: ideaStatusCode(s), page: maxPage})
	}
	for _, v := range []domain.VoteValue{domain.VoteUp, domain.VoteDown} {
		idea := domain.Idea{ID: id}
		up, down := voteButtons(idea, 0, voteInGroup, ideaList{})
		add(map[domain.VoteValue]tele.Btn{domain.VoteUp: up, domain.VoteDown: down}[v], vote{ideaID: id, value: v})
		add(button(btnIdeaVote, "x", voteData(id, v, voteOnDashboard, ideaList{})...), vote{ideaID: id, value: v, where: voteOnDashboard})
		for _, l := range lists {
			add(button(btnIdeaVote, "x", voteData(id, v, voteOnCard, l)...), vote{ideaID: id, value: v, where: voteOnCard, back: l})
		}
	}
	for _, l := range lists {
		add(button(btnIdeas, "x", l.data()...), l)
		add(button(btnIdea, "x", ideaData(id, l)...), id, l)
		for _, s := range domain.IdeaStatuses {
			add(button(btnIdeaMove, "x", append([]string{maxID, ideaStatusCode(s)}, l.data()...)...), id, s, l)
		}
	}
	add(button(btnIdeaTask, "x", ideaTaskStep{ideaID: id, assignee: -1, page: maxPage}.data()...),
		ideaTaskStep{ideaID: id, assignee: -1, page: maxPage})
	for _, d := range domain.DeadlinePresets {
		for _, code := range priorityCodes {
			for _, s := range []ideaTaskStep{
				{ideaID: id, assignee: id}, {ideaID: id, assignee: 0, deadline: string(d)},
				{ideaID: id, assignee: id, deadline: string(d), priority: code},
			} {
				add(button(btnIdeaTask, "x", s.data()...), s)
			}
		}
	}
	for _, d := range []string{"go", "x", "b0", "pn", "h0", "an|y", "an|n", "p|" + maxID} {
		add(button(btnIdeaNew, "x", d), d)
	}
	for _, d := range []string{"set", "trust", "distrust"} {
		add(button(btnIdeaGroup, "x", d), d)
	}
	add(button(btnIdeaImpl, "x", maxID, "y"), id, true)
	add(button(btnIdeaImpl, "x", maxID, "n"), id, false)
	add(button(btnIdeaFile, "x", maxID), id)
	return cs
}

// decodeIdeaButton reads an ideas button's data as its handler does.
func decodeIdeaButton(unique, data string) ([]any, bool) {
	args := strings.Split(data, "|")
	switch unique {
	case btnIdeaVote.Unique:
		v, ok := parseVote(data)
		return []any{v}, ok
	case btnIdeas.Unique:
		if len(args) != 2 {
			return nil, false
		}
		l, ok := parseIdeaList(args[0], args[1])
		return []any{l}, ok
	case btnIdea.Unique:
		if len(args) != 3 {
			return nil, false
		}
		id, okID := parseID(args[0])
		l, ok := parseIdeaList(args[1], args[2])
		return []any{id, l}, ok && okID
	case btnIdeaMove.Unique:
		if len(args) != 4 {
			return nil, false
		}
		id, okID := parseID(args[0])
		s, okS := parseIdeaStatusCode(args[1])
		l, ok := parseIdeaList(args[2], args[3])
		return []any{id, s, l}, ok && okID && okS
	case btnIdeaTask.Unique:
		s, ok := parseIdeaTaskStep(data)
		return []any{s}, ok
	case btnIdeaNew.Unique:
		step, value, _ := strings.Cut(data, "|")
		switch step {
		case "go", "x", "b0", "pn", "h0":
			return []any{data}, value == ""
		case "an":
			return []any{data}, value == "y" || value == "n"
		case "p":
			_, ok := parseID(value)
			return []any{data}, ok
		}
	case btnIdeaGroup.Unique:
		return []any{data}, slices.Contains([]string{"set", "trust", "distrust"}, data)
	case btnIdeaImpl.Unique:
		if len(args) != 2 {
			return nil, false
		}
		id, ok := parseID(args[0])
		return []any{id, args[1] == "y"}, ok && (args[1] == "y" || args[1] == "n")
	case btnIdeaFile.Unique:
		id, ok := parseID(data)
		return []any{id}, ok
	}
	return nil, false
}
