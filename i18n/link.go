package i18n

// Keys of linking a bot user to their amoCRM user (/users, admins).
const (
	LinkCRM        Key = "link.crm"
	LinkChoose     Key = "link.choose"
	LinkByEmail    Key = "link.by_email"
	LinkCurrent    Key = "link.current"
	LinkNone       Key = "link.none"
	LinkNoCRMUsers Key = "link.no_crm_users"
	LinkBadEmail   Key = "link.bad_email"
	LinkNoSuchMail Key = "link.no_such_email"
	LinkDone       Key = "link.done"
)

func init() {
	merge(ru, map[Key]string{
		LinkCRM:        "amoCRM",
		LinkChoose:     "Кто этот человек в amoCRM? Тогда сообщения о его сделках придут ему в Telegram, а «Мои сделки» покажут его сделки.",
		LinkByEmail:    "Выберите ниже или пришлите его рабочий e-mail из amoCRM, и я найду его.",
		LinkCurrent:    "Сейчас: <b>%s</b>",
		LinkNone:       "Не связывать",
		LinkNoCRMUsers: "Пользователей amoCRM пока нет: они появятся после первой синхронизации.",
		LinkBadEmail:   "«%s» не похоже на e-mail. Пришлите адрес вида name@company.ru.",
		LinkNoSuchMail: "В amoCRM нет пользователя с адресом %s. Проверьте адрес и пришлите ещё раз или выберите из списка.",
		LinkDone:       "🔗 Готово: в amoCRM %s — это %s.",
	})
	merge(en, map[Key]string{
		LinkCRM:        "amoCRM",
		LinkChoose:     "Who is this person in amoCRM? Messages about their deals then reach them in Telegram, and “My deals” shows theirs.",
		LinkByEmail:    "Pick below, or send their work e-mail from amoCRM and I will find them.",
		LinkCurrent:    "Now: <b>%s</b>",
		LinkNone:       "Do not link",
		LinkNoCRMUsers: "There are no amoCRM users yet: they appear after the first sync.",
		LinkBadEmail:   "“%s” does not look like an e-mail address. Send one like name@company.com.",
		LinkNoSuchMail: "No amoCRM user has the address %s. Check it and send it again, or pick from the list.",
		LinkDone:       "🔗 Done: in amoCRM, %s is %s.",
	})
}
