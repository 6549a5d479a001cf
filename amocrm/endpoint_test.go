package amocrm_test

import (
	"testing"

	"processet/amocrm"
)

func TestEndpoint(t *testing.T) {
	for path, want := range map[string]string{
		"/api/v4/leads":                      "/api/v4/leads",
		"/api/v4/leads/123456":               "/api/v4/leads/:id",
		"/api/v4/leads/pipelines/7/statuses": "/api/v4/leads/pipelines/:id/statuses",
		"/oauth2/access_token":               "/oauth2/access_token",
		"/api/v4/v2x":                        "/api/v4/v2x",
	} {
		if got := amocrm.Endpoint(path); got != want {
			t.Errorf("%s: got %s, want %s", path, got, want)
		}
	}
}
