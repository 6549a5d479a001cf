package i18n

// Keys of the time zone setting (/lang).
const (
	ZoneNow      Key = "zone.now"
	ZoneButton   Key = "zone.button"
	ZoneChoose   Key = "zone.choose"
	ZoneCompany  Key = "zone.company"
	ZoneSet      Key = "zone.set"
	ZoneUnknown  Key = "zone.unknown"
	ZoneSubOther Key = "zone.sub_other"
)

func init() {
	merge(ru, map[Key]string{
		ZoneNow:                        "🕒 Часовой пояс: <b>%s</b>, у вас сейчас %s. В нём показываются и понимаются даты, приходят напоминания и рассылки, на которые вы подписываетесь.",
		ZoneButton:                     "🕒 Часовой пояс",
		ZoneChoose:                     "Выберите часовой пояс или пришлите его: название вроде <code>Europe/Berlin</code> или смещение вроде <code>UTC+5</code>.\n\nСейчас: <b>%s</b>.",
		ZoneCompany:                    "Как у компании: %s",
		ZoneSet:                        "Готово: %s, у вас сейчас %s.",
		ZoneUnknown:                    "Не знаю часового пояса «%s». Пришлите название вроде Europe/Berlin или смещение вроде UTC+5.",
		ZoneSubOther:                   "по времени %s",
		"err.bad_zone":                 "Такого часового пояса нет: нужно название вроде Europe/Berlin или смещение вроде UTC+5.",
		"zone.city.Europe/Kaliningrad": "Калининград",
		"zone.city.Europe/Moscow":      "Москва",
		"zone.city.Europe/Samara":      "Самара",
		"zone.city.Asia/Yekaterinburg": "Екатеринбург",
		"zone.city.Asia/Omsk":          "Омск",
		"zone.city.Asia/Novosibirsk":   "Новосибирск",
		"zone.city.Asia/Krasnoyarsk":   "Красноярск",
		"zone.city.Asia/Irkutsk":       "Иркутск",
		"zone.city.Asia/Yakutsk":       "Якутск",
		"zone.city.Asia/Vladivostok":   "Владивосток",
		"zone.city.Asia/Magadan":       "Магадан",
		"zone.city.Asia/Kamchatka":     "Камчатка",
		"zone.city.Europe/Minsk":       "Минск",
		"zone.city.Asia/Almaty":        "Алматы",
		"zone.city.Asia/Tashkent":      "Ташкент",
		"zone.city.Asia/Dubai":         "Дубай",
	})
	merge(en, map[Key]string{
		ZoneNow:                        "🕒 Time zone: <b>%s</b>, your time now is %s. Dates are shown and understood in it, and your reminders and the digests you subscribe to follow it.",
		ZoneButton:                     "🕒 Time zone",
		ZoneChoose:                     "Pick a time zone or send one: a name like <code>Europe/Berlin</code> or an offset like <code>UTC+5</code>.\n\nNow: <b>%s</b>.",
		ZoneCompany:                    "The company's: %s",
		ZoneSet:                        "Done: %s, your time now is %s.",
		ZoneUnknown:                    "I do not know the time zone “%s”. Send a name like Europe/Berlin or an offset like UTC+5.",
		ZoneSubOther:                   "%s time",
		"err.bad_zone":                 "There is no such time zone: use a name like Europe/Berlin or an offset like UTC+5.",
		"zone.city.Europe/Kaliningrad": "Kaliningrad",
		"zone.city.Europe/Moscow":      "Moscow",
		"zone.city.Europe/Samara":      "Samara",
		"zone.city.Asia/Yekaterinburg": "Yekaterinburg",
		"zone.city.Asia/Omsk":          "Omsk",
		"zone.city.Asia/Novosibirsk":   "Novosibirsk",
		"zone.city.Asia/Krasnoyarsk":   "Krasnoyarsk",
		"zone.city.Asia/Irkutsk":       "Irkutsk",
		"zone.city.Asia/Yakutsk":       "Yakutsk",
		"zone.city.Asia/Vladivostok":   "Vladivostok",
		"zone.city.Asia/Magadan":       "Magadan",
		"zone.city.Asia/Kamchatka":     "Kamchatka",
		"zone.city.Europe/Minsk":       "Minsk",
		"zone.city.Asia/Almaty":        "Almaty",
		"zone.city.Asia/Tashkent":      "Tashkent",
		"zone.city.Asia/Dubai":         "Dubai",
	})
}
