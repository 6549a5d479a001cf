package bot

import (
	"math"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining"
)

// activitiesPerPage is how many activities a page lists.
const activitiesPerPage = 8

// backToProcess is the row under a process's screens: its card, home.
func backToProcess(tr i18n.Printer, ref procRef) []tele.Btn {
	return row(button(btnMiningProc, tr.T(i18n.MiningBackToProcess), strconv.FormatInt(ref.process, 10), strconv.Itoa(ref.list)),
		button(btnArea, tr.T(i18n.Home), string(areaHome)))
}

func serviceSourceKey(s domain.ServiceSource, long bool) i18n.Key {
	switch {
	case s == domain.ServiceStandard && long:
		return i18n.MiningAboutStandard
	case s == domain.ServiceStandard:
		return i18n.MiningSourceStandard
	case s == domain.ServiceMeasured && long:
		return i18n.MiningAboutMeasured
	case s == domain.ServiceMeasured:
		return i18n.MiningSourceMeasured
	case long:
		return i18n.MiningAboutEstimated
	}
	return i18n.MiningSourceEstimated
}

func shareSourceKey(s domain.ShareSource, long bool) i18n.Key {
	switch {
	case s == domain.ShareManager && long:
		return i18n.MiningAboutManager
	case s == domain.ShareManager:
		return i18n.MiningSourceManager
	case long:
		return i18n.MiningAboutRules
	}
	return i18n.MiningSourceRules
}

// activitiesText is a page of a process's activities by potential, each
// with its year, its service time and share and where they come from.
func activitiesText(tr i18n.Printer, r domain.ProcessResult, page int) string {
	header := tr.T(i18n.MiningActsTitle, esc(r.Name, 100), tr.Int(len(r.ActivityStats)))
	if pages := pageCount(len(r.ActivityStats), activitiesPerPage); pages > 1 {
		header += " · " + tr.T(i18n.PageOf, page+1, pages)
	}
	if len(r.ActivityStats) == 0 {
		return header + "\n\n" + tr.T(i18n.MiningActsNone)
	}
	header += "\n" + tr.T(i18n.MiningActsColumns) + "\n"
	_, from, to := pageOf(page, len(r.ActivityStats), activitiesPerPage)
	var lines []string
	for i, a := range r.ActivityStats[from:to] {
		lines = append(lines, strconv.Itoa(from+i+1)+". "+tr.T(i18n.MiningActsLine, esc(a.Name, 80),
			tr.Decimal(a.PerYear, 0), preciseTime(tr, a.MeanSeconds), tr.T(serviceSourceKey(a.ServiceSource, false)),
			tr.Decimal(a.HoursPerYear, 1), tr.Percent(100*a.Share), tr.T(shareSourceKey(a.ShareSource, false)),
			tr.Decimal(a.PotentialHours, 1)))
	}
	return fitLines(tr, header, lines, 0, "<i>"+tr.T(i18n.MiningActsHint)+"</i>", maxText)
}

func activitiesKeyboard(tr i18n.Printer, ref procRef, r domain.ProcessResult) *tele.ReplyMarkup {
	page, from, to := pageOf(ref.page, len(r.ActivityStats), activitiesPerPage)
	var rows [][]tele.Btn
	var open []tele.Btn
	for i, a := range r.ActivityStats[from:to] {
		open = append(open, button(btnMiningAct, strconv.Itoa(from+i+1),
			actRef{process: ref.process, activity: a.Index, page: page, list: ref.list}.data()...))
		if len(open) == 4 {
			rows, open = append(rows, open), nil
		}
	}
	nav := pageNav(tr, page, pageCount(len(r.ActivityStats), activitiesPerPage), func(label string, p int) tele.Btn {
		return button(btnMiningActs, label, procRef{process: ref.process, page: p, list: ref.list}.data()...)
	})
	return inline(append(rows, open, nav, backToProcess(tr, ref))...)
}

// findActivity is the activity of index i in a process card.
func findActivity(r domain.ProcessResult, i int32) (domain.ActivityResult, bool) {
	for _, a := range r.ActivityStats {
		if a.Index == i {
			return a, true
		}
	}
	return domain.ActivityResult{}, false
}

// activityCardText is one activity: its counts, its service time and share
// with where they come from, its hours and potential.
func activityCardText(tr i18n.Printer, r domain.ProcessResult, a domain.ActivityResult) string {
	lines := []string{
		tr.T(i18n.MiningActTitle, esc(a.Name, 200), esc(r.Name, 200)),
		"",
		tr.T(i18n.MiningActCounts, tr.Int(a.Executions), tr.Decimal(a.PerYear, 0), tr.Int(a.Cases), tr.Int(r.Cases), tr.Int(a.ReworkCases)),
		tr.T(i18n.MiningActService, preciseTime(tr, a.MeanSeconds), tr.T(serviceSourceKey(a.ServiceSource, true))),
		tr.T(i18n.MiningActHours, tr.Decimal(a.HoursPerYear, 1)),
		tr.T(i18n.MiningActShare, tr.Percent(100*a.Share), tr.T(shareSourceKey(a.ShareSource, true))),
		tr.T(i18n.MiningActPotential, tr.Decimal(a.PotentialHours, 1)),
	}
	if !r.ComputedAt.IsZero() {
		lines = append(lines, "", "<i>"+tr.T(i18n.MiningCardComputed, tr.DateTime(r.ComputedAt))+"</i>")
	}
	return strings.Join(lines, "\n")
}

// activityKeyboard: the manager's settings and resets of each override
// that is set (none for an employee), back to the activities, home.
func activityKeyboard(tr i18n.Printer, u domain.User, ref actRef, a domain.ActivityResult) *tele.ReplyMarkup {
	var set, reset []tele.Btn
	if mining.CanOverride(u) {
		set = row(button(btnMiningAsk, tr.T(i18n.MiningSetTime), append([]string{overrideTime}, ref.data()...)...),
			button(btnMiningAsk, tr.T(i18n.MiningSetShare), append([]string{overrideShare}, ref.data()...)...))
		if a.ServiceSource == domain.ServiceStandard {
			reset = append(reset, button(btnMiningReset, tr.T(i18n.MiningResetTime), append([]string{overrideTime}, ref.data()...)...))
		}
		if a.ShareSource == domain.ShareManager {
			reset = append(reset, button(btnMiningReset, tr.T(i18n.MiningResetShare), append([]string{overrideShare}, ref.data()...)...))
		}
	}
	back := row(button(btnMiningActs, tr.T(i18n.MiningBackToActs), ref.acts().data()...), button(btnArea, tr.T(i18n.Home), string(areaHome)))
	return inline(set, reset, back)
}

// preciseTime is a service time as a manager sets it: seconds stay under
// an hour ("1 мин 30 с", not "1 мин"), so a standard of 1:30 reads back
// as typed.
func preciseTime(tr i18n.Printer, seconds float64) string {
	if seconds < 60 {
		return tr.T(i18n.MiningSeconds, tr.Decimal(seconds, 1))
	}
	d := time.Duration(math.Round(seconds)) * time.Second
	if rest := d % time.Minute; d < time.Hour && rest != 0 {
		return tr.Duration(d) + " " + tr.T(i18n.MiningSecondsPart, int(rest/time.Second))
	}
	return tr.Duration(d)
}
