package telegramtest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/gif" // photos may be any format Telegram accepts
	_ "image/jpeg"
	_ "image/png"
	"mime"
	"net/http"
	"path"
	"strings"
)

// file is an uploaded photo or document, reachable by file_id and file_path.
type file struct {
	id       string
	uniqueID string
	path     string
	kind     string // "photo" or "document"
	name     string
	mime     string
	data     []byte
	size     int64 // when set, the size Telegram reports instead of len(data)
	width    int
	height   int
}

// wire renders the file as a PhotoSize or Document.
func (f *file) wire() map[string]any {
	w := map[string]any{"file_id": f.id, "file_unique_id": f.uniqueID, "file_size": f.byteSize()}
	if f.kind == "photo" {
		w["width"], w["height"] = f.width, f.height
		return w
	}
	if f.name != "" {
		w["file_name"] = f.name
	}
	if f.mime != "" {
		w["mime_type"] = f.mime
	}
	return w
}

// storeFile keeps an uploaded file; s.mu must be held. Photos must decode
// as images, as Telegram answers IMAGE_PROCESS_FAILED otherwise.
func (s *Server) storeFile(kind string, up *upload) (*file, *apiError) {
	n := s.nextSeq()
	f := &file{
		id:       fmt.Sprintf("fake-%s-%d", kind, n),
		uniqueID: fmt.Sprintf("u%d", n),
		kind:     kind,
		name:     path.Base(up.filename),
		mime:     up.mime,
		data:     up.data,
	}
	if up.filename == "" {
		f.name = ""
	}
	if kind == "photo" {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(up.data))
		if err != nil {
			return nil, violation("IMAGE_PROCESS_FAILED", "parameter %q: upload is not an image: %v", up.field, err)
		}
		f.width, f.height, f.mime = cfg.Width, cfg.Height, "image/"+format
		f.path = fmt.Sprintf("photos/file_%d.%s", n, format)
	} else {
		if f.mime == "" || f.mime == "application/octet-stream" {
			if byExt := mime.TypeByExtension(path.Ext(f.name)); byExt != "" {
				f.mime = byExt
			}
		}
		f.path = fmt.Sprintf("documents/file_%d%s", n, path.Ext(f.name))
	}
	s.files[f.id] = f
	return f, nil
}

// mediaFile resolves a photo or document parameter: a fresh upload, an
// attach:// reference to one, or the file_id of a file sent before; s.mu
// must be held.
func (s *Server) mediaFile(req *request, param, ref, kind string) (*file, *apiError) {
	if up, ok := req.files[param]; ok && ref == "" {
		return s.storeFile(kind, up)
	}
	if name, ok := strings.CutPrefix(ref, "attach://"); ok {
		up, ok := req.files[name]
		if !ok {
			return nil, violation("can't find attached file", "parameter %q: %s names no uploaded part", param, ref)
		}
		return s.storeFile(kind, up)
	}
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return nil, violation("failed to get HTTP URL content", "parameter %q: the fake does not fetch URLs (%s)", param, ref)
	}
	f, ok := s.files[ref]
	if !ok {
		return nil, violation("wrong file identifier/HTTP URL specified", "parameter %q: unknown file_id %q", param, ref)
	}
	if f.kind != kind {
		return nil, violation("wrong file identifier/HTTP URL specified", "parameter %q: file_id %q is a %s, not a %s", param, ref, f.kind, kind)
	}
	return f, nil
}

// getFile answers a File with the path to download it from.
func (s *Server) getFile(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[req.str("file_id")]
	if !ok {
		return nil, violation("invalid file_id", "parameter \"file_id\": unknown file %q", req.str("file_id"))
	}
	if f.byteSize() > maxBotDownload {
		return nil, violation("file is too big", "getFile: file %q is %d bytes, over the 20 MB bots may download", f.id, f.byteSize())
	}
	return map[string]any{"file_id": f.id, "file_unique_id": f.uniqueID, "file_size": f.byteSize(), "file_path": f.path}, nil
}

// serveFile answers downloads from /file/bot<token>/<file_path>.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rest string) {
	_, filePath, _ := strings.Cut(rest, "/")
	s.mu.Lock()
	var found *file
	for _, f := range s.files {
		if f.path == filePath {
			found = f
		}
	}
	s.mu.Unlock()
	if found == nil {
		http.NotFound(w, r)
		return
	}
	if found.mime != "" {
		w.Header().Set("Content-Type", found.mime)
	}
	_, _ = w.Write(found.data)
}
