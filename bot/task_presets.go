package bot

import (
	"strconv"
	"time"

	"processet/domain"
	"processet/i18n"
)

// Card menus: which choice replaces the card's buttons.
const (
	menuNone     = ""
	menuStatus   = "s"
	menuPriority = "p"
	menuAssignee = "a" // followed by the page of the team list: "a0", "a1"…
	menuDeadline = "d"
)

// validMenu tells a card menu: only the assignee's has pages.
func validMenu(m string) bool {
	switch name, _ := menuPage(m); name {
	case menuStatus, menuPriority, menuDeadline:
		return name == m
	case menuAssignee:
		return true
	}
	return false
}

// Priority codes keep callback data short.
var priorityCodes = map[domain.Priority]string{domain.PriorityHigh: "h", domain.PriorityMedium: "m", domain.PriorityLow: "l"}

func parsePriorityCode(code string) (domain.Priority, bool) {
	for p, c := range priorityCodes {
		if c == code {
			return p, true
		}
	}
	return "", false
}

// deadlinePresets are the deadlines offered as buttons, in order.
var deadlinePresets = []string{"td", "tm", "3d", "wk", "no"}

// presetDeadline is the moment a preset stands for: the end of that day
// where the user is, as a typed "сегодня" or "завтра" (domain.DueOn);
// "no" means no deadline.
func presetDeadline(code string, now time.Time, loc *time.Location) (at time.Time, none, ok bool) {
	days := map[string]int{"td": 0, "tm": 1, "3d": 3, "wk": 7}
	if code == "no" {
		return time.Time{}, true, true
	}
	d, known := days[code]
	if !known {
		return time.Time{}, false, false
	}
	return domain.DueInDays(d, now, loc), false, true
}

func presetKey(code string) i18n.Key { return i18n.Key("deadline." + code) }

// parseChange reads a card choice from callback data: field and value.
func parseChange(field, value string, now time.Time, loc *time.Location) (domain.TaskChange, bool) {
	var c domain.TaskChange
	switch field {
	case "s":
		s, ok := parseStatusCode(value)
		if !ok || s == "" {
			return c, false
		}
		c.Status = &s
	case "p":
		p, ok := parsePriorityCode(value)
		if !ok {
			return c, false
		}
		c.Priority = &p
	case "a":
		id, err := strconv.ParseInt(value, 10, 64)
		if err != nil || id < 0 {
			return c, false
		}
		c.AssigneeID = &id
	case "d":
		at, none, ok := presetDeadline(value, now, loc)
		if !ok {
			return c, false
		}
		if none {
			c.ClearDeadline = true
		} else {
			c.Deadline = &at
		}
	default:
		return c, false
	}
	return c, true
}
