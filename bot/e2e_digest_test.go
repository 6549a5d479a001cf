package bot_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"processet/internal/apptest"
	"processet/internal/smtptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// TestDigestToEveryKindOfSubscriber: a user, a group and an e-mail
// address subscribe; a manager sends the digest now and learns who got it
// and why someone did not.
func TestDigestToEveryKindOfSubscriber(t *testing.T) {
	mail := smtptest.NewServer(t)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Demo: true, SMTPURL: mail.URL()})
	approve(t, tg, newcomer)

	tg.SendText(admin, "/subscribe")
	screen := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "➕ Каждый день 9:00"))
	screen = tg.WaitForEdit(t, screen)
	if !strings.Contains(screen.Text, "каждый день в 09:00") {
		t.Fatalf("after subscribing: %q", screen.Text)
	}
	group := telegramtest.Chat{ID: -100777, Type: "supergroup", Title: "Руководство"}
	tg.AddBotToGroup(group, admin)
	tg.SendTextInChat(group, admin, "/subscribe будни 8:30")
	tg.WaitForText(t, group.ID)
	tg.SendText(admin, "/subscribe email boss@example.com 9:00")
	tg.WaitForText(t, admin.ID)
	tg.SendText(newcomer, "/subscribe пн 9:00")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "по понедельникам в 09:00") {
		t.Fatalf("employee's subscription: %q", m.Text)
	}
	// Employees subscribe themselves only.
	tg.SendText(newcomer, "/subscribe email me@example.com")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "только менеджер") {
		t.Fatalf("employee subscribing an address: %q", m.Text)
	}
	tg.BlockBot(newcomer)

	tg.SendText(admin, "/tasks")
	card := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📨 Рассылка KPI"))
	// The progress message comes first, before the manager's own digest.
	if first := tg.WaitForMessage(t, admin.ID); first.PhotoPNG != nil || first.Source == "" {
		t.Fatalf("first message after pressing is not the progress message: %+v", first)
	}
	own := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(own.Caption, "Сводка KPI") || !strings.Contains(own.Caption, "первая сводка") {
		t.Fatalf("digest caption %q", own.Caption)
	}
	if g := tg.WaitForPhoto(t, group.ID); !bytes.Equal(g.PhotoPNG, own.PhotoPNG) {
		t.Errorf("the group got another picture")
	}
	msgs := mail.WaitForMessages(t, 1)
	if m := msgs[0]; !strings.Contains(m.Subject, "Сводка KPI") || !strings.Contains(m.HTML, "cid:kpi.png") || len(m.Parts) < 3 {
		t.Errorf("e-mail: subject %q, %d parts", m.Subject, len(m.Parts))
	}
	report := waitForBotText(t, tg, admin.ID, "доставлено 3")
	if !strings.Contains(report, "не доставлено 1") || !strings.Contains(report, "заблокировал бота") {
		t.Fatalf("report %q", report)
	}

	// Admins see every subscription with how its last digest went.
	tg.SendText(admin, "/subscribe")
	for screen = tg.WaitForText(t, admin.ID); !screen.HasButton("Все рассылки"); screen = tg.WaitForText(t, admin.ID) {
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Все рассылки"))
	all := tg.WaitForEdit(t, screen)
	if !strings.Contains(all.Text, "не доставлено: пользователь заблокировал бота") || !strings.Contains(all.Text, "доставлено") {
		t.Fatalf("all subscriptions %q", all.Text)
	}

	// The next digest says what changed since this one.
	tg.SendText(admin, "/task Новая срочная задача !high")
	tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📨 Рассылка KPI"))
	second := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(second.Caption, "▲ активных задач 1") {
		t.Fatalf("second digest %q", second.Caption)
	}
}

func TestSubscriptionsCancelAndAdminSeesAll(t *testing.T) {
	tg, _ := start(t)
	approve(t, tg, newcomer)
	tg.SendText(newcomer, "/subscribe 18:30")
	mine := tg.WaitForText(t, newcomer.ID)
	tg.SendText(admin, "/subscribe")
	screen := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Все рассылки"))
	all := tg.WaitForEdit(t, screen)
	if !strings.Contains(all.Text, "Борис") || !strings.Contains(all.Text, "каждый день в 18:30") {
		t.Fatalf("all subscriptions %q", all.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, mine, "№1: только при изменениях — выкл"))
	mine = tg.WaitForEdit(t, mine)
	if !strings.Contains(mine.Text, "только при изменениях") || !mine.HasButton("№1: только при изменениях — вкл") {
		t.Fatalf("after toggling %q %v", mine.Text, mine.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, mine, "Отписаться №1"))
	if mine = tg.WaitForEdit(t, mine); !strings.Contains(mine.Text, "Рассылок пока нет") {
		t.Fatalf("after cancelling %q", mine.Text)
	}
	tg.SendText(newcomer, "/subscribe 25:00")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Не понял расписание «25:00»") {
		t.Fatalf("bad schedule %q", m.Text)
	}
	tg.SendText(newcomer, "/subscribe cron 0 9 * * 8")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Расписание не подходит") {
		t.Fatalf("bad cron %q", m.Text)
	}
}

