package amocrmtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Validation codes. NotSupportedChoice and InvalidType are amoCRM's own;
// the codes for blank and negative values are not documented and follow
// the same style.
const (
	codeChoice   = "NotSupportedChoice"
	codeType     = "InvalidType"
	codeBlank    = "NotBlank"
	codeNegative = "GreaterThanOrEqual"

	detailChoice   = "The value you selected is not a valid choice."
	detailInt      = "This value should be of type int."
	detailString   = "This value should be of type string."
	detailBool     = "This value should be of type bool."
	detailBlank    = "This value should not be blank."
	detailNegative = "This value should be greater than or equal to 0."
)

// item is one entity of a write body, kept raw so types can be checked the
// way amoCRM checks them.
type item map[string]json.RawMessage

// decodeItems reads a write body: an array for batch routes, an object for
// single-entity ones.
func decodeItems(r *http.Request, single bool) ([]item, error) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil {
		return nil, err
	}
	if single {
		var it item
		if err := json.Unmarshal(b, &it); err != nil || it == nil {
			return nil, errors.New("body is not an object")
		}
		return []item{it}, nil
	}
	var items []item
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, err
	}
	return items, nil
}

// requestIDOf is the item's request_id, or its index as amoCRM does when
// the client sent none.
func requestIDOf(it item, i int) string {
	var s string
	if raw, ok := it["request_id"]; ok && json.Unmarshal(raw, &s) == nil && s != "" {
		return s
	}
	return strconv.Itoa(i)
}

// checker collects the field errors of one item.
type checker struct {
	it   item
	errs []fieldErr
}

func (c *checker) add(code, path, detail string) {
	c.errs = append(c.errs, fieldErr{Code: code, Path: path, Detail: detail})
}

// int reads an integer field; a present value of another type (a string,
// a fraction, null) is an InvalidType error.
func (c *checker) int(key string) (int64, bool) {
	raw, ok := c.it[key]
	if !ok {
		return 0, false
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if d.Decode(&v) == nil {
		if n, isNum := v.(json.Number); isNum {
			if i, err := n.Int64(); err == nil {
				return i, true
			}
		}
	}
	c.add(codeType, key, detailInt)
	return 0, false
}

func (c *checker) str(key string) (string, bool) {
	raw, ok := c.it[key]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		c.add(codeType, key, detailString)
		return "", false
	}
	return s, true
}

func (c *checker) bool(key string) (bool, bool) {
	raw, ok := c.it[key]
	if !ok {
		return false, false
	}
	var b bool
	if json.Unmarshal(raw, &b) != nil {
		c.add(codeType, key, detailBool)
		return false, false
	}
	return b, true
}

// leadChange is a validated PATCH item.
type leadChange struct {
	lead                                                  *Lead
	name                                                  *string
	price, pipeline, status, responsible, updatedBy, loss *int64
	closedAt                                              *int64
}

