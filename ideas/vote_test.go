package ideas_test

import (
	"sync"
	"testing"

	"processet/domain"
)

func TestVoteTogglesAndSwitches(t *testing.T) {
	e := newEnv(t)
	us := e.employees(2)
	i := e.propose(us[0], "Идея")
	steps := []struct {
		v       domain.VoteValue
		outcome domain.VoteOutcome
		up      int
		down    int
		mine    domain.VoteValue
	}{
		{domain.VoteUp, domain.VoteAdded, 1, 0, domain.VoteUp},
		{domain.VoteUp, domain.VoteWithdrawn, 0, 0, 0},
		{domain.VoteDown, domain.VoteAdded, 0, 1, domain.VoteDown},
		{domain.VoteUp, domain.VoteSwitched, 1, 0, domain.VoteUp},
		{domain.VoteDown, domain.VoteSwitched, 0, 1, domain.VoteDown},
		{domain.VoteDown, domain.VoteWithdrawn, 0, 0, 0},
	}
	for n, s := range steps {
		r, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, i.ID, s.v)
		if err != nil {
			t.Fatal(err)
		}
		if r.Outcome != s.outcome || r.Up != s.up || r.Down != s.down || r.Mine != s.mine {
			t.Errorf("press %d (%+d): got %+v, want %s %d/%d mine %d", n, s.v, r, s.outcome, s.up, s.down, s.mine)
		}
	}
	_, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, i.ID, 2)
	is(t, err, domain.ErrIdeaBadVote)
	_, err = e.ideas.Vote(e.ctx, us[1], us[1].ID, i.ID+100, domain.VoteUp)
	is(t, err, domain.ErrNotFound)

	c, err := e.ideas.Card(e.ctx, us[1], us[1].ID, i.ID)
	if err != nil || c.MyVote != 0 || !c.CanVote {
		t.Errorf("card %+v, %v", c, err)
	}
}

func TestThirtyVotersAtOnceCountExactly(t *testing.T) {
	e := newEnv(t)
	voters := e.employees(30)
	i := e.propose(voters[0], "Популярная")
	const group = int64(-1001)
	e.posted(i.ID, group, 5)
	var wg sync.WaitGroup
	errs := make(chan error, len(voters)*2)
	for _, u := range voters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Every other voter also presses twice against, which
			// switches and withdraws: they end with no vote.
			_, err := e.ideas.Vote(e.ctx, u, u.ID, i.ID, domain.VoteUp)
			errs <- err
			if u.ID%2 == 1 {
				_, err := e.ideas.Vote(e.ctx, u, u.ID, i.ID, domain.VoteDown)
				errs <- err
				_, err = e.ideas.Vote(e.ctx, u, u.ID, i.ID, domain.VoteDown)
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := e.db.Idea(e.ctx, i.ID)
	if err != nil || got.Up != 15 || got.Down != 0 {
		t.Fatalf("counts %d/%d, %v; want 15/0", got.Up, got.Down, err)
	}
	// The presses asked for the edit of the post; one job carries them all.
	var pending bool
	var jobs int
	if err := e.pool.QueryRow(e.ctx, `select pending from outbox_edits where chat_id = $1 and message_id = 5`, group).Scan(&pending); err != nil {
		t.Fatal(err)
	}
	if err := e.pool.QueryRow(e.ctx, `select count(*) from river_job where kind = 'notify_edit'`).Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if !pending || jobs != 1 {
		t.Errorf("edit pending %v in %d jobs, want one", pending, jobs)
	}
}

func TestNoVotesOnDecidedIdeas(t *testing.T) {
	e := newEnv(t)
	us := e.employees(2)
	open := e.propose(us[0], "Принятая")
	e.decide(e.boss, open.ID, domain.IdeaDecision{To: domain.IdeaAccepted})
	if _, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, open.ID, domain.VoteUp); err != nil {
		t.Errorf("an accepted idea still takes votes: %v", err)
	}
	closed := e.propose(us[0], "Отклонённая")
	e.decide(e.boss, closed.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "дорого"})
	_, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, closed.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaClosed)
	c, err := e.ideas.Card(e.ctx, us[1], us[1].ID, closed.ID)
	if err != nil || c.CanVote {
		t.Errorf("card of a rejected idea: CanVote %v, %v", c.CanVote, err)
	}
}

