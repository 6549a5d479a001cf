package bot

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/mining/eventlog"
	"processet/mining/processmap"
)

// Largest values that callback data carries.
const (
	maxPage = 99999 // parsePage's last page
)

var maxID = strconv.FormatInt(math.MaxInt64, 10)

// buttonCase is one button as the bot builds it, with what the handler of
// its kind must read back from the data.
type buttonCase struct {
	btn  tele.Btn
	want []any
}

// buttonCases builds every button kind with the largest IDs and pages and
// each of its codes.
func buttonCases(t *testing.T) []buttonCase {
	t.Helper()
	now, loc := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC), time.UTC
	id := int64(math.MaxInt64)
	var cs []buttonCase
	add := func(b tele.Btn, want ...any) { cs = append(cs, buttonCase{b, want}) }

	for _, a := range []area{areaHome, areaCRM, areaTasks, areaMining, areaIdeas} {
		add(button(btnArea, "x", string(a)), a)
	}
	for _, l := range []domain.Lang{domain.LangRU, domain.LangEN} {
		add(button(btnLang, "x", string(l)), l)
	}
	for _, z := range append(slices.Clone(zonePresets), zoneList, zoneCompany, zoneBack) {
		add(button(btnZone, "x", z), z)
	}
	add(button(btnApprove, "x", maxID), id)
	add(button(btnReject, "x", maxID), id)
	add(button(btnUsers, "x", strconv.Itoa(maxPage)), maxPage)
	add(button(btnUser, "x", userIDData(domain.User{ID: id}, maxPage)...), id, maxPage)
	for _, r := range []domain.Role{domain.RoleRejected, domain.RoleEmployee, domain.RoleManager, domain.RoleAdmin} {
		add(button(btnRole, "x", maxID, string(r), strconv.Itoa(maxPage)), id, r, maxPage)
	}

	for s := range statusCodes {
		ref := listRef{status: s, page: maxPage}
		add(button(btnTasks, "x", ref.data()...), ref)
		add(button(btnTask, "x", taskData(id, ref)...), id, ref)
		for _, m := range []string{menuStatus, menuPriority, menuDeadline, menuAssignee + strconv.Itoa(maxPage)} {
			add(button(btnTaskMenu, "x", append([]string{maxID, m}, ref.data()...)...), id, m, ref)
		}
	}
	ref := listRef{status: domain.TaskReview, page: maxPage}
	set := func(field, value string) {
		change, ok := parseChange(field, value, now, loc)
		if !ok {
			t.Fatalf("task_set %s|%s does not parse", field, value)
		}
		add(button(btnTaskSet, "x", append([]string{maxID, field, value}, ref.data()...)...), id, change, ref)
	}
	for s, code := range statusCodes {
		if s != "" {
			set("s", code)
		}
	}
	for _, code := range priorityCodes {
		set("p", code)
	}
	set("a", maxID)
	set("a", "0")
	for _, code := range deadlinePresets {
		code := string(code)
		set("d", code)
	}
	add(button(btnSnooze, "x", maxID, "1h"), id, false)
	add(button(btnSnooze, "x", maxID, "tm"), id, true)
	add(button(btnNewTask, "x"))
	add(button(btnDraft, "x", "x"), "x")
	add(button(btnDraft, "x", "ok"), "ok")
	for p, code := range priorityCodes {
		add(button(btnDraft, "x", "p", code), "p", p)
	}
	add(button(btnDraft, "x", "a", maxID), "a", id)
	add(button(btnDraft, "x", "ap", strconv.Itoa(maxPage)), "ap", maxPage)
	for _, code := range deadlinePresets {
		code := string(code)
		at, _, _ := presetDeadline(code, now, loc)
		add(button(btnDraft, "x", "d", code), "d", at)
	}

	for _, code := range subPresetOrder {
		add(button(btnSubPreset, "x", code), subPresets[code])
	}
	for _, flag := range []string{"0", "1"} {
		add(button(btnUnsub, "x", maxID, flag, strconv.Itoa(maxPage)), id, flag == "1", maxPage)
		add(button(btnSubOnly, "x", maxID, flag, strconv.Itoa(maxPage)), id, flag == "1", maxPage)
		add(button(btnSubPage, "x", flag, strconv.Itoa(maxPage)), flag == "1", maxPage)
	}
	add(button(btnSubAll, "x"))
	add(button(btnSubMine, "x"))
	add(button(btnDigestNow, "x"))

	for _, l := range []dealList{{byPrice: true, mine: true, page: maxPage}, {page: maxPage}} {
		add(button(btnDeals, "x", l.data()...), l)
	}
	add(button(btnDeals, "x", dealListBack), dealListBack)
	add(button(btnDeal, "x", maxID), id, "", 0)
	for _, m := range []string{"t", "s", "r"} {
		add(button(btnDeal, "x", maxID, m), id, m, 0)
	}
	add(button(btnDeal, "x", maxID, "r"+strconv.Itoa(maxPage)), id, "r", maxPage)
	add(button(btnDealSet, "x", maxID, "s", maxID), id, "s", id)
	add(button(btnDealSet, "x", maxID, "r", maxID), id, "r", id)
	for q := range dealQuestions {
		add(button(btnDealAsk, "x", maxID, q), id, q)
	}
	add(button(btnLinkCRM, "x", maxID, maxID, strconv.Itoa(maxPage)), id, id, maxPage)
	add(button(btnLinkCRM, "x", maxID, "0", strconv.Itoa(maxPage)), id, int64(0), maxPage)
	add(button(btnLinkCRM, "x", maxID, "?", strconv.Itoa(maxPage)), id, "?", 0, maxPage)
	add(button(btnLinkCRM, "x", maxID, "?"+strconv.Itoa(maxPage), strconv.Itoa(maxPage)), id, "?", maxPage, maxPage)
	for i := range domain.CRMTaskPresets {
		add(button(btnCRMTask, "x", "new", maxID, strconv.Itoa(i)), "new", id, i)
	}
	for _, op := range []string{"back", "date", "ok", "x", "type", "resp", "due"} {
		add(button(btnCRMTask, "x", op), op)
	}
	add(button(btnCRMTask, "x", "type", maxID), "type", id)
	add(button(btnCRMTask, "x", "resp", maxID), "resp", id)
	add(button(btnCRMTask, "x", "resp", "p"+strconv.Itoa(maxPage)), "resp", "p", maxPage)
	for _, code := range deadlinePresets[:len(deadlinePresets)-1] {
		code := string(code)
		at, _, _ := presetDeadline(code, now, loc)
		add(button(btnCRMTask, "x", "due", code), "due", at)
	}
	add(button(btnMiningRun, "x"))
	add(button(btnMiningList, "x", strconv.Itoa(maxPage)), maxPage)
	add(button(btnMiningProc, "x", maxID, strconv.Itoa(maxPage)), id, maxPage)
	for level := 1; level <= processmap.Levels; level++ {
		for _, v := range []processmap.View{processmap.Frequency, processmap.Durations} {
			m := mapRef{id: id, level: level, view: v, page: maxPage}
			add(button(btnMiningMap, "x", m.data()...), m)
		}
	}
	add(button(btnMiningMapCard, "x", maxID, strconv.Itoa(maxPage)), id, maxPage)
	const importKey = "ABCDEFGHIJKLMN27"
	add(button(btnMineImport, "x", "go", importKey), "go", eventlog.Role(0), importKey)
	add(button(btnMineImport, "x", "no", importKey), "no", eventlog.Role(0), importKey)
	for _, r := range eventlog.Roles()[:len(eventlog.Roles())-1] {
		add(button(btnMineImport, "x", "r"+strconv.Itoa(int(r)), importKey), "r", r, importKey)
	}
	maxAct := strconv.Itoa(math.MaxInt32)
	proc := procRef{process: id, page: maxPage, list: maxPage}
	act := actRef{process: id, activity: math.MaxInt32, page: maxPage, list: maxPage}
	add(button(btnMiningVars, "x", proc.data()...), proc)
	add(button(btnMiningActs, "x", proc.data()...), proc)
	add(button(btnMiningAct, "x", maxID, maxAct, strconv.Itoa(maxPage), strconv.Itoa(maxPage)), act)
	for _, field := range []string{overrideTime, overrideShare} {
		add(button(btnMiningAsk, "x", append([]string{field}, act.data()...)...), field, act)
		add(button(btnMiningReset, "x", append([]string{field}, act.data()...)...), field, act)
	}
	return append(cs, ideaButtonCases()...)
}

