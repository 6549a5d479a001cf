package bot

import (
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"
)

// Unique names are wire format: buttons already sent carry them, so never
// rename one; add a new one instead.
var (
	btnArea    = &tele.Btn{Unique: "area"}    // Data: area code
	btnLang    = &tele.Btn{Unique: "lang"}    // Data: language code
	btnZone    = &tele.Btn{Unique: "zone"}    // Data: IANA zone name, or list/company/back
	btnApprove = &tele.Btn{Unique: "approve"} // Data: user ID
	btnReject  = &tele.Btn{Unique: "reject"}  // Data: user ID
	btnUsers   = &tele.Btn{Unique: "users"}   // Data: page
	btnUser    = &tele.Btn{Unique: "user"}    // Data: user ID|page
	btnRole    = &tele.Btn{Unique: "role"}    // Data: user ID|role|page

	btnTasks    = &tele.Btn{Unique: "tasks"}     // Data: status code|page
	btnTask     = &tele.Btn{Unique: "task"}      // Data: task ID|status code|page (the list to go back to)
	btnTaskMenu = &tele.Btn{Unique: "task_menu"} // Data: task ID|menu|status code|page
	btnTaskSet  = &tele.Btn{Unique: "task_set"}  // Data: task ID|field|value|status code|page
	btnSnooze   = &tele.Btn{Unique: "snooze"}    // Data: task ID|1h or tm
	btnNewTask  = &tele.Btn{Unique: "task_new"}  // no data
	btnDraft    = &tele.Btn{Unique: "draft"}     // Data: step|value

	btnSubPreset = &tele.Btn{Unique: "sub"}        // Data: preset code
	btnUnsub     = &tele.Btn{Unique: "unsub"}      // Data: subscription ID|all flag[|page]
	btnSubOnly   = &tele.Btn{Unique: "sub_only"}   // Data: subscription ID|all flag[|page]
	btnSubPage   = &tele.Btn{Unique: "sub_page"}   // Data: all flag|page
	btnSubAll    = &tele.Btn{Unique: "sub_all"}    // no data
	btnSubMine   = &tele.Btn{Unique: "sub_mine"}   // no data
	btnDigestNow = &tele.Btn{Unique: "digest_now"} // no data

	btnDeals   = &tele.Btn{Unique: "deals"}    // Data: sort (i/p)|mine (0/1)|page, or "back" to the last one seen
	btnDeal    = &tele.Btn{Unique: "deal"}     // Data: deal ID[|menu[page]]
	btnDealSet = &tele.Btn{Unique: "deal_set"} // Data: deal ID|field|value[|value]
	btnDealAsk = &tele.Btn{Unique: "deal_ask"} // Data: deal ID|question
	btnLinkCRM = &tele.Btn{Unique: "link_crm"} // Data: user ID|amoCRM user ID (0 unlinks)|page
	btnCRMTask = &tele.Btn{Unique: "crm_task"} // Data: op|value, or resp|p<page> (the draft is the user's own)

	btnMiningRun  = &tele.Btn{Unique: "mine_run"}  // no data
	btnMiningList = &tele.Btn{Unique: "mine_list"} // Data: page
	btnMiningProc = &tele.Btn{Unique: "mine_proc"} // Data: process ID|page (the list to go back to)
	btnMineImport = &tele.Btn{Unique: "mine_imp"}  // Data: go, no or r<role>|file key (the pending file is the user's own)

	btnMiningVars  = &tele.Btn{Unique: "mine_vars"}  // Data: process ID|page|process list page (procRef)
	btnMiningActs  = &tele.Btn{Unique: "mine_acts"}  // Data: process ID|page|process list page (procRef)
	btnMiningAct   = &tele.Btn{Unique: "mine_act"}   // Data: process ID|activity|activities page|process list page (actRef)
	btnMiningAsk   = &tele.Btn{Unique: "mine_ask"}   // Data: t (standard time) or s (share)|actRef
	btnMiningReset = &tele.Btn{Unique: "mine_reset"} // Data: t or s|actRef

	btnMiningMap     = &tele.Btn{Unique: "mine_map"}      // Data: process ID|level|view (f/d)|page (the list the card goes back to)
	btnMiningMapCard = &tele.Btn{Unique: "mine_map_card"} // Data: process ID|page: from the map back to the card

	btnIdeaVote  = &tele.Btn{Unique: "ivote"}     // Data: idea ID|u or d[|where: d (dashboard), or list code|page (a card)]; none: a group post
	btnIdeas     = &tele.Btn{Unique: "ideas"}     // Data: list code|page
	btnIdea      = &tele.Btn{Unique: "idea"}      // Data: idea ID|list code|page (the list to go back to)
	btnIdeaMove  = &tele.Btn{Unique: "idea_mv"}   // Data: idea ID|status code|list code|page
	btnIdeaTask  = &tele.Btn{Unique: "idea_task"} // Data: idea ID|p<page>, or idea ID|assignee[|deadline preset[|priority code]]
	btnIdeaNew   = &tele.Btn{Unique: "idea_new"}  // Data: go, x, p|process ID, pn, h0, an|y or n (the draft is the user's own)
	btnIdeaGroup = &tele.Btn{Unique: "idea_grp"}  // Data: set, trust or distrust (the chat is the button's)
	btnIdeaImpl  = &tele.Btn{Unique: "idea_impl"} // Data: idea ID|y or n
	btnIdeaFile  = &tele.Btn{Unique: "idea_file"} // Data: idea ID
)

