package pglocal

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Database is the application database that Start creates if missing.
const Database = "processet"

// Options configure Start.
type Options struct {
	// DataDir is the cluster's data directory, created and initialised if
	// needed and reused as it is when it already holds a cluster. Its
	// parent also receives the server log (<DataDir>.log) and a lock file
	// (<DataDir>.lock). Empty is allowed only with Throwaway: the cluster
	// then lives in a new temporary directory that Stop removes.
	DataDir string
	// Port is the TCP port on 127.0.0.1; 0 picks a free one.
	Port int
	// Throwaway turns off durability (fsync, synchronous commit, full page
	// writes) for speed and allows 200 connections. For tests only: a crash
	// may corrupt the cluster.
	Throwaway bool
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
}

// Server is a running private PostgreSQL server. It accepts connections
// only on 127.0.0.1 and on a Unix socket inside its data directory, as the
// superuser "postgres" without a password (trust authentication), so it
// suits a machine whose local users are trusted.
type Server struct {
	binDir  string
	acct    account
	log     *slog.Logger
	dataDir string
	logFile string
	tempDir string   // removed by Stop; throwaway clusters only
	lock    *os.File // held while the server runs
	port    int

	stopOnce sync.Once
	stopErr  error
}

// Start starts a server on opts.DataDir, running initdb first when the
// directory holds no cluster yet, and creates the database named Database.
//
// Running as root, the tools run as the postgres OS user, which then owns
// the data directory. Parents that Start creates are made 0755 so that
// user can reach the data directory; an existing parent it cannot enter
// (such as root's home directory, mode 0700) is reported rather than
// changed.
//
// A server left running on DataDir by a process that died without calling
// Stop is stopped first. While another live process has a server on
// DataDir, Start fails instead of touching it.
func Start(ctx context.Context, opts Options) (*Server, error) {
	began := time.Now()
	binDir, major, err := findBinDir(os.Getenv("PG_BIN"), binPatterns)
	if err != nil {
		return nil, err
	}
	acct, err := currentAccount()
	if err != nil {
		return nil, err
	}
	if err := acct.checkReachable(binDir); err != nil {
		return nil, err
	}
	s := &Server{binDir: binDir, acct: acct, log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}

	started := false
	defer func() {
		if !started {
			s.abandon()
		}
	}()
	if err := s.prepare(opts); err != nil {
		return nil, err
	}
	if err := s.stopLeftover(); err != nil {
		return nil, err
	}
	if opts.Port != 0 { // after stopLeftover: an orphan of ours may hold it
		if err := checkPortFree(opts.Port); err != nil {
			return nil, err
		}
	}
	if err := s.initdb(ctx, opts.Throwaway); err != nil {
		return nil, err
	}
	if err := s.start(ctx, opts); err != nil {
		return nil, err
	}
	if err := s.createDatabase(ctx, Database); err != nil {
		return nil, err
	}
	started = true
	s.log.Info("PostgreSQL started", "version", major, "port", s.port, "data_dir", s.dataDir,
		"throwaway", opts.Throwaway, "took", time.Since(began).Round(time.Millisecond))
	return s, nil
}

// URL returns the connection URL of database db as the superuser.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, url.PathEscape(db))
}

// Stop shuts the server down (fast mode: running sessions are cancelled, a
// checkpoint is written) and waits for it to exit. The temporary directory
// of a cluster started without DataDir is removed. Stop may be called
// again.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if out, err := s.pgCtl("stop", "-m", "fast", "-w", "-t", "60"); err != nil {
			s.stopErr = fmt.Errorf("stop PostgreSQL: %w\n%s", err, out)
		} else {
			s.log.Info("PostgreSQL stopped", "data_dir", s.dataDir)
		}
		s.release()
	})
	return s.stopErr
}

