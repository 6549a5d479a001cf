package bot

import (
	tele "gopkg.in/telebot.v3"

	"processet/i18n"
)

// pickerSize is how many choices a picker shows at once: Telegram refuses
// a keyboard of more than 100 buttons, and a long list is hard to scan.
const pickerSize = 20

// pagedButtons lays out one page of items as buttons, perRow a row, and
// the row to the neighbouring pages (empty when all fit), which the
// caller places. pick makes an item's button; turn makes the button to
// another page from its label. A page past the end shows the last one:
// the list may have shrunk since the button was sent.
func pagedButtons[T any](tr i18n.Printer, items []T, page, size, perRow int, pick func(T) tele.Btn, turn func(label string, page int) tele.Btn) (rows [][]tele.Btn, nav []tele.Btn) {
	page, from, to := pageOf(page, len(items), size)
	pages := max(pageCount(len(items), size), 1)
	shown := items[from:to]
	for i := 0; i < len(shown); i += perRow {
		var r []tele.Btn
		for _, it := range shown[i:min(i+perRow, len(shown))] {
			r = append(r, pick(it))
		}
		rows = append(rows, r)
	}
	return rows, pageNav(tr, page, pages, turn)
}

// pageNav is the row to the pages before and after page of pages.
func pageNav(tr i18n.Printer, page, pages int, turn func(label string, page int) tele.Btn) []tele.Btn {
	var nav []tele.Btn
	if page > 0 {
		nav = append(nav, turn("◀ "+tr.T(i18n.PrevPage), page-1))
	}
	if page < pages-1 {
		nav = append(nav, turn(tr.T(i18n.NextPage)+" ▶", page+1))
	}
	return nav
}

// fetchPage reads page of a list, per to a page, and the last page instead
// when the list has shrunk below page since its button was sent (a task
// done, a deal won): the user sees rows, not an empty page. It returns the
// rows, the list's total and the page shown.
func fetchPage[T any](page, per int, fetch func(offset int) ([]T, int, error)) ([]T, int, int, error) {
	items, total, err := fetch(page * per)
	if err != nil || len(items) > 0 || page == 0 {
		return items, total, page, err
	}
	page, _, _ = pageOf(page, total, per)
	items, total, err = fetch(page * per)
	return items, total, page, err
}

// pageOf clamps page into the pages of total items, per to a page, and
// returns it with the bounds of its items: a list may have shrunk since
// its button was sent.
func pageOf(page, total, per int) (p, from, to int) {
	p = min(max(page, 0), max(pageCount(total, per), 1)-1)
	return p, min(p*per, total), min((p+1)*per, total)
}
