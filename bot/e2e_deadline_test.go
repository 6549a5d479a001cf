package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestTodayMeansOneThing: the «Сегодня» preset and a typed «сегодня» give
// the same deadline, the end of the day, as do «Завтра» and «завтра».
func TestTodayMeansOneThing(t *testing.T) {
	tg, a, _ := startTasks(t) // 24.11.2026 10:00 in Moscow
	for i, c := range []struct{ preset, typed string }{{"Сегодня", "сегодня"}, {"Завтра", "завтра"}} {
		tg.SendText(admin, "/task")
		tg.WaitForText(t, admin.ID)
		tg.SendText(admin, "Кнопкой "+itoa(int64(i)))
		m := tg.WaitForText(t, admin.ID)
		for _, press := range []string{"🟡 Средний", "Борис", c.preset, "✅ Создать"} {
			tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, press))
			m = tg.WaitForEdit(t, m)
		}
		if !strings.Contains(m.Text, "Задача создана") {
			t.Fatalf("last screen %q", m.Text)
		}
		tg.SendText(admin, "/task Словом "+itoa(int64(i))+" "+c.typed)
		tg.WaitForText(t, admin.ID)
	}
	tasks, _, err := a.DB.Tasks(t.Context(), storageFilterAll())
	if err != nil || len(tasks) != 4 {
		t.Fatalf("%d tasks (%v)", len(tasks), err)
	}
	due := map[string]time.Time{}
	for _, task := range tasks {
		due[task.Title] = task.Deadline
	}
	for i, c := range []struct {
		preset, typed string
		want          time.Time
	}{
		{"Сегодня", "сегодня", time.Date(2026, 11, 24, 23, 59, 59, 0, msk)},
		{"Завтра", "завтра", time.Date(2026, 11, 25, 23, 59, 59, 0, msk)},
	} {
		byButton, byWord := due["Кнопкой "+itoa(int64(i))], due["Словом "+itoa(int64(i))]
		if !byButton.Equal(c.want) || !byWord.Equal(c.want) {
			t.Errorf("%s: preset %v, typed %v, want both %v", c.preset, byButton, byWord, c.want)
		}
	}
}
