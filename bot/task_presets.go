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

// deadlinePresets are the deadlines offered as buttons, in order; the
// rule of what each means is domain.DeadlinePreset.At.
var deadlinePresets = domain.DeadlinePresets

// presetDeadline reads a preset's code from callback data and gives the
// moment it stands for in loc (see domain.DeadlinePreset.At).
func presetDeadline(code string, now time.Time, loc *time.Location) (at time.Time, none, ok bool) {
	return domain.DeadlinePreset(code).At(now, loc)
}

// deadlinePresetKeys word the deadline presets' buttons.
var deadlinePresetKeys = map[domain.DeadlinePreset]i18n.Key{
	domain.DeadlineToday: i18n.DeadlineToday, domain.DeadlineTomorrow: i18n.DeadlineTomorrow,
	domain.DeadlineIn3Days: i18n.DeadlineIn3Days, domain.DeadlineInAWeek: i18n.DeadlineInAWeek, domain.DeadlineNone: i18n.DeadlineNone}

func presetKey(p domain.DeadlinePreset) i18n.Key { return deadlinePresetKeys[p] }

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
