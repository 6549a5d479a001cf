package amocrmtest

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Page sizes: amoCRM defaults to 50 and returns at most 250. What it does
// with a larger limit is undocumented; the fake clamps.
const (
	defaultLimit = 50
	maxLimit     = 250
)

type href struct {
	Href string `json:"href"`
}

type links map[string]href

// selfLink is the _links of one entity.
func selfLink(r *http.Request, path string) links {
	return links{"self": {Href: baseURL(r) + path}}
}

// baseURL is the account address as the client used it; amoCRM's links are
// absolute.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// listParams are the paging parameters of a list request.
type listParams struct {
	page, limit int
	with        map[string]bool
	query       url.Values
}

func parseList(r *http.Request) listParams {
	q := r.URL.Query()
	p := listParams{page: 1, limit: defaultLimit, with: map[string]bool{}, query: q}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		p.page = n
	}
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n > 0 {
		p.limit = min(n, maxLimit)
	}
	for w := range strings.SplitSeq(q.Get("with"), ",") {
		if w = strings.TrimSpace(w); w != "" {
			p.with[w] = true
		}
	}
	return p
}

// paginate cuts the requested page out of the matches and says whether more
// follow.
func paginate[T any](all []T, p listParams) ([]T, bool) {
	from := (p.page - 1) * p.limit
	if from >= len(all) {
		return nil, false
	}
	to := min(from+p.limit, len(all))
	return all[from:to], to < len(all)
}

// writeList sends a HAL collection page, or 204 with no body when the page
// is empty. Unless the server is honest, "next" is there even on the last
// page, like amoCRM's methods that cannot count.
func (s *Server) writeList(w http.ResponseWriter, r *http.Request, key string, items []any, more bool, p listParams) {
	if len(items) == 0 {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	pageURL := func(n int) href {
		q := url.Values{}
		for k, v := range p.query {
			q[k] = v
		}
		q.Set("page", strconv.Itoa(n))
		q.Set("limit", strconv.Itoa(p.limit))
		return href{Href: baseURL(r) + r.URL.Path + "?" + q.Encode()}
	}
	l := links{"self": pageURL(p.page)}
	if more || !s.opts.honestNext {
		l["next"] = pageURL(p.page + 1)
	}
	if p.page > 1 {
		l["first"] = pageURL(1)
		l["prev"] = pageURL(p.page - 1)
	}
	writeHAL(w, http.StatusOK, map[string]any{
		"_page":     p.page,
		"_links":    l,
		"_embedded": map[string]any{key: items},
	})
}

func writeHAL(w http.ResponseWriter, status int, v any) {
	writeJSON(w, "application/hal+json", status, v)
}

func writeJSON(w http.ResponseWriter, contentType string, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Request-Id", requestID())
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// requestID mimics amoCRM's X-Request-Id: 32 hex digits.
func requestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	const hex = "0123456789abcdef"
	out := make([]byte, 32)
	for i, c := range b {
		out[2*i], out[2*i+1] = hex[c>>4], hex[c&15]
	}
	return string(out)
}

// problem is amoCRM's error body.
type problem struct {
	Title            string       `json:"title"`
	Type             string       `json:"type"`
	Status           int          `json:"status"`
	Detail           string       `json:"detail"`
	ValidationErrors []itemErrors `json:"validation-errors,omitempty"`
}

type itemErrors struct {
	RequestID string     `json:"request_id"`
	Errors    []fieldErr `json:"errors"`
}

type fieldErr struct {
	Code   string `json:"code"`
	Path   string `json:"path"`
	Detail string `json:"detail"`
}

func writeProblem(w http.ResponseWriter, status int, title, detail string) {
	writeJSON(w, "application/problem+json", status, problem{
		Title: title, Type: "https://httpstatus.es/" + strconv.Itoa(status), Status: status, Detail: detail,
	})
}

// writeValidation sends the 400 "validation-errors" envelope.
func writeValidation(w http.ResponseWriter, errs []itemErrors) {
	writeJSON(w, "application/problem+json", http.StatusBadRequest, problem{
		Title: "Bad Request", Type: "https://httpstatus.es/400", Status: http.StatusBadRequest,
		Detail: "Request validation failed", ValidationErrors: errs,
	})
}

// phpKey matches one spelling of a PHP array parameter: name, name[] or
// name[N].
var phpKey = regexp.MustCompile(`^(.*?)(\[\d*\])?$`)

// phpValues collects a filter's values in every spelling PHP accepts:
// filter[id]=1, repeated filter[id]=…, filter[id][]=… and filter[id][0]=….
func phpValues(q url.Values, name string) []string {
	var keys []string
	for k := range q {
		if m := phpKey.FindStringSubmatch(k); m != nil && m[1] == name {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		out = append(out, q[k]...)
	}
	return out
}

// idSet parses a filter of IDs; nil means the filter is absent.
func idSet(q url.Values, name string) map[int64]bool {
	vals := phpValues(q, name)
	if len(vals) == 0 {
		return nil
	}
	set := map[int64]bool{}
	for _, v := range vals {
		for part := range strings.SplitSeq(v, ",") {
			if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil {
				set[id] = true
			}
		}
	}
	return set
}

// timeRange parses filter[name]=ts ("after ts") or filter[name][from|to].
// Bounds are taken as inclusive; amoCRM does not say.
func timeRange(q url.Values, name string) (from, to int64, ok bool) {
	to = 1<<63 - 1
	if v := q.Get(name); v != "" {
		from, _ = strconv.ParseInt(v, 10, 64)
		return from, to, true
	}
	if v := q.Get(name + "[from]"); v != "" {
		from, _ = strconv.ParseInt(v, 10, 64)
		ok = true
	}
	if v := q.Get(name + "[to]"); v != "" {
		to, _ = strconv.ParseInt(v, 10, 64)
		ok = true
	}
	return from, to, ok
}

// order reads order[field]=asc|desc for one of the allowed fields; the
// default is by ID ascending.
func order(q url.Values, allowed ...string) (field string, desc bool) {
	for _, f := range allowed {
		if v := q.Get("order[" + f + "]"); v != "" {
			return f, strings.EqualFold(v, "desc")
		}
	}
	return "id", false
}

// pathID parses the {id} of a single-entity route.
func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil
}

func itoa(n int) string { return strconv.Itoa(n) }
