package bot_test

import (
	"testing"

	"processet/bot"
)

// FuzzParseUpdate: whatever reaches the webhook, reading it never panics,
// and what it accepts has an update ID.
func FuzzParseUpdate(f *testing.F) {
	f.Add([]byte(`{"update_id":5,"message":{"message_id":1,"date":0,"chat":{"id":-100123,"type":"supergroup"},"text":"/help"}}`))
	f.Add([]byte(`{"update_id":6,"callback_query":{"id":"1","from":{"id":7,"is_bot":false,"first_name":"A"},"chat_instance":"x","data":"\fa|b"}}`))
	f.Add([]byte(`{"update_id":7,"my_chat_member":{"chat":{"id":-5,"type":"group"},"from":{"id":1,"is_bot":false,"first_name":"A"},"date":0}}`))
	f.Add([]byte(`{"update_id":-1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := bot.ParseUpdate(body)
		if err == nil && u.ID <= 0 {
			t.Fatalf("accepted update without an ID: %+v", u)
		}
	})
}
