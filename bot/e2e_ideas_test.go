package bot_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"testing"

	"processet/domain"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

var ideasGroup = telegramtest.Chat{ID: -100777, Type: "supergroup", Title: "Идеи компании"}

// startIdeas boots an app without demo data: the admin, an approved
// employee (newcomer, @boris) and the ideas group the admin set up.
func startIdeas(t *testing.T) (*telegramtest.Server, *apptest.App) {
	t.Helper()
	tg, a, _ := startTasks(t)
	tg.AddBotToGroup(ideasGroup, admin)
	tg.SendTextInChat(ideasGroup, admin, "/ideas")
	settings := tg.WaitForText(t, ideasGroup.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, settings, "💡 Сделать группой идей"))
	if m := tg.WaitForEdit(t, settings); !strings.Contains(m.Text, "Это группа идей") || !m.HasButton("Доверять участникам") {
		t.Fatalf("settings after making it the ideas group: %q %v", m.Text, m.Buttons())
	}
	return tg, a
}

// proposeOneLine proposes an idea as u in one line and returns it as
// stored, with the confirmation card.
func proposeOneLine(t *testing.T, tg *telegramtest.Server, a *apptest.App, u telegramtest.User, title string) (domain.Idea, *telegramtest.Message) {
	t.Helper()
	tg.SendText(u, "/idea "+title)
	card := waitText(t, tg, u.ID, title)
	if !strings.Contains(card.Text, "сохранена") {
		t.Fatalf("confirmation %q", card.Text)
	}
	ideas, _, err := a.DB.Ideas(t.Context(), domain.IdeaQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range ideas {
		if i.Title == title {
			return i, card
		}
	}
	t.Fatalf("idea %q not stored: %+v", title, ideas)
	return domain.Idea{}, nil
}

// groupPost waits for the idea's post in the ideas group.
func groupPost(t *testing.T, tg *telegramtest.Server, title string) *telegramtest.Message {
	t.Helper()
	for {
		m := tg.WaitForMessage(t, ideasGroup.ID)
		if strings.Contains(m.Text+m.Caption, title) {
			return m
		}
	}
}

// current is the message as the chat shows it now.
func current(tg *telegramtest.Server, m *telegramtest.Message) *telegramtest.Message {
	for _, x := range tg.Messages(m.ChatID) {
		if x.ID == m.ID {
			return x
		}
	}
	return nil
}

func TestProposeInPrivateAndByReplyPostsToTheGroup(t *testing.T) {
	tg, a := startIdeas(t)
	idea, card := proposeOneLine(t, tg, a, newcomer, "Сканировать накладные на складе с телефона")
	if !card.HasButton("👍 0") || !card.HasButton("👎 0") || !strings.Contains(card.Text, "Автор: Борис") {
		t.Fatalf("card %q %v", card.Text, card.Buttons())
	}
	post := groupPost(t, tg, "Сканировать накладные")
	if !post.HasButton("👍 0") || !post.HasButton("👎 0") || !post.HasButton("Подробнее") {
		t.Fatalf("post %q %v", post.Text, post.Buttons())
	}
	want := fmt.Sprintf("https://t.me/processet_test_bot?start=idea_%d", idea.ID)
	if b := post.Buttons()[0][2]; b.URL != want {
		t.Fatalf("«Подробнее» leads to %q, want %q", b.URL, want)
	}
	// The deep link opens the card in private.
	tg.SendText(admin, fmt.Sprintf("/start idea_%d", idea.ID))
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Сканировать накладные") || !m.HasButton("✅ Принять") {
		t.Fatalf("deep link card %q %v", m.Text, m.Buttons())
	}

	// By reply: the replied message is the idea's text.
	msg := tg.SendText(newcomer, "Общий шаблон КП в CRM\nСейчас каждый менеджер пишет КП с нуля.")
	tg.WaitForText(t, newcomer.ID) // the hint for free text
	tg.ReplyTo(newcomer, msg, "/idea")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Общий шаблон КП в CRM") || !strings.Contains(m.Text, "с нуля") {
		t.Fatalf("reply card %q", m.Text)
	}
	groupPost(t, tg, "Общий шаблон КП")

	// A photo with the command as its caption: the post is… the idea with its file on the card.
	tg.SendPhoto(newcomer, testPNG(t), "/idea Фото стеллажа вместо описи")
	m := tg.WaitForMessage(t, newcomer.ID)
	if m.PhotoPNG == nil || !strings.Contains(m.Caption, "Фото стеллажа") {
		t.Fatalf("photo idea's card %+v", m)
	}
	ideas, _, _ := a.DB.Ideas(t.Context(), domain.IdeaQuery{Limit: 10})
	if len(ideas) != 3 || ideas[0].Attachment.Kind != domain.AttachPhoto || ideas[0].Attachment.FileID == "" {
		t.Fatalf("stored %+v", ideas)
	}
	// Its post in the group is the photo, with the idea as its caption.
	if p := groupPost(t, tg, "Фото стеллажа"); p.PhotoPNG == nil || !p.HasButton("👍 0") {
		t.Fatalf("photo idea's post %+v", p)
	}
	tg.AssertAllCallbacksAnswered(t)
}

