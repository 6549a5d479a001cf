package ideas_test

import (
	"strings"
	"testing"
	"time"

	"processet/domain"
)

func TestProposeTrimsAndChecksLimits(t *testing.T) {
	e := newEnv(t)
	u := e.employees(1)[0]
	i, err := e.ideas.Propose(e.ctx, u, domain.IdeaDraft{Title: "  Сканировать накладные  ", Description: "\n с телефона \n",
		Process: " Приёмка ", HoursSaved: 120, SourceChat: u.ID,
		Attachment: domain.Attachment{FileID: "AgAD", Kind: domain.AttachPhoto}})
	if err != nil {
		t.Fatal(err)
	}
	if i.Title != "Сканировать накладные" || i.Description != "с телефона" || i.Process != "Приёмка" ||
		i.HoursSaved != 120 || i.Status != domain.IdeaNew || i.Attachment.FileID != "AgAD" || i.AuthorID != u.ID {
		t.Errorf("stored %+v", i)
	}
	for _, c := range []struct {
		name string
		d    domain.IdeaDraft
		want *domain.Error
	}{
		{"empty title", domain.IdeaDraft{Title: "   "}, domain.ErrIdeaTitleEmpty},
		{"title of 201", domain.IdeaDraft{Title: strings.Repeat("ё", 201)}, domain.ErrIdeaTitleLong},
		{"description of 2001", domain.IdeaDraft{Title: "x", Description: strings.Repeat("я", 2001)}, domain.ErrIdeaDescriptionLong},
		{"negative hours", domain.IdeaDraft{Title: "x", HoursSaved: -1}, domain.ErrIdeaBadHours},
		{"attachment of no kind", domain.IdeaDraft{Title: "x", Attachment: domain.Attachment{FileID: "f"}}, domain.ErrIdeaBadAttachment},
	} {
		c.d.SourceChat = u.ID
		_, err := e.ideas.Propose(e.ctx, u, c.d)
		t.Run(c.name, func(t *testing.T) { is(t, err, c.want) })
	}
	// Exactly at the limits is fine.
	if _, err := e.ideas.Propose(e.ctx, u, domain.IdeaDraft{Title: strings.Repeat("ё", 200),
		Description: strings.Repeat("я", 2000), SourceChat: u.ID}); err != nil {
		t.Errorf("idea at the limits: %v", err)
	}
}

func TestProposeAtMostTenAnHour(t *testing.T) {
	e := newEnv(t)
	u := e.employees(1)[0]
	for n := range domain.IdeasPerHour - 1 { // one is the limits' test above; here ten in a row
		e.propose(u, "Идея "+string(rune('A'+n)))
		e.clock.add(time.Minute)
	}
	e.propose(u, "Десятая")
	_, err := e.ideas.Propose(e.ctx, u, domain.IdeaDraft{Title: "Одиннадцатая", SourceChat: u.ID})
	is(t, err, domain.ErrIdeaTooMany)
	// Another person is not limited by this one.
	other := e.user(300, domain.RoleEmployee)
	e.propose(other, "Чужая")
	// The hour rolls: the first idea was proposed 61 minutes before.
	e.clock.add(52 * time.Minute)
	e.propose(u, "Одиннадцатая, час спустя")
}

