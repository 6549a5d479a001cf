package bot

import (
	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// register binds commands and buttons to handlers, each with the least
// role it needs. The role is checked on the server for every update, so a
// forged callback gets nothing a user could not get by pressing buttons.
func (h *Handler) register() {
	b := h.routeTable() // h.bot, noting each route's name for the metrics
	b.Use(h.bound, h.recover, h.identify)

	b.Handle("/start", h.handleStart)
	b.Handle("/help", h.handleHelp)
	b.Handle("/lang", h.handleLang)
	b.Handle(btnLang, h.onLang)

	employee := func(f tele.HandlerFunc) tele.HandlerFunc { return h.need(domain.RoleEmployee, f) }
	admin := func(f tele.HandlerFunc) tele.HandlerFunc { return h.need(domain.RoleAdmin, f) }
	b.Handle(btnZone, employee(h.onZone))

	b.Handle("/home", employee(h.handleHome))
	b.Handle("/crm", employee(h.areaCommand(areaCRM)))
	b.Handle("/tasks", employee(h.areaCommand(areaTasks)))
	b.Handle("/task", employee(h.handleTask))
	b.Handle("/subscribe", employee(h.handleSubscribe))
	b.Handle(btnSubPreset, employee(h.onSubPreset))
	b.Handle(btnUnsub, employee(h.onUnsubscribe))
	b.Handle(btnSubOnly, employee(h.onSubOnly))
	b.Handle(btnSubPage, employee(h.onSubPage))
	b.Handle(btnDigestNow, h.need(domain.RoleManager, h.onDigestNow))
	b.Handle(btnDeals, employee(h.onDeals))
	b.Handle(btnDeal, employee(h.onDeal))
	b.Handle(btnDealSet, h.need(domain.RoleManager, h.onDealSet))
	b.Handle(btnDealAsk, h.need(domain.RoleManager, h.onDealAsk))
	b.Handle(btnCRMTask, h.need(domain.RoleManager, h.onCRMTask))
	b.Handle("/mining", employee(h.areaCommand(areaMining)))
	b.Handle(btnMiningRun, h.need(domain.RoleManager, h.onMiningRun))
	b.Handle(btnMiningList, employee(h.onMiningList))
	b.Handle(btnMiningProc, employee(h.onMiningProcess))
	b.Handle(btnMiningVars, employee(h.onMiningVariants))
	b.Handle(btnMiningActs, employee(h.onMiningActivities))
	b.Handle(btnMiningAct, employee(h.onMiningActivity))
	b.Handle(btnMiningAsk, h.need(domain.RoleManager, h.onMiningAsk))
	b.Handle(btnMiningReset, h.need(domain.RoleManager, h.onMiningReset))
	b.Handle(btnMiningMap, employee(h.onMiningMap))
	b.Handle(btnMiningMapCard, employee(h.onMiningMapCard))
	// The ideas area checks who may take part itself: members of a trusted
	// ideas group vote and propose without being approved users.
	b.Handle("/ideas", h.handleIdeas)
	b.Handle("/idea", h.handleIdea)
	b.Handle(btnIdeaVote, h.onIdeaVote)
	b.Handle(btnIdeaNew, h.onIdeaNew)
	b.Handle(btnIdeas, employee(h.onIdeas))
	b.Handle(btnIdea, employee(h.onIdea))
	b.Handle(btnIdeaFile, employee(h.onIdeaFile))
	b.Handle(btnIdeaMove, h.ideaDeciders(h.onIdeaMove))
	b.Handle(btnIdeaTask, h.ideaDeciders(h.onIdeaTask))
	b.Handle(btnIdeaImpl, employee(h.onIdeaImplemented))
	b.Handle(btnIdeaGroup, admin(h.onIdeaGroup))
	b.Handle(tele.OnPhoto, h.onPhoto)
	b.Handle(btnArea, employee(h.onArea))
	b.Handle(btnTasks, employee(h.onTaskList))
	b.Handle(btnTask, employee(h.onTask))
	b.Handle(btnTaskMenu, employee(h.onTaskMenu))
	b.Handle(btnTaskSet, employee(h.onTaskSet))
	b.Handle(btnSnooze, employee(h.onSnooze))
	b.Handle(btnNewTask, employee(h.onNewTask))
	b.Handle(btnDraft, employee(h.onDraft))

	b.Handle("/users", admin(h.handleUsers))
	b.Handle("/status", admin(h.handleStatus))
	b.Handle("/amocrm", admin(h.handleAmoCRM))
	b.Handle(btnApprove, admin(h.onApprove))
	b.Handle(btnReject, admin(h.onReject))
	b.Handle(btnUsers, admin(h.onUsersPage))
	b.Handle(btnUser, admin(h.onUser))
	b.Handle(btnRole, admin(h.onRole))
	b.Handle(btnSubAll, admin(h.onSubAll))
	b.Handle(btnLinkCRM, admin(h.onLinkCRM))
	b.Handle(btnSubMine, admin(h.onSubMine))

	b.Handle(btnMineImport, h.need(domain.RoleManager, h.onMineImport))
	b.Handle(tele.OnDocument, h.onDocumentOrIdea)

	b.Handle(tele.OnCallback, h.onStaleButton)
	b.Handle(tele.OnText, h.handleText)

	// What only shows. Any other update may change what the home card
	// counts, so its sender's next home card is read afresh rather than
	// taken from the figures shared for a moment (home_snapshot.go).
	b.Views("/start", "/help", "/home", "/crm", "/tasks", "/mining", "/status", "/users",
		btnArea, btnTasks, btnTask, btnDeals, btnDeal, btnIdeas, btnIdea, btnIdeaFile, btnUsers, btnUser, btnSubPage,
		btnMiningList, btnMiningProc, btnMiningVars, btnMiningActs, btnMiningAct, btnMiningMap, btnMiningMapCard)
}
