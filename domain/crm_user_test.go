package domain

import "testing"

func TestMatchCRMUsers(t *testing.T) {
	users := []CRMUser{{ID: 1, Name: "Пётр Иванов", Email: "petr@corp.ru"}, {ID: 2, Name: "Иванова Анна", Email: "Anna@Corp.ru"}, {ID: 3, Name: "Анна"}}
	if addr, ok := ParseEmail(" Анна <anna@corp.ru> "); !ok || addr != "anna@corp.ru" {
		t.Fatalf("ParseEmail: %q, %v", addr, ok)
	}
	if _, ok := ParseEmail("anna@"); ok {
		t.Error("ParseEmail took a broken address")
	}
	if got, ok := CRMUserByEmail(users, "ANNA@corp.ru"); !ok || got.ID != 2 {
		t.Errorf("CRMUserByEmail: %+v, %v", got, ok)
	}
	if _, ok := CRMUserByEmail(users, "nobody@corp.ru"); ok {
		t.Error("CRMUserByEmail found an unknown address")
	}
	anna := User{FirstName: "анна", LastName: "Иванова"}
	if !NamedLike("Иванова Анна", anna) || NamedLike("Анна", anna) || NamedLike("Анна", User{}) {
		t.Error("NamedLike: both names in either order, ignoring case")
	}
	if got := NamedLikeFirst(users, anna); got[0].ID != 2 || got[1].ID != 1 || got[2].ID != 3 {
		t.Errorf("NamedLikeFirst: %+v", got)
	}
}
