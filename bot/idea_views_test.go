package bot

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"processet/domain"
	"processet/i18n"
	"processet/internal/telegramtest"
)

// sampleIdeaDashboard is the ideas dashboard of the sample company, its
// leaders being s's top ideas.
func sampleIdeaDashboard(now time.Time, s domain.IdeaSummary) domain.IdeaDashboard {
	months := make([]domain.IdeaMonth, 12)
	for i := range months {
		months[i] = domain.IdeaMonth{Month: time.Date(2025, time.Month(12+i), 1, 0, 0, 0, 0, msk), Submitted: i % 4, Accepted: i % 2}
	}
	return domain.IdeaDashboard{
		AsOf: now, Summary: s, Months: months, Decided: 6, AcceptanceRate: 4.0 / 6, MedianDecision: 76 * time.Hour,
		ByStatus: map[domain.IdeaStatus]int{domain.IdeaNew: 4, domain.IdeaUnderReview: 2, domain.IdeaAccepted: 2,
			domain.IdeaInProgress: 1, domain.IdeaImplemented: 1, domain.IdeaRejected: 2},
		Leaders: s.Top, PipelineHours: 1240,
	}
}

func sampleIdea() domain.Idea {
	return domain.Idea{ID: 17, Title: "Сканировать накладные <на складе> с телефона", Description: "Сейчас их вбивают руками.\nС телефона — за минуту.",
		ProcessID: 3, Process: "Обработка входящих счетов", HoursSaved: 300, AuthorID: 2002, AuthorName: "Борис",
		Status: domain.IdeaAccepted, Up: 15, Down: 1, CreatedAt: fixedAt.Add(-72 * time.Hour)}
}

func sampleIdeaCard() domain.IdeaCard {
	i := sampleIdea()
	return domain.IdeaCard{
		Idea: i, MyVote: domain.VoteUp,
		History: []domain.IdeaEvent{
			{To: domain.IdeaNew, ActorName: "Борис", At: i.CreatedAt},
			{From: domain.IdeaNew, To: domain.IdeaAccepted, ActorName: "Алла Админова", Reason: "Делаем в декабре", At: fixedAt},
		},
		Process: &domain.ProcessStat{ID: 3, Name: "Обработка входящих счетов", Hours: 1840, PotentialHours: 1472},
		Moves:   domain.IdeaMoves(domain.IdeaAccepted), CanVote: true, CanCreateTask: true,
	}
}

// TestIdeaViewsGolden keeps every ideas text the chat shows in both
// languages, and checks each is HTML Telegram accepts within its limit.
func TestIdeaViewsGolden(t *testing.T) {
	h := sampleHome()
	anon := sampleIdea()
	anon.Anonymous, anon.AuthorName = true, ""
	word := IdeaNotices(msk, "processet_test_bot")
	for _, lang := range domain.Langs {
		tr := i18n.New(lang, msk)
		to := domain.User{ID: 2002, Lang: lang}
		voter := domain.User{ID: 3003, Lang: lang}
		decision := domain.IdeaEvent{From: domain.IdeaNew, To: domain.IdeaRejected, Reason: "Дорого <пока>", ActorName: "Алла"}
		for name, text := range map[string]string{
			"ideas_card":       ideaCardText(tr, sampleIdeaCard()),
			"ideas_list":       ideaListText(tr, ideaList{code: listByVotes}, []domain.Idea{sampleIdea(), anon}, 7),
			"ideas_post":       word(domain.IdeaNotice{Kind: domain.IdeaNoticePost, Idea: anon}).HTML,
			"ideas_to_author":  word(domain.IdeaNotice{Kind: domain.IdeaNoticeDecision, To: to, Idea: sampleIdea(), Event: decision}).HTML,
			"ideas_to_voter":   word(domain.IdeaNotice{Kind: domain.IdeaNoticeDecision, To: voter, Idea: sampleIdea(), Event: decision}).HTML,
			"ideas_ask_done":   word(domain.IdeaNotice{Kind: domain.IdeaNoticeAskImplemented, To: to, Idea: sampleIdea(), Task: domain.Task{Title: "Внедрить сканер"}}).HTML,
			"ideas_dash_empty": ideasCaption(tr, domain.IdeaDashboard{AsOf: h.AsOf}),
		} {
			checkGolden(t, name+"."+string(lang), text)
			n, err := telegramtest.CheckHTML(text)
			if err != nil {
				t.Errorf("%s/%s: %v\n%s", name, lang, err, text)
			}
			if n > maxCaption {
				t.Errorf("%s/%s: %d characters", name, lang, n)
			}
		}
	}
}