func TestProposeStepByStep(t *testing.T) {
	tg, a := startIdeas(t)
	tg.SendText(newcomer, "/idea")
	q := tg.WaitForText(t, newcomer.ID)
	if !q.HasButton("✖ Отмена") {
		t.Fatalf("first question %q %v", q.Text, q.Buttons())
	}
	tg.SendText(newcomer, strings.Repeat("Длинно ", 40))
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "200") || !m.HasButton("✖ Отмена") {
		t.Fatalf("too long a title: %q", m.Text)
	}
	tg.SendText(newcomer, "Автосверка актов")
	tg.WaitForText(t, newcomer.ID) // the description
	tg.SendText(newcomer, "Сверять акты скриптом, а не глазами")
	tg.WaitForText(t, newcomer.ID) // the process: buttons or free text
	tg.SendText(newcomer, "Закрытие месяца")
	tg.WaitForText(t, newcomer.ID) // the hours
	tg.SendText(newcomer, "много")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "число") {
		t.Fatalf("bad hours: %q", m.Text)
	}
	tg.SendText(newcomer, "1 200")
	anon := tg.WaitForText(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, anon, "🕶 Анонимно"))
	card := tg.WaitForEdit(t, anon)
	if !strings.Contains(card.Text, "сохранена") || !strings.Contains(card.Text, "Закрытие месяца") || !strings.Contains(card.Text, "1\u00a0200 ч/год") {
		t.Fatalf("card %q", card.Text)
	}
	ideas, _, _ := a.DB.Ideas(t.Context(), domain.IdeaQuery{Limit: 10})
	if len(ideas) != 1 || !ideas[0].Anonymous || ideas[0].HoursSaved != 1200 || ideas[0].Process != "Закрытие месяца" {
		t.Fatalf("stored %+v", ideas)
	}
	// Colleagues see «аноним» on the post; the admin sees the author on the card.
	post := groupPost(t, tg, "Автосверка актов")
	if strings.Contains(post.Text, "Борис") || !strings.Contains(post.Text, "аноним") {
		t.Fatalf("post %q", post.Text)
	}
	// Cancel saves nothing.
	tg.SendText(newcomer, "/idea")
	q = tg.WaitForText(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, q, "✖ Отмена"))
	tg.WaitForEdit(t, q)
	tg.SendText(newcomer, "это уже не идея")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Не понял") {
		t.Fatalf("after cancel: %q", m.Text)
	}
}

