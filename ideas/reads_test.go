package ideas_test

import (
	"testing"
	"time"

	"processet/domain"
)

// TestDashboardFigures checks the analytics on a known set: six ideas
// over three months, decided at known times.
func TestDashboardFigures(t *testing.T) {
	e := newEnv(t)
	e.clock.t = time.Date(2026, 9, 10, 9, 0, 0, 0, time.UTC)
	us := e.employees(3)
	draft := func(title string, hours float64) domain.Idea {
		t.Helper()
		i, err := e.ideas.Propose(e.ctx, us[0], domain.IdeaDraft{Title: title, HoursSaved: hours, SourceChat: us[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	a := draft("A", 100) // September, accepted after 1 day
	b := draft("B", 50)  // September, rejected after 3 days
	e.clock.add(24 * time.Hour)
	e.decide(e.boss, a.ID, domain.IdeaDecision{To: domain.IdeaAccepted})
	e.clock.add(48 * time.Hour)
	e.decide(e.boss, b.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "нет"})

	e.clock.t = time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	c := draft("C", 30) // October, accepted after 5 days, then implemented
	d := draft("D", 7)  // October, duplicate of C: no decision on the merits
	x := draft("X", 1000)
	e.clock.add(5 * 24 * time.Hour)
	e.decide(e.boss, c.ID, domain.IdeaDecision{To: domain.IdeaAccepted})
	e.decide(e.boss, c.ID, domain.IdeaDecision{To: domain.IdeaImplemented})
	e.decide(e.boss, d.ID, domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: c.ID})
	e.decide(e.boss, x.ID, domain.IdeaDecision{To: domain.IdeaUnderReview})

	e.clock.t = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	f := draft("F", 0) // November, new
	for _, u := range us {
		if _, err := e.ideas.Vote(e.ctx, u, u.ID, f.ID, domain.VoteUp); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, x.ID, domain.VoteUp); err != nil {
		t.Fatal(err)
	}

	dash, err := e.ideas.Dashboard(e.ctx, us[2])
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := map[domain.IdeaStatus]int{domain.IdeaAccepted: 1, domain.IdeaRejected: 1, domain.IdeaImplemented: 1,
		domain.IdeaDuplicate: 1, domain.IdeaUnderReview: 1, domain.IdeaNew: 1}
	for s, n := range wantStatus {
		if dash.ByStatus[s] != n {
			t.Errorf("%s: %d, want %d", s, dash.ByStatus[s], n)
		}
	}
	if dash.Decided != 3 || dash.AcceptanceRate != 2.0/3 {
		t.Errorf("decided %d, rate %v; want 3, 2/3", dash.Decided, dash.AcceptanceRate)
	}
	if dash.MedianDecision != 3*24*time.Hour { // of 1, 3 and 5 days
		t.Errorf("median %v, want 72h", dash.MedianDecision)
	}
	if dash.PipelineHours != 130 { // A 100 + C 30; B rejected, D duplicate, X under review
		t.Errorf("pipeline %v, want 130", dash.PipelineHours)
	}
	if len(dash.Months) != 12 || !dash.Months[11].Month.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("months %+v", dash.Months)
	}
	sep, oct, nov := dash.Months[9], dash.Months[10], dash.Months[11]
	if sep.Submitted != 2 || sep.Accepted != 1 || oct.Submitted != 3 || oct.Accepted != 1 || nov.Submitted != 1 || nov.Accepted != 0 {
		t.Errorf("sep %+v oct %+v nov %+v", sep, oct, nov)
	}
	if len(dash.Leaders) < 2 || dash.Leaders[0].ID != f.ID || dash.Leaders[1].ID != x.ID {
		t.Errorf("leaders %+v", dash.Leaders)
	}
	s := dash.Summary
	if s.Submitted != 6 || s.Accepted != 2 || s.Rejected != 1 || s.Pending != 2 || s.Votes != 4 {
		t.Errorf("summary %+v", s)
	}
	if h, err := e.ideas.PipelineHours(e.ctx); err != nil || h != 130 {
		t.Errorf("pipeline alone %v, %v", h, err)
	}

	news, err := e.ideas.News(e.ctx, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if news.NewCount != 4 || news.DecidedCount != 4 || news.Titles[c.ID] != "C" {
		t.Errorf("news since October: %d new, %d decisions, titles %v", news.NewCount, news.DecidedCount, news.Titles)
	}
}

func TestListsAndAnonymity(t *testing.T) {
	e := newEnv(t)
	us := e.employees(3)
	anon, err := e.ideas.Propose(e.ctx, us[0], domain.IdeaDraft{Title: "Тайная", Anonymous: true, SourceChat: us[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	e.clock.add(time.Minute)
	open := e.propose(us[1], "Открытая")
	if _, err := e.ideas.Vote(e.ctx, us[2], us[2].ID, anon.ID, domain.VoteUp); err != nil {
		t.Fatal(err)
	}
	newest, total, err := e.ideas.List(e.ctx, us[2], domain.IdeaQuery{})
	if err != nil || total != 2 || newest[0].ID != open.ID || newest[1].AuthorName != "" || newest[0].AuthorName == "" {
		t.Errorf("newest %+v (%d), %v", newest, total, err)
	}
	byVotes, _, err := e.ideas.List(e.ctx, e.boss, domain.IdeaQuery{Order: domain.IdeasByVotes, Limit: 1})
	if err != nil || len(byVotes) != 1 || byVotes[0].ID != anon.ID || byVotes[0].AuthorName == "" {
		t.Errorf("by votes, as a manager %+v, %v", byVotes, err)
	}
	page2, total, err := e.ideas.List(e.ctx, e.boss, domain.IdeaQuery{Order: domain.IdeasByVotes, Offset: 1, Limit: 1})
	if err != nil || total != 2 || len(page2) != 1 || page2[0].ID != open.ID {
		t.Errorf("page 2 %+v, %v", page2, err)
	}
	none, total, err := e.ideas.List(e.ctx, us[2], domain.IdeaQuery{Status: domain.IdeaAccepted})
	if err != nil || total != 0 || len(none) != 0 {
		t.Errorf("accepted %+v, %v", none, err)
	}
	for _, c := range []struct {
		viewer domain.User
		sees   bool
	}{{us[2], false}, {us[0], true}, {e.boss, true}, {e.admin, true}} {
		card, err := e.ideas.Card(e.ctx, c.viewer, c.viewer.ID, anon.ID)
		if err != nil {
			t.Fatal(err)
		}
		if (card.Idea.AuthorName != "") != c.sees || (card.History[0].ActorID != 0) != c.sees {
			t.Errorf("%s sees the author: %q, history %+v", c.viewer.Role, card.Idea.AuthorName, card.History[0])
		}
	}
	_, _, err = e.ideas.List(e.ctx, e.user(600, domain.RolePending), domain.IdeaQuery{})
	is(t, err, domain.ErrIdeaNoAccess)
}

func TestDraftsKeepTheDialog(t *testing.T) {
	e := newEnv(t)
	u := e.employees(1)[0]
	if _, ok, err := e.ideas.Draft(e.ctx, u.ID, u.ID); ok || err != nil {
		t.Fatalf("no draft yet: %v %v", ok, err)
	}
	p := domain.PendingIdea{UserID: u.ID, ChatID: u.ID, Step: "hours",
		Draft: domain.IdeaDraft{Title: "Черновик", ProcessID: 0, Process: "Закупки", Anonymous: true,
			Attachment: domain.Attachment{FileID: "BQAD", Kind: domain.AttachDocument}}}
	if err := e.ideas.SaveDraft(e.ctx, p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := e.ideas.Draft(e.ctx, u.ID, u.ID)
	if err != nil || !ok || got.Step != "hours" || got.Draft != p.Draft {
		t.Errorf("draft %+v %v %v", got, ok, err)
	}
	if err := e.ideas.DropDraft(e.ctx, u.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := e.ideas.Draft(e.ctx, u.ID, u.ID); ok {
		t.Error("dropped draft still there")
	}
}
