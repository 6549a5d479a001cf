package telegramtest

import "context"

// send stores a new bot message in the chat named by chat_id; fill sets its
// content. Nothing is stored when fill fails.
func (s *Server) send(req *request, fill func(m *message) *apiError) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, e := s.chatFor(req, true)
	if e != nil {
		return nil, e
	}
	m := s.newMessage(c, s.bot, true)
	if m.replyTo, e = s.replyTarget(c, req); e != nil {
		return nil, e
	}
	kb, _ := parseKeyboard(req.str("reply_markup"))
	m.kb = kb
	if e := fill(m); e != nil {
		return nil, e
	}
	s.commit(m)
	s.stats.Delivered[c.info.ID]++
	return s.wire(m), nil
}

// replyTarget finds the message a send replies to, from telebot's legacy
// reply_to_message_id or from reply_parameters; s.mu must be held.
func (s *Server) replyTarget(c *chat, req *request) (*message, *apiError) {
	var p struct {
		MessageID    int  `json:"message_id"`
		WithoutReply bool `json:"allow_sending_without_reply"`
	}
	if req.has("reply_parameters") {
		if err := req.decode("reply_parameters", &p); err != nil {
			return nil, violation("can't parse reply parameters JSON object", "parameter \"reply_parameters\": %v", err)
		}
	}
	if req.has("reply_to_message_id") {
		p.MessageID = int(req.int("reply_to_message_id"))
		p.WithoutReply = p.WithoutReply || req.bool("allow_sending_without_reply")
	}
	if p.MessageID == 0 {
		return nil, nil
	}
	for _, m := range c.messages {
		if m.id == p.MessageID && !m.deleted {
			return m, nil
		}
	}
	if p.WithoutReply {
		return nil, nil
	}
	return nil, violation("message to be replied not found", "reply to message %d, which %s does not have", p.MessageID, c.describe())
}

// sendMessage sends a text message.
func (s *Server) sendMessage(_ context.Context, req *request) (any, *apiError) {
	text, _ := format(req.str("text"), req.str("parse_mode"))
	return s.send(req, func(m *message) *apiError {
		m.text = text
		return nil
	})
}

// sendPhoto sends an uploaded photo or one sent before, by file_id.
func (s *Server) sendPhoto(_ context.Context, req *request) (any, *apiError) {
	caption, _ := format(req.str("caption"), req.str("parse_mode"))
	return s.send(req, func(m *message) *apiError {
		f, e := s.mediaFile(req, "photo", req.str("photo"), "photo")
		if e != nil {
			return e
		}
		m.photo, m.caption = f, caption
		return nil
	})
}

// sendDocument sends an uploaded document or one sent before, by file_id.
func (s *Server) sendDocument(_ context.Context, req *request) (any, *apiError) {
	caption, _ := format(req.str("caption"), req.str("parse_mode"))
	return s.send(req, func(m *message) *apiError {
		f, e := s.mediaFile(req, "document", req.str("document"), "document")
		if e != nil {
			return e
		}
		m.document, m.caption = f, caption
		return nil
	})
}

// deleteMessage deletes a message of either side, as bots may in private
// chats and, as administrators, in groups.
func (s *Server) deleteMessage(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, e := s.chatFor(req, false)
	if e != nil {
		return nil, e
	}
	m := s.findMessage(c.info.ID, int(req.int("message_id")))
	if m == nil || m.deleted {
		return nil, violation("message to delete not found", "%s has no message %d", c.describe(), req.int("message_id"))
	}
	m.deleted = true
	return true, nil
}

// handlers are the methods the fake models. Other methods that only answer
// True are accepted after validation; the rest fail the test as unsupported.
var handlers = map[string]handler{
	"getMe":                  (*Server).getMe,
	"getUpdates":             (*Server).getUpdates,
	"setWebhook":             (*Server).setWebhook,
	"deleteWebhook":          (*Server).deleteWebhook,
	"getWebhookInfo":         (*Server).getWebhookInfo,
	"sendMessage":            (*Server).sendMessage,
	"sendPhoto":              (*Server).sendPhoto,
	"sendDocument":           (*Server).sendDocument,
	"sendChatAction":         (*Server).sendChatAction,
	"editMessageText":        (*Server).editMessageText,
	"editMessageCaption":     (*Server).editMessageCaption,
	"editMessageMedia":       (*Server).editMessageMedia,
	"editMessageReplyMarkup": (*Server).editMessageReplyMarkup,
	"deleteMessage":          (*Server).deleteMessage,
	"answerCallbackQuery":    (*Server).answerCallbackQuery,
	"setMyCommands":          (*Server).setMyCommands,
	"getMyCommands":          (*Server).getMyCommands,
	"deleteMyCommands":       (*Server).deleteMyCommands,
	"getFile":                (*Server).getFile,
	"getChat":                (*Server).getChat,
}