func TestWhoMayTakePart(t *testing.T) {
	e := newEnv(t)
	pending := e.user(500, domain.RolePending)
	rejected := e.user(501, domain.RoleRejected)
	emp := e.employees(1)[0]
	const group = int64(-1001)
	idea := e.propose(emp, "Общая")

	_, err := e.ideas.Vote(e.ctx, pending, pending.ID, idea.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaNoAccess)
	_, err = e.ideas.Vote(e.ctx, pending, group, idea.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaNoAccess) // no ideas group yet

	_, err = e.ideas.SetIdeasGroup(e.ctx, e.boss, group, "Идеи")
	is(t, err, domain.ErrForbidden)
	_, err = e.ideas.SetIdeasGroup(e.ctx, e.admin, 42, "личка")
	is(t, err, domain.ErrIdeaNotAGroup)
	if _, err := e.ideas.SetIdeasGroup(e.ctx, e.admin, group, "Идеи"); err != nil {
		t.Fatal(err)
	}
	_, err = e.ideas.Vote(e.ctx, pending, group, idea.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaNoAccess) // not trusted yet

	_, err = e.ideas.SetTrusted(e.ctx, e.admin, -5, true)
	is(t, err, domain.ErrIdeaNoGroup)
	g, err := e.ideas.SetTrusted(e.ctx, e.admin, group, true)
	if err != nil || !g.Trusted || g.ChatID != group {
		t.Fatalf("trust: %+v, %v", g, err)
	}
	if _, err := e.ideas.Vote(e.ctx, pending, group, idea.ID, domain.VoteUp); err != nil {
		t.Errorf("a member of the trusted group votes: %v", err)
	}
	if _, err := e.ideas.Propose(e.ctx, pending, domain.IdeaDraft{Title: "Из группы", SourceChat: group}); err != nil {
		t.Errorf("a member of the trusted group proposes: %v", err)
	}
	_, err = e.ideas.Vote(e.ctx, pending, pending.ID, idea.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaNoAccess) // in private they are no employee
	_, err = e.ideas.Vote(e.ctx, rejected, group, idea.ID, domain.VoteUp)
	is(t, err, domain.ErrIdeaNoAccess) // rejected stays rejected

	// Moving the role to another group drops the trust.
	g, err = e.ideas.SetIdeasGroup(e.ctx, e.admin, -2002, "Новая")
	if err != nil || g.Trusted {
		t.Fatalf("another group: %+v, %v", g, err)
	}
	got, ok, err := e.ideas.IdeasGroup(e.ctx)
	if err != nil || !ok || got.ChatID != -2002 || got.Title != "Новая" {
		t.Errorf("ideas group %+v %v %v", got, ok, err)
	}
}

func TestNewIdeaIsPostedToTheGroup(t *testing.T) {
	e := newEnv(t)
	emp := e.employees(1)[0]
	e.propose(emp, "До группы") // no group: no post
	if keys := e.keys("idea:%:post:%"); len(keys) != 0 {
		t.Fatalf("posts without a group: %v", keys)
	}
	const group = int64(-1001)
	if _, err := e.ideas.SetIdeasGroup(e.ctx, e.admin, group, "Идеи"); err != nil {
		t.Fatal(err)
	}
	i, err := e.ideas.Propose(e.ctx, emp, domain.IdeaDraft{Title: "Анонимная", Anonymous: true, SourceChat: emp.ID})
	if err != nil {
		t.Fatal(err)
	}
	keys := e.keys("idea:%:post:%")
	if len(keys) != 1 || keys[0] != "idea:"+itoa(i.ID)+":post:-1001" {
		t.Fatalf("posts %v", keys)
	}
	var recipient string
	if err := e.pool.QueryRow(e.ctx, `select recipient from outbox_messages where key = $1`, keys[0]).Scan(&recipient); err != nil || recipient != "-1001" {
		t.Errorf("post goes to %q, %v", recipient, err)
	}
	// The delivery records the message, and a vote then asks to edit it.
	e.posted(i.ID, group, 77)
	if _, err := e.ideas.Vote(e.ctx, emp, emp.ID, i.ID, domain.VoteUp); err != nil {
		t.Fatal(err)
	}
	var pending bool
	if err := e.pool.QueryRow(e.ctx, `select pending from outbox_edits where chat_id = $1 and message_id = 77`, group).Scan(&pending); err != nil || !pending {
		t.Errorf("edit pending %v, %v", pending, err)
	}
	m, err := e.ideas.RenderPost(e.ctx, "idea:"+itoa(i.ID))
	if err != nil || !strings.Contains(m.HTML, "👍1") {
		t.Errorf("post now %q, %v", m.HTML, err)
	}
}
