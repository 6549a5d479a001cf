package testdb_test

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"processet/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// TestIsolated gives two parallel tests their own databases: each sees
// its own writes only.
func TestIsolated(t *testing.T) {
	names := make(chan string, 2)
	for _, name := range []string{"first", "second"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			pool := testdb.New(t)
			_, err := pool.Exec(ctx, "insert into users (id, first_name) values (1, $1)", name)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			var count int
			err = pool.QueryRow(ctx, "select min(first_name), count(*) from users").Scan(&got, &count)
			if err != nil {
				t.Fatal(err)
			}
			if got != name || count != 1 {
				t.Errorf("users hold %d rows, first named %q; want only %q", count, got, name)
			}
			var db string
			if err := pool.QueryRow(ctx, "select current_database()").Scan(&db); err != nil {
				t.Fatal(err)
			}
			names <- db
		})
	}
	t.Cleanup(func() { // after both subtests
		close(names)
		var seen []string
		for db := range names {
			seen = append(seen, db)
		}
		if len(seen) == 2 && seen[0] == seen[1] {
			t.Errorf("both tests used database %s", seen[0])
		}
	})
}

func TestSchema(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	for _, table := range []string{
		"users", "chats", "settings",
		"crm_users", "crm_pipelines", "crm_statuses", "crm_companies", "crm_deals", "crm_tasks",
		"tasks", "mining_processes", "mining_events", "mining_results", "ideas", "idea_votes",
	} {
		var exists bool
		err := pool.QueryRow(context.Background(), "select to_regclass($1) is not null", table).Scan(&exists)
		if err != nil {
			t.Fatal(err)
		}
		if !exists {
			t.Errorf("table %s missing", table)
		}
	}
}

func TestNewEmptyURL(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testdb.NewEmptyURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var tables int
	err = conn.QueryRow(ctx, "select count(*) from pg_tables where schemaname = 'public'").Scan(&tables)
	if err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("empty database has %d tables", tables)
	}
}