// TestIdeaPostHidesAnonymousAuthor: the group sees "anonymous" and the
// buttons 👍 N, 👎 N and the deep link.
func TestIdeaPostHidesAnonymousAuthor(t *testing.T) {
	i := sampleIdea()
	i.Anonymous, i.AuthorName = true, ""
	m := IdeaNotices(msk, "processet_test_bot")(domain.IdeaNotice{Kind: domain.IdeaNoticePost, Idea: i})
	if strings.Contains(m.HTML, "Борис") || !strings.Contains(m.HTML, "аноним") {
		t.Errorf("post %q", m.HTML)
	}
	b := m.Buttons[0]
	if len(b) != 3 || b[0].Text != "👍 15" || b[1].Text != "👎 1" || b[2].URL != "https://t.me/processet_test_bot?start=idea_17" {
		t.Errorf("buttons %+v", b)
	}
	if v, ok := parseVote(b[0].Data); !ok || v.ideaID != 17 || v.value != domain.VoteUp || v.where != voteInGroup {
		t.Errorf("vote data %q reads as %+v", b[0].Data, v)
	}
}

// TestIdeaCardLongestFits fills a card with the longest texts the limits
// allow: it still fits a caption.
func TestIdeaCardLongestFits(t *testing.T) {
	c := sampleIdeaCard()
	c.Idea.Title = strings.Repeat("&", domain.IdeaTitleMax)
	c.Idea.Description = strings.Repeat("<b>", domain.IdeaDescriptionMax/3)
	c.Idea.Process = strings.Repeat("Я", domain.IdeaProcessMax)
	for i := range 20 {
		c.History = append(c.History, domain.IdeaEvent{From: domain.IdeaNew, To: domain.IdeaRejected, DuplicateOf: int64(i),
			Reason: strings.Repeat("причина ", 120), ActorName: strings.Repeat("И", 60), At: fixedAt})
	}
	for _, lang := range domain.Langs {
		text := ideaCardText(i18n.New(lang, msk), c)
		if n, err := telegramtest.CheckHTML(text); err != nil || n > maxCaption {
			t.Errorf("%s: %d characters, %v", lang, n, err)
		}
		post := IdeaNotices(msk, "b")(domain.IdeaNotice{Kind: domain.IdeaNoticePost, Idea: c.Idea}).HTML
		if n, err := telegramtest.CheckHTML(post); err != nil || n > maxCaption {
			t.Errorf("%s post: %d characters, %v", lang, n, err)
		}
	}
}

func TestParseVote(t *testing.T) {
	for data, want := range map[string]vote{
		"17|u":      {ideaID: 17, value: domain.VoteUp},
		"17|d|d":    {ideaID: 17, value: domain.VoteDown, where: voteOnDashboard},
		"17|u|v|3":  {ideaID: 17, value: domain.VoteUp, where: voteOnCard, back: ideaList{code: listByVotes, page: 3}},
		"17|u|x|0":  {ideaID: 17, value: domain.VoteUp, where: voteOnCard, back: ideaList{code: "x"}},
		"17|+":      {},
		"0|u":       {},
		"17|u|q":    {},
		"17|u|z|0":  {},
		"17|u|v|-1": {},
		"17":        {},
		"":          {},
	} {
		got, ok := parseVote(data)
		if ok != (want.ideaID != 0) || got != want {
			t.Errorf("parseVote(%q) = %+v, %v; want %+v", data, got, ok, want)
		}
	}
}

