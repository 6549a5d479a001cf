package domain

// Counts are the sizes of the main tables, for the admins' /status.
// Tasks counts as every dashboard does (TaskStatus.Counted), with the
// cancelled ones apart. Operations are stored Task Mining rows (one kind of
// operation of a process, with how often it runs), not the operations:
// /status calls them records so as not to echo "Операций в год".
type Counts struct {
	Chats, Deals, Companies, CRMTasks, Tasks, TasksCancelled, Operations, Ideas, Votes int
}
