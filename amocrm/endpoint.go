package amocrm

import "strings"

// noteResponse reports one request to the OnResponse hook.
func (c *Client) noteResponse(cl call, status int) {
	if c.onResponse != nil {
		c.onResponse(cl.method, Endpoint(cl.path), status)
	}
}

// Endpoint is path with every segment of digits replaced by ":id":
// /api/v4/leads/123 becomes /api/v4/leads/:id, so that a metric labelled
// by it has a handful of values, not one per deal.
func Endpoint(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			parts[i] = ":id"
		}
	}
	return strings.Join(parts, "/")
}
