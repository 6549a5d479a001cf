package demo

import "processet/domain"

var ideaPlan = []struct {
	title, process string
	status         domain.IdeaStatus
	up, down       int
}{
	{"Распознавать счета автоматически вместо ручного ввода", "Обработка входящих счетов", domain.IdeaAccepted, 6, 0},
	{"Электронные визы вместо согласования по почте", "Согласование договоров", domain.IdeaAccepted, 5, 1},
	{"Шаблон КП с подстановкой данных из CRM", "Обработка заявок клиентов", domain.IdeaNew, 5, 0},
	{"Единый календарь интервью для всех рекрутеров", "Найм сотрудников", domain.IdeaNew, 4, 1},
	{"Чат-бот для статуса возврата", "Возвраты", domain.IdeaNew, 3, 0},
	{"Сверка остатков скриптом, а не в Excel", "Закрытие месяца", domain.IdeaAccepted, 6, 0},
	{"Отменить бумажные авансовые отчёты", "Командировки", domain.IdeaNew, 2, 2},
	{"Тендерная площадка для мелких закупок", "Закупки", domain.IdeaRejected, 1, 4},
	{"Сканировать накладные на складе с телефона", "Приёмка товара", domain.IdeaNew, 4, 0},
	{"Еженедельный разбор просроченных задач", "", domain.IdeaNew, 3, 1},
	{"Автоматический табель из СКУД", "Расчёт зарплаты", domain.IdeaAccepted, 5, 0},
	{"Перенести планёрки в Telegram", "", domain.IdeaRejected, 2, 3},
}

func (b builder) ideas(users []domain.User) ([]domain.Idea, []domain.Vote) {
	var ideas []domain.Idea
	var votes []domain.Vote
	for i, p := range ideaPlan {
		idea := domain.Idea{ID: int64(i + 1), Title: p.title, Process: p.process, Status: p.status,
			AuthorID: users[i%len(users)].ID, CreatedAt: b.ago(b.days(2 + float64(i)*4.5))}
		ideas = append(ideas, idea)
		// voters are everyone but the author, for first, then against
		voter := (i + 1) % len(users)
		for n := 0; n < p.up+p.down && n < len(users)-1; n++ {
			value := 1
			if n >= p.up {
				value = -1
			}
			votes = append(votes, domain.Vote{IdeaID: idea.ID, UserID: users[voter].ID, Value: domain.VoteValue(value)})
			voter = (voter + 1) % len(users)
			if voter == i%len(users) {
				voter = (voter + 1) % len(users)
			}
		}
	}
	return ideas, votes
}