func ptr[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

// checkLead validates one PATCH item against the account: the lead exists,
// the status belongs to the target pipeline, 142/143 come with a
// pipeline_id, the user exists, numbers are non-negative integers.
func (s *Server) checkLead(c *checker) leadChange {
	st := s.st
	var ch leadChange
	if id, ok := c.int("id"); !ok {
		if _, present := c.it["id"]; !present {
			c.add(codeBlank, "id", detailBlank)
		}
	} else if ch.lead = st.lead(id); ch.lead == nil || ch.lead.Deleted {
		ch.lead = nil
		c.add(codeChoice, "id", detailChoice)
	}
	ch.name = ptr(c.str("name"))
	if ch.price = ptr(c.int("price")); ch.price != nil && *ch.price < 0 {
		c.add(codeNegative, "price", detailNegative)
	}
	ch.pipeline = ptr(c.int("pipeline_id"))
	ch.status = ptr(c.int("status_id"))
	ch.responsible = ptr(c.int("responsible_user_id"))
	ch.updatedBy = ptr(c.int("updated_by"))
	ch.loss = ptr(c.int("loss_reason_id"))
	ch.closedAt = ptr(c.int("closed_at"))

	var target *Pipeline
	if ch.pipeline != nil {
		if target = st.pipeline(*ch.pipeline); target == nil {
			c.add(codeChoice, "pipeline_id", detailChoice)
		}
	} else if ch.lead != nil {
		target = st.pipeline(ch.lead.PipelineID)
	}
	if ch.status != nil {
		if (*ch.status == 142 || *ch.status == 143) && ch.pipeline == nil {
			c.add(codeBlank, "pipeline_id", detailBlank)
		} else if target != nil && !target.hasStatus(*ch.status) {
			c.add(codeChoice, "status_id", detailChoice)
		}
	}
	if ch.responsible != nil && st.user(*ch.responsible) == nil {
		c.add(codeChoice, "responsible_user_id", detailChoice)
	}
	return ch
}

// apply writes a validated change, stamping updated_at and updated_by (the
// token's user unless the client sent updated_by, 0 meaning a robot).
func (s *Server) apply(ch leadChange, user int64, now time.Time) {
	l := ch.lead
	wasClosed := l.StatusID == 142 || l.StatusID == 143
	if ch.name != nil {
		l.Name = *ch.name
	}
	if ch.price != nil {
		l.Price = *ch.price
	}
	if ch.responsible != nil {
		l.ResponsibleUserID = *ch.responsible
	}
	if ch.pipeline != nil && *ch.pipeline != l.PipelineID {
		l.PipelineID = *ch.pipeline
		if ch.status == nil {
			l.StatusID = s.st.pipeline(l.PipelineID).firstOpen()
		}
	}
	if ch.status != nil {
		l.StatusID = *ch.status
	}
	if ch.loss != nil {
		l.LossReasonID = *ch.loss
	}
	closed := l.StatusID == 142 || l.StatusID == 143
	switch {
	case ch.closedAt != nil:
		l.ClosedAt = time.Unix(*ch.closedAt, 0)
	case closed && !wasClosed:
		l.ClosedAt = now
	case !closed:
		l.ClosedAt = time.Time{}
	}
	l.UpdatedBy = user
	if ch.updatedBy != nil {
		l.UpdatedBy = *ch.updatedBy
	}
	l.UpdatedAt = now
}

// handlePatchLeads serves PATCH /api/v4/leads (an array) and
// PATCH /api/v4/leads/{id} (an object). One bad item rejects the request
// whole, with a validation-errors entry per bad item.
func (s *Server) handlePatchLeads(w http.ResponseWriter, r *http.Request) {
	single := r.PathValue("id") != ""
	items, err := decodeItems(r, single)
	if err != nil {
		writeProblem(w, http.StatusBadRequest, "Bad Request", "Request body is not valid JSON of the expected shape")
		return
	}
	if single {
		items[0]["id"] = json.RawMessage(r.PathValue("id"))
	}
	if len(items) == 0 || len(items) > maxLimit {
		writeProblem(w, http.StatusBadRequest, "Bad Request", "Pass from 1 to 250 entities")
		return
	}
	user, _ := s.userFor(bearer(r))
	s.mu.Lock()
	defer s.mu.Unlock()
	changes := make([]leadChange, len(items))
	var errs []itemErrors
	for i, it := range items {
		c := &checker{it: it}
		changes[i] = s.checkLead(c)
		if len(c.errs) > 0 {
			errs = append(errs, itemErrors{RequestID: requestIDOf(it, i), Errors: c.errs})
		}
	}
	if len(errs) > 0 {
		writeValidation(w, errs)
		return
	}
	now := s.now()
	out := make([]map[string]any, len(items))
	for i, ch := range changes {
		s.apply(ch, user, now)
		out[i] = map[string]any{
			"id": ch.lead.ID, "updated_at": ch.lead.UpdatedAt.Unix(), "request_id": requestIDOf(items[i], i),
			"_links": selfLink(r, "/api/v4/leads/"+strconv.FormatInt(ch.lead.ID, 10)),
		}
	}
	if single {
		writeHAL(w, http.StatusOK, out[0])
		return
	}
	writeHAL(w, http.StatusOK, map[string]any{
		"_links":    selfLink(r, "/api/v4/leads"),
		"_embedded": map[string]any{"leads": out},
	})
}
