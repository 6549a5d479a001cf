package amocrmtest

import (
	"fmt"
	"time"
)

// seedDefaults builds the account every fake starts with: a sales team,
// two pipelines and the standard task types plus a custom one.
func (s *Server) seedDefaults() {
	now := s.now()
	s.Seed(Data{
		Account: &Account{
			ID: 31263018, Name: "Процессет", Subdomain: "processet", Country: "RU",
			Currency: "RUB", CurrencySymbol: "₽", Timezone: "Europe/Moscow", CreatedAt: now.AddDate(-3, 0, 0),
		},
		Users: []User{
			{ID: 8863630, Name: "Алексей Иванов", Email: "a.ivanov@example.ru", Admin: true},
			{ID: 8863631, Name: "Мария Смирнова", Email: "m.smirnova@example.ru"},
			{ID: 8863632, Name: "Дмитрий Кузнецов", Email: "d.kuznetsov@example.ru"},
			{ID: 8863633, Name: "Ольга Попова", Email: "o.popova@example.ru"},
			{ID: 8863634, Name: "Сергей Волков", Email: "s.volkov@example.ru", Inactive: true},
		},
		Pipelines: []Pipeline{
			{ID: 7412901, Name: "Продажи", Main: true, Statuses: []Status{
				{ID: 61235401, Name: "Неразобранное", Color: "#c1c1c1", Unsorted: true},
				{ID: 61235404, Name: "Первичный контакт", Color: "#99ccff"},
				{ID: 61235407, Name: "Переговоры", Color: "#ffff99"},
				{ID: 61235410, Name: "Принимают решение", Color: "#ffcc66"},
				{ID: 61235413, Name: "Согласование договора", Color: "#ffcccc"},
			}},
			{ID: 7412955, Name: "Повторные продажи", Statuses: []Status{
				{ID: 61235601, Name: "Неразобранное", Color: "#c1c1c1", Unsorted: true},
				{ID: 61235604, Name: "Новый запрос", Color: "#98cbff"},
				{ID: 61235607, Name: "Коммерческое предложение", Color: "#fffeb2"},
				{ID: 61235610, Name: "Счёт выставлен", Color: "#deff81"},
			}},
		},
		TaskTypes: []TaskType{
			{ID: 1, Name: "Связаться", Code: "FOLLOW_UP"},
			{ID: 2, Name: "Встреча", Code: "MEETING"},
			{ID: 2710341, Name: "Отправить КП"},
		},
	})
}

// Seed adds or replaces entities, matched by ID. Gaps are filled the way
// amoCRM would: new IDs, current timestamps, the main pipeline's first
// stage, the first user as responsible, 142 and 143 in every pipeline.
func (s *Server) Seed(d Data) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seed(d)
}

// seed is Seed with s.mu held.
func (s *Server) seed(d Data) {
	st, now := s.st, s.now()
	if d.Account != nil {
		st.account = *d.Account
	}
	for _, u := range d.Users {
		if u.ID == 0 {
			u.ID = st.id()
		}
		st.users = upsert(st.users, &u, userID)
	}
	for _, p := range d.Pipelines {
		s.seedPipeline(p)
	}
	for _, t := range d.TaskTypes {
		if i := indexOfType(st.taskTypes, t.ID); i >= 0 {
			st.taskTypes[i] = t
		} else {
			st.taskTypes = append(st.taskTypes, t)
		}
	}
	for _, c := range d.Companies {
		if c.ID == 0 {
			c.ID = st.id()
		}
		c.CreatedAt, c.UpdatedAt = orNow(c.CreatedAt, now), orNow(c.UpdatedAt, now)
		if c.ResponsibleUserID == 0 && len(st.users) > 0 {
			c.ResponsibleUserID = st.users[0].ID
		}
		st.companies = upsert(st.companies, &c, companyID)
	}
	for _, l := range d.Leads {
		s.seedLead(l, now)
	}
	for _, t := range d.Tasks {
		if t.ID == 0 {
			t.ID = st.id()
		}
		if t.TypeID == 0 {
			t.TypeID = 1
		}
		if t.ResponsibleUserID == 0 && len(st.users) > 0 {
			t.ResponsibleUserID = st.users[0].ID
		}
		t.CreatedAt, t.UpdatedAt = orNow(t.CreatedAt, now), orNow(t.UpdatedAt, now)
		t.CompleteTill = orNow(t.CompleteTill, now.Add(24*time.Hour))
		st.tasks = upsert(st.tasks, &t, taskID)
	}
}

