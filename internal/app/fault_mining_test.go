//go:build faults

package app_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"processet/domain"
	"processet/i18n"
	"processet/internal/telegramtest"
	"processet/internal/testdb"
	"processet/internal/testwait"
	"processet/mining"
	"processet/mining/eventlog"
	"processet/storage"
)

// miningFaultLog is a deterministic CSV event log of events events in
// cases cases over 24 activities, in the manner of the mining package's
// benchLog: each case walks forward through the activities, now and then
// skipping one or going back (rework). It returns the file and how many
// events each (case, activity) pair has.
func miningFaultLog(events, cases int) ([]byte, map[[2]string]int) {
	rng := rand.New(rand.NewPCG(2012, 2012^0x5eed))
	acts := make([]string, 24)
	for i := range acts {
		acts[i] = fmt.Sprintf("Операция %02d", i+1)
	}
	var b bytes.Buffer
	b.WriteString("Case ID;Activity;Timestamp;Resource\n")
	pairs := map[[2]string]int{}
	from := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for c := range cases {
		n := events / cases
		if c < events%cases {
			n++
		}
		id := fmt.Sprintf("case-%06d", c)
		at := from.Add(time.Duration(c) * 40 * time.Minute)
		a := 0
		for range n {
			at = at.Add(time.Duration(5+rng.IntN(240)) * time.Minute)
			fmt.Fprintf(&b, "%s;%s;%s;R%02d\n", id, acts[a], at.Format("2006-01-02 15:04:05"), rng.IntN(12))
			pairs[[2]string{id, acts[a]}]++
			switch r := rng.IntN(20); {
			case r == 0 && a > 0:
				a--
			case r < 4:
				a = (a + 2) % 24
			default:
				a = (a + 1) % 24
			}
		}
	}
	return b.Bytes(), pairs
}

// importJob is the River row of the one Task Mining import job.
type importJob struct {
	state       string
	attempt     int
	attemptedBy []string
	errors      []string // each error's message, the rescues' included
}

func readImportJob(t *testing.T, pool *pgxpool.Pool) (importJob, bool) {
	t.Helper()
	var j importJob
	var errs []map[string]any
	err := pool.QueryRow(ctx(t), `select state::text, attempt, coalesce(attempted_by, '{}'), coalesce(errors, '{}')
		from river_job where kind = 'mining_import'`).Scan(&j.state, &j.attempt, &j.attemptedBy, &errs)
	if err != nil {
		return importJob{}, false // not queued yet, or the table not migrated
	}
	for _, e := range errs {
		j.errors = append(j.errors, fmt.Sprint(e["error"]))
	}
	return j, true
}

// messageText is the text of the bot's message id in the chat now.
func messageText(tg *telegramtest.Server, chatID int64, id int) string {
	for _, m := range tg.Messages(chatID) {
		if m.ID == id {
			return m.Text
		}
	}
	return ""
}

// The log the kill runs import: 280,000 events in 14,000 cases, 15 MB of
// CSV, under the 20 MB a bot may download.
const (
	miningKillEvents, miningKillCases = 280_000, 14_000
	miningKillFile                    = "Заявки.csv"
	miningKillZone                    = "Europe/Moscow"
)

// recomputeLockKey is storage's advisory lock of a recompute
// (miningLockKey): the test holds it to play a run under way.
const recomputeLockKey = 0x6d696e65

