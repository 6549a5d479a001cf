package bot_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

var (
	admin    = telegramtest.User{ID: 1001, FirstName: "Алла", LastName: "Админова", Username: "alla", LanguageCode: "ru"}
	newcomer = telegramtest.User{ID: 2002, FirstName: "Борис", Username: "boris", LanguageCode: "ru"}
	english  = telegramtest.User{ID: 3003, FirstName: "Emma", Username: "emma", LanguageCode: "en-GB"}
)

// start boots the app with the demo company and admin as the only admin.
func start(t *testing.T) (*telegramtest.Server, *apptest.App) {
	t.Helper()
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin) // the admin has talked to the bot before
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Demo: true})
	return tg, a
}

// approve walks u through /start and an admin's approval.
func approve(t *testing.T, tg *telegramtest.Server, u telegramtest.User) {
	t.Helper()
	tg.SendText(u, "/start")
	tg.WaitForText(t, u.ID)
	req := tg.WaitForText(t, admin.ID)
	id := tg.Press(t, admin, req, "✅ Одобрить")
	tg.WaitForCallbackAnswer(t, id)
	tg.WaitForText(t, u.ID) // "access granted"
}

func TestNewcomerAsksAndAdminApproves(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/start")
	tg.WaitForPhoto(t, admin.ID) // the admin is approved by configuration

	tg.SendText(newcomer, "/start")
	greeting := tg.WaitForText(t, newcomer.ID)
	if !strings.Contains(greeting.Text, "Заявка на доступ отправлена") {
		t.Fatalf("newcomer got %q", greeting.Text)
	}
	// Pending: no business data, however asked.
	tg.SendText(newcomer, "/crm")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Заявка на доступ уже у администратора") {
		t.Fatalf("pending user got %q", m.Text)
	}
	tg.SendText(newcomer, "/start")
	tg.WaitForText(t, newcomer.ID)

	req := tg.WaitForText(t, admin.ID)
	if !strings.Contains(req.Text, "Борис") || !strings.Contains(req.Text, "@boris") {
		t.Fatalf("admin got %q", req.Text)
	}
	if n := botMessages(tg, admin.ID); n != 2 { // the home card and one request, not two
		t.Fatalf("admin has %d messages from the bot, want 2", n)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, req, "✅ Одобрить"))
	if m := tg.WaitForEdit(t, req); !strings.Contains(m.Text, "доступ открыт") {
		t.Fatalf("request became %q", m.Text)
	}
	granted := tg.WaitForText(t, newcomer.ID)
	if !strings.Contains(granted.Text, "Доступ открыт") {
		t.Fatalf("newcomer got %q", granted.Text)
	}
	tg.Press(t, newcomer, granted, "🏠 Главная")
	home := tg.WaitForPhoto(t, newcomer.ID)
	if !strings.Contains(home.Caption, "CRM Сделки") {
		t.Fatalf("home caption %q", home.Caption)
	}
}

func TestRejectedUserSeesNothing(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(newcomer, "/start")
	tg.WaitForText(t, newcomer.ID)
	req := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, req, "⛔ Отклонить"))
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "отклонил") {
		t.Fatalf("rejected user got %q", m.Text)
	}
	tg.SendText(newcomer, "/home")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Нет доступа") {
		t.Fatalf("rejected user got %q", m.Text)
	}
}

func TestHomeAndEveryAreaAndBack(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/home")
	card := tg.WaitForPhoto(t, admin.ID)
	checkCard(t, card)
	for _, c := range []struct{ button, caption string }{
		{"CRM Сделки", "Активные сделки"},
		{"Задачи", "Срочные задачи"},
		{"Task Mining", "Процессы с наибольшими затратами"},
		{"Улучшение бизнес-процессов", "Лидеры голосования"},
	} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, c.button))
		card = tg.WaitForEdit(t, card)
		if !strings.Contains(card.Caption, c.caption) {
			t.Errorf("%s: caption %q", c.button, card.Caption)
		}
		checkCard(t, card)
		// Unchanged data keeps the picture (by its file_id); only a new
		// minute in the caption's as-of time makes it an edit at all.
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "🔄 Обновить"))
		card = current(tg, card)
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "🏠 Главная"))
		card = tg.WaitForEdit(t, card)
		if !strings.Contains(card.Caption, "Processet · Главная") {
			t.Errorf("back home: caption %q", card.Caption)
		}
	}
	if n := botMessages(tg, admin.ID); n != 1 {
		t.Errorf("navigation sent %d messages, want the one card edited in place", n)
	}
	if acts := tg.ChatActions(admin.ID); len(acts) == 0 || acts[0] != "upload_photo" {
		t.Errorf("chat actions %v, want upload_photo", acts)
	}
}

