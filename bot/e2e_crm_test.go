package bot_test

import (
	"strings"
	"testing"

	"processet/amocrm/amocrmtest"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
)

// TestCRMDashboardFromAmoCRM: with amoCRM configured, the app syncs the
// account at start and the CRM dashboard and /status show it.
func TestCRMDashboardFromAmoCRM(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddCompanies(20)
	amo.AddLeads(60)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	tg.SendText(admin, "/status")
	status := waitForBotText(t, tg, admin.ID, "Синхронизация amoCRM")
	for !strings.Contains(status, "сделки: ") || strings.Contains(status, "идёт сейчас") {
		tg.SendText(admin, "/status")
		status = tg.WaitForText(t, admin.ID).Text
	}
	if !strings.Contains(status, "строк: 60") || !strings.Contains(status, "Запросов к amoCRM") {
		t.Fatalf("status %q", status)
	}
	tg.SendText(admin, "/crm")
	card := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(card.Caption, "Сделок: 60") {
		t.Fatalf("crm caption %q", card.Caption)
	}
}
