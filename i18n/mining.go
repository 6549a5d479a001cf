package i18n

// Keys of the Task Mining area: its dashboard and its lines.
const (
	MiningOperations  Key = "mining.operations"
	MiningHours       Key = "mining.hours"
	MiningPotential   Key = "mining.potential"
	MiningProcesses   Key = "mining.processes"
	MiningByProcess   Key = "mining.by_process"
	MiningTopTitle    Key = "mining.top_title"
	MiningNone        Key = "mining.none"
	MiningProcessLine Key = "mining.process_line"
	MiningSummaryLine Key = "mining.summary_line"
	HoursPerYear      Key = "mining.hours_per_year"
	HoursPct          Key = "mining.hours_pct"

	MiningGetData    Key = "mining.get_data"
	MiningRunStarted Key = "mining.run_started"
	MiningRunPrepare Key = "mining.run_prepare"
	MiningRunCompute Key = "mining.run_compute"
	MiningRunDone    Key = "mining.run_done"
	MiningRunFailed  Key = "mining.run_failed"

	MiningExplore      Key = "mining.explore"
	MiningListTitle    Key = "mining.list_title"
	MiningListLine     Key = "mining.list_line"
	MiningListEmpty    Key = "mining.list_empty"
	MiningCardCounts   Key = "mining.card_counts"
	MiningCardPeriod   Key = "mining.card_period"
	MiningCardYear     Key = "mining.card_year"
	MiningCardVariants Key = "mining.card_variants"
	MiningCardVariant  Key = "mining.card_variant"
	MiningCardTime     Key = "mining.card_time"
	MiningCardRework   Key = "mining.card_rework"
	MiningCardActs     Key = "mining.card_acts"
	MiningCardAct      Key = "mining.card_act"
	MiningCardComputed Key = "mining.card_computed"
	MiningSeconds      Key = "mining.seconds"
)

func init() {
	merge(ru, map[Key]string{
		MiningOperations:  "Операций в год",
		MiningHours:       "Часов в год",
		MiningPotential:   "Потенциал",
		MiningProcesses:   "Процессов",
		MiningByProcess:   "Часы в год по процессам",
		MiningTopTitle:    "Процессы с наибольшими затратами:",
		MiningNone:        "Данных Task Mining пока нет.",
		MiningProcessLine: "%s ч/год, потенциал %s (%s ч)",
		MiningSummaryLine: "Операций в год: %s · часов в год: %s · потенциал: %s",
		HoursPerYear:      "%s ч/год",
		HoursPct:          "%s ч · %s",

		MiningGetData:    "📥 Получить данные",
		MiningRunStarted: "Пересчёт запущен",
		MiningRunPrepare: "⏳ <b>Получение данных Task Mining</b>\nЭтап: чтение новых файлов из папки и подготовка…",
		MiningRunCompute: "⏳ <b>Получение данных Task Mining</b>\nЭтап: расчёт процессов — %d из %d (%s)",
		MiningRunDone:    "✅ <b>Данные Task Mining обновлены</b>\nРассчитано процессов: %d.",
		MiningRunFailed:  "⚠️ Получить данные не удалось: пересчитано процессов %d из %d. Попробуйте ещё раз позже.",

		MiningExplore:      "🔍 Исследовать",
		MiningListTitle:    "<b>Task Mining · процессы по потенциалу</b> (%s)",
		MiningListLine:     "<b>%s</b>\n    %s оп./год · %s ч/год · потенциал %s ч (%s)",
		MiningListEmpty:    "Рассчитанных процессов пока нет: загрузите журнал событий и нажмите «Получить данные».",
		MiningCardCounts:   "Случаев: %s · событий: %s · действий: %s · вариантов: %s",
		MiningCardPeriod:   "Журнал: %s — %s",
		MiningCardYear:     "В год: %s операций · %s ч (%s FTE) · потенциал %s ч (%s)",
		MiningCardVariants: "<b>Основные варианты</b>",
		MiningCardVariant:  "вариант %[2]d: %[1]s случай · %[3]s|вариант %[2]d: %[1]s случая · %[3]s|вариант %[2]d: %[1]s случаев · %[3]s",
		MiningCardTime:     "Время прохождения: медиана %s · среднее %s",
		MiningCardRework:   "Случаев с повторами: %s",
		MiningCardActs:     "<b>Действия</b> (в год · среднее время · ч/год · автоматизируемо · потенциал)",
		MiningCardAct:      "• %s: %s раз · %s · %s ч · %s · %s ч",
		MiningCardComputed: "Рассчитано %s",
		MiningSeconds:      "%s с",
	})
	merge(en, map[Key]string{
		MiningOperations:  "Operations per year",
		MiningHours:       "Hours per year",
		MiningPotential:   "Potential",
		MiningProcesses:   "Processes",
		MiningByProcess:   "Hours per year by process",
		MiningTopTitle:    "Processes that cost the most:",
		MiningNone:        "No Task Mining data yet.",
		MiningProcessLine: "%s h/year, potential %s (%s h)",
		MiningSummaryLine: "Operations per year: %s · hours per year: %s · potential: %s",
		HoursPerYear:      "%s h/year",
		HoursPct:          "%s h · %s",

		MiningGetData:    "📥 Get data",
		MiningRunStarted: "Recompute started",
		MiningRunPrepare: "⏳ <b>Getting Task Mining data</b>\nStage: reading new files from the folder and preparing…",
		MiningRunCompute: "⏳ <b>Getting Task Mining data</b>\nStage: computing processes — %d of %d (%s)",
		MiningRunDone:    "✅ <b>Task Mining data updated</b>\nProcesses computed: %d.",
		MiningRunFailed:  "⚠️ Getting the data failed: %d of %d processes recomputed. Please try again later.",

		MiningExplore:      "🔍 Explore",
		MiningListTitle:    "<b>Task Mining · processes by potential</b> (%s)",
		MiningListLine:     "<b>%s</b>\n    %s ops/year · %s h/year · potential %s h (%s)",
		MiningListEmpty:    "No computed processes yet: upload an event log and press “Get data”.",
		MiningCardCounts:   "Cases: %s · events: %s · activities: %s · variants: %s",
		MiningCardPeriod:   "Log: %s — %s",
		MiningCardYear:     "Per year: %s operations · %s h (%s FTE) · potential %s h (%s)",
		MiningCardVariants: "<b>Top variants</b>",
		MiningCardVariant:  "variant %[2]d: %[1]s case · %[3]s|variant %[2]d: %[1]s cases · %[3]s",
		MiningCardTime:     "Throughput time: median %s · mean %s",
		MiningCardRework:   "Cases with rework: %s",
		MiningCardActs:     "<b>Activities</b> (per year · mean time · h/year · automatable · potential)",
		MiningCardAct:      "• %s: %s times · %s · %s h · %s · %s h",
		MiningCardComputed: "Computed %s",
		MiningSeconds:      "%s s",
	})
}
