package pglocal

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// RunningURL returns the connection URL of database db on a server that is
// running on dataDir now, started by another process (the bot, while a
// backup is taken). ok is false when no live server runs there.
func RunningURL(dataDir, db string) (u string, ok bool, err error) {
	pid, err := postmasterPID(dataDir)
	if err != nil || !isPostmasterOf(pid, dataDir) {
		return "", false, err
	}
	// postmaster.pid: pid, data directory, start time, port, socket
	// directory, listen address, shared memory key, status.
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return "", false, fmt.Errorf("read postmaster.pid: %w", err)
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < 4 {
		return "", false, fmt.Errorf("postmaster.pid of %s has no port yet: the server is starting, try again", dataDir)
	}
	port, err := strconv.Atoi(strings.TrimSpace(lines[3]))
	if err != nil || port <= 0 {
		return "", false, fmt.Errorf("postmaster.pid of %s: bad port %q", dataDir, lines[3])
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", port, url.PathEscape(db)), true, nil
}
