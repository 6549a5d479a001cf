// Package notify is the outbox through which every notification and digest
// leaves Processet, by Telegram or e-mail. Features never call the Bot API
// or an SMTP server themselves: they enqueue Messages in the transaction of
// the change that causes them (a task assigned, a digest run), and the
// outbox delivers them, durably, within Telegram's rate limits, retrying
// what can be retried and reporting the rest.
//
// The queue is River's (river_job); package storage's migrations create
// River's tables with ours. Our tables, in migrations/0004_outbox.sql,
// keep what outlives a job: outbox_blobs holds each picture once, however
// many messages carry it, with the file_id Telegram gave it on its first
// upload; outbox_messages holds every message's key, batch and outcome.
//
// # Delivery: at least once, duplicates only when an answer is lost
//
// Every message has a key, and three things make a key send at most once
// in every case but one:
//
//   - Enqueuing. The outbox_messages row is inserted with the job, in the
//     caller's transaction: a rolled-back change sends nothing, a committed
//     one is in the queue before the commit returns. A key already in
//     outbox_messages is skipped, however long ago it was enqueued; River's
//     own unique-by-key jobs guard the same way while it keeps the job.
//   - Completing. A delivery is recorded, and the job completed
//     (river.JobCompleteTx), in one transaction. Before that commit the
//     job is running and the row is not delivered; after it, both are done.
//     The recording transaction ignores the job's cancellation (timeout,
//     Stop): once Telegram has the message, the record is written.
//   - Starting. A run first reads the row: delivered or failed means an
//     earlier run finished it, and nothing is sent.
//
// The one gap: Telegram accepts a message and the process dies (power,
// OOM kill, the database unreachable) before the recording transaction
// commits. Neither Telegram nor SMTP takes an idempotency key, and a bot
// cannot read back what it sent, so nothing can tell "sent, not recorded"
// from "never sent". River rescues the job as stuck after five minutes and
// it is sent again: a possible duplicate, never a loss. The outbox marks a
// row "sending" (committed) just before every send, so the resend knows:
// it logs a warning and sets outbox_messages.uncertain. The window is one
// HTTP round trip per message in flight, at most Config.Workers messages.
// A send whose answer never comes (a timeout, a connection cut after the
// request went out) is the same case in small, resent after the retry
// delay rather than after five minutes. E-mails carry a Message-ID
// derived from the key, so mail clients that collapse duplicates show a
// resent one once.
//
// Stop is graceful: sends in flight finish and are recorded; sends waiting
// for their turn under the rate limits go back to the queue untouched.
//
// # Telegram
//
// Sends keep to Limits (about 30 a second overall, one a second per chat,
// 20 a minute per group). A 429 snoozes the job for retry_after without
// using up an attempt. A group that became a supergroup is followed:
// chats keeps the group's row pointing at the supergroup, the message is
// sent there at once, and Config.OnChatMigrated moves whatever else is
// keyed by the chat. A recipient out of reach (bot blocked or kicked, chat
// not found, account deleted) is marked inactive and the message fails
// with a Code; other 400s fail too; 5xx and network errors are retried
// with exponential backoff up to Config.MaxAttempts. A picture is
// uploaded once and sent by file_id afterwards.
//
// The limits and the upload-once lock are per process: run one outbox per
// bot. A second one is safe (every key is still sent once) but together
// they may exceed the limits, which costs 429s and retries.
//
// # Edits
//
// A Telegram message with a Track reports its message ID on delivery
// (Config.OnPosted), and EditTx later asks for it to be edited to what
// Config.RenderEdit shows then, coalesced: one River job per message,
// EditDelay ahead, however many changes come (see edit.go).
//
// # E-mail
//
// SMTP_URL and MAIL_FROM configure the server (LoadMailConfig). A 5xx
// reply fails the message with the server's words; anything else is
// retried.
package notify
