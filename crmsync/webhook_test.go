package crmsync_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"processet/amocrm/amocrmtest"
	"processet/crmsync"
	"processet/internal/testwait"
)

const secret = "hook-3f9a2c"

// post sends a form-encoded webhook the way amoCRM does.
func post(t *testing.T, base, path string, form url.Values) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "amoCRM-Webhooks/3.0")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func hookForm(pairs ...string) url.Values {
	f := url.Values{"account[subdomain]": {"processet"}, "account[id]": {"31263018"}}
	for i := 0; i+1 < len(pairs); i += 2 {
		f.Add(pairs[i], pairs[i+1])
	}
	return f
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func TestWebhookSyncsTouchedRows(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	leads := e.seedAccount(3, 20, 2)
	e.run(t)
	hs := httptest.NewServer(e.sync.WebhookHandler(secret))
	defer hs.Close()
	before := e.srv.Calls("GET /api/v4/leads")

	moved, renamed, gone := leads[2], leads[3], leads[4]
	e.srv.UpdateLead(moved.ID, func(l *amocrmtest.Lead) { l.StatusID = 142; l.Name = "Выиграна" })
	e.srv.UpdateLead(renamed.ID, func(l *amocrmtest.Lead) { l.Name = "Новое имя" })
	e.srv.DeleteLeads(gone.ID)
	task := e.srv.Tasks()[0]
	task.Text, task.UpdatedAt = "Отправить КП", time.Now()
	e.srv.Seed(amocrmtest.Data{Tasks: []amocrmtest.Task{task}})

	// Three hooks in a burst, as amoCRM sends them one per change.
	path := crmsync.WebhookPath + secret
	for _, f := range []url.Values{
		hookForm("leads[status][0][id]", id(moved.ID), "leads[status][0][status_id]", "142",
			"leads[status][0][old_status_id]", "61235404", "leads[status][0][pipeline_id]", "7412901",
			"leads[status][0][tags][0][id]", "80147", "leads[status][0][custom_fields][0][id]", "66339"),
		hookForm("leads[update][0][id]", id(renamed.ID), "leads[delete][0][id]", id(gone.ID)),
		hookForm("task[update][0][id]", id(task.ID), "task[update][0][text]", task.Text),
	} {
		if code := post(t, hs.URL, path, f); code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
	}
	testwait.Eventually(t, "the webhook's leads to sync", func() bool {
		name, _ := e.leadName(t, moved.ID)
		_, deleted := e.leadName(t, gone.ID)
		renamedName, _ := e.leadName(t, renamed.ID)
		return name == "Выиграна" && deleted && renamedName == "Новое имя"
	})
	testwait.Eventually(t, "the webhook's task to sync", func() bool {
		var text string
		_ = e.db.Pool().QueryRow(context.Background(), `select text from crm_tasks where id = $1`, task.ID).Scan(&text)
		return text == "Отправить КП"
	})
	// Tag and custom field IDs are not leads, and the burst is one look-up.
	if got := e.srv.Calls("GET /api/v4/leads") - before; got != 1 {
		t.Errorf("%d lead requests for one burst, want 1", got)
	}
}

func TestWebhookRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{config: func(c *crmsync.Config) { c.MaxWebhookBody = 512 }})
	hs := httptest.NewServer(e.sync.WebhookHandler(secret))
	defer hs.Close()
	open := httptest.NewServer(e.sync.WebhookHandler(""))
	defer open.Close()
	form := hookForm("leads[add][0][id]", "30000001")

	for _, tc := range []struct {
		name, base, path string
		form             url.Values
		want             int
	}{
		{"wrong secret", hs.URL, crmsync.WebhookPath + "guess", form, http.StatusNotFound},
		{"secret prefix", hs.URL, crmsync.WebhookPath + secret[:4], form, http.StatusNotFound},
		{"secret and more", hs.URL, crmsync.WebhookPath + secret + "x", form, http.StatusNotFound},
		{"other path", hs.URL, "/amocrm/" + secret, form, http.StatusNotFound},
		{"empty secret configured", open.URL, crmsync.WebhookPath, form, http.StatusNotFound},
		{"too big", hs.URL, crmsync.WebhookPath + secret, hookForm("leads[update][0][name]", strings.Repeat("я", 400)), http.StatusRequestEntityTooLarge},
	} {
		if got := post(t, tc.base, tc.path, tc.form); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	res, err := http.Get(hs.URL + crmsync.WebhookPath + secret)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", res.StatusCode)
	}
	// A hook taken after the refused ones: once its lead is stored, a
	// refused hook that had been taken would have been synced as well.
	e.srv.Seed(amocrmtest.Data{Leads: []amocrmtest.Lead{{ID: 777, Name: "Пробная"}}})
	probe := e.srv.Leads()[0]
	if code := post(t, hs.URL, crmsync.WebhookPath+secret, hookForm("leads[add][0][id]", id(probe.ID))); code != http.StatusOK {
		t.Fatalf("accepted hook: status %d", code)
	}
	testwait.Eventually(t, "the accepted hook's lead to sync", func() bool { return e.counts(t).Deals == 1 })
	e.rec.mu.Lock()
	defer e.rec.mu.Unlock()
	for _, u := range e.rec.urls {
		if strings.Contains(u.RawQuery, "30000001") {
			t.Errorf("a refused hook reached amoCRM: %s", u)
		}
	}
}