func (s *Server) seedPipeline(p Pipeline) {
	st := s.st
	if p.ID == 0 {
		p.ID = st.id()
	}
	p.Statuses = append([]Status(nil), p.Statuses...)
	for i := range p.Statuses {
		if p.Statuses[i].ID == 0 {
			p.Statuses[i].ID = st.id()
		}
	}
	if !p.hasStatus(142) {
		p.Statuses = append(p.Statuses, Status{ID: 142, Name: "Успешно реализовано", Color: "#CCFF66"})
	}
	if !p.hasStatus(143) {
		p.Statuses = append(p.Statuses, Status{ID: 143, Name: "Закрыто и не реализовано", Color: "#D5D8DB"})
	}
	if p.Main {
		for _, other := range st.pipelines {
			other.Main = false
		}
	}
	st.pipelines = upsert(st.pipelines, &p, pipelineID)
	if st.mainPipeline() != nil && !st.mainPipeline().Main {
		st.pipelines[0].Main = true
	}
}

func (s *Server) seedLead(l Lead, now time.Time) {
	st := s.st
	if l.ID == 0 {
		l.ID = st.id()
	}
	p := st.pipeline(l.PipelineID)
	if p == nil {
		p = st.mainPipeline()
		l.PipelineID = p.ID
	}
	if l.StatusID == 0 {
		l.StatusID = p.firstOpen()
	}
	if l.ResponsibleUserID == 0 && len(st.users) > 0 {
		l.ResponsibleUserID = st.users[0].ID
	}
	l.CreatedAt, l.UpdatedAt = orNow(l.CreatedAt, now), orNow(l.UpdatedAt, now)
	if (l.StatusID == 142 || l.StatusID == 143) && l.ClosedAt.IsZero() {
		l.ClosedAt = l.UpdatedAt
	}
	l.Tags = append([]string(nil), l.Tags...)
	st.leads = upsert(st.leads, &l, leadID)
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}

func indexOfType(ts []TaskType, id int64) int {
	for i, t := range ts {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// AddCompanies adds n companies with Russian names and returns them.
func (s *Server) AddCompanies(n int) []Company {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addCompanies(n)
}

func (s *Server) addCompanies(n int) []Company {
	now, cs := s.now(), make([]Company, n)
	for i := range cs {
		created := now.Add(-s.randDuration(3 * 365 * 24 * time.Hour))
		cs[i] = Company{
			Name:              s.companyName(),
			ResponsibleUserID: s.randUser(),
			CreatedAt:         created,
			UpdatedAt:         created.Add(s.randDuration(now.Sub(created))),
		}
	}
	return s.seedReturning(Data{Companies: cs}).Companies
}

// AddLeads adds n leads spread over the pipelines, stages, users and
// companies (adding n/10 companies first if there are none), created over
// the last year, about a quarter won and a sixth lost. It returns them.
func (s *Server) AddLeads(n int) []Lead {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.st.companies) == 0 {
		s.addCompanies(max(1, n/10))
	}
	now, ls := s.now(), make([]Lead, n)
	for i := range ls {
		ls[i] = s.randomLead(now)
	}
	return s.seedReturning(Data{Leads: ls}).Leads
}

// AddTasks adds n tasks on random leads (unattached when there are none),
// due within a month either side of now. It returns them.
func (s *Server) AddTasks(n int) []Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	now, ts := s.now(), make([]Task, n)
	for i := range ts {
		ts[i] = s.randomTask(now)
	}
	return s.seedReturning(Data{Tasks: ts}).Tasks
}

// seedReturning seeds d, with s.mu held, and returns the stored versions of
// what got new IDs.
func (s *Server) seedReturning(d Data) Data {
	first := s.st.nextID
	s.seed(d)
	var out Data
	for id := first + 1; id <= s.st.nextID; id++ {
		if c := s.st.company(id); c != nil {
			out.Companies = append(out.Companies, *c)
		}
		if l := s.st.lead(id); l != nil {
			out.Leads = append(out.Leads, copyLead(l))
		}
		if t := s.st.task(id); t != nil {
			out.Tasks = append(out.Tasks, *t)
		}
	}
	return out
}