// TestFaultKillDuringMiningImport kills the bot with SIGKILL while the
// import job of a 280,000-event log sent in the chat is running, and
// restarts it at once on the same database. The next process's lease
// sweep (riverlease) puts the dead one's job back in the queue and runs
// it. Two kills: while the job stores the rows (its transaction not
// committed), and after the import committed, while its recompute waits
// for a run under way (the test holds the recompute lock, as a nightly
// run in another process would, and lets it go at the kill). It prints
// when the job was rescued, picked up and finished after the restart,
// and River's attempts; it checks that the stored events are exactly the
// log's, case by case and activity by activity, that the process's
// figures equal those of an import nobody interrupted, and that the
// user's message ends as the one summary.
//
//	go test -tags faults -v -count=1 -run TestFaultKillDuringMiningImport ./internal/app/
func TestFaultKillDuringMiningImport(t *testing.T) {
	loc, err := time.LoadLocation(miningKillZone)
	if err != nil {
		t.Fatal(err)
	}
	data, pairs := miningFaultLog(miningKillEvents, miningKillCases)
	if len(data) > 20<<20 {
		t.Fatalf("the log is %d bytes, more than a bot may download", len(data))
	}
	// The figures of an import nobody interrupted, of the same bytes in a
	// database of its own.
	ref := mining.New(storage.New(testdb.New(t)), mining.Config{}, nil, nil)
	r := bytes.NewReader(data)
	preview, err := eventlog.Sniff(r, r.Size())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ref.ImportFile(ctx(t), r, r.Size(), preview, mining.FileOptions{Name: miningKillFile, Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ref.Recompute(ctx(t), nil); err != nil {
		t.Fatal(err)
	}
	want, err := ref.Process(ctx(t), res.ProcessID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.ComputedAt = 0, time.Time{}

	bin := binary(t)
	t.Run("while storing", func(t *testing.T) { killDuringMiningImport(t, bin, data, pairs, want, false) })
	t.Run("while recomputing", func(t *testing.T) { killDuringMiningImport(t, bin, data, pairs, want, true) })
}

// killDuringMiningImport is one kill: holdRecompute makes it come after
// the import committed, while the job's recompute waits for the lock.
func killDuringMiningImport(t *testing.T, bin string, data []byte, pairs map[[2]string]int, want domain.ProcessResult, holdRecompute bool) {
	const events, cases = miningKillEvents, miningKillCases
	loc, err := time.LoadLocation(miningKillZone)
	if err != nil {
		t.Fatal(err)
	}
	admin := telegramtest.User{ID: 100, FirstName: "Админ", LanguageCode: "ru"}
	url := testdb.NewURL(t)
	pool, err := pgxpool.New(ctx(t), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	tg := telegramtest.NewServer(t, telegramtest.WithTimeout(2*time.Minute))
	tg.OpenChat(admin)
	env := map[string]string{"TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url, "ADMIN_IDS": fmt.Sprint(admin.ID),
		"TIMEZONE": miningKillZone, "MINING_NIGHTLY": "off"}
	// The run under way, on a connection of its own that the kill's
	// moment closes.
	var holder *pgx.Conn
	if holdRecompute {
		if holder, err = pgx.Connect(ctx(t), url); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { holder.Close(context.Background()) })
		if _, err := holder.Exec(ctx(t), `select pg_advisory_lock($1)`, int64(recomputeLockKey)); err != nil {
			t.Fatal(err)
		}
	}

	first := startBinary(t, bin, "first", env)
	tg.SendDocument(admin, miningKillFile, data, "")
	screen := tg.WaitForText(t, admin.ID)
	if !strings.Contains(screen.Text, "Процесс: Заявки") {
		t.Fatalf("confirmation:\n%s", screen.Text)
	}
	pressed := time.Now()
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, screen, "Импортировать"))

	// The kill: the job running in River and its message past "started":
	// rows read or being stored, or (holdRecompute) the import stored.
	stages := []string{"прочитано строк", "сохраняю"}
	if holdRecompute {
		stages = []string{"сохранён"}
	}
	var atKill importJob
	var shown string
	if !testwait.Until(2*time.Minute, func() bool {
		j, ok := readImportJob(t, pool)
		shown = messageText(tg, admin.ID, screen.ID)
		if ok && j.state == "running" && slices.ContainsFunc(stages, func(s string) bool { return strings.Contains(shown, s) }) {
			atKill = j
			return true
		}
		return strings.Contains(shown, "Импортировано") || strings.Contains(shown, "сохранён")
	}) {
		t.Fatalf("the import job never showed its progress; message:\n%s", shown)
	}
	if atKill.state == "" {
		t.Fatalf("the import went past the stage to kill it in (a bigger log is needed):\n%s", shown)
	}
	first.kill(t)
	killed := time.Now()
	if holder != nil {
		holder.Close(ctx(t)) // the run under way ends
	}
	var storedAtKill int
	if err := pool.QueryRow(ctx(t), `select count(*) from mining_events`).Scan(&storedAtKill); err != nil {
		t.Fatal(err)
	}
	startBinary(t, bin, "second", env)
	restarted := time.Now()
	var leased, rescued, pickedUp, completed time.Duration
	if !testwait.Until(5*time.Minute, func() bool {
		since := time.Since(restarted)
		if leased == 0 {
			// The new process's lease connection is named after its client;
			// the dead one's session may linger a moment.
			var n int
			err := pool.QueryRow(ctx(t), `select count(*) from pg_stat_activity
				where application_name like 'mining-%' and application_name <> all($1)`, atKill.attemptedBy).Scan(&n)
			if err == nil && n > 0 {
				leased = since
			}
		}
		j, ok := readImportJob(t, pool)
		if !ok {
			return false
		}
		if rescued == 0 && (j.state != "running" || j.attempt > atKill.attempt) {
			rescued = since
		}
		if pickedUp == 0 && j.attempt > atKill.attempt {
			pickedUp = since
		}
		if completed == 0 && j.state == "completed" {
			completed = since
		}
		return completed > 0 && strings.Contains(messageText(tg, admin.ID, screen.ID), "Импортировано")
	}) {
		j, _ := readImportJob(t, pool)
		t.Fatalf("the import did not finish after the restart: job %+v, message:\n%s", j, messageText(tg, admin.ID, screen.ID))
	}
	summaryAt := time.Since(restarted)
	final, _ := readImportJob(t, pool)

	// The stored events against the log, per case and activity.
	rows, err := pool.Query(ctx(t), `select c.name, a.name, count(*)
		from mining_events e
		join mining_cases c on c.process_id = e.process_id and c.id = e.case_id
		join mining_activities a on a.process_id = e.process_id and a.id = e.activity_id
		group by 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	stored, lost, doubled, extra := 0, 0, 0, 0
	seen := map[[2]string]bool{}
	for rows.Next() {
		var k [2]string
		var n int
		if err := rows.Scan(&k[0], &k[1], &n); err != nil {
			t.Fatal(err)
		}
		stored += n
		seen[k] = true
		switch want := pairs[k]; {
		case want == 0:
			extra += n
		case n < want:
			lost += want - n
		case n > want:
			doubled += n - want
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for k, want := range pairs {
		if !seen[k] {
			lost += want
		}
	}
	var imports, processes int
	if err := pool.QueryRow(ctx(t), `select (select count(*) from mining_imports), (select count(*) from mining_processes)`).
		Scan(&imports, &processes); err != nil {
		t.Fatal(err)
	}

	// The figures against the import nobody interrupted.
	var processID int64
	if err := pool.QueryRow(ctx(t), `select id from mining_processes where name = 'Заявки'`).Scan(&processID); err != nil {
		t.Fatal(err)
	}
	got, err := mining.New(storage.New(pool), mining.Config{}, nil, nil).Process(ctx(t), processID)
	if err != nil {
		t.Fatal(err)
	}
	got.ID, got.ComputedAt = 0, time.Time{}

	// The user's message: edited into one summary, never told the file
	// was imported before or is gone.
	edits := tg.EditedTexts(screen.ID)
	summaries, notices := 0, 0
	for _, e := range edits {
		switch {
		case strings.Contains(e, "Импортировано"):
			summaries++
		case strings.Contains(e, "уже импортирован"), strings.Contains(e, "не ждёт импорта"), strings.Contains(e, "не удался"):
			notices++
		}
	}
	botMessages := 0
	for _, m := range tg.Messages(admin.ID) {
		if m.FromBot {
			botMessages++
		}
	}
	summary := messageText(tg, admin.ID, screen.ID)

	t.Logf("import of %d events, %d cases, %d KB sent in the chat: SIGKILL %.1fs after the press, the job %s (attempt %d), "+
		"the message showing %q, %d events stored at the kill; restart %.1fs after the kill",
		events, cases, len(data)>>10, killed.Sub(pressed).Seconds(), atKill.state, atKill.attempt, shown, storedAtKill,
		restarted.Sub(killed).Seconds())
	t.Logf("after the restart: the new process's lease taken %.1fs, the job back in the queue %.1fs, picked up %.1fs, completed %.1fs, summary shown %.1fs after it; "+
		"River attempts %d, attempted by %d clients, errors %q",
		leased.Seconds(), rescued.Seconds(), pickedUp.Seconds(), completed.Seconds(), summaryAt.Seconds(), final.attempt, len(final.attemptedBy), final.errors)
	t.Logf("stored %d events of the log's %d (lost %d, doubled %d, extra %d) in %d import(s), %d process(es); "+
		"figures equal to an uninterrupted import: %v; message edits %d, summaries %d, other notices %d, bot messages %d",
		stored, events, lost, doubled, extra, imports, processes, reflect.DeepEqual(got, want), len(edits), summaries, notices, botMessages)

	if stored != events || lost+doubled+extra != 0 || imports != 1 || processes != 1 {
		t.Errorf("stored %d events (lost %d, doubled %d, extra %d) in %d imports, %d processes; want the log's %d in 1 and 1",
			stored, lost, doubled, extra, imports, processes, events)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the figures differ from an uninterrupted import:\n got  %+v\n want %+v", brief(got), brief(want))
	}
	ru := i18n.New(domain.LangRU, loc)
	for _, w := range []string{"Импортировано: Заявки", "Случаев: " + ru.Int(cases),
		fmt.Sprintf("Событий: %s (новых: %s)", ru.Int(events), ru.Int(events))} {
		if !strings.Contains(summary, w) {
			t.Errorf("the message lacks %q:\n%s", w, summary)
		}
	}
	if summaries != 1 || notices != 0 || botMessages != 1 {
		t.Errorf("%d summaries, %d other notices, %d bot messages; want 1, 0 and 1 (the screen turned summary):\n%s",
			summaries, notices, botMessages, strings.Join(edits, "\n---\n"))
	}
	if final.state != "completed" || final.attempt < 2 {
		t.Errorf("job %+v: want completed in a second attempt", final)
	}
}

// brief is a process's result without its long lists, for a failure.
func brief(r domain.ProcessResult) domain.ProcessResult {
	r.TopVariants, r.ActivityStats, r.Edges = nil, nil, nil
	return r
}
