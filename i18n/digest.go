package i18n

// Keys of the KPI digest and its subscriptions.
const (
	DigestNowButton     Key = "digest.now_button"
	DigestTitle         Key = "digest.title"
	DigestOpen          Key = "digest.open"
	DigestChanges       Key = "digest.changes"
	DigestSubject       Key = "digest.subject"
	DigestFirst         Key = "digest.first"
	DigestNoChanges     Key = "digest.no_changes"
	DigestSending       Key = "digest.sending"
	DigestProgress      Key = "digest.progress"
	DigestReport        Key = "digest.report"
	DigestStillGoing    Key = "digest.still_going"
	SubTitle            Key = "sub.title"
	SubAllTitle         Key = "sub.all_title"
	SubIntro            Key = "sub.intro"
	SubNone             Key = "sub.none"
	SubHelp             Key = "sub.help"
	SubBadSchedule      Key = "sub.bad_schedule"
	SubAdded            Key = "sub.added"
	SubNext             Key = "sub.next"
	SubLast             Key = "sub.last"
	SubOnlyChangedShort Key = "sub.only_changed_short"
	SubOnlyChangedOn    Key = "sub.only_changed_on"
	SubOnlyChangedOff   Key = "sub.only_changed_off"
	SubUnsubscribe      Key = "sub.unsubscribe"
	SubAll              Key = "sub.all"
	SubMine             Key = "sub.mine"
	SubDaily            Key = "sub.daily"
	SubWeekdays         Key = "sub.weekdays"
	SubWeekly           Key = "sub.weekly"
	DeliveryFailed      Key = "delivery_state.failed"
	CRMBlockedAlert     Key = "crm.blocked_alert"
	SyncTitle           Key = "sync.title"
	SyncRunning         Key = "sync.running"
	SyncNever           Key = "sync.never"
	SyncAgo             Key = "sync.ago"
	SyncRequests        Key = "sync.requests"
)

