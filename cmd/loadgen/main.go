// Command loadgen measures the bot from outside under load: it starts the
// fake Bot API (internal/telegramtest), a PostgreSQL with the demo company
// and the real bot as a child process, plays N approved users sending an
// open-loop mix of commands, one-line tasks and card buttons at a target
// rate, and reports the latency from the moment an update is offered to
// the bot to the moment the bot's reply request reaches the fake, with
// throughput, errors, unanswered updates and the bot's peak RSS.
//
//	go run ./cmd/loadgen -rate 300 -duration 60s -cpuprofile bot.pprof
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"processet/demo"
	"processet/domain"
	"processet/i18n"
	"processet/internal/pglocal"
	"processet/internal/telegramtest"
	"processet/storage"
)

// token is any syntactically valid bot token: the fake takes every one.
const token = "123456789:AAFakeTokenForLoadOnly_abcdefghijkl"

// adminID is the configured admin; the simulated users are employees.
const adminID = 1

type options struct {
	rate        float64
	duration    time.Duration
	warmup      time.Duration
	drain       time.Duration
	users       int
	mode        string
	cpuprofile  string
	cardCache   bool
	homeShare   bool
	databaseURL string
	seed        uint64
	quiet       bool
}

func main() {
	if os.Getenv(childEnv) == "1" {
		os.Exit(runChild())
	}
	var o options
	flag.Float64Var(&o.rate, "rate", 100, "updates a second, on average (Poisson arrivals, open loop)")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to send at the rate")
	flag.DurationVar(&o.warmup, "warmup", 5*time.Second, "sending at the rate before measuring")
	flag.DurationVar(&o.drain, "drain", 15*time.Second, "how long to wait for the last replies")
	flag.IntVar(&o.users, "users", 300, "simulated approved users")
	flag.StringVar(&o.mode, "mode", "polling", "how the bot gets updates: polling or webhook")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "write the bot's CPU profile of the measured part to this file")
	flag.BoolVar(&o.cardCache, "card-cache", true, "let the bot keep drawn cards (false: draw every card, as before the cache)")
	flag.BoolVar(&o.homeShare, "home-share", true, "let views of the home card share its figures for up to a second (false: read them for every view)")
	flag.StringVar(&o.databaseURL, "database-url", os.Getenv("DATABASE_URL"),
		"an empty PostgreSQL database to fill (default: a private cluster in a temporary directory)")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the random mix")
	flag.BoolVar(&o.quiet, "q", false, "do not pass on the bot's warnings")
	flag.Parse()
	if o.mode != "polling" && o.mode != "webhook" {
		fmt.Fprintln(os.Stderr, "loadgen: -mode is polling or webhook")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if _, err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// summary is what a run found, for tests of this command.
type summary struct {
	sent, offered, answered, failed, unanswered, problems int
}

func run(ctx context.Context, o options, out io.Writer) (summary, error) {
	fmt.Fprintf(out, "load average before: %s\n", loadAverage())
	tb := &runTB{}
	defer tb.close()
	rec := newRecorder(texts(i18n.TooBusy), texts(i18n.Sorry))
	tg := telegramtest.NewServer(tb, telegramtest.WithObserver(rec))

	dbURL, stopDB, err := database(ctx, o.databaseURL)
	if err != nil {
		return summary{}, err
	}
	defer stopDB()
	users, err := prepare(ctx, dbURL, o.users)
	if err != nil {
		return summary{}, err
	}
	for _, u := range users {
		rec.users[u.ID] = true
	}

	bot, err := startBot(ctx, o, tg.URL, dbURL)
	if err != nil {
		return summary{}, err
	}
	defer bot.stop()
	if err := waitFor(ctx, 60*time.Second, "the bot to start", func() bool {
		if o.mode == "webhook" {
			return tg.Webhook() != ""
		}
		return tg.PollsOpen() > 0
	}); err != nil {
		return summary{}, err
	}

	cards, err := openCards(ctx, tg, rec, users)
	if err != nil {
		return summary{}, err
	}

	g := &generator{tg: tg, rec: rec, users: users, cards: cards, rng: rand.New(rand.NewPCG(o.seed, 7))}
	g.send(ctx, o.rate, o.warmup)
	bot.profile()
	cpuBefore := bot.cpuTime()
	rec.measure(true)
	began := time.Now()
	sent := g.send(ctx, o.rate, o.duration)
	rec.measure(false)
	sending := time.Since(began)
	_ = waitFor(ctx, o.drain, "the last replies", func() bool { return rec.unanswered() == 0 })
	rss := bot.peakRSS()
	cpu := bot.cpuTime() - cpuBefore
	bot.stop()

	problems, samples := tb.report()
	printReport(out, o, rec, sent, sending, rss, cpu, problems, samples)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return summary{sent: sent, offered: rec.offered, answered: rec.answered, failed: rec.failed,
		unanswered: rec.offered - rec.answered + rec.sent - rec.offeredAll, problems: problems}, ctx.Err()
}

// openCards has every user open the home card once, a few at a time so
// that the queue takes them all: the buttons pressed later are on it.
func openCards(ctx context.Context, tg *telegramtest.Server, rec *recorder, users []telegramtest.User) (map[int64]*telegramtest.Message, error) {
	cards := map[int64]*telegramtest.Message{}
	for range 5 {
		var missing []telegramtest.User
		for _, u := range users {
			if cards[u.ID] == nil {
				missing = append(missing, u)
			}
		}
		if len(missing) == 0 {
			return cards, nil
		}
		for i, u := range missing {
			rec.sending()
			tg.SendText(u, "/start")
			if i%20 == 19 || i == len(missing)-1 {
				if err := waitFor(ctx, 60*time.Second, "home cards", func() bool { return rec.waiting() == 0 }); err != nil {
					return nil, err
				}
			}
		}
		for _, u := range missing {
			for _, m := range tg.Messages(u.ID) {
				if m.FromBot && m.PhotoPNG != nil {
					cards[u.ID] = m
				}
			}
		}
	}
	for _, u := range users {
		if cards[u.ID] == nil {
			var got []string
			for _, m := range tg.Messages(u.ID) {
				got = append(got, fmt.Sprintf("%q", m.Text+m.Caption))
			}
			return nil, fmt.Errorf("user %d got no home card after /start five times; the chat shows %s", u.ID, strings.Join(got, ", "))
		}
	}
	return cards, nil
}

// texts are a catalog entry in every language, to recognise it in replies.
func texts(k i18n.Key) []string {
	var out []string
	for _, l := range domain.Langs {
		out = append(out, i18n.New(l, time.UTC).T(k))
	}
	return out
}

// database returns the URL of the database to fill: the one given, or a
// new private cluster's, stopped and removed by the returned function.
func database(ctx context.Context, url string) (string, func(), error) {
	if url != "" {
		return url, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "loadgen-pg-")
	if err != nil {
		return "", nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", nil, err
	}
	srv, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dir, "data")})
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("start PostgreSQL: %w", err)
	}
	return srv.URL(pglocal.Database), func() { _ = srv.Stop(); os.RemoveAll(dir) }, nil
}

