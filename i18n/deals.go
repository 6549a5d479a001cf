package i18n

// Keys of the deals table, the deal card and its actions.
const (
	DealListTitle      Key = "deal.list_title"
	DealCount          Key = "deal.count"
	DealSortIdle       Key = "deal.sort_idle"
	DealSortPrice      Key = "deal.sort_price"
	DealSortByIdle     Key = "deal.sort_by_idle"
	DealSortByPrice    Key = "deal.sort_by_price"
	DealMine           Key = "deal.mine"
	DealAll            Key = "deal.all"
	DealOpenAmo        Key = "deal.open_amo"
	DealOpenInBot      Key = "deal.open_in_bot"
	DealCard           Key = "deal.card"
	DealNoTasks        Key = "deal.no_tasks"
	DealTasksTitle     Key = "deal.tasks_title"
	DealNewTask        Key = "deal.new_task"
	DealMove           Key = "deal.move"
	DealResponsible    Key = "deal.responsible"
	DealPrice          Key = "deal.price"
	DealMessage        Key = "deal.message"
	DealSaved          Key = "deal.saved"
	DealAskPrice       Key = "deal.ask_price"
	DealAskMessage     Key = "deal.ask_message"
	DealBadPrice       Key = "deal.bad_price"
	DealPriceSet       Key = "deal.price_set"
	DealTaskCall       Key = "deal.task_call"
	DealTaskMeeting    Key = "deal.task_meeting"
	DealTaskOffer      Key = "deal.task_offer"
	DealMessageHTML    Key = "deal.message_html"
	DealMessageSubject Key = "deal.message_subject"
	DealMessageMail    Key = "deal.message_mail"
	CmdAmoCRM          Key = "cmd.amocrm"
	AmoCRMHelp         Key = "amocrm.help"
	AmoCRMConnected    Key = "amocrm.connected"
	CRMTaskAskText     Key = "crm_task.ask_text"
	CRMTaskOwnText     Key = "crm_task.own_text"
	CRMTaskAskDate     Key = "crm_task.ask_date"
	CRMTaskDraft       Key = "crm_task.draft"
	CRMTaskOtherDate   Key = "crm_task.other_date"
	CRMTaskType        Key = "crm_task.type"
	CRMTaskBadText     Key = "crm_task.bad_text"
	CRMTaskBadDate     Key = "crm_task.bad_date"
)

