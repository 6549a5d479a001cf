package storage

import "time"

// nullID stores 0 (the domain's "none") as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullTime stores the zero time (the domain's "none") as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
