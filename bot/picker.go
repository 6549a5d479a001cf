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
	pages := max(pageCount(len(items), size), 1)
	page = min(max(page, 0), pages-1)
	shown := items[page*size : min((page+1)*size, len(items))]
	for i := 0; i < len(shown); i += perRow {
		var r []tele.Btn
		for _, it := range shown[i:min(i+perRow, len(shown))] {
			r = append(r, pick(it))
		}
		rows = append(rows, r)
	}
	if page > 0 {
		nav = append(nav, turn("◀ "+tr.T(i18n.PrevPage), page-1))
	}
	if page < pages-1 {
		nav = append(nav, turn(tr.T(i18n.NextPage)+" ▶", page+1))
	}
	return rows, nav
}
