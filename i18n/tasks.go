package i18n

import (
	"processet/domain"
	"processet/quickadd"
)

// Keys of the tasks flows: lists, cards, creation and notifications.
const (
	TaskListOpen        Key = "task.list_open"
	TaskListActive      Key = "task.list_active"
	TaskListEmpty       Key = "task.list_empty"
	TasksCount          Key = "task.count" // plural
	TaskNew             Key = "task.new"
	TaskOpen            Key = "task.open"
	TaskBack            Key = "task.back"
	TaskCard            Key = "task.card"
	TaskSetStatus       Key = "task.set_status"
	TaskSetPriority     Key = "task.set_priority"
	TaskSetAssignee     Key = "task.set_assignee"
	TaskSetDeadline     Key = "task.set_deadline"
	TaskCancel          Key = "task.cancel"
	TaskSaved           Key = "task.saved"
	TaskCreated         Key = "task.created"
	TaskNoSuchUser      Key = "task.no_such_user"
	TaskNotUnderstood   Key = "task.not_understood"
	TaskQuickHelp       Key = "task.quick_help"
	DraftAskTitle       Key = "draft.ask_title"
	DraftAskPriority    Key = "draft.ask_priority"
	DraftAskAssignee    Key = "draft.ask_assignee"
	DraftAskDeadline    Key = "draft.ask_deadline"
	DraftAskConfirm     Key = "draft.ask_confirm"
	DraftSummary        Key = "draft.summary"
	DraftCreate         Key = "draft.create"
	DraftCancel         Key = "draft.cancel"
	DraftCancelled      Key = "draft.cancelled"
	NoticeAssigned      Key = "notice.assigned"
	NoticeChanged       Key = "notice.changed"
	NoticeReminder      Key = "notice.reminder"
	NoticeOverdue       Key = "notice.overdue"
	ChangedStatus       Key = "changed.status"
	ChangedPriority     Key = "changed.priority"
	ChangedDeadline     Key = "changed.deadline"
	ChangedAssignee     Key = "changed.assignee"
	ChangedTitle        Key = "changed.title"
	SnoozeHour          Key = "snooze.hour"
	SnoozeTomorrow      Key = "snooze.tomorrow"
	Snoozed             Key = "snooze.done"
	TaskHistory         Key = "task.history"
	TaskHistoryCreated  Key = "task.history_created"
	TaskHistoryAssignee Key = "task.history_assignee"

	// The deadline presets' buttons (domain.DeadlinePresets).
	DeadlineToday    Key = "deadline.td"
	DeadlineTomorrow Key = "deadline.tm"
	DeadlineIn3Days  Key = "deadline.3d"
	DeadlineInAWeek  Key = "deadline.wk"
	DeadlineNone     Key = "deadline.no"
)

