package bot

import (
	"strings"
	"testing"

	"processet/domain"
	"processet/i18n"
	"processet/internal/telegramtest"
	"processet/mining/processmap"
)

// sampleProcess is the README's worked example as a recompute stores it.
func sampleProcess() domain.ProcessResult {
	return domain.ProcessResult{
		ID: 7, Name: "Заявки <ООО «Ромашка»>", ComputedAt: fixedAt, Events: 14, Cases: 3, Activities: 4, Variants: 2,
		ActivityStats: []domain.ActivityResult{
			{Index: 2, Name: "Проверка", Executions: 4, Cases: 3},
			{Index: 1, Name: "Ввод данных", Executions: 4, Cases: 3},
			{Index: 3, Name: "Согласование", Executions: 3, Cases: 3, Ends: 3},
			{Index: 0, Name: "Регистрация & учёт", Executions: 3, Cases: 3, Starts: 3},
		},
		Edges: []domain.FlowEdge{
			{From: 1, To: 2, Count: 4, MeanSeconds: 1050},
			{From: 0, To: 1, Count: 3, MeanSeconds: 800},
			{From: 2, To: 3, Count: 3, MeanSeconds: 2600},
			{From: 2, To: 1, Count: 1, MeanSeconds: 45},
		},
	}
}

func TestMapViewsGolden(t *testing.T) {
	r := sampleProcess()
	for _, lang := range domain.Langs {
		tr := i18n.New(lang, msk)
		g := processmap.Build(r, mapStartLevel)
		for name, text := range map[string]string{
			"map_caption_frequency": mapCaption(tr, r, g, processmap.Frequency),
			"map_caption_durations": mapCaption(tr, r, g, processmap.Durations),
			"map_text_frequency":    mapText(tr, r, g, processmap.Frequency, tr.T(i18n.MiningMapNoGraphviz), tr.T(i18n.MiningMapAdminNote)),
			"map_text_durations":    mapText(tr, r, g, processmap.Durations, tr.T(i18n.MiningMapDrawFailed), ""),
		} {
			checkGolden(t, name+"."+string(lang), text)
			limit := maxText
			if strings.HasPrefix(name, "map_caption") {
				limit = maxCaption
			}
			if n, err := telegramtest.CheckHTML(text); err != nil || n > limit {
				t.Errorf("%s/%s: %d characters, %v", name, lang, n, err)
			}
		}
	}
}

// TestMapViewsFit: a process of many long-named activities still makes a
// caption and a text Telegram takes.
func TestMapViewsFit(t *testing.T) {
	r := sampleProcess()
	r.Name = strings.Repeat("Очень длинное <название> процесса ", 20)
	r.ActivityStats, r.Edges = nil, nil
	for i := range int32(200) {
		r.ActivityStats = append(r.ActivityStats, domain.ActivityResult{Index: i, Name: strings.Repeat("Действие & "+string(rune('А'+i%32)), 12),
			Executions: 1000 - int(i), Starts: int(i % 2), Ends: int(i % 3)})
		r.Edges = append(r.Edges, domain.FlowEdge{From: i, To: (i + 1) % 200, Count: 900 - int(i), MeanSeconds: float64(i) * 100})
	}
	for _, lang := range domain.Langs {
		tr := i18n.New(lang, msk)
		for level := 1; level <= processmap.Levels; level++ {
			g := processmap.Build(r, level)
			for _, view := range []processmap.View{processmap.Frequency, processmap.Durations} {
				if n, err := telegramtest.CheckHTML(mapCaption(tr, r, g, view)); err != nil || n > maxCaption {
					t.Errorf("%s level %d caption: %d characters, %v", lang, level, n, err)
				}
				text := mapText(tr, r, g, view, tr.T(i18n.MiningMapNoGraphviz), tr.T(i18n.MiningMapAdminNote))
				if n, err := telegramtest.CheckHTML(text); err != nil || n > maxText {
					t.Errorf("%s level %d text: %d characters, %v", lang, level, n, err)
				}
			}
		}
	}
}

func TestMapKeyboard(t *testing.T) {
	tr := i18n.New(domain.LangEN, msk)
	texts := func(m mapRef) []string {
		var out []string
		for _, row := range mapKeyboard(tr, m).InlineKeyboard {
			for _, b := range row {
				out = append(out, b.Text)
			}
		}
		return out
	}
	lowest := strings.Join(texts(mapRef{id: 1, level: 1}), ",")
	if lowest != "➕ More detail,✓ 🔢 Frequencies,⏱ Durations,◀ To the process,🏠 Home" {
		t.Errorf("level 1: %s", lowest)
	}
	top := strings.Join(texts(mapRef{id: 1, level: processmap.Levels, view: processmap.Durations}), ",")
	if top != "➖ Less detail,🔢 Frequencies,✓ ⏱ Durations,◀ To the process,🏠 Home" {
		t.Errorf("top level: %s", top)
	}
}
