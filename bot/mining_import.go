package bot

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
	"processet/mining/eventlog"
)

// maxDownload is the largest file Telegram's getFile hands a bot.
const maxDownload = 20 << 20

// importProgressEvery is how often a long import edits its progress message.
const importProgressEvery = 2 * time.Second

// pendingImport is a downloaded log waiting for «Импортировать»: the file
// sits next to this state in incomingDir, named by Telegram's unique file
// ID, and nothing is in the database until the user confirms.
type pendingImport struct {
	UserID  int64            `json:"user_id"`
	Name    string           `json:"name"`
	Mapping eventlog.Mapping `json:"mapping"`
}

// incomingDir is where downloaded logs wait for confirmation.
func incomingDir() string { return filepath.Join(os.TempDir(), "processet-mining-incoming") }

func importPaths(key string) (file, state string) {
	base := filepath.Join(incomingDir(), filepath.Base(key))
	return base + ".log", base + ".json"
}

// onDocument takes an event log a manager sends in a private chat.
func (h *Handler) onDocument(c tele.Context) error {
	doc := c.Message().Document
	if doc == nil || c.Chat().Type != tele.ChatPrivate || h.cfg.Mining == nil {
		return nil
	}
	tr := h.printer(c)
	if !user(c).Role.AtLeast(domain.RoleManager) {
		return c.Send(tr.T(i18n.ImportManagersOnly))
	}
	if doc.FileSize > maxDownload {
		mb := strconv.FormatFloat(float64(doc.FileSize)/(1<<20), 'f', 1, 64)
		return c.Send(tr.T(i18n.ImportTooBig, mb), tele.ModeHTML)
	}
	_ = c.Notify(tele.UploadingDocument)
	key := rand.Text()[:16] // names the waiting file; 80 random bits, safe in a path and short in callback data
	path, statePath := importPaths(key)
	if err := h.download(doc.FileID, path); err != nil {
		h.logger(c).Warn("download an event log", "err", err)
		return c.Send(tr.T(i18n.ImportDownloadFail))
	}
	f, size, p, err := openLog(path)
	var notALog *notALogError
	switch {
	case errors.As(err, &notALog):
		_ = os.Remove(path)
		return c.Send(tr.T(i18n.ImportNotALog), tele.ModeHTML)
	case err != nil:
		return err
	}
	defer f.Close()
	pi := pendingImport{UserID: user(c).ID, Name: doc.FileName, Mapping: p.Mapping}
	if err := savePending(statePath, pi); err != nil {
		return err
	}
	text, kb := h.importScreen(tr, f, size, p, pi, key)
	return c.Send(text, kb, tele.ModeHTML)
}

// download fetches a file through getFile and its URL into path.
func (h *Handler) download(fileID, path string) error {
	if err := os.MkdirAll(incomingDir(), 0o700); err != nil {
		return err
	}
	rc, err := h.bot.File(&tele.File{FileID: fileID})
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, io.LimitReader(rc, maxDownload+1)); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func savePending(path string, pi pendingImport) error {
	b, err := json.Marshal(pi)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o600)
}

func loadPending(path string) (pendingImport, error) {
	var pi pendingImport
	b, err := os.ReadFile(path)
	if err != nil {
		return pi, err
	}
	return pi, json.Unmarshal(b, &pi)
}

// roleKeys names each role on the confirmation screen.
var roleKeys = map[eventlog.Role]i18n.Key{
	eventlog.RoleCase: i18n.ImportRoleCase, eventlog.RoleActivity: i18n.ImportRoleActivity,
	eventlog.RoleEnd: i18n.ImportRoleEnd, eventlog.RoleStart: i18n.ImportRoleStart,
	eventlog.RoleResource: i18n.ImportRoleResource, eventlog.RoleProcess: i18n.ImportRoleProcess,
	eventlog.RoleLifecycle: i18n.ImportRoleLife,
}

