package digest_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"processet/digest"
	"processet/domain"
	"processet/internal/testdb"
	"processet/notify"
	"processet/storage"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

var msk, _ = time.LoadLocation("Europe/Moscow")

func TestValidateSchedule(t *testing.T) {
	for _, ok := range []string{"0 9 * * *", "30 8 * * 1-5", "0 9 * * 1", "*/15 9-18 * * 1-5"} {
		if err := digest.ValidateSchedule(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0 9 * *", "0 25 * * *", "0 9 * * 8", "* * * * * *", "CRON_TZ=UTC 0 9 * * *"} {
		if err := digest.ValidateSchedule(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestNextRunsInTheSubscriptionsZone(t *testing.T) {
	at := time.Date(2026, 11, 24, 5, 0, 0, 0, time.UTC) // 08:00 in Moscow, 10:00 in Yekaterinburg
	next, err := digest.Next("0 9 * * *", "Europe/Moscow", at)
	if err != nil || !next.Equal(time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("Moscow: %v %v", next, err)
	}
	next, _ = digest.Next("0 9 * * *", "Asia/Yekaterinburg", at)
	if !next.Equal(time.Date(2026, 11, 25, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("Yekaterinburg: %v", next.UTC())
	}
}

type fakeComposer struct{}

func (fakeComposer) Picture(context.Context, domain.Lang, domain.Home) ([]byte, error) {
	return pngPixel, nil
}

func (fakeComposer) Words(lang domain.Lang, _ *time.Location, h domain.Home, changes []domain.Change, first bool) domain.Digest {
	return domain.Digest{Caption: "digest", Subject: "digest", MailText: "digest"}
}

// a 1×1 PNG
var pngPixel = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

func setup(t *testing.T) (*storage.DB, *digest.Service, *notify.Outbox) {
	t.Helper()
	db := storage.New(testdb.New(t))
	// The outbox is never started: the tests look at what is enqueued.
	mail, err := notify.ParseMailConfig("smtp://u:p@127.0.0.1:1?starttls=none", "bot@example.test")
	if err != nil {
		t.Fatal(err)
	}
	out, err := notify.New(db.Pool(), notify.Config{Mail: mail})
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, msk) }
	return db, digest.New(db, out, fakeComposer{}, msk, now, nil), out
}

func addSub(t *testing.T, db *storage.DB, chat int64, schedule string) domain.Subscription {
	t.Helper()
	ctx := context.Background()
	if _, _, err := db.TouchUser(ctx, domain.User{ID: chat}, domain.RoleManager, true); err != nil {
		t.Fatal(err)
	}
	s, created, err := db.AddSubscription(ctx, domain.Subscription{OwnerID: chat, Email: fmt.Sprintf("u%d@example.com", chat),
		Lang: domain.LangRU, Schedule: schedule, TZ: "Europe/Moscow"})
	if err != nil || !created {
		t.Fatalf("add: %v %v", created, err)
	}
	return s
}

// TestScheduledSlotIsSentOnce: the same schedule slot fired twice (two
// instances, a restart) puts one digest into the outbox.
func TestScheduledSlotIsSentOnce(t *testing.T) {
	db, svc, _ := setup(t)
	s := addSub(t, db, 42, "0 9 * * *")
	slot := time.Date(2026, 11, 24, 9, 0, 0, 0, msk)
	for range 2 {
		if err := svc.SendScheduled(context.Background(), s.ID, slot); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := db.Pool().QueryRow(context.Background(), `select count(*) from outbox_messages`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d messages (%v), want 1", n, err)
	}
	got, _ := db.Subscription(context.Background(), s.ID)
	if !got.HasLast || got.LastState != "queued" {
		t.Errorf("recorded %+v", got)
	}
}

// TestOnlyChangedSkipsQuietDays: with "only if something changed", a
// second digest with the same KPIs is not sent; SendNow sends anyway.
func TestOnlyChangedSkipsQuietDays(t *testing.T) {
	db, svc, _ := setup(t)
	s := addSub(t, db, 43, "0 9 * * *")
	if err := db.SetOnlyChanged(context.Background(), s.ID, true); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	svc.SendScheduled(ctx, s.ID, time.Date(2026, 11, 24, 9, 0, 0, 0, msk))
	svc.SendScheduled(ctx, s.ID, time.Date(2026, 11, 25, 9, 0, 0, 0, msk))
	var n int
	db.Pool().QueryRow(ctx, `select count(*) from outbox_messages`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d digests, want the first only", n)
	}
	if _, queued, err := svc.SendNow(ctx); err != nil || queued != 1 {
		t.Fatalf("send now: %d %v", queued, err)
	}
}

func TestSchedulerFollowsTheDatabase(t *testing.T) {
	db, svc, _ := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sch, err := digest.NewScheduler(ctx, db, svc, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sch.Stop()
	a := addSub(t, db, 44, "0 9 * * *")
	addSub(t, db, 45, "30 8 * * 1-5")
	if err := sch.Sync(ctx); err != nil || sch.Jobs() != 2 {
		t.Fatalf("jobs %d (%v), want 2", sch.Jobs(), err)
	}
	if err := db.DeleteSubscription(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := sch.Sync(ctx); err != nil || sch.Jobs() != 1 {
		t.Fatalf("after cancelling: %d jobs (%v)", sch.Jobs(), err)
	}
}

// TestSendNowGoesOnPastAFailure: a subscription that cannot be served
// (here a chat, with an outbox that has no bot) does not stop the ones
// after it.
func TestSendNowGoesOnPastAFailure(t *testing.T) {
	db, svc, _ := setup(t)
	ctx := context.Background()
	if _, _, err := db.TouchUser(ctx, domain.User{ID: 42}, domain.RoleManager, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.AddSubscription(ctx, domain.Subscription{OwnerID: 42, ChatID: 42, Title: "Ада",
		Lang: domain.LangRU, Schedule: "0 9 * * *", TZ: "Europe/Moscow"}); err != nil {
		t.Fatal(err)
	}
	addSub(t, db, 43, "0 9 * * *") // an address, after the chat
	if _, queued, err := svc.SendNow(ctx); err != nil || queued != 1 {
		t.Fatalf("send now: %d queued (%v), want the address's one", queued, err)
	}
}

// countingComposer counts the pictures drawn.
type countingComposer struct {
	fakeComposer
	pictures atomic.Int32
}

func (c *countingComposer) Picture(ctx context.Context, l domain.Lang, h domain.Home) ([]byte, error) {
	c.pictures.Add(1)
	return c.fakeComposer.Picture(ctx, l, h)
}

// TestOneSlotDrawsOnce: the subscriptions due in the same minute share
// one dashboard and one picture per language; the next slot draws anew.
func TestOneSlotDrawsOnce(t *testing.T) {
	db, _, out := setup(t)
	composer := &countingComposer{}
	now := func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, msk) }
	svc := digest.New(db, out, composer, msk, now, nil)
	slot := time.Date(2026, 11, 24, 9, 0, 0, 0, msk)
	var ids []int64
	for chat := int64(50); chat < 53; chat++ {
		ids = append(ids, addSub(t, db, chat, "0 9 * * *").ID)
	}
	for _, id := range ids {
		if err := svc.SendScheduled(context.Background(), id, slot); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := db.Pool().QueryRow(context.Background(), `select count(*) from outbox_messages`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("%d messages (%v), want 3", n, err)
	}
	if got := composer.pictures.Load(); got != int32(len(domain.Langs)) {
		t.Errorf("%d pictures drawn for one slot, want one per language (%d)", got, len(domain.Langs))
	}
	if err := svc.SendScheduled(context.Background(), ids[0], slot.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := composer.pictures.Load(); got != 2*int32(len(domain.Langs)) {
		t.Errorf("%d pictures after the next slot, want %d", got, 2*len(domain.Langs))
	}
}

// TestOneDigestPerRecipient: a chat with three subscriptions gets one
// digest when a manager sends now, and one when two of its schedules fall
// in the same minute; every subscription records what the chat saw.
func TestOneDigestPerRecipient(t *testing.T) {
	db, svc, _ := setup(t)
	ctx := context.Background()
	if _, _, err := db.TouchUser(ctx, domain.User{ID: 60}, domain.RoleManager, true); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, schedule := range []string{"0 9 * * *", "0 9 * * 1-5", "30 18 * * *"} {
		s, created, err := db.AddSubscription(ctx, domain.Subscription{OwnerID: 60, Email: "Boss@example.com",
			Lang: domain.LangRU, Schedule: schedule, TZ: "Europe/Moscow"})
		if err != nil || !created {
			t.Fatalf("add %q: %v %v", schedule, created, err)
		}
		ids = append(ids, s.ID)
	}
	addSub(t, db, 61, "0 9 * * *") // another address
	count := func() int {
		var n int
		if err := db.Pool().QueryRow(ctx, `select count(*) from outbox_messages`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, queued, err := svc.SendNow(ctx); err != nil || queued != 2 {
		t.Fatalf("send now: %d queued (%v), want one per address", queued, err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d messages after send now, want 2", n)
	}
	for _, id := range ids {
		if got, _ := db.Subscription(ctx, id); !got.HasLast || got.LastState != "queued" {
			t.Errorf("subscription %d recorded %+v", id, got)
		}
	}
	slot := time.Date(2026, 11, 24, 9, 0, 0, 0, msk) // a Tuesday: daily and weekdays both fire
	for _, id := range ids[:2] {
		if err := svc.SendScheduled(ctx, id, slot); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(); n != 3 {
		t.Fatalf("%d messages after the 09:00 slot, want one more", n)
	}
}
