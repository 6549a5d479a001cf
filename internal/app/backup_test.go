package app_test

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	tele "gopkg.in/telebot.v3"

	"processet/internal/app"
	"processet/internal/apptest"
	"processet/internal/testdb"
	"processet/notify"
)

// TestBackupRestoreRoundTrip: the demo company and queued messages go
// through backup and restore into a fresh database with every table's
// rows, River's included; a second restore into the now full database
// is refused unless forced.
func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	src := dumpConfig(t, testdb.NewURL(t))
	if err := app.LoadDemo(ctx, src, false, log); err != nil {
		t.Fatal(err)
	}
	queueMessages(t, src.DatabaseURL, 3)

	file, err := app.Backup(ctx, src, "", log)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(file) != filepath.Join(src.DataDir, app.BackupDir) || !strings.HasSuffix(file, ".dump") {
		t.Errorf("default backup file %s", file)
	}
	if _, err := os.Stat(file + ".partial"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partial file is left: %v", err)
	}

	dst := dumpConfig(t, testdb.NewEmptyURL(t))
	if err := app.Restore(ctx, dst, file, false, log); err != nil {
		t.Fatal(err)
	}
	want := rowCounts(t, src.DatabaseURL)
	t.Logf("rows by table: %v", want)
	for _, table := range []string{"crm_deals", "tasks", "ideas", "mining_events", "mining_results", "river_job", "river_migration", "goose_db_version", "outbox_messages"} {
		if want[table] == 0 {
			t.Errorf("the source has no rows in %s: the round trip proves little", table)
		}
	}
	if got := rowCounts(t, dst.DatabaseURL); !maps.Equal(got, want) {
		t.Errorf("row counts after restore:\n got %v\nwant %v", got, want)
	}

	err = app.Restore(ctx, dst, file, false, log)
	if !errors.Is(err, app.ErrNotEmpty) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("restore into a full database: %v", err)
	}
	if err := app.Restore(ctx, dst, file, true, log); err != nil {
		t.Fatalf("forced restore: %v", err)
	}
	if got := rowCounts(t, dst.DatabaseURL); !maps.Equal(got, want) {
		t.Errorf("row counts after a forced restore:\n got %v\nwant %v", got, want)
	}
}

// TestRestoreRefusesWhatIsNoDump: a file that is no archive is named as such.
func TestRestoreRefusesWhatIsNoDump(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("not a dump\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := app.Restore(context.Background(), dumpConfig(t, testdb.NewEmptyURL(t)), file, false, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "is not a backup made by `processet backup`") {
		t.Fatalf("got %v", err)
	}
}

func dumpConfig(t *testing.T, dbURL string) app.Config {
	t.Helper()
	dir := t.TempDir()
	cfg, err := app.LoadConfig(func(k string) string {
		return map[string]string{"DATABASE_URL": dbURL, "DATA_DIR": dir}[k]
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// queueMessages puts n Telegram messages into the outbox, so River's job
// table has rows.
func queueMessages(t *testing.T, dbURL string, n int) {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	b, err := tele.NewBot(tele.Settings{Token: apptest.Token, Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := notify.New(pool, notify.Config{Bot: b, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		err := o.Enqueue(ctx, notify.Message{Key: "backup-test:" + string(rune('a'+i)), Telegram: &notify.Telegram{ChatID: int64(100 + i), Text: "hi"}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// rowCounts counts the rows of every table in the public schema.
func rowCounts(t *testing.T, dbURL string) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'`)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(tables)
	counts := map[string]int64{}
	for _, table := range tables {
		var n int64
		if err := conn.QueryRow(ctx, "select count(*) from "+pgx.Identifier{table}.Sanitize()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	return counts
}
