package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestOwnTimeZone: an employee in Novosibirsk sets their zone; the dates
// they type and see, their morning reminder and their digest follow it.
func TestOwnTimeZone(t *testing.T) {
	tg, a, _ := startTasks(t) // 10:00 in Moscow
	nsk, _ := time.LoadLocation("Asia/Novosibirsk")

	tg.SendText(newcomer, "/lang")
	screen := tg.WaitForText(t, newcomer.ID)
	if !strings.Contains(screen.Text, "Москва, UTC+3, у вас сейчас 10:00") {
		t.Fatalf("settings before: %q", screen.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, screen, "🕒 Часовой пояс"))
	screen = tg.WaitForEdit(t, screen)
	if !screen.HasButton("✓ Как у компании: Москва, UTC+3") {
		t.Fatalf("zone list: %v", screen.Buttons())
	}
	answer := tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, screen, "Новосибирск, UTC+7"))
	screen = tg.WaitForEdit(t, screen)
	if !strings.Contains(answer.Text, "Новосибирск, UTC+7") || !strings.Contains(screen.Text, "у вас сейчас 14:00") {
		t.Fatalf("after picking: %q / %q", answer.Text, screen.Text)
	}

	// "Tomorrow 18:00" is six in the evening in Novosibirsk; a low-priority
	// task reminds its assignee at nine in their morning.
	tg.SendText(newcomer, "/task Сверить остатки !low завтра 18:00")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "25.11.2026 18:00") {
		t.Fatalf("confirmation: %q", m.Text)
	}
	task := onlyTask(t, a)
	if want := time.Date(2026, 11, 25, 18, 0, 0, 0, nsk); !task.Deadline.Equal(want) {
		t.Fatalf("deadline %v, want %v", task.Deadline, want)
	}
	var morning time.Time
	if err := a.DB.Pool().QueryRow(t.Context(), `select due_at from task_reminders where kind = 'due_morning'`).Scan(&morning); err != nil ||
		!morning.Equal(time.Date(2026, 11, 25, 9, 0, 0, 0, nsk)) {
		t.Fatalf("morning reminder at %v (%v), want 09:00 in Novosibirsk", morning, err)
	}
	// The admin in Moscow sees the same deadline in Moscow time.
	tg.SendText(admin, "/tasks")
	tg.WaitForPhoto(t, admin.ID)

	// A zone typed: a typo first, then an offset.
	tg.SendText(newcomer, "/lang")
	screen = tg.WaitForText(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, screen, "🕒 Часовой пояс"))
	tg.WaitForEdit(t, screen)
	for _, step := range []struct{ typed, want string }{
		{"Марс/Олимп", "Не знаю часового пояса «Марс/Олимп»"},
		{"utc+5", "Готово: UTC+5, у вас сейчас 12:00"},
	} {
		tg.SendText(newcomer, step.typed)
		if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, step.want) {
			t.Fatalf("%q: answer %q, want %q", step.typed, m.Text, step.want)
		}
	}
	if u, err := a.DB.User(t.Context(), newcomer.ID); err != nil || u.TimeZone != "Etc/GMT-5" {
		t.Fatalf("stored zone %q (%v)", u.TimeZone, err)
	}

	// "Every day at 9:00" is nine where the subscriber is.
	tg.SendText(newcomer, "/subscribe 9:00")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "каждый день в 09:00") || !strings.Contains(m.Text, "25.11.2026 09:00") {
		t.Fatalf("subscription: %q", m.Text)
	}
	subs, err := a.DB.Subscriptions(t.Context(), newcomer.ID)
	if err != nil || len(subs) != 1 || subs[0].TZ != "Etc/GMT-5" {
		t.Fatalf("subscriptions %+v (%v)", subs, err)
	}
	// Back to the company's zone: the subscription keeps its own and says so.
	tg.SendText(newcomer, "/lang")
	screen = tg.WaitForText(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, screen, "🕒 Часовой пояс"))
	screen = tg.WaitForEdit(t, screen)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, screen, "Как у компании: Москва, UTC+3"))
	tg.WaitForEdit(t, screen)
	tg.SendText(newcomer, "/subscribe")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "по времени UTC+5") || !strings.Contains(m.Text, "25.11.2026 07:00") {
		t.Fatalf("subscriptions after the zone changed: %q", m.Text)
	}
}
