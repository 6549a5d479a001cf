package amocrm

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// Company is an amoCRM company; leads point at it through Lead.CompanyID.
type Company struct {
	ID                int64
	Name              string
	ResponsibleUserID int64
	GroupID           int64
	CreatedBy         int64
	UpdatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
	ClosestTaskAt     time.Time
	AccountID         int64
}

type companyWire struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	ResponsibleUserID int64  `json:"responsible_user_id"`
	GroupID           int64  `json:"group_id"`
	CreatedBy         int64  `json:"created_by"`
	UpdatedBy         int64  `json:"updated_by"`
	CreatedAt         int64  `json:"created_at"`
	UpdatedAt         int64  `json:"updated_at"`
	ClosestTaskAt     int64  `json:"closest_task_at"`
	AccountID         int64  `json:"account_id"`
}

func (w companyWire) company() Company {
	return Company{
		ID: w.ID, Name: w.Name, ResponsibleUserID: w.ResponsibleUserID, GroupID: w.GroupID,
		CreatedBy: w.CreatedBy, UpdatedBy: w.UpdatedBy,
		CreatedAt: unixTime(w.CreatedAt), UpdatedAt: unixTime(w.UpdatedAt),
		ClosestTaskAt: unixTime(w.ClosestTaskAt), AccountID: w.AccountID,
	}
}

// CompanyQuery selects companies.
type CompanyQuery struct {
	UpdatedFrom time.Time
	IDs         []int64
}

func (q CompanyQuery) values() url.Values {
	v := url.Values{}
	setFrom(v, "updated_at", q.UpdatedFrom)
	setIDs(v, "id", q.IDs)
	v.Set("order[id]", "asc") // stable pages, as for leads
	return v
}

// Companies calls fn with each page of companies matching q, from page
// start; see Leads for how a sync uses the pages.
func (c *Client) Companies(ctx context.Context, q CompanyQuery, start int, fn func(Page[Company]) error) error {
	err := list(ctx, c, "/api/v4/companies", "companies", q.values(), start, companyWire.company, fn)
	if err != nil {
		return fmt.Errorf("list companies: %w", err)
	}
	return nil
}
