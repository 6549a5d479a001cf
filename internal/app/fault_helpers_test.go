//go:build faults

package app_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"processet/internal/apptest"
)

// The fault runs (go test -tags faults -v -run TestFault ./internal/app/)
// drive the real binary, built into a temporary directory, and kill it
// with SIGKILL the way an OOM killer or a pulled plug would.

// binary builds cmd/processet into the test's temporary directory (the
// build cache makes all but the first build quick).
func binary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "processet")
	out, err := exec.Command("go", "build", "-o", bin, "processet/cmd/processet").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// proc is one run of the bot's binary.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
	log  string
}

// startBinary runs `processet run` with env on top of a minimal
// environment; its log goes to a file the test prints on failure.
func startBinary(t *testing.T, bin, name string, env map[string]string) *proc {
	t.Helper()
	cmd := exec.Command(bin, "run")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"),
		"BOT_TOKEN=" + apptest.Token, "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=info",
		"SECRET_KEY=test-secret-key-of-at-least-32-characters"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logPath := filepath.Join(t.TempDir(), name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{}), log: logPath}
	go func() { cmd.Wait(); f.Close(); close(p.done) }()
	t.Cleanup(func() {
		p.kill(t)
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("%s log:\n%s", name, tail(string(b), 60))
		}
	})
	return p
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Errorf("process %d did not die", p.cmd.Process.Pid)
	}
}

// exited says whether the process has ended (crashed, say).
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// logContains reports whether the process's log has s.
func (p *proc) logContains(s string) bool {
	b, _ := os.ReadFile(p.log)
	return strings.Contains(string(b), s)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// ctx is a context for the test's own queries.
func ctx(t *testing.T) context.Context { return t.Context() }
