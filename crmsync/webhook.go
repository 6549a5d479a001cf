package crmsync

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WebhookPath is where amoCRM posts webhooks; the secret follows it.
const WebhookPath = "/amocrm/webhook/"

// webhookTimeout bounds one background sync of webhook IDs.
const webhookTimeout = time.Minute

// WebhookHandler accepts amoCRM's webhooks at POST WebhookPath+secret and
// syncs the deals and tasks they name. amoCRM signs nothing, so the secret
// in the path is the only credential: it is compared in constant time, and
// a wrong one gets the same 404 as any unknown path. amoCRM waits at most
// 2 seconds and disables a hook after many failures, so the handler only
// parses the form and answers 200; the sync runs in the background a
// moment later, coalescing a burst of hooks into one look-up. An empty
// secret accepts nothing.
func (s *Syncer) WebhookHandler(secret string) http.Handler {
	want := sha256.Sum256([]byte(secret))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.URL.Path, WebhookPath)
		sum := sha256.Sum256([]byte(got))
		if !ok || secret == "" || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxWebhookBody)
		if err := r.ParseForm(); err != nil {
			status := http.StatusBadRequest
			if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
				status = http.StatusRequestEntityTooLarge
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		deals, tasks := touched(r.PostForm)
		s.enqueue(deals, tasks)
		w.WriteHeader(http.StatusOK)
	})
}

// hookKey matches the ID of one event: leads[status][0][id] and the like.
// Deeper keys (tags, custom fields) carry IDs of other things. amoCRM
// names the task events "task"; "tasks" is accepted too.
var hookKey = regexp.MustCompile(`^(leads|tasks?)\[[a-z_]+\]\[\d+\]\[id\]$`)

// touched collects the deal and task IDs of every event in a webhook:
// add, update, status, responsible, delete, restore, whatever amoCRM adds.
// Each is simply synced, which also tells a deleted one from a live one.
func touched(form url.Values) (deals, tasks []int64) {
	for key, vals := range form {
		m := hookKey.FindStringSubmatch(key)
		if m == nil || len(vals) == 0 {
			continue
		}
		id, err := strconv.ParseInt(vals[0], 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		if m[1] == "leads" { // amoCRM's word for a deal
			deals = append(deals, id)
		} else {
			tasks = append(tasks, id)
		}
	}
	return deals, tasks
}

// pending holds the IDs webhooks named that are not synced yet. At most one
// flusher runs; it exits when nothing is left, so an idle Syncer has no
// goroutine.
type pending struct {
	mu      sync.Mutex
	deals   map[int64]bool
	tasks   map[int64]bool
	running bool
	closed  bool
}

// enqueue adds IDs and starts a flusher unless one is running.
func (s *Syncer) enqueue(deals, tasks []int64) {
	if len(deals)+len(tasks) == 0 {
		return
	}
	h := &s.hooks
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	if h.deals == nil {
		h.deals, h.tasks = map[int64]bool{}, map[int64]bool{}
	}
	for _, id := range deals {
		h.deals[id] = true
	}
	for _, id := range tasks {
		h.tasks[id] = true
	}
	if !h.running {
		h.running = true
		s.wg.Add(1) // under h.mu, so never concurrent with Close's Wait
		go s.flush()
	}
}

// take empties the pending sets; when they are already empty it marks the
// flusher stopped, under the same lock, so no ID is left without one.
func (s *Syncer) take() (deals, tasks []int64, ok bool) {
	h := &s.hooks
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.deals)+len(h.tasks) == 0 || s.bg.Err() != nil {
		h.running = false
		return nil, nil, false
	}
	for id := range h.deals {
		deals = append(deals, id)
	}
	for id := range h.tasks {
		tasks = append(tasks, id)
	}
	h.deals, h.tasks = map[int64]bool{}, map[int64]bool{}
	return deals, tasks, true
}

// flush waits Debounce so that a burst of hooks (amoCRM sends one per
// change, and the bot's own writes echo back) becomes one look-up, syncs
// what gathered, and repeats until nothing is pending. A failure is logged
// and dropped: the next run picks the changes up by their update time.
func (s *Syncer) flush() {
	defer s.wg.Done()
	for {
		t := time.NewTimer(s.cfg.Debounce)
		select {
		case <-s.bg.Done():
			t.Stop()
		case <-t.C:
		}
		deals, tasks, ok := s.take()
		if !ok {
			return
		}
		ctx, cancel := context.WithTimeout(s.bg, webhookTimeout)
		if len(deals) > 0 {
			if err := s.SyncDeals(ctx, deals...); err != nil {
				s.log.Warn("webhook: sync deals", "ids", len(deals), "err", err)
			}
		}
		if len(tasks) > 0 {
			if err := s.SyncTasks(ctx, tasks...); err != nil {
				s.log.Warn("webhook: sync tasks", "ids", len(tasks), "err", err)
			}
		}
		cancel()
	}
}
