package bot_test

import (
	"context"
	"strings"
	"testing"

	"processet/domain"
	"processet/mining/eventlog/eventlogtest"
)

// TestManagerSetsOverridesInRussian: a manager cancels a question, sets a
// standard time as a stopwatch reading and a share as a fraction; both
// outlive «Получить данные» and a newer export of the process.
func TestManagerSetsOverridesInRussian(t *testing.T) {
	tg, a := startWithoutDemo(t) // the small log's process is then the list's first
	makeManager(t, tg, a, newcomer)
	summary := uploadLog(t, tg, newcomer, "Счета.csv", invoiceLog, "Импортировать", "Импортировано")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, summary, "Task Mining"))
	dash := tg.WaitForPhoto(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, dash, "🔍 Исследовать"))
	card := pressNumbered(t, tg, newcomer, tg.WaitForText(t, newcomer.ID), "Счета")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, card, "⚙️ Действия"))
	acts := tg.WaitForEdit(t, card)
	wantAll(t, "действия", acts.Text, "Счета · действия (3)", "(оценка)", "(правила)")
	act := pressNumbered(t, tg, newcomer, acts, "Проверка счёта")
	wantAll(t, "действие", act.Text, "Проверка счёта\nПроцесс: Счета", "Выполнений: 1",
		"Среднее время выполнения: 1\u00a0ч — оценка по журналу", "— по правилам")

	// «Отмена» goes back to the card, and the next words are ordinary text.
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, act, "⏱ Норма времени"))
	ask := tg.WaitForText(t, newcomer.ID)
	wantAll(t, "вопрос", ask.Text, "Норма времени для «Проверка счёта»", "Сейчас: 1\u00a0ч (оценка)")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, ask, "✖ Отмена"))
	if back := tg.WaitForEdit(t, ask); !strings.HasPrefix(back.Text, "Проверка счёта") || !back.HasButton("⏱ Норма времени") {
		t.Fatalf("after «Отмена»: %q", back.Text)
	}
	tg.SendText(newcomer, "5 мин")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Не понял сообщение") {
		t.Fatalf("the question outlived «Отмена»: %q", m.Text)
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, act, "⏱ Норма времени"))
	tg.WaitForText(t, newcomer.ID)
	tg.SendText(newcomer, "1:30")
	set := tg.WaitForText(t, newcomer.ID)
	wantAll(t, "после нормы", set.Text, "✅ Норма времени для «Проверка счёта»: 1\u00a0мин 30\u00a0с. Процесс пересчитан.",
		"Среднее время выполнения: 1\u00a0мин 30\u00a0с — норма руководителя")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, set, "🤖 Доля автоматизации"))
	tg.WaitForText(t, newcomer.ID)
	tg.SendText(newcomer, "0,6")
	shared := tg.WaitForText(t, newcomer.ID)
	wantAll(t, "после доли", shared.Text, "✅ Доля автоматизации для «Проверка счёта»: 60\u00a0%.",
		"Доля автоматизации: 60\u00a0% — задана руководителем")
	if !shared.HasButton("↩ Сбросить норму") || !shared.HasButton("↩ Сбросить долю") {
		t.Errorf("no resets: %v", shared.Buttons())
	}

	check := func(when string) {
		t.Helper()
		for _, x := range processByName(t, a, "Счета").ActivityStats {
			if x.Name == "Проверка счёта" && (x.ServiceSource != domain.ServiceStandard || x.MeanSeconds != 90 ||
				x.Share != 0.6 || x.ShareSource != domain.ShareManager) {
				t.Errorf("%s: %+v", when, x)
			}
		}
	}
	check("after the set")
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, dash, "📥 Получить данные"))
	waitForContent(t, tg, tg.WaitForText(t, newcomer.ID), "Рассчитано процессов:")
	check("after «Получить данные»")
	newer := invoiceLog + "A3;Приём счёта;2024-03-06 09:00:00;Анна\nA3;Проверка счёта;2024-03-06 09:40:00;Анна\n"
	uploadLog(t, tg, newcomer, "Счета-март.csv", newer, "Импортировать", "Импортировано")
	check("after a newer export")
	tg.AssertAllCallbacksAnswered(t)
}

// TestEmployeeCannotSetOverrides: an employee sees the activity card
// without the buttons, and forged ones change nothing.
func TestEmployeeCannotSetOverrides(t *testing.T) {
	tg, a := start(t)
	svc := importLog(t, a)
	if _, err := svc.Recompute(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	approve(t, tg, newcomer)
	tg.SendText(newcomer, "/mining")
	dash := tg.WaitForPhoto(t, newcomer.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, dash, "🔍 Исследовать"))
	card := pressNumbered(t, tg, newcomer, tg.WaitForText(t, newcomer.ID), eventlogtest.ProcessName(0))
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, card, "⚙️ Действия"))
	acts := tg.WaitForEdit(t, card)
	tg.WaitForCallbackAnswer(t, tg.Press(t, newcomer, acts, "1"))
	act := tg.WaitForEdit(t, acts)
	for _, b := range []string{"⏱ Норма времени", "🤖 Доля автоматизации", "↩ Сбросить норму", "↩ Сбросить долю"} {
		if act.HasButton(b) {
			t.Errorf("an employee sees %q", b)
		}
	}
	if !strings.Contains(act.Text, "Доля автоматизации: ") || !act.HasButton("◀ К действиям") {
		t.Fatalf("employee's activity card: %q %v", act.Text, act.Buttons())
	}

	// A manager set a share; the employee forges a reset and a question.
	r := processByName(t, a, eventlogtest.ProcessName(0))
	target := r.ActivityStats[0]
	if _, err := svc.SetShare(context.Background(), domain.User{ID: admin.ID, Role: domain.RoleAdmin}, r.ID, target.Index, ptr(0.35)); err != nil {
		t.Fatal(err)
	}
	refData := itoa(r.ID) + "|" + itoa(int64(target.Index)) + "|0|0"
	for _, data := range []string{"\fmine_reset|s|" + refData, "\fmine_reset|t|" + refData, "\fmine_ask|s|" + refData} {
		if ans := tg.WaitForCallbackAnswer(t, tg.PressData(newcomer, act, data)); !strings.Contains(ans.Text, "Нет доступа") {
			t.Errorf("%q answered %+v", data, ans)
		}
	}
	tg.SendText(newcomer, "0 %")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Не понял сообщение") {
		t.Fatalf("a forged question was asked: %q", m.Text)
	}
	for _, x := range processByName(t, a, eventlogtest.ProcessName(0)).ActivityStats {
		if x.Index == target.Index && (x.Share != 0.35 || x.ShareSource != domain.ShareManager) {
			t.Errorf("a forged reset changed %+v", x)
		}
	}
	tg.AssertAllCallbacksAnswered(t)
}

func ptr[T any](v T) *T { return &v }
