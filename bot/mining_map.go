package bot

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining/processmap"
)

// mapRenderer draws a process map's DOT text as PNG; *processmap.Renderer
// is one. Check says where `dot` is, or a *processmap.MissingError.
type mapRenderer interface {
	Check() (string, error)
	PNG(ctx context.Context, dot []byte) ([]byte, error)
}

// mapStartLevel is the detail level a map opens at: the main activities
// and paths, legible on a phone.
const mapStartLevel = 2

// mapCacheSize bounds the maps kept in memory: about 100 KB each.
const mapCacheSize = 64

// mapKey names one picture: a process as one recompute left it, at one
// level and view, in one language (the labels are in it).
type mapKey struct {
	process    int64
	computedAt int64
	level      int
	view       processmap.View
	lang       domain.Lang
}

// mapImage is a rendered map and, once Telegram has it, its file_id, so
// a repeat sends no bytes.
type mapImage struct {
	png    []byte
	fileID string
}

// processMaps renders process maps, keeps the recent ones, and remembers
// whether Graphviz was missing, to log it once.
type processMaps struct {
	draw    mapRenderer
	cache   *lru.Cache[mapKey, mapImage]
	missing atomic.Bool
}

func newProcessMaps(draw mapRenderer) *processMaps {
	if draw == nil {
		draw = processmap.NewRenderer("", 0, 0)
	}
	cache, err := lru.New[mapKey, mapImage](mapCacheSize)
	if err != nil {
		panic(err) // only for a size below one
	}
	return &processMaps{draw: draw, cache: cache}
}

// mapRef is what a map button carries: the process, level and view, and
// the process list's page the card goes back to.
type mapRef struct {
	id    int64
	level int
	view  processmap.View
	page  int
}

var viewCodes = map[processmap.View]string{processmap.Frequency: "f", processmap.Durations: "d"}

func (m mapRef) data() []string {
	return []string{strconv.FormatInt(m.id, 10), strconv.Itoa(m.level), viewCodes[m.view], strconv.Itoa(m.page)}
}

// parseMapRef reads a map button's data; ok is false for anything a
// map button never carries.
func parseMapRef(data string) (mapRef, bool) {
	args := strings.Split(data, "|")
	if len(args) != 4 {
		return mapRef{}, false
	}
	id, okID := parseID(args[0])
	level, err := strconv.Atoi(args[1])
	page, okPage := parsePage(args[3])
	m := mapRef{id: id, level: level, page: page}
	okView := false
	for v, code := range viewCodes {
		if code == args[2] {
			m.view, okView = v, true
		}
	}
	return m, okID && okPage && okView && err == nil && level >= 1 && level <= processmap.Levels
}

