package notify

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	tele "gopkg.in/telebot.v3"
)

// outcome is what to do about the answer to a send.
type outcome int

const (
	outcomeDelivered   outcome = iota
	outcomeRetry               // 5xx, network: back off, using up an attempt
	outcomeFlood               // 429: wait as told, without using up an attempt
	outcomeMigrated            // the group is a supergroup now: send there
	outcomeStaleFile           // Telegram no longer knows the cached file_id
	outcomeUnreachable         // 403 and friends: the recipient is out of reach
	outcomeRejected            // 400: this message will never go through
)

// verdict is how a send went.
type verdict struct {
	outcome    outcome
	code       Code          // for failures
	retryAfter time.Duration // for outcomeFlood
	migratedTo int64         // for outcomeMigrated
}

// unreachable maps the answers after which nothing reaches the recipient
// until they act (unblock the bot, add it back) to their codes.
var unreachable = []struct {
	err  *tele.Error
	code Code
}{
	{tele.ErrBlockedByUser, CodeBlocked},
	{tele.ErrKickedFromGroup, CodeKicked},
	{tele.ErrKickedFromSuperGroup, CodeKicked},
	{tele.ErrKickedFromChannel, CodeKicked},
	{tele.ErrNotChannelMember, CodeKicked},
	{tele.ErrNotStartedByUser, CodeNotStarted},
	{tele.ErrUserIsDeactivated, CodeDeactivated},
	{tele.ErrChatNotFound, CodeChatNotFound},
}

// staleFile lists the answers to a file_id Telegram does not know.
var staleFile = []*tele.Error{
	tele.ErrWrongFileID, tele.ErrWrongFileIDCharacter, tele.ErrWrongFileIDLength,
	tele.ErrWrongFileIDPadding, tele.ErrWrongFileIDSymbol,
}

// classify reads an error from telebot. telebot turns known descriptions
// into its sentinel errors, 429 into FloodError and a migrated group into
// GroupError; any other answer only survives as the text
// "telegram: <description> (<code>)", from which the code is recovered.
func classify(err error) verdict {
	if err == nil {
		return verdict{outcome: outcomeDelivered}
	}
	var (
		flood tele.FloodError
		group tele.GroupError
	)
	switch {
	case errors.As(err, &flood):
		return verdict{outcome: outcomeFlood, retryAfter: time.Duration(max(flood.RetryAfter, 1)) * time.Second}
	case errors.As(err, &group) && group.MigratedTo != 0:
		return verdict{outcome: outcomeMigrated, migratedTo: group.MigratedTo}
	case errors.Is(err, tele.ErrNoRightsToSend), errors.Is(err, tele.ErrNoRightsToSendPhoto):
		return verdict{outcome: outcomeRejected, code: CodeNoRights}
	}
	for _, u := range unreachable {
		if errors.Is(err, u.err) {
			return verdict{outcome: outcomeUnreachable, code: u.code}
		}
	}
	for _, s := range staleFile {
		if errors.Is(err, s) {
			return verdict{outcome: outcomeStaleFile}
		}
	}
	switch code := apiCode(err); {
	case code == 429: // without retry_after
		return verdict{outcome: outcomeFlood, retryAfter: 5 * time.Second}
	case code == 403:
		return verdict{outcome: outcomeUnreachable, code: CodeNoRights}
	case code == 400:
		return verdict{outcome: outcomeRejected, code: CodeRejected}
	default:
		// 5xx, a network error, or 401/404, which mean a wrong token or
		// API URL: retried, so that fixing the configuration loses nothing.
		return verdict{outcome: outcomeRetry, code: CodeUnavailable}
	}
}

// telebotText matches the error telebot makes of an answer it has no
// sentinel for.
var telebotText = regexp.MustCompile(`^telegram: .*\((\d{3})\)$`)

// apiCode is the HTTP status Telegram answered with, or 0 when the request
// got no answer.
func apiCode(err error) int {
	var te *tele.Error
	if errors.As(err, &te) {
		return te.Code
	}
	if m := telebotText.FindStringSubmatch(err.Error()); m != nil {
		code, _ := strconv.Atoi(m[1])
		return code
	}
	return 0
}

// markUnreachable marks chatID inactive, and for a private chat its user
// too, so that subscriptions stop offering them messages until they come
// back (whoever sees them write again sets both back).
func markUnreachable(ctx context.Context, tx pgx.Tx, chatID int64) error {
	if _, err := tx.Exec(ctx, `update chats set active = false, updated_at = now() where id = $1 and active`, chatID); err != nil {
		return fmt.Errorf("mark chat %d inactive: %w", chatID, err)
	}
	if chatID > 0 {
		_, err := tx.Exec(ctx, `update users set reachable = false, updated_at = now() where id = $1 and reachable`, chatID)
		if err != nil {
			return fmt.Errorf("mark user %d unreachable: %w", chatID, err)
		}
	}
	return nil
}

// migrateChat records that the group from became the supergroup to: the
// group's row stays, inactive and pointing at the supergroup, so queued
// messages and anything else holding the old ID find the new one; the
// supergroup gets a row like the group's. Config.OnChatMigrated moves the
// rest in the same transaction.
func (o *Outbox) migrateChat(ctx context.Context, from, to int64) error {
	err := pgx.BeginFunc(ctx, o.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			insert into chats (id, type, active, migrated_to) values ($1, 'group', false, $2)
			on conflict (id) do update set active = false, migrated_to = $2, updated_at = now()`, from, to)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `
			insert into chats (id, type, title)
			select $2, 'supergroup', title from chats where id = $1
			on conflict (id) do update set type = 'supergroup', active = true, updated_at = now()`, from, to)
		if err != nil {
			return err
		}
		if o.cfg.OnChatMigrated != nil {
			return o.cfg.OnChatMigrated(ctx, tx, from, to)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record migration of chat %d to %d: %w", from, to, err)
	}
	o.log.Info("group became a supergroup", "from", from, "to", to)
	return nil
}
