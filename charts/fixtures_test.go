package charts

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures are the cards the bot draws for a realistic week, in
// Russian, with every string formatted as the caller would.

const asOf = "по состоянию на 24.11.2026 18:05"

func weekLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		d := 1 + i*7
		out[i] = fmt.Sprintf("%02d.%02d", (d-1)%28+1, 9+(d-1)/28)
	}
	return out
}

func crmBars(weeks int) *Bars {
	created := []float64{14, 9, 17, 12, 21, 16, 11, 19, 23, 15, 18, 9}
	won := []float64{3, 1, 4, 2, 5, 3, 2, 4, 6, 3, 2, 1}
	return &Bars{
		Title:  "Сделки по неделям",
		Labels: weekLabels(weeks),
		Series: []Series{
			{Name: "Создано", Values: created[12-weeks:]},
			{Name: "Выиграно", Values: won[12-weeks:]},
		},
	}
}

func crmTasks() *Donut {
	return &Donut{
		Title: "Задачи в CRM", Center: "40", CenterNote: "задач",
		Slices: []Slice{
			{Label: "Открыты", Value: 22},
			{Label: "Просрочены", Value: 6, Tone: ToneBad},
			{Label: "Выполнены", Value: 12, Tone: ToneGood},
		},
	}
}

func taskStatus() *Donut {
	return &Donut{
		Title: "Задачи по статусам", Center: "10", CenterNote: "задач",
		Slices: []Slice{
			{Label: "Новые", Value: 2},
			{Label: "В работе", Value: 5},
			{Label: "На проверке", Value: 1},
			{Label: "Готово", Value: 2, Tone: ToneGood},
			{Label: "Отменено", Value: 0, Tone: ToneNeutral},
		},
	}
}

func taskPriority() *Bars {
	return &Bars{
		Title:  "Активные по приоритету",
		Labels: []string{"Высокий", "Средний", "Низкий"},
		Series: []Series{{Name: "Активные", Values: []float64{3, 4, 1}}},
	}
}

func processRanking(n int) *Ranking {
	rows := []RankRow{
		{"Сверка актов с контрагентами", "1 120 ч · 38 %", 1120},
		{"Ввод первичных документов в 1С", "860 ч · 31 %", 860},
		{"Подготовка коммерческих предложений", "540 ч · 22 %", 540},
		{"Согласование договоров", "410 ч · 19 %", 410},
		{"Выставление счетов", "300 ч · 27 %", 300},
		{"Ответы на типовые письма клиентов", "190 ч · 44 %", 190},
		{"Заполнение отчётов по продажам", "140 ч · 12 %", 140},
		{"Проверка остатков на складе", "90 ч · 8 %", 90},
		{"Обновление прайс-листа", "60 ч · 35 %", 60},
		{"Учёт командировочных расходов", "40 ч · 5 %", 40},
	}
	return &Ranking{Title: "Процессы по затратам времени", Rows: rows[:n]}
}

func ideaStatus() *Donut {
	return &Donut{
		Title: "Идеи по статусам", Center: "24", CenterNote: "идеи",
		Slices: []Slice{
			{Label: "На рассмотрении", Value: 15},
			{Label: "Приняты", Value: 6, Tone: ToneGood},
			{Label: "Отклонены", Value: 3, Tone: ToneNeutral},
		},
	}
}

func ideaTop() *Ranking {
	return &Ranking{Title: "Лидеры голосования", Rows: []RankRow{
		{"Электронное согласование отпусков", "+34 / −2", 32},
		{"Шаблоны ответов для отдела продаж", "+27 / −4", 23},
		{"Единый календарь переговорных", "+19 / −1", 18},
		{"Автоматическая сверка оплат по выписке", "+15 / −3", 12},
		{"Чат-бот для заявок в IT", "+11 / −5", 6},
	}}
}

