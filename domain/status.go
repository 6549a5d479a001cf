package domain

// Counts are the sizes of the main tables, for the admins' /status.
type Counts struct {
	Chats, Deals, Companies, CRMTasks, Tasks, Operations, Ideas, Votes int
}