// importScreen is the confirmation: format, process, the column of each
// role and the first rows, with a button per role that moves it to the
// next column, and Import / Cancel.
func (h *Handler) importScreen(tr i18n.Printer, r io.ReaderAt, size int64, p *eventlog.Preview, pi pendingImport, key string) (string, *tele.ReplyMarkup) {
	p.Mapping = pi.Mapping
	name, err := mining.FileProcess(r, size, p, pi.Name)
	if err != nil || name == "" {
		name = pi.Name
	}
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
		col := pi.Mapping[role]
		if col >= 0 && col < len(p.Header) {
			cols.WriteString(tr.T(i18n.ImportColumn, label, html.EscapeString(p.Header[col])) + "\n")
		} else {
			cols.WriteString(tr.T(i18n.ImportNoColumn, label) + "\n")
		}
		if p.Format == eventlog.CSV && role != eventlog.RoleLifecycle {
			roleBtns = append(roleBtns, button(btnMineImport, label+" ↻", "r"+strconv.Itoa(int(role)), key))
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
	text := tr.T(i18n.ImportConfirm, html.EscapeString(pi.Name), format, html.EscapeString(name), cols.String(), samples.String())
	if missing := pi.Mapping.Missing(); len(missing) > 0 {
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
	rows = append(rows, row(button(btnMineImport, tr.T(i18n.ImportButton), "go", key), button(btnMineImport, tr.T(i18n.ImportCancel), "no", key)))
	return text, inline(rows...)
}

// onMineImport handles the confirmation screen's buttons.
func (h *Handler) onMineImport(c tele.Context) error {
	tr := h.printer(c)
	op, role, key, ok := parseImportData(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	path, statePath := importPaths(key)
	pi, err := loadPending(statePath)
	if err != nil || pi.UserID != user(c).ID || h.cfg.Mining == nil {
		_ = h.answer(c, "", false)
		return c.Edit(tr.T(i18n.ImportGone))
	}
	switch {
	case op == "no":
		_ = os.Remove(path)
		_ = os.Remove(statePath)
		_ = h.answer(c, "", false)
		return c.Edit(tr.T(i18n.ImportCancelled), inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
	case op == "go":
		_ = h.answer(c, "", false)
		// Taking the state away first makes a second press (or a second
		// bot process) find nothing to import.
		if os.Remove(statePath) != nil {
			return c.Edit(tr.T(i18n.ImportGone))
		}
		defer os.Remove(path)
		return h.runImport(c, tr, path, pi)
	case op == "r":
		return h.cycleRole(c, tr, path, statePath, pi, role, key)
	}
	return h.answer(c, "", false)
}

// parseImportData reads a confirmation button's data: "go", "no" or
// "r<role>", then the waiting file's key (the 16 letters and digits
// onDocument drew, so it is safe in a path).
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
func (h *Handler) cycleRole(c tele.Context, tr i18n.Printer, path, statePath string, pi pendingImport, role eventlog.Role, key string) error {
	_ = h.answer(c, "", false)
	f, size, p, err := openLog(path)
	var notALog *notALogError
	switch {
	case errors.As(err, &notALog):
		return c.Edit(tr.T(i18n.ImportGone))
	case err != nil:
		return c.Edit(tr.T(i18n.ImportGone))
	}
	defer f.Close()
	next := nextColumn(pi.Mapping, role, len(p.Header))
	if next == pi.Mapping[role] {
		return nil // no free column to move to: the screen stays as it is
	}
	pi.Mapping[role] = next
	if err := savePending(statePath, pi); err != nil {
		return err
	}
	text, kb := h.importScreen(tr, f, size, p, pi, key)
	return c.Edit(text, kb, tele.ModeHTML)
}

// runImport imports the confirmed file, recomputes and edits the screen
// into the summary (or the errors). The progress edits every couple of
// seconds while a big file is read.
func (h *Handler) runImport(c tele.Context, tr i18n.Printer, path string, pi pendingImport) error {
	f, size, p, err := openLog(path)
	var notALog *notALogError
	switch {
	case errors.As(err, &notALog):
		return c.Edit(tr.T(i18n.ImportNotALog), tele.ModeHTML)
	case err != nil:
		return c.Edit(tr.T(i18n.ImportGone))
	}
	defer f.Close()
	p.Mapping = pi.Mapping
	name, err := mining.FileProcess(f, size, p, pi.Name)
	if err != nil || name == "" {
		name = pi.Name
	}
	msg := c.Callback().Message
	_, _ = h.bot.Edit(msg, tr.T(i18n.ImportRunning, html.EscapeString(name)), tele.ModeHTML)
	ctx := context.Background()
	var last atomic.Int64
	last.Store(time.Now().UnixNano())
	progress := func(pr eventlog.Progress) {
		now := time.Now()
		if now.UnixNano()-last.Load() < int64(importProgressEvery) {
			return
		}
		last.Store(now.UnixNano())
		_, _ = h.bot.Edit(msg, tr.T(i18n.ImportProgress, html.EscapeString(name), tr.Int(int(pr.Rows))), tele.ModeHTML)
	}
	res, err := h.cfg.Mining.ImportFile(ctx, f, size, p, mining.FileOptions{Process: name, Name: pi.Name, Location: h.cfg.Loc, Progress: progress})
	home := inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)), button(btnArea, tr.T(i18n.AreaMining), string(areaMining))))
	if err != nil {
		_, err := h.bot.Edit(msg, importError(tr, err), home, tele.ModeHTML)
		return err
	}
	if res.Duplicate {
		_, err := h.bot.Edit(msg, tr.T(i18n.ImportDuplicate, html.EscapeString(res.Process)), home, tele.ModeHTML)
		return err
	}
	if _, err := h.cfg.Mining.Recompute(ctx, nil); err != nil && !errors.Is(err, mining.ErrRunning) {
		h.logger(c).Warn("recompute after an import", "err", err)
	}
	pr, err := h.cfg.Mining.Process(ctx, res.ProcessID)
	if err != nil {
		return err
	}
	text := tr.T(i18n.ImportDone, html.EscapeString(res.Process), tr.Int(pr.Cases), tr.Int(pr.Events), tr.Int(res.Added),
		tr.Int(pr.Activities), tr.Int(pr.Variants), tr.Date(pr.First), tr.Date(pr.Last))
	_, err = h.bot.Edit(msg, text, home, tele.ModeHTML)
	return err
}

