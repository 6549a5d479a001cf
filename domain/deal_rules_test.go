package domain

import "testing"

func TestParseDealPrice(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1 250 000", 1_250_000, true}, {"1250000 ₽", 1_250_000, true}, {"0", 0, true},
		{"1 000 000 000 000", MaxDealPrice, true}, {"1000000000001", 0, false},
		{"-5", 0, false}, {"1,5 млн", 0, false}, {"", 0, false},
	} {
		got, ok := ParseDealPrice(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseDealPrice(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestCRMTaskPresetTypes(t *testing.T) {
	want := map[CRMTaskPreset]int64{CRMTaskCall: CRMTaskTypeFollowUp, CRMTaskMeeting: CRMTaskTypeMeeting, CRMTaskOffer: CRMTaskTypeFollowUp}
	for _, p := range CRMTaskPresets {
		if got := p.TypeID(); got != want[p] {
			t.Errorf("%s: type %d, want %d", p, got, want[p])
		}
	}
}
