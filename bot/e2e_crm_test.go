package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"processet/amocrm/amocrmtest"
	"processet/domain"
	"processet/internal/apptest"
	"processet/internal/smtptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
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
	// The first sync starts with the app; ask until it has finished.
	var status string
	testwait.Eventually(t, "/status to report the first sync finished", func() bool {
		tg.SendText(admin, "/status")
		status = tg.WaitForText(t, admin.ID).Text
		return strings.Contains(status, "сделки: ") && !strings.Contains(status, "идёт сейчас")
	})
	if !strings.Contains(status, "строк: 60") || !strings.Contains(status, "Запросов к amoCRM") {
		t.Fatalf("status %q", status)
	}
	tg.SendText(admin, "/crm")
	card := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(card.Caption, "Сделок: 60") {
		t.Fatalf("crm caption %q", card.Caption)
	}
}

// TestActOnDealsFromTheChat: a manager walks from /crm to a deal, creates
// an amoCRM task, moves the deal, changes its price and messages its
// responsible, who is linked to a bot user and reads it in Telegram.
func TestActOnDealsFromTheChat(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddCompanies(5)
	amo.AddLeads(12)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	approve(t, tg, newcomer)
	var first domain.Deal
	testwait.Eventually(t, "the deals to be synced", func() bool {
		deals, total, _ := a.DB.Deals(t.Context(), domain.DealFilter{Limit: 1})
		if total > 0 {
			first = deals[0]
		}
		return total > 0
	})

	// The admin links Борис to the deal's responsible in amoCRM.
	card := openLinkScreen(t, tg)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, first.ResponsibleName+" · "+crmEmail(amo, first.ResponsibleID)))
	tg.WaitForEdit(t, card)

	tg.SendText(admin, "/crm")
	dash := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "📋 Активные сделки"))
	dash = tg.WaitForEdit(t, dash)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "1"))
	dash = tg.WaitForEdit(t, dash)
	if !strings.Contains(dash.Caption, first.Name) || !dash.HasButton("Открыть в amoCRM") {
		t.Fatalf("deal card %q", dash.Caption)
	}
	for _, press := range []string{"➕ Задача", "Позвонить", "Срок ▸", "Через 3 дня", "Тип ▸", "Встреча", "✅ Создать"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, press))
		dash = tg.WaitForEdit(t, dash)
	}
	found := false
	for _, task := range amo.Tasks() {
		found = found || (task.EntityID == first.ID && task.Text == "Позвонить" && task.ResponsibleUserID == first.ResponsibleID && task.TypeID == 2)
	}
	if !found || !strings.Contains(dash.Caption, "Позвонить") {
		t.Fatalf("task in amoCRM %v, card %q", found, dash.Caption)
	}
	// A task with its own text and a typed date.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "➕ Задача"))
	dash = tg.WaitForEdit(t, dash)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "✏️ Свой текст"))
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "Согласовать скидку с юристами")
	draft := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, draft, "Срок ▸"))
	draft = tg.WaitForEdit(t, draft)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, draft, "📅 Другая дата"))
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "32.13")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Не понял дату «32.13»") {
		t.Fatalf("bad date answer %q", m.Text)
	}
	tg.SendText(admin, "послезавтра 11:00")
	draft = tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, draft, "✅ Создать"))
	tg.WaitForEdit(t, draft)
	custom := false
	for _, task := range amo.Tasks() {
		custom = custom || (task.EntityID == first.ID && task.Text == "Согласовать скидку с юристами")
	}
	if !custom {
		t.Fatal("the task with its own text is not in amoCRM")
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "◀ Назад"))
	dash = tg.WaitForEdit(t, dash)

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "➡ Статус"))
	dash = tg.WaitForEdit(t, dash)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "Переговоры"))
	dash = tg.WaitForEdit(t, dash)
	if lead, _ := amo.Lead(first.ID); lead.StatusID != 61235407 || !strings.Contains(dash.Caption, "Статус: Переговоры") {
		t.Fatalf("moved: amoCRM status %d, card %q", lead.StatusID, dash.Caption)
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "💰 Сумма"))
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "1'500'000 <руб>")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Не понял сумму «1'500'000 <руб>»") {
		t.Fatalf("bad price answer %q", m.Text)
	}
	tg.SendText(admin, "1 500 000")
	tg.WaitForText(t, admin.ID)
	if lead, _ := amo.Lead(first.ID); lead.Price != 1_500_000 {
		t.Fatalf("price in amoCRM %d", lead.Price)
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "✉️ Написать ответственному"))
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "Позвоните клиенту до обеда")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Отправлено в Telegram ответственному") {
		t.Fatalf("message answer %q", m.Text)
	}
	msg := waitForBotText(t, tg, newcomer.ID, "Позвоните клиенту до обеда")
	if !strings.Contains(msg, first.Name) {
		t.Fatalf("responsible got %q", msg)
	}

	// Employees look but do not touch.
	forged := tg.PressData(newcomer, dash, "\fdeal_set|"+itoa(first.ID)+"|s|61235410")
	if ans := tg.WaitForCallbackAnswer(t, forged); !strings.Contains(ans.Text, "Нет доступа") {
		t.Fatalf("employee moved a deal: %+v", ans)
	}
}