// start runs pg_ctl start and waits until the server accepts connections.
// With a free port picked for us, losing a race for it to another process
// is retried on a new port.
func (s *Server) start(ctx context.Context, opts Options) error {
	for attempt := 1; ; attempt++ {
		port := opts.Port
		if port == 0 {
			p, err := freePort()
			if err != nil {
				return err
			}
			port = p
		}
		s.port = port
		err := s.pgCtlStart(ctx, port, opts.Throwaway)
		if err == nil {
			return nil
		}
		if opts.Port != 0 || attempt == 3 || !strings.Contains(err.Error(), "already in use") {
			return err
		}
		s.log.Info("port taken meanwhile, retrying", "port", port)
	}
}

// pgCtlStart runs pg_ctl start once; a failure carries the new tail of
// the server log.
func (s *Server) pgCtlStart(ctx context.Context, port int, throwaway bool) error {
	settings := []string{
		"listen_addresses=127.0.0.1",
		"unix_socket_directories=" + s.socketDir(),
		"unix_socket_permissions=0700",
	}
	if throwaway {
		settings = append(settings, "fsync=off", "synchronous_commit=off",
			"full_page_writes=off", "max_connections=200")
	}
	// pg_ctl hands -o to a shell, hence the quoting.
	o := []string{"-p", strconv.Itoa(port)}
	for _, kv := range settings {
		o = append(o, "-c", shellQuote(kv))
	}

	wait := 60 * time.Second
	if deadline, ok := ctx.Deadline(); ok {
		wait = min(max(time.Until(deadline), time.Second), 100*time.Second) // pgCtl allows 2 min
	}
	logStart := fileSize(s.logFile)
	out, err := s.pgCtl("start", "-l", s.logFile, "-w", "-t", strconv.Itoa(int(wait.Seconds())),
		"-o", strings.Join(o, " "))
	if err != nil {
		return fmt.Errorf("start PostgreSQL on port %d: %w\n%s\nserver log %s:\n%s",
			port, err, bytes.TrimSpace(out), s.logFile, logTail(s.logFile, logStart, 20))
	}
	return nil
}

// socketDir is where the server puts its Unix socket: the data directory,
// private to the account, unless its path is too long for a socket
// address, in which case the socket is turned off (clients use TCP).
func (s *Server) socketDir() string {
	const sunPathMax = 103 // the smallest limit, macOS; Linux allows 107
	if len(s.dataDir)+len("/.s.PGSQL.65535.lock") > sunPathMax {
		return ""
	}
	return s.dataDir
}

// createDatabase creates database name unless it exists.
func (s *Server) createDatabase(ctx context.Context, name string) error {
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return fmt.Errorf("connect to new server: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	err = conn.QueryRow(ctx, "select exists (select 1 from pg_database where datname = $1)", name).Scan(&exists)
	if err != nil {
		return fmt.Errorf("look up database %s: %w", name, err)
	}
	if exists {
		return nil
	}
	if _, err := conn.Exec(ctx, "create database "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// abandon undoes a failed Start: a server that came up is stopped at once.
func (s *Server) abandon() {
	if s.lock != nil && s.dataDir != "" {
		if pid, _ := postmasterPID(s.dataDir); isPostmasterOf(pid, s.dataDir) {
			_, _ = s.pgCtl("stop", "-m", "immediate", "-w", "-t", "30")
		}
	}
	s.release()
}

// release drops the lock and removes a throwaway cluster's directory.
func (s *Server) release() {
	if s.tempDir != "" {
		if err := os.RemoveAll(s.tempDir); err != nil {
			s.log.Warn("remove throwaway cluster", "err", err)
		}
	}
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}

// freePort asks the kernel for a currently unused port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// checkPortFree fails clearly when port is taken, before the server fails
// less clearly.
func checkPortFree(port int) error {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("port %d on 127.0.0.1 is already in use: choose another port, or 0 for a free one: %w", port, err)
	}
	return l.Close()
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// logTail returns the last n lines written to path after offset from.
func logTail(path string, from int64, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return "(no server log: " + err.Error() + ")"
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, from, 1<<20))
	if err != nil {
		return "(unreadable server log: " + err.Error() + ")"
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
