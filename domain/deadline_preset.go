package domain

import "time"

// DeadlinePreset is a deadline offered as a button on a task or an amoCRM
// task. Its value travels in callback data: never change one, add one.
type DeadlinePreset string

const (
	DeadlineToday    DeadlinePreset = "td"
	DeadlineTomorrow DeadlinePreset = "tm"
	DeadlineIn3Days  DeadlinePreset = "3d"
	DeadlineInAWeek  DeadlinePreset = "wk"
	DeadlineNone     DeadlinePreset = "no"
)

// DeadlinePresets are the presets in the order they are offered; no
// deadline comes last, so a list that needs a deadline drops it.
var DeadlinePresets = []DeadlinePreset{DeadlineToday, DeadlineTomorrow, DeadlineIn3Days, DeadlineInAWeek, DeadlineNone}

// deadlinePresetDays is how many days ahead each dated preset falls.
var deadlinePresetDays = map[DeadlinePreset]int{DeadlineToday: 0, DeadlineTomorrow: 1, DeadlineIn3Days: 3, DeadlineInAWeek: 7}

// At is the moment a preset stands for: the end of that day in loc, as a
// typed "сегодня" or "завтра" (DueInDays); DeadlineNone means no deadline
// (none), and a value that is no preset is not ok.
func (p DeadlinePreset) At(now time.Time, loc *time.Location) (at time.Time, none, ok bool) {
	if p == DeadlineNone {
		return time.Time{}, true, true
	}
	d, known := deadlinePresetDays[p]
	if !known {
		return time.Time{}, false, false
	}
	return DueInDays(d, now, loc), false, true
}