// openLinkScreen walks the admin to the amoCRM link screen of Борис.
func openLinkScreen(t *testing.T, tg *telegramtest.Server) *telegramtest.Message {
	t.Helper()
	tg.SendText(admin, "/users")
	list := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Борис · Сотрудник"))
	card := tg.WaitForEdit(t, list)
	link := "🔗 amoCRM"
	if card.HasButton("🔗 ✓ amoCRM") { // linked already
		link = "🔗 ✓ amoCRM"
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, link))
	return tg.WaitForEdit(t, card)
}

// crmEmail is the address of an amoCRM user of the fake.
func crmEmail(amo *amocrmtest.Server, id int64) string {
	for _, u := range amo.Users() {
		if u.ID == id {
			return u.Email
		}
	}
	return ""
}

// TestLinkAmoCRMUserByEmail: an admin pages through the account's users
// or types the person's address; typos get a clear answer and another try.
func TestLinkAmoCRMUserByEmail(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	var extra []amocrmtest.User
	for i := range 6 {
		extra = append(extra, amocrmtest.User{ID: int64(9900001 + i), Name: fmt.Sprintf("Стажёр %d", i+1),
			Email: fmt.Sprintf("intern%d@example.ru", i+1)})
	}
	amo.Seed(amocrmtest.Data{Users: extra})
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	approve(t, tg, newcomer)
	testwait.Eventually(t, "the 11 amoCRM users to be synced", func() bool {
		users, _ := a.DB.CRMUsers(t.Context())
		return len(users) == 11
	})

	card := openLinkScreen(t, tg)
	if !strings.Contains(card.Text, "1 из 2") || card.HasButton("Стажёр 6 · intern6@example.ru") {
		t.Fatalf("first page of 11 users: %q %v", card.Text, card.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Следующие ▶"))
	card = tg.WaitForEdit(t, card)
	if !strings.Contains(card.Text, "2 из 2") || !card.HasButton("Стажёр 6 · intern6@example.ru") {
		t.Fatalf("second page: %q %v", card.Text, card.Buttons())
	}
	if strings.Contains(fmt.Sprint(card.Buttons()), "Сергей Волков") {
		t.Errorf("a deactivated amoCRM user is offered: %v", card.Buttons())
	}

	for _, step := range []struct{ typed, want string }{
		{"Мария", "не похоже на e-mail"},
		{"nobody@example.ru", "нет пользователя с адресом nobody@example.ru"},
		{"Мария <M.Smirnova@Example.RU>", "в amoCRM Борис — это Мария Смирнова · m.smirnova@example.ru"},
	} {
		tg.SendText(admin, step.typed)
		if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, step.want) {
			t.Fatalf("%q: answer %q, want %q", step.typed, m.Text, step.want)
		}
	}
	if u, err := a.DB.User(t.Context(), newcomer.ID); err != nil || u.CRMUserID != 8863631 {
		t.Fatalf("Борис is linked to %d (%v)", u.CRMUserID, err)
	}
	// The question is answered: the next text is just text.
	tg.SendText(admin, "m.smirnova@example.ru")
	if m := tg.WaitForText(t, admin.ID); strings.Contains(m.Text, "Готово") {
		t.Fatalf("answered twice: %q", m.Text)
	}
	// Leaving the screen by a button drops its question too.
	card = openLinkScreen(t, tg)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "◀ Назад"))
	tg.WaitForEdit(t, card)
	tg.SendText(admin, "o.popova@example.ru")
	if m := tg.WaitForText(t, admin.ID); strings.Contains(m.Text, "Готово") || strings.Contains(m.Text, "e-mail") {
		t.Fatalf("a left screen still took the answer: %q", m.Text)
	}
	if u, _ := a.DB.User(t.Context(), newcomer.ID); u.CRMUserID != 8863631 {
		t.Fatalf("Борис was relinked to %d", u.CRMUserID)
	}
}

