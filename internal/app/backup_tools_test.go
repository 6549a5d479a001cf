package app

import (
	"context"
	"strings"
	"testing"
)

func TestMajorOf(t *testing.T) {
	for in, want := range map[string]int{
		"pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n": 15,
		"pg_restore (PostgreSQL) 17.2":                          17,
		"pg_dump (PostgreSQL) 9.6.24":                           9,
		"16.4":                                                  16,
	} {
		if got, err := majorOf(in); err != nil || got != want {
			t.Errorf("%q: got %d, %v; want %d", in, got, err, want)
		}
	}
}

// TestPGToolMessages: a missing tool and one too old for the server are
// told with what to install.
func TestPGToolMessages(t *testing.T) {
	ctx := context.Background()
	if _, err := pickPGTool(ctx, "pg_dump", 99, "a PostgreSQL server of version"); err == nil ||
		!strings.Contains(err.Error(), "cannot handle a PostgreSQL server of version 99: install the PostgreSQL 99 client tools") {
		t.Errorf("too old: %v", err)
	}
	empty := t.TempDir()
	t.Setenv("PATH", empty)
	t.Setenv("PG_BIN", empty)
	if _, err := pickPGTool(ctx, "pg_dump", 15, "a PostgreSQL server of version"); err == nil ||
		!strings.Contains(err.Error(), "pg_dump not found: install the PostgreSQL client tools") {
		t.Errorf("missing: %v", err)
	}
}
