package bot_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"processet/domain"
	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/mining"
)

// invoiceLogEN is a small English log: three cases, four activities, two
// variants, no start times (every service time is estimated).
const invoiceLogEN = "Case ID,Activity,Timestamp,Resource\n" +
	"I1,Receive invoice,2024-03-01 09:00:00,Ann\n" +
	"I1,Data entry,2024-03-01 09:20:00,Ann\n" +
	"I1,Check invoice,2024-03-01 09:50:00,Bob\n" +
	"I1,Pay,2024-03-01 11:00:00,Bob\n" +
	"I2,Receive invoice,2024-03-02 09:00:00,Ann\n" +
	"I2,Data entry,2024-03-02 09:10:00,Ann\n" +
	"I2,Check invoice,2024-03-02 09:40:00,Bob\n" +
	"I2,Pay,2024-03-02 10:00:00,Bob\n" +
	"I3,Receive invoice,2024-03-04 09:00:00,Ann\n" +
	"I3,Check invoice,2024-03-04 09:30:00,Bob\n" +
	"I3,Pay,2024-03-05 12:00:00,Bob\n"

// makeManager approves u and makes them a manager.
func makeManager(t *testing.T, tg *telegramtest.Server, a *apptest.App, u telegramtest.User) {
	t.Helper()
	approve(t, tg, u)
	if _, err := a.DB.SetRole(context.Background(), u.ID, domain.RoleManager); err != nil {
		t.Fatal(err)
	}
}

// uploadLog sends a log as a document, confirms the mapping with the
// button labelled importLabel, and returns the summary.
func uploadLog(t *testing.T, tg *telegramtest.Server, u telegramtest.User, name, log, importLabel, done string) *telegramtest.Message {
	t.Helper()
	tg.SendDocument(u, name, []byte(log), "")
	screen := tg.WaitForText(t, u.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, u, screen, importLabel))
	var summary *telegramtest.Message
	for summary = tg.WaitForEdit(t, screen); !strings.Contains(summary.Text, done); summary = tg.WaitForEdit(t, summary) {
	}
	return summary
}

