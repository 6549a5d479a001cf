package pglocal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// account is the OS user that owns the cluster and runs its tools: the
// current user, or the postgres user when running as root, because initdb
// and the server refuse to run as root.
type account struct {
	name     string
	uid, gid uint32
	cred     *syscall.Credential // nil: run the tools as ourselves
}

// currentAccount picks the account the tools run as.
func currentAccount() (account, error) {
	if os.Geteuid() != 0 {
		return account{name: "current", uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return account{}, fmt.Errorf("running as root, PostgreSQL must run as the postgres OS user, "+
			"which does not exist (install the PostgreSQL package or create the user, or run as a normal user): %w", err)
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return account{}, fmt.Errorf("postgres user id %q: %w", u.Uid, err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return account{}, fmt.Errorf("postgres group id %q: %w", u.Gid, err)
	}
	return account{
		name: "postgres",
		uid:  uint32(uid),
		gid:  uint32(gid),
		cred: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)},
	}, nil
}

// chown hands path to the account; a no-op when the tools run as ourselves.
func (a account) chown(path string) error {
	if a.cred == nil {
		return nil
	}
	return os.Chown(path, int(a.uid), int(a.gid))
}

// checkReachable fails, naming the culprit, when the account cannot enter
// dir or one of its parents. Only root switches accounts, so for anyone
// else this holds by construction. Root's own home (mode 0700) is the usual
// culprit: the server cannot chdir into a data directory below it.
func (a account) checkReachable(dir string) error {
	if a.cred == nil {
		return nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if ok && !a.canEnter(fi.Mode().Perm(), st.Uid, st.Gid) {
			return fmt.Errorf("PostgreSQL runs as the %s OS user, which cannot enter %s (mode %04o, owner uid %d): "+
				"set DATA_DIR to a directory outside it, such as /var/lib/processet, or allow entry with chmod o+x %s",
				a.name, d, fi.Mode().Perm(), st.Uid, d)
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// canEnter reports whether the account has search permission on a
// directory with the given mode and owner. The tools run without
// supplementary groups, so only the primary group counts.
func (a account) canEnter(mode fs.FileMode, uid, gid uint32) bool {
	switch {
	case uid == a.uid:
		return mode&0o100 != 0
	case gid == a.gid:
		return mode&0o010 != 0
	default:
		return mode&0o001 != 0
	}
}

// lockDataDir takes an exclusive, non-blocking lock on lockPath for the
// life of the server, so two processes never run a server on the same data
// directory. The kernel drops the lock when its holder dies, so a crash
// never leaves it behind.
func lockDataDir(lockPath, dataDir string) (*os.File, error) {
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(lockPath)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("data directory %s is in use by another running process (pid %s): "+
				"stop it or choose another DATA_DIR", dataDir, strings.TrimSpace(string(holder)))
		}
		return nil, fmt.Errorf("lock %s: %w", lockPath, err)
	}
	// The pid is for the error message above; the lock itself is the flock.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}

// postmasterPID reads the pid from a data directory's postmaster.pid; 0
// when there is none.
func postmasterPID(dataDir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read postmaster.pid: %w", err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return -1, nil // garbled: certainly stale
	}
	return pid, nil
}

// isPostmasterOf reports whether process pid is alive and is a server
// running on dataDir. After a crash or reboot the pid in postmaster.pid may
// belong to an unrelated process; where /proc exists, the postmaster's
// working directory (always its data directory) tells them apart.
// Elsewhere a live process is taken to be the server.
func isPostmasterOf(pid int, dataDir string) bool {
	if pid <= 0 {
		return false
	}
	if err := syscall.Kill(pid, 0); err != nil {
		// ESRCH: gone. EPERM: another user's process, while our server
		// would run as us (root can signal anything).
		return false
	}
	if _, err := os.Stat("/proc/self/cwd"); err != nil {
		return true
	}
	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	if err != nil {
		return false // a zombie, or exited meanwhile
	}
	return sameDir(cwd, dataDir)
}

// sameDir reports whether the two paths name the same directory.
func sameDir(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// throwawayPrefix starts the names of throwaway clusters' temporary
// directories; sweepThrowaway looks for it.
const throwawayPrefix = "pglocal-"

// sweepThrowaway removes throwaway clusters whose owner died without
// stopping them (a test binary killed by its timeout, say), stopping their
// servers first. A directory whose lock is held, or was taken less than a
// minute ago (its owner may be about to lock it), is left alone.
func sweepThrowaway(binDir string, acct account, logf func(msg string, args ...any)) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), throwawayPrefix+"*"))
	for _, dir := range dirs {
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		lockPath := filepath.Join(dir, "data.lock")
		if li, err := os.Stat(lockPath); err != nil || time.Since(li.ModTime()) < time.Minute {
			continue
		}
		dataDir := filepath.Join(dir, "data")
		lock, err := lockDataDir(lockPath, dataDir)
		if err != nil {
			continue // its owner is alive
		}
		old := &Server{binDir: binDir, acct: acct, dataDir: dataDir}
		if pid, _ := postmasterPID(dataDir); isPostmasterOf(pid, dataDir) {
			_, _ = old.pgCtl("stop", "-m", "immediate", "-w", "-t", "30")
		}
		if err := os.RemoveAll(dir); err == nil {
			logf("removed an abandoned throwaway PostgreSQL cluster", "dir", dir)
		}
		lock.Close()
	}
}
