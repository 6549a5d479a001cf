// Package deals is the CRM deals area: the deals mirrored from amoCRM as
// the bot lists and shows them, and what a manager does to them from the
// chat: moving a deal between statuses, giving it to another responsible,
// changing its price, creating an amoCRM task on it, and passing a message
// to its responsible. Every write goes to amoCRM first, is synced back at
// once, and is recorded (crm_writes).
//
// # The shape of an area service
//
// Every area (tasks, deals, and mining and ideas when they get writes)
// is one package of this shape, so that whoever opens one knows the next:
//
//   - One Service, built by New in internal/app. The bot reads and writes
//     the area only through it: it declares the methods it calls in an
//     interface of its own (bot.dealService) and never reaches the area's
//     tables through storage.
//   - The service declares what it needs as small interfaces where it uses
//     them (store, account, mirror, outbox here), implemented by
//     *storage.DB, *amocrm.Client, *crmsync.Syncer and *notify.Outbox; it
//     holds no concrete type of another package. A dependency that may be
//     missing (amoCRM) is a nil interface, passed as an untyped nil.
//   - Its API speaks domain types: no pgx.Tx, no tele.Context, no wire
//     format. amoCRM's types appear only in the account interface.
//   - Rules (who may, limits, defaults) live here or in domain
//     (domain.CanActOnDeals, domain.ValidDealPrice, domain.CRMTaskPresets);
//     the bot parses, calls and renders.
//   - A write and the messages it causes are one transaction, inside
//     storage. Deals are the exception that proves it: their writes go to
//     amoCRM, so there is no transaction of ours to share, and a message
//     to a responsible is enqueued on its own under a key derived from the
//     answer that caused it (see notify.Message).
//
// Files: doc.go (this), service.go (the service, its interfaces, the
// reads and the writes).
package deals
