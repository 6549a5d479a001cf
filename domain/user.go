package domain

import (
	"strconv"
	"time"
)

// Role is what a person may do in the bot. The order matters: a higher
// role includes everything a lower one may do.
type Role string

const (
	RolePending  Role = "pending"  // wrote /start, waits for an admin
	RoleRejected Role = "rejected" // an admin said no; sees nothing
	RoleEmployee Role = "employee"
	RoleManager  Role = "manager"
	RoleAdmin    Role = "admin"
)

func (r Role) rank() int {
	switch r {
	case RoleEmployee:
		return 1
	case RoleManager:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	switch r {
	case RolePending, RoleRejected, RoleEmployee, RoleManager, RoleAdmin:
		return true
	}
	return false
}

// AtLeast reports whether r grants everything min grants. Pending and
// rejected users grant nothing, not even each other.
func (r Role) AtLeast(min Role) bool {
	return r.rank() > 0 && r.rank() >= min.rank()
}

// Approved reports whether the user may see business data at all.
func (r Role) Approved() bool { return r.AtLeast(RoleEmployee) }

// AssignableRoles are the roles an admin can give in /users.
var AssignableRoles = []Role{RoleEmployee, RoleManager, RoleAdmin}

// Lang is a user interface language.
type Lang string

const (
	LangRU Lang = "ru"
	LangEN Lang = "en"
)

// Langs lists the supported languages, the default first.
var Langs = []Lang{LangRU, LangEN}

// ParseLang maps a Telegram language_code ("en-US", "ru") to a supported
// language; anything unknown falls back to Russian.
func ParseLang(code string) Lang {
	if len(code) >= 2 && code[:2] == "en" {
		return LangEN
	}
	return LangRU
}

// User is a Telegram user known to the bot.
type User struct {
	ID           int64 // Telegram user ID
	Username     string
	FirstName    string
	LastName     string
	LanguageCode string // as Telegram reported it
	Lang         Lang   // explicit choice via /lang; empty means "from LanguageCode"
	Role         Role
	CRMUserID    int64  // the amoCRM user this person is; 0 when not linked
	TimeZone     string // IANA name of their own zone; empty: the company's
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// DisplayName is how the user is named in lists and notifications.
func (u User) DisplayName() string {
	name := u.FirstName
	if u.LastName != "" {
		if name != "" {
			name += " "
		}
		name += u.LastName
	}
	if name == "" && u.Username != "" {
		return "@" + u.Username
	}
	if name == "" {
		return "#" + itoa(u.ID)
	}
	return name
}

// Language is the language to talk to the user in: the explicit choice,
// else Telegram's language code, else Russian.
func (u User) Language() Lang {
	if u.Lang != "" {
		return u.Lang
	}
	return ParseLang(u.LanguageCode)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// WithConfiguredAdmins adds to the admins found in the database those
// named in the configuration who have not written to the bot yet: they
// are admins all the same, and hear things in the default language.
func WithConfiguredAdmins(stored []User, configured []int64) []User {
	out := append([]User{}, stored...)
	for _, id := range configured {
		known := false
		for _, u := range stored {
			known = known || u.ID == id
		}
		if !known {
			out = append(out, User{ID: id, Role: RoleAdmin})
		}
	}
	return out
}
