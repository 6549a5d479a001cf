package crmsync

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// FuzzWebhookForm feeds amoCRM webhook bodies through the parsing the
// handler does (the form decoder, then touched): nothing panics, and
// every ID it returns is positive and stands as the first value of an
// event key of the body.
func FuzzWebhookForm(f *testing.F) {
	f.Add("leads[add][0][id]=1&leads[status][0][id]=3&leads[status][0][status_id]=142&account[id]=95")
	f.Add("task[add][0][id]=10&tasks[delete][0][id]=11&task[update][0][element_id]=97")
	f.Add("leads[update][0][tags][0][id]=99&leads[add][2][id]=junk&leads[add][3][id]=-4&leads[add][4][id]=9223372036854775808")
	f.Add("leads%5Bdelete%5D%5B0%5D%5Bid%5D=5&leads[add][0][id]=1&leads[add][0][id]=2")
	f.Add("%zz=1&leads[add][0][id]=%FF;a=b")
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, WebhookPath+"s", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if err := r.ParseForm(); err != nil {
			return // the handler answers 400
		}
		deals, tasks := touched(r.PostForm)
		check := func(kind string, ids []int64, want func(string) bool) {
			for _, id := range ids {
				if id <= 0 {
					t.Fatalf("%s ID %d from %q", kind, id, body)
				}
				if !named(r.PostForm, id, want) {
					t.Fatalf("%s ID %d is in no event key of %q", kind, id, body)
				}
			}
		}
		check("deal", deals, func(k string) bool { return strings.HasPrefix(k, "leads[") })
		check("task", tasks, func(k string) bool { return strings.HasPrefix(k, "task") })
	})
}

// named reports whether id is the first value of an event key of form
// that want accepts.
func named(form url.Values, id int64, want func(string) bool) bool {
	for k, v := range form {
		if !hookKey.MatchString(k) || !want(k) || len(v) == 0 {
			continue
		}
		if n, err := strconv.ParseInt(v[0], 10, 64); err == nil && n == id {
			return true
		}
	}
	return false
}
