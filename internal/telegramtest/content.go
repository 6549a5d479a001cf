package telegramtest

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Telegram's limits, counted in UTF-16 code units of the visible text, that
// is after parse_mode has removed the markup.
const (
	maxText           = 4096
	maxCaption        = 1024
	maxCallbackAnswer = 200
)

// content is a text or caption as the bot sent it and as the user sees it.
type content struct {
	source    string // as sent, markup included
	text      string // visible text
	entities  []entity
	parseMode string
}

// format applies parse_mode. Only HTML is parsed; Markdown text is taken
// as it is, so its length is overestimated rather than underestimated.
func format(source, parseMode string) (content, error) {
	c := content{source: source, text: source, parseMode: parseMode}
	switch strings.ToLower(parseMode) {
	case "":
	case "html":
		text, ents, err := parseHTML(source)
		if err != nil {
			return c, err
		}
		c.text, c.entities = text, ents
	case "markdown", "markdownv2":
	default:
		return c, fmt.Errorf("unsupported parse_mode %q", parseMode)
	}
	return c, nil
}

// checkContent applies the rules the spec states only in prose: parse_mode
// markup, text and caption lengths, empty text and inline keyboards.
func checkContent(req *request) []problem {
	var errs []problem
	switch req.method {
	case "sendMessage", "editMessageText":
		if req.has("text") {
			errs = append(errs, checkFormatted("text", req.str("text"), req.str("parse_mode"), maxText, true)...)
		} else if req.method == "editMessageText" {
			// Optional in the spec only because rich_message may replace it,
			// which the fake does not model.
			errs = append(errs, problem{"text", "message text is empty", "editMessageText without text"})
		}
	case "answerCallbackQuery":
		if n := utf16Len(req.str("text")); n > maxCallbackAnswer {
			errs = append(errs, problem{"text", "MESSAGE_TOO_LONG",
				fmt.Sprintf("callback answer is %d characters, Telegram allows %d", n, maxCallbackAnswer)})
		}
	case "editMessageMedia":
		var media struct {
			Caption   string `json:"caption"`
			ParseMode string `json:"parse_mode"`
		}
		if json.Unmarshal([]byte(req.str("media")), &media) == nil {
			errs = append(errs, checkFormatted("media.caption", media.Caption, media.ParseMode, maxCaption, false)...)
		}
	}
	if req.has("caption") {
		errs = append(errs, checkFormatted("caption", req.str("caption"), req.str("parse_mode"), maxCaption, false)...)
	}
	if req.has("reply_markup") {
		_, kbErrs := parseKeyboard(req.str("reply_markup"))
		errs = append(errs, kbErrs...)
	}
	return errs
}

// checkFormatted checks one text or caption.
func checkFormatted(param, source, parseMode string, limit int, nonEmpty bool) []problem {
	c, err := format(source, parseMode)
	if err != nil {
		if strings.HasPrefix(err.Error(), "unsupported parse_mode") {
			return []problem{{"parse_mode", "unsupported parse_mode", err.Error()}}
		}
		return []problem{{param, "can't parse entities: " + err.Error(),
			fmt.Sprintf("malformed HTML: %v in %q", err, clip(source))}}
	}
	if nonEmpty && strings.TrimSpace(c.text) == "" {
		return []problem{{param, "message text is empty", "text is empty after parse_mode " + parseMode}}
	}
	if n := utf16Len(c.text); n > limit {
		desc := "message is too long"
		if limit == maxCaption {
			desc = "message caption is too long"
		}
		return []problem{{param, desc, fmt.Sprintf("%d UTF-16 code units of visible text, Telegram allows %d", n, limit)}}
	}
	return nil
}

// clip shortens long texts in reports.
func clip(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}
