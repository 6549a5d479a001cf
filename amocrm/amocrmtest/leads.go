package amocrmtest

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// leadJSON is a lead as amoCRM renders it, nulls included.
type leadJSON struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	Price             int64  `json:"price"`
	ResponsibleUserID int64  `json:"responsible_user_id"`
	GroupID           int64  `json:"group_id"`
	StatusID          int64  `json:"status_id"`
	PipelineID        int64  `json:"pipeline_id"`
	LossReasonID      *int64 `json:"loss_reason_id"`
	SourceID          *int64 `json:"source_id"`
	CreatedBy         int64  `json:"created_by"`
	UpdatedBy         int64  `json:"updated_by"`
	CreatedAt         int64  `json:"created_at"`
	UpdatedAt         int64  `json:"updated_at"`
	ClosedAt          *int64 `json:"closed_at"`
	ClosestTaskAt     *int64 `json:"closest_task_at"`
	IsDeleted         bool   `json:"is_deleted"`
	CustomFields      any    `json:"custom_fields_values"`
	Score             *int64 `json:"score"`
	AccountID         int64  `json:"account_id"`
	LaborCost         *int64 `json:"labor_cost"`
	Links             links  `json:"_links"`
	Embedded          struct {
		Tags      []tagJSON `json:"tags"`
		Companies []refJSON `json:"companies"`
	} `json:"_embedded"`
}

type tagJSON struct {
	ID    int64   `json:"id"`
	Name  string  `json:"name"`
	Color *string `json:"color"`
}

type refJSON struct {
	ID    int64 `json:"id"`
	Links links `json:"_links"`
}

// deletedLeadJSON is what with=only_deleted returns: the ID, the time of
// deletion and the flag.
type deletedLeadJSON struct {
	ID        int64 `json:"id"`
	UpdatedAt int64 `json:"updated_at"`
	IsDeleted bool  `json:"is_deleted"`
	AccountID int64 `json:"account_id"`
	Links     links `json:"_links"`
}

func nullable(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}

func nullableTime(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	return nullable(t.Unix())
}

func (s *Server) renderLead(r *http.Request, l *Lead) any {
	self := selfLink(r, "/api/v4/leads/"+strconv.FormatInt(l.ID, 10))
	if l.Deleted {
		return deletedLeadJSON{ID: l.ID, UpdatedAt: l.UpdatedAt.Unix(), IsDeleted: true, AccountID: s.st.account.ID, Links: self}
	}
	j := leadJSON{
		ID: l.ID, Name: l.Name, Price: l.Price, ResponsibleUserID: l.ResponsibleUserID,
		StatusID: l.StatusID, PipelineID: l.PipelineID, LossReasonID: nullable(l.LossReasonID),
		CreatedBy: l.CreatedBy, UpdatedBy: l.UpdatedBy, CreatedAt: l.CreatedAt.Unix(), UpdatedAt: l.UpdatedAt.Unix(),
		ClosedAt: nullableTime(l.ClosedAt), AccountID: s.st.account.ID, Links: self,
	}
	j.ClosestTaskAt = s.closestTask(l.ID)
	j.Embedded.Tags = []tagJSON{}
	for i, t := range l.Tags {
		j.Embedded.Tags = append(j.Embedded.Tags, tagJSON{ID: 100667 + int64(i), Name: t})
	}
	j.Embedded.Companies = []refJSON{}
	if l.CompanyID != 0 {
		j.Embedded.Companies = append(j.Embedded.Companies, refJSON{
			ID: l.CompanyID, Links: selfLink(r, "/api/v4/companies/"+strconv.FormatInt(l.CompanyID, 10)),
		})
	}
	return j
}

// closestTask is the due time of the lead's earliest open task. It scans
// all tasks, which is fine at test sizes.
func (s *Server) closestTask(leadID int64) *int64 {
	var best time.Time
	for _, t := range s.st.tasks {
		if !t.Completed && t.EntityType == "leads" && t.EntityID == leadID && (best.IsZero() || t.CompleteTill.Before(best)) {
			best = t.CompleteTill
		}
	}
	return nullableTime(best)
}

// handleLeads serves GET /api/v4/leads with filter[id], filter[updated_at],
// filter[created_at], filter[pipeline_id], filter[responsible_user_id],
// filter[statuses], order and with=only_deleted.
func (s *Server) handleLeads(w http.ResponseWriter, r *http.Request) {
	p := parseList(r)
	q := p.query
	ids := idSet(q, "filter[id]")
	pipelines := idSet(q, "filter[pipeline_id]")
	responsible := idSet(q, "filter[responsible_user_id]")
	updFrom, updTo, byUpd := timeRange(q, "filter[updated_at]")
	crFrom, crTo, byCr := timeRange(q, "filter[created_at]")
	statuses := statusFilter(q)
	deleted := p.with["only_deleted"]

	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*Lead
	for _, l := range s.st.leads {
		switch {
		case l.Deleted != deleted,
			ids != nil && !ids[l.ID],
			pipelines != nil && !pipelines[l.PipelineID],
			responsible != nil && !responsible[l.ResponsibleUserID],
			byUpd && (l.UpdatedAt.Unix() < updFrom || l.UpdatedAt.Unix() > updTo),
			byCr && (l.CreatedAt.Unix() < crFrom || l.CreatedAt.Unix() > crTo),
			statuses != nil && !statuses[[2]int64{l.PipelineID, l.StatusID}]:
			continue
		}
		match = append(match, l)
	}
	field, desc := order(q, "id", "updated_at", "created_at")
	if field != "id" || desc {
		match = slices.Clone(match)
		slices.SortStableFunc(match, func(a, b *Lead) int {
			c := cmp.Compare(a.ID, b.ID)
			switch field {
			case "updated_at":
				c = cmp.Or(a.UpdatedAt.Compare(b.UpdatedAt), c)
			case "created_at":
				c = cmp.Or(a.CreatedAt.Compare(b.CreatedAt), c)
			}
			if desc {
				return -c
			}
			return c
		})
	}
	page, more := paginate(match, p)
	items := make([]any, len(page))
	for i, l := range page {
		items[i] = s.renderLead(r, l)
	}
	s.writeList(w, r, "leads", items, more, p)
}

// statusFilter parses filter[statuses][i][status_id|pipeline_id] into
// (pipeline, status) pairs; nil when absent.
func statusFilter(q map[string][]string) map[[2]int64]bool {
	var set map[[2]int64]bool
	for i := 0; ; i++ {
		prefix := "filter[statuses][" + strconv.Itoa(i) + "]"
		st, errS := strconv.ParseInt(first(q[prefix+"[status_id]"]), 10, 64)
		pl, errP := strconv.ParseInt(first(q[prefix+"[pipeline_id]"]), 10, 64)
		if errS != nil || errP != nil {
			return set
		}
		if set == nil {
			set = map[[2]int64]bool{}
		}
		set[[2]int64{pl, st}] = true
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// handleLead serves GET /api/v4/leads/{id}: 204, not 404, when the lead
// does not exist or was deleted.
func (s *Server) handleLead(w http.ResponseWriter, r *http.Request) {
	id, _ := pathID(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.st.lead(id)
	if l == nil || l.Deleted {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeHAL(w, http.StatusOK, s.renderLead(r, l))
}
