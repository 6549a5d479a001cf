package telegramtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// entity is one formatting span of a message, offsets in UTF-16 code units
// as in the Bot API's MessageEntity.
type entity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

// htmlKinds maps Telegram's supported tags to entity types. Anything else is
// rejected: Telegram answers "Unsupported start tag" for it.
var htmlKinds = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"span": "spoiler", "tg-spoiler": "spoiler",
	"a": "text_link", "code": "code", "pre": "pre",
	"blockquote": "blockquote", "tg-emoji": "custom_emoji",
}

// openTag is a start tag waiting for its end tag; its entity waits in the
// result at index ent, so entities come out in opening order, outer first.
type openTag struct {
	name  string
	ent   int
	attrs map[string]string
}

// dropped marks an entity that closeTag removed.
const dropped = -1

// parseHTML applies parse_mode=HTML the way Telegram does and returns the
// visible text with its entities. It is stricter than Telegram in one way on
// purpose: a bare "&", "<" or ">" is an error even where Telegram would guess,
// because it means user data reached a message unescaped. Error texts follow
// Telegram's own wording.
func parseHTML(s string) (string, []entity, error) {
	var (
		text  strings.Builder
		n16   int
		stack []openTag
		ents  []entity
	)
	for i := 0; i < len(s); {
		switch s[i] {
		case '&':
			r, size, ok := decodeEntity(s[i:])
			if !ok {
				return "", nil, fmt.Errorf(`unescaped "&" or unsupported HTML entity at byte offset %d (only &lt; &gt; &amp; &quot; and numeric entities exist)`, i)
			}
			text.WriteRune(r)
			n16 += utf16.RuneLen(r)
			i += size
		case '>':
			return "", nil, fmt.Errorf(`unescaped ">" at byte offset %d, write &gt;`, i)
		case '<':
			name, attrs, closing, next, err := scanTag(s, i)
			if err != nil {
				return "", nil, err
			}
			if closing {
				if len(stack) == 0 {
					return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", i)
				}
				top := stack[len(stack)-1]
				if top.name != name {
					return "", nil, fmt.Errorf(`Unmatched end tag at byte offset %d, expected "</%s>", found "</%s>"`, i, top.name, name)
				}
				stack = stack[:len(stack)-1]
				closeTag(ents, stack, top, n16)
			} else {
				e, err := startTag(name, attrs, stack, ents, i)
				if err != nil {
					return "", nil, err
				}
				e.Offset = n16
				stack = append(stack, openTag{name: name, ent: len(ents), attrs: attrs})
				ents = append(ents, e)
			}
			i = next
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", nil, fmt.Errorf("invalid UTF-8 at byte offset %d", i)
			}
			text.WriteRune(r)
			n16 += utf16.RuneLen(r)
			i += size
		}
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf(`Can't find end tag corresponding to start tag "%s"`, stack[len(stack)-1].name)
	}
	var out []entity
	for _, e := range ents {
		if e.Length > 0 {
			out = append(out, e) // Telegram drops empty entities
		}
	}
	return text.String(), out, nil
}

// startTag checks a start tag's name, attributes and place in the nesting.
func startTag(name string, attrs map[string]string, stack []openTag, ents []entity, at int) (entity, error) {
	kind, ok := htmlKinds[name]
	if !ok {
		return entity{}, fmt.Errorf(`Unsupported start tag "%s" at byte offset %d`, name, at)
	}
	e := entity{Type: kind}
	switch name {
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return entity{}, fmt.Errorf(`tag "span" must have class "tg-spoiler" at byte offset %d`, at)
		}
	case "a":
		href, ok := attrs["href"]
		if !ok || href == "" {
			return entity{}, fmt.Errorf(`tag "a" without href at byte offset %d`, at)
		}
		e.URL = href
	case "tg-emoji":
		id, ok := attrs["emoji-id"]
		if !ok || id == "" {
			return entity{}, fmt.Errorf(`tag "tg-emoji" without emoji-id at byte offset %d`, at)
		}
		e.CustomEmojiID = id
	case "blockquote":
		if _, ok := attrs["expandable"]; ok {
			e.Type = "expandable_blockquote"
		}
	}
	for _, outer := range stack {
		switch {
		case outer.name == "code":
			return entity{}, fmt.Errorf(`tag "%s" inside "code" at byte offset %d: code can't contain other entities`, name, at)
		case outer.name == "pre" && name != "code":
			return entity{}, fmt.Errorf(`tag "%s" inside "pre" at byte offset %d: pre may only contain code`, name, at)
		case outer.name == "a" && name == "a":
			return entity{}, fmt.Errorf(`link inside a link at byte offset %d`, at)
		case strings.HasSuffix(ents[outer.ent].Type, "blockquote") && strings.HasSuffix(e.Type, "blockquote"):
			return entity{}, fmt.Errorf(`blockquote inside a blockquote at byte offset %d`, at)
		}
	}
	return e, nil
}

