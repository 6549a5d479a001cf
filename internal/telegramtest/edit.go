package telegramtest

import (
	"context"
	"net/http"
	"slices"
	"time"
)

// notModified is Telegram's answer to an edit that changes nothing. A
// correct bot treats it as success, so it fails no test.
var notModified = &apiError{
	code: http.StatusBadRequest,
	desc: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
}

// edit finds the message an edit method names and applies change to it.
// change reports whether anything differs; s.mu is held throughout.
func (s *Server) edit(req *request, change func(m *message) (bool, *apiError)) (any, *apiError) {
	if req.has("inline_message_id") {
		return nil, violation("MESSAGE_ID_INVALID", "parameter \"inline_message_id\": the fake has no inline messages")
	}
	if !req.has("chat_id") || !req.has("message_id") {
		return nil, violation("message identifier is not specified", "chat_id and message_id are both required without inline_message_id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, e := s.chatFor(req, false)
	if e != nil {
		return nil, e
	}
	m := s.findMessage(c.info.ID, int(req.int("message_id")))
	if m == nil || m.deleted {
		return nil, violation("message to edit not found", "%s has no message %d", c.describe(), req.int("message_id"))
	}
	if !m.fromBot {
		return nil, violation("message can't be edited", "message %d in %s was sent by the user, not the bot", m.id, c.describe())
	}
	changed, e := change(m)
	if e != nil {
		return nil, e
	}
	if !changed {
		return nil, notModified
	}
	m.edits++
	m.editDate = time.Now().Unix()
	return s.wire(m), nil
}

// sameContent reports whether two texts look the same to the user.
func sameContent(a, b content) bool {
	return a.text == b.text && slices.Equal(a.entities, b.entities)
}

// editMessageText replaces a text message's text and keyboard; like
// Telegram, an edit without reply_markup removes the keyboard.
func (s *Server) editMessageText(_ context.Context, req *request) (any, *apiError) {
	text, _ := format(req.str("text"), req.str("parse_mode"))
	kb, _ := parseKeyboard(req.str("reply_markup"))
	return s.edit(req, func(m *message) (bool, *apiError) {
		if m.text.source == "" {
			return false, violation("there is no text in the message to edit", "message %d is a media message: use editMessageCaption or editMessageMedia", m.id)
		}
		if sameContent(m.text, text) && m.kb.wire == kb.wire {
			return false, nil
		}
		m.text, m.kb = text, kb
		return true, nil
	})
}

// editMessageCaption replaces a media message's caption and keyboard.
func (s *Server) editMessageCaption(_ context.Context, req *request) (any, *apiError) {
	caption, _ := format(req.str("caption"), req.str("parse_mode"))
	kb, _ := parseKeyboard(req.str("reply_markup"))
	return s.edit(req, func(m *message) (bool, *apiError) {
		if m.photo == nil && m.document == nil {
			return false, violation("there is no caption in the message to edit", "message %d is a text message: use editMessageText", m.id)
		}
		if sameContent(m.caption, caption) && m.kb.wire == kb.wire {
			return false, nil
		}
		m.caption, m.kb = caption, kb
		return true, nil
	})
}

// editMessageReplyMarkup replaces only the keyboard.
func (s *Server) editMessageReplyMarkup(_ context.Context, req *request) (any, *apiError) {
	kb, _ := parseKeyboard(req.str("reply_markup"))
	return s.edit(req, func(m *message) (bool, *apiError) {
		if m.kb.wire == kb.wire {
			return false, nil
		}
		m.kb = kb
		return true, nil
	})
}

// editMessageMedia replaces a photo or document, its caption and keyboard;
// the new file comes as an attach:// upload or a file_id.
func (s *Server) editMessageMedia(_ context.Context, req *request) (any, *apiError) {
	var media struct {
		Type      string `json:"type"`
		Media     string `json:"media"`
		Caption   string `json:"caption"`
		ParseMode string `json:"parse_mode"`
	}
	if err := req.decode("media", &media); err != nil {
		return nil, violation("can't parse InputMedia JSON object", "parameter \"media\": %v", err)
	}
	if media.Type != "photo" && media.Type != "document" {
		return nil, violation("media type not supported by the fake", "parameter \"media\": type %q (the fake models photo and document)", media.Type)
	}
	caption, _ := format(media.Caption, media.ParseMode)
	kb, _ := parseKeyboard(req.str("reply_markup"))
	return s.edit(req, func(m *message) (bool, *apiError) {
		if m.photo == nil && m.document == nil {
			return false, violation("message can't be edited", "message %d is a text message: a text can't become media", m.id)
		}
		f, e := s.mediaFile(req, "media", media.Media, media.Type)
		if e != nil {
			return false, e
		}
		old := m.photo
		if old == nil {
			old = m.document
		}
		if old == f && sameContent(m.caption, caption) && m.kb.wire == kb.wire {
			return false, nil
		}
		m.photo, m.document = nil, nil
		if media.Type == "photo" {
			m.photo = f
		} else {
			m.document = f
		}
		m.caption, m.kb = caption, kb
		return true, nil
	})
}
