package domain

import (
	"net/mail"
	"slices"
	"strings"
)

// ParseEmail reads an e-mail address as an admin pastes it, bare or as
// "Имя <name@company.ru>"; ok is false for anything that is no address.
func ParseEmail(typed string) (addr string, ok bool) {
	a, err := mail.ParseAddress(strings.TrimSpace(typed))
	if err != nil {
		return "", false
	}
	return a.Address, true
}

// CRMUserByEmail finds the amoCRM user with this address, in any letter
// case: people type addresses as they please, amoCRM keeps them as typed.
func CRMUserByEmail(users []CRMUser, addr string) (CRMUser, bool) {
	i := slices.IndexFunc(users, func(cu CRMUser) bool { return cu.Email != "" && strings.EqualFold(cu.Email, addr) })
	if i < 0 {
		return CRMUser{}, false
	}
	return users[i], true
}

// NamedLike reports whether an amoCRM user's name is the bot user's: the
// first name and the last name (when there is one) are both words of it,
// in either order, ignoring case.
func NamedLike(crmName string, u User) bool {
	if u.FirstName == "" {
		return false
	}
	f := strings.Fields(strings.ToLower(crmName))
	want := []string{strings.ToLower(u.FirstName)}
	if u.LastName != "" {
		want = append(want, strings.ToLower(u.LastName))
	}
	for _, w := range want {
		if !slices.Contains(f, w) {
			return false
		}
	}
	return true
}

// NamedLikeFirst puts the amoCRM users named like u first, keeping the
// order otherwise.
func NamedLikeFirst(users []CRMUser, u User) []CRMUser {
	rank := func(cu CRMUser) int {
		if NamedLike(cu.Name, u) {
			return 0
		}
		return 1
	}
	out := slices.Clone(users)
	slices.SortStableFunc(out, func(a, b CRMUser) int { return rank(a) - rank(b) })
	return out
}
