package pglocal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// installHint is the advice every not-found error must carry, word for word.
const installHint = "install PostgreSQL 14 or newer (e.g. `apt-get install postgresql`) or set DATABASE_URL"

func TestFindBinDir(t *testing.T) {
	dir, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	major, err := checkBinDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if major < MinMajorVersion {
		t.Errorf("major version %d, want >= %d", major, MinMajorVersion)
	}
}

// fakeBinDir makes a directory with stand-in server tools whose postgres
// reports the given version.
func fakeBinDir(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	for _, tool := range serverTools {
		script := "#!/bin/sh\nexit 0\n"
		if tool == "postgres" {
			script = "#!/bin/sh\necho 'postgres (PostgreSQL) " + version + "'\n"
		}
		if err := os.WriteFile(filepath.Join(dir, tool), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindBinDirSearch(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no pg_ctl on PATH
	v12 := fakeBinDir(t, "12.3")
	v14 := fakeBinDir(t, "14.1")
	v17 := fakeBinDir(t, "17beta1")
	tests := []struct {
		name      string
		pgBin     string
		patterns  []string
		wantDir   string
		wantMajor int
		wantErr   string // part of the error; "" for success
	}{
		{name: "nothing installed", wantErr: installHint},
		{name: "newest wins", patterns: []string{v14, v17, v12}, wantDir: v17, wantMajor: 17},
		{name: "too old skipped", patterns: []string{v12, v14}, wantDir: v14, wantMajor: 14},
		{name: "only too old", patterns: []string{v12}, wantErr: "PostgreSQL 12 in " + v12 + " is too old, need 14 or newer"},
		{name: "PG_BIN first", pgBin: v14, patterns: []string{v17}, wantDir: v14, wantMajor: 14},
		{name: "PG_BIN without tools", pgBin: t.TempDir(), patterns: []string{v17}, wantErr: "no initdb in"},
		{name: "PG_BIN too old", pgBin: v12, patterns: []string{v17}, wantErr: "is too old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, major, err := findBinDir(tt.pgBin, tt.patterns)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("found %s, want an error", dir)
				}
				if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), installHint) {
					t.Errorf("error %q does not wrap ErrNotFound with the install hint", err)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if dir != tt.wantDir || major != tt.wantMajor {
				t.Errorf("got %s (%d), want %s (%d)", dir, major, tt.wantDir, tt.wantMajor)
			}
		})
	}
}

func TestStartWithoutBinaries(t *testing.T) {
	t.Setenv("PG_BIN", t.TempDir())
	_, err := Start(context.Background(), Options{Throwaway: true})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), installHint) {
		t.Errorf("error %q lacks the install hint", err)
	}
}

func TestMajorVersion(t *testing.T) {
	tests := []struct {
		version string // as printed after "postgres (PostgreSQL) "
		want    int
	}{
		{"15.18 (Debian 15.18-0+deb12u1)", 15},
		{"17beta1", 17},
		{"9.6.24", 9},
	}
	for _, tt := range tests {
		dir := fakeBinDir(t, tt.version)
		got, err := majorVersion(filepath.Join(dir, "postgres"))
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%q: got %d, want %d", tt.version, got, tt.want)
		}
	}
}
