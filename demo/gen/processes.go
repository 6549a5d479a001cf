package main

import (
	"time"

	"processet/demo"
	"processet/mining/eventlog/eventlogtest"
)

// The people of the back office, by department, as their names appear in
// the logs.
var (
	accounting  = []string{"Фёдорова И.", "Егоров А.", "Белова Т.", "Соколова Е."}
	lawyers     = []string{"Лебедев С.", "Орлова М."}
	sales       = []string{"Козлова Н.", "Новиков П.", "Зайцева А.", "Попов Д."}
	support     = []string{"Кравец Ю.", "Титова В."}
	procurement = []string{"Васильев К.", "Михайлов Р."}
	warehouse   = []string{"Григорьев О.", "Симонов Е.", "Ильин Б."}
	hr          = []string{"Морозова О.", "Андреева Л."}
	heads       = []string{"Волков Д.", "Смирнова А."}
	everyone    = []string{"Козлова Н.", "Новиков П.", "Лебедев С.", "Васильев К.", "Белова Т.", "Попов Д."}
)

const (
	minute = time.Minute
	hour   = time.Hour
	day    = 9 * time.Hour // of working time
)

// step is an activity: its median service time and spread, the mean wait
// before it, who does it and where a case goes next.
func step(activity string, service time.Duration, spread float64, wait time.Duration, who []string, next ...eventlogtest.Next) eventlogtest.Step {
	return eventlogtest.Step{Activity: activity, Service: service, Spread: spread, Wait: wait, Resources: who, Next: next}
}

func to(i int, weight float64) eventlogtest.Next { return eventlogtest.Next{To: i, Weight: weight} }

// then is the one way on to step i.
func then(i int) eventlogtest.Next { return to(i, 1) }

const end = eventlogtest.End

// model is a process of the demo over the year its logs cover.
func model(process string, seed uint64, cases int, starts bool, steps ...eventlogtest.Step) eventlogtest.Model {
	return eventlogtest.Model{Process: process, Seed: seed, Cases: cases, From: demo.LogsStart, To: demo.LogsEnd,
		Location: demo.LogsZone, Steps: steps, StartTimes: starts}
}

