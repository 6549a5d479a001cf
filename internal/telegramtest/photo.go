package telegramtest

// SendPhoto sends a picture (PNG, JPEG or GIF bytes) from u to the bot in
// their private chat, with a caption as typed under it. A caption that
// starts with a /command carries a bot_command entity, as Telegram marks
// it. The bot may send the photo on by its file_id.
func (s *Server) SendPhoto(u User, data []byte, caption string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.privateChat(u)
	c.blocked = false
	return s.userPhoto(c, u, data, caption)
}

// SendPhotoInChat sends a picture from u in a group the bot was added to.
func (s *Server) SendPhotoInChat(c Chat, u User, data []byte, caption string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	gc, ok := s.chats[c.ID]
	if !ok || c.ID > 0 {
		s.t.Fatalf("telegramtest: SendPhotoInChat: chat %d is not a group the bot is in; call AddBotToGroup first", c.ID)
	}
	return s.userPhoto(gc, u, data, caption)
}

// userPhoto stores a user's photo message and queues it; s.mu must be held.
func (s *Server) userPhoto(c *chat, u User, data []byte, caption string) *Message {
	f, e := s.storeFile("photo", &upload{field: "photo", filename: "photo.jpg", data: data})
	if e != nil {
		s.t.Fatalf("telegramtest: SendPhoto: %s", e.desc)
	}
	m := s.newMessage(c, u, false)
	m.photo = f
	m.caption = content{source: caption, text: caption}
	if cmd := commandPrefix.FindString(caption); cmd != "" {
		m.caption.entities = []entity{{Type: "bot_command", Offset: 0, Length: utf16Len(cmd)}}
	}
	s.commit(m)
	s.enqueue("message", s.wire(m))
	return m.snapshot()
}
