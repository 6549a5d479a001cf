package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
	"processet/mining/eventlog"
)

// maxDownload is the largest file Telegram's getFile hands a bot.
const maxDownload = 20 << 20

// miningUploads are the event logs waiting for «Импортировать», kept in
// the database (any process of the bot can go on with one), and the
// import job that takes a confirmed one. The app's Task Mining area has
// them (mining.Uploads, with the job queue).
type miningUploads interface {
	SaveUpload(ctx context.Context, actor domain.User, u domain.MiningUpload, content []byte) (domain.MiningUpload, error)
	Upload(ctx context.Context, actor domain.User, key string) (domain.MiningUpload, error)
	UploadContent(ctx context.Context, key string) ([]byte, error)
	SetUploadMapping(ctx context.Context, actor domain.User, key string, mapping []int) error
	ConfirmUpload(ctx context.Context, actor domain.User, key string, messageID int) error
	CancelUpload(ctx context.Context, actor domain.User, key string) error
	ConfirmedUpload(ctx context.Context, key string) (domain.MiningUpload, []byte, error)
	FinishUpload(ctx context.Context, key string) error
	// ImportOf is the import of the file with this content hash and its
	// time, for a job run again after its import was stored.
	ImportOf(ctx context.Context, hash []byte) (domain.MiningImport, time.Time, error)
	// RecomputeAfterImport recomputes every process, waiting for a run
	// under way (another import's, the nightly one) to end first.
	RecomputeAfterImport(ctx context.Context, progress mining.Progress) (int, error)
}