func TestAreaCommands(t *testing.T) {
	tg, _ := start(t)
	for cmd, want := range map[string]string{
		"/crm": "CRM Сделки", "/tasks": "Задачи",
		"/mining": "Task Mining", "/ideas": "Улучшение бизнес-процессов", // /idea proposes one: e2e_ideas_test.go
	} {
		tg.SendText(admin, cmd)
		m := tg.WaitForPhoto(t, admin.ID)
		if !strings.HasPrefix(m.Caption, want) {
			t.Errorf("%s: caption starts %q", cmd, m.Caption[:min(40, len(m.Caption))])
		}
		if !m.HasButton("🏠 Главная") {
			t.Errorf("%s: no way home", cmd)
		}
	}
}

func TestLanguageSwitch(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/lang")
	m := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "English"))
	m = tg.WaitForEdit(t, m)
	if !strings.HasPrefix(m.Text, "Interface language:") || !strings.Contains(m.Text, "Time zone: Moscow, UTC+3") {
		t.Fatalf("after switching: %q", m.Text)
	}
	tg.Press(t, admin, m, "🏠 Home")
	home := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(home.Caption, "Processet · Home") || !home.HasButton("CRM deals") {
		t.Fatalf("home in English: %q", home.Caption)
	}
	// Telegram's language code picks English for a newcomer who never chose.
	tg.SendText(english, "/start")
	if g := tg.WaitForText(t, english.ID); !strings.Contains(g.Text, "access request has been sent") {
		t.Fatalf("english newcomer got %q", g.Text)
	}
}

func TestForgedCallbacksChangeNothing(t *testing.T) {
	tg, a := start(t)
	tg.SendText(newcomer, "/start")
	hello := tg.WaitForText(t, newcomer.ID)
	for _, data := range []string{
		"\fapprove|2002",                    // approving oneself
		"\frole|2002|admin|0",               // making oneself admin
		"\farea|crm",                        // business data
		"\fusers|0",                         // the user list
		"\fnonexistent|1",                   // no such button
		"\farea|" + strings.Repeat("x", 40), // junk data
	} {
		ans := tg.WaitForCallbackAnswer(t, tg.PressData(newcomer, hello, data))
		if ans.Text == "" {
			t.Errorf("%q: answered with nothing", data)
		}
	}
	u, err := a.DB.User(t.Context(), newcomer.ID)
	if err != nil || u.Role != "pending" {
		t.Fatalf("newcomer is %v (%v), want still pending", u.Role, err)
	}
	if n := botMessages(tg, newcomer.ID); n != 1 { // the greeting
		t.Errorf("forged callbacks produced messages: %d from the bot", n)
	}
	tg.AssertAllCallbacksAnswered(t)
}

func TestAdminManagesUsers(t *testing.T) {
	tg, a := start(t)
	approve(t, tg, newcomer)
	tg.SendText(admin, "/users")
	list := tg.WaitForText(t, admin.ID)
	if !strings.Contains(list.Text, "Пользователи") {
		t.Fatalf("users: %q", list.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Борис · Сотрудник"))
	card := tg.WaitForEdit(t, list)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Менеджер"))
	card = tg.WaitForEdit(t, card)
	if !strings.Contains(card.Text, "Роль: Менеджер") {
		t.Fatalf("card after promotion: %q", card.Text)
	}
	if u, _ := a.DB.User(t.Context(), newcomer.ID); u.Role != "manager" {
		t.Fatalf("stored role %s", u.Role)
	}
	// An admin cannot demote an admin from the configuration.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "◀ К списку"))
	list = tg.WaitForEdit(t, card)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Алла Админова · Администратор"))
	card = tg.WaitForEdit(t, list)
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Сотрудник"))
	if !ans.ShowAlert || !strings.Contains(ans.Text, "нельзя") {
		t.Fatalf("demoting a configured admin: %+v", ans)
	}
	// Employees cannot open the list at all.
	tg.SendText(newcomer, "/users")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Нет доступа") {
		t.Fatalf("manager opened /users: %q", m.Text)
	}
}

func TestStatusAndHelp(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/status")
	m := tg.WaitForText(t, admin.ID)
	for _, want := range []string{"Состояние", "внешняя PostgreSQL", "сделок 46"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("status lacks %q: %q", want, m.Text)
		}
	}
	tg.SendText(admin, "/help")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "/users") {
		t.Errorf("admin help lacks /users: %q", m.Text)
	}
	tg.SendText(admin, "привет")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "/help") {
		t.Errorf("free text answer %q", m.Text)
	}
}

