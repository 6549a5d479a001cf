package amocrm

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// StatusWon and StatusLost are the closing statuses. Every pipeline has both
// under these same IDs, so a status is identified by (pipeline, status).
const (
	StatusWon  = 142
	StatusLost = 143
)

// Lead is an amoCRM lead (a deal).
type Lead struct {
	ID                int64
	Name              string
	Price             int64
	ResponsibleUserID int64
	GroupID           int64
	StatusID          int64
	PipelineID        int64
	LossReasonID      int64 // 0 when none
	CompanyID         int64 // 0 when no company is linked
	CreatedBy         int64
	UpdatedBy         int64 // 0 when a robot or integration changed it
	CreatedAt         time.Time
	UpdatedAt         time.Time
	ClosedAt          time.Time // zero while open
	ClosestTaskAt     time.Time // zero when no open task
	IsDeleted         bool
	Tags              []string
	AccountID         int64
}

// Closed reports whether the lead is won or lost.
func (l Lead) Closed() bool { return l.StatusID == StatusWon || l.StatusID == StatusLost }

// leadWire is a lead as amoCRM sends it. Nullable numbers decode to 0.
type leadWire struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	Price             int64  `json:"price"`
	ResponsibleUserID int64  `json:"responsible_user_id"`
	GroupID           int64  `json:"group_id"`
	StatusID          int64  `json:"status_id"`
	PipelineID        int64  `json:"pipeline_id"`
	LossReasonID      int64  `json:"loss_reason_id"`
	CreatedBy         int64  `json:"created_by"`
	UpdatedBy         int64  `json:"updated_by"`
	CreatedAt         int64  `json:"created_at"`
	UpdatedAt         int64  `json:"updated_at"`
	ClosedAt          int64  `json:"closed_at"`
	ClosestTaskAt     int64  `json:"closest_task_at"`
	IsDeleted         bool   `json:"is_deleted"`
	AccountID         int64  `json:"account_id"`
	Embedded          struct {
		Tags      []struct{ Name string } `json:"tags"`
		Companies []struct{ ID int64 }    `json:"companies"`
	} `json:"_embedded"`
}

func (w leadWire) lead() Lead {
	l := Lead{
		ID: w.ID, Name: w.Name, Price: w.Price, ResponsibleUserID: w.ResponsibleUserID,
		GroupID: w.GroupID, StatusID: w.StatusID, PipelineID: w.PipelineID, LossReasonID: w.LossReasonID,
		CreatedBy: w.CreatedBy, UpdatedBy: w.UpdatedBy,
		CreatedAt: unixTime(w.CreatedAt), UpdatedAt: unixTime(w.UpdatedAt),
		ClosedAt: unixTime(w.ClosedAt), ClosestTaskAt: unixTime(w.ClosestTaskAt),
		IsDeleted: w.IsDeleted, AccountID: w.AccountID,
	}
	// A lead links at most one company; amoCRM still sends a list.
	if len(w.Embedded.Companies) > 0 {
		l.CompanyID = w.Embedded.Companies[0].ID
	}
	for _, t := range w.Embedded.Tags {
		l.Tags = append(l.Tags, t.Name)
	}
	return l
}

// LeadQuery selects leads. The linked company comes with every lead; amoCRM
// has no with=companies.
type LeadQuery struct {
	UpdatedFrom time.Time // filter[updated_at][from]; zero for all
	// IDs fetches these leads only; keep it to PageLimit or fewer so the URL
	// stays short.
	IDs         []int64
	PipelineIDs []int64
	// OnlyDeleted lists deleted leads that can still be restored
	// (with=only_deleted): amoCRM returns just the ID, the update time and
	// IsDeleted. It is how a sync learns about deletions; leads deleted long
	// ago drop out of it, so a periodic check of known IDs is the backstop.
	OnlyDeleted bool
}

