// Package migrations holds the database schema as numbered SQL files,
// embedded in the binary and applied by goose at start.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
