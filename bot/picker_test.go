package bot

import (
	"strconv"
	"testing"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

func TestPagedButtons(t *testing.T) {
	tr := i18n.New(domain.LangEN, nil)
	items := make([]int, 45)
	for i := range items {
		items[i] = i
	}
	pick := func(i int) tele.Btn { return button(btnDealSet, strconv.Itoa(i), strconv.Itoa(i)) }
	turn := func(label string, page int) tele.Btn { return button(btnDeal, label, "p"+strconv.Itoa(page)) }
	for _, c := range []struct {
		page, rows    int
		first, navBtn string
	}{
		{0, 10 + 1, "0", "More ▶"},
		{1, 10 + 1, "20", "◀ Previous|More ▶"},
		{2, 3 + 1, "40", "◀ Previous"},
		{7, 3 + 1, "40", "◀ Previous"}, // past the end: the last page
	} {
		rows := pagedButtons(tr, items, c.page, 20, 2, pick, turn)
		if len(rows) != c.rows || rows[0][0].Text != c.first {
			t.Errorf("page %d: %d rows starting %q, want %d starting %q", c.page, len(rows), rows[0][0].Text, c.rows, c.first)
			continue
		}
		nav := ""
		for i, b := range rows[len(rows)-1] {
			if i > 0 {
				nav += "|"
			}
			nav += b.Text
		}
		if nav != c.navBtn {
			t.Errorf("page %d: navigation %q, want %q", c.page, nav, c.navBtn)
		}
	}
	if rows := pagedButtons(tr, []int{}, 3, 20, 2, pick, turn); len(rows) != 0 {
		t.Errorf("no items: %v", rows)
	}
}

func TestMenuPage(t *testing.T) {
	for menu, want := range map[string]struct {
		name string
		page int
	}{
		"": {"", 0}, "r": {"r", 0}, "r2": {"r", 2}, "resp12": {"resp", 12}, "s": {"s", 0}, "r999999": {"?", 0}, "7": {"", 7},
	} {
		if name, page := menuPage(menu); name != want.name || page != want.page {
			t.Errorf("menuPage(%q) = %q, %d; want %q, %d", menu, name, page, want.name, want.page)
		}
	}
}
