package ideas_test

import (
	"slices"
	"testing"
	"time"

	"processet/domain"
)

func TestTransitions(t *testing.T) {
	e := newEnv(t)
	emp := e.employees(1)[0]
	i := e.propose(emp, "Идея")
	_, err := e.ideas.Decide(e.ctx, emp, i.ID, domain.IdeaDecision{To: domain.IdeaAccepted})
	is(t, err, domain.ErrIdeaDecidersOnly)
	_, err = e.ideas.Decide(e.ctx, e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaImplemented})
	is(t, err, domain.ErrIdeaBadMove) // new cannot jump to implemented
	_, err = e.ideas.Decide(e.ctx, e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "  "})
	is(t, err, domain.ErrIdeaReasonNeeded)
	_, err = e.ideas.Decide(e.ctx, e.boss, i.ID, domain.IdeaDecision{To: "bogus"})
	is(t, err, domain.ErrIdeaBadMove)

	path := []domain.IdeaStatus{domain.IdeaUnderReview, domain.IdeaAccepted, domain.IdeaInProgress, domain.IdeaImplemented}
	for _, to := range path {
		e.clock.add(time.Hour)
		if got := e.decide(e.boss, i.ID, domain.IdeaDecision{To: to, Reason: "шаг"}); got.Status != to {
			t.Fatalf("moved to %s, want %s", got.Status, to)
		}
	}
	_, err = e.ideas.Decide(e.ctx, e.admin, i.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "поздно"})
	is(t, err, domain.ErrIdeaBadMove) // implemented is final
	// Deciding what it already is changes nothing.
	if got := e.decide(e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaImplemented}); got.Status != domain.IdeaImplemented {
		t.Errorf("same status: %s", got.Status)
	}
	c, err := e.ideas.Card(e.ctx, e.boss, e.boss.ID, i.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []domain.IdeaStatus
	for _, h := range c.History {
		got = append(got, h.To)
	}
	want := append([]domain.IdeaStatus{domain.IdeaNew}, path...)
	if !slices.Equal(got, want) || c.History[1].ActorID != e.boss.ID || c.History[1].From != domain.IdeaNew || c.History[2].Reason != "шаг" {
		t.Errorf("history %+v", c.History)
	}
	if len(c.Moves) != 0 {
		t.Errorf("moves from implemented: %v", c.Moves)
	}

	// A rejected idea may be reopened for review, and rejected with a reason.
	r := e.propose(emp, "Вторая")
	e.decide(e.boss, r.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "не сейчас"})
	e.decide(e.boss, r.ID, domain.IdeaDecision{To: domain.IdeaUnderReview})
	if !domain.CanMoveIdea(domain.IdeaUnderReview, domain.IdeaAccepted) || domain.CanMoveIdea(domain.IdeaInProgress, domain.IdeaNew) {
		t.Error("the table of moves")
	}
}

func TestAuthorAndSupportersAreToldOnceEach(t *testing.T) {
	e := newEnv(t)
	us := e.employees(4)
	i := e.propose(us[0], "Идея")
	for _, u := range us[1:3] {
		if _, err := e.ideas.Vote(e.ctx, u, u.ID, i.ID, domain.VoteUp); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.ideas.Vote(e.ctx, us[3], us[3].ID, i.ID, domain.VoteDown); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ideas.Vote(e.ctx, e.boss, e.boss.ID, i.ID, domain.VoteUp); err != nil {
		t.Fatal(err)
	}
	e.decide(e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "дорого"})
	// Pressing again, or a second manager deciding the same, tells nobody again.
	e.decide(e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "дорого"})
	e.decide(e.admin, i.ID, domain.IdeaDecision{To: domain.IdeaRejected, Reason: "очень дорого"})
	c, err := e.ideas.Card(e.ctx, e.boss, e.boss.ID, i.ID)
	if err != nil {
		t.Fatal(err)
	}
	ev := c.History[len(c.History)-1]
	want := []string{
		"idea:" + itoa(i.ID) + ":decision:" + itoa(ev.ID) + ":" + itoa(us[0].ID), // the author
		"idea:" + itoa(i.ID) + ":decision:" + itoa(ev.ID) + ":" + itoa(us[1].ID), // supporters; not the one
		"idea:" + itoa(i.ID) + ":decision:" + itoa(ev.ID) + ":" + itoa(us[2].ID), // against, not the manager
	}
	if got := e.keys("idea:%:decision:%"); !slices.Equal(got, want) {
		t.Errorf("told %v, want %v", got, want)
	}
	if ev.Reason != "дорого" || len(c.History) != 2 {
		t.Errorf("history %+v", c.History)
	}
}

