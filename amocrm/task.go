package amocrm

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Standard task types; accounts may add their own (see Account.TaskTypes).
const (
	TaskTypeFollowUp = 1 // "Связаться" (a call)
	TaskTypeMeeting  = 2 // "Встреча"
)

// Entity types a task can be attached to.
const (
	EntityLeads     = "leads"
	EntityContacts  = "contacts"
	EntityCompanies = "companies"
	EntityCustomers = "customers"
)

// Task is an amoCRM task.
type Task struct {
	ID                int64
	Text              string
	TaskTypeID        int64
	ResponsibleUserID int64
	GroupID           int64
	EntityType        string // one of the Entity constants, or "" when unattached
	EntityID          int64
	Duration          time.Duration
	CompleteTill      time.Time
	IsCompleted       bool
	Result            string // the completion note, "" when none
	CreatedBy         int64
	UpdatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
	AccountID         int64
}

type taskWire struct {
	ID                int64      `json:"id"`
	Text              string     `json:"text"`
	TaskTypeID        int64      `json:"task_type_id"`
	ResponsibleUserID int64      `json:"responsible_user_id"`
	GroupID           int64      `json:"group_id"`
	EntityType        string     `json:"entity_type"`
	EntityID          int64      `json:"entity_id"`
	Duration          int64      `json:"duration"`
	CompleteTill      int64      `json:"complete_till"`
	IsCompleted       bool       `json:"is_completed"`
	Result            taskResult `json:"result"`
	CreatedBy         int64      `json:"created_by"`
	UpdatedBy         int64      `json:"updated_by"`
	CreatedAt         int64      `json:"created_at"`
	UpdatedAt         int64      `json:"updated_at"`
	AccountID         int64      `json:"account_id"`
}

// taskResult decodes "result", which is {"text": …} when set but may be
// absent, null, {} or [] (PHP's empty array) otherwise.
type taskResult string

func (r *taskResult) UnmarshalJSON(b []byte) error {
	var obj struct {
		Text string `json:"text"`
	}
	if json.Unmarshal(b, &obj) == nil {
		*r = taskResult(obj.Text)
	}
	return nil
}

func (w taskWire) task() Task {
	return Task{
		ID: w.ID, Text: w.Text, TaskTypeID: w.TaskTypeID, ResponsibleUserID: w.ResponsibleUserID,
		GroupID: w.GroupID, EntityType: w.EntityType, EntityID: w.EntityID,
		Duration: time.Duration(w.Duration) * time.Second, CompleteTill: unixTime(w.CompleteTill),
		IsCompleted: w.IsCompleted, Result: string(w.Result), CreatedBy: w.CreatedBy, UpdatedBy: w.UpdatedBy,
		CreatedAt: unixTime(w.CreatedAt), UpdatedAt: unixTime(w.UpdatedAt), AccountID: w.AccountID,
	}
}

// TaskQuery selects tasks; empty fields do not filter.
type TaskQuery struct {
	UpdatedFrom        time.Time
	IDs                []int64
	ResponsibleUserIDs []int64
	TaskTypeIDs        []int64
	Completed          *bool  // nil: both
	EntityType         string // required by amoCRM when EntityIDs is set
	EntityIDs          []int64
}

func (q TaskQuery) values() url.Values {
	v := url.Values{}
	setFrom(v, "updated_at", q.UpdatedFrom)
	setIDs(v, "id", q.IDs)
	setIDs(v, "responsible_user_id", q.ResponsibleUserIDs)
	setIDs(v, "task_type", q.TaskTypeIDs)
	if q.Completed != nil {
		v.Set("filter[is_completed]", map[bool]string{true: "1", false: "0"}[*q.Completed])
	}
	if q.EntityType != "" {
		v.Set("filter[entity_type]", q.EntityType)
	}
	setIDs(v, "entity_id", q.EntityIDs)
	v.Set("order[id]", "asc")
	return v
}

// Tasks calls fn with each page of tasks matching q, from page start; see
// Leads for how a sync uses the pages.
func (c *Client) Tasks(ctx context.Context, q TaskQuery, start int, fn func(Page[Task]) error) error {
	err := list(ctx, c, "/api/v4/tasks", "tasks", q.values(), start, taskWire.task, fn)
	if err != nil {
		return fmt.Errorf("list tasks: %w", err)
	}
	return nil
}

// NewTask is a task to create. Text and CompleteTill are required by amoCRM.
type NewTask struct {
	Text         string
	CompleteTill time.Time
	TaskTypeID   int64 // send it: amoCRM's default is undocumented
	// ResponsibleUserID 0 leaves the choice to amoCRM (the token's user).
	ResponsibleUserID int64
	EntityType        string
	EntityID          int64
	Duration          time.Duration
	// RequestID is echoed back; empty means the index in the slice.
	RequestID string
}

type newTaskWire struct {
	Text              string `json:"text"`
	CompleteTill      int64  `json:"complete_till,omitempty"`
	TaskTypeID        int64  `json:"task_type_id,omitempty"`
	ResponsibleUserID int64  `json:"responsible_user_id,omitempty"`
	EntityType        string `json:"entity_type,omitempty"`
	EntityID          int64  `json:"entity_id,omitempty"`
	Duration          int64  `json:"duration,omitempty"`
	RequestID         string `json:"request_id"`
}

// CreatedTask is amoCRM's acknowledgement of one created task.
type CreatedTask struct {
	ID        int64
	RequestID string
}

// CreateTasks creates tasks in batches of WriteBatch. It is never repeated
// after amoCRM may have acted on it (timeouts, 5xx), because a repeat would
// create the tasks twice; such errors mean "unknown", and the caller decides.
// Earlier batches stay created and are returned with an error.
func (c *Client) CreateTasks(ctx context.Context, tasks []NewTask) ([]CreatedTask, error) {
	var done []CreatedTask
	err := chunks(tasks, func(off int, part []NewTask) error {
		body := make([]newTaskWire, len(part))
		for i, t := range part {
			body[i] = newTaskWire{
				Text: t.Text, CompleteTill: unixSec(t.CompleteTill), TaskTypeID: t.TaskTypeID,
				ResponsibleUserID: t.ResponsibleUserID, EntityType: t.EntityType, EntityID: t.EntityID,
				Duration: int64(t.Duration / time.Second), RequestID: t.RequestID,
			}
			if t.RequestID == "" {
				body[i].RequestID = strconv.Itoa(off + i)
			}
		}
		res, err := c.send(ctx, http.MethodPost, "/api/v4/tasks", body, false)
		if err != nil {
			return fmt.Errorf("create tasks %d-%d: %w", off, off+len(part)-1, err)
		}
		items, err := embedded[writeResult](res, "tasks")
		if err != nil {
			return fmt.Errorf("create tasks %d-%d: %w", off, off+len(part)-1, err)
		}
		for _, it := range items {
			done = append(done, CreatedTask{ID: it.ID, RequestID: string(it.RequestID)})
		}
		return nil
	})
	return done, err
}
