package i18n

// Keys of a process's variants and activities screens, the activity card
// and a manager's standard times and shares.
const (
	MiningVariantsButton Key = "mining.variants_button"
	MiningActsButton     Key = "mining.acts_button"
	MiningBackToProcess  Key = "mining.back_to_process"
	MiningBackToActs     Key = "mining.back_to_acts"

	MiningVariantsTitle Key = "mining.variants_title"
	MiningVariantsShown Key = "mining.variants_shown"
	MiningVariantsNone  Key = "mining.variants_none"
	MiningVariantSteps  Key = "mining.variant_steps"
	MiningVariantSkip   Key = "mining.variant_skip"
	MiningSecondsPart   Key = "mining.seconds_part"

	MiningActsTitle   Key = "mining.acts_title"
	MiningActsColumns Key = "mining.acts_columns"
	MiningActsLine    Key = "mining.acts_line"
	MiningActsNone    Key = "mining.acts_none"
	MiningActsHint    Key = "mining.acts_hint"

	MiningActTitle     Key = "mining.act_title"
	MiningActCounts    Key = "mining.act_counts"
	MiningActService   Key = "mining.act_service"
	MiningActHours     Key = "mining.act_hours"
	MiningActShare     Key = "mining.act_share"
	MiningActPotential Key = "mining.act_potential"
	MiningActGone      Key = "mining.act_gone"

	MiningSourceMeasured  Key = "mining.source.measured"
	MiningSourceEstimated Key = "mining.source.estimated"
	MiningSourceStandard  Key = "mining.source.standard"
	MiningSourceRules     Key = "mining.source.rules"
	MiningSourceManager   Key = "mining.source.manager"

	MiningAboutMeasured  Key = "mining.about.measured"
	MiningAboutEstimated Key = "mining.about.estimated"
	MiningAboutStandard  Key = "mining.about.standard"
	MiningAboutRules     Key = "mining.about.rules"
	MiningAboutManager   Key = "mining.about.manager"

	MiningSetTime    Key = "mining.set_time"
	MiningSetShare   Key = "mining.set_share"
	MiningResetTime  Key = "mining.reset_time"
	MiningResetShare Key = "mining.reset_share"
	MiningAskTime    Key = "mining.ask_time"
	MiningAskShare   Key = "mining.ask_share"
	MiningBadTime    Key = "mining.bad_time"
	MiningBadShare   Key = "mining.bad_share"
	MiningTimeSet    Key = "mining.time_set"
	MiningShareSet   Key = "mining.share_set"
	MiningTimeReset  Key = "mining.time_reset"
	MiningShareReset Key = "mining.share_reset"
	MiningRecomputed Key = "mining.recomputed"
	MiningQueued     Key = "mining.queued"
)

