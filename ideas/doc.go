// Package ideas is the process improvement area: employees propose ideas,
// colleagues vote on them where they talk (the ideas group, the card in
// private), management decides, the people involved hear about it, and
// an accepted idea becomes a task whose completion asks the author whether
// the idea is implemented.
//
// It has the shape written down in the package doc of deals: one Service
// the bot reads and writes the area through, its dependencies as
// interfaces declared here (store, implemented by *storage.DB; taskCreator,
// by *tasks.Service), an API in domain types, rules here or in domain
// (domain.IdeaDraft.Normalize, domain.CanMoveIdea, domain.CanDecideIdeas,
// domain.SeesIdeaAuthor). A write and the messages it causes are one
// transaction inside storage: the service hands storage a function that
// words them (Word, from the bot), as tasks does.
//
// # API for the bot
//
// Every method takes the acting domain.User; errors are domain errors
// with keys in domain/idea_errors.go, worded in i18n/ideas_errors.go.
//
//   - Propose(author, IdeaDraft) → Idea. The bot fills the draft (title,
//     description, ProcessID or free-text Process, HoursSaved, Anonymous,
//     Attachment file_id + kind, SourceChat) and shows the error text.
//   - Vote(voter, chatID, ideaID, VoteUp|VoteDown) → VoteResult{Up, Down,
//     Mine, Outcome added|withdrawn|switched}: answer the callback with the
//     outcome and, in private, redraw the card. Do not edit group posts
//     yourself: the service schedules the coalesced edit.
//   - MayTakePart(user, chatID): before a /idea dialog in a group.
//     ErrIdeaNoAccess is "how to get access".
//   - Decide(actor, ideaID, IdeaDecision{To, Reason, DuplicateOf}) → Idea.
//     domain.IdeaMoves(status) lists the buttons; IdeaCard.Moves already
//     holds them for the viewer.
//   - CreateTaskForIdea(actor, ideaID, assigneeID, deadline, priority) → Task.
//   - AnswerImplemented(author, ideaID, yes) → Idea: the buttons of the
//     IdeaNoticeAskImplemented message.
//   - SetIdeasGroup(admin, chatID, title), SetTrusted(admin, chatID, on),
//     IdeasGroup() → (IdeasGroup, ok).
//   - Card(viewer, chatID, ideaID) → IdeaCard; List(viewer, IdeaQuery) →
//     ([]Idea, total); Dashboard(viewer) → IdeaDashboard; Processes(limit)
//     → the mined processes to offer; News(since) → IdeaNews for the digest.
//   - SaveDraft(PendingIdea), Draft(userID, chatID) → (PendingIdea, ok),
//     DropDraft(userID, chatID): the step-by-step /idea dialog.
//   - PipelineHours() → the savings in the pipeline, for the Task Mining
//     dashboard.
//   - The home tile stays storage's IdeaSummary (domain.IdeaSummary).
//
// # Messages the bot words
//
// The bot gives New a Word: func(domain.IdeaNotice) domain.OutMessage,
// switching on the notice's Kind:
//
//   - IdeaNoticePost: the idea's message in the ideas group (To is zero:
//     the company's language). Its text and buttons (👍 N, 👎 N, «Подробнее»
//     as a t.me deep link) are a pure function of the notice's Idea, since
//     the same Word renders every later edit of the post.
//   - IdeaNoticeDecision: to the author and each voter, with Event (from,
//     to, reason).
//   - IdeaNoticeAskImplemented: to the author, with Task and yes/no buttons
//     that call AnswerImplemented.
//
// The service sets ChatID and Key on what Word returns; Word sets HTML and
// Buttons.
//
// # The coalesced edit of posts
//
// A post is enqueued with its reference ("idea:<id>") in
// domain.OutMessage.Track; when the outbox delivers it, the message's chat
// and ID are recorded (idea_posts) through notify.Config.OnPosted. A vote
// or a decision marks the idea's posts for an edit (notify.Outbox.EditTx
// in the vote's transaction): one River job per (chat, message), run a few
// seconds later, which asks RenderPost for the post's current text and
// edits the message. Presses during the wait join that job; a press while
// it runs makes it run once more. So a burst costs one edit per message
// every few seconds, within the group limit, and the last edit shows the
// true counts.
//
// A post is a text, or a photo by file_id when Word sets PhotoID (the
// edit then changes its caption).
//
// Files: doc.go (this), service.go (the service and its writes), store.go
// (what it needs of storage), reads.go (cards, lists, analytics, news).
package ideas
