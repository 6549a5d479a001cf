package bot

import (
	"strconv"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// processesPerPage is how many processes a page of «Explore» lists.
const processesPerPage = 5

// onMiningList answers «Explore» and the list's pages: the processes
// ranked by potential hours. From the dashboard picture it sends a text
// message; from the list or a card it edits that message in place.
func (h *Handler) onMiningList(c tele.Context) error {
	page, ok := parsePage(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showMiningList(c, page)
}

func (h *Handler) showMiningList(c tele.Context, page int) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	tr := h.printer(c)
	ps, total, page, err := fetchPage(page, processesPerPage, func(offset int) ([]domain.ProcessStat, int, error) {
		return h.cfg.Mining.Processes(ctx, offset/processesPerPage, processesPerPage)
	})
	if err != nil {
		return err
	}
	return h.showText(c, processListText(tr, ps, page, total), processListKeyboard(tr, ps, page, total))
}

// onMiningProcess opens a process card; its data carries the list's page
// to go back to.
func (h *Handler) onMiningProcess(c tele.Context) error {
	id, page, ok := idPageArgs(c)
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showProcessCard(c, id, page)
}

func (h *Handler) showProcessCard(c tele.Context, id int64, page int) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	r, err := h.cfg.Mining.Process(ctx, id)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showText(c, processCardText(tr, r), processCardKeyboard(tr, id, page))
}

func processListKeyboard(tr i18n.Printer, ps []domain.ProcessStat, page, total int) *tele.ReplyMarkup {
	var open []tele.Btn
	for i, p := range ps {
		open = append(open, button(btnMiningProc, strconv.Itoa(page*processesPerPage+i+1), strconv.FormatInt(p.ID, 10), strconv.Itoa(page)))
	}
	nav := pageNav(tr, page, pageCount(total, processesPerPage), func(label string, p int) tele.Btn {
		return button(btnMiningList, label, strconv.Itoa(p))
	})
	return inline(open, nav, row(button(btnArea, tr.T(i18n.AreaMining), string(areaMining)), button(btnArea, tr.T(i18n.Home), string(areaHome))))
}

func processCardKeyboard(tr i18n.Printer, id int64, page int) *tele.ReplyMarkup {
	drill := procRef{process: id, list: page}.data()
	return inline(
		row(button(btnMiningMap, tr.T(i18n.MiningMapButton), mapRef{id: id, level: mapStartLevel, page: page}.data()...)),
		row(button(btnMiningVars, tr.T(i18n.MiningVariantsButton), drill...), button(btnMiningActs, tr.T(i18n.MiningActsButton), drill...)),
		row(button(btnMiningList, "◀ "+tr.T(i18n.BackToList), strconv.Itoa(page)), button(btnArea, tr.T(i18n.Home), string(areaHome))))
}