// closeTag sets the length of a closed tag's entity; <pre><code
// class="language-x"> becomes one pre entity with a language, as Telegram
// reports it.
func closeTag(ents []entity, stack []openTag, tag openTag, end int) {
	e := &ents[tag.ent]
	e.Length = end - e.Offset
	if tag.name == "code" && len(stack) > 0 && stack[len(stack)-1].name == "pre" {
		if lang, ok := strings.CutPrefix(tag.attrs["class"], "language-"); ok {
			ents[stack[len(stack)-1].ent].Language = lang
		}
		e.Length = dropped
	}
}

// scanTag reads "<name attr=value …>" or "</name>" starting at s[at].
func scanTag(s string, at int) (name string, attrs map[string]string, closing bool, next int, err error) {
	i := at + 1
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(s) && (isNameByte(s[i])) {
		i++
	}
	name = strings.ToLower(s[start:i])
	if name == "" || !isLetter(s[start]) {
		return "", nil, false, 0, fmt.Errorf(`unescaped "<" at byte offset %d, write &lt;`, at)
	}
	attrs = map[string]string{}
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return "", nil, false, 0, fmt.Errorf("Can't find end of the tag starting at byte offset %d", at)
		}
		if s[i] == '>' {
			return name, attrs, closing, i + 1, nil
		}
		if s[i] == '/' && i+1 < len(s) && s[i+1] == '>' {
			return name, attrs, closing, i + 2, nil // <br/>: its name decides
		}
		if closing || !isNameByte(s[i]) {
			return "", nil, false, 0, fmt.Errorf("malformed tag %q at byte offset %d", name, at)
		}
		as := i
		for i < len(s) && isNameByte(s[i]) {
			i++
		}
		attr := strings.ToLower(s[as:i])
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) || s[i] != '=' {
			attrs[attr] = ""
			continue
		}
		i++
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		var raw string
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			end := strings.IndexByte(s[i+1:], s[i])
			if end < 0 {
				return "", nil, false, 0, fmt.Errorf("unclosed attribute value in tag %q at byte offset %d", name, at)
			}
			raw, i = s[i+1:i+1+end], i+end+2
		} else {
			vs := i
			for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
				i++
			}
			raw = s[vs:i]
		}
		val, err := unescapeAttr(raw)
		if err != nil {
			return "", nil, false, 0, fmt.Errorf("attribute %q of tag %q at byte offset %d: %w", attr, name, at, err)
		}
		attrs[attr] = val
	}
}

// unescapeAttr decodes entities in an attribute value with the same rules as text.
func unescapeAttr(raw string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(raw); {
		if raw[i] != '&' {
			b.WriteByte(raw[i])
			i++
			continue
		}
		r, size, ok := decodeEntity(raw[i:])
		if !ok {
			return "", fmt.Errorf(`unescaped "&" at offset %d`, i)
		}
		b.WriteRune(r)
		i += size
	}
	return b.String(), nil
}

// decodeEntity decodes the entity at the start of s: the four named ones
// Telegram supports, or a numeric one.
func decodeEntity(s string) (r rune, size int, ok bool) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 12 {
		return 0, 0, false
	}
	body := s[1:end]
	switch body {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	num, isNum := strings.CutPrefix(body, "#")
	if !isNum || num == "" {
		return 0, 0, false
	}
	base := 10
	if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
		num, base = hex, 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || n == 0 || n > utf8.MaxRune {
		return 0, 0, false
	}
	return rune(n), end + 1, true
}

func isNameByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_' }
func isLetter(c byte) bool   { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool    { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// utf16Len counts what Telegram counts: UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// CheckHTML parses s as Telegram does with parse_mode HTML and returns the
// visible text's length in UTF-16 units (what Telegram's limits count), or
// why Telegram would refuse it. Views use it in unit and fuzz tests
// without a server.
func CheckHTML(s string) (visibleLen int, err error) {
	text, _, err := parseHTML(s)
	if err != nil {
		return 0, err
	}
	return utf16Len(text), nil
}
