package telegramtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// apiJSON is the machine-readable Bot API description (see testdata/README.md).
// Every request is checked against it, so the fake rejects what Telegram
// would reject instead of what we remember Telegram rejecting.
//
//go:embed testdata/api.json
var apiJSON []byte

// spec is the parsed Bot API description.
type spec struct {
	Version string                 `json:"version"`
	Methods map[string]*specMethod `json:"methods"`
	Types   map[string]*specType   `json:"types"`

	byLower map[string]*specMethod
	// variants maps a union type to its subtypes keyed by the value of their
	// discriminating "type" field, e.g. InputMedia → "photo" → InputMediaPhoto.
	variants map[string]map[string]string
}

// specMethod is one Bot API method.
type specMethod struct {
	Name    string      `json:"name"`
	Returns []string    `json:"returns"`
	Fields  []specField `json:"fields"`
}

// specField is one parameter of a method or one field of a type.
type specField struct {
	Name     string   `json:"name"`
	Types    []string `json:"types"`
	Required bool     `json:"required"`
	Desc     string   `json:"description"`
}

// specType is one Bot API object type; a union type has Subtypes instead of Fields.
type specType struct {
	Name     string      `json:"name"`
	Fields   []specField `json:"fields"`
	Subtypes []string    `json:"subtypes"`
}

// discriminator finds the value a subtype's "type" field must hold in
// descriptions such as `Type of the media, must be photo` or `always "emoji"`.
var discriminator = regexp.MustCompile(`(?:must be|always) "?([a-z_]+)"?`)

// loadSpec parses the embedded description once; the fake is useless without
// it, so a broken file is a programming error reported to every test.
var loadSpec = sync.OnceValues(func() (*spec, error) {
	var s spec
	if err := json.Unmarshal(apiJSON, &s); err != nil {
		return nil, fmt.Errorf("parse bot api description: %w", err)
	}
	s.byLower = make(map[string]*specMethod, len(s.Methods))
	for name, m := range s.Methods {
		s.byLower[strings.ToLower(name)] = m
	}
	s.variants = make(map[string]map[string]string)
	for name, t := range s.Types {
		for _, sub := range t.Subtypes {
			st, ok := s.Types[sub]
			if !ok {
				continue
			}
			f, ok := st.field("type")
			if !ok {
				continue
			}
			if m := discriminator.FindStringSubmatch(f.Desc); m != nil {
				if s.variants[name] == nil {
					s.variants[name] = make(map[string]string)
				}
				s.variants[name][m[1]] = sub
			}
		}
	}
	return &s, nil
})

// method finds a method the way Telegram does: names are case-insensitive.
func (s *spec) method(name string) (*specMethod, bool) {
	m, ok := s.byLower[strings.ToLower(name)]
	return m, ok
}

// field finds a parameter of m by name.
func (m *specMethod) field(name string) (specField, bool) {
	for _, f := range m.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return specField{}, false
}

// field finds a field of t by name.
func (t *specType) field(name string) (specField, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return specField{}, false
}

// returnsOnlyTrue reports whether the method's whole answer is "True", which
// lets the fake accept methods it does not model (setMyDescription, …).
func (m *specMethod) returnsOnlyTrue() bool {
	return len(m.Returns) == 1 && m.Returns[0] == "Boolean"
}

// telebotExtras lists top-level parameters that telebot v3.3.8 sends although
// the current spec no longer (or never did) describe them, with the reason
// the fake lets them pass. Everything else unknown is reported, because
// Telegram silently ignores unknown parameters and the bot would silently
// lose whatever it meant by them.
var telebotExtras = map[string]string{
	// Sent by SendOptions.ReplyTo, AllowWithoutReply and
	// DisableWebPagePreview. The spec replaced them with reply_parameters and
	// link_preview_options, but Telegram still honours the old names.
	"reply_to_message_id":         "deprecated, still honoured",
	"allow_sending_without_reply": "deprecated, still honoured",
	"disable_web_page_preview":    "deprecated, still honoured",
}

// telebotMethodExtras lists per-method parameters telebot adds on its own.
var telebotMethodExtras = map[string]map[string]string{
	// Document.Send always sends file_name (often empty) and file_size when
	// known; Telegram takes the name from the multipart part and ignores both.
	"sendDocument":  {"file_name": "ignored", "file_size": "ignored"},
	"sendAudio":     {"file_name": "ignored"},
	"sendVideo":     {"file_name": "ignored"},
	"sendAnimation": {"file_name": "ignored"},
	// EditMedia applies the send options at the top level as well as inside
	// the InputMedia, so parse_mode arrives twice; Telegram reads the copy
	// in media.parse_mode and ignores this one.
	"editMessageMedia": {"parse_mode": "duplicate of media.parse_mode"},
}

// telebotFieldExtras lists fields telebot adds inside objects.
var telebotFieldExtras = map[string]map[string]string{
	// InlineButton.Unique is telebot's routing name; it is marshalled next to
	// callback_data (which already carries it) and Telegram ignores it.
	"InlineKeyboardButton": {"unique": "telebot routing name, ignored"},
}

// allowedExtra reports whether an unknown top-level parameter is one of
// telebot's harmless additions.
func allowedExtra(method, param string) bool {
	if _, ok := telebotExtras[param]; ok {
		return true
	}
	_, ok := telebotMethodExtras[method][param]
	return ok
}
