// Package tasks is the company's own tasks: creating and changing them
// with the permission rules of the domain, keeping their history and
// reminders, and telling the people involved through the outbox in the
// same transaction as the change.
//
// It follows the shape every area service has, written down in the
// package doc of deals: one Service the bot reads and writes the area
// through (bot.taskService), dependencies as interfaces declared here, an
// API in domain types, rules here or in domain (domain.Task.Validate,
// domain.TaskChange.Apply, domain.PlanReminders, domain.TaskScope).
//
// Where it does not yet: the service holds *storage.DB and receives the
// transaction (pgx.Tx) in storage's hooks, to read the recipient and the
// last history entry and to enqueue through Enqueue in the same
// transaction. The way there is for storage to take the worded messages
// and enqueue them in its own transaction, so the hooks return messages
// instead of receiving a pgx.Tx; until then this is the one place a
// pgx.Tx crosses into an area service.
//
// Files: doc.go (this), service.go (the service: create, change, list,
// snooze, reminders).
package tasks
