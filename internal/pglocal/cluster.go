package pglocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// prepare creates the directories and files the server needs, gives them
// to the account the tools run as, and takes the data directory's lock.
func (s *Server) prepare(opts Options) error {
	switch {
	case opts.DataDir != "":
		dir, err := filepath.Abs(opts.DataDir)
		if err != nil {
			return fmt.Errorf("data dir: %w", err)
		}
		s.dataDir = dir
		if err := mkdirAllOpen(filepath.Dir(dir)); err != nil {
			return fmt.Errorf("create data dir parent: %w", err)
		}
	case opts.Throwaway:
		sweepThrowaway(s.binDir, s.acct, s.log.Info)
		tmp, err := os.MkdirTemp("", throwawayPrefix)
		if err != nil {
			return fmt.Errorf("create temp dir: %w", err)
		}
		s.tempDir = tmp
		if err := os.Chmod(tmp, 0o755); err != nil { // MkdirTemp makes it 0700
			return fmt.Errorf("open up temp dir: %w", err)
		}
		s.dataDir = filepath.Join(tmp, "data")
	default:
		return errors.New("pglocal: Options.DataDir is required unless Throwaway is set")
	}

	parent := filepath.Dir(s.dataDir)
	if err := s.acct.checkReachable(parent); err != nil {
		return err
	}
	lock, err := lockDataDir(s.dataDir+".lock", s.dataDir)
	if err != nil {
		return err
	}
	s.lock = lock

	if err := os.Mkdir(s.dataDir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create data dir: %w", err)
	}
	if !s.initialised() { // reused clusters keep their owner and mode
		if err := os.Chmod(s.dataDir, 0o700); err != nil {
			return fmt.Errorf("data dir mode: %w", err)
		}
		if err := s.acct.chown(s.dataDir); err != nil {
			return fmt.Errorf("data dir owner: %w", err)
		}
	}

	// The server appends to the log as the account; create it as ours,
	// then hand it over. An overgrown log starts afresh.
	s.logFile = s.dataDir + ".log"
	if fi, err := os.Stat(s.logFile); err == nil && fi.Size() > 10<<20 {
		_ = os.Rename(s.logFile, s.logFile+".1")
	}
	f, err := os.OpenFile(s.logFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("create server log: %w", err)
	}
	f.Close()
	if err := s.acct.chown(s.logFile); err != nil {
		return fmt.Errorf("server log owner: %w", err)
	}
	return nil
}

// mkdirAllOpen is os.MkdirAll that leaves every directory it creates with
// mode 0755 whatever the umask, so the account can pass through them.
func mkdirAllOpen(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range missing {
		if err := os.Chmod(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// initialised reports whether the data directory already holds a cluster.
func (s *Server) initialised() bool {
	_, err := os.Stat(filepath.Join(s.dataDir, "PG_VERSION"))
	return err == nil
}

// stopLeftover deals with a postmaster.pid left behind by a run that ended
// without stopping its server. We hold the lock, so no live Start owns the
// directory: a server still running there is an orphan, and is stopped. A
// pid file naming a process that is gone or is not that server is removed
// (the server would refuse to start if the pid had been reused).
func (s *Server) stopLeftover() error {
	pid, err := postmasterPID(s.dataDir)
	if err != nil || pid == 0 {
		return err
	}
	if !isPostmasterOf(pid, s.dataDir) {
		s.log.Info("removing a stale postmaster.pid", "pid", pid, "data_dir", s.dataDir)
		return os.Remove(filepath.Join(s.dataDir, "postmaster.pid"))
	}
	s.log.Warn("stopping a PostgreSQL server left running by an earlier run", "pid", pid, "data_dir", s.dataDir)
	if _, err := s.pgCtl("stop", "-m", "fast", "-w", "-t", "60"); err == nil {
		return nil
	}
	if out, err := s.pgCtl("stop", "-m", "immediate", "-w", "-t", "30"); err != nil {
		return fmt.Errorf("stop leftover PostgreSQL (pid %d): %w\n%s", pid, err, out)
	}
	return nil
}

// initdb creates the cluster unless the data directory already holds one.
func (s *Server) initdb(ctx context.Context, throwaway bool) error {
	if s.initialised() {
		s.log.Info("reusing PostgreSQL cluster", "data_dir", s.dataDir)
		return nil
	}
	args := []string{"-D", s.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8"}
	if throwaway {
		args = append(args, "--no-sync")
	}
	out, err := s.run(ctx, "initdb", append(args, "--locale=C.UTF-8")...)
	if err != nil && bytes.Contains(out, []byte("locale")) {
		s.log.Info("locale C.UTF-8 unavailable, initialising with C")
		out, err = s.run(ctx, "initdb", append(args, "--locale=C")...)
	}
	if err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, out)
	}
	s.log.Info("initialised PostgreSQL cluster", "data_dir", s.dataDir)
	return nil
}

// pgCtl runs pg_ctl on the data directory.
func (s *Server) pgCtl(action string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return s.run(ctx, "pg_ctl", append([]string{action, "-D", s.dataDir}, args...)...)
}

// run runs a server tool as the cluster's account and returns its output.
func (s *Server) run(ctx context.Context, tool string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, filepath.Join(s.binDir, tool), args...)
	cmd.Dir = s.dataDir // the account can enter it; it may not be able to enter ours
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.acct.cred}
	return cmd.CombinedOutput()
}