func init() {
	merge(ru, map[Key]string{
		DealListTitle:                 "Активные сделки",
		DealCount:                     "всего %s",
		DealSortIdle:                  "дольше всех без движения",
		DealSortPrice:                 "самые крупные",
		DealSortByIdle:                "По простою",
		DealSortByPrice:               "По сумме",
		DealMine:                      "Мои сделки",
		DealAll:                       "Все сделки",
		DealOpenAmo:                   "Открыть в amoCRM",
		DealOpenInBot:                 "Открыть сделку в боте",
		DealCard:                      "Компания: %s\nСумма: <b>%s</b>\nСтатус: %s\nОтветственный: %s\nБез движения: <b>%s</b>\nСоздана: %s · №%d",
		DealNoTasks:                   "Открытых задач нет.",
		DealTasksTitle:                "Открытые задачи:",
		DealNewTask:                   "Задача",
		DealMove:                      "Статус",
		DealResponsible:               "Ответственный",
		DealPrice:                     "Сумма",
		DealMessage:                   "Написать ответственному",
		DealSaved:                     "Готово: изменения в amoCRM",
		DealAskPrice:                  "Новая сумма сделки в рублях? Например: <code>1 250 000</code>",
		DealAskMessage:                "Что передать ответственному? Напишите одним сообщением: к нему придут название сделки и ссылки.",
		DealBadPrice:                  "Не понял сумму «%s»: нужны целые рубли, например 1 250 000. Попробуйте ещё раз.",
		DealPriceSet:                  "Сумма сделки <b>%s</b> теперь %s.",
		DealTaskCall:                  "Позвонить",
		DealTaskMeeting:               "Встреча",
		DealTaskOffer:                 "Отправить КП",
		DealMessageHTML:               "✉️ %s пишет о сделке <b>%s</b>:\n\n%s",
		DealMessageSubject:            "Сделка «%s»",
		DealMessageMail:               "%s пишет о сделке «%s»:\n\n%s\n\nОткрыть в боте: %s\nОткрыть в amoCRM: %s",
		CmdAmoCRM:                     "подключить amoCRM кодом авторизации",
		AmoCRMHelp:                    "Подключение amoCRM по OAuth: откройте интеграцию в amoCRM, разрешите доступ и отправьте полученный код: <code>/amocrm КОД</code>. Нужны AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET, AMOCRM_REDIRECT_URI и SECRET_KEY в настройках бота.",
		AmoCRMConnected:               "✅ amoCRM подключён, синхронизация началась. Сообщение с кодом удалено.",
		"err.no_oauth":                "OAuth для amoCRM не настроен: задайте AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET, AMOCRM_REDIRECT_URI и SECRET_KEY (или используйте AMOCRM_TOKEN).",
		"err.bad_oauth_code":          "amoCRM не принял код: он одноразовый и действует 20 минут. Получите новый и отправьте снова.",
		CRMTaskAskText:                "Текст задачи для amoCRM? Напишите одним сообщением.",
		CRMTaskOwnText:                "Свой текст",
		CRMTaskAskDate:                "Когда срок? Например: <code>завтра 15:00</code>, <code>пт</code>, <code>25.11 10:30</code>, <code>через 3 дня</code>.",
		CRMTaskDraft:                  "<b>Новая задача в amoCRM</b>\n%s\nСделка: %s\nТип: %s\nОтветственный: %s\nСрок: %s",
		CRMTaskOtherDate:              "Другая дата",
		CRMTaskType:                   "Тип",
		CRMTaskBadText:                "Текст задачи должен быть от 1 до 500 символов.",
		CRMTaskBadDate:                "Не понял дату «%s». Попробуйте ещё раз, например «завтра 15:00».",
		TaskTypeFollowUp:              "Связаться",
		TaskTypeMeeting:               "Встреча",
		DealSentTelegram:              "✉️ Отправлено в Telegram ответственному: %s.",
		DealSentEmail:                 "✉️ Отправлено на почту ответственному: %s.",
		"err.no_crm":                  "amoCRM не подключён: изменения сделок недоступны.",
		"err.responsible_unreachable": "Ответственному не доставить сообщение: он не связан с пользователем бота, и у него нет почты (или почта не настроена).",
		"err.bad_price":               "Сумма должна быть от 0 до триллиона рублей.",
		"err.crm_rejected":            "amoCRM не принял изменение: проверьте данные и попробуйте ещё раз.",
		"err.crm_blocked":             "amoCRM временно заблокировал доступ; администраторы предупреждены.",
	})
	merge(en, map[Key]string{
		DealListTitle:                 "Active deals",
		DealCount:                     "%s in all",
		DealSortIdle:                  "idle the longest",
		DealSortPrice:                 "the largest",
		DealSortByIdle:                "By idle time",
		DealSortByPrice:               "By price",
		DealMine:                      "My deals",
		DealAll:                       "All deals",
		DealOpenAmo:                   "Open in amoCRM",
		DealOpenInBot:                 "Open the deal in the bot",
		DealCard:                      "Company: %s\nPrice: <b>%s</b>\nStatus: %s\nResponsible: %s\nIdle: <b>%s</b>\nCreated: %s · #%d",
		DealNoTasks:                   "No open tasks.",
		DealTasksTitle:                "Open tasks:",
		DealNewTask:                   "Task",
		DealMove:                      "Status",
		DealResponsible:               "Responsible",
		DealPrice:                     "Price",
		DealMessage:                   "Message the responsible",
		DealSaved:                     "Done: changed in amoCRM",
		DealAskPrice:                  "The deal's new price in rubles? For example: <code>1250000</code>",
		DealAskMessage:                "What should the responsible hear? Write it in one message: the deal's name and links come with it.",
		DealBadPrice:                  "I did not understand the price “%s”: whole rubles, e.g. 1250000. Please try again.",
		DealPriceSet:                  "The price of <b>%s</b> is now %s.",
		DealTaskCall:                  "Call",
		DealTaskMeeting:               "Meeting",
		DealTaskOffer:                 "Send an offer",
		DealMessageHTML:               "✉️ %s writes about the deal <b>%s</b>:\n\n%s",
		DealMessageSubject:            "Deal “%s”",
		DealMessageMail:               "%s writes about the deal “%s”:\n\n%s\n\nOpen in the bot: %s\nOpen in amoCRM: %s",
		CmdAmoCRM:                     "connect amoCRM with an authorization code",
		AmoCRMHelp:                    "Connecting amoCRM by OAuth: open the integration in amoCRM, allow access and send the code you get: <code>/amocrm CODE</code>. The bot needs AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET, AMOCRM_REDIRECT_URI and SECRET_KEY in its settings.",
		AmoCRMConnected:               "✅ amoCRM is connected and the sync has started. The message with the code was deleted.",
		"err.no_oauth":                "OAuth for amoCRM is not set up: set AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET, AMOCRM_REDIRECT_URI and SECRET_KEY (or use AMOCRM_TOKEN).",
		"err.bad_oauth_code":          "amoCRM did not accept the code: it is single-use and lasts 20 minutes. Get a new one and send it again.",
		CRMTaskAskText:                "The task's text for amoCRM? Write it in one message.",
		CRMTaskOwnText:                "Own text",
		CRMTaskAskDate:                "When is it due? For example: <code>tomorrow 15:00</code>, <code>fri</code>, <code>25.11 10:30</code>, <code>in 3 days</code>.",
		CRMTaskDraft:                  "<b>New amoCRM task</b>\n%s\nDeal: %s\nType: %s\nResponsible: %s\nDue: %s",
		CRMTaskOtherDate:              "Another date",
		CRMTaskType:                   "Type",
		CRMTaskBadText:                "The task's text must be 1 to 500 characters.",
		CRMTaskBadDate:                "I did not understand the date “%s”. Please try again, e.g. “tomorrow 15:00”.",
		TaskTypeFollowUp:              "Follow up",
		TaskTypeMeeting:               "Meeting",
		DealSentTelegram:              "✉️ Sent to the responsible in Telegram: %s.",
		DealSentEmail:                 "✉️ Sent to the responsible by e-mail: %s.",
		"err.no_crm":                  "amoCRM is not connected: deals cannot be changed.",
		"err.responsible_unreachable": "The responsible cannot be reached: not linked to a bot user, and no e-mail address (or e-mail is off).",
		"err.bad_price":               "The price must be between 0 and a trillion rubles.",
		"err.crm_rejected":            "amoCRM did not accept the change: check the data and try again.",
		"err.crm_blocked":             "amoCRM has blocked access for now; the admins have been told.",
	})
}
