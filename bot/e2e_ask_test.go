package bot_test

import (
	"strings"
	"testing"
)

// TestEveryQuestionHasCancel: each question the bot asks in the chat, and
// its repetition after an answer that would not do, carries «Отмена»,
// which drops the question and goes back to where it was asked.
func TestEveryQuestionHasCancel(t *testing.T) {
	tg, _ := start(t)

	// A deal's new price: cancelled, the deal card comes back and the
	// next words are ordinary text.
	tg.SendText(admin, "/crm")
	dash := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "📋 Активные сделки"))
	dash = tg.WaitForEdit(t, dash)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "1"))
	dash = tg.WaitForEdit(t, dash)
	name := strings.SplitN(dash.Caption, "\n", 2)[0]
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "💰 Сумма"))
	ask := tg.WaitForText(t, admin.ID)
	if !ask.HasButton("✖ Отмена") {
		t.Fatalf("price question without «Отмена»: %v", ask.Buttons())
	}
	tg.SendText(admin, "много")
	again := tg.WaitForText(t, admin.ID)
	if !again.HasButton("✖ Отмена") {
		t.Fatalf("repeated price question without «Отмена»: %q %v", again.Text, again.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, again, "✖ Отмена"))
	if back := tg.WaitForEdit(t, again); !strings.HasPrefix(back.Text, name) || !back.HasButton("💰 Сумма") {
		t.Fatalf("after cancelling, %q, want the card of %q", back.Text, name)
	}
	tg.SendText(admin, "1 250 000")
	if m := tg.WaitForText(t, admin.ID); !strings.Contains(m.Text, "Не понял сообщение") {
		t.Fatalf("the price question outlived «Отмена»: %q", m.Text)
	}

	// A message to the responsible.
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "✉️ Написать ответственному"))
	if ask = tg.WaitForText(t, admin.ID); !ask.HasButton("✖ Отмена") {
		t.Fatalf("message question without «Отмена»: %q %v", ask.Text, ask.Buttons())
	}

	// A task's title, step by step, and its repetition.
	tg.SendText(admin, "/task")
	ask = tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "   ")
	if again = tg.WaitForText(t, admin.ID); !again.HasButton("✖ Отмена") {
		t.Fatalf("repeated title question without «Отмена»: %q %v", again.Text, again.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, ask, "✖ Отмена"))
	tg.WaitForEdit(t, ask)

	// A time zone typed after the list, in English.
	tg.SendText(admin, "/lang")
	m := tg.WaitForText(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "English"))
	m = tg.WaitForEdit(t, m)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "🕒 Time zone"))
	tg.WaitForEdit(t, m)
	tg.SendText(admin, "Mars/Olympus")
	again = tg.WaitForText(t, admin.ID)
	if !again.HasButton("✖ Cancel") {
		t.Fatalf("repeated zone question without «Cancel»: %q %v", again.Text, again.Buttons())
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, again, "✖ Cancel"))
	if back := tg.WaitForEdit(t, again); !strings.HasPrefix(back.Text, "Interface language:") {
		t.Fatalf("after cancelling the zone: %q", back.Text)
	}
}
