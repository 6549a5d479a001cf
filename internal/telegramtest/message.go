package telegramtest

import (
	"fmt"
	"strings"
	"time"
)

// message is the fake's state of one message.
type message struct {
	id       int
	chat     *chat
	from     User
	fromBot  bool
	date     int64
	editDate int64
	text     content
	caption  content
	photo    *file
	document *file
	kb       keyboard
	replyTo  *message
	edits    int
	deleted  bool
	service  map[string]any // service fields such as new_chat_members
}

// Message is a snapshot of a message as the chat shows it. Snapshots do not
// change; ask the server again (Messages, WaitForEdit) for the current state.
type Message struct {
	ID        int
	ChatID    int64
	FromBot   bool
	From      User
	Text      string // visible text, markup removed, as the user reads it
	Caption   string // visible caption
	Source    string // text or caption exactly as the bot sent it
	ParseMode string
	PhotoPNG  []byte // the photo as uploaded (the project's charts are PNG)
	Document  *Document
	ReplyToID int
	Edits     int
	Deleted   bool
	buttons   [][]Button
}

// Document is a file sent as a document.
type Document struct {
	FileName string
	MIME     string
	Data     []byte
}

// Buttons returns the inline keyboard, row by row.
func (m *Message) Buttons() [][]Button { return copyRows(m.buttons) }

// HasButton reports whether a button with this visible text is shown.
func (m *Message) HasButton(text string) bool {
	_, ok := keyboard{rows: m.buttons}.find(text)
	return ok
}

// snapshot copies a message out from under s.mu. File bytes are shared:
// the fake never changes them.
func (m *message) snapshot() *Message {
	out := &Message{
		ID: m.id, ChatID: m.chat.info.ID, FromBot: m.fromBot, From: m.from,
		Text: m.text.text, Caption: m.caption.text, Source: m.text.source, ParseMode: m.text.parseMode,
		Edits: m.edits, Deleted: m.deleted, buttons: copyRows(m.kb.rows),
	}
	if m.photo != nil || m.document != nil {
		out.Source, out.ParseMode = m.caption.source, m.caption.parseMode
	}
	if m.photo != nil {
		out.PhotoPNG = m.photo.data
	}
	if d := m.document; d != nil {
		out.Document = &Document{FileName: d.name, MIME: d.mime, Data: d.data}
	}
	if m.replyTo != nil {
		out.ReplyToID = m.replyTo.id
	}
	return out
}

// newMessage starts a message for the chat; commit adds it. s.mu must be held.
func (s *Server) newMessage(c *chat, from User, fromBot bool) *message {
	return &message{chat: c, from: from, fromBot: fromBot, date: time.Now().Unix()}
}

// commit gives the message its ID and adds it to its chat; s.mu must be held.
func (s *Server) commit(m *message) {
	m.chat.nextID++
	m.id = m.chat.nextID
	m.chat.messages = append(m.chat.messages, m)
}

// findMessage looks a message up by the chat_id and message_id of a request
// or a snapshot; s.mu must be held.
func (s *Server) findMessage(chatID int64, id int) *message {
	c, ok := s.chats[chatID]
	if !ok {
		return nil
	}
	for _, m := range c.messages {
		if m.id == id {
			return m
		}
	}
	return nil
}

// wire renders a message as the Bot API does; s.mu must be held.
func (s *Server) wire(m *message) map[string]any {
	w := map[string]any{"message_id": m.id, "date": m.date, "chat": m.chat.wire()}
	if m.fromBot {
		w["from"] = wireUser(s.bot, true)
	} else {
		w["from"] = wireUser(m.from, false)
	}
	if m.editDate != 0 {
		w["edit_date"] = m.editDate
	}
	if m.text.source != "" {
		w["text"] = m.text.text
		if len(m.text.entities) > 0 {
			w["entities"] = m.text.entities
		}
	}
	if m.photo != nil {
		w["photo"] = []map[string]any{m.photo.wire()}
	}
	if m.document != nil {
		w["document"] = m.document.wire()
	}
	if m.caption.text != "" {
		w["caption"] = m.caption.text
		if len(m.caption.entities) > 0 {
			w["caption_entities"] = m.caption.entities
		}
	}
	if m.kb.wire != "" {
		w["reply_markup"] = rawJSON(m.kb.wire)
	}
	if m.replyTo != nil {
		w["reply_to_message"] = s.wire(m.replyTo)
	}
	for k, v := range m.service {
		w[k] = v
	}
	return w
}

// rawJSON embeds already-encoded JSON in an answer.
type rawJSON string

func (r rawJSON) MarshalJSON() ([]byte, error) { return []byte(r), nil }

// describe renders a message on one line for failure reports.
func (m *message) describe() string {
	var b strings.Builder
	who := "bot"
	if !m.fromBot {
		who = "user " + m.from.FirstName
	}
	fmt.Fprintf(&b, "#%d %s:", m.id, who)
	if m.text.source != "" {
		fmt.Fprintf(&b, " text %q", clip(m.text.text))
	}
	if m.photo != nil {
		fmt.Fprintf(&b, " photo %dx%d (%d bytes)", m.photo.width, m.photo.height, len(m.photo.data))
	}
	if m.document != nil {
		fmt.Fprintf(&b, " document %q (%d bytes)", m.document.name, len(m.document.data))
	}
	if m.caption.text != "" {
		fmt.Fprintf(&b, " caption %q", clip(m.caption.text))
	}
	if len(m.kb.rows) > 0 {
		fmt.Fprintf(&b, " buttons %s", m.kb)
	}
	for k := range m.service {
		fmt.Fprintf(&b, " %s", k)
	}
	if m.edits > 0 {
		fmt.Fprintf(&b, " (edited %d×)", m.edits)
	}
	if m.deleted {
		b.WriteString(" [deleted]")
	}
	return b.String()
}

// Messages returns the chat's messages from both sides, oldest first, as the
// chat shows them now; deleted messages are left out.
func (s *Server) Messages(chatID int64) []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return nil
	}
	var out []*Message
	for _, m := range c.messages {
		if !m.deleted {
			out = append(out, m.snapshot())
		}
	}
	return out
}