// onMiningMap shows a process map: a photo in place of the card, and at
// each press of its buttons the photo edited in place. Without Graphviz
// (or when it fails) the main paths come as text, saying what is missing.
func (h *Handler) onMiningMap(c tele.Context) error {
	m, ok := parseMapRef(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	r, err := h.cfg.Mining.Process(ctx, m.id)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	g := processmap.Build(r, m.level)
	kb := mapKeyboard(tr, m)
	if len(g.Nodes) == 0 {
		return h.showMapText(c, mapEmptyText(tr, r), kb)
	}
	img, err := h.mapImage(ctx, c, tr, r, g, m)
	switch {
	case processmap.IsMissing(err):
		if !h.maps.missing.Swap(true) {
			h.logger(c).Warn("process maps are text: Graphviz is not installed", "err", err)
		}
		note := tr.T(i18n.MiningMapAskAdmin)
		if user(c).Role.AtLeast(domain.RoleAdmin) {
			note = tr.T(i18n.MiningMapAdminNote)
		}
		return h.showMapText(c, mapText(tr, r, g, m.view, tr.T(i18n.MiningMapNoGraphviz), note), kb)
	case err != nil:
		h.logger(c).Error("draw a process map", "process", m.id, "level", m.level, "err", err)
		return h.showMapText(c, mapText(tr, r, g, m.view, tr.T(i18n.MiningMapDrawFailed), ""), kb)
	}
	h.maps.missing.Store(false)
	return h.showMapPhoto(c, mapKeyOf(r, m, tr), img, mapCaption(tr, r, g, m.view), kb)
}

func mapKeyOf(r domain.ProcessResult, m mapRef, tr i18n.Printer) mapKey {
	return mapKey{process: r.ID, computedAt: r.ComputedAt.UnixNano(), level: m.level, view: m.view, lang: tr.Lang}
}

// mapImage is the map's picture from the cache, else drawn now, with
// "sending a photo" in the chat meanwhile.
func (h *Handler) mapImage(ctx context.Context, c tele.Context, tr i18n.Printer, r domain.ProcessResult, g processmap.Graph, m mapRef) (mapImage, error) {
	if img, ok := h.maps.cache.Get(mapKeyOf(r, m, tr)); ok {
		return img, nil
	}
	if _, err := h.maps.draw.Check(); err != nil {
		return mapImage{}, err
	}
	_ = c.Notify(tele.UploadingPhoto) // a hint only: drawing goes on if it fails
	png, err := h.maps.draw.PNG(ctx, processmap.DOT(g, m.view, mapLabels(tr)))
	if err != nil {
		return mapImage{}, err
	}
	img := mapImage{png: png}
	h.maps.cache.Add(mapKeyOf(r, m, tr), img)
	return img, nil
}

// showMapPhoto edits the map the button was on, or sends the map in place
// of the card (a text message cannot become a photo). Telegram's file_id
// of a picture sent before saves uploading it again.
func (h *Handler) showMapPhoto(c tele.Context, key mapKey, img mapImage, caption string, kb *tele.ReplyMarkup) error {
	send := func(file tele.File) (*tele.Message, error) {
		photo := &tele.Photo{File: file, Caption: caption}
		if msg := c.Message(); msg != nil && msg.Photo != nil {
			return h.bot.Edit(msg, photo, kb, tele.ModeHTML)
		}
		return h.bot.Send(c.Chat(), photo, kb, tele.ModeHTML)
	}
	var sent *tele.Message
	var err error
	if img.fileID != "" {
		sent, err = send(tele.File{FileID: img.fileID})
	}
	if img.fileID == "" || err != nil && ignoreNotModified(err) != nil {
		sent, err = send(tele.FromReader(bytes.NewReader(img.png)))
	}
	if err := ignoreNotModified(err); err != nil {
		return err
	}
	if sent != nil && sent.Photo != nil && sent.Photo.FileID != "" {
		img.fileID = sent.Photo.FileID
		h.maps.cache.Add(key, img)
	}
	if msg := c.Message(); msg != nil && msg.Photo == nil {
		_ = h.bot.Delete(msg) // the map takes the card's place; a failed delete leaves the card above it
	}
	return nil
}

// showMapText shows the map's text view: edited in place of the card or
// of an earlier text view, else in place of a map picture.
func (h *Handler) showMapText(c tele.Context, text string, kb *tele.ReplyMarkup) error {
	if err := h.showText(c, text, kb); err != nil {
		return err
	}
	if msg := c.Message(); msg != nil && msg.Photo != nil {
		_ = h.bot.Delete(msg) // the text took the picture's place
	}
	return nil
}

// onMiningMapCard goes back from a map to its process card: the card is
// text, so it is sent in the picture's place.
func (h *Handler) onMiningMapCard(c tele.Context) error {
	id, page, ok := idPageArgs(c)
	if !ok {
		return h.onStaleButton(c)
	}
	if err := h.showProcessCard(c, id, page); err != nil {
		return err
	}
	if msg := c.Message(); msg != nil && msg.Photo != nil {
		_ = h.bot.Delete(msg) // a failed delete leaves the map above the card
	}
	return nil
}

// graphvizStatusText is /status's line on process maps: where `dot` is,
// or that it is missing and maps are text.
func graphvizStatusText(tr i18n.Printer, draw mapRenderer) string {
	path, err := draw.Check()
	if err != nil {
		var what string
		if m := (*processmap.MissingError)(nil); errors.As(err, &m) {
			what = m.Path
		}
		return "\n" + tr.T(i18n.StatusGraphvizMissing, esc(what, 100))
	}
	return "\n" + tr.T(i18n.StatusGraphvizOK, esc(path, 100))
}
