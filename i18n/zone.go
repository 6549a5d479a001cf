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

	// The cities that name the preset zones.
	ZoneCityAlmaty        Key = "zone.city.Asia/Almaty"
	ZoneCityDubai         Key = "zone.city.Asia/Dubai"
	ZoneCityIrkutsk       Key = "zone.city.Asia/Irkutsk"
	ZoneCityKamchatka     Key = "zone.city.Asia/Kamchatka"
	ZoneCityKrasnoyarsk   Key = "zone.city.Asia/Krasnoyarsk"
	ZoneCityMagadan       Key = "zone.city.Asia/Magadan"
	ZoneCityNovosibirsk   Key = "zone.city.Asia/Novosibirsk"
	ZoneCityOmsk          Key = "zone.city.Asia/Omsk"
	ZoneCityTashkent      Key = "zone.city.Asia/Tashkent"
	ZoneCityVladivostok   Key = "zone.city.Asia/Vladivostok"
	ZoneCityYakutsk       Key = "zone.city.Asia/Yakutsk"
	ZoneCityYekaterinburg Key = "zone.city.Asia/Yekaterinburg"
	ZoneCityKaliningrad   Key = "zone.city.Europe/Kaliningrad"
	ZoneCityMinsk         Key = "zone.city.Europe/Minsk"
	ZoneCityMoscow        Key = "zone.city.Europe/Moscow"
	ZoneCitySamara        Key = "zone.city.Europe/Samara"
)

var zoneCities = map[string]Key{
	"Asia/Almaty":        ZoneCityAlmaty,
	"Asia/Dubai":         ZoneCityDubai,
	"Asia/Irkutsk":       ZoneCityIrkutsk,
	"Asia/Kamchatka":     ZoneCityKamchatka,
	"Asia/Krasnoyarsk":   ZoneCityKrasnoyarsk,
	"Asia/Magadan":       ZoneCityMagadan,
	"Asia/Novosibirsk":   ZoneCityNovosibirsk,
	"Asia/Omsk":          ZoneCityOmsk,
	"Asia/Tashkent":      ZoneCityTashkent,
	"Asia/Vladivostok":   ZoneCityVladivostok,
	"Asia/Yakutsk":       ZoneCityYakutsk,
	"Asia/Yekaterinburg": ZoneCityYekaterinburg,
	"Europe/Kaliningrad": ZoneCityKaliningrad,
	"Europe/Minsk":       ZoneCityMinsk,
	"Europe/Moscow":      ZoneCityMoscow,
	"Europe/Samara":      ZoneCitySamara,
}

// ZoneCityName names a zone by its city, by IANA name; ok is false for a
// zone the catalog names no city for.
func ZoneCityName(zone string) (Key, bool) {
	k, ok := zoneCities[zone]
	return k, ok
}

func init() {
	merge(ru, map[Key]string{
		ZoneNow:               "🕒 Часовой пояс: <b>%s</b>, у вас сейчас %s. В нём показываются и понимаются даты, приходят напоминания и рассылки, на которые вы подписываетесь.",
		ZoneButton:            "🕒 Часовой пояс",
		ZoneChoose:            "Выберите часовой пояс или пришлите его: название вроде <code>Europe/Berlin</code> или смещение вроде <code>UTC+5</code>.\n\nСейчас: <b>%s</b>.",
		ZoneCompany:           "Как у компании: %s",
		ZoneSet:               "Готово: %s, у вас сейчас %s.",
		ZoneUnknown:           "Не знаю часового пояса «%s». Пришлите название вроде Europe/Berlin или смещение вроде UTC+5.",
		ZoneSubOther:          "по времени %s",
		"err.bad_zone":        "Такого часового пояса нет: нужно название вроде Europe/Berlin или смещение вроде UTC+5.",
		ZoneCityKaliningrad:   "Калининград",
		ZoneCityMoscow:        "Москва",
		ZoneCitySamara:        "Самара",
		ZoneCityYekaterinburg: "Екатеринбург",
		ZoneCityOmsk:          "Омск",
		ZoneCityNovosibirsk:   "Новосибирск",
		ZoneCityKrasnoyarsk:   "Красноярск",
		ZoneCityIrkutsk:       "Иркутск",
		ZoneCityYakutsk:       "Якутск",
		ZoneCityVladivostok:   "Владивосток",
		ZoneCityMagadan:       "Магадан",
		ZoneCityKamchatka:     "Камчатка",
		ZoneCityMinsk:         "Минск",
		ZoneCityAlmaty:        "Алматы",
		ZoneCityTashkent:      "Ташкент",
		ZoneCityDubai:         "Дубай",
	})
	merge(en, map[Key]string{
		ZoneNow:               "🕒 Time zone: <b>%s</b>, your time now is %s. Dates are shown and understood in it, and your reminders and the digests you subscribe to follow it.",
		ZoneButton:            "🕒 Time zone",
		ZoneChoose:            "Pick a time zone or send one: a name like <code>Europe/Berlin</code> or an offset like <code>UTC+5</code>.\n\nNow: <b>%s</b>.",
		ZoneCompany:           "The company's: %s",
		ZoneSet:               "Done: %s, your time now is %s.",
		ZoneUnknown:           "I do not know the time zone “%s”. Send a name like Europe/Berlin or an offset like UTC+5.",
		ZoneSubOther:          "%s time",
		"err.bad_zone":        "There is no such time zone: use a name like Europe/Berlin or an offset like UTC+5.",
		ZoneCityKaliningrad:   "Kaliningrad",
		ZoneCityMoscow:        "Moscow",
		ZoneCitySamara:        "Samara",
		ZoneCityYekaterinburg: "Yekaterinburg",
		ZoneCityOmsk:          "Omsk",
		ZoneCityNovosibirsk:   "Novosibirsk",
		ZoneCityKrasnoyarsk:   "Krasnoyarsk",
		ZoneCityIrkutsk:       "Irkutsk",
		ZoneCityYakutsk:       "Yakutsk",
		ZoneCityVladivostok:   "Vladivostok",
		ZoneCityMagadan:       "Magadan",
		ZoneCityKamchatka:     "Kamchatka",
		ZoneCityMinsk:         "Minsk",
		ZoneCityAlmaty:        "Almaty",
		ZoneCityTashkent:      "Tashkent",
		ZoneCityDubai:         "Dubai",
	})
}