// button makes an inline button of kind with a visible text and data.
func button(kind *tele.Btn, text string, data ...string) tele.Btn {
	return tele.Btn{Unique: kind.Unique, Text: text, Data: strings.Join(data, "|")}
}

// inline arranges buttons into rows of an inline keyboard.
func inline(rows ...[]tele.Btn) *tele.ReplyMarkup {
	m := &tele.ReplyMarkup{}
	for _, r := range rows {
		if len(r) > 0 {
			m.InlineKeyboard = append(m.InlineKeyboard, buttonRow(m, r))
		}
	}
	return m
}

func buttonRow(m *tele.ReplyMarkup, r []tele.Btn) []tele.InlineButton {
	row := make([]tele.InlineButton, len(r))
	for i, b := range r {
		row[i] = *b.Inline()
	}
	return row
}

// row is shorthand for one row of buttons.
func row(b ...tele.Btn) []tele.Btn { return b }

// callbackArgs splits callback data into exactly n parts.
func callbackArgs(c tele.Context, n int) ([]string, bool) {
	if c.Callback() == nil {
		return nil, false
	}
	parts := strings.Split(c.Callback().Data, "|")
	return parts, len(parts) == n
}

// idPageArgs reads the data "ID|page" of a button that opens a card and
// remembers the list page to go back to.
func idPageArgs(c tele.Context) (id int64, page int, ok bool) {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return 0, 0, false
	}
	id, okID := parseID(args[0])
	page, okPage := parsePage(args[1])
	return id, page, okID && okPage
}

// idListArgs reads the data "ID|a|b" of a button that opens a card and
// remembers, in the two fields parse reads, the list to go back to.
func idListArgs[L any](c tele.Context, parse func(a, b string) (L, bool)) (id int64, back L, ok bool) {
	args, ok := callbackArgs(c, 3)
	if !ok {
		return 0, back, false
	}
	id, okID := parseID(args[0])
	back, okBack := parse(args[1], args[2])
	return id, back, okID && okBack
}

// parseID parses a positive ID from callback data.
func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// parsePage parses a page number from callback data.
func parsePage(s string) (int, bool) {
	p, err := strconv.Atoi(s)
	return p, err == nil && p >= 0 && p < 100000
}
