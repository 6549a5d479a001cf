package amocrmtest

import (
	"cmp"
	"slices"
	"time"
)

// The fake's own records. They are deliberately not the client's types: the
// fake renders amoCRM's JSON itself, so a decoding bug in the client shows up.

// Account is the fake account.
type Account struct {
	ID             int64
	Name           string
	Subdomain      string
	Country        string
	Currency       string
	CurrencySymbol string
	Timezone       string
	CreatedAt      time.Time
}

// User is a user of the account. The zero value is an active non-admin.
type User struct {
	ID       int64
	Name     string
	Email    string
	Admin    bool
	Inactive bool
}

// Pipeline is a lead pipeline. Seed adds the won (142) and lost (143)
// statuses when they are missing, as amoCRM has them in every pipeline.
type Pipeline struct {
	ID       int64
	Name     string
	Main     bool
	Archive  bool
	Statuses []Status
}

// Status is a stage of a pipeline.
type Status struct {
	ID       int64
	Name     string
	Color    string
	Unsorted bool // the "Неразобранное" inbox, type 1
}

// TaskType is a task type of the account.
type TaskType struct {
	ID   int64
	Name string
	Code string
}

// Company is an amoCRM company.
type Company struct {
	ID                int64
	Name              string
	ResponsibleUserID int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// Lead is an amoCRM lead. Zero PipelineID and StatusID mean the main
// pipeline's first working stage.
type Lead struct {
	ID                int64
	Name              string
	Price             int64
	PipelineID        int64
	StatusID          int64
	ResponsibleUserID int64
	CompanyID         int64
	LossReasonID      int64
	CreatedBy         int64
	UpdatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
	ClosedAt          time.Time
	Tags              []string
	Deleted           bool
}

// Task is an amoCRM task.
type Task struct {
	ID                int64
	Text              string
	TypeID            int64
	ResponsibleUserID int64
	EntityType        string
	EntityID          int64
	Duration          time.Duration
	CompleteTill      time.Time
	Completed         bool
	Result            string
	CreatedBy         int64
	UpdatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// Data is what Seed adds or replaces, matched by ID; zero IDs get new ones.
type Data struct {
	Account   *Account
	Users     []User
	Pipelines []Pipeline
	TaskTypes []TaskType
	Companies []Company
	Leads     []Lead
	Tasks     []Task
}

// state is the account's content. Entities are kept sorted by ID, the order
// lists are served in, so a page is a slice and a lookup a binary search.
type state struct {
	account   Account
	users     []*User
	pipelines []*Pipeline
	taskTypes []TaskType
	companies []*Company
	leads     []*Lead
	tasks     []*Task
	nextID    int64
}

func newState() *state { return &state{nextID: 30_000_000} }

func (st *state) id() int64 {
	st.nextID++
	return st.nextID
}

// upsert puts v into the ID-sorted slice, replacing an entry with the same
// ID.
func upsert[T any](list []*T, v *T, id func(*T) int64) []*T {
	i, found := slices.BinarySearchFunc(list, id(v), func(e *T, k int64) int { return cmp.Compare(id(e), k) })
	if found {
		list[i] = v
		return list
	}
	return slices.Insert(list, i, v)
}

// find returns the entry with the ID, or nil.
func find[T any](list []*T, k int64, id func(*T) int64) *T {
	i, found := slices.BinarySearchFunc(list, k, func(e *T, k int64) int { return cmp.Compare(id(e), k) })
	if !found {
		return nil
	}
	return list[i]
}

func leadID(l *Lead) int64         { return l.ID }
func companyID(c *Company) int64   { return c.ID }
func taskID(t *Task) int64         { return t.ID }
func userID(u *User) int64         { return u.ID }
func pipelineID(p *Pipeline) int64 { return p.ID }

func (st *state) lead(id int64) *Lead         { return find(st.leads, id, leadID) }
func (st *state) company(id int64) *Company   { return find(st.companies, id, companyID) }
func (st *state) task(id int64) *Task         { return find(st.tasks, id, taskID) }
func (st *state) user(id int64) *User         { return find(st.users, id, userID) }
func (st *state) pipeline(id int64) *Pipeline { return find(st.pipelines, id, pipelineID) }

func (st *state) mainPipeline() *Pipeline {
	for _, p := range st.pipelines {
		if p.Main {
			return p
		}
	}
	if len(st.pipelines) > 0 {
		return st.pipelines[0]
	}
	return nil
}

// hasStatus reports whether the pipeline has the status.
func (p *Pipeline) hasStatus(id int64) bool {
	return slices.ContainsFunc(p.Statuses, func(s Status) bool { return s.ID == id })
}

// openStatuses lists the statuses a lead is still being worked in.
func (p *Pipeline) openStatuses() []int64 {
	var ids []int64
	for _, s := range p.Statuses {
		if s.ID != 142 && s.ID != 143 {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// firstOpen is where a lead lands in a pipeline when no status is given:
// the first working stage, past the inbox.
func (p *Pipeline) firstOpen() int64 {
	for _, s := range p.Statuses {
		if !s.Unsorted && s.ID != 142 && s.ID != 143 {
			return s.ID
		}
	}
	return p.Statuses[0].ID
}

func (st *state) taskType(id int64) bool {
	return slices.ContainsFunc(st.taskTypes, func(t TaskType) bool { return t.ID == id })
}