func TestDuplicateMergesVotesWithoutCountingTwice(t *testing.T) {
	e := newEnv(t)
	us := e.employees(5)
	orig := e.propose(us[0], "Оригинал")
	dup := e.propose(us[1], "Дубликат")
	vote := func(u domain.User, id int64, v domain.VoteValue) {
		t.Helper()
		if _, err := e.ideas.Vote(e.ctx, u, u.ID, id, v); err != nil {
			t.Fatal(err)
		}
	}
	vote(us[2], orig.ID, domain.VoteUp)   // on both, for and for: one vote
	vote(us[2], dup.ID, domain.VoteUp)    //
	vote(us[3], orig.ID, domain.VoteDown) // on both, against the original: keeps that
	vote(us[3], dup.ID, domain.VoteUp)    //
	vote(us[4], dup.ID, domain.VoteUp)    // only on the duplicate: moves
	vote(us[0], dup.ID, domain.VoteDown)  // the original's author against the duplicate: moves

	_, err := e.ideas.Decide(e.ctx, e.boss, dup.ID, domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: dup.ID})
	is(t, err, domain.ErrIdeaBadOriginal)
	_, err = e.ideas.Decide(e.ctx, e.boss, dup.ID, domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: 999})
	is(t, err, domain.ErrIdeaBadOriginal)
	got := e.decide(e.boss, dup.ID, domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: orig.ID})
	if got.Status != domain.IdeaDuplicate || got.DuplicateOf != orig.ID || got.Up != 0 || got.Down != 0 {
		t.Errorf("duplicate after merge: %+v", got)
	}
	o, err := e.db.Idea(e.ctx, orig.ID)
	if err != nil || o.Up != 2 || o.Down != 2 {
		t.Errorf("original %d/%d, %v; want 2 for (us2, us4), 2 against (us3, us0)", o.Up, o.Down, err)
	}
	// A duplicate of a duplicate is refused; the duplicate takes no votes.
	third := e.propose(us[2], "Третья")
	_, err = e.ideas.Decide(e.ctx, e.boss, third.ID, domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: dup.ID})
	is(t, err, domain.ErrIdeaBadOriginal)
	_, err = e.ideas.Vote(e.ctx, us[4], us[4].ID, dup.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaClosed)
	// The supporters of the duplicate heard about it.
	if keys := e.keys("idea:" + itoa(dup.ID) + ":decision:%"); len(keys) != 4 { // author us1, us2, us3, us4
		t.Errorf("told %v", keys)
	}
}

// TestDoubleTapsApplyEveryPress: one person's presses at once each
// apply, one after the other: an even number of 👍 leaves no vote, an odd
// one leaves one.
func TestDoubleTapsApplyEveryPress(t *testing.T) {
	e := newEnv(t)
	us := e.employees(2)
	i := e.propose(us[0], "Идея")
	for _, presses := range []int{10, 7} {
		var wg sync.WaitGroup
		for range presses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, i.ID, domain.VoteUp); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		got, err := e.db.Idea(e.ctx, i.ID)
		if want := presses % 2; err != nil || got.Up != want || got.Down != 0 {
			t.Errorf("%d presses at once: %d/%d, %v; want %d/0", presses, got.Up, got.Down, err, want)
		}
		if presses%2 == 1 { // back to no vote for the next round
			if _, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, i.ID, domain.VoteUp); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestPostDeliveredAfterAVoteIsEdited: the post was worded with no votes;
// delivered after one, it is edited at once.
func TestPostDeliveredAfterAVoteIsEdited(t *testing.T) {
	e := newEnv(t)
	us := e.employees(2)
	fresh := e.propose(us[0], "Без голосов")
	voted := e.propose(us[0], "С голосом")
	if _, err := e.ideas.Vote(e.ctx, us[1], us[1].ID, voted.ID, domain.VoteDown); err != nil {
		t.Fatal(err)
	}
	e.posted(fresh.ID, -1001, 1)
	e.posted(voted.ID, -1001, 2)
	rows, err := e.pool.Query(e.ctx, `select message_id from outbox_edits where pending order by message_id`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) != 1 || ids[0] != 2 {
		t.Errorf("edits pending for messages %v, want [2]", ids)
	}
}