func sampleHome() HomeCard {
	return HomeCard{
		Title:    "Processet · операционная сводка",
		Subtitle: asOf,
		Areas: []AreaPreview{
			{Title: "CRM", Headline: "1 из 9", Note: "сделок закрыто на этой неделе", Accent: AccentBlue, Panel: crmBars(8)},
			{Title: "Задачи", Headline: "8 из 10", Note: "в работе · 2 просрочены", Accent: AccentViolet, Panel: taskStatus()},
			{Title: "Task Mining", Headline: "27 %", Note: "1 240 операций · 3 560 ч/год", Accent: AccentTeal, Panel: processRanking(4)},
			{Title: "Улучшение бизнес-процессов", Headline: "6 из 24", Note: "идей принято · 131 голос", Accent: AccentAmber, Panel: ideaStatus()},
		},
	}
}

func sampleCRM() AreaCard {
	return AreaCard{
		Title: "CRM", Subtitle: asOf, Accent: AccentBlue,
		Tiles: []Tile{
			{Label: "Сделки за 12 недель", Value: "195", Note: "9 активны"},
			{Label: "Выручка", Value: "4,2 млн ₽", Note: "▲ 18 % к плану", Tone: ToneGood},
			{Label: "Выиграно", Value: "36", Note: "1 на этой неделе"},
			{Label: "Компании", Value: "58"},
		},
		Panels: []Panel{crmBars(12), crmTasks()},
	}
}

func sampleTasks() AreaCard {
	return AreaCard{
		Title: "Задачи", Subtitle: asOf, Accent: AccentViolet,
		Tiles: []Tile{
			{Label: "Всего", Value: "10"},
			{Label: "Активных", Value: "8"},
			{Label: "Просрочено", Value: "2", Note: "▼ на 1 меньше, чем неделю назад", Tone: ToneGood},
			{Label: "Готово на этой неделе", Value: "2"},
		},
		Panels: []Panel{taskStatus(), taskPriority()},
	}
}

func sampleMining() AreaCard {
	return AreaCard{
		Title: "Task Mining", Subtitle: asOf, Accent: AccentTeal,
		Tiles: []Tile{
			{Label: "Операций", Value: "1 240"},
			{Label: "Часов в год", Value: "3 560"},
			{Label: "Потенциал автоматизации", Value: "27 %", Note: "960 ч/год"},
			{Label: "Процессов", Value: "10"},
		},
		Panels: []Panel{processRanking(10)},
	}
}

func sampleIdeas() AreaCard {
	return AreaCard{
		Title: "Улучшение бизнес-процессов", Subtitle: asOf, Accent: AccentAmber,
		Tiles: []Tile{
			{Label: "Идей подано", Value: "24"},
			{Label: "Голосов", Value: "131"},
			{Label: "Принято", Value: "6"},
			{Label: "На рассмотрении", Value: "15"},
		},
		Panels: []Panel{ideaStatus(), ideaTop()},
	}
}

// emptyHome is the home card of a company that has just connected: every
// area is there, with nothing in it.
func emptyHome() HomeCard {
	return HomeCard{
		Title: "Processet · операционная сводка", Subtitle: asOf,
		Areas: []AreaPreview{
			{Title: "CRM", Headline: "0 из 0", Panel: &Bars{Title: "Сделки", Labels: weekLabels(8), Series: []Series{{Name: "Создано", Values: make([]float64, 8)}, {Name: "Выиграно"}}}},
			{Title: "Задачи", Headline: "0 из 0", Panel: &Donut{Title: "Задачи", Slices: []Slice{{Label: "Новые"}, {Label: "В работе"}}}},
			{Title: "Task Mining", Panel: &Ranking{}},
			{Title: "Идеи", Panel: nil},
		},
	}
}

func emptyAreas() []AreaCard {
	return []AreaCard{
		{Title: "CRM", Tiles: []Tile{{Label: "Сделки", Value: "0"}}, Panels: []Panel{&Bars{}, &Donut{}}},
		{Title: "Задачи", Panels: []Panel{(*Donut)(nil), (*Bars)(nil)}},
		{Title: "Task Mining", Tiles: []Tile{{}, {}, {}}, Panels: []Panel{(*Ranking)(nil)}},
		{},
	}
}

// extremeHome and extremeAreas push every limit: labels far longer than
// their room, zero and enormous values, one slice, twenty rows, more
// tiles, panels and areas than a card draws.
var longRu = strings.Repeat("Согласование дополнительного соглашения к договору поставки ", 3)