// models are the ten back-office processes of the demo company.
func models() []eventlogtest.Model {
	closing := model("Закрытие месяца", 103, 48, true,
		step("Выгрузка банковских выписок", 20*minute, 0.3, 0, accounting, then(1)),
		step("Копирование проводок", 15*minute, 0.2, 10*minute, accounting, then(2)),
		step("Сверка остатков в Excel", 45*minute, 0.4, hour, accounting, to(3, 0.3), to(4, 0.7)),
		step("Исправление проводок", 30*minute, 0.6, 2*hour, accounting, then(2)),
		step("Начисление амортизации", 20*minute, 0.2, 2*hour, accounting, then(5)),
		step("Расчёт НДС", 40*minute, 0.3, 3*hour, accounting, then(6)),
		step("Подготовка отчёта", 2*hour, 0.4, day, accounting, then(7)),
		step("Утверждение отчёта", 15*minute, 0.5, day, heads, to(8, 0.15), to(end, 0.85)),
		step("Исправление отчёта", 40*minute, 0.5, 2*hour, accounting, then(7)),
	)
	closing.Batches = 12 // four legal entities, every month
	payroll := model("Расчёт зарплаты", 107, 300, false,
		step("Сбор табелей", 3*minute, 0.4, 0, hr, to(1, 0.4), to(2, 0.6)),
		step("Ввод больничных и отпусков", 4*minute, 0.3, 20*minute, hr, then(2)),
		step("Расчёт начислений", 2*minute, 0.2, 30*minute, accounting, then(3)),
		step("Проверка начислений", 5*minute, 0.3, 10*minute, accounting, to(4, 0.12), to(5, 0.88)),
		step("Исправление начислений", 8*minute, 0.5, hour, accounting, then(3)),
		step("Выплата", time.Minute, 0.2, day, accounting, to(end, 1)),
	)
	payroll.Batches = 12 // 25 people, every month
	return []eventlogtest.Model{
		model("Обработка входящих счетов", 101, 450, false,
			step("Получение счёта по почте", 2*minute, 0.3, 0, accounting, then(1)),
			step("Ввод счёта в 1С", 6*minute, 0.3, 15*minute, accounting, then(2)),
			step("Проверка реквизитов", 3*minute, 0.3, 3*minute, accounting, to(3, 0.82), to(4, 0.18)),
			step("Согласование оплаты", 9*minute, 0.6, day, heads, to(5, 0.92), to(2, 0.08)),
			step("Запрос исправленного счёта", 5*minute, 0.4, 10*minute, accounting, then(1)),
			step("Оплата счёта", 4*minute, 0.3, 4*hour, accounting, then(6)),
			step("Сверка с банковской выпиской", 3*minute, 0.3, day, accounting, to(end, 1)),
		),
		model("Согласование договоров", 102, 130, true,
			step("Подготовка проекта договора", 40*minute, 0.5, 0, sales, then(1)),
			step("Проверка юристом", 30*minute, 0.5, day, lawyers, to(2, 0.6), to(3, 0.4)),
			step("Сбор виз по почте", 25*minute, 0.6, 2*hour, sales, then(4)),
			step("Правки в Word", 18*minute, 0.6, 3*hour, sales, to(1, 0.7), to(2, 0.3)),
			step("Согласование с контрагентом", 20*minute, 0.5, 2*day, sales, to(3, 0.25), to(5, 0.75)),
			step("Подписание", 10*minute, 0.3, day, heads, then(6)),
			step("Регистрация договора", 7*minute, 0.3, 2*hour, lawyers, to(end, 1)),
		),
		closing,
		model("Обработка заявок клиентов", 104, 700, false,
			step("Разбор почты", 2*minute, 0.4, 0, sales, to(1, 0.5), to(2, 0.3), to(3, 0.2)),
			step("Создание сделки в CRM", 4*minute, 0.3, 5*minute, sales, then(2)),
			step("Ответ клиенту", 5*minute, 0.5, 20*minute, sales, to(4, 0.2), to(end, 0.8)),
			step("Передача в поддержку", time.Minute, 0.3, 10*minute, sales, then(5)),
			step("Уточнение запроса", 6*minute, 0.5, 3*hour, sales, then(2)),
			step("Решение в поддержке", 15*minute, 0.7, 2*hour, support, then(2)),
		),
		model("Закупки", 105, 300, false,
			step("Заявка на закупку", 10*minute, 0.4, 0, everyone, then(1)),
			step("Запрос цен у поставщиков", 20*minute, 0.4, 30*minute, procurement, then(2)),
			step("Сравнение предложений", 30*minute, 0.4, day, procurement, then(3)),
			step("Согласование закупки", 10*minute, 0.5, day, heads, to(1, 0.15), to(4, 0.85)),
			step("Заказ поставщику", 10*minute, 0.3, 20*minute, procurement, then(5)),
			step("Контроль поставки", 5*minute, 0.5, 3*day, procurement, to(end, 1)),
		),
		model("Приёмка товара", 106, 450, true,
			step("Разгрузка", 25*minute, 0.3, 0, warehouse, then(1)),
			step("Сверка накладной", 8*minute, 0.3, 10*minute, warehouse, to(2, 0.2), to(3, 0.8)),
			step("Акт расхождений", 15*minute, 0.4, 20*minute, warehouse, then(1)),
			step("Оприходование в 1С", 5*minute, 0.2, hour, accounting, then(4)),
			step("Размещение на складе", 15*minute, 0.4, 30*minute, warehouse, to(end, 1)),
		),
		payroll,
		model("Командировки", 108, 150, true,
			step("Заявка на командировку", 10*minute, 0.4, 0, everyone, then(1)),
			step("Согласование руководителем", 5*minute, 0.5, 4*hour, heads, then(2)),
			step("Бронирование билетов", 35*minute, 0.4, 2*hour, hr, then(3)),
			step("Бронирование гостиницы", 20*minute, 0.4, 15*minute, hr, then(4)),
			step("Авансовый отчёт", 40*minute, 0.5, 5*day, everyone, then(5)),
			step("Проверка авансового отчёта", 15*minute, 0.4, day, accounting, to(4, 0.25), to(end, 0.75)),
		),
		model("Найм сотрудников", 109, 250, true,
			step("Отбор резюме", 6*minute, 0.4, 0, hr, to(1, 0.4), to(5, 0.6)),
			step("Назначение интервью", 10*minute, 0.4, 3*hour, hr, then(2)),
			step("Интервью", time.Hour, 0.3, 2*day, heads, to(3, 0.2), to(4, 0.3), to(5, 0.5)),
			step("Второе интервью", time.Hour, 0.3, 2*day, heads, to(4, 0.5), to(5, 0.5)),
			step("Оффер", 20*minute, 0.3, day, hr, to(6, 0.8), to(end, 0.2)),
			step("Отказ кандидату", 2*minute, 0.3, hour, hr, to(end, 1)),
			step("Оформление документов", 45*minute, 0.3, 3*day, hr, to(end, 1)),
		),
		model("Возвраты", 110, 350, false,
			step("Заявка на возврат", 3*minute, 0.4, 0, support, then(1)),
			step("Проверка оснований", 12*minute, 0.4, 30*minute, support, to(2, 0.2), to(3, 0.1), to(4, 0.7)),
			step("Запрос документов", 4*minute, 0.3, 10*minute, support, then(1)),
			step("Отказ в возврате", 3*minute, 0.3, 20*minute, support, to(end, 1)),
			step("Оформление возврата", 9*minute, 0.3, 20*minute, accounting, then(5)),
			step("Возврат денег", 5*minute, 0.3, day, accounting, then(6)),
			step("Уведомление клиента", 2*minute, 0.3, 5*minute, support, to(end, 1)),
		),
	}
}