func init() {
	plurals = append(plurals, TasksCount)
	// The quick-add parser's problems, under their keys in quickadd.go.
	for lang, texts := range quickadd.Texts {
		add := map[Key]string{}
		for code, text := range texts {
			add[ProblemName(code)] = text
		}
		merge(catalogs[domain.Lang(lang)], add)
	}
	merge(ru, map[Key]string{
		TaskListOpen:             "Список задач",
		TaskListActive:           "Активные",
		TaskListEmpty:            "Здесь пока пусто.",
		TasksCount:               "%s задача|%s задачи|%s задач",
		TaskNew:                  "➕ Новая задача",
		TaskOpen:                 "Открыть задачу",
		TaskBack:                 "Назад",
		TaskCard:                 "Статус: <b>%s</b>\nПриоритет: %s\nИсполнитель: %s\nСрок: %s\nБездействие: %s\nСоздана: %s · №%d",
		TaskSetStatus:            "Статус",
		TaskSetPriority:          "Приоритет",
		TaskSetAssignee:          "Исполнитель",
		TaskSetDeadline:          "Срок",
		TaskCancel:               "Отменить задачу",
		TaskSaved:                "Сохранено",
		TaskCreated:              "✅ Задача создана.",
		TaskNoSuchUser:           "не нашёл в команде пользователя «%s»",
		TaskNotUnderstood:        "Задача не создана:",
		TaskQuickHelp:            "Пример: <code>/task Подготовить презентацию !high @ivan завтра 18:00</code>\nИли отправьте /task без текста — и выберите всё кнопками.",
		DraftAskTitle:            "Что нужно сделать? Напишите задачу одним сообщением.",
		DraftAskPriority:         "Какой приоритет?",
		DraftAskAssignee:         "Кто выполняет?",
		DraftAskDeadline:         "Какой срок?",
		DraftAskConfirm:          "Всё верно?",
		DraftSummary:             "<b>Новая задача</b>\n%s\nПриоритет: %s\nИсполнитель: %s\nСрок: %s",
		DraftCreate:              "Создать",
		DraftCancel:              "Отмена",
		DraftCancelled:           "Создание задачи отменено, ничего не сохранено.",
		NoticeAssigned:           "📌 Вам назначена задача %s (от %s).",
		NoticeChanged:            "✏️ Задачу %s изменил(а) %s:",
		NoticeReminder:           "⏰ Напоминание о задаче %s.",
		NoticeOverdue:            "⚠️ Срок задачи %s прошёл.",
		ChangedStatus:            "статус: %s",
		ChangedPriority:          "приоритет: %s",
		ChangedDeadline:          "срок: %s",
		ChangedAssignee:          "исполнитель: вы",
		ChangedTitle:             "название: %s",
		SnoozeHour:               "⏰ Через час",
		SnoozeTomorrow:           "🌅 Завтра утром",
		Snoozed:                  "Напомню %s",
		TaskHistory:              "История:",
		TaskHistoryCreated:       "создана",
		TaskHistoryAssignee:      "сменён исполнитель",
		DeadlineToday:            "Сегодня",
		DeadlineTomorrow:         "Завтра",
		DeadlineIn3Days:          "Через 3 дня",
		DeadlineInAWeek:          "Через неделю",
		DeadlineNone:             "Без срока",
		"err.task_title_empty":   "У задачи нет названия: напишите, что нужно сделать.",
		"err.task_title_long":    "Название длиннее 200 символов: сократите его, подробности можно добавить позже.",
		"err.task_bad_priority":  "Такого приоритета нет: высокий, средний или низкий.",
		"err.task_bad_status":    "Такого статуса нет.",
		"err.task_past_deadline": "Срок уже прошёл: выберите время в будущем.",
		"err.not_in_team":        "Этот человек не в команде: задачу можно дать только одобренному пользователю.",
	})
	merge(en, map[Key]string{
		TaskListOpen:             "Task list",
		TaskListActive:           "Active",
		TaskListEmpty:            "Nothing here yet.",
		TasksCount:               "%s task|%s tasks",
		TaskNew:                  "➕ New task",
		TaskOpen:                 "Open the task",
		TaskBack:                 "Back",
		TaskCard:                 "Status: <b>%s</b>\nPriority: %s\nAssignee: %s\nDeadline: %s\nIdle: %s\nCreated: %s · #%d",
		TaskSetStatus:            "Status",
		TaskSetPriority:          "Priority",
		TaskSetAssignee:          "Assignee",
		TaskSetDeadline:          "Deadline",
		TaskCancel:               "Cancel the task",
		TaskSaved:                "Saved",
		TaskCreated:              "✅ Task created.",
		TaskNoSuchUser:           "no user “%s” in the team",
		TaskNotUnderstood:        "The task was not created:",
		TaskQuickHelp:            "Example: <code>/task Prepare the presentation !high @ivan tomorrow 18:00</code>\nOr send /task alone and choose everything with buttons.",
		DraftAskTitle:            "What needs to be done? Write the task in one message.",
		DraftAskPriority:         "Which priority?",
		DraftAskAssignee:         "Who will do it?",
		DraftAskDeadline:         "What is the deadline?",
		DraftAskConfirm:          "Is everything right?",
		DraftSummary:             "<b>New task</b>\n%s\nPriority: %s\nAssignee: %s\nDeadline: %s",
		DraftCreate:              "Create",
		DraftCancel:              "Cancel",
		DraftCancelled:           "Task creation cancelled; nothing was saved.",
		NoticeAssigned:           "📌 You have a new task %s (from %s).",
		NoticeChanged:            "✏️ %s was changed by %s:",
		NoticeReminder:           "⏰ A reminder about %s.",
		NoticeOverdue:            "⚠️ The deadline of %s has passed.",
		ChangedStatus:            "status: %s",
		ChangedPriority:          "priority: %s",
		ChangedDeadline:          "deadline: %s",
		ChangedAssignee:          "assignee: you",
		ChangedTitle:             "title: %s",
		SnoozeHour:               "⏰ In an hour",
		SnoozeTomorrow:           "🌅 Tomorrow morning",
		Snoozed:                  "I will remind you at %s",
		TaskHistory:              "History:",
		TaskHistoryCreated:       "created",
		TaskHistoryAssignee:      "assignee changed",
		DeadlineToday:            "Today",
		DeadlineTomorrow:         "Tomorrow",
		DeadlineIn3Days:          "In 3 days",
		DeadlineInAWeek:          "In a week",
		DeadlineNone:             "No deadline",
		"err.task_title_empty":   "The task has no title: write what needs to be done.",
		"err.task_title_long":    "The title is longer than 200 characters: shorten it; details can come later.",
		"err.task_bad_priority":  "No such priority: high, medium or low.",
		"err.task_bad_status":    "No such status.",
		"err.task_past_deadline": "That deadline has passed: choose a time in the future.",
		"err.not_in_team":        "This person is not in the team: tasks go to approved users only.",
	})
}
