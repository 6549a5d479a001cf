package bot

import (
	"context"
	"io"

	"processet/domain"
	"processet/mining"
	"processet/mining/eventlog"
)

// miningService is the Task Mining area as the bot uses it: the
// dashboard, the recompute behind «Get data», the processes to explore
// and the import of an event log a user sends. *mining.Service has it.
// (Naming a file's process is mining.FileProcess, a function, not here.)
type miningService interface {
	Dashboard(ctx context.Context) (domain.MiningSummary, error)
	Recompute(ctx context.Context, progress mining.Progress) (int, error)
	Processes(ctx context.Context, page, perPage int) ([]domain.ProcessStat, int, error)
	Process(ctx context.Context, processID int64) (domain.ProcessResult, error)
	ImportFile(ctx context.Context, r io.ReaderAt, size int64, p *eventlog.Preview, opt mining.FileOptions) (domain.MiningImport, error)
}
