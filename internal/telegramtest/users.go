package telegramtest

import (
	"mime"
	"path"
	"regexp"
	"time"
)

// commandPrefix matches a leading bot command such as /start or /crm@bot.
var commandPrefix = regexp.MustCompile(`^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?`)

// SendText sends text from u to the bot in their private chat, as if typed
// in the app. A leading /command carries a bot_command entity, as Telegram
// marks it, so the bot routes it as a command. A user who blocked the bot
// unblocks it by writing, as the app makes them.
func (s *Server) SendText(u User, text string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.privateChat(u)
	c.blocked = false
	return s.userText(c, u, text, nil)
}

// SendTextInChat sends text from u in a group the bot was added to.
func (s *Server) SendTextInChat(c Chat, u User, text string) *Message {
	s.mu.Lock()
	gc, ok := s.chats[c.ID]
	if !ok || c.ID > 0 {
		s.mu.Unlock()
		s.t.Fatalf("telegramtest: SendTextInChat: chat %d is not a group the bot is in; call AddBotToGroup first", c.ID)
	}
	msg := s.userText(gc, u, text, nil)
	s.mu.Unlock()
	return msg
}

// ReplyTo sends text from u as a reply to msg, in msg's chat.
func (s *Server) ReplyTo(u User, msg *Message, text string) *Message {
	s.mu.Lock()
	target := s.findMessage(msg.ChatID, msg.ID)
	if target == nil {
		s.mu.Unlock()
		s.t.Fatalf("telegramtest: ReplyTo: chat %d has no message %d", msg.ChatID, msg.ID)
	}
	if target.chat.info.Type == "private" {
		s.privateChat(u)
	}
	reply := s.userText(target.chat, u, text, target)
	s.mu.Unlock()
	return reply
}

// userText stores a user's text message and queues it; s.mu must be held.
func (s *Server) userText(c *chat, u User, text string, replyTo *message) *Message {
	m := s.newMessage(c, u, false)
	m.text = content{source: text, text: text}
	if cmd := commandPrefix.FindString(text); cmd != "" {
		m.text.entities = []entity{{Type: "bot_command", Offset: 0, Length: utf16Len(cmd)}}
	}
	m.replyTo = replyTo
	s.commit(m)
	s.enqueue("message", s.wire(m))
	return m.snapshot()
}

// SendDocument sends a file from u to the bot in their private chat. The bot
// fetches it back with getFile and a download, as from Telegram.
func (s *Server) SendDocument(u User, filename string, data []byte, caption string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.privateChat(u)
	f, _ := s.storeFile("document", &upload{field: "document", filename: filename, mime: mime.TypeByExtension(path.Ext(filename)), data: data})
	m := s.newMessage(c, u, false)
	m.document = f
	m.caption = content{source: caption, text: caption}
	s.commit(m)
	s.enqueue("message", s.wire(m))
	return m.snapshot()
}

// AddBotToGroup makes by add the bot to the group c (a negative ID). The bot
// receives the service message with new_chat_members and a my_chat_member
// update, as from Telegram.
func (s *Server) AddBotToGroup(c Chat, by User) {
	if c.ID >= 0 {
		s.t.Fatalf("telegramtest: AddBotToGroup: group IDs are negative, got %d", c.ID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gc := s.groupChat(c)
	gc.user = by // who added the bot; Telegram names them in later service messages
	m := s.newMessage(gc, by, false)
	m.service = map[string]any{
		// new_chat_member is undocumented, but Telegram still sends it and
		// telebot reads it.
		"new_chat_member":  wireUser(s.bot, true),
		"new_chat_members": []any{wireUser(s.bot, true)},
	}
	s.commit(m)
	s.enqueue("message", s.wire(m))
	s.enqueue("my_chat_member", map[string]any{
		"chat":            gc.wire(),
		"from":            wireUser(by, false),
		"date":            time.Now().Unix(),
		"old_chat_member": map[string]any{"user": wireUser(s.bot, true), "status": "left"},
		"new_chat_member": map[string]any{"user": wireUser(s.bot, true), "status": "member"},
	})
}

// MigrateNext upgrades the group chatID to the supergroup newID, as Telegram
// does when a group grows: from now on every request naming chatID fails
// with 400 and parameters.migrate_to_chat_id, and the bot gets the
// migrate_to_chat_id / migrate_from_chat_id service messages.
func (s *Server) MigrateNext(chatID, newID int64) {
	s.mu.Lock()
	old, ok := s.chats[chatID]
	if !ok || chatID >= 0 || newID >= 0 {
		s.mu.Unlock()
		s.t.Fatalf("telegramtest: MigrateNext: %d is not a group the bot is in, or %d is not a group ID", chatID, newID)
	}
	defer s.mu.Unlock()
	sg := s.groupChat(Chat{ID: newID, Type: "supergroup", Title: old.info.Title})
	from := old.user
	out := s.newMessage(old, from, false)
	out.service = map[string]any{"migrate_to_chat_id": newID}
	s.commit(out)
	in := s.newMessage(sg, from, false)
	in.service = map[string]any{"migrate_from_chat_id": chatID}
	s.commit(in)
	s.enqueue("message", s.wire(out))
	s.enqueue("message", s.wire(in))
	old.migratedTo = newID
}
