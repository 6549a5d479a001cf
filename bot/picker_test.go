package bot

import (
	"strconv"
	"strings"
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
		page, rows int
		first, nav string
	}{
		{0, 10, "0", "More ▶"},
		{1, 10, "20", "◀ Previous|More ▶"},
		{2, 3, "40", "◀ Previous"},
		{7, 3, "40", "◀ Previous"}, // past the end: the last page
	} {
		rows, nav := pagedButtons(tr, items, c.page, 20, 2, pick, turn)
		if len(rows) != c.rows || rows[0][0].Text != c.first {
			t.Errorf("page %d: %d rows starting %q, want %d starting %q", c.page, len(rows), rows[0][0].Text, c.rows, c.first)
			continue
		}
		var labels []string
		for _, b := range nav {
			labels = append(labels, b.Text)
		}
		if got := strings.Join(labels, "|"); got != c.nav {
			t.Errorf("page %d: navigation %q, want %q", c.page, got, c.nav)
		}
	}
	if rows, nav := pagedButtons(tr, []int{}, 3, 20, 2, pick, turn); len(rows)+len(nav) != 0 {
		t.Errorf("no items: %v %v", rows, nav)
	}
}

func TestMenuPage(t *testing.T) {
	for menu, want := range map[string]struct {
		name string
		page int
	}{
		"": {"", 0}, "r": {"r", 0}, "r2": {"r", 2}, "resp12": {"resp", 12}, "s": {"s", 0}, "r999999": {"?", 0}, "7": {"", 7},
		"a0": {"a", 0}, "a3": {"a", 3},
	} {
		if name, page := menuPage(menu); name != want.name || page != want.page {
			t.Errorf("menuPage(%q) = %q, %d; want %q, %d", menu, name, page, want.name, want.page)
		}
	}
}