func init() {
	merge(ru, map[Key]string{
		MiningVariantsButton: "📊 Варианты",
		MiningActsButton:     "⚙️ Действия",
		MiningBackToProcess:  "◀ К процессу",
		MiningBackToActs:     "◀ К действиям",

		MiningVariantsTitle: "<b>%s · варианты</b> (%s)",
		MiningVariantsShown: "<i>Показаны %s самых частых из %s.</i>",
		MiningVariantsNone:  "Вариантов нет: у процесса нет рассчитанных случаев.",
		MiningVariantSteps:  "шагов: %s",
		MiningVariantSkip:   "… ещё %s …",
		MiningSecondsPart:   "%d\u00a0с",

		MiningActsTitle:   "<b>%s · действия</b> (%s)",
		MiningActsColumns: "<i>в год · среднее время (источник) · ч/год · автоматизируемо (источник) · потенциал</i>",
		MiningActsLine:    "<b>%s</b>\n    %s · %s (%s) · %s ч · %s (%s) · %s ч",
		MiningActsNone:    "Действий нет: у процесса нет рассчитанных событий.",
		MiningActsHint:    "Номер открывает действие: там норма времени и доля автоматизации.",

		MiningActTitle:     "<b>%s</b>\nПроцесс: %s",
		MiningActCounts:    "Выполнений: %s (%s в год) · в случаях: %s из %s · с повторами: %s",
		MiningActService:   "Среднее время выполнения: %s — %s",
		MiningActHours:     "Часов в год: %s",
		MiningActShare:     "Доля автоматизации: %s — %s",
		MiningActPotential: "Потенциал: %s ч в год",
		MiningActGone:      "Этого действия больше нет в процессе.",

		MiningSourceMeasured:  "измерено",
		MiningSourceEstimated: "оценка",
		MiningSourceStandard:  "норма",
		MiningSourceRules:     "правила",
		MiningSourceManager:   "руководитель",

		MiningAboutMeasured:  "измерено по журналу (начало и окончание)",
		MiningAboutEstimated: "оценка по журналу: время от предыдущего события случая, не больше часа",
		MiningAboutStandard:  "норма руководителя",
		MiningAboutRules:     "по правилам (название, частота, повторяемость, стабильность времени)",
		MiningAboutManager:   "задана руководителем",

		MiningSetTime:    "⏱ Норма времени",
		MiningSetShare:   "🤖 Доля автоматизации",
		MiningResetTime:  "↩ Сбросить норму",
		MiningResetShare: "↩ Сбросить долю",
		MiningAskTime: "⏱ <b>Норма времени</b> для «%s»\nСейчас: %s (%s).\n\n" +
			"Напишите время одного выполнения: например, <code>5 мин</code>, <code>1,5 ч</code>, " +
			"<code>90 с</code> или <code>1:30</code> (минуты:секунды). Число без единиц — минуты. Норма заменяет время из журнала.",
		MiningAskShare: "🤖 <b>Доля автоматизации</b> для «%s»\nСейчас: %s (%s).\n\n" +
			"Напишите, какую долю времени этого действия можно автоматизировать: например, " +
			"<code>60 %%</code>, <code>0,6</code> или <code>60</code>. Доля заменяет оценку по правилам.",
		MiningBadTime: "Не понял время «%s». Напишите, например, <code>5 мин</code>, <code>1,5 ч</code>, " +
			"<code>90 с</code> или <code>1:30</code>; не больше 24 ч.",
		MiningBadShare: "Не понял долю «%s». Напишите от 0 до 100 %%: например, <code>60 %%</code>, " +
			"<code>0,6</code> или <code>60</code>.",
		MiningTimeSet:    "✅ Норма времени для «%s»: %s.",
		MiningShareSet:   "✅ Доля автоматизации для «%s»: %s.",
		MiningTimeReset:  "Норма сброшена: время снова из журнала",
		MiningShareReset: "Доля сброшена: снова по правилам",
		MiningRecomputed: "Процесс пересчитан.",
		MiningQueued:     "Сохранено. Цифры обновятся, когда закончится идущий пересчёт.",
	})
	merge(en, map[Key]string{
		MiningVariantsButton: "📊 Variants",
		MiningActsButton:     "⚙️ Activities",
		MiningBackToProcess:  "◀ To the process",
		MiningBackToActs:     "◀ To the activities",

		MiningVariantsTitle: "<b>%s · variants</b> (%s)",
		MiningVariantsShown: "<i>The %s most frequent of %s are shown.</i>",
		MiningVariantsNone:  "No variants: the process has no computed cases.",
		MiningVariantSteps:  "steps: %s",
		MiningVariantSkip:   "… %s more …",
		MiningSecondsPart:   "%ds",

		MiningActsTitle:   "<b>%s · activities</b> (%s)",
		MiningActsColumns: "<i>per year · mean time (source) · h/year · automatable (source) · potential</i>",
		MiningActsLine:    "<b>%s</b>\n    %s · %s (%s) · %s h · %s (%s) · %s h",
		MiningActsNone:    "No activities: the process has no computed events.",
		MiningActsHint:    "A number opens the activity, with its standard time and automatable share.",

		MiningActTitle:     "<b>%s</b>\nProcess: %s",
		MiningActCounts:    "Executions: %s (%s per year) · in cases: %s of %s · with rework: %s",
		MiningActService:   "Mean service time: %s — %s",
		MiningActHours:     "Hours per year: %s",
		MiningActShare:     "Automatable share: %s — %s",
		MiningActPotential: "Potential: %s h per year",
		MiningActGone:      "This activity is no longer in the process.",

		MiningSourceMeasured:  "measured",
		MiningSourceEstimated: "estimated",
		MiningSourceStandard:  "standard",
		MiningSourceRules:     "rule",
		MiningSourceManager:   "manager",

		MiningAboutMeasured:  "measured in the log (start and end)",
		MiningAboutEstimated: "estimated from the log: the time since the case's previous event, at most an hour",
		MiningAboutStandard:  "a manager's standard",
		MiningAboutRules:     "by the rules (name, frequency, repetition, steadiness of time)",
		MiningAboutManager:   "set by a manager",

		MiningSetTime:    "⏱ Standard time",
		MiningSetShare:   "🤖 Automatable share",
		MiningResetTime:  "↩ Reset time",
		MiningResetShare: "↩ Reset share",
		MiningAskTime: "⏱ <b>Standard time</b> of “%s”\nNow: %s (%s).\n\n" +
			"Type the time of one execution: for example <code>5 min</code>, <code>1.5 h</code>, " +
			"<code>90 s</code> or <code>1:30</code> (minutes:seconds). A bare number is minutes. The standard replaces the log's time.",
		MiningAskShare: "🤖 <b>Automatable share</b> of “%s”\nNow: %s (%s).\n\n" +
			"Type the share of this activity's time that automation can take: for example " +
			"<code>60 %%</code>, <code>0.6</code> or <code>60</code>. It replaces the rules' estimate.",
		MiningBadTime: "I did not understand the time “%s”. Type, for example, <code>5 min</code>, <code>1.5 h</code>, " +
			"<code>90 s</code> or <code>1:30</code>; at most 24 h.",
		MiningBadShare: "I did not understand the share “%s”. Type 0 to 100 %%: for example <code>60 %%</code>, " +
			"<code>0.6</code> or <code>60</code>.",
		MiningTimeSet:    "✅ Standard time of “%s”: %s.",
		MiningShareSet:   "✅ Automatable share of “%s”: %s.",
		MiningTimeReset:  "Standard time reset: the log's time again",
		MiningShareReset: "Share reset: the rules again",
		MiningRecomputed: "The process is recomputed.",
		MiningQueued:     "Saved. The figures update when the recompute under way ends.",
	})
}
