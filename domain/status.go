package domain

// Counts are the sizes of the main tables, for the admins' /status.
// Tasks counts as every dashboard does (TaskStatus.Counted), with the
// cancelled ones apart.
type Counts struct {
	Chats, Deals, Companies, CRMTasks, Tasks, TasksCancelled, Operations, Ideas, Votes int
}
