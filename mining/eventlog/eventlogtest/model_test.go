package eventlogtest

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSimulate(t *testing.T) {
	msk := time.FixedZone("MSK", 3*60*60)
	from := time.Date(2025, 1, 6, 0, 0, 0, 0, msk) // a Monday
	m := Model{Process: "Возвраты денег", Seed: 1, Cases: 200, From: from, To: from.AddDate(0, 3, 0), Location: msk,
		StartTimes: true, Steps: []Step{
			{Activity: "Заявка", Service: 5 * time.Minute, Resources: []string{"a"}, Next: []Next{{1, 1}}},
			{Activity: "Проверка", Service: 20 * time.Minute, Spread: 0.5, Wait: 3 * time.Hour, Resources: []string{"a", "b"},
				Next: []Next{{0, 0.2}, {2, 0.8}}},
			{Activity: "Выплата", Service: 2 * time.Minute, Wait: 9 * time.Hour, Resources: []string{"c"}},
		}}
	events := Simulate(m)
	if !reflect.DeepEqual(events, Simulate(m)) {
		t.Fatal("the same model gave other events")
	}
	allowed := map[[2]string]bool{{"Заявка", "Проверка"}: true, {"Проверка", "Заявка"}: true, {"Проверка", "Выплата"}: true}
	cases, rework := map[string]bool{}, 0
	for i, e := range events {
		if e.Start.Before(from) || e.Time.After(m.To) || !e.Start.Before(e.Time) {
			t.Fatalf("event %d: %v – %v", i, e.Start, e.Time)
		}
		for _, at := range []time.Time{e.Start, e.Time} {
			l := at.In(msk)
			if wd := l.Weekday(); wd == time.Saturday || wd == time.Sunday || l.Hour() < 9 || l.Hour()*60+l.Minute() > 18*60 {
				t.Fatalf("event %d at %v, out of working hours", i, l)
			}
		}
		if !cases[e.Case] {
			cases[e.Case] = true
			if e.Activity != "Заявка" || !strings.HasPrefix(e.Case, "ВД-") {
				t.Fatalf("case %s starts with %s", e.Case, e.Activity)
			}
			continue
		}
		prev := events[i-1]
		if prev.Case != e.Case || e.Start.Before(prev.Time) || !allowed[[2]string{prev.Activity, e.Activity}] {
			t.Fatalf("event %d: %+v after %+v", i, e, prev)
		}
		if e.Activity == "Заявка" {
			rework++
		}
	}
	// A case that arrives just before the export may have no event yet.
	if len(cases) > m.Cases || len(cases) < m.Cases*9/10 || rework == 0 {
		t.Errorf("%d cases, %d loops back", len(cases), rework)
	}
}
