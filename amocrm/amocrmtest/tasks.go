package amocrmtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// taskJSON is a task as amoCRM renders it. "result" is left out when there
// is none, as in the official list example.
type taskJSON struct {
	ID                int64  `json:"id"`
	CreatedBy         int64  `json:"created_by"`
	UpdatedBy         int64  `json:"updated_by"`
	CreatedAt         int64  `json:"created_at"`
	UpdatedAt         int64  `json:"updated_at"`
	ResponsibleUserID int64  `json:"responsible_user_id"`
	GroupID           int64  `json:"group_id"`
	EntityID          *int64 `json:"entity_id"`
	EntityType        string `json:"entity_type,omitempty"`
	Duration          int64  `json:"duration"`
	IsCompleted       bool   `json:"is_completed"`
	TaskTypeID        int64  `json:"task_type_id"`
	Text              string `json:"text"`
	Result            *struct {
		Text string `json:"text"`
	} `json:"result,omitempty"`
	CompleteTill int64 `json:"complete_till"`
	AccountID    int64 `json:"account_id"`
	Links        links `json:"_links"`
}

func (s *Server) renderTask(r *http.Request, t *Task) taskJSON {
	j := taskJSON{
		ID: t.ID, CreatedBy: t.CreatedBy, UpdatedBy: t.UpdatedBy, CreatedAt: t.CreatedAt.Unix(),
		UpdatedAt: t.UpdatedAt.Unix(), ResponsibleUserID: t.ResponsibleUserID, EntityID: nullable(t.EntityID),
		EntityType: t.EntityType, Duration: int64(t.Duration / time.Second), IsCompleted: t.Completed,
		TaskTypeID: t.TypeID, Text: t.Text, CompleteTill: t.CompleteTill.Unix(), AccountID: s.st.account.ID,
		Links: selfLink(r, "/api/v4/tasks/"+strconv.FormatInt(t.ID, 10)),
	}
	if t.Result != "" {
		j.Result = &struct {
			Text string `json:"text"`
		}{t.Result}
	}
	return j
}

// handleTasks serves GET /api/v4/tasks with the documented filters: id,
// responsible_user_id, is_completed, task_type, entity_type with entity_id,
// updated_at.
func (s *Server) handleTasks(w http.ResponseWriter, r *http.Request) {
	p := parseList(r)
	q := p.query
	ids := idSet(q, "filter[id]")
	responsible := idSet(q, "filter[responsible_user_id]")
	types := idSet(q, "filter[task_type]")
	entities := idSet(q, "filter[entity_id]")
	entityType := q.Get("filter[entity_type]")
	completed := phpValues(q, "filter[is_completed]")
	from, to, byUpd := timeRange(q, "filter[updated_at]")

	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*Task
	for _, t := range s.st.tasks {
		switch {
		case ids != nil && !ids[t.ID],
			responsible != nil && !responsible[t.ResponsibleUserID],
			types != nil && !types[t.TypeID],
			entityType != "" && t.EntityType != entityType,
			entityType != "" && entities != nil && !entities[t.EntityID],
			len(completed) > 0 && (completed[0] == "1") != t.Completed,
			byUpd && (t.UpdatedAt.Unix() < from || t.UpdatedAt.Unix() > to):
			continue
		}
		match = append(match, t)
	}
	page, more := paginate(match, p)
	items := make([]any, len(page))
	for i, t := range page {
		items[i] = s.renderTask(r, t)
	}
	s.writeList(w, r, "tasks", items, more, p)
}