// importError says what is wrong with a file, in the user's language,
// naming the line and the column of each bad row (the first five).
func importError(tr i18n.Printer, err error) string {
	var bad *eventlog.BadRowsError
	var missing *eventlog.MissingColumnsError
	switch {
	case errors.As(err, &bad):
		var b strings.Builder
		for _, r := range bad.Rows {
			fmt.Fprintln(&b, tr.T(i18n.ImportBadRow, tr.Int(r.Line), html.EscapeString(r.Column), tr.T(rowErrorKey(r.Kind)), html.EscapeString(r.Value)))
		}
		if bad.Stopped {
			b.WriteString(tr.T(i18n.ImportBadRowsMore))
		}
		return tr.T(i18n.ImportBadRows, strings.TrimRight(b.String(), "\n"))
	case errors.As(err, &missing):
		names := make([]string, len(missing.Roles))
		for i, r := range missing.Roles {
			names[i] = tr.T(roleKeys[r])
		}
		return tr.T(i18n.ImportMissing, strings.Join(names, ", "))
	}
	return tr.T(i18n.ImportFailed, html.EscapeString(err.Error()))
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

// notALogError is a downloaded file the readers cannot take as a log.
type notALogError struct{ err error }

func (e *notALogError) Error() string { return e.err.Error() }

// openLog opens a downloaded event log and sniffs it, for the confirmation
// screen, a change of a column's role and the import alike. A file gone
// (or unreadable) is the plain error; one that is no log, a *notALogError.
func openLog(path string) (*os.File, int64, *eventlog.Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, nil, err
	}
	p, err := eventlog.Sniff(f, st.Size())
	if err != nil {
		f.Close()
		return nil, 0, nil, &notALogError{err}
	}
	return f, st.Size(), p, nil
}
