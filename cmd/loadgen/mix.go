package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"processet/internal/telegramtest"
)

// generator sends the mix. Two of three updates draw a card (/tasks,
// /start, a card's area buttons and Refresh); the others are answered with
// text (/help, a one-line task).
type generator struct {
	tg    *telegramtest.Server
	rec   *recorder
	users []telegramtest.User
	cards map[int64]*telegramtest.Message // each user's home card, whose buttons they press
	rng   *rand.Rand
	tasks int
}

// areas are the data of the home card's buttons: four areas and Refresh.
var areas = []string{"crm", "tasks", "mining", "ideas", "home"}

// send sends updates for d at rate a second on average, open loop: an
// update goes out at its time whether or not the bot has answered the
// earlier ones. It returns how many it sent.
func (g *generator) send(ctx context.Context, rate float64, d time.Duration) int {
	start := time.Now()
	next, n := start, 0
	for ctx.Err() == nil {
		next = next.Add(time.Duration(g.rng.ExpFloat64() / rate * float64(time.Second)))
		if next.Sub(start) >= d {
			break
		}
		if wait := time.Until(next); wait > 0 {
			time.Sleep(wait)
		}
		g.one()
		n++
	}
	return n
}

// one sends a random user's next update.
func (g *generator) one() {
	u := g.users[g.rng.IntN(len(g.users))]
	g.rec.sending()
	switch g.rng.IntN(6) {
	case 0:
		g.tg.SendText(u, "/help")
	case 1:
		g.tasks++
		g.tg.SendText(u, fmt.Sprintf("/task Нагрузочная проверка %d через 3 дня", g.tasks))
	case 2:
		g.tg.SendText(u, "/tasks")
	case 3:
		g.tg.SendText(u, "/start")
	default:
		g.tg.PressData(u, g.cards[u.ID], "\farea|"+areas[g.rng.IntN(len(areas))])
	}
}
