package bot

import "container/list"

// sizedLRU is a least-recently-used map bounded by the total cost of its
// values (bytes for pictures, 1 for small ones). It is not safe for
// concurrent use. hashicorp/golang-lru bounds the number of entries only,
// and cards differ in size by a factor of three, so a byte budget is ours.
type sizedLRU[K comparable, V any] struct {
	max, used int64
	cost      func(V) int64
	order     *list.List // of *lruEntry, most recent at the front
	items     map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key  K
	val  V
	cost int64
}

func newSizedLRU[K comparable, V any](max int64, cost func(V) int64) *sizedLRU[K, V] {
	return &sizedLRU[K, V]{max: max, cost: cost, order: list.New(), items: map[K]*list.Element{}}
}

// get returns the value under k and marks it as used.
func (l *sizedLRU[K, V]) get(k K) (V, bool) {
	e, ok := l.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	l.order.MoveToFront(e)
	return e.Value.(*lruEntry[K, V]).val, true
}

// add stores v under k and evicts the least recently used values until
// the total cost fits. A value costing more than the whole budget is not
// kept at all.
func (l *sizedLRU[K, V]) add(k K, v V) {
	c := l.cost(v)
	if c > l.max {
		l.remove(k)
		return
	}
	if e, ok := l.items[k]; ok {
		ent := e.Value.(*lruEntry[K, V])
		l.used += c - ent.cost
		ent.val, ent.cost = v, c
		l.order.MoveToFront(e)
	} else {
		l.items[k] = l.order.PushFront(&lruEntry[K, V]{key: k, val: v, cost: c})
		l.used += c
	}
	for l.used > l.max {
		l.removeElement(l.order.Back())
	}
}

// remove forgets k.
func (l *sizedLRU[K, V]) remove(k K) {
	if e, ok := l.items[k]; ok {
		l.removeElement(e)
	}
}

func (l *sizedLRU[K, V]) removeElement(e *list.Element) {
	ent := l.order.Remove(e).(*lruEntry[K, V])
	delete(l.items, ent.key)
	l.used -= ent.cost
}

func (l *sizedLRU[K, V]) len() int { return len(l.items) }
