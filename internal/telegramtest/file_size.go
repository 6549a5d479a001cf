package telegramtest

import (
	"mime"
	"path"
)

// maxBotDownload is the largest file getFile hands a bot on the public
// Bot API; a larger one answers 400 "file is too big".
const maxBotDownload = 20 << 20

// byteSize is the file's size as Telegram reports it.
func (f *file) byteSize() int64 {
	if f.size > 0 {
		return f.size
	}
	return int64(len(f.data))
}

// SendLargeDocument sends a document from u whose file_size is size
// without holding its bytes: for files over the 20 MB a bot may download,
// where only the size in the update matters. getFile on it fails as on
// Telegram.
func (s *Server) SendLargeDocument(u User, filename string, size int64) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.privateChat(u)
	f, _ := s.storeFile("document", &upload{field: "document", filename: filename, mime: mime.TypeByExtension(path.Ext(filename))})
	f.size = size
	m := s.newMessage(c, u, false)
	m.document = f
	s.commit(m)
	s.enqueue("message", s.wire(m))
	return m.snapshot()
}
