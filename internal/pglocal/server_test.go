package pglocal

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/internal/testwait"
)

// dataDirForTest returns a data directory in a new temporary directory that
// the postgres user can reach even when the test runs as root, unlike
// t.TempDir(), whose parent is 0700.
func dataDirForTest(t *testing.T) string {
	t.Helper()
	tmp, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(tmp); err != nil {
			t.Error(err)
		}
	})
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(tmp, "data", "pg") // Start creates the parent, like a new DATA_DIR
}

// startForTest starts a server that the test stops at the latest at its end.
func startForTest(t *testing.T, opts Options) *Server {
	t.Helper()
	s := start(t, opts)
	t.Cleanup(func() { s.Stop() })
	return s
}

// start starts a server that the caller stops.
func start(t *testing.T, opts Options) *Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Start(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// query returns the single text value of sql run in database db.
func query(t *testing.T, s *Server, db, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.URL(db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var v string
	if err := conn.QueryRow(ctx, sql).Scan(&v); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return v
}

func TestThrowaway(t *testing.T) {
	t.Parallel()
	s := startForTest(t, Options{Throwaway: true})
	for setting, want := range map[string]string{
		"fsync":              "off",
		"synchronous_commit": "off",
		"max_connections":    "200",
		"listen_addresses":   "127.0.0.1",
		"server_encoding":    "UTF8",
	} {
		if got := query(t, s, Database, "show "+setting); got != want {
			t.Errorf("%s = %s, want %s", setting, got, want)
		}
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.tempDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("throwaway dir %s still there after Stop: %v", s.tempDir, err)
	}
	if err := s.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

// TestPersistent walks one cluster through the lives of the bot: restarts,
// a second instance, an orphaned server, a crash and a stale pid file.
func TestPersistent(t *testing.T) {
	t.Parallel()
	dir := dataDirForTest(t)
	opts := Options{DataDir: dir}
	const text = "сохранено"

	s := start(t, opts)
	t.Cleanup(func() { s.Stop() }) // the last of the servers below
	if got := query(t, s, Database, "show fsync"); got != "on" {
		t.Errorf("fsync = %s in a persistent cluster", got)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.URL(Database))
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, "create table notes (body text not null); insert into notes values ('"+text+"')")
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	readBack := func(t *testing.T, s *Server) {
		t.Helper()
		if got := query(t, s, Database, "select body from notes"); got != text {
			t.Errorf("read back %q, want %q", got, text)
		}
	}

	t.Run("second instance refused", func(t *testing.T) {
		_, err := Start(ctx, opts)
		if err == nil || !strings.Contains(err.Error(), "in use by another running process (pid "+strconv.Itoa(os.Getpid())) {
			t.Fatalf("got %v, want an in-use error", err)
		}
		readBack(t, s) // the first one is unharmed
	})

	t.Run("restart keeps data", func(t *testing.T) {
		if err := s.Stop(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("postmaster.pid left after Stop: %v", err)
		}
		s = start(t, opts)
		readBack(t, s)
	})

	t.Run("orphaned server stopped", func(t *testing.T) {
		oldPID, err := postmasterPID(dir)
		if err != nil || oldPID <= 0 {
			t.Fatalf("no server pid (%d): %v", oldPID, err)
		}
		s.release() // as if our process died: the lock goes, the server stays
		port := s.port
		s = start(t, Options{DataDir: dir, Port: port}) // the orphan holds the port
		if s.port != port {
			t.Errorf("port %d, want %d", s.port, port)
		}
		readBack(t, s)
		if pid, _ := postmasterPID(dir); pid == oldPID {
			t.Errorf("still the old server (pid %d)", pid)
		}
		waitGone(t, oldPID)
	})

	t.Run("crashed server recovered", func(t *testing.T) {
		pid, err := postmasterPID(dir)
		if err != nil || pid <= 0 { // never signal 0 or -1: whole groups
			t.Fatalf("no server pid (%d): %v", pid, err)
		}
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		s.release()
		waitGone(t, pid)
		s = start(t, opts)
		readBack(t, s)
	})

	t.Run("stale pid file of another process", func(t *testing.T) {
		if err := s.Stop(); err != nil {
			t.Fatal(err)
		}
		stale := fmt.Sprintf("%d\n%s\n", os.Getpid(), dir) // a live pid, not a server
		if err := os.WriteFile(filepath.Join(dir, "postmaster.pid"), []byte(stale), 0o600); err != nil {
			t.Fatal(err)
		}
		s = start(t, opts)
		readBack(t, s)
	})

	t.Run("start error shows the server log", func(t *testing.T) {
		if err := s.Stop(); err != nil {
			t.Fatal(err)
		}
		conf, err := os.OpenFile(filepath.Join(dir, "postgresql.conf"), os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = conf.WriteString("\nno_such_setting = 1\n")
		conf.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, err = Start(ctx, opts)
		want := `unrecognized configuration parameter "no_such_setting"`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("got %v, want an error quoting the log line %s", err, want)
		}
	})

	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "pg.log")); err != nil {
		t.Errorf("server log: %v", err)
	}
	if fi, err := os.Stat(filepath.Dir(dir)); err != nil {
		t.Error(err)
	} else if fi.Mode().Perm() != 0o755 {
		t.Errorf("data dir parent created with mode %v, want 0755", fi.Mode().Perm())
	}
}

// waitGone waits until process pid has exited. An exited server may stay
// a zombie until init reaps it, which some container inits do lazily.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	testwait.Eventually(t, fmt.Sprintf("process %d to exit", pid), func() bool {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return true
		}
		if stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
			if _, after, ok := strings.Cut(string(stat), ") "); ok && strings.HasPrefix(after, "Z") {
				return true
			}
		}
		return false
	})
}

func TestPortInUse(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	_, err = Start(context.Background(), Options{Throwaway: true, Port: port})
	want := fmt.Sprintf("port %d on 127.0.0.1 is already in use", port)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error containing %q", err, want)
	}
}

func TestUnreachableDataDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root switches to the postgres user, which cannot enter a 0700 directory of root's")
	}
	parent := t.TempDir() // mode 0700, owned by root
	_, err := Start(context.Background(), Options{DataDir: filepath.Join(parent, "data", "pg")})
	want := "PostgreSQL runs as the postgres OS user, which cannot enter " + filepath.Dir(parent) + " (mode 0700"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "DATA_DIR") {
		t.Fatalf("got %v, want an error containing %q and advice on DATA_DIR", err, want)
	}
}

func TestSweepAbandoned(t *testing.T) {
	t.Parallel()
	s := start(t, Options{Throwaway: true})
	pid, err := postmasterPID(s.dataDir)
	if err != nil || pid <= 0 {
		t.Fatalf("no server pid (%d): %v", pid, err)
	}
	// As if the test binary had been killed a while ago: the lock is gone,
	// the server and its directory are not.
	s.lock.Close()
	s.lock = nil
	old := time.Now().Add(-2 * time.Minute)
	if err := os.Chtimes(s.dataDir+".lock", old, old); err != nil {
		t.Fatal(err)
	}

	var logged []string
	sweepThrowaway(s.binDir, s.acct, func(msg string, _ ...any) { logged = append(logged, msg) })
	if _, err := os.Stat(s.tempDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("abandoned cluster %s not removed: %v (logged %q)", s.tempDir, err, logged)
	}
	waitGone(t, pid)
}