// TestConnectAmoCRMWithOAuthCode: an admin pastes the authorization
// code; the bot deletes the message, keeps the tokens and syncs.
func TestConnectAmoCRMWithOAuthCode(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddLeads(7)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL,
		AmoCRMOAuth: [3]string{amocrmtest.ClientID, amocrmtest.ClientSecret, amocrmtest.RedirectURI}})
	tg.SendText(admin, "/amocrm not-a-code")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "amoCRM не принял код") {
		t.Fatalf("bad code answer %q", m.Text)
	}
	msg := tg.SendText(admin, "/amocrm "+amo.AuthCode())
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "amoCRM подключён") {
		t.Fatalf("answer %q", m.Text)
	}
	for _, m := range tg.Messages(admin.ID) {
		if m.ID == msg.ID && !m.Deleted {
			t.Error("the message with the code was not deleted")
		}
	}
	testwait.Eventually(t, "a sync after connecting", func() bool {
		c, _ := a.DB.Counts(t.Context())
		return c.Deals == 7
	})
}

// TestMessageReachesUnlinkedResponsibleByEmail: a responsible who is not
// a bot user gets the manager's message at their amoCRM address.
func TestMessageReachesUnlinkedResponsibleByEmail(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddLeads(3)
	mail := smtptest.NewServer(t)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL,
		AmoCRMToken: amo.Token(), SMTPURL: mail.URL()})
	var first domain.Deal
	testwait.Eventually(t, "an active deal to be synced", func() bool {
		if deals, _, _ := a.DB.Deals(t.Context(), domain.DealFilter{Limit: 1}); len(deals) > 0 {
			first = deals[0]
		}
		return first.ID != 0
	})
	tg.SendText(admin, "/start deal_"+itoa(first.ID))
	card := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "✉️ Написать ответственному"))
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "Нужен счёт до пятницы")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Отправлено на почту ответственному") {
		t.Fatalf("answer %q", m.Text)
	}
	got := mail.WaitForMessages(t, 1)[0]
	if !strings.Contains(got.Text, "Нужен счёт до пятницы") || !strings.Contains(got.Text, first.Name) ||
		!strings.Contains(got.Text, "start=deal_"+itoa(first.ID)) || !strings.Contains(got.Subject, first.Name) {
		t.Fatalf("e-mail %q: %q", got.Subject, got.Text)
	}
}

// TestResponsiblePickerPages: an account with many people offers them a
// page at a time, and a choice on a later page reaches amoCRM.
func TestResponsiblePickerPages(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	var staff []amocrmtest.User
	for i := range 30 {
		staff = append(staff, amocrmtest.User{ID: int64(9800001 + i), Name: fmt.Sprintf("Агент %02d", i+1),
			Email: fmt.Sprintf("agent%d@example.ru", i+1)})
	}
	amo.Seed(amocrmtest.Data{Users: staff})
	amo.AddLeads(1)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	testwait.Eventually(t, "the account to be synced", func() bool {
		users, _ := a.DB.CRMUsers(t.Context())
		_, total, _ := a.DB.Deals(t.Context(), domain.DealFilter{Limit: 1})
		return total == 1 && len(users) == 35
	})
	lead := amo.Leads()[0]

	tg.SendText(admin, "/crm")
	card := tg.WaitForPhoto(t, admin.ID)
	for _, press := range []string{"📋 Активные сделки", "1", "👤 Ответственный"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, press))
		card = tg.WaitForEdit(t, card)
	}
	// 34 active people: 20 on the first page, two a row.
	if rows := card.Buttons(); len(rows) != 12 || !card.HasButton("Следующие ▶") || card.HasButton("Агент 30") {
		t.Fatalf("first page: %v", rows)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Следующие ▶"))
	card = tg.WaitForEdit(t, card)
	if !card.HasButton("Агент 30") || !card.HasButton("◀ Предыдущие") || card.HasButton("Сергей Волков") {
		t.Fatalf("second page: %v", card.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Агент 30"))
	tg.WaitForEdit(t, card)
	if got, _ := amo.Lead(lead.ID); got.ResponsibleUserID != 9800030 {
		t.Fatalf("responsible in amoCRM: %d", got.ResponsibleUserID)
	}
}

// TestDealCardBackToTheSameList: from a deal opened on page 2 of the
// deals by price, "back to the list" returns to that page and order.
func TestDealCardBackToTheSameList(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddLeads(40)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	testwait.Eventually(t, "the deals to be synced", func() bool {
		_, total, _ := a.DB.Deals(t.Context(), domain.DealFilter{Limit: 1})
		return total > 5
	})
	tg.SendText(admin, "/crm")
	card := tg.WaitForPhoto(t, admin.ID)
	for _, press := range []string{"📋 Активные сделки", "⇅ По сумме", "Далее ▶", "6", "◀ К списку"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, press))
		card = tg.WaitForEdit(t, card)
	}
	if !strings.Contains(card.Caption, "самые крупные") || !strings.Contains(card.Caption, "стр. 2") {
		t.Fatalf("back from the card: %q", card.Caption)
	}
}