func TestAcceptedIdeaBecomesATaskAndIsImplemented(t *testing.T) {
	e := newEnv(t)
	us := e.employees(3)
	author, assignee := us[0], us[1]
	i := e.propose(author, "Шаблон КП")
	_, err := e.ideas.CreateTaskForIdea(e.ctx, e.boss, i.ID, assignee.ID, time.Time{}, domain.PriorityHigh)
	is(t, err, domain.ErrIdeaNotAccepted)
	e.decide(e.boss, i.ID, domain.IdeaDecision{To: domain.IdeaAccepted})
	_, err = e.ideas.CreateTaskForIdea(e.ctx, author, i.ID, assignee.ID, time.Time{}, domain.PriorityHigh)
	is(t, err, domain.ErrIdeaDecidersOnly)

	deadline := e.clock.now().Add(7 * 24 * time.Hour)
	task, err := e.ideas.CreateTaskForIdea(e.ctx, e.boss, i.ID, assignee.ID, deadline, domain.PriorityHigh)
	if err != nil {
		t.Fatal(err)
	}
	if task.Title != "Шаблон КП" || task.AssigneeID != assignee.ID || task.Priority != domain.PriorityHigh || !task.Deadline.Equal(deadline) {
		t.Errorf("task %+v", task)
	}
	_, err = e.ideas.CreateTaskForIdea(e.ctx, e.boss, i.ID, assignee.ID, deadline, domain.PriorityHigh)
	is(t, err, domain.ErrIdeaHasTask)
	c, err := e.ideas.Card(e.ctx, author, author.ID, i.ID)
	if err != nil || c.Idea.Status != domain.IdeaInProgress || c.Task == nil || c.Task.ID != task.ID {
		t.Fatalf("card after the task: %+v, %v", c, err)
	}
	_, err = e.ideas.AnswerImplemented(e.ctx, author, i.ID, true)
	is(t, err, domain.ErrIdeaNotAsked) // the task is not done

	done := domain.TaskDone
	if _, err := e.tasks.Change(e.ctx, assignee, task.ID, domain.TaskChange{Status: &done}); err != nil {
		t.Fatal(err)
	}
	ask := "idea:" + itoa(i.ID) + ":ask:" + itoa(task.ID)
	if got := e.keys("idea:%:ask:%"); !slices.Equal(got, []string{ask}) {
		t.Fatalf("asked %v, want %s", got, ask)
	}
	var to string
	if err := e.pool.QueryRow(e.ctx, `select recipient from outbox_messages where key = $1`, ask).Scan(&to); err != nil || to != itoa(author.ID) {
		t.Errorf("asked %s, %v", to, err)
	}
	_, err = e.ideas.AnswerImplemented(e.ctx, assignee, i.ID, true)
	is(t, err, domain.ErrForbidden)
	if got, err := e.ideas.AnswerImplemented(e.ctx, author, i.ID, false); err != nil || got.Status != domain.IdeaInProgress {
		t.Errorf("no: %s, %v", got.Status, err)
	}
	got, err := e.ideas.AnswerImplemented(e.ctx, author, i.ID, true)
	if err != nil || got.Status != domain.IdeaImplemented {
		t.Fatalf("yes: %s, %v", got.Status, err)
	}
	_, err = e.ideas.AnswerImplemented(e.ctx, author, i.ID, true)
	is(t, err, domain.ErrIdeaNotAsked)
}
