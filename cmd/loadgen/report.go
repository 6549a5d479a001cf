package main

import (
	"fmt"
	"io"
	"time"
)

func printReport(w io.Writer, o options, r *recorder, sent int, sending time.Duration, rss int64, cpu time.Duration, problems int, samples []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cache := "on"
	if !o.cardCache {
		cache = "off"
	}
	share := "on"
	if !o.homeShare {
		share = "off"
	}
	fmt.Fprintf(w, "mode %s, %d users, %.0f updates/s for %s (after %s of warm-up), card cache %s, home figures shared %s\n",
		o.mode, o.users, o.rate, o.duration, o.warmup, cache, share)
	span := r.lastAnswer.Sub(r.firstOffer)
	fmt.Fprintf(w, "sent %d (%.1f/s), answered %d (%.1f/s), too busy %d, errors %d, unanswered %d, replies to nothing %d\n",
		sent, float64(sent)/sending.Seconds(), r.answered, float64(r.answered)/max(span.Seconds(), 1e-9),
		r.shed, r.failed, r.offered-r.answered+r.sent-r.offeredAll, r.extra)
	all := percentiles(r.samples, func(sample) bool { return true })
	text := percentiles(r.samples, func(s sample) bool { return !s.card })
	cards := percentiles(r.samples, func(s sample) bool { return s.card })
	help := percentiles(r.samples, func(s sample) bool { return !s.card && s.command == "/help" })
	task := percentiles(r.samples, func(s sample) bool { return !s.card && s.command == "/task" })
	fmt.Fprintf(w, "%-8s %7s %9s %9s %9s %9s\n", "", "n", "p50", "p95", "p99", "max")
	for _, row := range []struct {
		name string
		l    latencies
	}{{"all", all}, {"text", text}, {" /help", help}, {" /task", task}, {"cards", cards}} {
		fmt.Fprintf(w, "%-8s %7d %9s %9s %9s %9s\n", row.name, row.l.n, ms(row.l.p50), ms(row.l.p95), ms(row.l.p99), ms(row.l.max))
	}
	fmt.Fprintf(w, "cards sent %d, uploaded (drawn anew) %d, by file_id %d\n", r.pictures, r.uploads, r.pictures-r.uploads)
	fmt.Fprintf(w, "bot peak RSS %.0f MB; bot CPU while measured %.1f s (%.0f %% of a core, %.2f ms an answered update)\n",
		float64(rss)/(1<<20), cpu.Seconds(), 100*cpu.Seconds()/max(span.Seconds(), 1e-9),
		float64(cpu.Milliseconds())/float64(max(r.answered, 1)))
	if o.cpuprofile != "" {
		fmt.Fprintf(w, "CPU profile of the measured part: %s (go tool pprof -top %s)\n", o.cpuprofile, o.cpuprofile)
	}
	for _, s := range r.errorSamples {
		fmt.Fprintf(w, "error: %s\n", s)
	}
	if problems > 0 {
		fmt.Fprintf(w, "the fake Bot API found %d requests Telegram would refuse, such as:\n", problems)
		for _, s := range samples {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	fmt.Fprintf(w, "load average after: %s\n", loadAverage())
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}
