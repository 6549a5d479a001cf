package bot

// Metrics are counters for the /metrics endpoint.
type Metrics struct {
	Updates int64 // updates handled
	Errors  int64 // updates whose handling failed
	Running int64 // handlers running now
}

// Metrics reads the counters.
func (h *Handler) Metrics() Metrics {
	return Metrics{Updates: h.updates.Load(), Errors: h.errors.Load(), Running: h.running.Load()}
}
