package bot

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
	"processet/storage"
)

// figurePatterns find the numbers a reader sees in each text, per
// language: the test reads the screens as a person would, not the
// summaries they were made from.
type figurePatterns struct {
	homeTasks, tasksHeader, homeDeals, dealsHeader, status, listActive *regexp.Regexp
	// homeMining and mineHeader: operations, hours, potential %;
	// mineStatus: processes, events.
	homeMining, mineHeader, mineStatus *regexp.Regexp
}

// num is a figure as a reader sees it, with its group separators.
const num = `(\d[\d\x{00A0}\x{202F} ,]*\d|\d)`

// pct is a percentage as a reader sees it ("41,3 %", "41.3%").
const pct = `(\d+(?:[,.]\d)?[\x{00A0}\x{202F} ]?%)`

var figuresIn = map[domain.Lang]figurePatterns{
	domain.LangRU: {
		homeTasks:   regexp.MustCompile(`Задачи</b>: активных (\d+) из (\d+), просрочено (\d+)`),
		tasksHeader: regexp.MustCompile(`Всего без отменённых: (\d+) · активных: (\d+) · просрочено: (\d+) · сделано на этой неделе: (\d+)`),
		homeDeals:   regexp.MustCompile(`CRM Сделки</b>: на этой неделе закрыто (\d+) из (\d+)`),
		dealsHeader: regexp.MustCompile(`Сделок: (\d+) · успешных: (\d+) на .* · компаний в amoCRM: (\d+), с активными сделками: (\d+)`),
		status:      regexp.MustCompile(`сделок (\d+), компаний (\d+), задач amoCRM \d+, задач (\d+) \(и отменённых (\d+)\)`),
		listActive:  regexp.MustCompile(`^(?:✓ )?Активные \((\d+)\)$`),
		homeMining:  regexp.MustCompile(`Task Mining</b>: ` + num + ` операц\S* · ` + num + ` ч/год · потенциал ` + pct),
		mineHeader:  regexp.MustCompile(`Операций в год: ` + num + ` · часов в год: ` + num + ` · потенциал: ` + pct),
		mineStatus:  regexp.MustCompile(`процессов Task Mining (\d+) \(событий (\d+)\)`),
	},
	domain.LangEN: {
		homeTasks:   regexp.MustCompile(`Tasks</b>: (\d+) of (\d+) active, (\d+) overdue`),
		tasksHeader: regexp.MustCompile(`All but cancelled: (\d+) · active: (\d+) · overdue: (\d+) · done this week: (\d+)`),
		homeDeals:   regexp.MustCompile(`CRM deals</b>: (\d+) of (\d+) closed this week`),
		dealsHeader: regexp.MustCompile(`Deals: (\d+) · won: (\d+) worth .* · companies in amoCRM: (\d+), with active deals: (\d+)`),
		status:      regexp.MustCompile(`deals (\d+), companies (\d+), amoCRM tasks \d+, tasks (\d+) \(and (\d+) cancelled\)`),
		listActive:  regexp.MustCompile(`^(?:✓ )?Active \((\d+)\)$`),
		homeMining:  regexp.MustCompile(`Task Mining</b>: ` + num + ` operations? · ` + num + ` h/year · potential ` + pct),
		mineHeader:  regexp.MustCompile(`Operations per year: ` + num + ` · hours per year: ` + num + ` · potential: ` + pct),
		mineStatus:  regexp.MustCompile(`Task Mining processes (\d+) \(events (\d+)\)`),
	},
}

// figures returns the numbers re captures in text; the test fails when
// the text does not say them.
func figures(t *testing.T, what, text string, re *regexp.Regexp) []int {
	t.Helper()
	m := re.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("%s does not say %q:\n%s", what, re, text)
	}
	out := make([]int, len(m)-1)
	for i, s := range m[1:] {
		out[i] = number(t, s)
	}
	return out
}