// handleTask serves GET /api/v4/tasks/{id}, 204 when missing.
func (s *Server) handleTask(w http.ResponseWriter, r *http.Request) {
	id, _ := pathID(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.st.task(id)
	if t == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeHAL(w, http.StatusOK, s.renderTask(r, t))
}

var entityTypes = map[string]bool{"leads": true, "contacts": true, "companies": true, "customers": true}

// checkTask validates one POST item: text and complete_till are required,
// type, user and linked lead must exist.
func (s *Server) checkTask(c *checker, user int64, now time.Time) Task {
	st := s.st
	t := Task{ResponsibleUserID: user, TypeID: 1, CreatedBy: user, UpdatedBy: user, CreatedAt: now, UpdatedAt: now}
	if text, ok := c.str("text"); ok && text != "" {
		t.Text = text
	} else if _, present := c.it["text"]; !present || ok {
		c.add(codeBlank, "text", detailBlank)
	}
	if till, ok := c.int("complete_till"); ok {
		t.CompleteTill = time.Unix(till, 0)
	} else if _, present := c.it["complete_till"]; !present {
		c.add(codeBlank, "complete_till", detailBlank)
	}
	if typ, ok := c.int("task_type_id"); ok {
		if t.TypeID = typ; !st.taskType(typ) {
			c.add(codeChoice, "task_type_id", detailChoice)
		}
	}
	if u, ok := c.int("responsible_user_id"); ok {
		if t.ResponsibleUserID = u; st.user(u) == nil {
			c.add(codeChoice, "responsible_user_id", detailChoice)
		}
	}
	if et, ok := c.str("entity_type"); ok {
		if t.EntityType = et; !entityTypes[et] {
			c.add(codeChoice, "entity_type", detailChoice)
		}
	}
	if id, ok := c.int("entity_id"); ok {
		t.EntityID = id
		switch l := st.lead(id); {
		case t.EntityType == "":
			c.add(codeBlank, "entity_type", detailBlank)
		case t.EntityType == "leads" && (l == nil || l.Deleted):
			c.add(codeChoice, "entity_id", detailChoice)
		}
	}
	if d, ok := c.int("duration"); ok {
		if t.Duration = time.Duration(d) * time.Second; d < 0 {
			c.add(codeNegative, "duration", detailNegative)
		}
	}
	if done, ok := c.bool("is_completed"); ok {
		t.Completed = done
	}
	if raw, ok := c.it["result"]; ok {
		var res struct {
			Text string `json:"text"`
		}
		_ = json.Unmarshal(raw, &res)
		t.Result = res.Text
	}
	return t
}

// handleCreateTasks serves POST /api/v4/tasks: an array, rejected whole if
// any item is invalid, answered with the new IDs and echoed request_ids.
func (s *Server) handleCreateTasks(w http.ResponseWriter, r *http.Request) {
	items, err := decodeItems(r, false)
	if err != nil {
		writeProblem(w, http.StatusBadRequest, "Bad Request", "Request body is not a JSON array")
		return
	}
	if len(items) == 0 || len(items) > maxLimit {
		writeProblem(w, http.StatusBadRequest, "Bad Request", "Pass from 1 to 250 entities")
		return
	}
	user, _ := s.userFor(bearer(r))
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	tasks := make([]Task, len(items))
	var errs []itemErrors
	for i, it := range items {
		c := &checker{it: it}
		tasks[i] = s.checkTask(c, user, now)
		if len(c.errs) > 0 {
			errs = append(errs, itemErrors{RequestID: requestIDOf(it, i), Errors: c.errs})
		}
	}
	if len(errs) > 0 {
		writeValidation(w, errs)
		return
	}
	out := make([]map[string]any, len(tasks))
	for i, t := range tasks {
		t.ID = s.st.id()
		s.st.tasks = upsert(s.st.tasks, &t, taskID)
		out[i] = map[string]any{
			"id": t.ID, "request_id": requestIDOf(items[i], i),
			"_links": selfLink(r, "/api/v4/tasks/"+strconv.FormatInt(t.ID, 10)),
		}
	}
	writeHAL(w, http.StatusOK, map[string]any{
		"_links":    selfLink(r, "/api/v4/tasks"),
		"_embedded": map[string]any{"tasks": out},
	})
}
