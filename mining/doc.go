// Package mining is the Task Mining area: event logs imported into a
// process, every process recomputed from its stored events and the
// managers' standard times and shares, and the precomputed figures the
// dashboard, the process list and the process card read. The
// definitions of the figures are in package process.
//
// Files:
//
//	service.go   the Service, the store it needs, the reading methods
//	import.go    Import: one file's events into a process, once per file
//	file.go      ImportFile: a sniffed event log file through Import (the
//	             one conversion from eventlog.Event, for every way in)
//	recompute.go Recompute: every process, one run at a time per database;
//	             RecomputeProcess: one, under the same lock
//	override.go  a manager's standard time and automatable share, each
//	             recomputing its process at once (RecomputeProcess)
//	upload.go    Uploads: files sent to the bot, waiting in the database
//	             for «Импортировать», handed to the import job, cleaned up
//
// Subpackages: process (the computation, pure), eventlog (the file
// readers), processmap (the process map drawn from the results).
package mining
