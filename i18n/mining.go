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
)

func init() {
	merge(ru, map[Key]string{
		MiningOperations:  "Операций в год",
		MiningHours:       "Часов в год",
		MiningPotential:   "Потенциал оптимизации",
		MiningProcesses:   "Процессов",
		MiningByProcess:   "Часы в год по процессам",
		MiningTopTitle:    "Процессы с наибольшими затратами:",
		MiningNone:        "Данных Task Mining пока нет.",
		MiningProcessLine: "%s ч/год, потенциал %s (%s ч)",
		MiningSummaryLine: "Операций в год: %s · часов в год: %s · потенциал: %s",
		HoursPerYear:      "%s ч/год",
		HoursPct:          "%s ч · %s",
	})
	merge(en, map[Key]string{
		MiningOperations:  "Operations per year",
		MiningHours:       "Hours per year",
		MiningPotential:   "Optimisation potential",
		MiningProcesses:   "Processes",
		MiningByProcess:   "Hours per year by process",
		MiningTopTitle:    "Processes that cost the most:",
		MiningNone:        "No Task Mining data yet.",
		MiningProcessLine: "%s h/year, potential %s (%s h)",
		MiningSummaryLine: "Operations per year: %s · hours per year: %s · potential: %s",
		HoursPerYear:      "%s h/year",
		HoursPct:          "%s h · %s",
	})
}
