package charts

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func sampleIdeasCard() IdeasCard {
	return IdeasCard{
		Title: "Улучшение бизнес-процессов", Subtitle: "по состоянию на 24 нояб. 2026, 15:05", Accent: AccentAmber,
		Tiles: []Tile{{Label: "Идей подано", Value: "12"}, {Label: "Принято", Value: "33 %", Note: "4 из 12"},
			{Label: "Решение за", Value: "3 дн"}, {Label: "Экономия в работе", Value: "1 240 ч/год"}},
		Upper: []Panel{
			&Donut{Title: "Идеи по статусам", Center: "12", CenterNote: "идей", Slices: []Slice{
				{Label: "Новые", Value: 4}, {Label: "Приняты", Value: 4, Tone: ToneGood}, {Label: "Отклонены", Value: 2, Tone: ToneBad}}},
			&Bars{Title: "Идеи по месяцам", Labels: []string{"сен", "окт", "ноя"},
				Series: []Series{{Name: "Подано", Values: []float64{3, 5, 4}}, {Name: "Принято", Values: []float64{1, 2, 1}}}},
		},
		Lower: &Ranking{Title: "Лидеры голосования", Rows: []RankRow{
			{Label: "Сканировать накладные с телефона", Value: 14, ValueText: "+15 / −1"},
			{Label: "Шаблон КП из CRM", Value: 5, ValueText: "+5 / −0"}}},
	}
}

func TestIdeasCard(t *testing.T) {
	r := NewRenderer(1)
	for name, c := range map[string]IdeasCard{"full": sampleIdeasCard(), "empty": {Title: "Пусто"}} {
		b, err := r.Ideas(context.Background(), c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := img.Bounds().Size(); got.X != ideasW || got.Y != ideasH {
			t.Errorf("%s: %v", name, got)
		}
		if *samples != "" {
			if err := os.WriteFile(filepath.Join(*samples, "ideas-"+name+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
