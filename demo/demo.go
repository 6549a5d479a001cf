// Package demo builds a realistic demo company for all four areas, so
// every dashboard has something to show before amoCRM is connected. The
// data is deterministic for a given moment: the same now gives the same
// company, which keeps screenshots and tests stable.
package demo

import (
	"math/rand/v2"
	"time"

	"processet/domain"
	"processet/storage"
)

// FirstUserID is the first Telegram ID given to demo employees. Real
// Telegram IDs are assigned sequentially and are far below it today.
const FirstUserID int64 = 9_000_000_001

// Build returns the demo company as of now.
func Build(now time.Time) storage.Seed {
	r := rand.New(rand.NewPCG(2024, 11))
	b := builder{now: now.Truncate(time.Minute), r: r}
	var s storage.Seed
	s.Users = b.users()
	s.CRMUsers = crmUsers
	s.Pipelines = []domain.Pipeline{salesPipeline}
	s.Companies = companies()
	s.Deals, s.CRMTasks = b.deals(len(s.Companies))
	s.Tasks = b.tasks(s.Users)
	s.Operations = operations()
	s.Ideas, s.Votes, s.IdeaEvents = b.ideas(s.Users)
	return s
}

type builder struct {
	now time.Time
	r   *rand.Rand
}

// ago is a moment d before now, at a realistic working hour.
func (b builder) ago(d time.Duration) time.Time { return b.now.Add(-d) }

func (b builder) days(n float64) time.Duration { return time.Duration(n * float64(24*time.Hour)) }

var employees = []struct{ first, last, username string }{
	{"Ольга", "Морозова", "olga_morozova"},
	{"Сергей", "Лебедев", "s_lebedev"},
	{"Наталья", "Козлова", "n_kozlova"},
	{"Павел", "Новиков", "pavel_novikov"},
	{"Ирина", "Фёдорова", "irina_f"},
	{"Алексей", "Егоров", "a_egorov"},
}

func (b builder) users() []domain.User {
	users := make([]domain.User, len(employees))
	for i, e := range employees {
		role := domain.RoleEmployee
		if i == 0 {
			role = domain.RoleManager
		}
		users[i] = domain.User{ID: FirstUserID + int64(i), FirstName: e.first, LastName: e.last,
			Username: e.username, LanguageCode: "ru", Role: role}
	}
	return users
}