// pressNumbered presses the number button of the line of a numbered list
// that starts with name ("3. Check invoice") and returns the edited message.
func pressNumbered(t *testing.T, tg *telegramtest.Server, u telegramtest.User, msg *telegramtest.Message, name string) *telegramtest.Message {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\d+)\. ` + regexp.QuoteMeta(name)).FindStringSubmatch(msg.Text)
	if m == nil {
		t.Fatalf("no line %q in:\n%s", name, msg.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, u, msg, m[1]))
	return tg.WaitForEdit(t, msg)
}

// line is the line of text that starts with prefix.
func line(t *testing.T, text, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line %q in:\n%s", prefix, text)
	return ""
}

func wantAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// TestMiningInEnglish: a manager reading English uploads a log, confirms,
// reads the summary, opens the process card, its variants and activities,
// sets a standard time and a share (a bad answer first), sees the
// figures change, and resets both.
func TestMiningInEnglish(t *testing.T) {
	tg, a := start(t)
	makeManager(t, tg, a, english)
	summary := uploadLog(t, tg, english, "Invoices.csv", invoiceLogEN, "Import", "Imported")
	wantAll(t, "summary", summary.Text, "Imported: Invoices", "Cases: 3", "Events: 11 (new: 11)", "Activities: 4",
		"Variants: 2", "Period: ")

	tg.WaitForCallbackAnswer(t, tg.Press(t, english, summary, "Task Mining"))
	dash := tg.WaitForPhoto(t, english.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, dash, "🔍 Explore"))
	list := tg.WaitForText(t, english.ID)
	card := pressNumbered(t, tg, english, list, "Invoices")
	wantAll(t, "card", card.Text, "Cases: 3 · events: 11 · activities: 4 · variants: 2", "Top variants",
		"variant 1: 2 cases · 66.7%")
	if !card.HasButton("📊 Variants") || !card.HasButton("⚙️ Activities") {
		t.Fatalf("card buttons: %v", card.Buttons())
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, english, card, "📊 Variants"))
	vars := tg.WaitForEdit(t, card)
	wantAll(t, "variants", vars.Text, "Invoices · variants (2)", "variant 1: 2 cases · 66.7% · steps: 4",
		"Receive invoice → Data entry → Check invoice → Pay", "variant 2: 1 case · 33.3% · steps: 3",
		"Receive invoice → Check invoice → Pay")
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, vars, "◀ To the process"))
	card = tg.WaitForEdit(t, vars)

	tg.WaitForCallbackAnswer(t, tg.Press(t, english, card, "⚙️ Activities"))
	acts := tg.WaitForEdit(t, card)
	wantAll(t, "activities", acts.Text, "Invoices · activities (4)", "(estimated)", "(rule)", "Check invoice")
	act := pressNumbered(t, tg, english, acts, "Check invoice")
	wantAll(t, "activity", act.Text, "Check invoice\nProcess: Invoices", "Executions: 3", "in cases: 3 of 3",
		"Mean service time: 30m — estimated from the log", "— by the rules")
	hours := line(t, act.Text, "Hours per year: ")
	if act.HasButton("↩ Reset time") || act.HasButton("↩ Reset share") {
		t.Errorf("reset buttons without an override: %v", act.Buttons())
	}

	// The standard time: a bad answer is asked again, a good one recomputes.
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, act, "⏱ Standard time"))
	ask := tg.WaitForText(t, english.ID)
	wantAll(t, "question", ask.Text, "Standard time of “Check invoice”", "Now: 30m (estimated)", "5 min")
	if !ask.HasButton("✖ Cancel") {
		t.Fatalf("question without Cancel: %v", ask.Buttons())
	}
	tg.SendText(english, "a while")
	again := tg.WaitForText(t, english.ID)
	wantAll(t, "repeated question", again.Text, "I did not understand the time “a while”")
	if !again.HasButton("✖ Cancel") {
		t.Fatalf("repeated question without Cancel: %v", again.Buttons())
	}
	tg.SendText(english, "5 min")
	set := tg.WaitForText(t, english.ID)
	wantAll(t, "after the standard", set.Text, "✅ Standard time of “Check invoice”: 5m. The process is recomputed.",
		"Mean service time: 5m — a manager's standard")
	if h := line(t, set.Text, "Hours per year: "); h == hours {
		t.Errorf("hours per year did not change: %q", h)
	}
	if !set.HasButton("↩ Reset time") {
		t.Errorf("no reset after the standard: %v", set.Buttons())
	}

	// The share.
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, set, "🤖 Automatable share"))
	ask = tg.WaitForText(t, english.ID)
	wantAll(t, "share question", ask.Text, "Automatable share of “Check invoice”", "(rule)")
	tg.SendText(english, "150 %")
	wantAll(t, "repeated share question", tg.WaitForText(t, english.ID).Text, "I did not understand the share “150 %”")
	tg.SendText(english, "60 %")
	shared := tg.WaitForText(t, english.ID)
	wantAll(t, "after the share", shared.Text, "✅ Automatable share of “Check invoice”: 60%.",
		"Automatable share: 60% — set by a manager", "Mean service time: 5m — a manager's standard")

	// The process card reads the same figures.
	r := processByName(t, a, "Invoices")
	for _, x := range r.ActivityStats {
		if x.Name == "Check invoice" && (x.ServiceSource != domain.ServiceStandard || x.MeanSeconds != 300 || x.Share != 0.6) {
			t.Errorf("stored after the set: %+v", x)
		}
	}

	// Reset both, in place.
	ans := tg.WaitForCallbackAnswer(t, tg.Press(t, english, shared, "↩ Reset time"))
	if !strings.Contains(ans.Text, "Standard time reset") {
		t.Errorf("reset answered %+v", ans)
	}
	reset := tg.WaitForEdit(t, shared)
	wantAll(t, "after the time reset", reset.Text, "Mean service time: 30m — estimated from the log", "set by a manager")
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, reset, "↩ Reset share"))
	reset = tg.WaitForEdit(t, reset)
	wantAll(t, "after both resets", reset.Text, "— by the rules")
	if reset.HasButton("↩ Reset time") || reset.HasButton("↩ Reset share") {
		t.Errorf("reset buttons after the resets: %v", reset.Buttons())
	}
	if h := line(t, reset.Text, "Hours per year: "); h != hours {
		t.Errorf("hours after the reset %q, want %q again", h, hours)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, reset, "◀ To the activities"))
	acts = tg.WaitForEdit(t, reset)
	wantAll(t, "activities again", acts.Text, "Invoices · activities (4)")
	tg.WaitForCallbackAnswer(t, tg.Press(t, english, acts, "🏠 Home"))
	if home := tg.WaitForPhoto(t, english.ID); !strings.Contains(home.Caption, "Processet · Home") {
		t.Errorf("home: %q", home.Caption)
	}
	tg.AssertAllCallbacksAnswered(t)
}

// processByName reads a process card through the service, as the bot does.
func processByName(t *testing.T, a *apptest.App, name string) domain.ProcessResult {
	t.Helper()
	svc := miningService(a)
	ps, _, err := svc.Processes(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			r, err := svc.Process(context.Background(), p.ID)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
	}
	t.Fatalf("no process %q in %+v", name, ps)
	return domain.ProcessResult{}
}

func miningService(a *apptest.App) *mining.Service {
	return mining.New(a.DB, mining.Config{}, nil, nil)
}
