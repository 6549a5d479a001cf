package domain

// NotificationKind says what happened that someone should hear about.
type NotificationKind string

const (
	NoticeAssigned NotificationKind = "assigned" // a task was given to the recipient
	NoticeChanged  NotificationKind = "changed"  // someone else changed the recipient's task
	NoticeReminder NotificationKind = "reminder" // a deadline is near, or passed
)

// Notification is an event addressed to one user, before it is worded:
// the bot words it in the recipient's language with the right buttons.
type Notification struct {
	Kind     NotificationKind
	To       User
	Actor    User // who caused it; zero for reminders
	Task     Task
	Changes  []TaskEvent
	Reminder ReminderKind
	Key      string // idempotency key: the same event is delivered once
}

// Button is an inline button of an outgoing message: a link when URL is
// set, otherwise a callback for the bot's handler named Unique with Data.
type Button struct {
	Text   string
	Unique string
	Data   string
	URL    string
}

// OutMessage is a worded message for the outbox.
type OutMessage struct {
	ChatID  int64
	HTML    string
	Buttons [][]Button
	Key     string
	// Track names what the message shows ("idea:17:3"), when it is to be
	// edited later: on delivery the outbox reports the message's ID with
	// it (notify.Config.OnPosted). Empty for messages never edited.
	Track string
	// PhotoID, when set, is a Telegram file_id: the message is that photo
	// with HTML as its caption (at most 1024 characters).
	PhotoID string
}
