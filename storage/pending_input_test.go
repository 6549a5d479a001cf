package storage_test

import (
	"context"
	"errors"
	"testing"

	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

func TestPendingInputIsTakenOnceAndLapses(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	if _, _, err := db.TouchUser(ctx, domain.User{ID: 9, FirstName: "Ада"}, domain.RoleManager, false); err != nil {
		t.Fatal(err)
	}
	q := domain.PendingInput{UserID: 9, ChatID: 9, Kind: "deal_price", RefID: 42}
	if err := db.SetPendingInput(ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TakePendingInput(ctx, 9, -100); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("taken in another chat: %v", err)
	}
	if got, err := db.TakePendingInput(ctx, 9, 9); err != nil || got != q {
		t.Fatalf("take: %+v %v", got, err)
	}
	if _, err := db.TakePendingInput(ctx, 9, 9); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("taken twice: %v", err)
	}

	// Asked two hours ago: the text typed now is about something else.
	if err := db.SetPendingInput(ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool().Exec(ctx, `update pending_inputs set created_at = now() - interval '2 hours'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TakePendingInput(ctx, 9, 9); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a lapsed question was taken: %v", err)
	}
	var left int
	if err := db.Pool().QueryRow(ctx, `select count(*) from pending_inputs`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d lapsed questions left (%v)", left, err)
	}
}