// onDocument takes an event log a manager sends in a private chat: it
// stores it as a waiting upload and shows the confirmation screen.
func (h *Handler) onDocument(c tele.Context) error {
	doc := c.Message().Document
	if doc == nil || c.Chat().Type != tele.ChatPrivate || h.cfg.Mining == nil {
		return nil
	}
	tr := h.printer(c)
	u := user(c)
	if !u.Role.AtLeast(domain.RoleManager) {
		return c.Send(tr.T(i18n.ImportManagersOnly))
	}
	if doc.FileSize > maxDownload {
		mb := strconv.FormatFloat(float64(doc.FileSize)/(1<<20), 'f', 1, 64)
		return c.Send(tr.T(i18n.ImportTooBig, mb), tele.ModeHTML)
	}
	_ = c.Notify(tele.UploadingDocument)
	content, err := h.download(doc.FileID)
	if err != nil {
		h.logger(c).Warn("download an event log", "err", err)
		return c.Send(tr.T(i18n.ImportDownloadFail))
	}
	p, err := eventlog.Sniff(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return c.Send(tr.T(i18n.ImportNotALog), tele.ModeHTML)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	up, err := h.cfg.Mining.SaveUpload(ctx, u, domain.MiningUpload{ChatID: c.Chat().ID, FileName: doc.FileName,
		Mapping: p.Mapping[:], Lang: u.Language(), TimeZone: h.loc(c).String()}, content)
	if err != nil {
		return err
	}
	text, kb := h.importScreen(tr, content, p, up)
	return c.Send(text, kb, tele.ModeHTML)
}

// download fetches a file through getFile and its URL.
func (h *Handler) download(fileID string) ([]byte, error) {
	rc, err := h.bot.File(&tele.File{FileID: fileID})
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxDownload+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxDownload {
		return nil, errors.New("the file is over Telegram's download limit")
	}
	return b, nil
}

// toMapping is an upload's stored mapping as the readers take it.
func toMapping(cols []int) eventlog.Mapping {
	m := eventlog.NoMapping()
	copy(m[:], cols)
	return m
}

// roleKeys names each role on the confirmation screen.
var roleKeys = map[eventlog.Role]i18n.Key{
	eventlog.RoleCase: i18n.ImportRoleCase, eventlog.RoleActivity: i18n.ImportRoleActivity,
	eventlog.RoleEnd: i18n.ImportRoleEnd, eventlog.RoleStart: i18n.ImportRoleStart,
	eventlog.RoleResource: i18n.ImportRoleResource, eventlog.RoleProcess: i18n.ImportRoleProcess,
	eventlog.RoleLifecycle: i18n.ImportRoleLife,
}

// uploadProcess is the process an upload goes into with its present
// mapping (see mining.FileProcess).
func uploadProcess(content []byte, p *eventlog.Preview, up domain.MiningUpload) string {
	name, err := mining.FileProcess(bytes.NewReader(content), int64(len(content)), p, up.FileName)
	if err != nil || name == "" {
		return up.FileName
	}
	return name
}

// importScreen is the confirmation: format, process, the column of each
// role and the first rows, with a button per role that moves it to the
// next column, and Import / Cancel.
func (h *Handler) importScreen(tr i18n.Printer, content []byte, p *eventlog.Preview, up domain.MiningUpload) (string, *tele.ReplyMarkup) {
	p.Mapping = toMapping(up.Mapping)
	name := uploadProcess(content, p, up)
	format := strings.ToUpper(string(p.Format))
	if p.Container != eventlog.Plain {
		format += " · " + string(p.Container)
	}
	if p.Encoding != "" {
		format += " · " + string(p.Encoding)
	}
	var cols strings.Builder
	var roleBtns []tele.Btn
	for _, role := range eventlog.Roles() {
		label := tr.T(roleKeys[role])
		col := p.Mapping[role]
		if col >= 0 && col < len(p.Header) {
			cols.WriteString(tr.T(i18n.ImportColumn, label, html.EscapeString(p.Header[col])) + "\n")
		} else {
			cols.WriteString(tr.T(i18n.ImportNoColumn, label) + "\n")
		}
		if p.Format == eventlog.CSV && role != eventlog.RoleLifecycle {
			roleBtns = append(roleBtns, button(btnMineImport, label+" ↻", "r"+strconv.Itoa(int(role)), up.Key))
		}
	}
	var samples strings.Builder
	for i, s := range p.Samples {
		cells := make([]string, len(s))
		for j, v := range s {
			cells[j] = html.EscapeString(v)
		}
		samples.WriteString(tr.T(i18n.ImportSample, i+1, strings.Join(cells, " | ")) + "\n")
	}
	text := tr.T(i18n.ImportConfirm, html.EscapeString(up.FileName), format, html.EscapeString(name), cols.String(), samples.String())
	if missing := p.Mapping.Missing(); len(missing) > 0 {
		names := make([]string, len(missing))
		for i, m := range missing {
			names[i] = tr.T(roleKeys[m])
		}
		text += "\n" + tr.T(i18n.ImportMissing, strings.Join(names, ", "))
	}
	var rows [][]tele.Btn
	for i := 0; i < len(roleBtns); i += 3 {
		rows = append(rows, roleBtns[i:min(i+3, len(roleBtns))])
	}
	rows = append(rows, row(button(btnMineImport, tr.T(i18n.ImportButton), "go", up.Key), button(btnMineImport, tr.T(i18n.ImportCancel), "no", up.Key)))
	return text, inline(rows...)
}

// onMineImport handles the confirmation screen's buttons. The upload is
// in the database, so they work after a restart and in any process of
// the bot.
func (h *Handler) onMineImport(c tele.Context) error {
	tr := h.printer(c)
	op, role, key, ok := parseImportData(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	if h.cfg.Mining == nil {
		_ = h.answer(c, "", false)
		return c.Edit(tr.T(i18n.ImportGone))
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	up, err := h.cfg.Mining.Upload(ctx, u, key)
	if err != nil {
		_ = h.answer(c, "", false)
		if !errors.Is(err, mining.ErrUploadGone) {
			h.logger(c).Warn("task mining upload", "err", err)
		}
		return c.Edit(tr.T(i18n.ImportGone))
	}
	switch op {
	case "no":
		_ = h.answer(c, "", false)
		if err := h.cfg.Mining.CancelUpload(ctx, u, key); err != nil && !errors.Is(err, mining.ErrUploadGone) {
			return err
		}
		return c.Edit(tr.T(i18n.ImportCancelled), inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
	case "go":
		// The callback is answered at once; the import job does the rest
		// and edits this message as it goes.
		_ = h.answer(c, tr.T(i18n.ImportQueued), false)
		msg := c.Callback().Message
		// The screen turns into the progress before the job exists, so
		// that this edit can never come after the job's.
		if _, err := h.bot.Edit(msg, tr.T(i18n.ImportRunning, html.EscapeString(up.FileName)), tele.ModeHTML); ignoreNotModified(err) != nil {
			h.logger(c).Warn("task mining import screen", "err", err)
		}
		err := h.cfg.Mining.ConfirmUpload(ctx, u, key, msg.ID)
		switch {
		case errors.Is(err, mining.ErrUploadGone):
			return c.Edit(tr.T(i18n.ImportGone))
		case err != nil:
			h.logger(c).Error("task mining: confirm an upload", "err", err)
			return c.Edit(tr.T(i18n.ImportJobFailed), miningHomeKeyboard(tr))
		}
		return nil
	case "r":
		return h.cycleRole(c, ctx, tr, up, role)
	}
	return h.answer(c, "", false)
}

// parseImportData reads a confirmation button's data: "go", "no" or
// "r<role>", then the upload's key (the 16 letters and digits
// mining.Uploads drew).
func parseImportData(data string) (op string, role eventlog.Role, key string, ok bool) {
	op, key, _ = strings.Cut(data, "|")
	if len(key) != 16 || strings.Trim(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
		return "", 0, "", false
	}
	switch {
	case op == "go", op == "no":
		return op, 0, key, true
	case strings.HasPrefix(op, "r"):
		n, err := strconv.Atoi(op[1:])
		if err != nil || op[1:] != strconv.Itoa(n) || n < 0 || n >= len(eventlog.Roles()) || eventlog.Role(n) == eventlog.RoleLifecycle {
			return "", 0, "", false
		}
		return "r", eventlog.Role(n), key, true
	}
	return "", 0, "", false
}

// cycleRole moves a role to the next free column (see nextColumn).
func (h *Handler) cycleRole(c tele.Context, ctx context.Context, tr i18n.Printer, up domain.MiningUpload, role eventlog.Role) error {
	_ = h.answer(c, "", false)
	content, err := h.cfg.Mining.UploadContent(ctx, up.Key)
	if err != nil {
		return c.Edit(tr.T(i18n.ImportGone))
	}
	p, err := eventlog.Sniff(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return c.Edit(tr.T(i18n.ImportGone))
	}
	m := toMapping(up.Mapping)
	next := nextColumn(m, role, len(p.Header))
	if next == m[role] {
		return nil // no free column to move to: the screen stays as it is
	}
	m[role] = next
	up.Mapping = m[:]
	if err := h.cfg.Mining.SetUploadMapping(ctx, user(c), up.Key, up.Mapping); err != nil {
		return c.Edit(tr.T(i18n.ImportGone))
	}
	text, kb := h.importScreen(tr, content, p, up)
	return c.Edit(text, kb, tele.ModeHTML)
}

// miningHomeKeyboard leads from an import's last message home or to the area.
func miningHomeKeyboard(tr i18n.Printer) *tele.ReplyMarkup {
	return inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)), button(btnArea, tr.T(i18n.AreaMining), string(areaMining))))
}

