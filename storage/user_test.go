package storage_test

import (
	"context"
	"errors"
	"testing"

	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

func TestTouchUserKeepsRoleUnlessForced(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	u := domain.User{ID: 7, FirstName: "Ира", LanguageCode: "ru"}
	got, created, err := db.TouchUser(ctx, u, domain.RolePending, false)
	if err != nil || !created || got.Role != domain.RolePending {
		t.Fatalf("first touch: %+v %v %v", got, created, err)
	}
	if _, err := db.SetRole(ctx, 7, domain.RoleManager); err != nil {
		t.Fatal(err)
	}
	u.FirstName = "Ирина"
	got, created, err = db.TouchUser(ctx, u, domain.RolePending, false)
	if err != nil || created || got.Role != domain.RoleManager || got.FirstName != "Ирина" {
		t.Fatalf("second touch: %+v %v %v", got, created, err)
	}
	// The same again: read, not rewritten.
	var before, after uint32
	db.Pool().QueryRow(ctx, `select xmin::text::bigint from users where id = 7`).Scan(&before)
	got, created, err = db.TouchUser(ctx, u, domain.RolePending, false)
	db.Pool().QueryRow(ctx, `select xmin::text::bigint from users where id = 7`).Scan(&after)
	if err != nil || created || got.FirstName != "Ирина" || got.Role != domain.RoleManager || before == 0 || before != after {
		t.Fatalf("unchanged touch: %+v %v %v, row version %d → %d", got, created, err, before, after)
	}
	got, _, _ = db.TouchUser(ctx, u, domain.RoleAdmin, true)
	if got.Role != domain.RoleAdmin {
		t.Fatalf("forced: %s", got.Role)
	}
}

func TestRequestAccessOnce(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	db.TouchUser(ctx, domain.User{ID: 8}, domain.RolePending, false)
	first, err := db.RequestAccess(ctx, 8)
	again, _ := db.RequestAccess(ctx, 8)
	if err != nil || !first || again {
		t.Fatalf("first %v, again %v, err %v", first, again, err)
	}
}

func TestUsersListsPendingFirst(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	db.TouchUser(ctx, domain.User{ID: 1, FirstName: "Аня"}, domain.RoleAdmin, true)
	db.TouchUser(ctx, domain.User{ID: 2, FirstName: "Яна"}, domain.RolePending, false)
	db.TouchUser(ctx, domain.User{ID: 3, FirstName: "Вика"}, domain.RoleEmployee, true)
	users, total, err := db.Users(ctx, 0, 2)
	if err != nil || total != 3 || len(users) != 2 || users[0].ID != 2 || users[1].ID != 1 {
		t.Fatalf("%+v %d %v", users, total, err)
	}
	if err := db.SetLang(ctx, 3, domain.LangEN); err != nil {
		t.Fatal(err)
	}
	if u, _ := db.User(ctx, 3); u.Language() != domain.LangEN {
		t.Errorf("lang %s", u.Language())
	}
	if _, err := db.User(ctx, 99); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("missing user: %v", err)
	}
	if err := db.SetLang(ctx, 99, domain.LangEN); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("missing user lang: %v", err)
	}
}

// BenchmarkTouchUser is the database's part of every update: recording
// the sender, who is usually known and unchanged.
func BenchmarkTouchUser(b *testing.B) {
	ctx := context.Background()
	db := storage.New(testdb.New(b))
	u := domain.User{ID: 77, FirstName: "Ира", LanguageCode: "ru"}
	if _, _, err := db.TouchUser(ctx, u, domain.RoleEmployee, false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := db.TouchUser(ctx, u, domain.RoleEmployee, false); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecidePendingOnce: of two admins deciding at once, one wins and the
// other sees the decision.
func TestDecidePendingOnce(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	db.TouchUser(ctx, domain.User{ID: 9, FirstName: "Олег"}, domain.RolePending, false)
	results := make(chan bool, 2)
	for _, role := range []domain.Role{domain.RoleEmployee, domain.RoleRejected} {
		go func() {
			_, decided, err := db.DecidePending(ctx, 9, role)
			if err != nil {
				t.Error(err)
			}
			results <- decided
		}()
	}
	if a, b := <-results, <-results; a == b {
		t.Fatalf("decided %v and %v, want exactly one", a, b)
	}
	u, decided, err := db.DecidePending(ctx, 9, domain.RoleEmployee)
	if err != nil || decided || u.Role == domain.RolePending {
		t.Fatalf("late decision: %+v %v %v", u, decided, err)
	}
}
