package app_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"go.yaml.in/yaml/v3"

	"processet/amocrm/amocrmtest"
	"processet/internal/apptest"
	"processet/internal/syncbuf"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// deployFiles are the files in deploy/ that name metrics.
var deployFiles = []string{"../../deploy/grafana/processet.json", "../../deploy/prometheus/alerts.yml"}

// TestDeployFilesNameRealMetrics scrapes the running app, with amoCRM and
// a card drawn so that every family has a sample, and checks that every
// metric the Grafana dashboard and the alert rules use is served, and
// that those files are well-formed.
func TestDeployFilesNameRealMetrics(t *testing.T) {
	amo := amocrmtest.NewServer(t)
	amo.AddCompanies(3)
	amo.AddLeads(5)
	tg := telegramtest.NewServer(t)
	u := telegramtest.User{ID: 1, FirstName: "A"}
	tg.OpenChat(u)
	addr := freeAddr(t)
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{1}, HTTPAddr: addr, Demo: true,
		AmoCRMURL: amo.URL, AmoCRMToken: amo.Token()})
	tg.SendText(u, "/home")
	tg.WaitForPhoto(t, 1)

	used := map[string][]string{}
	for _, f := range deployFiles {
		for _, name := range metricNames(t, f) {
			used[name] = append(used[name], f)
		}
	}
	if len(used) < 20 {
		t.Fatalf("only %d metric names found in %v", len(used), deployFiles)
	}
	// A handler's duration is recorded when it returns, after its reply,
	// and the first sync takes a moment: scrape until all are there.
	var missing []string
	testwait.Until(testwait.Timeout, func() bool {
		families := scrape(t, "http://"+addr+"/metrics")
		missing = missing[:0]
		for name := range used {
			base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_count"), "_sum")
			if !families[name] && !families[base] {
				missing = append(missing, name)
			}
		}
		return len(missing) == 0
	})
	for _, name := range missing {
		t.Errorf("%s, used in %v, is not served", name, used[name])
	}
}

// metricRef finds metric names in PromQL: ours and the Go and process
// collectors'.
var metricRef = regexp.MustCompile(`\b(?:processet|go|process)_[a-z0-9_]+\b`)

// metricNames reads a deploy file, checks it parses, and lists the metric
// names in its queries.
func metricNames(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var exprs []string
	switch {
	case strings.HasSuffix(path, ".json"):
		var d struct {
			Panels []struct {
				Title   string `json:"title"`
				Type    string `json:"type"`
				Targets []struct {
					Expr string `json:"expr"`
				} `json:"targets"`
			} `json:"panels"`
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, p := range d.Panels {
			if p.Type != "row" && len(p.Targets) == 0 {
				t.Errorf("%s: panel %q has no query", path, p.Title)
			}
			for _, q := range p.Targets {
				exprs = append(exprs, q.Expr)
			}
		}
	default:
		var rules struct {
			Groups []struct {
				Name  string `yaml:"name"`
				Rules []struct {
					Alert       string            `yaml:"alert"`
					Expr        string            `yaml:"expr"`
					For         string            `yaml:"for"`
					Labels      map[string]string `yaml:"labels"`
					Annotations map[string]string `yaml:"annotations"`
				} `yaml:"rules"`
			} `yaml:"groups"`
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true) // a misspelt key is an error, as in Prometheus
		if err := dec.Decode(&rules); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, g := range rules.Groups {
			for _, r := range g.Rules {
				if r.Alert == "" || r.Expr == "" || r.Labels["severity"] == "" || r.Annotations["summary"] == "" {
					t.Errorf("%s: rule %q lacks a name, expression, severity or summary", path, r.Alert)
				}
				if _, err := model.ParseDuration(r.For); r.For != "" && err != nil {
					t.Errorf("%s: rule %q: for: %v", path, r.Alert, err)
				}
				exprs = append(exprs, r.Expr)
			}
		}
		if len(exprs) == 0 {
			t.Fatalf("%s: no rules", path)
		}
	}
	var names []string
	for _, e := range exprs {
		names = append(names, metricRef.FindAllString(e, -1)...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// scrape reads /metrics as Prometheus would and lists the families.
func scrape(t *testing.T, url string) map[string]bool {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("metrics: %s: %s", resp.Status, b)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse metrics: %v", err)
	}
	out := map[string]bool{}
	for name, f := range fams {
		if len(f.GetMetric()) > 0 {
			out[name] = true
		}
	}
	return out
}

// lineWith is the first log line with msg, or "".
func lineWith(logs *syncbuf.Buffer, msg string) string {
	for _, line := range logs.Lines() {
		if strings.Contains(line, "msg=\""+msg+"\"") {
			return line
		}
	}
	return ""
}

// TestUpdateLogLinesCarryUpdateAndUser: a line logged while an update is
// handled, by the handler itself or deeper down, names the update and its
// sender.
func TestUpdateLogLinesCarryUpdateAndUser(t *testing.T) {
	tg := telegramtest.NewServer(t)
	var logs syncbuf.Buffer
	// The admin never wrote to the bot: asking them about a newcomer fails
	// and is logged, deep in the /start handler.
	apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{1}, Log: &logs})
	newcomer := telegramtest.User{ID: 2002, FirstName: "B"}
	tg.SendText(newcomer, "/start")
	tg.WaitForText(t, newcomer.ID)
	// A handler's error (Telegram failing the answer) is logged by the
	// middleware.
	tg.FailNext("sendMessage", http.StatusInternalServerError, 0)
	tg.SendText(newcomer, "/help")

	fields := regexp.MustCompile(`\bupdate_id=\d+ .*\buser_id=2002\b|\buser_id=2002\b.*\bupdate_id=\d+\b`)
	for _, msg := range []string{"ask admin about a newcomer", "handle update"} {
		var line string
		testwait.Eventually(t, "the log line "+msg, func() bool {
			line = lineWith(&logs, msg)
			return line != ""
		})
		if !fields.MatchString(line) {
			t.Errorf("%s: no update_id and user_id in %q", msg, line)
		}
	}
}