// importError says what is wrong with a file, in the user's language,
// naming the line and the column of each bad row (the first five); ok is
// false for an error that is not the file's, which the user is not shown.
func importError(tr i18n.Printer, err error) (text string, ok bool) {
	var bad *eventlog.BadRowsError
	var missing *eventlog.MissingColumnsError
	var file *eventlog.FileError
	switch {
	case errors.As(err, &bad):
		var b strings.Builder
		for _, r := range bad.Rows {
			fmt.Fprintln(&b, tr.T(i18n.ImportBadRow, tr.Int(r.Line), html.EscapeString(r.Column), tr.T(rowErrorKey(r.Kind)), html.EscapeString(r.Value)))
		}
		if bad.Stopped {
			b.WriteString(tr.T(i18n.ImportBadRowsMore))
		}
		return tr.T(i18n.ImportBadRows, strings.TrimRight(b.String(), "\n")), true
	case errors.As(err, &missing):
		names := make([]string, len(missing.Roles))
		for i, r := range missing.Roles {
			names[i] = tr.T(roleKeys[r])
		}
		return tr.T(i18n.ImportMissing, strings.Join(names, ", ")), true
	case errors.As(err, &file):
		if file.Kind == eventlog.ExcelFile {
			return tr.T(i18n.ImportNotALog), true
		}
		return tr.T(i18n.ImportFailed, html.EscapeString(file.Error())), true
	case errors.Is(err, mining.ErrProcessName):
		return tr.T(i18n.ImportBadProcessName), true
	}
	return tr.T(i18n.ImportJobFailed), false
}

func rowErrorKey(k eventlog.ErrorKind) i18n.Key {
	switch k {
	case eventlog.BadTimestamp:
		return i18n.ImportErrTimestamp
	case eventlog.EmptyValue:
		return i18n.ImportErrEmpty
	case eventlog.ShortRow:
		return i18n.ImportErrShort
	}
	return i18n.ImportErrSyntax
}

// nextColumn is the column after role's present one that no other role
// holds, wrapping around; an optional role passes through "none" (-1). A
// column another role holds is skipped rather than taken, so a press never
// leaves a required role without its column.
func nextColumn(m eventlog.Mapping, role eventlog.Role, columns int) int {
	held := make([]bool, columns)
	for r, col := range m {
		if eventlog.Role(r) != role && col >= 0 && col < columns {
			held[col] = true
		}
	}
	col := m[role]
	for range columns + 1 {
		col++
		if col >= columns {
			col = -1
			if !role.Required() {
				return -1
			}
			continue
		}
		if !held[col] {
			return col
		}
	}
	return m[role]
}