// number reads a figure as formatted for a reader ("1 234", "1,234").
func number(t *testing.T, s string) int {
	t.Helper()
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	n, err := strconv.Atoi(digits)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// lastBar is the value of the last bar of series i: this week's.
func lastBar(b *charts.Bars, i int) int { return int(b.Series[i].Values[len(b.Series[i].Values)-1]) }

// TestDemoFiguresAgree renders every dashboard of the demo company in both
// languages and holds each figure shown on two screens against the other:
// the home tiles and caption, the area headers, cards and charts, the
// digest, the task list's buttons, the Task Mining processes and /status.
func TestDemoFiguresAgree(t *testing.T) {
	h := demoHandler(t)
	db := h.store.(*storage.DB)
	ctx := context.Background()
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	home, err := h.store.Home(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	byStatus, err := db.TaskStatusCounts(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if home.Tasks.Cancelled() == 0 || home.Deals.CompaniesActive == home.Deals.Companies {
		t.Fatalf("the demo no longer tells the counts apart: %d cancelled, %d of %d companies active",
			home.Tasks.Cancelled(), home.Deals.CompaniesActive, home.Deals.Companies)
	}
	processes, nProcesses, err := h.cfg.Mining.Processes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	listOps, cardEvents := 0, 0
	for _, p := range processes {
		listOps += p.Operations
		r, err := h.cfg.Mining.Process(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		cardEvents += r.Events
	}
	if nProcesses != 10 || cardEvents == 0 {
		t.Fatalf("the demo's Task Mining: %d processes, %d events", nProcesses, cardEvents)
	}
	composer := NewDigestComposer(h.render, msk, func() time.Time { return fixedAt }, "")
	manager := domain.User{Role: domain.RoleManager}

	for _, lang := range domain.Langs {
		t.Run(string(lang), func(t *testing.T) {
			tr, re := i18n.New(lang, msk), figuresIn[lang]
			caption := map[area]string{}
			for _, a := range []area{areaHome, areaCRM, areaTasks, areaMining, areaIdeas} {
				s, err := h.buildScreen(ctx, tr, q, a, manager)
				if err != nil {
					t.Fatalf("%s: %v", a, err)
				}
				caption[a] = s.caption
			}
			digest := composer.Words(lang, msk, home, nil, true).Caption
			status := statusDataLine(tr, counts)

			// Tasks: active of all, overdue.
			homeT := figures(t, "home caption", caption[areaHome], re.homeTasks)
			digestT := figures(t, "digest", digest, re.homeTasks)
			dashT := figures(t, "tasks dashboard", caption[areaTasks], re.tasksHeader)
			statusT := figures(t, "/status", status, re.status)
			if homeT[0] != dashT[1] || digestT[0] != dashT[1] {
				t.Errorf("active tasks: home %d, digest %d, dashboard %d", homeT[0], digestT[0], dashT[1])
			}
			if homeT[1] != dashT[0] || digestT[1] != dashT[0] || statusT[2] != dashT[0] {
				t.Errorf("all tasks: home %d, digest %d, dashboard %d, /status %d", homeT[1], digestT[1], dashT[0], statusT[2])
			}
			if homeT[2] != dashT[2] || digestT[2] != dashT[2] {
				t.Errorf("overdue tasks: home %d, digest %d, dashboard %d", homeT[2], digestT[2], dashT[2])
			}
			if statusT[3] != home.Tasks.Cancelled() {
				t.Errorf("/status: %d cancelled, the dashboards leave out %d", statusT[3], home.Tasks.Cancelled())
			}

			// The task list: "Active (n)" and the status buttons.
			listAll, listActive := 0, -1
			for _, r := range taskListKeyboard(tr, listRef{}, nil, 0, byStatus).InlineKeyboard {
				for _, b := range r {
					if m := re.listActive.FindStringSubmatch(b.Text); m != nil {
						listActive = number(t, m[1])
					}
				}
			}
			for _, st := range domain.TaskStatuses {
				if st.Counted() {
					listAll += byStatus[st]
				}
			}
			if listActive != dashT[1] || listAll != dashT[0] {
				t.Errorf("task list: active %d, statuses but cancelled %d; dashboard %d of %d", listActive, listAll, dashT[1], dashT[0])
			}

			// The tasks pictures: home tile, the dashboard's tiles and donut.
			tile := homeCard(tr, home).Areas[1]
			if want := tr.T(i18n.XOfY, tr.Int(dashT[1]), tr.Int(dashT[0])); tile.Headline != want {
				t.Errorf("home tasks tile %q, dashboard says %q", tile.Headline, want)
			}
			card := tasksCard(tr, q.Now, home.Tasks)
			if number(t, card.Tiles[0].Value) != dashT[0] || number(t, card.Tiles[1].Value) != dashT[1] ||
				number(t, card.Tiles[3].Value) != dashT[3] {
				t.Errorf("tasks card tiles %+v, caption %v", card.Tiles, dashT)
			}
			donut := card.Panels[0].(*charts.Donut)
			slices := 0
			for _, s := range donut.Slices {
				slices += int(s.Value)
			}
			if number(t, donut.Center) != dashT[0] || slices != dashT[0] {
				t.Errorf("donut: %s in the centre, slices %d; all tasks %d", donut.Center, slices, dashT[0])
			}
			for _, s := range donut.Slices {
				if s.Label == tr.T(statusKey(domain.TaskInProgress)) && int(s.Value) != byStatus[domain.TaskInProgress] {
					t.Errorf("donut's %q %v, the status list's %d", s.Label, s.Value, byStatus[domain.TaskInProgress])
				}
			}

			// Deals: this week's won of in play, the chart's last bar,
			// the deals and companies of the header and /status.
			homeD := figures(t, "home caption", caption[areaHome], re.homeDeals)
			digestD := figures(t, "digest", digest, re.homeDeals)
			if homeD[0] != digestD[0] || homeD[1] != digestD[1] {
				t.Errorf("deals this week: home %v, digest %v", homeD, digestD)
			}
			crmTile := homeCard(tr, home).Areas[0]
			if want := tr.T(i18n.XOfY, tr.Int(homeD[0]), tr.Int(homeD[1])); crmTile.Headline != want {
				t.Errorf("home CRM tile %q, caption %q", crmTile.Headline, want)
			}
			if bar := lastBar(crmTile.Panel.(*charts.Bars), 1); bar != homeD[0] {
				t.Errorf("home CRM tile: %d won this week, its chart's last bar %d", homeD[0], bar)
			}
			deals := dealsCard(tr, q.Now, home.Deals)
			if bar := lastBar(deals.Panels[0].(*charts.Bars), 1); bar != homeD[0] {
				t.Errorf("CRM chart's last bar %d, home tile %d won this week", bar, homeD[0])
			}
			if note := deals.Tiles[2].Note; number(t, note) != homeD[0] {
				t.Errorf("CRM won note %q, home tile %d won this week", note, homeD[0])
			}
			// Task Mining: operations and hours per year and the potential
			// on home, the digest, the dashboard and its card; processes
			// and events on the card, the process list and /status.
			homeM := figures(t, "home caption", caption[areaHome], re.homeMining)
			digestM := figures(t, "digest", digest, re.homeMining)
			dashM := figures(t, "mining dashboard", caption[areaMining], re.mineHeader)
			mcard := miningCard(tr, q.Now, home.Mining)
			cardM := []int{number(t, mcard.Tiles[0].Value), number(t, mcard.Tiles[1].Value), number(t, mcard.Tiles[2].Value)}
			mTile := homeCard(tr, home).Areas[2]
			tileM := []int{number(t, regexp.MustCompile(num).FindString(mTile.Note)), 0, number(t, mTile.Headline)}
			for i, what := range []string{"operations per year", "hours per year", "potential"} {
				if homeM[i] != dashM[i] || digestM[i] != dashM[i] || cardM[i] != dashM[i] || (i != 1 && tileM[i] != dashM[i]) {
					t.Errorf("%s: home %d, digest %d, dashboard %d, its card %d, home tile %d", what, homeM[i], digestM[i], dashM[i], cardM[i], tileM[i])
				}
			}
			if !strings.Contains(mTile.Note, mcard.Tiles[1].Value) {
				t.Errorf("home tile %q, dashboard card's hours %q", mTile.Note, mcard.Tiles[1].Value)
			}
			if dashM[0] != listOps {
				t.Errorf("operations per year: dashboard %d, the processes' %d", dashM[0], listOps)
			}
			statusM := figures(t, "/status", status, re.mineStatus)
			if number(t, mcard.Tiles[3].Value) != nProcesses || statusM[0] != nProcesses || len(home.Mining.Processes) != nProcesses {
				t.Errorf("processes: card %s, list %d, /status %d, dashboard %d", mcard.Tiles[3].Value, nProcesses, statusM[0], len(home.Mining.Processes))
			}
			if statusM[1] != cardEvents {
				t.Errorf("events: /status %d, the process cards %d", statusM[1], cardEvents)
			}

			dashD := figures(t, "CRM dashboard", caption[areaCRM], re.dealsHeader)
			if dashD[0] != statusT[0] || number(t, deals.Tiles[0].Value) != dashD[0] {
				t.Errorf("deals: header %d, card %s, /status %d", dashD[0], deals.Tiles[0].Value, statusT[0])
			}
			if dashD[2] != statusT[1] || number(t, deals.Tiles[3].Value) != dashD[2] || number(t, deals.Tiles[3].Note) != dashD[3] {
				t.Errorf("companies: header %d (%d active), card %s (%s), /status %d", dashD[2], dashD[3],
					deals.Tiles[3].Value, deals.Tiles[3].Note, statusT[1])
			}
		})
	}
}