// TestGroupVoteBurst: 30 members press 👍 at once; untrusted they are told
// how to get access and nothing counts, trusted every press counts once,
// and the coalesced edit ends on the true count.
func TestGroupVoteBurst(t *testing.T) {
	tg, a := startIdeas(t)
	idea, _ := proposeOneLine(t, tg, a, newcomer, "Общая папка договоров")
	post := groupPost(t, tg, "Общая папка договоров")
	members := make([]telegramtest.User, 30)
	for i := range members {
		members[i] = telegramtest.User{ID: int64(9000 + i), FirstName: fmt.Sprintf("Участник %d", i), LanguageCode: "ru"}
	}
	// Untrusted: a short answer on how to get access, no vote.
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, members[0], post, "👍 0"))
	if !strings.Contains(ans.Text, "/start") {
		t.Fatalf("untrusted member got %q", ans.Text)
	}
	tg.SendTextInChat(ideasGroup, members[0], "/idea Парковка для велосипедов")
	waitText(t, tg, ideasGroup.ID, "Напишите /start")
	tg.SendTextInChat(ideasGroup, admin, "/ideas")
	settings := waitText(t, tg, ideasGroup.ID, "Это группа идей")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, settings, "Доверять участникам"))
	if m := tg.WaitForEdit(t, settings); !m.HasButton("✓ Доверять участникам") {
		t.Fatalf("trusted settings %v", m.Buttons())
	}
	// Trusted: a member who is no approved user proposes in the group.
	tg.SendTextInChat(ideasGroup, members[0], "/idea Парковка для велосипедов")
	waitText(t, tg, ideasGroup.ID, "сохранена")

	var ids []string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := tg.PressData(m, post, "\fivote|"+itoa(idea.ID)+"|u")
			mu.Lock()
			ids = append(ids, id)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if ans := tg.WaitForCallbackAnswer(t, id); ans.Text != "Голос учтён" {
			t.Fatalf("a press got %q", ans.Text)
		}
	}
	stored, err := a.DB.Idea(t.Context(), idea.ID)
	if err != nil || stored.Up != 30 || stored.Down != 0 {
		t.Fatalf("stored %+v, %v", stored, err)
	}
	testwait.Eventually(t, "the post shows 👍 30", func() bool {
		m := current(tg, post)
		return m != nil && m.HasButton("👍 30")
	})
	if edits := current(tg, post).Edits; edits > 3 {
		t.Errorf("30 presses cost %d edits of the post", edits)
	}
	// Toggle and switch: the same 👍 withdraws, 👎 switches.
	up := "\fivote|" + itoa(idea.ID) + "|u"
	down := "\fivote|" + itoa(idea.ID) + "|d"
	if ans := tg.WaitForCallbackAnswer(t, tg.PressData(members[0], post, up)); ans.Text != "Голос отозван" {
		t.Fatalf("second 👍: %q", ans.Text)
	}
	if ans := tg.WaitForCallbackAnswer(t, tg.PressData(members[1], post, down)); ans.Text != "Голос изменён" {
		t.Fatalf("👎 after 👍: %q", ans.Text)
	}
	// A forged or stale press changes nothing.
	for _, data := range []string{"\fivote|" + itoa(idea.ID) + "|x", "\fivote|999999|u", "\fivote|abc|u"} {
		tg.WaitForCallbackAnswer(t, tg.PressData(members[2], post, data))
	}
	stored, _ = a.DB.Idea(t.Context(), idea.ID)
	if stored.Up != 28 || stored.Down != 1 {
		t.Fatalf("after toggle, switch and forgeries: %+v", stored)
	}
	testwait.Eventually(t, "the post shows 👍 28 👎 1", func() bool {
		m := current(tg, post)
		return m != nil && m.HasButton("👍 28") && m.HasButton("👎 1")
	})
	tg.AssertAllCallbacksAnswered(t)
}