// waitForBotText waits until some bot message in the chat, as it reads
// now (after edits), contains want.
func waitForBotText(t *testing.T, tg *telegramtest.Server, chatID int64, want string) string {
	t.Helper()
	var text string
	testwait.Eventually(t, fmt.Sprintf("a bot message with %q in chat %d", want, chatID), func() bool {
		for _, m := range tg.Messages(chatID) {
			if m.FromBot && strings.Contains(m.Text, want) {
				text = m.Text
				return true
			}
		}
		return false
	})
	return text
}

// TestSubscriptionsPage: a long list of subscriptions comes a page at a
// time, and every button acts on a subscription the page shows.
func TestSubscriptionsPage(t *testing.T) {
	tg, _ := start(t)
	for i := range 10 {
		tg.SendText(admin, fmt.Sprintf("/subscribe 9:%02d", i))
		tg.WaitForText(t, admin.ID)
	}
	tg.SendText(admin, "/subscribe")
	list := tg.WaitForText(t, admin.ID)
	if !strings.Contains(list.Text, "1 из 2") || !list.HasButton("Отписаться №8") || list.HasButton("Отписаться №9") {
		t.Fatalf("first page: %q %v", list.Text, list.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Следующие ▶"))
	list = tg.WaitForEdit(t, list)
	if !strings.Contains(list.Text, "10. ") || !list.HasButton("Отписаться №10") || list.HasButton("Отписаться №1") {
		t.Fatalf("second page: %q %v", list.Text, list.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Отписаться №10"))
	list = tg.WaitForEdit(t, list)
	if !list.HasButton("Отписаться №9") || list.HasButton("Отписаться №10") {
		t.Fatalf("after cancelling the 10th: %q %v", list.Text, list.Buttons())
	}
}

// TestSendNowOneDigestPerChat: a chat with three subscriptions gets one
// digest when a manager sends now, and the report counts it once.
func TestSendNowOneDigestPerChat(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/subscribe")
	screen := tg.WaitForText(t, admin.ID)
	for _, preset := range []string{"➕ Каждый день 9:00", "➕ Будни 9:00", "➕ Пн 9:00"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, preset))
		screen = tg.WaitForEdit(t, screen)
	}
	if !strings.Contains(screen.Text, "3. ") {
		t.Fatalf("three subscriptions: %q", screen.Text)
	}
	tg.SendText(admin, "/tasks")
	card := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📨 Рассылка KPI"))
	tg.WaitForPhoto(t, admin.ID)
	report := waitForBotText(t, tg, admin.ID, "доставлено 1")
	if !strings.Contains(report, "не доставлено 0") {
		t.Fatalf("report %q", report)
	}
	photos := 0
	for _, m := range tg.Messages(admin.ID) {
		if m.FromBot && m.PhotoPNG != nil && m.ID != card.ID {
			photos++
		}
	}
	if photos != 1 {
		t.Fatalf("%d digests in one chat, want 1", photos)
	}
}

// TestMailMisconfigurationIsReported: with SMTP_URL requiring STARTTLS
// from a server that offers none, the digest to an address fails at once
// with that reason in the delivery report, and /status says what is wrong.
func TestMailMisconfigurationIsReported(t *testing.T) {
	mail := smtptest.NewServer(t)
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Demo: true,
		SMTPURL: strings.Replace(mail.URL(), "starttls=none", "starttls=required", 1)})
	tg.SendText(admin, "/subscribe email boss@example.com 9:00")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/tasks")
	card := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📨 Рассылка KPI"))
	report := waitForBotText(t, tg, admin.ID, "не доставлено 1")
	if !strings.Contains(report, "boss@example.com: почтовый сервер не предлагает STARTTLS") {
		t.Fatalf("report %q", report)
	}
	tg.SendText(admin, "/status")
	m := tg.WaitForText(t, admin.ID)
	for strings.Contains(m.Text, "Рассылка KPI") { // the progress message, read by now
		m = tg.WaitForText(t, admin.ID)
	}
	if !strings.Contains(m.Text, "Почта: ⚠️ почтовый сервер не предлагает STARTTLS") ||
		!strings.Contains(m.Text, "smtps://") {
		t.Fatalf("status %q", m.Text)
	}
}