func init() {
	merge(ru, map[Key]string{
		DigestNowButton:               "Рассылка KPI",
		DigestTitle:                   "Сводка KPI · Processet",
		DigestOpen:                    "Открыть в боте",
		DigestChanges:                 "С прошлой сводки:",
		DigestSubject:                 "Сводка KPI на %s",
		DigestFirst:                   "Это первая сводка: в следующей будет, что изменилось.",
		DigestNoChanges:               "Без изменений.",
		DigestSending:                 "Отправляю сводку всем подписчикам…",
		DigestProgress:                "📨 Рассылка KPI: обработано %d из %d…",
		DigestReport:                  "📨 Рассылка KPI: доставлено %d, не доставлено %d.",
		DigestStillGoing:              "Ещё в пути: %d (Telegram или почта отвечают медленно, доставка продолжится).",
		SubTitle:                      "Рассылка KPI",
		SubAllTitle:                   "Все рассылки",
		SubIntro:                      "Сводка по четырём направлениям: картинка, цифры и что изменилось с прошлого раза.",
		SubNone:                       "Рассылок пока нет.",
		SubHelp:                       "Добавить: кнопкой ниже или командой — <code>/subscribe 18:30</code>, <code>/subscribe будни 9:00</code>, <code>/subscribe пн 9:00</code>, <code>/subscribe cron 0 9 * * 1-5</code>. Менеджер может подписать группу (команда в группе) и почту: <code>/subscribe email boss@example.com 9:00</code>.",
		SubBadSchedule:                "Не понял расписание «%s».",
		SubAdded:                      "Рассылка добавлена",
		SubNext:                       "следующая: %s",
		SubLast:                       "последняя: %s, %s",
		SubOnlyChangedShort:           "только при изменениях",
		SubOnlyChangedOn:              "№%s: только при изменениях — вкл",
		SubOnlyChangedOff:             "№%s: только при изменениях — выкл",
		SubUnsubscribe:                "Отписаться №%s",
		SubAll:                        "Все рассылки",
		SubMine:                       "Мои рассылки",
		SubDaily:                      "каждый день в %s",
		SubWeekdays:                   "по будням в %s",
		SubWeekly:                     "%s в %s",
		SubPresetDaily9:               "Каждый день 9:00",
		SubPresetWeekdays9:            "Будни 9:00",
		SubPresetMonday9:              "Пн 9:00",
		WeekdaySunday:                 "по воскресеньям",
		WeekdayMonday:                 "по понедельникам",
		WeekdayTuesday:                "по вторникам",
		WeekdayWednesday:              "по средам",
		WeekdayThursday:               "по четвергам",
		WeekdayFriday:                 "по пятницам",
		WeekdaySaturday:               "по субботам",
		MetricDealsWon:                "закрыто сделок на этой неделе",
		MetricDealsInPlay:             "сделок в процессе на этой неделе",
		MetricTasksActive:             "активных задач",
		MetricTasksOverdue:            "просроченных задач",
		MetricOperations:              "операций в год",
		MetricPotentialPct:            "потенциал оптимизации",
		MetricIdeas:                   "идей",
		MetricVotes:                   "голосов",
		MetricAccepted:                "принятых идей",
		DeliveryReasonBlocked:         "пользователь заблокировал бота",
		DeliveryReasonKicked:          "бота удалили из чата",
		DeliveryReasonNotStarted:      "пользователь ни разу не писал боту",
		DeliveryReasonDeactivated:     "аккаунт удалён",
		DeliveryReasonChatNotFound:    "чат не найден",
		DeliveryReasonNoRights:        "боту нельзя писать в этот чат",
		DeliveryReasonRejected:        "Telegram отклонил сообщение",
		DeliveryReasonUnavailable:     "Telegram недоступен, попытки исчерпаны",
		DeliveryReasonMailRejected:    "почтовый сервер отклонил письмо",
		DeliveryReasonMailUnavailable: "почтовый сервер недоступен, попытки исчерпаны",
		DeliveryFailed:                "не доставлено: %s",
		SyncTitle:                     "Синхронизация amoCRM",
		SyncRunning:                   "идёт сейчас",
		SyncNever:                     "ещё ни разу не прошла успешно",
		SyncAgo:                       "%s назад, строк: %s",
		SyncRequests:                  "Запросов к amoCRM: %s (≈%s в минуту)",
		SyncListUsers:                 "пользователи",
		SyncListPipelines:             "воронки",
		SyncListCompanies:             "компании",
		SyncListDeals:                 "сделки",
		SyncListTasks:                 "задачи",
		SyncListDeletedDeals:          "удалённые сделки",
		CRMBlockedAlert:               "⛔ amoCRM заблокировал аккаунт за превышение лимита запросов. Синхронизация CRM остановлена, пока поддержка amoCRM не снимет блокировку; дашборд сделок до тех пор не обновляется.",
		DeliveryStateQueued:           "в очереди",
		DeliveryStateSending:          "отправляется",
		DeliveryStateRetrying:         "повторная попытка",
		DeliveryStateDelivered:        "доставлено",
		"err.bad_schedule":            "Расписание не подходит: например, «9:00», «будни 9:00» или «cron 0 9 * * 1-5».",
		"err.bad_email":               "Это не похоже на адрес почты.",
		"err.managers_only":           "Подписать группу или почту может только менеджер.",
		"err.subscription_exists":     "Такая рассылка уже есть.",
	})
	merge(en, map[Key]string{
		DigestNowButton:               "Send KPI digest",
		DigestTitle:                   "KPI digest · Processet",
		DigestOpen:                    "Open in the bot",
		DigestChanges:                 "Since the last digest:",
		DigestSubject:                 "KPI digest for %s",
		DigestFirst:                   "This is the first digest: the next one will say what changed.",
		DigestNoChanges:               "No changes.",
		DigestSending:                 "Sending the digest to every subscriber…",
		DigestProgress:                "📨 KPI digest: %d of %d done…",
		DigestReport:                  "📨 KPI digest: delivered to %d, failed for %d.",
		DigestStillGoing:              "Still on the way: %d (Telegram or the mail server is slow; delivery goes on).",
		SubTitle:                      "KPI digest",
		SubAllTitle:                   "All subscriptions",
		SubIntro:                      "A summary of the four areas: a picture, the numbers and what changed since last time.",
		SubNone:                       "No subscriptions yet.",
		SubHelp:                       "Add one with a button below or a command: <code>/subscribe 18:30</code>, <code>/subscribe weekdays 9:00</code>, <code>/subscribe mon 9:00</code>, <code>/subscribe cron 0 9 * * 1-5</code>. A manager can subscribe a group (command in the group) and an address: <code>/subscribe email boss@example.com 9:00</code>.",
		SubBadSchedule:                "I did not understand the schedule “%s”.",
		SubAdded:                      "Subscription added",
		SubNext:                       "next: %s",
		SubLast:                       "last: %s, %s",
		SubOnlyChangedShort:           "only when something changed",
		SubOnlyChangedOn:              "No. %s: only when changed — on",
		SubOnlyChangedOff:             "No. %s: only when changed — off",
		SubUnsubscribe:                "Unsubscribe No. %s",
		SubAll:                        "All subscriptions",
		SubMine:                       "My subscriptions",
		SubDaily:                      "daily at %s",
		SubWeekdays:                   "weekdays at %s",
		SubWeekly:                     "%s at %s",
		SubPresetDaily9:               "Daily 9:00",
		SubPresetWeekdays9:            "Weekdays 9:00",
		SubPresetMonday9:              "Mon 9:00",
		WeekdaySunday:                 "Sundays",
		WeekdayMonday:                 "Mondays",
		WeekdayTuesday:                "Tuesdays",
		WeekdayWednesday:              "Wednesdays",
		WeekdayThursday:               "Thursdays",
		WeekdayFriday:                 "Fridays",
		WeekdaySaturday:               "Saturdays",
		MetricDealsWon:                "deals closed this week",
		MetricDealsInPlay:             "deals in play this week",
		MetricTasksActive:             "active tasks",
		MetricTasksOverdue:            "overdue tasks",
		MetricOperations:              "operations per year",
		MetricPotentialPct:            "optimisation potential",
		MetricIdeas:                   "ideas",
		MetricVotes:                   "votes",
		MetricAccepted:                "accepted ideas",
		DeliveryReasonBlocked:         "the user blocked the bot",
		DeliveryReasonKicked:          "the bot was removed from the chat",
		DeliveryReasonNotStarted:      "the user never wrote to the bot",
		DeliveryReasonDeactivated:     "the account was deleted",
		DeliveryReasonChatNotFound:    "chat not found",
		DeliveryReasonNoRights:        "the bot may not post in this chat",
		DeliveryReasonRejected:        "Telegram refused the message",
		DeliveryReasonUnavailable:     "Telegram unreachable; gave up retrying",
		DeliveryReasonMailRejected:    "the mail server refused the message",
		DeliveryReasonMailUnavailable: "the mail server is unreachable; gave up retrying",
		DeliveryFailed:                "not delivered: %s",
		SyncTitle:                     "amoCRM sync",
		SyncRunning:                   "running now",
		SyncNever:                     "has not succeeded yet",
		SyncAgo:                       "%s ago, rows: %s",
		SyncRequests:                  "Requests to amoCRM: %s (≈%s a minute)",
		SyncListUsers:                 "users",
		SyncListPipelines:             "pipelines",
		SyncListCompanies:             "companies",
		SyncListDeals:                 "deals",
		SyncListTasks:                 "tasks",
		SyncListDeletedDeals:          "deleted deals",
		CRMBlockedAlert:               "⛔ amoCRM blocked the account for too many requests. CRM sync is paused until amoCRM support lifts the block; the deals dashboard is not updated until then.",
		DeliveryStateQueued:           "queued",
		DeliveryStateSending:          "sending",
		DeliveryStateRetrying:         "retrying",
		DeliveryStateDelivered:        "delivered",
		"err.bad_schedule":            "That schedule does not fit: e.g. “9:00”, “weekdays 9:00” or “cron 0 9 * * 1-5”.",
		"err.bad_email":               "That does not look like an e-mail address.",
		"err.managers_only":           "Only a manager can subscribe a group or an e-mail address.",
		"err.subscription_exists":     "This subscription already exists.",
	})
}
