package telegramtest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Command is one entry of the bot's command menu.
type Command struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandName is what Telegram accepts as a command: 1-32 lowercase
// letters, digits and underscores, without the slash.
var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// maxCommands is how many commands one scope and language may have.
const maxCommands = 100

// commandsKey names a (scope, language) pair as the fake stores it; the
// scope is "default", "all_private_chats", "chat:<id>", "chat_member:<chat>:<user>", ….
func commandsKey(req *request) (string, *apiError) {
	scope := "default"
	if req.has("scope") {
		var sc struct {
			Type   string          `json:"type"`
			ChatID json.RawMessage `json:"chat_id"` // Integer or String
			UserID int64           `json:"user_id"`
		}
		if err := req.decode("scope", &sc); err != nil {
			return "", violation("can't parse BotCommandScope JSON object", "parameter \"scope\": %v", err)
		}
		scope = sc.Type
		chatID := strings.Trim(string(sc.ChatID), `"`)
		switch sc.Type {
		case "chat", "chat_administrators":
			scope = fmt.Sprintf("%s:%s", sc.Type, chatID)
		case "chat_member":
			scope = fmt.Sprintf("%s:%s:%d", sc.Type, chatID, sc.UserID)
		}
	}
	return scope + "|" + req.str("language_code"), nil
}

// setMyCommands records the command menu for a scope and language.
func (s *Server) setMyCommands(_ context.Context, req *request) (any, *apiError) {
	var cmds []Command
	if err := req.decode("commands", &cmds); err != nil {
		return nil, violation("can't parse commands JSON object", "parameter \"commands\": %v", err)
	}
	if len(cmds) > maxCommands {
		return nil, violation("too many commands", "parameter \"commands\": %d commands, Telegram allows %d", len(cmds), maxCommands)
	}
	for i, c := range cmds {
		if !commandName.MatchString(c.Command) {
			return nil, violation("BOT_COMMAND_INVALID", "parameter \"commands\": [%d] %q must be 1-32 of a-z, 0-9 and _, without the slash", i, c.Command)
		}
		if n := utf16Len(c.Description); n < 1 || n > 256 {
			return nil, violation("BOT_COMMAND_DESCRIPTION_INVALID", "parameter \"commands\": [%d] /%s has a description of %d characters, Telegram allows 1-256", i, c.Command, n)
		}
	}
	key, e := commandsKey(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[key] = cmds
	return true, nil
}

// getMyCommands answers the menu for exactly this scope and language.
func (s *Server) getMyCommands(_ context.Context, req *request) (any, *apiError) {
	key, e := commandsKey(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[key]
	if cmds == nil {
		cmds = []Command{}
	}
	return cmds, nil
}

// deleteMyCommands removes the menu for a scope and language.
func (s *Server) deleteMyCommands(_ context.Context, req *request) (any, *apiError) {
	key, e := commandsKey(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.commands, key)
	return true, nil
}

// Commands returns the command menu the bot set for the default scope and
// the language code ("" for all languages without their own menu).
func (s *Server) Commands(languageCode string) []Command {
	return s.CommandsInScope("default", languageCode)
}

// CommandsInScope returns the command menu for a scope written as
// "all_private_chats", "chat:<id>" and so on, and a language code.
func (s *Server) CommandsInScope(scope, languageCode string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[scope+"|"+languageCode])
}