// prepare migrates the database, loads the demo company and approves n
// users, a third of them speaking English.
func prepare(ctx context.Context, url string, n int) ([]telegramtest.User, error) {
	if _, err := storage.Migrate(ctx, url); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	db, err := storage.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := db.LoadSeed(ctx, demo.Build(time.Now()), true); err != nil {
		return nil, fmt.Errorf("load the demo company: %w", err)
	}
	users := make([]telegramtest.User, n)
	for i := range users {
		u := telegramtest.User{ID: 500_001 + int64(i), FirstName: "Нагрузка", LastName: strconv.Itoa(i + 1),
			Username: fmt.Sprintf("load_user_%d", i+1), LanguageCode: "ru"}
		if i%3 == 2 {
			u.FirstName, u.LanguageCode = "Load", "en"
		}
		users[i] = u
		if _, _, err := db.TouchUser(ctx, domain.User{ID: u.ID, Username: u.Username, FirstName: u.FirstName,
			LastName: u.LastName, LanguageCode: u.LanguageCode}, domain.RoleEmployee, true); err != nil {
			return nil, fmt.Errorf("approve user %d: %w", u.ID, err)
		}
	}
	return users, nil
}

// botProcess is the bot running as a child process.
type botProcess struct {
	cmd     *exec.Cmd
	done    chan struct{}
	profOn  bool
	stopped bool
}

func startBot(ctx context.Context, o options, tgURL, dbURL string) (*botProcess, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), childEnv+"=1", "BOT_TOKEN="+token, "TELEGRAM_API_URL="+tgURL,
		"DATABASE_URL="+dbURL, "ADMIN_IDS="+strconv.Itoa(adminID), "LOG_LEVEL=warn", "HTTP_ADDR=")
	if !o.cardCache {
		env = append(env, cardCacheEnv+"=off")
	}
	if !o.homeShare {
		env = append(env, homeShareEnv+"=off")
	}
	if o.cpuprofile != "" {
		path, err := filepath.Abs(o.cpuprofile)
		if err != nil {
			return nil, err
		}
		env = append(env, profileEnv+"="+path)
	}
	if o.mode == "webhook" {
		webhookEnv, err := webhookSettings()
		if err != nil {
			return nil, err
		}
		env = append(env, webhookEnv...)
	}
	cmd := exec.Command(self)
	cmd.Env = env
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if o.quiet {
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the bot: %w", err)
	}
	b := &botProcess{cmd: cmd, done: make(chan struct{}), profOn: o.cpuprofile != ""}
	go func() { _ = cmd.Wait(); close(b.done) }()
	return b, nil
}

// webhookSettings switch the bot to webhook mode on a free local port:
// the fake then posts every update to it with the secret header (one at a
// time, as Telegram does) and reports each through Server.offered, which
// this tool measures from.
func webhookSettings() ([]string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	return []string{"HTTP_ADDR=" + addr, "WEBHOOK_URL=http://" + addr + "/telegram/webhook",
		"WEBHOOK_SECRET=loadgen_webhook_secret"}, nil
}

// profile starts the bot's CPU profile.
func (b *botProcess) profile() {
	if b.profOn {
		_ = b.cmd.Process.Signal(syscall.SIGUSR1)
	}
}

// peakRSS is the bot's peak resident memory, from the kernel (VmHWM).
func (b *botProcess) peakRSS() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", b.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuTime is the CPU time the bot has used so far (user and system), from
// /proc/<pid>/stat, in clock ticks of 10 ms.
func (b *botProcess) cpuTime() time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", b.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields after it.
	rest := string(data)
	if i := strings.LastIndexByte(rest, ')'); i >= 0 {
		rest = rest[i+1:]
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// stop ends the bot gracefully (which writes its profile), or kills it
// after 20 s.
func (b *botProcess) stop() {
	if b.stopped {
		return
	}
	b.stopped = true
	_ = b.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-b.done:
	case <-time.After(20 * time.Second):
		_ = b.cmd.Process.Kill()
		<-b.done
	}
}

// waitFor asks cond every 20 ms until it holds or d passes.
func waitFor(ctx context.Context, d time.Duration, what string, cond func() bool) error {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("gave up after %s waiting for %s", d, what)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return nil
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	return strings.Join(f[:min(3, len(f))], " ")
}
