package bot_test

import (
	"os"
	"testing"

	"processet/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
