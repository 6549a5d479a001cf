package telegramtest

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// problem is one way a request breaks the Bot API. desc is what Telegram
// answers after "Bad Request: "; reason is what the failing test reads.
type problem struct {
	param  string
	desc   string
	reason string
}

func (p problem) String() string {
	if p.param == "" {
		return p.reason
	}
	return fmt.Sprintf("parameter %q: %s", p.param, p.reason)
}

// attachRef finds attach://<name> references to multipart file parts.
var attachRef = regexp.MustCompile(`attach://([^"\s\\]+)`)

// validate checks a request's parameters against the spec: presence,
// unknown names and types, down to the fields of nested objects.
func validate(sp *spec, m *specMethod, req *request) []problem {
	var out []problem
	for _, f := range m.Fields {
		if !f.Required {
			continue
		}
		if !req.has(f.Name) || (!req.params[f.Name].native && req.files[f.Name] == nil && req.str(f.Name) == "") {
			out = append(out, problem{f.Name, emptyDesc(f.Name), "required parameter is missing or empty"})
		}
	}
	attached := map[string]bool{}
	for _, v := range req.params {
		for _, m := range attachRef.FindAllStringSubmatch(v.text, -1) {
			attached[m[1]] = true
		}
	}
	for _, name := range req.names() {
		f, ok := m.field(name)
		switch {
		case ok:
			if reason := checkParam(sp, f, req); reason != "" {
				out = append(out, problem{name, fmt.Sprintf("can't parse %s parameter", name), reason})
			}
		case attached[name] && req.files[name] != nil:
			// A file part named by attach:// inside another parameter.
		case allowedExtra(m.Name, name):
		case name == "spoiler":
			out = append(out, problem{name, "unknown parameter spoiler", `unknown parameter (telebot's HasSpoiler sends "spoiler", the API reads "has_spoiler", so Telegram would ignore it)`})
		default:
			out = append(out, problem{name, "unknown parameter " + name, "unknown parameter (Telegram would silently ignore it)"})
		}
	}
	return out
}

// emptyDesc mimics Telegram's wording for a missing parameter.
func emptyDesc(name string) string {
	if name == "text" {
		return "message text is empty"
	}
	return name + " is empty"
}

// checkParam checks one top-level parameter against the field's types and
// returns why it matches none of them.
func checkParam(sp *spec, f specField, req *request) string {
	if up, ok := req.files[f.Name]; ok {
		for _, t := range f.Types {
			if t == "InputFile" {
				return ""
			}
		}
		return fmt.Sprintf("file %q uploaded but the parameter is %s", up.filename, strings.Join(f.Types, " or "))
	}
	v := req.params[f.Name]
	if !v.native && v.text == "" && !f.Required {
		return "" // telebot sends empty optional strings (caption, file_name); Telegram reads them as absent
	}
	var best []string
	for _, t := range f.Types {
		errs := checkTop(sp, t, f.Name, v)
		if len(errs) == 0 {
			return ""
		}
		if best == nil || len(errs) < len(best) {
			best = errs
		}
	}
	return strings.Join(best, "; ")
}

// checkTop checks a top-level value: scalars may arrive as strings, objects
// and arrays as JSON text or native JSON.
func checkTop(sp *spec, typ, name string, v value) []string {
	switch typ {
	case "Integer", "Float", "Boolean":
		var x any = v.text
		if v.native {
			if err := json.Unmarshal([]byte(v.text), &x); err != nil {
				return []string{err.Error()}
			}
		}
		return checkValue(sp, typ, x, name)
	case "String":
		if v.native && (strings.HasPrefix(v.text, "{") || strings.HasPrefix(v.text, "[")) {
			return []string{fmt.Sprintf("%s must be a String, got JSON %s", name, v.text)}
		}
		return nil
	case "InputFile":
		return []string{fmt.Sprintf("%s must be an uploaded file", name)}
	}
	var x any
	if err := json.Unmarshal([]byte(v.text), &x); err != nil {
		return []string{fmt.Sprintf("%s must be JSON-serialized %s: %v", name, typ, err)}
	}
	if x == nil {
		return nil // telebot sends allowed_updates "null" for "all"; Telegram reads it as absent
	}
	if m, ok := x.(map[string]any); ok && len(m) == 0 && name == "reply_markup" {
		return nil // telebot sends {} for an empty ReplyMarkup; Telegram reads it as no markup
	}
	return checkValue(sp, typ, x, name)
}

// checkValue checks a decoded JSON value against a spec type. Like
// Telegram, it accepts numbers and booleans spelled as strings; a String
// must be a JSON string.
func checkValue(sp *spec, typ string, x any, path string) []string {
	if elem, ok := strings.CutPrefix(typ, "Array of "); ok {
		arr, ok := x.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s must be an Array of %s", path, elem)}
		}
		var errs []string
		for i, e := range arr {
			errs = append(errs, checkValue(sp, elem, e, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return errs
	}
	bad := []string{fmt.Sprintf("%s must be %s, got %s", path, typ, short(x))}
	switch typ {
	case "Integer":
		switch n := x.(type) {
		case float64:
			if n == math.Trunc(n) {
				return nil
			}
		case string:
			if _, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
				return nil
			}
		}
		return bad
	case "Float":
		switch n := x.(type) {
		case float64:
			return nil
		case string:
			if _, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil {
				return nil
			}
		}
		return bad
	case "Boolean":
		switch b := x.(type) {
		case bool:
			return nil
		case string:
			if _, err := strconv.ParseBool(b); err == nil {
				return nil
			}
		}
		return bad
	case "String", "InputFile":
		if _, ok := x.(string); ok {
			return nil
		}
		return bad
	}
	return checkObject(sp, typ, x, path)
}

// checkObject checks a JSON object against a named type, resolving unions
// (InputMedia, BotCommandScope, …) by their "type" field.
func checkObject(sp *spec, typ string, x any, path string) []string {
	t, ok := sp.Types[typ]
	if !ok {
		return nil // a type the description does not spell out
	}
	obj, ok := x.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("%s must be a JSON object (%s), got %s", path, typ, short(x))}
	}
	if len(t.Subtypes) > 0 {
		kinds := sp.variants[typ]
		if kinds == nil {
			return nil
		}
		kind, _ := obj["type"].(string)
		sub, ok := kinds[kind]
		if !ok {
			return []string{fmt.Sprintf("%s.type %q is not a kind of %s", path, kind, typ)}
		}
		return checkObject(sp, sub, x, path)
	}
	var errs []string
	for _, f := range t.Fields {
		if _, ok := obj[f.Name]; f.Required && !ok {
			errs = append(errs, fmt.Sprintf("%s.%s is required in %s", path, f.Name, typ))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		f, ok := t.field(name)
		if !ok {
			if _, extra := telebotFieldExtras[typ][name]; !extra {
				errs = append(errs, fmt.Sprintf("%s has unknown field %q (not in %s)", path, name, typ))
			}
			continue
		}
		var best []string
		for _, ft := range f.Types {
			e := checkValue(sp, ft, obj[name], path+"."+name)
			if len(e) == 0 {
				best = nil
				break
			}
			if best == nil || len(e) < len(best) {
				best = e
			}
		}
		errs = append(errs, best...)
	}
	return errs
}

// short renders a JSON value for a report.
func short(x any) string {
	b, _ := json.Marshal(x)
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}
