package amocrmtest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"

	"processet/amocrm/amocrmtest"
)

type validation struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		RequestID string `json:"request_id"`
		Errors    []struct {
			Code, Path, Detail string
		} `json:"errors"`
	} `json:"validation-errors"`
}

func TestPatchLeadsValidation(t *testing.T) {
	srv := fast(t)
	srv.Seed(amocrmtest.Data{Leads: []amocrmtest.Lead{{ID: 77, Name: "Аудит"}}})
	tests := []struct {
		body, requestID, code, path string
	}{
		{`[{"id":77,"price":"100"}]`, "0", "InvalidType", "price"},
		{`[{"id":77,"price":1.5}]`, "0", "InvalidType", "price"},
		{`[{"id":77,"price":-1}]`, "0", "GreaterThanOrEqual", "price"},
		{`[{"id":77},{"id":77,"status_id":142,"request_id":"move"}]`, "move", "NotBlank", "pipeline_id"},
		{`[{"id":77,"status_id":61235604}]`, "0", "NotSupportedChoice", "status_id"},
		{`[{"id":78}]`, "0", "NotSupportedChoice", "id"},
		{`[{"id":77,"responsible_user_id":1}]`, "0", "NotSupportedChoice", "responsible_user_id"},
	}
	for _, tt := range tests {
		res, body := call(t, srv, "PATCH", "/api/v4/leads", tt.body)
		var v validation
		_ = json.Unmarshal(body, &v)
		if res.StatusCode != 400 || v.Detail != "Request validation failed" || len(v.Errors) != 1 ||
			v.Errors[0].RequestID != tt.requestID || v.Errors[0].Errors[0].Code != tt.code || v.Errors[0].Errors[0].Path != tt.path {
			t.Errorf("%s: %d %s", tt.body, res.StatusCode, body)
		}
	}
	if l, _ := srv.Lead(77); l.Price != 0 {
		t.Error("a rejected PATCH changed the lead")
	}
}

func TestPatchLeadApplies(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	srv := fast(t, amocrmtest.WithClock(func() time.Time { return now }))
	srv.Seed(amocrmtest.Data{Leads: []amocrmtest.Lead{{ID: 77, Name: "Аудит", UpdatedAt: now.Add(-time.Hour)}}})
	p := srv.Pipelines()[1]
	res, body := call(t, srv, "PATCH", "/api/v4/leads/77", `{"status_id":143,"pipeline_id":`+itoa(p.ID)+`,"updated_by":0}`)
	var out map[string]any
	_ = json.Unmarshal(body, &out)
	if res.StatusCode != 200 || out["id"] != float64(77) || out["updated_at"] == nil || out["_links"] == nil {
		t.Fatalf("single PATCH: %d %s", res.StatusCode, body)
	}
	l, _ := srv.Lead(77)
	if l.StatusID != 143 || l.PipelineID != p.ID || l.ClosedAt.IsZero() || l.UpdatedBy != 0 || !l.UpdatedAt.Equal(now) {
		t.Errorf("lead after PATCH = %+v", l)
	}
}

func TestCreateTasks(t *testing.T) {
	srv := fast(t)
	res, body := call(t, srv, "POST", "/api/v4/tasks",
		`[{"text":"Перезвонить","complete_till":1788000000},{"text":"Встреча","complete_till":1788000000,"task_type_id":2,"request_id":"example"}]`)
	var out struct {
		Embedded struct {
			Tasks []struct {
				ID        int64  `json:"id"`
				RequestID string `json:"request_id"`
			} `json:"tasks"`
		} `json:"_embedded"`
	}
	_ = json.Unmarshal(body, &out)
	tasks := out.Embedded.Tasks
	if res.StatusCode != 200 || len(tasks) != 2 || tasks[0].RequestID != "0" || tasks[1].RequestID != "example" || tasks[0].ID == tasks[1].ID {
		t.Fatalf("POST tasks: %d %s", res.StatusCode, body)
	}
	stored := srv.Tasks()
	if len(stored) != 2 || stored[1].TypeID != 2 || stored[0].ResponsibleUserID != srv.Users()[0].ID {
		t.Errorf("stored tasks = %+v", stored)
	}
	res, _ = call(t, srv, "POST", "/api/v4/tasks", `[{"text":"Без срока"}]`)
	if res.StatusCode != 400 || len(srv.Tasks()) != 2 {
		t.Errorf("task without complete_till: %d", res.StatusCode)
	}
}