func extremeRanking(n int) *Ranking {
	r := &Ranking{Title: longRu}
	for i := range n {
		r.Rows = append(r.Rows, RankRow{Label: fmt.Sprintf("%d. %s", i+1, longRu), ValueText: fmt.Sprintf("%d ч · 99 %%", 1_000_000_000-i*1000), Value: float64(1e9 - i*1000)})
	}
	r.Rows[n-1].Value = 0
	return r
}

func extremeBars() *Bars {
	labels := make([]string, 30)
	for i := range labels {
		labels[i] = longRu
	}
	return &Bars{Title: longRu, Labels: labels, Series: []Series{
		{Name: longRu, Values: []float64{1e12, 0, -5, 3, 7e11}},
		{Name: "Б", Values: []float64{1}},
		{Name: "В", Values: []float64{0.5, 2e30}},
		{Name: "Г (не рисуется)", Values: []float64{5}},
	}}
}

func extremeHome() HomeCard {
	one := &Donut{Title: longRu, Center: "1 000 000 000 000", CenterNote: longRu, Slices: []Slice{{Label: longRu, Value: 0}, {Label: "Единственный", Value: 7}}}
	a := AreaPreview{Title: longRu, Headline: "1 240 операций · 3 560 ч/год · 27 % · " + longRu, Note: longRu}
	areas := []AreaPreview{a, a, a, a, a}
	areas[0].Panel, areas[1].Panel, areas[2].Panel, areas[3].Panel = extremeBars(), one, extremeRanking(20), &Bars{Labels: []string{"Один"}, Series: []Series{{Values: []float64{5}}}}
	return HomeCard{Title: longRu, Subtitle: longRu, Areas: areas}
}

func extremeAreas() []AreaCard {
	tiles := make([]Tile, 7)
	for i := range tiles {
		tiles[i] = Tile{Label: longRu, Value: "999 999 999 999 ₽ " + longRu, Note: longRu, Tone: Tone(i)}
	}
	many := &Donut{Title: "Много долей", Center: "20", CenterNote: "долей"}
	for i := range 20 {
		many.Slices = append(many.Slices, Slice{Label: fmt.Sprintf("Доля %d %s", i+1, longRu), Value: float64(i * i)})
	}
	return []AreaCard{
		{Title: longRu, Subtitle: longRu, Tiles: tiles, Panels: []Panel{extremeBars(), many, extremeRanking(3)}},
		{Title: "Двадцать строк", Accent: AccentTeal, Panels: []Panel{extremeRanking(20)}},
		{Title: "Одна доля", Accent: AccentViolet, Tiles: tiles[:2], Panels: []Panel{&Donut{Slices: []Slice{{Label: "Всё", Value: 1e12, ValueText: "1 трлн"}}}}},
		{Title: "Accent out of range", Accent: Accent(200), Panels: []Panel{&Bars{Labels: []string{"a"}, Series: []Series{{Values: []float64{1e-9}}}}, many}},
	}
}

// samples names a directory to write every test card into, for looking at
// them and for the README: go test ./charts -run TestWriteSamples -samples DIR
var samples = flag.String("samples", "", "write sample cards as PNG files into this directory")

func TestWriteSamples(t *testing.T) {
	if *samples == "" {
		t.Skip("no -samples directory given")
	}
	if err := os.MkdirAll(*samples, 0o755); err != nil {
		t.Fatal(err)
	}
	r := NewRenderer(2)
	ctx := context.Background()
	write := func(name string, png []byte, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(*samples, name+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", path, len(png))
	}
	png, err := r.Home(ctx, sampleHome())
	write("home", png, err)
	for name, c := range map[string]AreaCard{"crm": sampleCRM(), "tasks": sampleTasks(), "mining": sampleMining(), "ideas": sampleIdeas()} {
		png, err := r.Area(ctx, c)
		write(name, png, err)
	}
	png, err = r.Home(ctx, emptyHome())
	write("home-empty", png, err)
	png, err = r.Home(ctx, extremeHome())
	write("home-extreme", png, err)
	for i, c := range emptyAreas() {
		png, err := r.Area(ctx, c)
		write(fmt.Sprintf("area-empty-%d", i+1), png, err)
	}
	for i, c := range extremeAreas() {
		png, err := r.Area(ctx, c)
		write(fmt.Sprintf("area-extreme-%d", i+1), png, err)
	}
}
