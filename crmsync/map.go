package crmsync

import (
	"cmp"
	"slices"
	"time"

	"processet/amocrm"
	"processet/domain"
)

// The one place where amoCRM's wire model becomes the app's domain. What
// the dashboards do not use (tags, groups, loss reasons) stays behind.

func mapUsers(us []amocrm.User) []domain.CRMUser {
	out := make([]domain.CRMUser, len(us))
	for i, u := range us {
		out[i] = domain.CRMUser{ID: u.ID, Name: u.Name, Email: u.Email, Inactive: !u.IsActive}
	}
	return out
}

// mapPipelines orders pipelines and their statuses by amoCRM's sort, the
// order its interface shows them in: domain.Pipeline carries no sort, so
// the position is the order.
func mapPipelines(ps []amocrm.Pipeline) []domain.Pipeline {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b amocrm.Pipeline) int { return cmp.Or(cmp.Compare(a.Sort, b.Sort), cmp.Compare(a.ID, b.ID)) })
	out := make([]domain.Pipeline, len(ps))
	for i, p := range ps {
		sts := slices.Clone(p.Statuses)
		slices.SortStableFunc(sts, func(a, b amocrm.Status) int { return cmp.Compare(a.Sort, b.Sort) })
		out[i] = domain.Pipeline{ID: p.ID, Name: p.Name, Main: p.IsMain, Statuses: make([]domain.PipelineStatus, len(sts))}
		for j, st := range sts {
			out[i].Statuses[j] = domain.PipelineStatus{ID: st.ID, Name: st.Name, Sort: st.Sort, Color: st.Color}
		}
	}
	return out
}

func mapCompanies(cs []amocrm.Company) []domain.Company {
	out := make([]domain.Company, len(cs))
	for i, c := range cs {
		out[i] = domain.Company{ID: c.ID, Name: c.Name}
	}
	return out
}

// mapLeads turns leads into deals. The company comes embedded in every
// lead; the client has already reduced it to its ID. A reopened lead may
// keep the closed_at of its earlier close, but an open deal has no close
// time on the dashboards.
func mapLeads(ls []amocrm.Lead) []domain.Deal {
	out := make([]domain.Deal, len(ls))
	for i, l := range ls {
		d := domain.Deal{
			ID: l.ID, Name: l.Name, Price: l.Price, PipelineID: l.PipelineID, StatusID: l.StatusID,
			ResponsibleID: l.ResponsibleUserID, CompanyID: l.CompanyID,
			CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, ClosedAt: l.ClosedAt,
		}
		if !d.Closed() {
			d.ClosedAt = time.Time{}
		}
		out[i] = d
	}
	return out
}

// mapDeletedLeads keeps what with=only_deleted returns: the ID and, as
// updated_at, the time of deletion.
func mapDeletedLeads(ls []amocrm.Lead) []domain.Deal {
	out := make([]domain.Deal, len(ls))
	for i, l := range ls {
		out[i] = domain.Deal{ID: l.ID, UpdatedAt: l.UpdatedAt}
	}
	return out
}

// mapTasks keeps the lead of tasks attached to one; tasks on contacts and
// companies count on the dashboards without a deal.
func mapTasks(ts []amocrm.Task) []domain.CRMTask {
	out := make([]domain.CRMTask, len(ts))
	for i, t := range ts {
		out[i] = domain.CRMTask{
			ID: t.ID, Text: t.Text, TypeID: t.TaskTypeID, ResponsibleID: t.ResponsibleUserID,
			CompleteTill: t.CompleteTill, Completed: t.IsCompleted, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt,
		}
		if t.EntityType == amocrm.EntityLeads {
			out[i].DealID = t.EntityID
		}
	}
	return out
}
