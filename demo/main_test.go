package demo_test

import (
	"os"
	"testing"

	"processet/internal/testdb"
)

// TestMain stops the private PostgreSQL server that testdb starts for
// this package's tests.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
