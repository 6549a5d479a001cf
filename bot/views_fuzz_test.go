package bot

import (
	"math"
	"strings"
	"testing"
	"time"

	"processet/domain"
	"processet/i18n"
	"processet/internal/telegramtest"
	"processet/mining/processmap"
)

// FuzzCaptions puts arbitrary names through every list view: whatever
// amoCRM or users call things, the caption must be HTML Telegram accepts
// and fit its 1024-character limit.
func FuzzCaptions(f *testing.F) {
	f.Add("Task Mining для ММК", "ООО «Ромашка» <b>", int64(2_500_000))
	f.Add(strings.Repeat("Я", 500), "&amp;&<i>", int64(math.MaxInt64))
	f.Add("\xff\xfe", "a\u0000b", int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, name, other string, n int64) {
		h := sampleHome()
		for i := range h.Deals.Active {
			h.Deals.Active[i].Name, h.Deals.Active[i].CompanyName = name, other
			h.Deals.Active[i].ResponsibleName, h.Deals.Active[i].Price = other, n
		}
		for i := range h.Tasks.Top {
			h.Tasks.Top[i].Title, h.Tasks.Top[i].AssigneeName = name, other
		}
		for i := range h.Ideas.Top {
			h.Ideas.Top[i].Title, h.Ideas.Top[i].AuthorName = name, other
		}
		ops := int(n % 1e6)
		h.Mining = domain.MiningSummary{Operations: ops, Hours: float64(ops) / 60,
			Processes: []domain.ProcessStat{{ID: 1, Name: name, Operations: ops, Hours: float64(ops) / 60}}}
		proc := sampleProcess()
		proc.Name, proc.ActivityStats[0].Name, proc.ActivityStats[1].Name = name, other, name+other
		g := processmap.Build(proc, 1)
		for _, lang := range domain.Langs {
			tr := i18n.New(lang, time.UTC)
			text := mapText(tr, proc, g, processmap.Frequency, tr.T(i18n.MiningMapNoGraphviz), tr.T(i18n.MiningMapAdminNote))
			if n, err := telegramtest.CheckHTML(text); err != nil || n > maxText {
				t.Fatalf("Telegram would refuse the map text (%d characters): %v\n%s", n, err, text)
			}
			for _, c := range []string{
				homeCaption(tr, h), dealsCaption(tr, h.AsOf, h.Deals), tasksCaption(tr, h.AsOf, h.Tasks),
				miningCaption(tr, h.AsOf, h.Mining), ideasCaption(tr, sampleIdeaDashboard(h.AsOf, h.Ideas)),
				mapCaption(tr, proc, g, processmap.Durations),
			} {
				n, err := telegramtest.CheckHTML(c)
				if err != nil {
					t.Fatalf("Telegram would refuse the caption: %v\n%s", err, c)
				}
				if n > maxCaption {
					t.Fatalf("caption of %d characters", n)
				}
			}
		}
	})
}
