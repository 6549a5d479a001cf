package demo

import (
	"time"

	"processet/domain"
)

var taskPlan = []struct {
	title    string
	priority domain.Priority
	status   domain.TaskStatus
	due      float64 // days from now; 0 = no deadline
}{
	{"Подготовить презентацию для совета директоров", domain.PriorityHigh, domain.TaskInProgress, 1},
	{"Провести тренинг по новой CRM для отдела продаж", domain.PriorityMedium, domain.TaskNew, 6},
	{"Сверить акты с ЕвроХимом за III квартал", domain.PriorityHigh, domain.TaskInProgress, -1.5},
	{"Обновить регламент согласования договоров", domain.PriorityMedium, domain.TaskReview, 3},
	{"Собрать требования к отчёту Task Mining", domain.PriorityHigh, domain.TaskInProgress, 0.3},
	{"Настроить выгрузку логов из 1С", domain.PriorityMedium, domain.TaskInProgress, -0.5},
	{"Подготовить КП для Ренессанс Жизнь", domain.PriorityHigh, domain.TaskNew, 2},
	{"Разобрать входящие заявки с сайта", domain.PriorityLow, domain.TaskInProgress, 0},
	{"Обновить шаблоны писем клиентам", domain.PriorityLow, domain.TaskNew, 10},
	{"Проверить расчёт премий за октябрь", domain.PriorityMedium, domain.TaskDone, -3},
	{"Закрыть месяц по проектам", domain.PriorityHigh, domain.TaskDone, -1},
	{"Перенести архив документов в облако", domain.PriorityLow, domain.TaskCancelled, -5},
	{"Согласовать бюджет на обучение", domain.PriorityMedium, domain.TaskDone, -9},
}

func (b builder) tasks(users []domain.User) []domain.Task {
	tasks := make([]domain.Task, len(taskPlan))
	for i, p := range taskPlan {
		created := b.ago(b.days(4 + b.r.Float64()*14))
		t := domain.Task{
			ID: int64(i + 1), Title: p.title, Priority: p.priority, Status: p.status,
			AssigneeID: users[(i+1)%len(users)].ID, AuthorID: users[0].ID,
			CreatedAt: created,
		}
		if p.due != 0 {
			t.Deadline = b.now.Add(b.days(p.due)).Truncate(time.Hour)
		}
		t.LastActivity = created.Add(time.Duration(b.r.Float64() * float64(b.now.Sub(created))))
		if p.status == domain.TaskDone && !t.Deadline.IsZero() && t.LastActivity.After(t.Deadline) {
			t.LastActivity = t.Deadline.Add(-time.Hour)
		}
		t.UpdatedAt = t.LastActivity
		tasks[i] = t
	}
	return tasks
}