// TestUnknownCommand: a command the bot does not have is called unknown
// and points to /help, in both languages; in a group only when addressed
// to this bot.
func TestUnknownCommand(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/foobar")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Команды /foobar нет") || !strings.Contains(m.Text, "/help") {
		t.Fatalf("unknown command: %q", m.Text)
	}
	tg.SendText(admin, "/lang")
	m := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "English"))
	tg.WaitForEdit(t, m)
	tg.SendText(admin, "/foobar@processet_test_bot please")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "There is no command /foobar") || !strings.Contains(m.Text, "/help") {
		t.Fatalf("unknown command in English: %q", m.Text)
	}
	group := telegramtest.Chat{ID: -100124, Type: "supergroup", Title: "Отдел продаж"}
	tg.AddBotToGroup(group, admin)
	tg.SendTextInChat(group, admin, "/foobar")          // maybe another bot's
	tg.SendTextInChat(group, admin, "/foobar@otherbot") // another bot's
	tg.SendTextInChat(group, admin, "/foobar@processet_test_bot")
	if m := tg.WaitForText(t, group.ID); !strings.Contains(m.Text, "/foobar") {
		t.Fatalf("unknown command in a group: %q", m.Text)
	}
	if n := botMessages(tg, group.ID); n != 1 {
		t.Errorf("the bot sent %d messages to the group, want one", n)
	}
}

func TestCommandMenuInBothLanguages(t *testing.T) {
	tg, _ := start(t)
	testwait.Eventually(t, "the English command menu", func() bool { return len(tg.Commands("en")) > 0 })
	for _, lang := range []string{"", "ru", "en"} {
		names := map[string]bool{}
		for _, c := range tg.Commands(lang) {
			names[c.Command] = true
		}
		for _, want := range []string{"start", "home", "crm", "tasks", "mining", "ideas", "task", "idea", "subscribe", "lang", "help"} {
			if !names[want] {
				t.Errorf("menu %q lacks /%s", lang, want)
			}
		}
		if names["users"] {
			t.Errorf("menu %q shows /users to everyone", lang)
		}
	}
}

func checkCard(t *testing.T, m *telegramtest.Message) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(m.PhotoPNG))
	if err != nil {
		t.Fatalf("card is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 500 {
		t.Errorf("card is %v", b)
	}
}

func botMessages(tg *telegramtest.Server, chatID int64) int {
	n := 0
	for _, m := range tg.Messages(chatID) {
		if m.FromBot {
			n++
		}
	}
	return n
}

// TestInternalErrorsStayInside: when the database fails, the user gets a
// short apology in their language, never the SQL error.
func TestInternalErrorsStayInside(t *testing.T) {
	tg, a := start(t)
	if _, err := a.DB.Pool().Exec(t.Context(), "drop table idea_votes"); err != nil {
		t.Fatal(err)
	}
	tg.SendText(admin, "/ideas")
	m := tg.WaitForText(t, admin.ID)
	if !strings.Contains(m.Text, "Извините") || strings.Contains(m.Text, "idea_votes") || strings.Contains(m.Text, "relation") {
		t.Fatalf("user saw %q", m.Text)
	}
	// /home needs the ideas summary too: it apologises the same way.
	tg.SendText(admin, "/home")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Извините") {
		t.Fatalf("home after the failure: %q", m.Text)
	}
}

func TestGroupChat(t *testing.T) {
	tg, a := start(t)
	group := telegramtest.Chat{ID: -100123, Type: "supergroup", Title: "Отдел продаж"}
	tg.AddBotToGroup(group, admin)
	tg.SendTextInChat(group, admin, "/home")
	card := tg.WaitForPhoto(t, group.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Задачи"))
	tg.WaitForEdit(t, card)
	tg.SendTextInChat(group, admin, "всем привет") // chatter: the bot stays quiet
	tg.SendTextInChat(group, admin, "/help")
	if m := tg.WaitForText(t, group.ID); !strings.Contains(m.Text, "/home") {
		t.Fatalf("help in the group: %q", m.Text)
	}
	if n := botMessages(tg, group.ID); n != 2 {
		t.Errorf("the bot sent %d messages to the group, want the card and the help", n)
	}
	if c, _ := a.DB.Counts(t.Context()); c.Chats != 1 {
		t.Errorf("groups recorded: %d", c.Chats)
	}
}

// TestAdminMenuFollowsTheRole: someone made an admin in /users gets the
// admin commands in their chat's menu, in every language, and loses them
// when no longer an admin.
func TestAdminMenuFollowsTheRole(t *testing.T) {
	tg, _ := start(t)
	approve(t, tg, newcomer)
	scope := "chat:" + itoa(newcomer.ID)
	has := func(lang, name string) bool {
		for _, c := range tg.CommandsInScope(scope, lang) {
			if c.Command == name {
				return true
			}
		}
		return false
	}
	if has("", "users") {
		t.Fatal("an employee has the admin menu")
	}
	tg.SendText(admin, "/users")
	list := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "Борис · Сотрудник"))
	card := tg.WaitForEdit(t, list)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Администратор"))
	card = tg.WaitForEdit(t, card)
	for _, lang := range []string{"", "ru", "en"} {
		if !has(lang, "users") || !has(lang, "status") {
			t.Errorf("new admin's menu %q: %v", lang, tg.CommandsInScope(scope, lang))
		}
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Менеджер"))
	tg.WaitForEdit(t, card)
	for _, lang := range []string{"", "ru", "en"} {
		if has(lang, "users") {
			t.Errorf("former admin's menu %q still has /users", lang)
		}
	}
}
