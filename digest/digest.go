// Package digest sends the KPI digest: the four areas' headline KPIs as
// one picture with a caption in Telegram, or an e-mail with the same
// picture, to every subscriber on their schedule or at a manager's
// request, through the outbox.
package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/notify"
	"processet/storage"
)

// Composer words and draws the digest.
type Composer interface {
	// Picture is the digest's PNG in a language; the same for everyone.
	Picture(ctx context.Context, lang domain.Lang, h domain.Home) ([]byte, error)
	// Words is the caption and e-mail for one recipient: they differ by
	// what changed since that recipient's previous digest.
	Words(lang domain.Lang, loc *time.Location, h domain.Home, changes []domain.Change, first bool) domain.Digest
}

// Service sends digests.
type Service struct {
	db      *storage.DB
	outbox  *notify.Outbox
	compose Composer
	loc     *time.Location
	now     func() time.Time
	log     *slog.Logger

	// slot is the run of the schedule slot that fired last: every
	// subscription due in the same minute (most are at 09:00) shares its
	// dashboard and pictures instead of computing and drawing its own.
	slot struct {
		mu  sync.Mutex
		at  time.Time
		run *run
	}
}

// New returns a digest service.
func New(db *storage.DB, outbox *notify.Outbox, c Composer, loc *time.Location, now func() time.Time, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{db: db, outbox: outbox, compose: c, loc: loc, now: now, log: log}
}

// run is one sending: the home dashboard is computed once and each
// language's picture drawn once, however many recipients there are.
type run struct {
	s        *Service
	home     domain.Home
	mu       sync.Mutex
	pictures map[domain.Lang][]byte
}

func (s *Service) newRun(ctx context.Context) (*run, error) {
	h, err := s.db.Home(ctx, domain.DashboardQuery{Now: s.now(), Loc: s.loc, Weeks: 12, Limit: 5})
	if err != nil {
		return nil, err
	}
	return &run{s: s, home: h, pictures: map[domain.Lang][]byte{}}, nil
}

func (r *run) picture(ctx context.Context, lang domain.Lang) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.pictures[lang]; ok {
		return p, nil
	}
	p, err := r.s.compose.Picture(ctx, lang, r.home)
	if err != nil {
		return nil, err
	}
	r.pictures[lang] = p
	return p, nil
}

// drawAll draws the picture in every language, before a delivery's
// transaction: drawing takes a render slot, and a transaction waiting for
// one would hold its database connection all the while.
func (r *run) drawAll(ctx context.Context) error {
	for _, l := range domain.Langs {
		if _, err := r.picture(ctx, l); err != nil {
			return err
		}
	}
	return nil
}

// ideaNewsItems bounds the new ideas and the decisions a digest names.
const ideaNewsItems = 3

// deliver enqueues one subscription's digest and records its snapshot.
// key names the digest for the subscription's recipient: subscriptions of
// one chat (or address) in one sending share it, so the outbox takes the
// first and skips the rest, while each records the snapshot the chat saw.
// force sends even when nothing changed (a manager pressed the button).
// It returns the key enqueued, empty when skipped.
func (r *run) deliver(ctx context.Context, id int64, key func(domain.Subscription) string, batch string, force bool) (sent string, err error) {
	if err := r.drawAll(ctx); err != nil {
		return "", err
	}
	err = r.s.db.DeliverDigest(ctx, id, func(ctx context.Context, tx pgx.Tx, sub domain.Subscription) (domain.Snapshot, string, error) {
		snap := domain.SnapshotOf(r.home)
		changes := snap.Changes(sub.Last)
		if sub.HasLast && len(changes) == 0 && sub.OnlyChanged && !force {
			return snap, "", nil // nothing new: skipped, as asked
		}
		png, err := r.picture(ctx, sub.Lang)
		if err != nil {
			return snap, "", err
		}
		h := r.home
		if sub.HasLast && !sub.LastSentAt.IsZero() {
			if h.IdeaNews, err = r.s.db.IdeaNews(ctx, sub.LastSentAt, ideaNewsItems); err != nil {
				return snap, "", err
			}
		}
		d := r.s.compose.Words(sub.Lang, domain.ZoneOr(sub.TZ, r.s.loc), h, changes, !sub.HasLast)
		msg := notify.Message{Key: key(sub), Batch: batch}
		if sub.ChatID != 0 {
			msg.Telegram = &notify.Telegram{ChatID: sub.ChatID, Text: d.Caption, Photo: png, Silent: true}
		} else {
			msg.Email = &notify.Email{To: sub.Email, Subject: d.Subject, Text: d.MailText, HTML: d.MailHTML,
				Inline: []notify.File{{Name: "kpi.png", ContentType: "image/png", Data: png}}}
		}
		if err := r.s.outbox.EnqueueTx(ctx, tx, msg); err != nil {
			return snap, "", err
		}
		sent = msg.Key
		return snap, msg.Key, nil
	})
	return sent, err
}

