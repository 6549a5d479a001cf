package demo

import "processet/domain"

// processes are ten back-office processes with the operations task mining
// found in their event logs: executions per year, minutes per execution
// and the share of time automation could save.
var processes = []struct {
	name string
	ops  []struct {
		name    string
		perYear int
		minutes float64
		auto    float64
	}
}{
	{"Обработка входящих счетов", ops(
		op("Ввод счёта в 1С", 18_400, 6, 0.8), op("Проверка реквизитов", 18_400, 3, 0.6), op("Согласование оплаты", 9_200, 9, 0.3))},
	{"Согласование договоров", ops(
		op("Сбор виз по почте", 2_600, 25, 0.5), op("Правки в Word", 3_100, 18, 0.2), op("Регистрация договора", 2_600, 7, 0.7))},
	{"Закрытие месяца", ops(
		op("Сверка остатков в Excel", 1_200, 45, 0.6), op("Копирование проводок", 2_400, 15, 0.9), op("Подготовка отчёта", 240, 120, 0.4))},
	{"Обработка заявок клиентов", ops(
		op("Разбор почты", 24_000, 2, 0.5), op("Создание сделки в CRM", 7_800, 4, 0.7), op("Ответ клиенту", 21_000, 5, 0.3))},
	{"Закупки", ops(
		op("Запрос цен у поставщиков", 3_600, 20, 0.4), op("Сравнение предложений", 1_800, 30, 0.5))},
	{"Приёмка товара", ops(
		op("Сверка накладной", 6_500, 8, 0.6), op("Оприходование", 6_500, 5, 0.7))},
	{"Расчёт зарплаты", ops(
		op("Сбор табелей", 1_440, 20, 0.7), op("Проверка начислений", 1_440, 15, 0.3))},
	{"Командировки", ops(
		op("Бронирование билетов", 900, 35, 0.5), op("Авансовый отчёт", 900, 40, 0.6))},
	{"Найм сотрудников", ops(
		op("Отбор резюме", 5_200, 6, 0.4), op("Назначение интервью", 1_300, 10, 0.8))},
	{"Возвраты", ops(
		op("Проверка оснований", 2_100, 12, 0.3), op("Оформление возврата", 2_100, 9, 0.6))},
}

type opSpec = struct {
	name    string
	perYear int
	minutes float64
	auto    float64
}

func op(name string, perYear int, minutes, auto float64) opSpec {
	return opSpec{name, perYear, minutes, auto}
}

func ops(o ...opSpec) []opSpec { return o }

func operations() []domain.Operation {
	var out []domain.Operation
	for _, p := range processes {
		for _, o := range p.ops {
			out = append(out, domain.Operation{Process: p.name, Name: o.name, PerYear: o.perYear,
				AvgSeconds: o.minutes * 60, Automatable: o.auto})
		}
	}
	return out
}
