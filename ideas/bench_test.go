package ideas_test

import (
	"sync"
	"testing"
	"time"

	"processet/domain"
)

// BenchmarkVoteBurst presses the vote buttons of one idea 1,000 times
// from 300 people at once, as a popular post in a busy group would be,
// at the service level: presses/s is the service's throughput; the final
// counts must be exactly what each person's presses add up to. (The bot
// side measures the edits the burst costs.)
func BenchmarkVoteBurst(b *testing.B) {
	const presses, people = 1000, 300
	e := newEnv(b)
	users := e.employees(people)
	// Person k presses at positions k, k+300, …; 👍 and 👎 alternate by
	// position in a pattern that adds, withdraws and switches.
	value := func(n int) domain.VoteValue {
		if n%3 == 2 {
			return domain.VoteDown
		}
		return domain.VoteUp
	}
	var wantUp, wantDown int
	for k := range people {
		var mine domain.VoteValue
		for n := k; n < presses; n += people {
			if v := value(n); mine == v {
				mine = 0
			} else {
				mine = v
			}
		}
		switch mine {
		case domain.VoteUp:
			wantUp++
		case domain.VoteDown:
			wantDown++
		}
	}
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		e.clock.add(time.Hour) // a fresh idea each round, within the author's limit
		idea := e.propose(e.admin, "Популярная идея")
		e.posted(idea.ID, -1001, idea.ID)
		b.StartTimer()
		began := time.Now()
		var wg sync.WaitGroup
		for k := range people {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := k; n < presses; n += people {
					if _, err := e.ideas.Vote(e.ctx, users[k], users[k].ID, idea.ID, value(n)); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		elapsed += time.Since(began)
		b.StopTimer()
		got, err := e.db.Idea(e.ctx, idea.ID)
		if err != nil || got.Up != wantUp || got.Down != wantDown {
			b.Fatalf("counts %d/%d, %v; want %d/%d", got.Up, got.Down, err, wantUp, wantDown)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(presses*b.N)/elapsed.Seconds(), "presses/s")
}