// SendNow sends the digest to every subscriber as one batch, one digest
// per chat and per address, and returns the batch ID for BatchStatus and
// how many digests were queued.
func (s *Service) SendNow(ctx context.Context) (batch string, queued int, err error) {
	subs, err := s.db.Subscriptions(ctx, 0)
	if err != nil {
		return "", 0, err
	}
	// Of a chat's subscriptions the one that went out last speaks for the
	// chat, so its digest says what changed since the chat's last one
	// rather than "the first digest".
	slices.SortStableFunc(subs, func(a, b domain.Subscription) int { return b.LastSentAt.Compare(a.LastSentAt) })
	r, err := s.newRun(ctx)
	if err != nil {
		return "", 0, err
	}
	batch = "digest-now:" + strconv.FormatInt(s.now().UnixNano(), 36)
	key := func(sub domain.Subscription) string { return batch + ":" + sub.Recipient() }
	var failed []error
	seen := map[string]bool{}
	for _, sub := range subs {
		sent, err := r.deliver(ctx, sub.ID, key, batch, true)
		if err != nil {
			// One subscription that cannot be served (an address while
			// e-mail is off, say) must not cost everyone after it theirs.
			s.log.ErrorContext(ctx, "digest not queued", "subscription", sub.ID, "err", err)
			failed = append(failed, fmt.Errorf("digest to subscription %d: %w", sub.ID, err))
			continue
		}
		if sent != "" && !seen[sent] {
			seen[sent] = true
			queued++
		}
	}
	if queued == 0 && len(failed) > 0 {
		return batch, 0, errors.Join(failed...)
	}
	return batch, queued, nil
}

// SendScheduled sends one subscription's digest for the schedule slot
// that fired. The key names the recipient and the slot's minute, so a
// slot fired twice (a restart, a second instance) is delivered once, and
// a chat with several subscriptions due in the same minute gets one
// digest.
func (s *Service) SendScheduled(ctx context.Context, id int64, slot time.Time) error {
	r, err := s.slotRun(ctx, slot)
	if err != nil {
		return err
	}
	key := func(sub domain.Subscription) string {
		return "digest:" + sub.Recipient() + ":" + slot.UTC().Format("2006-01-02T15:04")
	}
	_, err = r.deliver(ctx, id, key, "", false)
	if errors.Is(err, domain.ErrNotFound) {
		return nil // cancelled meanwhile
	}
	return err
}

// slotRun is the run shared by the subscriptions of one schedule slot;
// the first to fire computes it while the others wait.
func (s *Service) slotRun(ctx context.Context, slot time.Time) (*run, error) {
	s.slot.mu.Lock()
	defer s.slot.mu.Unlock()
	if s.slot.run != nil && s.slot.at.Equal(slot) {
		return s.slot.run, nil
	}
	r, err := s.newRun(ctx)
	if err != nil {
		return nil, err
	}
	s.slot.at, s.slot.run = slot, r
	return r, nil
}

// Report is how a batch of digests went, in domain terms.
func (s *Service) Report(ctx context.Context, batch string) (domain.DeliveryReport, error) {
	b, err := s.outbox.BatchStatus(ctx, batch)
	if err != nil {
		return domain.DeliveryReport{}, err
	}
	r := domain.DeliveryReport{Total: b.Total, Delivered: b.Delivered, Failed: b.Failed, Done: b.Done}
	for _, f := range b.Failures {
		r.Failures = append(r.Failures, domain.DeliveryFailure{Recipient: f.Recipient, Code: string(f.Code)})
	}
	return r, nil
}
