package domain

import (
	"strconv"
	"strings"
)

// MaxDealPrice is the largest price a deal may be given from the chat, in
// whole rubles: a trillion, far above any real deal and far below what
// amoCRM's integer price field holds.
const MaxDealPrice int64 = 1_000_000_000_000

// ValidDealPrice reports whether price may be set on a deal.
func ValidDealPrice(price int64) bool { return price >= 0 && price <= MaxDealPrice }

// ParseDealPrice reads a price as people type it: "1 250 000",
// "1250000 ₽", "1250000 руб.". Only whole rubles: "1,5 млн" is ambiguous
// and refused, as is anything ValidDealPrice refuses.
func ParseDealPrice(s string) (int64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "₽", "", "руб.", "", "руб", "", "р.", "").Replace(strings.TrimSpace(s))
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && ValidDealPrice(n)
}

// amoCRM's standard task types: every account has them with these IDs and
// may add its own.
const (
	CRMTaskTypeFollowUp int64 = 1 // "Связаться" (a call)
	CRMTaskTypeMeeting  int64 = 2 // "Встреча"
)

// CRMTaskPreset is a usual amoCRM task a deal card offers as a button.
type CRMTaskPreset string

const (
	CRMTaskCall    CRMTaskPreset = "call"
	CRMTaskMeeting CRMTaskPreset = "meeting"
	CRMTaskOffer   CRMTaskPreset = "offer" // send a commercial proposal
)

// CRMTaskPresets are the presets in the order the card offers them; a
// button carries the index, so the order is wire format: add at the end.
var CRMTaskPresets = []CRMTaskPreset{CRMTaskCall, CRMTaskMeeting, CRMTaskOffer}

// TypeID is the amoCRM task type a preset is created with: a call and a
// proposal are follow-ups, a meeting is a meeting.
func (p CRMTaskPreset) TypeID() int64 {
	if p == CRMTaskMeeting {
		return CRMTaskTypeMeeting
	}
	return CRMTaskTypeFollowUp
}
