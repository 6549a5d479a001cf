package amocrmtest

import (
	"net/http"
	"strconv"
)

// handleAccount serves GET /api/v4/account with the "with" parts a client
// may ask for: task_types, datetime_settings, users_groups, amojo_id, uuid,
// version.
func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) {
	p := parseList(r)
	user, _ := s.userFor(bearer(r))
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.account
	out := map[string]any{
		"id": a.ID, "name": a.Name, "subdomain": a.Subdomain,
		"created_at": a.CreatedAt.Unix(), "created_by": 0, "updated_at": a.CreatedAt.Unix(), "updated_by": 0,
		"current_user_id": user, "country": a.Country, "currency": a.Currency, "currency_symbol": a.CurrencySymbol,
		"customers_mode": "disabled", "is_unsorted_on": true, "mobile_feature_version": 0,
		"is_loss_reason_enabled": true, "is_helpbot_enabled": false, "is_technical_account": false,
		"contact_name_display_order": 1, "_links": selfLink(r, "/api/v4/account"),
	}
	if p.with["amojo_id"] {
		out["amojo_id"] = "f3c6340d-410e-4ad1-9f7e-c5e663599909"
	}
	if p.with["uuid"] {
		out["uuid"] = "824f3a59-6154-4edf-ba90-0b5593715d07"
	}
	if p.with["version"] {
		out["version"] = 11
	}
	emb := map[string]any{}
	if p.with["task_types"] {
		types := make([]map[string]any, len(s.st.taskTypes))
		for i, t := range s.st.taskTypes {
			types[i] = map[string]any{"id": t.ID, "name": t.Name, "color": nil, "icon_id": nil, "code": nilIfEmpty(t.Code)}
		}
		emb["task_types"] = types
	}
	if p.with["users_groups"] {
		emb["users_groups"] = []map[string]any{{"id": 0, "name": "Отдел продаж", "uuid": nil}}
	}
	if p.with["datetime_settings"] {
		emb["datetime_settings"] = map[string]any{
			"date_pattern": "d.m.Y H:i", "short_date_pattern": "d.m.Y", "short_time_pattern": "H:i",
			"date_format": "d.m.Y", "time_format": "H:i:s", "timezone": a.Timezone, "timezone_offset": "+03:00",
		}
	}
	if len(emb) > 0 {
		out["_embedded"] = emb
	}
	writeHAL(w, http.StatusOK, out)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// handleUsers serves GET /api/v4/users, an admin-only method: other tokens
// get 403 problem+json (unlike the account block's HTML 403).
func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	p := parseList(r)
	me, _ := s.userFor(bearer(r))
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.st.user(me); u == nil || !u.Admin {
		writeProblem(w, http.StatusForbidden, "Forbidden", "Не хватает прав для вызова данного метода")
		return
	}
	page, _ := paginate(s.st.users, p)
	if len(page) == 0 {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	items := make([]any, len(page))
	for i, u := range page {
		full := map[string]string{"view": "A", "edit": "A", "add": "A", "delete": "A", "export": "A"}
		items[i] = map[string]any{
			"id": u.ID, "name": u.Name, "email": u.Email, "lang": "ru",
			"rights": map[string]any{
				"leads": full, "contacts": full, "companies": full,
				"tasks":       map[string]string{"edit": "A", "delete": "A"},
				"mail_access": false, "catalog_access": false, "status_rights": nil,
				"is_admin": u.Admin, "is_free": false, "is_active": !u.Inactive, "group_id": nil, "role_id": nil,
			},
			"_links":    selfLink(r, "/api/v4/users/"+strconv.FormatInt(u.ID, 10)),
			"_embedded": map[string]any{"roles": []any{}, "groups": []any{}},
		}
	}
	pages := (len(s.st.users) + p.limit - 1) / p.limit
	writeHAL(w, http.StatusOK, map[string]any{
		"_total_items": len(s.st.users), "_page": p.page, "_page_count": pages,
		"_links":    links{"self": {Href: baseURL(r) + "/api/v4/users/?" + r.URL.RawQuery}},
		"_embedded": map[string]any{"users": items},
	})
}

// handlePipelines serves GET /api/v4/leads/pipelines, not paginated, with
// 142 and 143 in every pipeline carrying their own pipeline_id.
func (s *Server) handlePipelines(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct := s.st.account.ID
	out := make([]map[string]any, len(s.st.pipelines))
	for i, p := range s.st.pipelines {
		pid := strconv.FormatInt(p.ID, 10)
		statuses := make([]map[string]any, len(p.Statuses))
		for j, st := range p.Statuses {
			typ, sort := 0, (j+1)*10
			if st.Unsorted {
				typ = 1
			}
			switch st.ID {
			case 142:
				sort = 10000
			case 143:
				sort = 11000
			}
			statuses[j] = map[string]any{
				"id": st.ID, "name": st.Name, "sort": sort, "is_editable": !st.Unsorted && st.ID != 142 && st.ID != 143,
				"pipeline_id": p.ID, "color": st.Color, "type": typ, "account_id": acct,
				"_links": selfLink(r, "/api/v4/leads/pipelines/"+pid+"/statuses/"+strconv.FormatInt(st.ID, 10)),
			}
		}
		out[i] = map[string]any{
			"id": p.ID, "name": p.Name, "sort": i + 1, "is_main": p.Main, "is_unsorted_on": true,
			"is_archive": p.Archive, "account_id": acct, "_links": selfLink(r, "/api/v4/leads/pipelines/"+pid),
			"_embedded": map[string]any{"statuses": statuses},
		}
	}
	writeHAL(w, http.StatusOK, map[string]any{
		"_total_items": len(out),
		"_links":       selfLink(r, "/api/v4/leads/pipelines"),
		"_embedded":    map[string]any{"pipelines": out},
	})
}

func (s *Server) renderCompany(r *http.Request, c *Company) map[string]any {
	return map[string]any{
		"id": c.ID, "name": c.Name, "responsible_user_id": c.ResponsibleUserID, "group_id": 0,
		"created_by": c.ResponsibleUserID, "updated_by": c.ResponsibleUserID,
		"created_at": c.CreatedAt.Unix(), "updated_at": c.UpdatedAt.Unix(), "closest_task_at": nil,
		"custom_fields_values": nil, "account_id": s.st.account.ID,
		"_links":    selfLink(r, "/api/v4/companies/"+strconv.FormatInt(c.ID, 10)),
		"_embedded": map[string]any{"tags": []any{}},
	}
}

// handleCompanies serves GET /api/v4/companies with filter[id] and
// filter[updated_at], in ID order.
func (s *Server) handleCompanies(w http.ResponseWriter, r *http.Request) {
	p := parseList(r)
	ids := idSet(p.query, "filter[id]")
	from, to, byUpd := timeRange(p.query, "filter[updated_at]")
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*Company
	for _, c := range s.st.companies {
		if ids != nil && !ids[c.ID] || byUpd && (c.UpdatedAt.Unix() < from || c.UpdatedAt.Unix() > to) {
			continue
		}
		match = append(match, c)
	}
	page, more := paginate(match, p)
	items := make([]any, len(page))
	for i, c := range page {
		items[i] = s.renderCompany(r, c)
	}
	s.writeList(w, r, "companies", items, more, p)
}

// handleCompany serves GET /api/v4/companies/{id}, 204 when missing.
func (s *Server) handleCompany(w http.ResponseWriter, r *http.Request) {
	id, _ := pathID(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.company(id)
	if c == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeHAL(w, http.StatusOK, s.renderCompany(r, c))
}
