package i18n

// Keys of importing an event log sent to the bot as a document.
const (
	ImportTooBig       Key = "import.too_big"
	ImportManagersOnly Key = "import.managers_only"
	ImportNotALog      Key = "import.not_a_log"
	ImportDownloadFail Key = "import.download_failed"
	ImportConfirm      Key = "import.confirm"
	ImportColumn       Key = "import.column"
	ImportNoColumn     Key = "import.no_column"
	ImportSample       Key = "import.sample"
	ImportButton       Key = "import.button"
	ImportCancel       Key = "import.cancel"
	ImportCancelled    Key = "import.cancelled"
	ImportGone         Key = "import.gone"
	ImportRunning      Key = "import.running"
	ImportProgress     Key = "import.progress"
	ImportDone         Key = "import.done"
	ImportDuplicate    Key = "import.duplicate"
	ImportBadRows      Key = "import.bad_rows"
	ImportBadRow       Key = "import.bad_row"
	ImportBadRowsMore  Key = "import.bad_rows_more"
	ImportMissing      Key = "import.missing"
	ImportFailed       Key = "import.failed"
	ImportRoleCase     Key = "import.role.case"
	ImportRoleActivity Key = "import.role.activity"
	ImportRoleEnd      Key = "import.role.end"
	ImportRoleStart    Key = "import.role.start"
	ImportRoleResource Key = "import.role.resource"
	ImportRoleProcess  Key = "import.role.process"
	ImportRoleLife     Key = "import.role.lifecycle"
	ImportErrTimestamp Key = "import.err.timestamp"
	ImportErrEmpty     Key = "import.err.empty"
	ImportErrShort     Key = "import.err.short"
	ImportErrSyntax    Key = "import.err.syntax"
)

func init() {
	merge(ru, map[Key]string{
		ImportTooBig: "Файл весит %s МБ, а Telegram отдаёт ботам файлы не больше 20 МБ.\n" +
			"Другие пути: <code>processet import ФАЙЛ</code> на сервере (без ограничения размера), " +
			"папка для журналов (MINING_DIR), которую читает «Получить данные», " +
			"или локальный сервер Bot API, который снимает ограничение.",
		ImportManagersOnly: "Журналы событий импортируют только руководители.",
		ImportNotALog:      "Это не журнал событий, который я читаю: нужен CSV, XES, .gz или .zip с одним из них. Таблицу Excel сохраните как CSV.",
		ImportDownloadFail: "Не удалось скачать файл из Telegram, пришлите его ещё раз.",
		ImportConfirm:      "<b>Импорт журнала событий</b>\nФайл: %s\nФормат: %s\nПроцесс: <b>%s</b>\n\n<b>Колонки</b>\n%s\n<b>Первые строки</b>\n%s",
		ImportColumn:       "%s: «%s»",
		ImportNoColumn:     "%s: —",
		ImportSample:       "%d. %s",
		ImportButton:       "Импортировать",
		ImportCancel:       "Отмена",
		ImportCancelled:    "Импорт отменён, ничего не сохранено.",
		ImportGone:         "Этот файл уже не ждёт импорта: пришлите его ещё раз.",
		ImportRunning:      "Импортирую «%s»…",
		ImportProgress:     "Импортирую «%s»: прочитано строк: %s",
		ImportDone:         "<b>Импортировано: %s</b>\nСлучаев: %s\nСобытий: %s (новых: %s)\nДействий: %s\nВариантов: %s\nПериод: %s — %s",
		ImportDuplicate:    "Этот файл уже импортирован в «%s»: ничего не добавлено.",
		ImportBadRows:      "В файле ошибки, ничего не сохранено:\n%s",
		ImportBadRow:       "строка %s: в колонке «%s» %s: «%s»",
		ImportBadRowsMore:  "…и дальше, чтение остановлено.",
		ImportMissing:      "Не хватает колонок: %s. Назначьте их кнопками и нажмите «Импортировать».",
		ImportFailed:       "Импорт не удался, ничего не сохранено: %s",
		ImportRoleCase:     "Случай",
		ImportRoleActivity: "Операция",
		ImportRoleEnd:      "Окончание",
		ImportRoleStart:    "Начало",
		ImportRoleResource: "Исполнитель",
		ImportRoleProcess:  "Процесс",
		ImportRoleLife:     "Этап",
		ImportErrTimestamp: "не дата",
		ImportErrEmpty:     "пусто",
		ImportErrShort:     "нет значения",
		ImportErrSyntax:    "ошибка CSV",
	})
	merge(en, map[Key]string{
		ImportTooBig: "The file is %s MB, and Telegram lets bots download at most 20 MB.\n" +
			"Other ways in: <code>processet import FILE</code> on the server (no size limit), " +
			"the event log folder (MINING_DIR) that «Get data» reads, " +
			"or a local Bot API server, which lifts the limit.",
		ImportManagersOnly: "Only managers can import event logs.",
		ImportNotALog:      "This is not an event log I can read: send a CSV, an XES, or a .gz or .zip holding one. Save an Excel workbook as CSV.",
		ImportDownloadFail: "Could not download the file from Telegram; please send it again.",
		ImportConfirm:      "<b>Import an event log</b>\nFile: %s\nFormat: %s\nProcess: <b>%s</b>\n\n<b>Columns</b>\n%s\n<b>First rows</b>\n%s",
		ImportColumn:       "%s: “%s”",
		ImportNoColumn:     "%s: —",
		ImportSample:       "%d. %s",
		ImportButton:       "Import",
		ImportCancel:       "Cancel",
		ImportCancelled:    "Import cancelled; nothing was stored.",
		ImportGone:         "This file no longer waits for import: please send it again.",
		ImportRunning:      "Importing “%s”…",
		ImportProgress:     "Importing “%s”: rows read: %s",
		ImportDone:         "<b>Imported: %s</b>\nCases: %s\nEvents: %s (new: %s)\nActivities: %s\nVariants: %s\nPeriod: %s — %s",
		ImportDuplicate:    "This file was already imported into “%s”: nothing added.",
		ImportBadRows:      "The file has errors; nothing was stored:\n%s",
		ImportBadRow:       "line %s: column “%s” %s: “%s”",
		ImportBadRowsMore:  "…and more; reading stopped.",
		ImportMissing:      "Columns missing: %s. Assign them with the buttons and press Import.",
		ImportFailed:       "The import failed; nothing was stored: %s",
		ImportRoleCase:     "Case",
		ImportRoleActivity: "Activity",
		ImportRoleEnd:      "End",
		ImportRoleStart:    "Start",
		ImportRoleResource: "Resource",
		ImportRoleProcess:  "Process",
		ImportRoleLife:     "Lifecycle",
		ImportErrTimestamp: "is not a date",
		ImportErrEmpty:     "is empty",
		ImportErrShort:     "has no value",
		ImportErrSyntax:    "is bad CSV",
	})
}