// decodeButton reads callback data the way the handler of its kind does,
// with the same parsers, and returns what it read; ok is false where the
// handler would call the button stale.
func decodeButton(unique, data string) (got []any, ok bool) {
	now, loc := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC), time.UTC
	args := strings.Split(data, "|")
	n := len(args)
	id := func(s string) int64 {
		v, okID := parseID(s)
		ok = ok && okID
		return v
	}
	page := func(s string) int {
		v, okPage := parsePage(s)
		ok = ok && okPage
		return v
	}
	ref := func(status, p string) listRef {
		r, okRef := parseListRef(status, p)
		ok = ok && okRef
		return r
	}
	ok = true
	switch unique {
	case btnArea.Unique:
		return []any{area(data)}, slices.Contains([]area{areaHome, areaCRM, areaTasks, areaMining, areaIdeas}, area(data))
	case btnLang.Unique:
		l := domain.Lang(data)
		return []any{l}, l == domain.LangRU || l == domain.LangEN
	case btnZone.Unique:
		if data == zoneList || data == zoneCompany || data == zoneBack {
			return []any{data}, true
		}
		_, err := domain.LoadZone(data)
		return []any{data}, err == nil
	case btnApprove.Unique, btnReject.Unique:
		return []any{id(data)}, ok
	case btnUsers.Unique:
		return []any{page(data)}, ok
	case btnUser.Unique:
		if n != 2 {
			return nil, false
		}
		return []any{id(args[0]), page(args[1])}, ok
	case btnRole.Unique:
		if n != 3 {
			return nil, false
		}
		r := domain.Role(args[1])
		return []any{id(args[0]), r, page(args[2])}, ok && r.Valid() && r != domain.RolePending
	case btnTasks.Unique:
		if n != 2 {
			return nil, false
		}
		return []any{ref(args[0], args[1])}, ok
	case btnTask.Unique:
		if n != 3 {
			return nil, false
		}
		return []any{id(args[0]), ref(args[1], args[2])}, ok
	case btnTaskMenu.Unique:
		if n != 4 {
			return nil, false
		}
		return []any{id(args[0]), args[1], ref(args[2], args[3])}, ok && validMenu(args[1])
	case btnTaskSet.Unique:
		if n != 5 {
			return nil, false
		}
		change, okChange := parseChange(args[1], args[2], now, loc)
		return []any{id(args[0]), change, ref(args[3], args[4])}, ok && okChange
	case btnSnooze.Unique:
		if n != 2 {
			return nil, false
		}
		return []any{id(args[0]), args[1] == "tm"}, ok && (args[1] == "1h" || args[1] == "tm")
	case btnNewTask.Unique, btnSubAll.Unique, btnSubMine.Unique, btnDigestNow.Unique, btnMiningRun.Unique:
		return nil, data == ""
	case btnDraft.Unique:
		step, value, _ := strings.Cut(data, "|")
		switch step {
		case "x", "ok":
			return []any{step}, value == ""
		case "p":
			p, okP := parsePriorityCode(value)
			return []any{step, p}, okP
		case "a":
			v, err := strconv.ParseInt(value, 10, 64)
			return []any{step, v}, err == nil && v >= 0
		case "ap":
			v, err := strconv.Atoi(value)
			return []any{step, v}, err == nil && v >= 0
		case "d":
			at, _, okD := presetDeadline(value, now, loc)
			return []any{step, at}, okD
		}
		return nil, false
	case btnSubPreset.Unique:
		schedule, known := subPresets[data]
		return []any{schedule}, known
	case btnUnsub.Unique, btnSubOnly.Unique:
		if n != 3 || (args[1] != "0" && args[1] != "1") {
			return nil, false
		}
		return []any{id(args[0]), args[1] == "1", page(args[2])}, ok
	case btnSubPage.Unique:
		if n != 2 || (args[0] != "0" && args[0] != "1") {
			return nil, false
		}
		return []any{args[0] == "1", page(args[1])}, ok
	case btnDeals.Unique:
		if data == dealListBack {
			return []any{data}, true
		}
		l, okList := parseDealList(args)
		return []any{l}, okList
	case btnDeal.Unique:
		if n > 2 {
			return nil, false
		}
		menu := ""
		if n == 2 {
			menu = args[1]
		}
		name, p := menuPage(menu)
		return []any{id(args[0]), name, p}, ok && name != "?"
	case btnMiningList.Unique:
		return []any{page(data)}, ok
	case btnMiningMap.Unique:
		m, okMap := parseMapRef(data)
		return []any{m}, okMap
	case btnMiningProc.Unique, btnMiningMapCard.Unique:
		if n != 2 {
			return nil, false
		}
		return []any{id(args[0]), page(args[1])}, ok
	case btnDealSet.Unique:
		if n != 3 || (args[1] != "s" && args[1] != "r") {
			return nil, false
		}
		return []any{id(args[0]), args[1], id(args[2])}, ok
	case btnDealAsk.Unique:
		if n != 2 {
			return nil, false
		}
		_, known := dealQuestions[args[1]]
		return []any{id(args[0]), args[1]}, ok && known
	case btnLinkCRM.Unique:
		if n != 3 {
			return nil, false
		}
		user, usersPage := id(args[0]), page(args[2])
		if rest, isList := strings.CutPrefix(args[1], "?"); isList {
			return []any{user, "?", page(cmp.Or(rest, "0")), usersPage}, ok
		}
		crmID, err := strconv.ParseInt(args[1], 10, 64)
		return []any{user, crmID, usersPage}, ok && err == nil && crmID >= 0
	case btnMiningVars.Unique, btnMiningActs.Unique:
		r, okRef := parseProcRef(args)
		return []any{r}, okRef
	case btnMiningAct.Unique:
		r, okRef := parseActRef(args)
		return []any{r}, okRef
	case btnMiningAsk.Unique, btnMiningReset.Unique:
		field, r, okRef := parseOverride(args)
		return []any{field, r}, okRef
	case btnIdeaVote.Unique, btnIdeas.Unique, btnIdea.Unique, btnIdeaMove.Unique, btnIdeaTask.Unique,
		btnIdeaNew.Unique, btnIdeaGroup.Unique, btnIdeaImpl.Unique, btnIdeaFile.Unique:
		return decodeIdeaButton(unique, data)
	case btnMineImport.Unique:
		op, role, key, okData := parseImportData(data)
		return []any{op, role, key}, okData
	case btnCRMTask.Unique:
		op, value, _ := strings.Cut(data, "|")
		switch op {
		case "new":
			lead, i, two := strings.Cut(value, "|")
			v, err := strconv.Atoi(i)
			return []any{op, id(lead), v}, ok && two && err == nil && v >= 0 && v < len(domain.CRMTaskPresets)
		case "back", "date", "ok", "x":
			return []any{op}, value == ""
		case "type", "resp", "due":
			if value == "" {
				return []any{op}, true
			}
			if p, isPage := strings.CutPrefix(value, "p"); isPage && op == "resp" {
				return []any{op, "p", page(p)}, ok
			}
			var d domain.CRMTaskDraft
			if !setCRMTaskField(&d, op, value, now, loc) {
				return nil, false
			}
			return []any{op, map[string]any{"type": d.TypeID, "resp": d.ResponsibleID, "due": d.Due}[op]}, true
		}
		return nil, false
	}
	return nil, false
}

