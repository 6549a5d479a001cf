package amocrm

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// Account is the amoCRM account the token belongs to.
type Account struct {
	ID             int64
	Name           string
	Subdomain      string
	CurrentUserID  int64 // the token's user: what updated_by becomes on our writes
	Country        string
	Currency       string
	CurrencySymbol string
	Timezone       string // IANA name, e.g. Europe/Moscow
	CreatedAt      time.Time
	UpdatedAt      time.Time
	TaskTypes      []TaskType
}

// TaskType is a task type of the account: the standard 1 and 2 plus custom
// ones.
type TaskType struct {
	ID    int64
	Name  string
	Code  string // FOLLOW_UP, MEETING; empty for custom types
	Color string
}

type accountWire struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Subdomain      string `json:"subdomain"`
	CurrentUserID  int64  `json:"current_user_id"`
	Country        string `json:"country"`
	Currency       string `json:"currency"`
	CurrencySymbol string `json:"currency_symbol"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
	Embedded       struct {
		TaskTypes []struct {
			ID    int64  `json:"id"`
			Name  string `json:"name"`
			Code  string `json:"code"`
			Color string `json:"color"`
		} `json:"task_types"`
		DatetimeSettings struct {
			Timezone string `json:"timezone"`
		} `json:"datetime_settings"`
	} `json:"_embedded"`
}

// Account fetches the account with its task types and time zone, one
// request for everything a sync needs to know about it.
func (c *Client) Account(ctx context.Context) (Account, error) {
	res, err := c.get(ctx, "/api/v4/account", url.Values{"with": {"task_types,datetime_settings"}})
	var w accountWire
	if err == nil {
		err = decode(res, "account", &w)
	}
	if err != nil {
		return Account{}, fmt.Errorf("get account: %w", err)
	}
	a := Account{
		ID: w.ID, Name: w.Name, Subdomain: w.Subdomain, CurrentUserID: w.CurrentUserID,
		Country: w.Country, Currency: w.Currency, CurrencySymbol: w.CurrencySymbol,
		Timezone:  w.Embedded.DatetimeSettings.Timezone,
		CreatedAt: unixTime(w.CreatedAt), UpdatedAt: unixTime(w.UpdatedAt),
	}
	for _, t := range w.Embedded.TaskTypes {
		a.TaskTypes = append(a.TaskTypes, TaskType{ID: t.ID, Name: t.Name, Code: t.Code, Color: t.Color})
	}
	return a, nil
}

// TaskTypes lists the account's task types (account?with=task_types).
func (c *Client) TaskTypes(ctx context.Context) ([]TaskType, error) {
	a, err := c.Account(ctx)
	if err != nil {
		return nil, err
	}
	return a.TaskTypes, nil
}

// User is a user of the account.
type User struct {
	ID       int64
	Name     string
	Email    string
	Lang     string
	IsAdmin  bool
	IsActive bool
	IsFree   bool
	GroupID  int64
	RoleID   int64
}

type userWire struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Lang   string `json:"lang"`
	Rights struct {
		IsAdmin  bool  `json:"is_admin"`
		IsActive bool  `json:"is_active"`
		IsFree   bool  `json:"is_free"`
		GroupID  int64 `json:"group_id"`
		RoleID   int64 `json:"role_id"`
	} `json:"rights"`
}

func (w userWire) user() User {
	return User{
		ID: w.ID, Name: w.Name, Email: w.Email, Lang: w.Lang,
		IsAdmin: w.Rights.IsAdmin, IsActive: w.Rights.IsActive, IsFree: w.Rights.IsFree,
		GroupID: w.Rights.GroupID, RoleID: w.Rights.RoleID,
	}
}

// Users lists all users of the account. Only an admin's token may: others
// get ErrForbidden, and a sync carries on without user names.
func (c *Client) Users(ctx context.Context) ([]User, error) {
	users, err := collect(ctx, c, "/api/v4/users", "users", nil, userWire.user)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}

// Pipeline is a sales pipeline with its statuses in display order.
type Pipeline struct {
	ID         int64
	Name       string
	Sort       int
	IsMain     bool
	IsUnsorted bool // the "Неразобранное" inbox is on
	IsArchive  bool
	AccountID  int64
	Statuses   []Status
}

// Status is a stage of one pipeline. StatusWon and StatusLost appear in
// every pipeline, so PipelineID is part of a status's identity.
type Status struct {
	ID         int64
	PipelineID int64
	Name       string
	Sort       int
	Color      string
	Type       int // 1 for the unsorted inbox, 0 otherwise
	IsEditable bool
}

type pipelineWire struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Sort         int    `json:"sort"`
	IsMain       bool   `json:"is_main"`
	IsUnsortedOn bool   `json:"is_unsorted_on"`
	IsArchive    bool   `json:"is_archive"`
	AccountID    int64  `json:"account_id"`
	Embedded     struct {
		Statuses []struct {
			ID         int64  `json:"id"`
			PipelineID int64  `json:"pipeline_id"`
			Name       string `json:"name"`
			Sort       int    `json:"sort"`
			Color      string `json:"color"`
			Type       int    `json:"type"`
			IsEditable bool   `json:"is_editable"`
		} `json:"statuses"`
	} `json:"_embedded"`
}

func (w pipelineWire) pipeline() Pipeline {
	p := Pipeline{
		ID: w.ID, Name: w.Name, Sort: w.Sort, IsMain: w.IsMain, IsUnsorted: w.IsUnsortedOn,
		IsArchive: w.IsArchive, AccountID: w.AccountID,
	}
	for _, s := range w.Embedded.Statuses {
		pid := s.PipelineID
		if pid == 0 {
			pid = w.ID
		}
		p.Statuses = append(p.Statuses, Status{
			ID: s.ID, PipelineID: pid, Name: s.Name, Sort: s.Sort, Color: s.Color, Type: s.Type, IsEditable: s.IsEditable,
		})
	}
	return p
}

// Pipelines lists the lead pipelines with their statuses. The list is not
// paginated: an account has at most 50 pipelines.
func (c *Client) Pipelines(ctx context.Context) ([]Pipeline, error) {
	res, err := c.get(ctx, "/api/v4/leads/pipelines", nil)
	var ws []pipelineWire
	if err == nil && len(res.body) > 0 {
		ws, err = embedded[pipelineWire](res, "pipelines")
	}
	if err != nil {
		return nil, fmt.Errorf("list pipelines: %w", err)
	}
	ps := make([]Pipeline, len(ws))
	for i, w := range ws {
		ps[i] = w.pipeline()
	}
	return ps, nil
}