func (s *Server) randomLead(now time.Time) Lead {
	st := s.st
	p := st.pipelines[0]
	if len(st.pipelines) > 1 && s.rng.IntN(5) == 0 {
		p = st.pipelines[1+s.rng.IntN(len(st.pipelines)-1)]
	}
	created := now.Add(-s.randDuration(365 * 24 * time.Hour))
	l := Lead{
		Name:              fmt.Sprintf("%s — %s", pick(s, leadSubjects), pick(s, companyRoots)),
		Price:             int64(s.rng.IntN(20_000)) * 100,
		PipelineID:        p.ID,
		ResponsibleUserID: s.randUser(),
		CreatedAt:         created,
		UpdatedAt:         created.Add(s.randDuration(now.Sub(created))),
	}
	l.CreatedBy = l.ResponsibleUserID
	l.UpdatedBy = l.ResponsibleUserID
	switch r := s.rng.IntN(100); {
	case r < 25:
		l.StatusID = 142
	case r < 40:
		l.StatusID = 143
		l.LossReasonID = 4203748 + int64(s.rng.IntN(4))
	default:
		open := p.openStatuses()
		l.StatusID = open[s.rng.IntN(len(open))]
	}
	if len(st.companies) > 0 && s.rng.IntN(100) < 85 {
		l.CompanyID = st.companies[s.rng.IntN(len(st.companies))].ID
	}
	if s.rng.IntN(4) == 0 {
		l.Tags = []string{pick(s, tags)}
	}
	return l
}

func (s *Server) randomTask(now time.Time) Task {
	st := s.st
	t := Task{
		Text:              pick(s, taskTexts),
		TypeID:            st.taskTypes[s.rng.IntN(len(st.taskTypes))].ID,
		ResponsibleUserID: s.randUser(),
		CompleteTill:      now.Add(s.randDuration(60*24*time.Hour) - 30*24*time.Hour).Truncate(time.Minute),
	}
	if len(st.leads) > 0 {
		t.EntityType, t.EntityID = "leads", st.leads[s.rng.IntN(len(st.leads))].ID
	}
	t.CreatedAt = t.CompleteTill.Add(-s.randDuration(14 * 24 * time.Hour))
	t.UpdatedAt = t.CreatedAt
	if t.CompleteTill.Before(now) && s.rng.IntN(10) < 7 {
		t.Completed, t.UpdatedAt = true, t.CompleteTill
		if s.rng.IntN(2) == 0 {
			t.Result = pick(s, taskResults)
		}
	}
	return t
}

func (s *Server) randDuration(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return time.Duration(s.rng.Int64N(int64(d)))
}

// randUser picks an active user.
func (s *Server) randUser() int64 {
	var active []int64
	for _, u := range s.st.users {
		if !u.Inactive {
			active = append(active, u.ID)
		}
	}
	return active[s.rng.IntN(len(active))]
}

func (s *Server) companyName() string {
	if s.rng.IntN(5) == 0 {
		return fmt.Sprintf("ИП %s %c. %c.", pick(s, surnames), []rune(pick(s, initials))[0], []rune(pick(s, initials))[0])
	}
	name := fmt.Sprintf("%s «%s»", pick(s, legalForms), pick(s, companyRoots))
	if city := pick(s, cities); city != "" {
		name += " (" + city + ")"
	}
	return name
}

func pick(s *Server, from []string) string { return from[s.rng.IntN(len(from))] }

var (
	legalForms   = []string{"ООО", "ООО", "ООО", "АО", "ПАО", "ЗАО"}
	companyRoots = []string{"Ромашка", "Вектор", "Альфа-Строй", "Северный ветер", "ТехноПром", "Меридиан",
		"Сибирь-Логистик", "Гарант", "Прогресс", "Уралмаш-Сервис", "Волга-Трейд", "Балтика-Инвест", "Энергия",
		"Кедр", "Профит", "Стройкомплект", "Нева-Маркет", "Горизонт", "Лидер", "Аврора", "Полярная звезда",
		"Тайга", "Агрохолдинг Заря", "Феникс", "СтальКонструкция"}
	cities       = []string{"", "", "", "Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Самара"}
	surnames     = []string{"Смирнов", "Иванов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов", "Новиков", "Морозов", "Петров"}
	initials     = []string{"А", "Б", "В", "Г", "Д", "Е", "И", "К", "Л", "М", "Н", "О", "П", "С", "Т"}
	leadSubjects = []string{"Поставка оборудования", "Внедрение CRM", "Годовое обслуживание", "Аудит процессов",
		"Разработка сайта", "Лицензии на ПО", "Монтаж вентиляции", "Обучение персонала", "Аренда техники",
		"Ремонт офиса", "Перевозка грузов", "Консультация"}
	tags      = []string{"VIP", "повторное обращение", "сайт", "реклама", "партнёр", "тендер"}
	taskTexts = []string{"Перезвонить клиенту", "Отправить коммерческое предложение", "Назначить встречу с клиентом",
		"Уточнить реквизиты", "Выставить счёт", "Проверить оплату", "Пригласить на демонстрацию"}
	taskResults = []string{"Клиент перезвонит", "КП отправлено", "Встреча назначена", "Счёт оплачен"}
)