// TestDecisionsAreToldOnce: accept, reject with a reason, duplicate; the
// author and the voters hear once each; accept → task → done → implemented.
func TestDecisionsAreToldOnce(t *testing.T) {
	tg, a := startIdeas(t)
	idea, card := proposeOneLine(t, tg, a, newcomer, "Электронная подпись для актов")
	groupPost(t, tg, "Электронная подпись")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, card, "👍 0"))
	if m := tg.WaitForEdit(t, card); !m.HasButton("✓ 👍 1") || !strings.Contains(m.Text, "ваш голос: 👍") {
		t.Fatalf("card after the vote %q %v", m.Text, m.Buttons())
	}
	// A colleague votes from the deep-linked card; the admin votes and accepts.
	approve(t, tg, english)
	tg.SendText(english, "/start idea_"+itoa(idea.ID))
	ec := waitText(t, tg, english.ID, "Электронная подпись")
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, ec, "👍 1"))
	tg.WaitForEdit(t, ec)
	tg.SendText(admin, "/start idea_"+itoa(idea.ID))
	ac := waitText(t, tg, admin.ID, "Электронная подпись")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, ac, "👍 2"))
	ac = tg.WaitForEdit(t, ac)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, ac, "✅ Принять"))
	ac = tg.WaitForEdit(t, ac)
	if !strings.Contains(ac.Text, "Статус: ✅ Принята") || !ac.HasButton("📋 Создать задачу") {
		t.Fatalf("accepted card %q %v", ac.Text, ac.Buttons())
	}
	told := waitText(t, tg, newcomer.ID, "Решение по вашей идее")
	if !strings.Contains(told.Text, "Принята") {
		t.Fatalf("author told %q", told.Text)
	}
	// Create the task: assignee, deadline, priority.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, ac, "📋 Создать задачу"))
	ac = tg.WaitForEdit(t, ac)
	for _, press := range []string{"Борис", "Завтра", "🔴 Высокий"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, ac, press))
		ac = tg.WaitForEdit(t, ac)
	}
	if !strings.Contains(ac.Text, "Задача: Электронная подпись для актов") {
		t.Fatalf("card with its task %q", ac.Text)
	}
	if tasks, _, _ := a.DB.Tasks(t.Context(), storageFilterAll()); len(tasks) != 1 || tasks[0].AssigneeID != newcomer.ID {
		t.Fatalf("tasks %+v", tasks)
	}
	// The assignee opens the task from the notice and gets it done.
	var assigned *telegramtest.Message
	testwait.Eventually(t, "the assignee hears of the task", func() bool {
		for _, m := range tg.Messages(newcomer.ID) {
			if m.FromBot && m.HasButton("Открыть задачу") {
				assigned = m
				return true
			}
		}
		return false
	})
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, assigned, "Открыть задачу"))
	tc := tg.WaitForEdit(t, assigned)
	for _, press := range []string{"▶ В работе", "✅ Готово"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, tc, press))
		tc = tg.WaitForEdit(t, tc)
	}
	var ask *telegramtest.Message
	testwait.Eventually(t, "the author is asked whether the idea is implemented", func() bool {
		for _, m := range tg.Messages(newcomer.ID) {
			if m.FromBot && m.HasButton("✅ Да, внедрена") {
				ask = m
				return true
			}
		}
		return false
	})
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, ask, "✅ Да, внедрена"))
	if m := tg.WaitForEdit(t, ask); !strings.Contains(m.Text, "внедрённая") {
		t.Fatalf("answer %q", m.Text)
	}
	if i, _ := a.DB.Idea(t.Context(), idea.ID); i.Status != domain.IdeaImplemented {
		t.Fatalf("status %s", i.Status)
	}

	// Reject with a reason: the author hears it once, with the reason.
	second, _ := proposeOneLine(t, tg, a, newcomer, "Кофемашина на третьем этаже")
	tg.SendText(admin, "/start idea_"+itoa(second.ID))
	sc := waitText(t, tg, admin.ID, "Кофемашина")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, sc, "⛔ Отклонить"))
	q := waitText(t, tg, admin.ID, "причину")
	if !strings.Contains(q.Text, "причину") || !q.HasButton("✖ Отмена") {
		t.Fatalf("reason question %q", q.Text)
	}
	tg.SendText(admin, "Не про процессы")
	if m := waitText(t, tg, admin.ID, "Кофемашина"); !strings.Contains(m.Text, "Отклонена") || !strings.Contains(m.Text, "Не про процессы") {
		t.Fatalf("rejected card %q", m.Text)
	}
	testwait.Eventually(t, "the author hears the reason", func() bool {
		return countTexts(tg, newcomer.ID, "Не про процессы") == 1
	})

	// Duplicate: the number of the original; the votes move there.
	third, thc := proposeOneLine(t, tg, a, newcomer, "Подпись актов через ЭДО")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, thc, "👍 0"))
	tg.WaitForEdit(t, thc)
	fourth, _ := proposeOneLine(t, tg, a, newcomer, "ЭДО для актов")
	tg.SendText(admin, "/start idea_"+itoa(fourth.ID))
	fc := waitText(t, tg, admin.ID, "ЭДО для актов")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, fc, "🔁 Дубликат"))
	waitText(t, tg, admin.ID, "Дубликат какой идеи")
	tg.SendText(admin, "нет")
	waitText(t, tg, admin.ID, "Нужен номер идеи")
	tg.SendText(admin, "#"+itoa(third.ID))
	if m := waitText(t, tg, admin.ID, "ЭДО для актов"); !strings.Contains(m.Text, "Дубликат идеи #"+itoa(third.ID)) {
		t.Fatalf("duplicate card %q", m.Text)
	}
	// Every decision reached the author once: accepted, in progress, implemented, rejected, duplicate.
	testwait.Eventually(t, "the author hears of the duplicate", func() bool {
		return countTexts(tg, newcomer.ID, "ЭДО для актов") >= 2
	})
	if n := countTexts(tg, newcomer.ID, "Решение по вашей идее <b>Электронная подпись для актов</b> (#"+itoa(idea.ID)+"): ✅ Принята"); n > 1 {
		t.Errorf("the acceptance was told %d times", n)
	}
	if n := countTexts(tg, english.ID, "you voted for: ✅ Accepted"); n != 1 {
		t.Errorf("the voter was told of the acceptance %d times", n)
	}
	if n := countTexts(tg, admin.ID, "за которую вы голосовали: ✅ Принята"); n != 0 {
		t.Errorf("the admin who decided was told of their own decisions %d times", n)
	}
	tg.AssertAllCallbacksAnswered(t)
}

