package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// request is one decoded Bot API call. Telegram accepts the same parameters
// as a JSON body, a multipart form or a query string, and so does the fake:
// telebot uses JSON for most methods and multipart for uploads.
type request struct {
	method string // spec spelling, e.g. "sendMessage"
	params map[string]value
	files  map[string]*upload
}

// value is one non-file parameter. telebot sends most values as JSON strings
// ("123", "true", `{"inline_keyboard":…}`) and some as native JSON, so a
// value remembers which it was.
type value struct {
	text   string // the string, or the raw JSON when native
	native bool   // a JSON number, bool, object or array from a JSON body
}

// upload is one file part of a multipart request.
type upload struct {
	field    string
	filename string
	mime     string
	data     []byte
}

// parseRequest decodes the body of a Bot API call.
func parseRequest(r *http.Request, method string) (*request, error) {
	req := &request{method: method, params: map[string]value{}, files: map[string]*upload{}}
	for k, vs := range r.URL.Query() {
		req.params[k] = value{text: vs[len(vs)-1]}
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		return req, req.parseJSON(r.Body)
	case "multipart/form-data":
		return req, req.parseMultipart(r)
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("parse form: %w", err)
		}
		for k, vs := range r.PostForm {
			req.params[k] = value{text: vs[len(vs)-1]}
		}
	}
	return req, nil
}

// parseJSON reads a JSON object body; telebot sends "null" for methods
// without parameters (getMe), which Telegram treats as no parameters.
func (req *request) parseJSON(body io.Reader) error {
	data, err := io.ReadAll(body)
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return fmt.Errorf("body is not a JSON object: %w", err)
	}
	for k, raw := range obj {
		var s string
		switch {
		case string(raw) == "null":
			// Absent, as far as Telegram is concerned.
		case json.Unmarshal(raw, &s) == nil:
			req.params[k] = value{text: s}
		default:
			req.params[k] = value{text: string(raw), native: true}
		}
	}
	return nil
}

// parseMultipart walks the parts itself: telebot uploads FromReader files
// with filename="", which Request.ParseMultipartForm would mistake for a
// plain field, so a part is a file when its Content-Disposition carries a
// filename parameter at all, or when it declares a Content-Type.
func (req *request) parseMultipart(r *http.Request) error {
	mr, err := r.MultipartReader()
	if err != nil {
		return fmt.Errorf("read multipart: %w", err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read multipart part: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("read multipart part %q: %w", part.FormName(), err)
		}
		_, dp, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		filename, isFile := dp["filename"]
		partType := part.Header.Get("Content-Type")
		if isFile || partType != "" {
			req.files[part.FormName()] = &upload{field: part.FormName(), filename: filename, mime: partType, data: data}
			continue
		}
		req.params[part.FormName()] = value{text: string(data)}
	}
}

// has reports whether the parameter was sent at all, as a value or a file.
func (req *request) has(name string) bool {
	_, ok := req.params[name]
	_, isFile := req.files[name]
	return ok || isFile
}

// str returns a parameter as text ("" when absent).
func (req *request) str(name string) string {
	return req.params[name].text
}

// int returns a parameter as an integer; validation has already checked it.
func (req *request) int(name string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(req.params[name].text), 10, 64)
	return n
}

// bool returns a parameter as a boolean; validation has already checked it.
func (req *request) bool(name string) bool {
	b, _ := strconv.ParseBool(req.params[name].text)
	return b
}

// decode parses a JSON-typed parameter, whether it came native or as a string.
func (req *request) decode(name string, into any) error {
	return json.Unmarshal([]byte(req.params[name].text), into)
}

// flat returns the parameters as strings for Call records, file parts as
// "<file name, N bytes>".
func (req *request) flat() map[string]string {
	out := make(map[string]string, len(req.params)+len(req.files))
	for k, v := range req.params {
		out[k] = v.text
	}
	for k, f := range req.files {
		out[k] = fmt.Sprintf("<file %q, %d bytes>", f.filename, len(f.data))
	}
	return out
}

// names lists every parameter name, sorted so reports are stable.
func (req *request) names() []string {
	var out []string
	for k := range req.params {
		out = append(out, k)
	}
	for k := range req.files {
		if _, dup := req.params[k]; !dup {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
