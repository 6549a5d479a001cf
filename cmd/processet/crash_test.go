package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"processet/internal/apptest"
	"processet/internal/syncbuf"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// TestEmbeddedDatabaseSurvivesKill9 runs the real binary on the embedded
// database, kills it with SIGKILL (its PostgreSQL is left running, an
// orphan holding postmaster.pid), starts it again on the same data
// directory and finds it up, with what the first run stored. The
// restarted bot's database is then backed up while it runs, and a restore
// into it is refused.
func TestEmbeddedDatabaseSurvivesKill9(t *testing.T) {
	bin := buildBinary(t)
	tg := telegramtest.NewServer(t)
	dataDir := reachableDir(t)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "BOT_TOKEN=" + apptest.Token,
		"ADMIN_IDS=1", "TELEGRAM_API_URL=" + tg.URL, "DATA_DIR=" + dataDir, "LOG_LEVEL=debug"}
	newcomer := telegramtest.User{ID: 2002, FirstName: "Борис", LanguageCode: "ru"}

	first := startBinary(t, bin, env)
	tg.SendText(newcomer, "/start")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Заявка на доступ отправлена") {
		t.Fatalf("first /start: %q\n%s", m.Text, first.log())
	}
	// The next long poll confirms the update, so the restarted bot does
	// not get it again.
	testwait.Eventually(t, "the first bot's next long poll", func() bool { return tg.PollsOpen() > 0 })
	pg := postmasterPID(t, dataDir)
	first.kill(t)
	if err := syscall.Kill(pg, 0); err != nil {
		t.Fatalf("PostgreSQL (pid %d) went down with the bot: the test proves nothing: %v", pg, err)
	}

	second := startBinary(t, bin, env)
	tg.SendText(newcomer, "/start")
	if m := tg.WaitForText(t, newcomer.ID); !strings.Contains(m.Text, "Заявка на доступ уже у администратора") {
		t.Fatalf("after the restart the newcomer is not known: %q\n%s", m.Text, second.log())
	}
	if now := postmasterPID(t, dataDir); now == pg {
		t.Errorf("the orphaned PostgreSQL (pid %d) still serves the data directory", pg)
	}

	dump := filepath.Join(dataDir, "live.dump")
	if out, err := runBinary(bin, env, "backup", dump); err != nil {
		t.Fatalf("backup of the running bot's database: %v\n%s", err, out)
	}
	if fi, err := os.Stat(dump); err != nil || fi.Size() == 0 {
		t.Fatalf("no dump: %v", err)
	}
	out, err := runBinary(bin, env, "restore", dump)
	if err == nil || !strings.Contains(out, "--force") {
		t.Errorf("restore into the live database: %v\n%s", err, out)
	}
	second.stop(t)
	if _, err := os.Stat(filepath.Join(dataDir, "pg", "postmaster.pid")); err == nil {
		t.Errorf("PostgreSQL still running after the bot stopped\n%s", second.log())
	}
}

// buildBinary compiles the command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "processet")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// reachableDir is a new directory the postgres OS user can enter when the
// test runs as root (t.TempDir's parent is 0700).
func reachableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "processet-crash-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// A failed test may leave a server running: stop it at once
		// (SIGQUIT is PostgreSQL's immediate shutdown), then clean up.
		if b, err := os.ReadFile(filepath.Join(dir, "pg", "postmaster.pid")); err == nil {
			first, _, _ := strings.Cut(string(b), "\n")
			if pid, _ := strconv.Atoi(strings.TrimSpace(first)); pid > 0 {
				_ = syscall.Kill(pid, syscall.SIGQUIT)
				testwait.Eventually(t, "the leftover PostgreSQL to exit", func() bool { return syscall.Kill(pid, 0) != nil })
			}
		}
		os.RemoveAll(dir)
	})
	return dir
}

// postmasterPID is the pid of the server on DATA_DIR/pg.
func postmasterPID(t *testing.T, dataDir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "pg", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		t.Fatalf("postmaster.pid: %q", first)
	}
	return pid
}

// process is the bot running as a child process.
type process struct {
	cmd  *exec.Cmd
	out  *syncbuf.Buffer
	done chan struct{} // closed when the process has exited
	err  error         // Wait's, once done is closed
}

func startBinary(t *testing.T, bin string, env []string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, "run"), out: &syncbuf.Buffer{}, done: make(chan struct{})}
	p.cmd.Env, p.cmd.Dir = env, filepath.Dir(bin) // no stray .env
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
			<-p.done
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", p.log())
		}
	})
	return p
}

func (p *process) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	<-p.done
}

func (p *process) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-p.done
	if p.err != nil {
		t.Errorf("bot exit after SIGTERM: %v\n%s", p.err, p.log())
	}
}

func (p *process) log() string { return p.out.String() }

func runBinary(bin string, env []string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir = env, filepath.Dir(bin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
