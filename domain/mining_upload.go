package domain

import "time"

// MiningUpload is an event log a manager sent to the bot, waiting for
// «Импортировать» (ConfirmedAt zero) or being imported by the import job.
// Its bytes are stored with it.
type MiningUpload struct {
	Key         string // random, 16 letters and digits: the confirmation buttons carry it
	UserID      int64  // the manager who sent it: only they may confirm it
	ChatID      int64
	FileName    string
	Size        int64
	Mapping     []int  // the column of each role, in eventlog.Role order; -1: none
	ContentHash []byte // SHA-256 of the bytes
	Lang        Lang   // the owner's language and time zone, for the job's messages
	TimeZone    string
	MessageID   int // the confirmation message, which the import job edits
	ConfirmedAt time.Time
	CreatedAt   time.Time
}

// Confirmed reports whether «Импортировать» was pressed: the import job
// has the upload, and its screen no longer changes.
func (u MiningUpload) Confirmed() bool { return !u.ConfirmedAt.IsZero() }
