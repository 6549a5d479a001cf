// Package demo builds a realistic demo company for all four areas, so
// every dashboard has something to show before amoCRM is connected: the
// rows of deals, tasks and ideas (Build), and the event logs of ten
// back-office processes that Task Mining imports like a customer's files
// (logs.go). The data is deterministic for a given moment: the same now
// gives the same company, which keeps screenshots and tests stable.
//
// Files:
//
//	demo.go   Build, the users
//	crm.go    the amoCRM mirror: pipeline, companies, deals, their tasks
//	tasks.go  the internal tasks
//	ideas.go  the improvement ideas and votes
//	logs.go   the shipped event logs (logs/), Load, ImportLogs, LogShift
//	gen/      the generator of logs/ (go generate ./demo)
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

// Build returns the demo company's rows as of now; Load loads them with
// the Task Mining logs.
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
