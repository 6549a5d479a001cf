// Package pglocal runs a private PostgreSQL cluster from the server binaries
// installed on the machine, so neither the bot nor its tests need a database
// set up by hand.
//
// The bot uses a persistent cluster (its data directory survives restarts);
// tests use throwaway clusters that trade durability for speed and live in a
// temporary directory removed by Stop.
//
// Beside a data directory D live D.log, the server log, and D.lock, which
// keeps a second process off D. initdb and the server refuse to run as
// root, so as root they run as the postgres OS user, which must be able to
// reach D (see Start). The package works on Linux and macOS.
package pglocal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// MinMajorVersion is the oldest PostgreSQL major version pglocal runs.
const MinMajorVersion = 14

// ErrNotFound means that no usable PostgreSQL server binaries were found.
// Every error from FindBinDir about missing or unusable binaries wraps it,
// so the install hint always reaches the user.
var ErrNotFound = errors.New("no usable PostgreSQL server binaries: " +
	"install PostgreSQL 14 or newer (e.g. `apt-get install postgresql`) or set DATABASE_URL")

// binPatterns are the usual install locations of the server binaries, in
// the order they are searched. A pattern may match several versions.
var binPatterns = []string{
	"/usr/lib/postgresql/*/bin",                          // Debian, Ubuntu
	"/usr/pgsql-*/bin",                                   // PGDG packages for RHEL, Fedora
	"/usr/local/pgsql/bin",                               // built from source
	"/opt/homebrew/opt/postgresql@*/bin",                 // Homebrew on Apple silicon
	"/opt/homebrew/opt/postgresql/bin",                   //
	"/usr/local/opt/postgresql@*/bin",                    // Homebrew on Intel
	"/usr/local/opt/postgresql/bin",                      //
	"/Applications/Postgres.app/Contents/Versions/*/bin", // Postgres.app
}

// serverTools are the programs pglocal runs; a bin directory needs all of them.
var serverTools = []string{"initdb", "pg_ctl", "postgres"}

// FindBinDir returns the directory holding the PostgreSQL server binaries.
// It takes $PG_BIN when set, else the directory of pg_ctl on PATH (after
// resolving symlinks), else the newest version found in the usual install
// locations. The directory must hold initdb, pg_ctl and postgres of major
// version MinMajorVersion or newer.
func FindBinDir() (string, error) {
	dir, _, err := findBinDir(os.Getenv("PG_BIN"), binPatterns)
	return dir, err
}

// findBinDir is FindBinDir with its inputs made explicit for tests. It also
// returns the major version found.
func findBinDir(pgBin string, patterns []string) (string, int, error) {
	if pgBin != "" {
		// Absolute, because the tools run with the data directory as
		// their working directory.
		if abs, err := filepath.Abs(pgBin); err == nil {
			pgBin = abs
		}
		major, err := checkBinDir(pgBin)
		if err != nil {
			return "", 0, fmt.Errorf("PG_BIN=%s: %w", pgBin, err)
		}
		return pgBin, major, nil
	}

	// A binary too old to use is worth naming in the final error: it
	// explains why an installed PostgreSQL was passed over.
	var tooOld error
	if path, err := exec.LookPath("pg_ctl"); err == nil {
		if real, err := filepath.EvalSymlinks(path); err == nil {
			dir := filepath.Dir(real)
			major, err := checkBinDir(dir)
			if err == nil {
				return dir, major, nil
			}
			if errors.Is(err, errTooOld) {
				tooOld = err
			}
		}
	}

	best, bestMajor := "", 0
	for _, pattern := range patterns {
		dirs, _ := filepath.Glob(pattern) // the patterns are well-formed
		slices.Sort(dirs)
		for _, dir := range dirs {
			major, err := checkBinDir(dir)
			if errors.Is(err, errTooOld) && tooOld == nil {
				tooOld = err
			}
			if err == nil && major > bestMajor {
				best, bestMajor = dir, major
			}
		}
	}
	if best != "" {
		return best, bestMajor, nil
	}
	if tooOld != nil {
		return "", 0, tooOld
	}
	return "", 0, ErrNotFound
}

// errTooOld marks binaries older than MinMajorVersion.
var errTooOld = errors.New("too old")

// checkBinDir checks that dir holds every server tool and returns the major
// version of its postgres binary.
func checkBinDir(dir string) (int, error) {
	for _, tool := range serverTools {
		fi, err := os.Stat(filepath.Join(dir, tool))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
			return 0, fmt.Errorf("no %s in %s: %w", tool, dir, ErrNotFound)
		}
	}
	major, err := majorVersion(filepath.Join(dir, "postgres"))
	if err != nil {
		return 0, fmt.Errorf("%w: %w", err, ErrNotFound)
	}
	if major < MinMajorVersion {
		return 0, fmt.Errorf("PostgreSQL %d in %s is %w, need %d or newer: %w",
			major, dir, errTooOld, MinMajorVersion, ErrNotFound)
	}
	return major, nil
}

// versionRE matches the version printed by `postgres --version`, such as
// "postgres (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)" or "... 17beta1".
var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

// majorVersion runs `postgres --version` (allowed even as root) and returns
// the major version.
func majorVersion(postgres string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, postgres, "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("run %s --version: %w", postgres, err)
	}
	m := versionRE.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("%s --version printed %q, not a PostgreSQL version", postgres, out)
	}
	return strconv.Atoi(string(m[1]))
}