func (q LeadQuery) values() url.Values {
	v := url.Values{}
	setFrom(v, "updated_at", q.UpdatedFrom)
	setIDs(v, "id", q.IDs)
	setIDs(v, "pipeline_id", q.PipelineIDs)
	if q.OnlyDeleted {
		v.Set("with", "only_deleted")
	}
	// Sort by ID so that leads changing during a long walk do not move
	// between pages: with updated_at order an edited lead jumps to the end
	// and shifts the rest, skipping one at a page boundary.
	v.Set("order[id]", "asc")
	return v
}

// Leads calls fn with each page of leads matching q, from page start (1 for
// a fresh walk). A sync upserts each page in one transaction and can resume
// from the page after the last committed one. An error from fn stops the
// walk and is returned as is.
func (c *Client) Leads(ctx context.Context, q LeadQuery, start int, fn func(Page[Lead]) error) error {
	err := list(ctx, c, "/api/v4/leads", "leads", q.values(), start, leadWire.lead, fn)
	if err != nil {
		return fmt.Errorf("list leads: %w", err)
	}
	return nil
}

// Lead fetches one lead; ErrNotFound when it does not exist or was deleted
// (amoCRM answers 204).
func (c *Client) Lead(ctx context.Context, id int64) (Lead, error) {
	res, err := c.get(ctx, "/api/v4/leads/"+strconv.FormatInt(id, 10), nil)
	if err == nil && res.status == http.StatusNoContent {
		err = ErrNotFound
	}
	var w leadWire
	if err == nil {
		err = decode(res, "lead", &w)
	}
	if err != nil {
		return Lead{}, fmt.Errorf("get lead %d: %w", id, err)
	}
	return w.lead(), nil
}

// LeadUpdate changes a lead. Nil fields are not sent, so amoCRM keeps them.
// A move to StatusWon or StatusLost needs PipelineID, since those IDs exist
// in every pipeline.
type LeadUpdate struct {
	ID                int64  `json:"id"`
	StatusID          *int64 `json:"status_id,omitempty"`
	PipelineID        *int64 `json:"pipeline_id,omitempty"`
	ResponsibleUserID *int64 `json:"responsible_user_id,omitempty"`
	Price             *int64 `json:"price,omitempty"`
	// RequestID is echoed in results and errors; left empty, the item's index
	// in the slice given to UpdateLeads is used.
	RequestID string `json:"request_id,omitempty"`
}

// UpdatedLead is amoCRM's acknowledgement of one updated lead.
type UpdatedLead struct {
	ID        int64
	UpdatedAt time.Time
	RequestID string
}

// UpdateLeads sends updates in batches of WriteBatch. A rejected batch is
// rejected whole (a *ValidationError naming items by RequestID); earlier
// batches stay applied and are returned with the error.
func (c *Client) UpdateLeads(ctx context.Context, updates []LeadUpdate) ([]UpdatedLead, error) {
	updates = slices.Clone(updates)
	for i, u := range updates {
		if u.StatusID != nil && (*u.StatusID == StatusWon || *u.StatusID == StatusLost) && u.PipelineID == nil {
			return nil, fmt.Errorf("update leads: lead %d: status %d needs a pipeline ID", u.ID, *u.StatusID)
		}
		if u.RequestID == "" {
			updates[i].RequestID = indexID(i)
		}
	}
	var done []UpdatedLead
	err := chunks(updates, func(off int, part []LeadUpdate) error {
		res, err := c.send(ctx, http.MethodPatch, "/api/v4/leads", part, true)
		if err != nil {
			return fmt.Errorf("update leads %d-%d: %w", off, off+len(part)-1, err)
		}
		items, err := embedded[writeResult](res, "leads")
		if err != nil {
			return fmt.Errorf("update leads %d-%d: %w", off, off+len(part)-1, err)
		}
		for _, it := range items {
			done = append(done, UpdatedLead{ID: it.ID, UpdatedAt: unixTime(it.UpdatedAt), RequestID: string(it.RequestID)})
		}
		return nil
	})
	return done, err
}

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
