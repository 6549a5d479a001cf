package bot_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

var msk, _ = time.LoadLocation("Europe/Moscow")

// startTasks boots an app without demo data whose clock the test moves:
// an admin and an approved employee (newcomer, @boris).
func startTasks(t *testing.T) (*telegramtest.Server, *apptest.App, *apptest.Clock) {
	t.Helper()
	clock := apptest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, msk))
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Now: clock.Now})
	tg.SendText(admin, "/start")
	tg.WaitForPhoto(t, admin.ID)
	approve(t, tg, newcomer)
	return tg, a, clock
}

func onlyTask(t *testing.T, a *apptest.App) domain.Task {
	t.Helper()
	tasks, total, err := a.DB.Tasks(t.Context(), storageFilterAll())
	if err != nil || total != 1 {
		t.Fatalf("want one task, got %d (%v)", total, err)
	}
	return tasks[0]
}

func TestQuickAddAssignsAndNotifies(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task Подготовить презентацию !high @boris завтра 18:00")
	m := tg.WaitForText(t, admin.ID)
	if !strings.Contains(m.Text, "Задача создана") || !strings.Contains(m.Text, "Подготовить презентацию") {
		t.Fatalf("admin got %q", m.Text)
	}
	task := onlyTask(t, a)
	want := time.Date(2026, 11, 25, 18, 0, 0, 0, msk)
	if task.Priority != domain.PriorityHigh || task.AssigneeID != newcomer.ID || !task.Deadline.Equal(want) || task.AuthorID != admin.ID {
		t.Fatalf("stored %+v", task)
	}
	n := tg.WaitForText(t, newcomer.ID)
	if !strings.Contains(n.Text, "Вам назначена задача") || !n.HasButton("Открыть задачу") {
		t.Fatalf("assignee got %q", n.Text)
	}
	// The assignee opens it from the notification.
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, n, "Открыть задачу"))
	card := tg.WaitForEdit(t, n)
	if !strings.Contains(card.Text, "Статус: Новая") || card.HasButton("Приоритет ▸") || !card.HasButton("▶ В работе") {
		t.Fatalf("assignee's card %q %v", card.Text, card.Buttons())
	}
}

func TestQuickAddReportsWhatItDidNotUnderstand(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task Отчёт 32.13 !супер @nobody_here")
	m := tg.WaitForText(t, admin.ID)
	for _, want := range []string{"не понял дату «32.13»", "не понял приоритет «!супер»", "не нашёл в команде пользователя «@nobody_here»"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("answer lacks %q: %q", want, m.Text)
		}
	}
	if _, total, _ := a.DB.Tasks(t.Context(), storageFilterAll()); total != 0 {
		t.Fatalf("a task was saved half-way")
	}
}

func TestReplyWithTaskTurnsMessageIntoTask(t *testing.T) {
	tg, a, _ := startTasks(t)
	msg := tg.SendText(admin, "Позвонить в ЕвроХим насчёт договора")
	tg.WaitForText(t, admin.ID) // free text alone gets a hint
	tg.ReplyTo(admin, msg, "/task !low")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Задача создана") {
		t.Fatalf("answer %q", m.Text)
	}
	if task := onlyTask(t, a); task.Title != "Позвонить в ЕвроХим насчёт договора" || task.Priority != domain.PriorityLow {
		t.Fatalf("stored %+v", task)
	}
}

func TestStepByStepCreation(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "Сверить акты за квартал")
	m := tg.WaitForText(t, admin.ID)
	for _, press := range []string{"🔴 Высокий", "Борис", "Завтра", "✅ Создать"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, press))
		m = tg.WaitForEdit(t, m)
	}
	if !strings.Contains(m.Text, "Задача создана") {
		t.Fatalf("last screen %q", m.Text)
	}
	task := onlyTask(t, a)
	if task.Title != "Сверить акты за квартал" || task.Priority != domain.PriorityHigh || task.AssigneeID != newcomer.ID {
		t.Fatalf("stored %+v", task)
	}
	// Cancelling the flow saves nothing.
	tg.SendText(admin, "/task")
	p := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, p, "✖ Отмена"))
	tg.WaitForEdit(t, p)
	tg.SendText(admin, "это уже не задача")
	if r := tg.WaitForText(t, admin.ID); !strings.Contains(r.Text, "Не понял") {
		t.Fatalf("after cancel: %q", r.Text)
	}
}

