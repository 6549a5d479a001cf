package eventlog

import "time"

// Event is one row of a log: one execution (or one lifecycle step, in XES)
// of an activity in a case.
type Event struct {
	Case     string
	Activity string
	// Time is when the activity ended (or, for an XES event, when its
	// lifecycle transition happened).
	Time time.Time
	// Start is when it began, zero when the log has no start column.
	Start     time.Time
	Resource  string
	Process   string
	Lifecycle string // XES lifecycle:transition (start, complete, …), lower case; empty when absent
	Line      int    // line of the file where the event begins, for messages
}

// Format is the kind of log inside the file.
type Format string

const (
	CSV Format = "csv"
	XES Format = "xes"
)

// Container is how the log is packed.
type Container string

const (
	Plain Container = ""
	Gzip  Container = "gzip"
	Zip   Container = "zip"
)

// Encoding is the character encoding of a CSV log.
type Encoding string

const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8-bom"
	Windows1251 Encoding = "windows-1251"
)

// Role is what a column of a CSV log means.
type Role int

const (
	RoleCase Role = iota
	RoleActivity
	RoleEnd
	RoleStart
	RoleResource
	RoleProcess
	RoleLifecycle
	numRoles
)

var roleNames = [numRoles]string{"case", "activity", "end", "start", "resource", "process", "lifecycle"}

func (r Role) String() string {
	if r >= 0 && r < numRoles {
		return roleNames[r]
	}
	return "role?"
}

// Roles lists every role in display order.
func Roles() []Role {
	return []Role{RoleCase, RoleActivity, RoleEnd, RoleStart, RoleResource, RoleProcess, RoleLifecycle}
}

// Required reports whether a log cannot be read without this role.
func (r Role) Required() bool { return r == RoleCase || r == RoleActivity || r == RoleEnd }

// Mapping gives the column index of each role, -1 when the log has none.
type Mapping [numRoles]int

// NoMapping is a mapping with every role absent.
func NoMapping() Mapping {
	var m Mapping
	for i := range m {
		m[i] = -1
	}
	return m
}

// Set gives role r to column col (-1 to clear it); a column holds at most
// one role, so a role that had col loses it.
func (m *Mapping) Set(r Role, col int) {
	if col >= 0 {
		for i := range m {
			if m[i] == col {
				m[i] = -1
			}
		}
	}
	m[r] = col
}

// Missing lists the required roles without a column.
func (m Mapping) Missing() []Role {
	var out []Role
	for _, r := range Roles() {
		if r.Required() && m[r] < 0 {
			out = append(out, r)
		}
	}
	return out
}

// Progress is reported while reading.
type Progress struct {
	Rows  int64 // events (CSV rows) read so far
	Bytes int64 // bytes of the file consumed (for a zip, of the member uncompressed)
	Total int64 // the size Bytes counts towards
}
