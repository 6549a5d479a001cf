package app

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"processet/internal/pglocal"
)

// pgTool is one PostgreSQL client program found on this machine.
type pgTool struct {
	path  string
	major int
}

// findPGTools lists the copies of name (pg_dump, pg_restore) there are: the
// one on PATH and the one beside the server binaries (PG_BIN, or the usual
// install locations), newest major version first.
func findPGTools(ctx context.Context, name string) []pgTool {
	var paths []string
	if p, err := exec.LookPath(name); err == nil {
		paths = append(paths, p)
	}
	if dir, err := pglocal.FindBinDir(); err == nil {
		if p := filepath.Join(dir, name); fileExists(p) {
			paths = append(paths, p)
		}
	}
	var tools []pgTool
	for _, p := range paths {
		if major, err := toolMajor(ctx, p); err == nil && !slices.ContainsFunc(tools, func(t pgTool) bool { return t.path == p }) {
			tools = append(tools, pgTool{path: p, major: major})
		}
	}
	slices.SortStableFunc(tools, func(a, b pgTool) int { return cmp.Compare(b.major, a.major) })
	return tools
}

// pickPGTool is the newest copy of name, which must be of major version min
// or newer: pg_dump refuses a server newer than itself, pg_restore an
// archive from a newer pg_dump.
func pickPGTool(ctx context.Context, name string, min int, why string) (pgTool, error) {
	tools := findPGTools(ctx, name)
	if len(tools) == 0 {
		return pgTool{}, fmt.Errorf("%s not found: install the PostgreSQL client tools (e.g. `apt-get install postgresql-client`) "+
			"or set PG_BIN to the directory that holds %s", name, name)
	}
	if t := tools[0]; t.major < min {
		return pgTool{}, fmt.Errorf("%s %d (%s) cannot handle %s %d: install the PostgreSQL %d client tools "+
			"(e.g. `apt-get install postgresql-client-%d`) or set PG_BIN to their directory", name, t.major, t.path, why, min, min, min)
	}
	return tools[0], nil
}

var versionRx = regexp.MustCompile(`\b(\d+)(?:\.\d+)*`)

// toolMajor runs `tool --version` ("pg_dump (PostgreSQL) 15.18 (Debian …)").
func toolMajor(ctx context.Context, tool string) (int, error) {
	out, err := exec.CommandContext(ctx, tool, "--version").Output()
	if err != nil {
		return 0, err
	}
	return majorOf(string(out))
}

// majorOf reads the major version from a version string: 15 from "15.18",
// 9 from "9.6.3".
func majorOf(s string) (int, error) {
	_, rest, _ := strings.Cut(s, ")") // past "(PostgreSQL)", where present
	if !strings.Contains(s, ")") {
		rest = s
	}
	m := versionRx.FindStringSubmatch(rest)
	if m == nil {
		return 0, fmt.Errorf("no version in %q", strings.TrimSpace(s))
	}
	return strconv.Atoi(m[1])
}

// runPGTool runs a client tool against dbURL, if any. The password goes through
// the environment, not the command line, where any local user could read
// it; stderr becomes the error.
func runPGTool(ctx context.Context, tool pgTool, dbURL string, args ...string) ([]byte, error) {
	env := os.Environ()
	if dbURL != "" { // empty: the tool reads only a file
		u, err := url.Parse(dbURL)
		if err != nil {
			return nil, fmt.Errorf("database URL: %w", err)
		}
		if pw, ok := u.User.Password(); ok {
			env = append(env, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
		}
		args = append(args, "--dbname="+u.String())
	}
	cmd := exec.CommandContext(ctx, tool.path, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return out, errors.New(msg)
	}
	return out, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
