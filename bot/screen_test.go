package bot

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"processet/charts"
	"processet/deals"
	"processet/demo"
	"processet/domain"
	"processet/i18n"
	"processet/ideas"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

var cardsDir = flag.String("cards", "", "write every dashboard card of the demo company to this directory")

// demoHandler is a handler over a fresh database holding the demo company.
func demoHandler(tb testing.TB) *Handler {
	tb.Helper()
	db := storage.New(testdb.New(tb))
	svc := mining.New(db, mining.Config{}, func() time.Time { return fixedAt }, nil)
	if err := demo.Load(context.Background(), db, svc, fixedAt, msk, false); err != nil {
		tb.Fatal(err)
	}
	now := func() time.Time { return fixedAt }
	return &Handler{store: db, render: charts.NewRenderer(2), deals: deals.New(db, nil, nil, nil, nil, "", nil),
		ideas: ideas.New(db, nil, IdeaNotices(msk, ""), msk, now, nil),
		cfg: Config{Loc: msk, Now: func() time.Time { return fixedAt }, Mining: struct {
			*mining.Service
			miningUploads // the screens import nothing
		}{Service: svc}}}
}

// TestDemoScreens builds every screen of the demo company in both
// languages; with -cards DIR it also writes the pictures for a person to
// look at (the README's picture comes from here).
func TestDemoScreens(t *testing.T) {
	h := demoHandler(t)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	for _, lang := range domain.Langs {
		for _, a := range []area{areaHome, areaCRM, areaTasks, areaMining, areaIdeas} {
			s, err := h.buildScreen(context.Background(), i18n.New(lang, msk), q, a, domain.User{Role: domain.RoleManager})
			if err != nil {
				t.Fatalf("%s/%s: %v", a, lang, err)
			}
			if len(s.pic.png) > 200_000 {
				t.Errorf("%s/%s: %d bytes", a, lang, len(s.pic.png))
			}
			if *cardsDir != "" {
				name := filepath.Join(*cardsDir, string(a)+"."+string(lang)+".png")
				if err := os.WriteFile(name, s.pic.png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkHomeScreen measures what a user waits for after /home: the
// four summaries from PostgreSQL plus the rendered card.
func BenchmarkHomeScreen(b *testing.B) {
	h := demoHandler(b)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	tr := i18n.New(domain.LangRU, msk)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		s, err := h.buildScreen(context.Background(), tr, q, areaHome, domain.User{Role: domain.RoleManager})
		if err != nil {
			b.Fatal(err)
		}
		size = len(s.pic.png)
	}
	b.ReportMetric(float64(size), "B/png")
}

// BenchmarkHomeQuery is the database part alone.
func BenchmarkHomeQuery(b *testing.B) {
	h := demoHandler(b)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.store.Home(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHomeScreenRepeat is /home again with unchanged data: the four
// summaries from PostgreSQL, the caption, and the picture from the card
// cache instead of drawing it. The figures are read for every view (the
// handler here shares none), as for someone who has just changed
// something; BenchmarkHomeScreenShared is a view that shares them.
func BenchmarkHomeScreenRepeat(b *testing.B) {
	h := demoHandler(b)
	h.cards = newCardCache(0)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	tr := i18n.New(domain.LangRU, msk)
	u := domain.User{Role: domain.RoleManager}
	if _, err := h.buildScreen(context.Background(), tr, q, areaHome, u); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.buildScreen(context.Background(), tr, q, areaHome, u); err != nil {
			b.Fatal(err)
		}
	}
	if st := h.cards.stats(); st.Misses != 1 {
		b.Errorf("drew the card %d times, want once", st.Misses)
	}
}

// BenchmarkHomeScreenShared is /home within a second of another view:
// the shared figures, the caption and the kept picture.
func BenchmarkHomeScreenShared(b *testing.B) {
	h := demoHandler(b)
	h.cards, h.homes = newCardCache(0), newHomeSnapshots(0, nil)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	tr := i18n.New(domain.LangRU, msk)
	u := domain.User{Role: domain.RoleManager}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.buildScreen(context.Background(), tr, q, areaHome, u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHomeCardRepeat is the picture's share of a repeat view: the
// card from the summaries, its key, the kept PNG, and the caption.
func BenchmarkHomeCardRepeat(b *testing.B) {
	h := demoHandler(b)
	h.cards = newCardCache(0)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	tr := i18n.New(domain.LangRU, msk)
	home, err := h.store.Home(context.Background(), q)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		card := homeCard(tr, home)
		if _, err := h.cards.picture(cardID{card.Key(), tr.Lang, tr.Loc.String()}, func() ([]byte, error) {
			return h.render.Home(context.Background(), card)
		}); err != nil {
			b.Fatal(err)
		}
		_ = homeCaption(tr, home)
	}
	if st := h.cards.stats(); st.Misses != 1 {
		b.Errorf("drew the card %d times, want once", st.Misses)
	}
}
