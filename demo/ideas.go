package demo

import (
	"processet/domain"
)

// ideaPlan is the demo company's ideas, newest first: what was proposed,
// for which process, the author's estimate of hours saved a year, where
// management took it and why, and how colleagues voted.
var ideaPlan = []struct {
	title, process string
	hours          float64
	status         domain.IdeaStatus
	reason         string
	up, down       int
	anonymous      bool
	duplicateOf    int // position in the plan, for a duplicate
}{
	{"Сканировать накладные на складе с телефона", "Приёмка товара", 300, domain.IdeaNew, "", 4, 0, false, 0},
	{"Еженедельный разбор просроченных задач", "", 0, domain.IdeaNew, "", 3, 1, false, 0},
	{"Шаблон КП с подстановкой данных из CRM", "Обработка заявок клиентов", 420, domain.IdeaUnderReview, "", 5, 0, false, 0},
	{"Чат-бот для статуса возврата", "Возвраты", 260, domain.IdeaUnderReview, "", 3, 0, true, 0},
	{"Единый календарь интервью для всех рекрутеров", "Найм сотрудников", 150, domain.IdeaAccepted, "Берём в план квартала", 4, 1, false, 0},
	{"Отменить бумажные авансовые отчёты", "Командировки", 90, domain.IdeaNew, "", 2, 2, true, 0},
	{"Распознавать счета автоматически вместо ручного ввода", "Обработка входящих счетов", 900, domain.IdeaInProgress, "", 5, 0, false, 0},
	{"Тендерная площадка для мелких закупок", "Закупки", 120, domain.IdeaRejected, "Для закупок до 100 тыс. ₽ площадка дороже, чем экономия", 1, 4, false, 0},
	{"Согласовывать договоры в ЭДО, а не по почте", "Согласование договоров", 400, domain.IdeaDuplicate, "", 0, 0, false, 10},
	{"Электронные визы вместо согласования по почте", "Согласование договоров", 520, domain.IdeaImplemented, "", 5, 1, false, 0},
	{"Сверка остатков скриптом, а не в Excel", "Закрытие месяца", 240, domain.IdeaImplemented, "", 5, 0, false, 0},
	{"Перенести планёрки в Telegram", "", 0, domain.IdeaRejected, "Планёрки остаются очными: в них важно живое обсуждение", 2, 3, false, 0},
	{"Автоматический табель из СКУД", "Расчёт зарплаты", 360, domain.IdeaAccepted, "", 5, 0, false, 0},
	{"Общий шаблон ответа на претензию", "Возвраты", 80, domain.IdeaImplemented, "", 4, 0, true, 0},
}

// ideaPath is how an idea reached its status: the moves after "new".
var ideaPath = map[domain.IdeaStatus][]domain.IdeaStatus{
	domain.IdeaUnderReview: {domain.IdeaUnderReview},
	domain.IdeaAccepted:    {domain.IdeaUnderReview, domain.IdeaAccepted},
	domain.IdeaInProgress:  {domain.IdeaUnderReview, domain.IdeaAccepted, domain.IdeaInProgress},
	domain.IdeaImplemented: {domain.IdeaUnderReview, domain.IdeaAccepted, domain.IdeaInProgress, domain.IdeaImplemented},
	domain.IdeaRejected:    {domain.IdeaUnderReview, domain.IdeaRejected},
	domain.IdeaDuplicate:   {domain.IdeaDuplicate},
}

// ideas spreads the plan over the last seven months, so every month of
// the dashboard has ideas, with a history of moves by the manager and
// votes from everyone but the author.
func (b builder) ideas(users []domain.User) ([]domain.Idea, []domain.Vote, []domain.IdeaEvent) {
	manager := users[0].ID
	var ideas []domain.Idea
	var votes []domain.Vote
	var events []domain.IdeaEvent
	for i, p := range ideaPlan {
		created := b.ago(b.days(2 + float64(i)*15))
		idea := domain.Idea{ID: int64(i + 1), Title: p.title, Process: p.process, HoursSaved: p.hours,
			Status: p.status, Anonymous: p.anonymous, AuthorID: users[(i+1)%len(users)].ID, CreatedAt: created}
		if p.duplicateOf != 0 {
			idea.DuplicateOf = int64(p.duplicateOf)
		}
		events = append(events, domain.IdeaEvent{IdeaID: idea.ID, ActorID: idea.AuthorID, To: domain.IdeaNew, At: created})
		from, at := domain.IdeaNew, created
		for step, to := range ideaPath[p.status] {
			at = at.Add(b.days(1.5 + float64(step)*2.5))
			e := domain.IdeaEvent{IdeaID: idea.ID, ActorID: manager, From: from, To: to, At: at}
			if to == p.status {
				e.Reason, e.DuplicateOf = p.reason, idea.DuplicateOf
			}
			events = append(events, e)
			from = to
		}
		if len(ideaPath[p.status]) > 0 {
			idea.DecidedAt = at
		}
		ideas = append(ideas, idea)
		votes = append(votes, b.ideaVotes(users, i, p.up, p.down)...)
	}
	return ideas, votes, events
}

// ideaVotes are the votes on the plan's idea number i: everyone but the
// author, for first, then against.
func (b builder) ideaVotes(users []domain.User, i, up, down int) []domain.Vote {
	author := (i + 1) % len(users)
	var votes []domain.Vote
	voter := (author + 1) % len(users)
	for n := 0; n < up+down && n < len(users)-1; n++ {
		value := domain.VoteUp
		if n >= up {
			value = domain.VoteDown
		}
		votes = append(votes, domain.Vote{IdeaID: int64(i + 1), UserID: users[voter].ID, Value: value})
		voter = (voter + 1) % len(users)
		if voter == author {
			voter = (voter + 1) % len(users)
		}
	}
	return votes
}
