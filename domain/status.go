package domain

// Counts are the sizes of the main tables, for the admins' /status.
// Tasks counts as every dashboard does (TaskStatus.Counted), with the
// cancelled ones apart. MiningProcesses and MiningEvents are the Task
// Mining processes and the events imported into them (the process card's
// "events" after a recompute).
type Counts struct {
	Chats, Deals, Companies, CRMTasks, Tasks, TasksCancelled, MiningProcesses, MiningEvents, Ideas, Votes int
}
