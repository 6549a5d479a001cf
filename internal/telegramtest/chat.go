package telegramtest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// User is a Telegram user the test plays. In a private chat the chat ID is
// the user ID, as in Telegram.
type User struct {
	ID           int64
	FirstName    string
	LastName     string
	Username     string
	LanguageCode string
}

// Chat is a chat the bot is in. Groups have negative IDs, as in Telegram.
type Chat struct {
	ID    int64
	Type  string // "private", "group" or "supergroup"; AddBotToGroup defaults to "group"
	Title string
}

// chat is the fake's state of one chat.
type chat struct {
	info       Chat
	user       User // the other side of a private chat
	messages   []*message
	nextID     int
	cursor     int // messages the Wait helpers have looked at
	actions    []string
	blocked    bool  // the user blocked the bot
	started    bool  // a private chat the user has opened, so the bot may write
	migratedTo int64 // the group became this supergroup
}

// msgKey identifies a message across chats.
type msgKey struct {
	chat int64
	id   int
}

// privateChat returns u's private chat, creating it; s.mu must be held.
func (s *Server) privateChat(u User) *chat {
	c, ok := s.chats[u.ID]
	if !ok {
		c = &chat{info: Chat{ID: u.ID, Type: "private"}}
		s.chats[u.ID] = c
	}
	c.user = u
	c.started = true
	return c
}

// groupChat registers a group or supergroup; s.mu must be held.
func (s *Server) groupChat(info Chat) *chat {
	if info.Type == "" {
		info.Type = "group"
	}
	c, ok := s.chats[info.ID]
	if !ok {
		c = &chat{}
		s.chats[info.ID] = c
	}
	c.info = info
	return c
}

// chatFor resolves the chat_id parameter the way Telegram would answer for
// it; s.mu must be held. sending says whether the call writes to the chat.
func (s *Server) chatFor(req *request, sending bool) (*chat, *apiError) {
	raw := strings.TrimSpace(req.str("chat_id"))
	var c *chat
	id, numErr := strconv.ParseInt(raw, 10, 64)
	if name, ok := strings.CutPrefix(raw, "@"); ok {
		for _, cc := range s.chats {
			if strings.EqualFold(cc.user.Username, name) && cc.info.Type == "private" {
				c = cc
			}
		}
	} else if numErr == nil {
		c = s.chats[id]
	}
	switch {
	case c == nil && sending && numErr == nil && id > 0:
		return nil, &apiError{code: 403, desc: "Forbidden: bot can't initiate conversation with a user",
			note: fmt.Sprintf("user %s never wrote to the bot; call OpenChat if the test means them to have", raw)}
	case c == nil:
		return nil, violation("chat not found", "parameter \"chat_id\": no chat %s: let a user write first (SendText, OpenChat, AddBotToGroup)", raw)
	case c.migratedTo != 0:
		return nil, &apiError{code: 400, desc: "Bad Request: group chat was upgraded to a supergroup chat",
			params: map[string]any{"migrate_to_chat_id": c.migratedTo}}
	case sending && c.blocked:
		return nil, &apiError{code: 403, desc: "Forbidden: bot was blocked by the user"}
	case sending && !c.started && c.info.Type == "private":
		return nil, &apiError{code: 403, desc: "Forbidden: bot can't initiate conversation with a user"}
	}
	return c, nil
}

// OpenChat makes u someone who started the bot earlier, so the bot may write
// first (a notification to an admin) without the test sending anything.
func (s *Server) OpenChat(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.privateChat(u)
}

// BlockBot makes u block the bot: from now on every message to u fails with
// 403 "Forbidden: bot was blocked by the user".
func (s *Server) BlockBot(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.privateChat(u).blocked = true
}

// wireUser renders a user as the Bot API does.
func wireUser(u User, isBot bool) map[string]any {
	w := map[string]any{"id": u.ID, "is_bot": isBot, "first_name": u.FirstName}
	if u.LastName != "" {
		w["last_name"] = u.LastName
	}
	if u.Username != "" {
		w["username"] = u.Username
	}
	if u.LanguageCode != "" {
		w["language_code"] = u.LanguageCode
	}
	return w
}

// wire renders a chat as the Bot API does in messages.
func (c *chat) wire() map[string]any {
	w := map[string]any{"id": c.info.ID, "type": c.info.Type}
	if c.info.Type == "private" {
		w["first_name"] = c.user.FirstName
		if c.user.LastName != "" {
			w["last_name"] = c.user.LastName
		}
		if c.user.Username != "" {
			w["username"] = c.user.Username
		}
	} else {
		w["title"] = c.info.Title
	}
	return w
}

// getMe answers who the bot is.
func (s *Server) getMe(context.Context, *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := wireUser(s.bot, true)
	w["can_join_groups"] = true
	w["can_read_all_group_messages"] = false
	w["supports_inline_queries"] = false
	return w, nil
}

// getChat answers a ChatFullInfo with the fields Telegram always sends.
func (s *Server) getChat(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, e := s.chatFor(req, false)
	if e != nil {
		return nil, e
	}
	w := c.wire()
	w["accent_color_id"] = 0
	w["max_reaction_count"] = 11
	w["accepted_gift_types"] = map[string]bool{"unlimited_gifts": false, "limited_gifts": false, "unique_gifts": false, "premium_subscription": false}
	return w, nil
}

// chatActions are the values sendChatAction accepts.
var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

// sendChatAction records "typing…" and friends.
func (s *Server) sendChatAction(_ context.Context, req *request) (any, *apiError) {
	action := req.str("action")
	if !chatActions[action] {
		return nil, violation("wrong parameter action in request", "parameter \"action\": %q is not a chat action", action)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, e := s.chatFor(req, true)
	if e != nil {
		return nil, e
	}
	c.actions = append(c.actions, action)
	return true, nil
}

// ChatActions returns the chat actions the bot sent to the chat, in order.
func (s *Server) ChatActions(chatID int64) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.chats[chatID]; ok {
		return append([]string(nil), c.actions...)
	}
	return nil
}

// describe names a chat for reports.
func (c *chat) describe() string {
	if c.info.Type == "private" {
		return fmt.Sprintf("private chat %d with %s", c.info.ID, c.user.FirstName)
	}
	return fmt.Sprintf("%s %d %q", c.info.Type, c.info.ID, c.info.Title)
}