func tokenRequest(t *testing.T, srv *amocrmtest.Server, form url.Values) (int, map[string]any) {
	t.Helper()
	res, err := srv.Client().PostForm(srv.URL+"/oauth2/access_token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

func TestOAuthFormAndSingleUseRefresh(t *testing.T) {
	now := time.Now()
	srv := fast(t, amocrmtest.WithClock(func() time.Time { return now }))
	form := url.Values{
		"client_id": {amocrmtest.ClientID}, "client_secret": {amocrmtest.ClientSecret},
		"redirect_uri": {amocrmtest.RedirectURI}, "grant_type": {"authorization_code"}, "code": {srv.AuthCode()},
	}
	status, pair := tokenRequest(t, srv, form)
	if status != 200 || pair["token_type"] != "Bearer" || pair["expires_in"] != float64(86400) || strings.Count(pair["access_token"].(string), ".") != 2 {
		t.Fatalf("code exchange: %d %v", status, pair)
	}
	form.Set("grant_type", "refresh_token")
	form.Set("refresh_token", pair["refresh_token"].(string))
	if status, _ := tokenRequest(t, srv, form); status != 200 {
		t.Fatalf("first refresh: %d", status)
	}
	status, out := tokenRequest(t, srv, form)
	if status != 401 || out["hint"] != "Token has been revoked" || out["type"] != "https://developers.amocrm.ru/v3/errors/OAuthProblemJson" {
		t.Errorf("reused refresh token: %d %v", status, out)
	}

	form.Set("grant_type", "authorization_code")
	form.Set("code", srv.AuthCode())
	now = now.Add(21 * time.Minute)
	if status, out := tokenRequest(t, srv, form); status != 400 || out["hint"] != "Authorization code has expired" {
		t.Errorf("stale code: %d %v", status, out)
	}
	form.Set("client_secret", "wrong")
	if status, _ := tokenRequest(t, srv, form); status != 401 {
		t.Errorf("wrong secret: %d", status)
	}
}

func TestAccessTokenExpiry(t *testing.T) {
	now := time.Now()
	srv := fast(t, amocrmtest.WithClock(func() time.Time { return now }))
	status, pair := tokenRequest(t, srv, url.Values{
		"client_id": {amocrmtest.ClientID}, "client_secret": {amocrmtest.ClientSecret},
		"redirect_uri": {amocrmtest.RedirectURI}, "grant_type": {"authorization_code"}, "code": {srv.AuthCode()},
	})
	if status != 200 {
		t.Fatal(status)
	}
	tok := pair["access_token"].(string)
	if res, _ := call(t, srv, "GET", "/api/v4/account", "", tok); res.StatusCode != http.StatusOK {
		t.Errorf("fresh token: %d", res.StatusCode)
	}
	now = now.Add(25 * time.Hour)
	if res, _ := call(t, srv, "GET", "/api/v4/account", "", tok); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("day-old token: %d", res.StatusCode)
	}
	if res, _ := call(t, srv, "GET", "/api/v4/account", ""); res.StatusCode != http.StatusOK {
		t.Errorf("long-lived token: %d", res.StatusCode)
	}
}

func TestSeedRealistic(t *testing.T) {
	srv := fast(t)
	srv.Seed(amocrmtest.Data{Pipelines: []amocrmtest.Pipeline{{Name: "Тендеры", Statuses: []amocrmtest.Status{{Name: "Заявка"}}}}})
	for _, p := range srv.Pipelines() {
		ids := map[int64]bool{}
		for _, s := range p.Statuses {
			ids[s.ID] = true
		}
		if !ids[142] || !ids[143] {
			t.Errorf("pipeline %q lacks 142/143: %+v", p.Name, p.Statuses)
		}
	}
	leads := srv.AddLeads(400)
	if got := len(srv.Companies()); got != 40 {
		t.Errorf("companies added with leads = %d, want 40", got)
	}
	won, lost, linked := 0, 0, 0
	for _, l := range leads {
		switch l.StatusID {
		case 142:
			won++
		case 143:
			lost++
		}
		if l.CompanyID != 0 {
			linked++
		}
		if !strings.ContainsFunc(l.Name, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			t.Fatalf("lead name %q is not Russian", l.Name)
		}
		if l.UpdatedAt.Before(l.CreatedAt) || l.CreatedAt.After(time.Now()) {
			t.Fatalf("lead %+v has odd timestamps", l)
		}
	}
	if won < 60 || lost < 30 || linked < 300 {
		t.Errorf("won %d, lost %d, with company %d of 400", won, lost, linked)
	}
}