// FuzzVoteCallback feeds arbitrary data to the vote button's parser: it
// never panics, accepts only a positive ID and ±1, and what it accepts
// writes back to data that reads the same and fits a button.
func FuzzVoteCallback(f *testing.F) {
	for _, s := range []string{"17|u", "17|d|d", "9223372036854775807|u|v|99999", "1|u|x|0", "|||", "1|u|", "-1|d", "1|U", "\x00|u"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseVote(s)
		if !ok {
			return
		}
		if v.ideaID <= 0 || !v.value.Valid() {
			t.Fatalf("parseVote(%q) = %+v", s, v)
		}
		back := strings.Join(voteData(v.ideaID, v.value, v.where, v.back), "|")
		if again, ok := parseVote(back); !ok || again != v || len("\f"+btnIdeaVote.Unique+"|"+back) > 64 {
			t.Fatalf("parseVote(%q) = %+v writes back as %q, which reads %+v", s, v, back, again)
		}
	})
}

func TestIdeaNewsLines(t *testing.T) {
	tr := i18n.New(domain.LangRU, msk)
	if got := ideaNewsLines(tr, domain.IdeaNews{}); got != nil {
		t.Errorf("nothing happened, yet %q", got)
	}
	n := domain.IdeaNews{NewCount: 4, New: []domain.Idea{{Title: "A <b>"}}, DecidedCount: 1,
		Decisions: []domain.IdeaEvent{{IdeaID: 9, To: domain.IdeaAccepted}}, Titles: map[int64]string{9: "Шаблон КП"}}
	got := strings.Join(ideaNewsLines(tr, n), "\n")
	if got != "💡 Идеи: новых 4, решений 1\n• новая: <b>A &lt;b&gt;</b>\n• Принята: <b>Шаблон КП</b>" {
		t.Errorf("got %q", got)
	}
}

// TestDigestNamesIdeaNews: the digest's changes end with the ideas
// proposed and decided since the previous one.
func TestDigestNamesIdeaNews(t *testing.T) {
	h := sampleHome()
	h.IdeaNews = domain.IdeaNews{NewCount: 2, New: []domain.Idea{{Title: "Шаблон КП"}}, DecidedCount: 1,
		Decisions: []domain.IdeaEvent{{IdeaID: 9, To: domain.IdeaRejected}}, Titles: map[int64]string{9: "Кофемашина"}}
	d := NewDigestComposer(nil, msk, func() time.Time { return fixedAt }, "").Words(domain.LangRU, msk, h,
		[]domain.Change{{Metric: "ideas", Delta: 2}}, false)
	for _, want := range []string{"💡 Идеи: новых 2, решений 1", "• новая: <b>Шаблон КП</b>", "• Отклонена: <b>Кофемашина</b>"} {
		if !strings.Contains(d.Caption, want) || !strings.Contains(d.MailHTML, want) {
			t.Errorf("digest lacks %q:\n%s", want, d.Caption)
		}
	}
}

// TestDemoIdeaFiguresAgree: the home caption and the ideas dashboard say
// the same numbers of ideas, votes and accepted ideas.
func TestDemoIdeaFiguresAgree(t *testing.T) {
	h := demoHandler(t)
	q := domain.DashboardQuery{Now: fixedAt, Loc: msk, Weeks: 12, Limit: listLimit}
	tr := i18n.New(domain.LangRU, msk)
	manager := domain.User{Role: domain.RoleManager}
	home, err := h.buildScreen(t.Context(), tr, q, areaHome, manager)
	if err != nil {
		t.Fatal(err)
	}
	dash, err := h.buildScreen(t.Context(), tr, q, areaIdeas, manager)
	if err != nil {
		t.Fatal(err)
	}
	hf := figures(t, "home caption", home.caption, regexp.MustCompile(`Улучшение бизнес-процессов</b>: (\d+) иде\S* · (\d+) голос\S* · принято (\d+)`))
	df := figures(t, "ideas dashboard", dash.caption, regexp.MustCompile(`Идей: (\d+) · голосов: (\d+) · принято: (\d+)`))
	if hf[0] != df[0] || hf[1] != df[1] || hf[2] != df[2] || df[0] == 0 {
		t.Errorf("home says %v, the ideas dashboard %v", hf, df)
	}
}