// buttonKinds reads the Unique names declared in buttons.go, so that a new
// kind without a case here fails the test.
func buttonKinds(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "buttons.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	ast.Inspect(f, func(n ast.Node) bool {
		kv, isKV := n.(*ast.KeyValueExpr)
		if !isKV {
			return true
		}
		if key, isIdent := kv.Key.(*ast.Ident); isIdent && key.Name == "Unique" {
			if lit, isLit := kv.Value.(*ast.BasicLit); isLit {
				u, _ := strconv.Unquote(lit.Value)
				kinds = append(kinds, u)
			}
		}
		return true
	})
	return kinds
}

// callbackRoute is how telebot splits callback data into the handler's
// name and the data it is given.
var callbackRoute = regexp.MustCompile(`^\f([-\w]+)(\|(.+))?$`)

// TestCallbackDataFits builds every button kind with the largest IDs and
// checks Telegram's 64-byte limit on what telebot sends ("\f" + unique +
// "|" + data) and that the handler's parsers read back exactly what was
// put in.
func TestCallbackDataFits(t *testing.T) {
	cases := buttonCases(t)
	covered := map[string]bool{}
	longest := ""
	for _, c := range cases {
		covered[c.btn.Unique] = true
		// what telebot puts on the wire when it embeds the markup
		wire := "\f" + c.btn.Unique
		if c.btn.Data != "" {
			wire += "|" + c.btn.Data
		}
		if len(wire) > 64 {
			t.Errorf("%s: %d bytes: %q", c.btn.Unique, len(wire), wire)
		}
		if len(wire) > len(longest) {
			longest = wire
		}
		// and how it routes a press: the same pattern as telebot's
		m := callbackRoute.FindStringSubmatch(wire)
		if m == nil {
			t.Errorf("%q does not route to a handler", wire)
			continue
		}
		unique, data := m[1], m[3]
		got, ok := decodeButton(unique, data)
		if unique != c.btn.Unique || !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q reads back as %v (ok %v), want %v", wire, got, ok, c.want)
		}
	}
	t.Logf("%d buttons; the longest, %d bytes: %q", len(cases), len(longest), longest)
	kinds := buttonKinds(t)
	if len(kinds) < 28 {
		t.Fatalf("found %d button kinds in buttons.go: %v", len(kinds), kinds)
	}
	for _, k := range kinds {
		if !covered[k] {
			t.Errorf("button kind %q has no case", k)
		}
	}
}

