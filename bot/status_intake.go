package bot

import (
	"context"

	"processet/i18n"
)

// Intake is how updates reach this replica, for /status.
type Intake struct {
	Webhook bool   // webhook mode; else long polling
	Replica string // this replica's name
	Leading bool   // this replica polls (in polling mode) and holds the shared duties
	// In webhook mode: what getWebhookInfo said (InfoErr when it failed)
	// and how many stored updates wait to be handled.
	Info    WebhookInfo
	InfoErr error
	Waiting int
}

// intakeText is the updates part of /status; empty when the bot was not
// told how its updates arrive.
func intakeText(ctx context.Context, tr i18n.Printer, intake func(ctx context.Context) Intake) string {
	if intake == nil {
		return ""
	}
	in := intake(ctx)
	replica := esc(in.Replica, 60)
	var text string
	switch {
	case in.Webhook:
		text = tr.T(i18n.StatusWebhook, tr.Int(in.Info.Pending), tr.Int(in.Waiting))
		switch {
		case in.InfoErr != nil:
			text += "\n" + tr.T(i18n.StatusWebhookNoAPI)
		case in.Info.LastError != "":
			text += "\n" + tr.T(i18n.StatusWebhookError, tr.DateTime(in.Info.LastErrorAt), esc(in.Info.LastError, 200))
		}
	case in.Leading:
		text = tr.T(i18n.StatusPollingHere, replica)
	default:
		text = tr.T(i18n.StatusPollingOther, replica)
	}
	if in.Leading {
		text += "\n" + tr.T(i18n.StatusLeaderHere, replica)
	} else {
		text += "\n" + tr.T(i18n.StatusLeaderOther, replica)
	}
	return "\n" + text
}
