package charts

import "testing"

func TestCardKey(t *testing.T) {
	base := func() AreaCard {
		return AreaCard{Title: "Сделки", Subtitle: "Данные на 02.12.2026", Accent: AccentBlue,
			Tiles:  []Tile{{Label: "Выручка", Value: "4,2 млн ₽", Note: "▲ 12 %", Tone: ToneGood}},
			Panels: []Panel{&Bars{Title: "По неделям", Labels: []string{"1", "2"}, Series: []Series{{Name: "Won", Values: []float64{1, 2}}}}, nil}}
	}
	if base().Key() != base().Key() {
		t.Fatal("equal cards got different keys")
	}
	changes := map[string]func(*AreaCard){
		"title":        func(c *AreaCard) { c.Title = "Задачи" },
		"accent":       func(c *AreaCard) { c.Accent = AccentTeal },
		"tile value":   func(c *AreaCard) { c.Tiles[0].Value = "4,3 млн ₽" },
		"tone":         func(c *AreaCard) { c.Tiles[0].Tone = ToneBad },
		"bar value":    func(c *AreaCard) { c.Panels[0].(*Bars).Series[0].Values[1] = 3 },
		"strings move": func(c *AreaCard) { c.Title, c.Subtitle = "СделкиДанные на", " 02.12.2026" },
		"panel kind":   func(c *AreaCard) { c.Panels[1] = &Ranking{} },
		"one panel":    func(c *AreaCard) { c.Panels = c.Panels[:1] },
	}
	for name, change := range changes {
		c := base()
		change(&c)
		if c.Key() == base().Key() {
			t.Errorf("%s: the key did not change", name)
		}
	}
	c := base()
	c.Panels[1] = (*Donut)(nil) // draws the same empty state as nil
	if c.Key() != base().Key() {
		t.Error("a nil *Donut and a nil panel got different keys")
	}
	home := HomeCard{Title: base().Title, Subtitle: base().Subtitle}
	if home.Key() == (AreaCard{Title: home.Title, Subtitle: home.Subtitle}).Key() {
		t.Error("a home card and an area card with the same strings share a key")
	}
}

func TestIdeasCardKey(t *testing.T) {
	base := func() IdeasCard {
		return IdeasCard{Title: "Идеи", Upper: []Panel{&Donut{Center: "12"}}, Lower: &Ranking{Rows: []RankRow{{Label: "A", Value: 3}}}}
	}
	if base().Key() != base().Key() {
		t.Fatal("equal cards got different keys")
	}
	c := base()
	c.Lower.(*Ranking).Rows[0].Value = 4
	if c.Key() == base().Key() {
		t.Error("a changed lower panel kept the key")
	}
	c = base()
	c.Upper, c.Lower = nil, c.Upper[0]
	if c.Key() == base().Key() {
		t.Error("a panel moved from the upper row to the lower kept the key")
	}
}
