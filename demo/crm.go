package demo

import (
	"fmt"
	"time"

	"processet/domain"
)

var crmUsers = []domain.CRMUser{
	{ID: 5001, Name: "Анна Смирнова", Email: "a.smirnova@example.com"},
	{ID: 5002, Name: "Игорь Петров", Email: "i.petrov@example.com"},
	{ID: 5003, Name: "Мария Кузнецова", Email: "m.kuznetsova@example.com"},
	{ID: 5004, Name: "Дмитрий Волков", Email: "d.volkov@example.com"},
}

var salesPipeline = domain.Pipeline{ID: 7001, Name: "Продажи", Main: true, Statuses: []domain.PipelineStatus{
	{ID: 7101, Name: "Первичный контакт", Sort: 10, Color: "#99ccff"},
	{ID: 7102, Name: "Переговоры", Sort: 20, Color: "#ffff99"},
	{ID: 7103, Name: "Принимают решение", Sort: 30, Color: "#ffcc66"},
	{ID: 7104, Name: "Согласование договора", Sort: 40, Color: "#ff9966"},
	{ID: domain.StatusWon, Name: "Успешно реализовано", Sort: 10000, Color: "#CCFF66"},
	{ID: domain.StatusLost, Name: "Закрыто и не реализовано", Sort: 11000, Color: "#D5D8DB"},
}}

var companyNames = []string{"ММК", "Ренессанс Жизнь", "ЕвроХим", "Северный порт", "Уральские сети",
	"Альфа-Логистика", "ТрансТехСервис", "Волга-Агро", "Медицина Плюс", "СтройИнвест",
	"Балтийский хлеб", "ИнфоТел", "Сибирская энергия", "ФармаЛайн"}

var offers = []string{"Task Mining", "Process Mining", "Мультипроцесс", "PM", "Аудит процессов",
	"Внедрение BI", "Автоматизация отчётности"}

func companies() []domain.Company {
	cs := make([]domain.Company, len(companyNames))
	for i, n := range companyNames {
		cs[i] = domain.Company{ID: 3001 + int64(i), Name: n}
	}
	return cs
}

var openStatuses = []int64{7101, 7102, 7103, 7104}

var taskTexts = []string{"Позвонить", "Встреча", "Отправить КП", "Подготовить договор", "Демо продукта"}

// deals spreads deals over twelve weeks: most recent ones still open, older
// ones mostly won or lost, as in a real funnel.
func (b builder) deals(nCompanies int) ([]domain.Deal, []domain.CRMTask) {
	var deals []domain.Deal
	var tasks []domain.CRMTask
	for i := range 46 {
		created := b.ago(b.days(1 + b.r.Float64()*82))
		company := int64(3001 + i%nCompanies)
		d := domain.Deal{
			ID:            20001 + int64(i),
			Name:          fmt.Sprintf("%s для %s", offers[b.r.IntN(len(offers))], companyNames[i%nCompanies]),
			Price:         int64(150+b.r.IntN(45)*50) * 10_000,
			PipelineID:    salesPipeline.ID,
			ResponsibleID: crmUsers[b.r.IntN(len(crmUsers))].ID,
			CompanyID:     company,
			CreatedAt:     created,
		}
		age := b.now.Sub(created)
		switch roll := b.r.Float64(); {
		case age > b.days(21) && roll < 0.45, age > b.days(7) && roll < 0.12:
			d.StatusID = domain.StatusWon
		case age > b.days(14) && roll < 0.7:
			d.StatusID = domain.StatusLost
		default:
			d.StatusID = openStatuses[b.r.IntN(len(openStatuses))]
		}
		d.UpdatedAt = created.Add(time.Duration(b.r.Float64() * float64(age)))
		if d.Closed() {
			d.ClosedAt = d.UpdatedAt
		}
		deals = append(deals, d)
		tasks = append(tasks, b.dealTasks(d, len(tasks))...)
	}
	return deals, tasks
}

func (b builder) dealTasks(d domain.Deal, before int) []domain.CRMTask {
	n := 1 + b.r.IntN(3)
	tasks := make([]domain.CRMTask, n)
	for j := range tasks {
		till := d.CreatedAt.Add(b.days(2 + b.r.Float64()*20))
		done := till.Before(b.now) && b.r.Float64() < 0.7 || d.Closed()
		tasks[j] = domain.CRMTask{
			ID: 40001 + int64(before+j), DealID: d.ID, Text: taskTexts[b.r.IntN(len(taskTexts))],
			TypeID: 1 + int64(b.r.IntN(2)), ResponsibleID: d.ResponsibleID, CompleteTill: till,
			Completed: done, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt,
		}
	}
	return tasks
}