func TestParseRejectsJunk(t *testing.T) {
	for _, s := range []string{"", "0", "-1", "abc", "1e3", "99999999999999999999", " 1"} {
		if _, ok := parseID(s); ok {
			t.Errorf("parseID(%q) accepted", s)
		}
	}
	for _, s := range []string{"", "-1", "100000", "x"} {
		if _, ok := parsePage(s); ok {
			t.Errorf("parsePage(%q) accepted", s)
		}
	}
}

// FuzzCallbackData feeds arbitrary callback payloads to the parsers every
// handler uses: they must never panic and accept only sane values.
func FuzzCallbackData(f *testing.F) {
	for _, s := range []string{"1", "42|0", "42|employee|3", "home", "en", "|||", "\x00", "9223372036854775808"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if id, ok := parseID(s); ok && id <= 0 {
			t.Errorf("parseID(%q) = %d", s, id)
		}
		if p, ok := parsePage(s); ok && (p < 0 || p >= 100000) {
			t.Errorf("parsePage(%q) = %d", s, p)
		}
		if _, p := menuPage(s); p < 0 || p >= 100000 {
			t.Errorf("menuPage(%q) page %d", s, p)
		}
		if r, ok := parseActRef(strings.Split(s, "|")); ok && (r.process <= 0 || r.activity < 0 || r.page < 0 || r.list < 0) {
			t.Errorf("parseActRef(%q) = %+v", s, r)
		}
		if f, r, ok := parseMiningQuestion(s); ok && (f != overrideTime && f != overrideShare || r.process <= 0) {
			t.Errorf("parseMiningQuestion(%q) = %q %+v", s, f, r)
		}
		if r := domain.Role(s); r.Valid() != slices.Contains([]domain.Role{domain.RolePending,
			domain.RoleRejected, domain.RoleEmployee, domain.RoleManager, domain.RoleAdmin}, r) {
			t.Errorf("Role(%q).Valid() = %v", s, r.Valid())
		}
	})
}
