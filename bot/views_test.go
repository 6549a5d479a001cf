package bot

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"processet/domain"
	"processet/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	msk, _  = time.LoadLocation("Europe/Moscow")
	fixedAt = time.Date(2026, 11, 24, 15, 5, 0, 0, msk)
)

// sampleHome is a small, fixed company: every view's golden file is
// rendered from it, so a change in wording or layout shows up in review.
func sampleHome() domain.Home {
	now := fixedAt
	return domain.Home{
		AsOf: now,
		Deals: domain.DealSummary{
			Deals: 46, Won: 12, WonRevenue: 41_500_000, Companies: 14, CompaniesActive: 6, WeekInPlay: 9, WeekWon: 1, ActiveAll: 7,
			Weeks: []domain.WeekCount{{Start: now.AddDate(0, 0, -8), Created: 4, Won: 1}, {Start: now.AddDate(0, 0, -1), Created: 2, Won: 1}},
			Tasks: domain.CRMTaskStates{Open: 20, Overdue: 4, Completed: 68},
			Active: []domain.Deal{
				{ID: 1, Name: "Task Mining для ММК", CompanyName: "ММК", Price: 2_500_000, StatusName: "Переговоры",
					ResponsibleName: "Анна Смирнова", UpdatedAt: now.Add(-12*24*time.Hour - 3*time.Hour)},
				{ID: 2, Name: "PM для <Ренессанс & Жизнь>", CompanyName: "Ренессанс Жизнь", Price: 900_000,
					StatusName: "Первичный контакт", UpdatedAt: now.Add(-26 * time.Hour)},
			},
		},
		Tasks: domain.TaskSummary{
			Total: 10, Active: 8, Overdue: 2, DoneWeek: 3,
			ByStatus:   map[domain.TaskStatus]int{domain.TaskNew: 2, domain.TaskInProgress: 5, domain.TaskReview: 1, domain.TaskDone: 2, domain.TaskCancelled: 1},
			ByPriority: map[domain.Priority]int{domain.PriorityHigh: 3, domain.PriorityMedium: 3, domain.PriorityLow: 2},
			Top: []domain.Task{
				{ID: 1, Title: "Подготовить презентацию", Priority: domain.PriorityHigh, Status: domain.TaskInProgress,
					AssigneeName: "Ольга Морозова", Deadline: now.Add(26 * time.Hour), LastActivity: now.Add(-5 * time.Hour)},
				{ID: 2, Title: "Сверить акты", Priority: domain.PriorityMedium, Status: domain.TaskNew,
					Deadline: now.Add(-2 * time.Hour), LastActivity: now.Add(-50 * time.Hour)},
				{ID: 3, Title: "Обновить шаблоны", Priority: domain.PriorityLow, Status: domain.TaskNew, LastActivity: now},
			},
		},
		Mining: domain.MiningSummary{Operations: 19_600, Hours: 2_740, PotentialHours: 2_012, Processes: []domain.ProcessStat{
			{ID: 1, Name: "Обработка входящих счетов", Operations: 18_400, Hours: 1_840, PotentialHours: 1_472},
			{ID: 2, Name: "Закрытие месяца", Operations: 1_200, Hours: 900, PotentialHours: 540},
		}},
		Ideas: domain.IdeaSummary{
			Submitted: 12, Votes: 55, Accepted: 4, Rejected: 2, Pending: 6,
			Top: []domain.Idea{{ID: 3, Title: "Шаблон КП из CRM", AuthorName: "Сергей Лебедев", Up: 5}},
		},
	}
}

func TestCaptionsGolden(t *testing.T) {
	h := sampleHome()
	for _, lang := range domain.Langs {
		tr := i18n.New(lang, msk)
		for name, text := range map[string]string{
			"home":   homeCaption(tr, h),
			"crm":    dealsCaption(tr, h.AsOf, h.Deals),
			"tasks":  tasksCaption(tr, h.AsOf, h.Tasks),
			"mining": miningCaption(tr, h.AsOf, h.Mining),
			"ideas":  ideasCaption(tr, sampleIdeaDashboard(h.AsOf, h.Ideas)),
			"empty":  dealsCaption(tr, h.AsOf, domain.DealSummary{}),
		} {
			checkGolden(t, name+"."+string(lang), text)
			if n := len([]rune(text)); n > maxCaption {
				t.Errorf("%s/%s: caption of %d characters", name, lang, n)
			}
		}
	}
}

func TestCaptionEscapesData(t *testing.T) {
	c := dealsCaption(i18n.New(domain.LangRU, msk), fixedAt, sampleHome().Deals)
	if !strings.Contains(c, "PM для &lt;Ренессанс &amp; Жизнь&gt;") {
		t.Errorf("deal name not escaped: %s", c)
	}
}

// TestLongListsFitCaption fills every list with the longest names the
// views allow and checks the caption still fits and says what it left out.
func TestLongListsFitCaption(t *testing.T) {
	s := sampleHome().Deals
	long := strings.Repeat("Очень длинное название сделки ", 10)
	s.Active = nil
	for range listLimit {
		s.Active = append(s.Active, domain.Deal{Name: long, CompanyName: long, StatusName: long,
			ResponsibleName: long, Price: 9_999_999_999, UpdatedAt: fixedAt.Add(-1000 * time.Hour)})
	}
	s.ActiveAll = 500
	for _, lang := range domain.Langs {
		c := dealsCaption(i18n.New(lang, msk), fixedAt, s)
		if n := len([]rune(c)); n > maxCaption {
			t.Errorf("%s: %d characters", lang, n)
		}
		if !strings.Contains(c, "…") {
			t.Errorf("%s: nothing says rows were left out: %s", lang, c)
		}
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestClosedTaskHasNoTimeLeft: a done or cancelled task shows when it was
// due, not a countdown or an overdue alarm.
func TestClosedTaskHasNoTimeLeft(t *testing.T) {
	tr := i18n.New(domain.LangRU, time.UTC)
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for _, st := range []domain.TaskStatus{domain.TaskDone, domain.TaskCancelled} {
		for _, due := range []time.Time{now.Add(48 * time.Hour), now.Add(-48 * time.Hour)} {
			task := domain.Task{Title: "Отчёт", Status: st, Priority: domain.PriorityHigh, Deadline: due, LastActivity: now}
			card, line := taskCardText(tr, now, task), deadlineText(tr, now, task)
			if strings.Contains(card+line, "осталось") || strings.Contains(card+line, "просрочено") || !strings.Contains(card, tr.DateTime(due)) {
				t.Errorf("%s due %v: card %q, line %q", st, due, card, line)
			}
		}
	}
}
