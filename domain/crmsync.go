package domain

import "time"

// SyncEntity names one amoCRM list the CRM mirror copies; each has its own
// sync state, so one failing list (users on a token without admin rights)
// does not hold back the others.
type SyncEntity string

// The lists, in the order a sync pass walks them: pipelines and companies
// before the deals that refer to them, deleted deals last so that a deal
// deleted while the deals were read is caught in the same run. The values
// are amoCRM's names of the lists ("leads" are its deals), stored in
// crm_sync_state.
const (
	SyncUsers        SyncEntity = "users"
	SyncPipelines    SyncEntity = "pipelines"
	SyncCompanies    SyncEntity = "companies"
	SyncLeads        SyncEntity = "leads"
	SyncTasks        SyncEntity = "tasks"
	SyncDeletedLeads SyncEntity = "deleted_leads"
)

// SyncEntities lists every entity in sync order.
var SyncEntities = []SyncEntity{SyncUsers, SyncPipelines, SyncCompanies, SyncLeads, SyncTasks, SyncDeletedLeads}

// SyncPass is one walk through an amoCRM list: everything (Full) or what
// changed since From. Its pages are committed one by one, so a pass cut
// short by a crash, a cancel or an error is resumed after Page with the
// same query instead of starting over.
type SyncPass struct {
	Full bool
	From time.Time // lower bound of amoCRM's updated_at; zero for a full pass
	// StartedAt is when the pass began, by the database's clock (the one
	// that stamps rows as seen). Zero means no pass is in progress.
	StartedAt  time.Time
	Page       int       // last committed page, 0 before the first
	MaxUpdated time.Time // newest updated_at among the committed rows
}

// Active reports whether the pass is under way or was interrupted.
func (p SyncPass) Active() bool { return !p.StartedAt.IsZero() }

// SyncPage is one page of a pass, handed to storage with its rows so that
// the rows and the advanced pass commit in one transaction.
type SyncPage struct {
	Entity     SyncEntity
	Number     int       // the page's number in the pass, from 1
	MaxUpdated time.Time // newest updated_at on the page; zero when unknown
	Rows       int       // rows the page counts for in the run's total
}

// SyncState is where the mirror of one entity stands, as the admins'
// /status screen shows it.
type SyncState struct {
	Entity SyncEntity
	// Cursor is amoCRM's updated_at up to which the mirror is complete;
	// zero before the first full pass.
	Cursor   time.Time
	FullDone bool      // a full pass has completed at least once
	FullAt   time.Time // when the last full pass completed
	Pass     SyncPass  // zero when no pass is in progress

	StartedAt   time.Time // of the last run
	FinishedAt  time.Time // zero while the first run is under way
	SucceededAt time.Time // of the last run that ended without an error
	Rows        int       // rows synced by the last run
	Error       string    // why the last run failed; empty when it did not
	SkipUntil   time.Time // the entity is not tried again before this
}

// Running reports whether a run started after the last one finished: it is
// under way, or its process died.
func (s SyncState) Running() bool { return s.StartedAt.After(s.FinishedAt) }

// Failing reports whether the last finished run ended in an error.
func (s SyncState) Failing() bool { return s.Error != "" }

// Age is how long ago the entity last synced successfully; 0 when it never
// did, which a status screen shows as "never" rather than as fresh.
func (s SyncState) Age(now time.Time) time.Duration {
	if s.SucceededAt.IsZero() {
		return 0
	}
	return now.Sub(s.SucceededAt)
}
