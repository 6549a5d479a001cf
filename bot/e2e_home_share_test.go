package bot_test

import (
	"strings"
	"testing"
)

// TestHomeShowsYourOwnNewTaskAtOnce: the home card's figures are shared
// among views for a second (home_snapshot.go), but whoever has just added
// a task sees it counted on their next home card, however soon.
func TestHomeShowsYourOwnNewTaskAtOnce(t *testing.T) {
	tg, _, _ := startTasks(t) // the admin has seen the home card with no tasks
	tg.SendText(newcomer, "/home")
	if m := tg.WaitForPhoto(t, newcomer.ID); !strings.Contains(m.Caption, "активных 0 из 0") {
		t.Fatalf("home before any task: %q", m.Caption)
	}

	tg.SendText(admin, "/task Подписать договор аренды завтра")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/home")
	if m := tg.WaitForPhoto(t, admin.ID); !strings.Contains(m.Caption, "активных 1 из 1") {
		t.Errorf("the author's home card right after the task: %q", m.Caption)
	}
	// The employee's view comes within the same second, after the
	// admin's fresh read: it shares that read, so it counts the task too.
	tg.SendText(newcomer, "/home")
	if m := tg.WaitForPhoto(t, newcomer.ID); !strings.Contains(m.Caption, "активных 1 из 1") {
		t.Errorf("another person's home card after the author's: %q", m.Caption)
	}
}
