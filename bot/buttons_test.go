package bot

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// TestCallbackDataFits builds every button with the largest IDs and checks
// Telegram's 64-byte limit on what telebot sends ("\f" + unique + "|" +
// data) and that the data parses back.
func TestCallbackDataFits(t *testing.T) {
	maxID := strconv.FormatInt(math.MaxInt64, 10)
	maxPage := "99999"
	cases := []struct {
		btn  tele.Btn
		back func(string) bool
	}{
		{button(btnArea, "x", string(areaMining)), func(d string) bool { return area(d) == areaMining }},
		{button(btnLang, "x", "en"), func(d string) bool { return d == "en" }},
		{button(btnApprove, "x", maxID), func(d string) bool { id, ok := parseID(d); return ok && id == math.MaxInt64 }},
		{button(btnReject, "x", maxID), func(d string) bool { _, ok := parseID(d); return ok }},
		{button(btnUsers, "x", maxPage), func(d string) bool { p, ok := parsePage(d); return ok && p == 99999 }},
		{button(btnUser, "x", maxID, maxPage), func(d string) bool { return len(strings.Split(d, "|")) == 2 }},
		{button(btnRole, "x", maxID, string(domain.RoleEmployee), maxPage), func(d string) bool {
			p := strings.Split(d, "|")
			return len(p) == 3 && domain.Role(p[1]).Valid()
		}},
		{button(btnLinkCRM, "x", maxID, "?"+maxPage, maxPage), func(d string) bool { return len(strings.Split(d, "|")) == 3 }},
		{button(btnLinkCRM, "x", maxID, maxID, maxPage), func(d string) bool { return len(strings.Split(d, "|")) == 3 }},
		{button(btnDeal, "x", maxID, "r"+maxPage), func(d string) bool {
			_, menu, _ := strings.Cut(d, "|")
			m, p := menuPage(menu)
			return m == "r" && p == 99999
		}},
		{button(btnCRMTask, "x", "resp", "p"+maxPage), func(d string) bool { return d == "resp|p99999" }},
	}
	for _, zone := range zonePresets {
		cases = append(cases, struct {
			btn  tele.Btn
			back func(string) bool
		}{button(btnZone, "x", zone), func(d string) bool { return d == zone }})
	}
	for _, c := range cases {
		// what telebot puts on the wire when it embeds the markup
		wire := "\f" + c.btn.Unique + "|" + c.btn.Data
		if len(wire) > 64 {
			t.Errorf("%s: %d bytes: %q", c.btn.Unique, len(wire), wire)
		}
		unique, data, _ := strings.Cut(strings.TrimPrefix(wire, "\f"), "|")
		if unique != c.btn.Unique || !c.back(data) {
			t.Errorf("%s: %q does not round-trip", c.btn.Unique, wire)
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
		if r := domain.Role(s); r.Valid() != slices.Contains([]domain.Role{domain.RolePending,
			domain.RoleRejected, domain.RoleEmployee, domain.RoleManager, domain.RoleAdmin}, r) {
			t.Errorf("Role(%q).Valid() = %v", s, r.Valid())
		}
	})
}
