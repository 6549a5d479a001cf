package notify

import "processet/internal/riverlease"

// LeaseLock is the advisory lock (two keys) that an outbox whose River
// client is id holds while it lives, for tests that play other processes.
func LeaseLock(id string) (class, key int32) { return riverlease.Lock(id) }

// ClientPrefix starts every outbox's River client ID.
const ClientPrefix = clientPrefix