// TestIdeasInEnglish: the dialog, card and answers in English.
func TestIdeasInEnglish(t *testing.T) {
	tg, _ := startIdeas(t)
	approve(t, tg, english)
	tg.SendText(english, "/idea Barcode labels on every shelf")
	card := tg.WaitForText(t, english.ID)
	if !strings.Contains(card.Text, "Idea #") || !strings.Contains(card.Text, "Status: 🆕 New") || !card.HasButton("◀ To the list") {
		t.Fatalf("English card %q %v", card.Text, card.Buttons())
	}
	if ans := tg.WaitForCallbackAnswer(t, tg.Press(t, english, card, "👍 0")); ans.Text != "Vote counted" {
		t.Fatalf("answer %q", ans.Text)
	}
	tg.SendText(english, "/ideas")
	dash := tg.WaitForPhoto(t, english.ID)
	if !strings.Contains(dash.Caption, "Process improvement") || !dash.HasButton("💡 Propose an idea") {
		t.Fatalf("dashboard %q %v", dash.Caption, dash.Buttons())
	}
}

// waitText waits for the next bot text in the chat containing sub,
// skipping the notices that arrive meanwhile.
func waitText(t *testing.T, tg *telegramtest.Server, chatID int64, sub string) *telegramtest.Message {
	t.Helper()
	for {
		if m := tg.WaitForText(t, chatID); strings.Contains(m.Text, sub) {
			return m
		}
	}
}

func countTexts(tg *telegramtest.Server, chatID int64, sub string) int {
	n := 0
	for _, m := range tg.Messages(chatID) {
		if m.FromBot && strings.Contains(m.Source, sub) {
			n++
		}
	}
	return n
}

// testPNG is a small picture a user sends.
func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(1, 1, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestIdeasDashboardAndLists: the dashboard's vote buttons, the lists by
// votes and by status, a card from a list and back.
func TestIdeasDashboardAndLists(t *testing.T) {
	tg, a := startIdeas(t)
	first, _ := proposeOneLine(t, tg, a, newcomer, "Шаблоны писем клиентам")
	proposeOneLine(t, tg, a, newcomer, "Чек-лист приёмки товара")
	tg.SendText(admin, "/ideas")
	dash := tg.WaitForPhoto(t, admin.ID)
	if !strings.Contains(dash.Caption, "Лидеры голосования") || !dash.HasButton("🏆 По голосам") || !dash.HasButton("💡 Предложить идею") {
		t.Fatalf("dashboard %q %v", dash.Caption, dash.Buttons())
	}
	// 👍 on the dashboard: a short answer and the buttons' new count.
	var upText string
	for _, r := range dash.Buttons() {
		if strings.HasPrefix(r[0].Text, "👍") && strings.HasSuffix(r[0].Data, "|d") {
			upText = r[0].Text
			break
		}
	}
	if upText == "" {
		t.Fatalf("no vote buttons on the dashboard: %v", dash.Buttons())
	}
	if ans := tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, upText)); ans.Text != "Голос учтён" {
		t.Fatalf("answer %q", ans.Text)
	}
	if m := tg.WaitForEdit(t, dash); !m.HasButton("👍 1") {
		t.Fatalf("dashboard after the vote %v", m.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "🏆 По голосам"))
	list := tg.WaitForEdit(t, dash)
	if !strings.Contains(list.Caption, "По голосам") || !strings.Contains(list.Caption, "1. ") {
		t.Fatalf("list %q", list.Caption)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "1"))
	card := tg.WaitForEdit(t, list)
	if !strings.Contains(card.Caption, "· #") || !card.HasButton("◀ К списку") {
		t.Fatalf("card %q %v", card.Caption, card.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "◀ К списку"))
	list = tg.WaitForEdit(t, card)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, list, "🆕 Новая"))
	if m := tg.WaitForEdit(t, list); !strings.Contains(m.Caption, "2 идеи") {
		t.Fatalf("new ideas %q", m.Caption)
	}
	if i, _ := a.DB.Idea(t.Context(), first.ID); i.Up+i.Down > 1 {
		t.Fatalf("one vote stored twice: %+v", i)
	}
	tg.AssertAllCallbacksAnswered(t)
}
