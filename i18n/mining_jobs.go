package i18n

// Keys of the import job of an event log sent to the bot.
const (
	ImportQueued             Key = "import.queued"
	ImportJobFailed          Key = "import.job_failed"
	ImportBadProcessName     Key = "import.bad_process_name"
	ImportStageReading       Key = "import.stage.reading"
	ImportStageStoring       Key = "import.stage.storing"
	ImportStageRecomputeWait Key = "import.stage.recompute_wait"
	ImportStageRecomputing   Key = "import.stage.recomputing"
	ImportStoredNoSummary    Key = "import.stored_no_summary"
)

func init() {
	merge(ru, map[Key]string{
		ImportQueued:             "Импорт запущен",
		ImportJobFailed:          "Импорт не удался, ничего не сохранено. Пришлите файл ещё раз чуть позже.",
		ImportBadProcessName:     "Имя процесса пустое или длиннее 200 символов, ничего не сохранено: переименуйте файл или колонку процесса.",
		ImportStageReading:       "Импортирую «%s»: чтение — прочитано строк: %s из ≈%s (%s)",
		ImportStageStoring:       "Импортирую «%s»: сохраняю %s строк…",
		ImportStageRecomputeWait: "«%s» сохранён. Пересчитываю процессы…",
		ImportStageRecomputing:   "«%s» сохранён. Пересчёт: %d из %d процессов",
		ImportStoredNoSummary:    "<b>Импортировано: %s</b> (новых событий: %s). Показатели появятся после пересчёта.",
	})
	merge(en, map[Key]string{
		ImportQueued:             "Import started",
		ImportJobFailed:          "The import failed; nothing was stored. Please send the file again a little later.",
		ImportBadProcessName:     "The process name is empty or longer than 200 characters; nothing was stored: rename the file or the process column.",
		ImportStageReading:       "Importing “%s”: reading — rows read: %s of about %s (%s)",
		ImportStageStoring:       "Importing “%s”: storing %s rows…",
		ImportStageRecomputeWait: "“%s” stored. Recomputing the processes…",
		ImportStageRecomputing:   "“%s” stored. Recompute: %d of %d processes",
		ImportStoredNoSummary:    "<b>Imported: %s</b> (new events: %s). The figures appear after the recompute.",
	})
}
