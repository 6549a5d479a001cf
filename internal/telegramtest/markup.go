package telegramtest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Button is one inline keyboard button as the user sees it: its label and
// what pressing it does.
type Button struct {
	Text string
	Data string // callback_data, as telebot built it ("\funique|data")
	URL  string
}

// keyboard is the inline keyboard attached to a message.
type keyboard struct {
	rows [][]Button
	// wire is the markup as Telegram echoes it back, canonical JSON so that
	// "message is not modified" can compare two keyboards; "" for none.
	wire string
}

// maxCallbackData is Telegram's limit for callback_data, in bytes.
const maxCallbackData = 64

// buttonLayout lists the InlineKeyboardButton fields that are not actions;
// the API demands exactly one of the other fields per button.
var buttonLayout = []string{"text", "icon_custom_emoji_id", "style"}

// parseKeyboard reads a reply_markup parameter. Only inline keyboards stay
// with a message; reply keyboards and removals leave it without one.
func parseKeyboard(raw string) (keyboard, []problem) {
	var m struct {
		Inline [][]map[string]any `json:"inline_keyboard"`
	}
	if raw == "" || json.Unmarshal([]byte(raw), &m) != nil || len(m.Inline) == 0 {
		return keyboard{}, nil
	}
	var (
		kb   keyboard
		errs []problem
	)
	for r, row := range m.Inline {
		var out []Button
		for c, b := range row {
			delete(b, "unique")
			// telebot always marshals switch_inline_query_current_chat, empty
			// unless set; Telegram reads an empty one next to another action
			// as absent, and so does the fake.
			if s, ok := b["switch_inline_query_current_chat"].(string); ok && s == "" {
				delete(b, "switch_inline_query_current_chat")
			}
			btn := Button{}
			btn.Text, _ = b["text"].(string)
			btn.Data, _ = b["callback_data"].(string)
			btn.URL, _ = b["url"].(string)
			where := fmt.Sprintf("button [%d][%d] %q", r, c, btn.Text)
			errs = append(errs, checkButton(b, btn, where)...)
			out = append(out, btn)
		}
		kb.rows = append(kb.rows, out)
	}
	wire, _ := json.Marshal(map[string]any{"inline_keyboard": m.Inline})
	kb.wire = string(wire)
	return kb, errs
}

// checkButton applies the rules Telegram enforces on one button.
func checkButton(b map[string]any, btn Button, where string) []problem {
	var errs []problem
	if strings.TrimSpace(btn.Text) == "" {
		errs = append(errs, problem{"reply_markup", "text buttons are unallowed in the inline keyboard", where + " has no text"})
	}
	if _, ok := b["callback_data"]; ok {
		if n := len(btn.Data); n == 0 || n > maxCallbackData {
			errs = append(errs, problem{"reply_markup", "BUTTON_DATA_INVALID",
				fmt.Sprintf("%s: callback_data is %d bytes, Telegram allows 1-%d: %q", where, n, maxCallbackData, btn.Data)})
		}
	}
	var actions []string
	for k := range b {
		if !slices.Contains(buttonLayout, k) {
			actions = append(actions, k)
		}
	}
	slices.Sort(actions)
	switch len(actions) {
	case 0:
		errs = append(errs, problem{"reply_markup", "text buttons are unallowed in the inline keyboard",
			where + " has no action: neither callback_data nor url nor any other"})
	case 1:
	default:
		errs = append(errs, problem{"reply_markup", "can't parse inline keyboard button",
			fmt.Sprintf("%s has more than one action: %s", where, strings.Join(actions, ", "))})
	}
	return errs
}

// find returns the button with the given visible text.
func (kb keyboard) find(text string) (Button, bool) {
	for _, row := range kb.rows {
		for _, b := range row {
			if b.Text == text {
				return b, true
			}
		}
	}
	return Button{}, false
}

// String lists the buttons row by row for failure reports.
func (kb keyboard) String() string {
	if len(kb.rows) == 0 {
		return "no buttons"
	}
	var b strings.Builder
	for _, row := range kb.rows {
		b.WriteString("[")
		for i, btn := range row {
			if i > 0 {
				b.WriteString(" | ")
			}
			fmt.Fprintf(&b, "%q", btn.Text)
			switch {
			case btn.Data != "":
				fmt.Fprintf(&b, "→%q", btn.Data)
			case btn.URL != "":
				fmt.Fprintf(&b, "→%s", btn.URL)
			}
		}
		b.WriteString("]")
	}
	return b.String()
}

// copyRows returns rows the caller may keep: messages replace keyboards on
// edit rather than change them, but a caller could still write into them.
func copyRows(rows [][]Button) [][]Button {
	out := make([][]Button, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
	}
	return out
}
