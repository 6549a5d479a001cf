package amocrm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// PageLimit is the most amoCRM returns per page. Every list asks for it: the
// rate limit makes requests, not rows, the scarce resource.
const PageLimit = 250

// WriteBatch is how many items go in one write request. amoCRM documents no
// maximum; 50 is what integrators found safe.
const WriteBatch = 50

// Page is one page of a list. Number starts at 1; a sync that commits each
// page can resume from Number+1 after a crash.
type Page[T any] struct {
	Number int
	Items  []T
}

// list walks a HAL collection from page start, calling fn for every
// non-empty page, and stops after a short page or a 204. The "next" link is
// ignored: amoCRM sends it on the last page too when it cannot count.
func list[W, T any](ctx context.Context, c *Client, path, key string, q url.Values, start int, conv func(W) T, fn func(Page[T]) error) error {
	if q == nil {
		q = url.Values{}
	}
	if start < 1 {
		start = 1
	}
	q.Set("limit", strconv.Itoa(PageLimit))
	for n := start; ; n++ {
		q.Set("page", strconv.Itoa(n))
		res, err := c.get(ctx, path, q)
		if errors.Is(err, ErrNotFound) && n > 1 {
			return nil // past the end, as some methods answer
		}
		if err != nil {
			return fmt.Errorf("page %d: %w", n, err)
		}
		if res.status == http.StatusNoContent || len(res.body) == 0 {
			return nil
		}
		wire, err := embedded[W](res, key)
		if err != nil {
			return fmt.Errorf("page %d: %w", n, err)
		}
		if len(wire) == 0 {
			return nil
		}
		items := make([]T, len(wire))
		for i, w := range wire {
			items[i] = conv(w)
		}
		if err := fn(Page[T]{Number: n, Items: items}); err != nil {
			return err
		}
		if len(wire) < PageLimit {
			return nil
		}
	}
}

// collect gathers a whole list, for the small ones (users).
func collect[W, T any](ctx context.Context, c *Client, path, key string, q url.Values, conv func(W) T) ([]T, error) {
	var all []T
	err := list(ctx, c, path, key, q, 1, conv, func(p Page[T]) error {
		all = append(all, p.Items...)
		return nil
	})
	return all, err
}

// embedded decodes _embedded[key] of a HAL envelope.
func embedded[W any](res *response, key string) ([]W, error) {
	var env struct {
		Embedded map[string]json.RawMessage `json:"_embedded"`
	}
	if err := decode(res, key, &env); err != nil {
		return nil, err
	}
	raw, ok := env.Embedded[key]
	if !ok {
		return nil, nil
	}
	var items []W
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("decode %s: %w", key, err)
	}
	return items, nil
}

// setIDs writes filter[name][i]=id, the PHP array form amoCRM's own library
// sends.
func setIDs(q url.Values, name string, ids []int64) {
	for i, id := range ids {
		q.Set(fmt.Sprintf("filter[%s][%d]", name, i), strconv.FormatInt(id, 10))
	}
}

// setFrom writes filter[name][from]=unix. Whether "from" is inclusive is not
// documented, so syncs should overlap their windows and upsert.
func setFrom(q url.Values, name string, t time.Time) {
	if !t.IsZero() {
		q.Set("filter["+name+"][from]", strconv.FormatInt(t.Unix(), 10))
	}
}

// unixTime turns amoCRM's timestamps into time.Time; 0 and null (which
// decodes as 0) become the zero time.
func unixTime(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// unixSec is the inverse of unixTime.
func unixSec(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// writeResult is one item of a write answer's _embedded list.
type writeResult struct {
	ID        int64       `json:"id"`
	UpdatedAt int64       `json:"updated_at"`
	RequestID looseString `json:"request_id"`
}

// chunks calls fn for consecutive slices of at most WriteBatch items, with
// the offset of each in the whole.
func chunks[T any](items []T, fn func(offset int, part []T) error) error {
	for off := 0; off < len(items); off += WriteBatch {
		end := min(off+WriteBatch, len(items))
		if err := fn(off, items[off:end]); err != nil {
			return err
		}
	}
	return nil
}
