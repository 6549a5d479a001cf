package eventlog

import "time"

// ParseTimestampBytesAgrees reports whether the []byte instance of the
// parser, which the XES reader uses, reads s as the string one does.
func ParseTimestampBytesAgrees(s string, loc *time.Location) bool {
	a, okA := parseTime(s, loc)
	b, okB := parseTime([]byte(s), loc)
	return okA == okB && a.Equal(b)
}