func TestEmployeeSeesOwnTasksAndCannotEditOthers(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task Моя задача")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/task Задача Бориса @boris")
	tg.WaitForText(t, admin.ID)
	tg.WaitForText(t, newcomer.ID) // assigned

	tg.SendText(newcomer, "/tasks")
	card := tg.WaitForPhoto(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, card, "📋 Список задач"))
	list := tg.WaitForEdit(t, card)
	if !strings.Contains(list.Caption, "Задача Бориса") || strings.Contains(list.Caption, "Моя задача") {
		t.Fatalf("employee's list %q", list.Caption)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, list, "1"))
	taskCard := tg.WaitForEdit(t, list)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, taskCard, "▶ В работе"))
	taskCard = tg.WaitForEdit(t, taskCard)
	if !strings.Contains(taskCard.Caption, "Статус: В работе") {
		t.Fatalf("after starting: %q", taskCard.Caption)
	}
	// Forged: raise the priority of a task one may only move along, and
	// open the admin's own task.
	mine, _, _ := a.DB.Tasks(t.Context(), storageFilterAll())
	var borisID, adminsID int64
	for _, x := range mine {
		if x.AssigneeID == newcomer.ID {
			borisID = x.ID
		} else {
			adminsID = x.ID
		}
	}
	for _, data := range []string{
		"\ftask_set|" + itoa(borisID) + "|p|h|a|0",
		"\ftask|" + itoa(adminsID) + "|a|0",
		"\ftask_set|" + itoa(adminsID) + "|s|d|a|0",
	} {
		ans := tg.WaitForCallbackAnswer(t, tg.PressData(newcomer, taskCard, data))
		if !strings.Contains(ans.Text, "Нет доступа") {
			t.Errorf("%q answered %+v", data, ans)
		}
	}
	if got, _ := a.DB.Task(t.Context(), borisID); got.Priority != domain.PriorityMedium {
		t.Errorf("priority changed by the assignee: %s", got.Priority)
	}
	if got, _ := a.DB.Task(t.Context(), adminsID); got.Status != domain.TaskNew {
		t.Errorf("someone else's task changed: %s", got.Status)
	}
}

func TestRemindersArriveOnceAndSnooze(t *testing.T) {
	tg, _, clock := startTasks(t)
	tg.SendText(admin, "/task Закрыть месяц !high @boris послезавтра 12:00")
	tg.WaitForText(t, admin.ID)
	tg.WaitForText(t, newcomer.ID) // assigned

	clock.Advance(26*time.Hour + time.Minute) // a day before the deadline
	r := tg.WaitForText(t, newcomer.ID)
	if !strings.Contains(r.Text, "Напоминание") || !r.HasButton("⏰ Через час") {
		t.Fatalf("reminder %q", r.Text)
	}
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, r, "⏰ Через час"))
	if !strings.Contains(ans.Text, "Напомню") {
		t.Fatalf("snooze answered %+v", ans)
	}
	clock.Advance(time.Hour + time.Minute)
	if s := tg.WaitForText(t, newcomer.ID); !strings.Contains(s.Text, "Напоминание") {
		t.Fatalf("snoozed reminder %q", s.Text)
	}
	clock.Advance(24 * time.Hour) // past the deadline: both hear
	var overdue int
	for range 3 { // 2 h and 30 min reminders may come first
		if m := tg.WaitForText(t, newcomer.ID); strings.Contains(m.Text, "прошёл") {
			overdue++
			break
		}
	}
	if o := tg.WaitForText(t, admin.ID); overdue != 1 || !strings.Contains(o.Text, "прошёл") {
		t.Fatalf("overdue: assignee %d, author %q", overdue, o.Text)
	}
	// A later task's overdue alert: once it is here, the reminder runs
	// after the first alert have happened, and any second alert of the
	// first task was sent before it.
	tg.SendText(admin, "/task Проверка !low @boris через 2 часа")
	tg.WaitForText(t, admin.ID)
	clock.Advance(3 * time.Hour)
	testwait.Eventually(t, "the later task's overdue alert", func() bool {
		return slices.ContainsFunc(tg.Messages(newcomer.ID), func(m *telegramtest.Message) bool {
			return m.FromBot && strings.Contains(m.Text, "прошёл") && strings.Contains(m.Text, "Проверка")
		})
	})
	count := 0
	for _, m := range tg.Messages(newcomer.ID) {
		if m.FromBot && strings.Contains(m.Text, "прошёл") && strings.Contains(m.Text, "Закрыть месяц") {
			count++
		}
	}
	if count != 1 {
		t.Errorf("overdue alert sent %d times", count)
	}
}

func TestStepByStepInAGroup(t *testing.T) {
	tg, a, _ := startTasks(t)
	group := telegramtest.Chat{ID: -100555, Type: "supergroup", Title: "Проект"}
	tg.AddBotToGroup(group, admin)
	tg.SendTextInChat(group, admin, "/task")
	tg.WaitForText(t, group.ID)
	tg.SendTextInChat(group, newcomer, "обсуждаем другое") // someone else talks meanwhile
	tg.SendTextInChat(group, admin, "Назначить встречу с клиентом")
	m := tg.WaitForText(t, group.ID)
	if !strings.Contains(m.Text, "Назначить встречу с клиентом") || !m.HasButton("🟢 Низкий") {
		t.Fatalf("group flow: %q", m.Text)
	}
	for _, press := range []string{"🟢 Низкий", "не назначен", "Без срока", "✅ Создать"} {
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, press))
		m = tg.WaitForEdit(t, m)
	}
	if task := onlyTask(t, a); task.Title != "Назначить встречу с клиентом" || task.Priority != domain.PriorityLow || !task.Deadline.IsZero() {
		t.Fatalf("stored %+v", task)
	}
}

