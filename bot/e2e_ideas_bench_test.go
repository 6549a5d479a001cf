package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// BenchmarkVoteBurst presses the vote buttons of one idea's post in the
// ideas group 1,000 times from 300 members, all at once, through the fake
// Bot API (the outbox keeps Telegram's limits on the edits), and reports how many presses the
// bot answered a second, how many edits of the post it sent, and that the
// count the post ends on is the true one. Every member presses one button
// only, so the outcome does not depend on the order of a member's presses
// (an odd number of presses leaves a vote, an even one none): 100 press
// 👍 three times, 100 press 👎 three times, 100 press 👍 four times, and
// the post must end on 👍 100 👎 100.
//
//	go test -run '^$' -bench VoteBurst -benchtime 1x ./bot/
func BenchmarkVoteBurst(b *testing.B) {
	tg := telegramtest.NewServer(b)
	tg.OpenChat(admin)
	a := apptest.Start(b, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}})
	tg.SendText(admin, "/start")
	tg.WaitForPhoto(b, admin.ID)
	tg.AddBotToGroup(ideasGroup, admin)
	tg.SendTextInChat(ideasGroup, admin, "/ideas")
	settings := tg.WaitForText(b, ideasGroup.ID)
	tg.WaitForCallbackAnswer(b, tg.Press(b, admin, settings, "💡 Сделать группой идей"))
	settings = tg.WaitForEdit(b, settings)
	tg.WaitForCallbackAnswer(b, tg.Press(b, admin, settings, "Доверять участникам"))
	tg.WaitForEdit(b, settings)

	members := make([]telegramtest.User, 300)
	for i := range members {
		members[i] = telegramtest.User{ID: int64(50000 + i), FirstName: fmt.Sprintf("Участник %d", i), LanguageCode: "ru"}
	}
	var pressed, edits int
	var elapsed time.Duration
	for n := range b.N {
		title := fmt.Sprintf("Идея для голосования %d", n)
		tg.SendText(admin, "/idea "+title)
		tg.WaitForText(b, admin.ID)
		var post *telegramtest.Message
		for post == nil {
			if m := tg.WaitForMessage(b, ideasGroup.ID); strings.Contains(m.Text, title) {
				post = m
			}
		}
		ideas, _, err := a.DB.Ideas(b.Context(), domain.IdeaQuery{Limit: 1})
		if err != nil || len(ideas) != 1 {
			b.Fatalf("ideas %+v, %v", ideas, err)
		}
		id := itoa(ideas[0].ID)
		editsBefore := editsOf(tg, post)
		start := time.Now()
		var ids []string
		for round := range 4 {
			for i, m := range members {
				data, presses := "\fivote|"+id+"|u", 3
				switch {
				case i >= 200:
					presses = 4
				case i >= 100:
					data = "\fivote|" + id + "|d"
				}
				if round < presses {
					ids = append(ids, tg.PressData(m, post, data))
				}
			}
		}
		for _, cb := range ids {
			tg.WaitForCallbackAnswer(b, cb)
		}
		elapsed += time.Since(start)
		pressed += len(ids)
		stored, err := a.DB.Idea(b.Context(), ideas[0].ID)
		if err != nil || stored.Up != 100 || stored.Down != 100 {
			b.Fatalf("stored %+v, %v", stored, err)
		}
		testwait.Eventually(b, "the post ends on 👍 100 👎 100", func() bool {
			m := current(tg, post)
			return m != nil && m.HasButton("👍 100") && m.HasButton("👎 100")
		})
		edits += editsOf(tg, post) - editsBefore
	}
	b.ReportMetric(float64(pressed)/elapsed.Seconds(), "presses/s")
	b.ReportMetric(float64(edits)/float64(b.N), "edits/burst")
	b.ReportMetric(float64(pressed)/float64(b.N), "presses/burst")
}

// editsOf counts the edits of a message so far.
func editsOf(tg *telegramtest.Server, m *telegramtest.Message) int {
	if cur := current(tg, m); cur != nil {
		return cur.Edits
	}
	return 0
}
