package i18n

// Keys of the Task Mining process map: its picture's caption and
// buttons, the text view without Graphviz, and its line in /status.
const (
	MiningMapButton       Key = "mining.map.button"
	MiningMapMore         Key = "mining.map.more"
	MiningMapLess         Key = "mining.map.less"
	MiningMapFrequency    Key = "mining.map.frequency"
	MiningMapDurations    Key = "mining.map.durations"
	MiningMapBack         Key = "mining.map.back"
	MiningMapHeader       Key = "mining.map.header"
	MiningMapViewFreq     Key = "mining.map.view_frequency"
	MiningMapViewDur      Key = "mining.map.view_durations"
	MiningMapShown        Key = "mining.map.shown"
	MiningMapLegendFreq   Key = "mining.map.legend_frequency"
	MiningMapLegendDur    Key = "mining.map.legend_durations"
	MiningMapStart        Key = "mining.map.start"
	MiningMapEnd          Key = "mining.map.end"
	MiningMapEmpty        Key = "mining.map.empty"
	MiningMapNoGraphviz   Key = "mining.map.no_graphviz"
	MiningMapAdminNote    Key = "mining.map.admin_note"
	MiningMapAskAdmin     Key = "mining.map.ask_admin"
	MiningMapDrawFailed   Key = "mining.map.draw_failed"
	MiningMapMainPath     Key = "mining.map.main_path"
	MiningMapTopEdges     Key = "mining.map.top_edges"
	MiningMapEdgeFreq     Key = "mining.map.edge_frequency" // plural
	MiningMapEdgeDur      Key = "mining.map.edge_durations" // plural
	StatusGraphvizOK      Key = "status.graphviz_ok"
	StatusGraphvizMissing Key = "status.graphviz_missing"
)

func init() {
	plurals = append(plurals, MiningMapEdgeFreq, MiningMapEdgeDur)
	merge(ru, map[Key]string{
		MiningMapButton:     "🗺 Карта процесса",
		MiningMapMore:       "➕ Больше деталей",
		MiningMapLess:       "➖ Меньше деталей",
		MiningMapFrequency:  "🔢 Частоты",
		MiningMapDurations:  "⏱ Длительности",
		MiningMapBack:       "◀ К процессу",
		MiningMapHeader:     "Карта процесса · %s · детали %d из %d",
		MiningMapViewFreq:   "частоты",
		MiningMapViewDur:    "длительности",
		MiningMapShown:      "Показано действий: %s из %s · переходов: %s из %s",
		MiningMapLegendFreq: "На действиях — сколько раз они выполнены, на стрелках — сколько раз за одним действием шло другое; чем толще стрелка, тем чаще переход.",
		MiningMapLegendDur:  "На действиях — среднее время выполнения, на стрелках — среднее время от конца одного действия до начала следующего; чем толще стрелка, тем чаще переход.",
		MiningMapStart:      "Начало",
		MiningMapEnd:        "Конец",
		MiningMapEmpty:      "В журнале процесса нет переходов между действиями: карту строить не из чего.",
		MiningMapNoGraphviz: "⚠️ Картинку карты нарисовать нельзя: на сервере не установлен Graphviz (программа <code>dot</code>). Ниже — главные пути текстом.",
		MiningMapAdminNote:  "Администратору: установите пакет graphviz (<code>apt-get install graphviz fonts-dejavu-core</code>) — карта появится без перезапуска бота.",
		MiningMapAskAdmin:   "Чтобы видеть карту картинкой, попросите администратора установить Graphviz.",
		MiningMapDrawFailed: "⚠️ Картинку карты нарисовать не удалось. Ниже — главные пути текстом; попробуйте позже или уменьшите детали.",
		MiningMapMainPath:   "<b>Основной путь</b> (самые частые переходы)",
		MiningMapTopEdges:   "<b>Частые переходы</b>",
		MiningMapEdgeFreq:   "• %[2]s → %[3]s: %[1]s раз|• %[2]s → %[3]s: %[1]s раза|• %[2]s → %[3]s: %[1]s раз",
		MiningMapEdgeDur:    "• %[2]s → %[3]s: %[4]s (%[1]s раз)|• %[2]s → %[3]s: %[4]s (%[1]s раза)|• %[2]s → %[3]s: %[4]s (%[1]s раз)",

		StatusGraphvizOK:      "Карты процессов: Graphviz (<code>%s</code>)",
		StatusGraphvizMissing: "⚠️ Карты процессов: Graphviz не установлен (<code>%s</code> не найден), карты показываются текстом. Установите пакет graphviz.",
	})
	merge(en, map[Key]string{
		MiningMapButton:     "🗺 Process map",
		MiningMapMore:       "➕ More detail",
		MiningMapLess:       "➖ Less detail",
		MiningMapFrequency:  "🔢 Frequencies",
		MiningMapDurations:  "⏱ Durations",
		MiningMapBack:       "◀ To the process",
		MiningMapHeader:     "Process map · %s · detail %d of %d",
		MiningMapViewFreq:   "frequencies",
		MiningMapViewDur:    "durations",
		MiningMapShown:      "Shown: %s of %s activities · %s of %s paths",
		MiningMapLegendFreq: "Activities show how often they ran, arrows how often one activity directly followed another; the thicker the arrow, the more frequent the path.",
		MiningMapLegendDur:  "Activities show their mean service time, arrows the mean time from the end of one activity to the start of the next; the thicker the arrow, the more frequent the path.",
		MiningMapStart:      "Start",
		MiningMapEnd:        "End",
		MiningMapEmpty:      "The process's log has no paths between activities: there is no map to draw.",
		MiningMapNoGraphviz: "⚠️ The map picture cannot be drawn: Graphviz (the <code>dot</code> program) is not installed on the server. The main paths follow as text.",
		MiningMapAdminNote:  "For the administrator: install the graphviz package (<code>apt-get install graphviz fonts-dejavu-core</code>); the map appears without restarting the bot.",
		MiningMapAskAdmin:   "To see the map as a picture, ask the administrator to install Graphviz.",
		MiningMapDrawFailed: "⚠️ The map picture could not be drawn. The main paths follow as text; try again later or with less detail.",
		MiningMapMainPath:   "<b>Main path</b> (the most frequent steps)",
		MiningMapTopEdges:   "<b>Frequent paths</b>",
		MiningMapEdgeFreq:   "• %[2]s → %[3]s: %[1]s time|• %[2]s → %[3]s: %[1]s times",
		MiningMapEdgeDur:    "• %[2]s → %[3]s: %[4]s (%[1]s time)|• %[2]s → %[3]s: %[4]s (%[1]s times)",

		StatusGraphvizOK:      "Process maps: Graphviz (<code>%s</code>)",
		StatusGraphvizMissing: "⚠️ Process maps: Graphviz is not installed (<code>%s</code> not found), maps are shown as text. Install the graphviz package.",
	})
}
