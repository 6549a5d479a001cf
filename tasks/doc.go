// Package tasks is the company's own tasks: creating and changing them
// with the permission rules of the domain, keeping their history and
// reminders, and telling the people involved through the outbox in the
// same transaction as the change.
//
// It follows the shape every area service has, written down in the
// package doc of deals: one Service the bot reads and writes the area
// through (bot.taskService), its one dependency as an interface declared
// here (store, implemented by *storage.DB), an API in domain types with
// no pgx.Tx, rules here or in domain (domain.Task.Validate,
// domain.TaskChange.Apply, domain.PlanReminders, domain.TaskScope).
//
// A write and the messages it causes are one transaction, inside storage:
// the service hands storage's task writes and SendDueReminders a function
// that words the messages from domain values (the task before and after,
// the history entry naming the change, the recipients read through
// storage.TxReads), and storage enqueues what it returns through the
// outbox in the write's own transaction. So a message exists if and only
// if the change does.
//
// Files: doc.go (this), service.go (the service: create, change, list,
// snooze, reminders).
package tasks
