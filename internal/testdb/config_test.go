package testdb

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/peterldowns/pgtestdb"
)

func TestConfigFromURL(t *testing.T) {
	tests := []struct {
		url  string
		want pgtestdb.Config
	}{
		{
			url: "postgres://postgres@127.0.0.1:5433/postgres?sslmode=disable",
			want: pgtestdb.Config{Host: "127.0.0.1", Port: "5433", User: "postgres",
				Database: "postgres", Options: "sslmode=disable"},
		},
		{
			url: "postgresql://admin:s3cret@db.example.test/maint",
			want: pgtestdb.Config{Host: "db.example.test", Port: "5432", User: "admin",
				Password: "s3cret", Database: "maint"},
		},
		{
			url:  "postgres://",
			want: pgtestdb.Config{Host: "localhost", Port: "5432", User: "postgres", Database: "postgres"},
		},
	}
	for _, tt := range tests {
		got, err := configFromURL(tt.url)
		if err != nil {
			t.Errorf("%s: %v", tt.url, err)
			continue
		}
		tt.want.DriverName = "pgx"
		tt.want.ForceTerminateConnections = true
		if got != tt.want {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tt.url, got, tt.want)
		}
	}
	if _, err := configFromURL("host=localhost user=postgres"); err == nil {
		t.Error("keyword/value string accepted; want an error asking for a URL")
	}
}

// fatalRecorder is a testing.TB whose Fatal records the message and ends
// the goroutine, as the real one does.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) Fatal(args ...any) {
	r.msg = fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestWithoutMain checks the advice given to a package that forgot its
// TestMain. Not parallel: it briefly pretends Main was never called.
func TestWithoutMain(t *testing.T) {
	mainCalled.Store(false)
	defer mainCalled.Store(true)
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		NewURL(rec)
		t.Error("NewURL returned without TestMain")
	}()
	<-done
	if want := "func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }"; !strings.Contains(rec.msg, want) {
		t.Errorf("fatal message %q does not show %q", rec.msg, want)
	}
}
