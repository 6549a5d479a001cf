package i18n

import (
	"testing"
	"time"

	"processet/domain"
)

// TestEveryValueHasAName fails when a value of the domain gets no key: its
// screens would show the value's code instead of a word.
func TestEveryValueHasAName(t *testing.T) {
	has := func(what string, k Key) {
		t.Helper()
		for lang, cat := range catalogs {
			if _, ok := cat[k]; k == "" || !ok {
				t.Errorf("%s: no %s text (key %q)", what, lang, k)
			}
		}
	}
	for _, r := range append([]domain.Role{domain.RolePending, domain.RoleRejected}, domain.AssignableRoles...) {
		has("role "+string(r), RoleName(r))
	}
	for _, p := range domain.Priorities {
		has("priority "+string(p), PriorityName(p))
	}
	for _, s := range domain.TaskStatuses {
		has("status "+string(s), TaskStatusName(s))
	}
	for _, l := range domain.Langs {
		has("lang "+string(l), LangName(l))
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		has("weekday "+d.String(), WeekdayName(d))
	}
	for _, e := range domain.SyncEntities {
		has("sync list "+string(e), SyncListName(e))
	}
	all := domain.Snapshot{DealsWon: 1, DealsInPlay: 1, TasksActive: 1, TasksTotal: 1, TasksOverdue: 1,
		Operations: 1, Hours: 1, PotentialPct: 1, Ideas: 1, Votes: 1, Accepted: 1, IdeaDecisions: 1}
	for _, c := range all.Changes(domain.Snapshot{}) {
		k, _ := MetricName(c.Metric)
		has("metric "+c.Metric, k)
	}
	for _, id := range []int64{domain.CRMTaskTypeFollowUp, domain.CRMTaskTypeMeeting} {
		k, _ := CRMTaskTypeName(id)
		has("amoCRM task type", k)
	}
}
