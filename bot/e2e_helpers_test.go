package bot_test

import (
	"strconv"

	"processet/storage"
)

func storageFilterAll() storage.TaskFilter {
	return storage.TaskFilter{Status: "", Limit: 100}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