// TestChangeAssigneeFromTheCard: the card's assignee menu lists the team,
// and a pick reaches the new assignee.
func TestChangeAssigneeFromTheCard(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task Обновить прайс завтра")
	card := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Исполнитель ▸"))
	card = tg.WaitForEdit(t, card)
	if !card.HasButton("Борис") || !card.HasButton("не назначен") {
		t.Fatalf("assignee menu: %v", card.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "Борис"))
	card = tg.WaitForEdit(t, card)
	if task := onlyTask(t, a); task.AssigneeID != newcomer.ID || !strings.Contains(card.Text, "Исполнитель: Борис") {
		t.Fatalf("assignee %d, card %q", task.AssigneeID, card.Text)
	}
	if n := tg.WaitForText(t, newcomer.ID); !strings.Contains(n.Text, "Обновить прайс") {
		t.Fatalf("new assignee got %q", n.Text)
	}
}

// TestEmployeeDashboardShowsOwnTasks: the tasks dashboard an employee
// sees counts and lists the tasks their lists show, not the company's.
func TestEmployeeDashboardShowsOwnTasks(t *testing.T) {
	tg, _, _ := startTasks(t)
	tg.SendText(admin, "/task Подписать договор аренды завтра")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/task Разобрать почту @boris завтра")
	tg.WaitForText(t, admin.ID)

	tg.SendText(newcomer, "/tasks")
	mine := tg.WaitForPhoto(t, newcomer.ID)
	if !strings.HasPrefix(mine.Caption, "Мои задачи") || !strings.Contains(mine.Caption, "Всего без отменённых: 1") ||
		!strings.Contains(mine.Caption, "Разобрать почту") || strings.Contains(mine.Caption, "Подписать договор") {
		t.Fatalf("employee's dashboard: %q", mine.Caption)
	}
	tg.SendText(admin, "/tasks")
	all := tg.WaitForPhoto(t, admin.ID)
	if !strings.HasPrefix(all.Caption, "Задачи") || !strings.Contains(all.Caption, "Всего без отменённых: 2") ||
		!strings.Contains(all.Caption, "Подписать договор") {
		t.Fatalf("manager's dashboard: %q", all.Caption)
	}
}

// TestAbandonedTaskFlowLetsGo: a step-by-step task left at its first
// question does not swallow what the user types after doing something else.
func TestAbandonedTaskFlowLetsGo(t *testing.T) {
	tg, a, _ := startTasks(t)
	tg.SendText(admin, "/task")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/home")
	tg.WaitForPhoto(t, admin.ID)
	tg.SendText(admin, "1 250 000")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Не понял сообщение") {
		t.Fatalf("after leaving the flow: %q", m.Text)
	}
	if _, total, _ := a.DB.Tasks(t.Context(), storageFilterAll()); total != 0 {
		t.Fatalf("%d tasks", total)
	}
	// Started again and answered, it works as before.
	tg.SendText(admin, "/task")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "Заказать воду в офис")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Заказать воду в офис") || !m.HasButton("🔴 Высокий") {
		t.Fatalf("title step: %q %v", m.Text, m.Buttons())
	}
}

// TestListThatShrankShowsItsLastPage: the only task on page 2 is done;
// back to the list, the user sees page 1, not an empty page.
func TestListThatShrankShowsItsLastPage(t *testing.T) {
	tg, _, _ := startTasks(t)
	for i := range 6 {
		tg.SendText(admin, fmt.Sprintf("/task Задача %d завтра", i+1))
		tg.WaitForText(t, admin.ID)
	}
	tg.SendText(admin, "/tasks")
	card := tg.WaitForPhoto(t, admin.ID)
	for _, press := range []string{"📋 Список задач", "Далее ▶", "6", "✅ Готово"} {
		if press == "✅ Готово" {
			tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "▶ В работе"))
			card = tg.WaitForEdit(t, card)
		}
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, press))
		card = tg.WaitForEdit(t, card)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "◀ К списку"))
	card = tg.WaitForEdit(t, card)
	if strings.Contains(card.Caption, "пусто") || !strings.Contains(card.Caption, "1. ") || card.HasButton("Далее ▶") {
		t.Fatalf("list after it shrank: %q %v", card.Caption, card.Buttons())
	}
}
