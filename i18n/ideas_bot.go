package i18n

import "processet/domain"

// Keys of the ideas area's chat side: the dashboard, lists, the card, the
// /idea dialog, votes, decisions, the ideas group and the notices.
const (
	IdeaAcceptRate      Key = "ideabot.accept_rate"
	IdeaDecisionTime    Key = "ideabot.decision_time"
	IdeaMedianNote      Key = "ideabot.median_note"
	IdeaPipelineNote    Key = "ideabot.pipeline_note"
	IdeaPipeline        Key = "ideabot.pipeline"
	IdeaPipelineLine    Key = "ideabot.pipeline_line"
	IdeaHoursShort      Key = "ideabot.hours_short"
	IdeaPerMonth        Key = "ideabot.per_month"
	IdeaSubmittedSeries Key = "ideabot.submitted_series"
	IdeaAcceptedSeries  Key = "ideabot.accepted_series"
	IdeaMonthNames      Key = "ideabot.month_names" // twelve short names split by "|"
	IdeaAnonymous       Key = "ideabot.anonymous"
	IdeaPropose         Key = "ideabot.propose"
	IdeaListByVotes     Key = "ideabot.list_by_votes"
	IdeaListNewest      Key = "ideabot.list_newest"
	IdeaListEmpty       Key = "ideabot.list_empty"
	IdeaMore            Key = "ideabot.more"
	IdeaOpen            Key = "ideabot.open"
	IdeaBack            Key = "ideabot.back"

	IdeaCardStatus       Key = "ideabot.card_status"
	IdeaCardAuthor       Key = "ideabot.card_author"
	IdeaCardProcess      Key = "ideabot.card_process"
	IdeaCardProcessMined Key = "ideabot.card_process_mined"
	IdeaCardHours        Key = "ideabot.card_hours"
	IdeaCardVotes        Key = "ideabot.card_votes"
	IdeaMyVote           Key = "ideabot.my_vote"
	IdeaCardTask         Key = "ideabot.card_task"
	IdeaCardDuplicate    Key = "ideabot.card_duplicate"
	IdeaCardAttachment   Key = "ideabot.card_attachment"
	IdeaCardHistory      Key = "ideabot.card_history"
	IdeaHistoryProposed  Key = "ideabot.history_proposed"
	IdeaCreateTask       Key = "ideabot.create_task"
	IdeaOpenTask         Key = "ideabot.open_task"
	IdeaShowFile         Key = "ideabot.show_file"
	IdeaPostAuthor       Key = "ideabot.post_author"

	IdeaAskTitle        Key = "ideabot.ask_title"
	IdeaAskBody         Key = "ideabot.ask_body"
	IdeaAskProcess      Key = "ideabot.ask_process"
	IdeaAskHours        Key = "ideabot.ask_hours"
	IdeaAskAnonymous    Key = "ideabot.ask_anonymous"
	IdeaSkip            Key = "ideabot.skip"
	IdeaNoProcess       Key = "ideabot.no_process"
	IdeaWithName        Key = "ideabot.with_name"
	IdeaAnonymously     Key = "ideabot.anonymously"
	IdeaBadHoursText    Key = "ideabot.bad_hours"
	IdeaDraftCancelled  Key = "ideabot.draft_cancelled"
	IdeaSaved           Key = "ideabot.saved"
	IdeaGroupHowTo      Key = "ideabot.group_how_to"
	IdeaHowToJoin       Key = "ideabot.how_to_join"
	IdeaVoteCounted     Key = "ideabot.vote_counted"
	IdeaVoteWithdrawn   Key = "ideabot.vote_withdrawn"
	IdeaVoteSwitched    Key = "ideabot.vote_switched"
	IdeaAskReason       Key = "ideabot.ask_reason"
	IdeaAskOriginal     Key = "ideabot.ask_original"
	IdeaBadOriginalText Key = "ideabot.bad_original"
	IdeaDecided         Key = "ideabot.decided"
	IdeaTaskFor         Key = "ideabot.task_for"

	IdeaGroupAdminsOnly Key = "ideabot.group_admins_only"
	IdeaGroupNone       Key = "ideabot.group_none"
	IdeaGroupIs         Key = "ideabot.group_is"
	IdeaGroupIsTrusted  Key = "ideabot.group_is_trusted"
	IdeaGroupElsewhere  Key = "ideabot.group_elsewhere"
	IdeaGroupMake       Key = "ideabot.group_make"
	IdeaGroupTrust      Key = "ideabot.group_trust"
	IdeaGroupSaved      Key = "ideabot.group_saved"

	IdeaNoticeAuthor      Key = "ideabot.notice_author"
	IdeaNoticeVoter       Key = "ideabot.notice_voter"
	IdeaNoticeOriginal    Key = "ideabot.notice_original"
	IdeaNoticeReason      Key = "ideabot.notice_reason"
	IdeaNoticeBy          Key = "ideabot.notice_by"
	IdeaAskImplemented    Key = "ideabot.ask_implemented"
	IdeaYesImplemented    Key = "ideabot.yes_implemented"
	IdeaNotYet            Key = "ideabot.not_yet"
	IdeaMarkedImplemented Key = "ideabot.marked_implemented"
	IdeaNotYetImplemented Key = "ideabot.not_yet_implemented"

	IdeaDigestNews     Key = "ideabot.digest_news"
	IdeaDigestNew      Key = "ideabot.digest_new"
	IdeaDigestDecision Key = "ideabot.digest_decision"
)

// Status names and the card's decision buttons, per status.
const (
	IdeaStNew         Key = "ideabot.st.new"
	IdeaStUnderReview Key = "ideabot.st.under_review"
	IdeaStAccepted    Key = "ideabot.st.accepted"
	IdeaStInProgress  Key = "ideabot.st.in_progress"
	IdeaStImplemented Key = "ideabot.st.implemented"
	IdeaStRejected    Key = "ideabot.st.rejected"
	IdeaStDuplicate   Key = "ideabot.st.duplicate"

	IdeaMvUnderReview Key = "ideabot.mv.under_review"
	IdeaMvAccepted    Key = "ideabot.mv.accepted"
	IdeaMvInProgress  Key = "ideabot.mv.in_progress"
	IdeaMvImplemented Key = "ideabot.mv.implemented"
	IdeaMvRejected    Key = "ideabot.mv.rejected"
	IdeaMvDuplicate   Key = "ideabot.mv.duplicate"
)

var ideaStatuses = map[domain.IdeaStatus]Key{
	domain.IdeaNew: IdeaStNew, domain.IdeaUnderReview: IdeaStUnderReview, domain.IdeaAccepted: IdeaStAccepted,
	domain.IdeaInProgress: IdeaStInProgress, domain.IdeaImplemented: IdeaStImplemented,
	domain.IdeaRejected: IdeaStRejected, domain.IdeaDuplicate: IdeaStDuplicate,
}

var ideaMoves = map[domain.IdeaStatus]Key{
	domain.IdeaUnderReview: IdeaMvUnderReview, domain.IdeaAccepted: IdeaMvAccepted, domain.IdeaInProgress: IdeaMvInProgress,
	domain.IdeaImplemented: IdeaMvImplemented, domain.IdeaRejected: IdeaMvRejected, domain.IdeaDuplicate: IdeaMvDuplicate,
}

// IdeaStatusName words an idea's status.
func IdeaStatusName(s domain.IdeaStatus) Key {
	if k, ok := ideaStatuses[s]; ok {
		return k
	}
	return IdeaStNew
}

// IdeaMoveName words the card's button that moves an idea to s.
func IdeaMoveName(s domain.IdeaStatus) Key {
	if k, ok := ideaMoves[s]; ok {
		return k
	}
	return IdeaStatusName(s)
}

func init() {
	merge(ru, map[Key]string{
		IdeaAcceptRate:      "Доля принятых",
		IdeaDecisionTime:    "Решение за",
		IdeaMedianNote:      "медиана",
		IdeaPipelineNote:    "принятых идей",
		IdeaPipeline:        "Экономия в работе",
		IdeaPipelineLine:    "Экономия в работе: %s ч/год · доля принятых %s",
		IdeaHoursShort:      "%s ч/год",
		IdeaPerMonth:        "Идеи по месяцам",
		IdeaSubmittedSeries: "Подано",
		IdeaAcceptedSeries:  "Принято",
		IdeaMonthNames:      "янв|фев|мар|апр|май|июн|июл|авг|сен|окт|ноя|дек",
		IdeaAnonymous:       "аноним",
		IdeaPropose:         "Предложить идею",
		IdeaListByVotes:     "По голосам",
		IdeaListNewest:      "Новые",
		IdeaListEmpty:       "Идей здесь пока нет.",
		IdeaMore:            "Подробнее",
		IdeaOpen:            "Открыть идею",
		IdeaBack:            "К идее",

		IdeaCardStatus:       "Статус: %s",
		IdeaCardAuthor:       "Автор: %s · %s",
		IdeaCardProcess:      "Процесс: %s",
		IdeaCardProcessMined: "Процесс: %s · потенциал %s ч/год (%s)",
		IdeaCardHours:        "Оценка экономии: %s ч/год",
		IdeaCardVotes:        "Голоса: 👍 %d · 👎 %d%s",
		IdeaMyVote:           " · ваш голос: %s",
		IdeaCardTask:         "Задача: %s — %s",
		IdeaCardDuplicate:    "Дубликат идеи #%d «%s»",
		IdeaCardAttachment:   "📎 Есть вложение",
		IdeaCardHistory:      "История",
		IdeaHistoryProposed:  "предложена",
		IdeaCreateTask:       "Создать задачу",
		IdeaOpenTask:         "Задача",
		IdeaShowFile:         "Вложение",
		IdeaPostAuthor:       "Автор: %s",

		IdeaAskTitle:        "💡 <b>Новая идея.</b> Как её назвать? Одной строкой, до 200 символов.",
		IdeaAskBody:         "<b>%s</b>\n\nОпишите идею: что сейчас не так и что предлагаете (до 2000 символов).",
		IdeaAskProcess:      "Какой процесс она улучшает? Выберите из процессов Task Mining или напишите своими словами.",
		IdeaAskHours:        "Сколько часов в год она сэкономит, по вашей оценке? Напишите число, например 120.",
		IdeaAskAnonymous:    "Показывать коллегам, кто автор? Руководители автора видят всегда.",
		IdeaSkip:            "Пропустить",
		IdeaNoProcess:       "Не знаю / другой",
		IdeaWithName:        "С моим именем",
		IdeaAnonymously:     "Анонимно",
		IdeaBadHoursText:    "Нужно число часов в год, например 120 или 12,5.",
		IdeaDraftCancelled:  "Идея не сохранена.",
		IdeaSaved:           "✅ Идея #%d сохранена.",
		IdeaGroupHowTo:      "Чтобы предложить идею здесь, напишите /idea и название одной строкой или ответьте /idea на сообщение. По шагам — в личном чате с %s.",
		IdeaHowToJoin:       "Голосовать и предлагать идеи могут сотрудники. Напишите /start боту %s, чтобы попросить доступ.",
		IdeaVoteCounted:     "Голос учтён",
		IdeaVoteWithdrawn:   "Голос отозван",
		IdeaVoteSwitched:    "Голос изменён",
		IdeaAskReason:       "Почему идея отклонена? Напишите причину: её увидят автор и проголосовавшие.",
		IdeaAskOriginal:     "Дубликат какой идеи? Напишите её номер, например 12.",
		IdeaBadOriginalText: "Нужен номер идеи, например 12.",
		IdeaDecided:         "Решение сохранено",
		IdeaTaskFor:         "📋 Задача по идее <b>%s</b>",

		IdeaGroupAdminsOnly: "Группу идей настраивает администратор бота.",
		IdeaGroupNone:       "💡 Группы идей пока нет. В ней бот публикует каждую новую идею с кнопками 👍 и 👎.",
		IdeaGroupIs:         "💡 Это группа идей: новые идеи публикуются здесь. Голосуют сотрудники; участники без доступа получают подсказку, как его попросить.",
		IdeaGroupIsTrusted:  "💡 Это группа идей, участникам доверяют: все участники голосуют и предлагают идеи как сотрудники.",
		IdeaGroupElsewhere:  "💡 Группа идей сейчас — «%s». Сделать группой идей эту?",
		IdeaGroupMake:       "Сделать группой идей",
		IdeaGroupTrust:      "Доверять участникам",
		IdeaGroupSaved:      "Сохранено",

		IdeaNoticeAuthor:      "💡 Решение по вашей идее %s (#%d): %s",
		IdeaNoticeVoter:       "💡 Решение по идее %s (#%d), за которую вы голосовали: %s",
		IdeaNoticeOriginal:    "Объединена с идеей #%d: голоса перенесены туда.",
		IdeaNoticeReason:      "Причина: %s",
		IdeaNoticeBy:          "Решил(а): %s",
		IdeaAskImplemented:    "✅ Задача «%s» по вашей идее %s выполнена. Идея внедрена?",
		IdeaYesImplemented:    "Да, внедрена",
		IdeaNotYet:            "Ещё нет",
		IdeaMarkedImplemented: "🏁 Идея <b>%s</b> отмечена как внедрённая.",
		IdeaNotYetImplemented: "Хорошо, идея <b>%s</b> остаётся в работе.",

		IdeaDigestNews:     "💡 Идеи: новых %s, решений %s",
		IdeaDigestNew:      "• новая: %s",
		IdeaDigestDecision: "• %s: %s",

		IdeaStNew: "Новая", IdeaStUnderReview: "На рассмотрении", IdeaStAccepted: "Принята", IdeaStInProgress: "В работе",
		IdeaStImplemented: "Внедрена", IdeaStRejected: "Отклонена", IdeaStDuplicate: "Дубликат",
		IdeaMvUnderReview: "На рассмотрение", IdeaMvAccepted: "Принять", IdeaMvInProgress: "В работе",
		IdeaMvImplemented: "Внедрено", IdeaMvRejected: "Отклонить", IdeaMvDuplicate: "Дубликат",
	})
	merge(en, map[Key]string{
		IdeaAcceptRate:      "Acceptance rate",
		IdeaDecisionTime:    "Decided in",
		IdeaMedianNote:      "median",
		IdeaPipelineNote:    "of accepted ideas",
		IdeaPipeline:        "Pipeline savings",
		IdeaPipelineLine:    "Pipeline savings: %s h/year · acceptance rate %s",
		IdeaHoursShort:      "%s h/year",
		IdeaPerMonth:        "Ideas per month",
		IdeaSubmittedSeries: "Submitted",
		IdeaAcceptedSeries:  "Accepted",
		IdeaMonthNames:      "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
		IdeaAnonymous:       "anonymous",
		IdeaPropose:         "Propose an idea",
		IdeaListByVotes:     "By votes",
		IdeaListNewest:      "Newest",
		IdeaListEmpty:       "No ideas here yet.",
		IdeaMore:            "More",
		IdeaOpen:            "Open the idea",
		IdeaBack:            "Back to the idea",

		IdeaCardStatus:       "Status: %s",
		IdeaCardAuthor:       "Author: %s · %s",
		IdeaCardProcess:      "Process: %s",
		IdeaCardProcessMined: "Process: %s · potential %s h/year (%s)",
		IdeaCardHours:        "Estimated savings: %s h/year",
		IdeaCardVotes:        "Votes: 👍 %d · 👎 %d%s",
		IdeaMyVote:           " · your vote: %s",
		IdeaCardTask:         "Task: %s — %s",
		IdeaCardDuplicate:    "Duplicate of idea #%d “%s”",
		IdeaCardAttachment:   "📎 Has an attachment",
		IdeaCardHistory:      "History",
		IdeaHistoryProposed:  "proposed",
		IdeaCreateTask:       "Create task",
		IdeaOpenTask:         "Task",
		IdeaShowFile:         "Attachment",
		IdeaPostAuthor:       "Author: %s",

		IdeaAskTitle:        "💡 <b>New idea.</b> What is it called? One line, up to 200 characters.",
		IdeaAskBody:         "<b>%s</b>\n\nDescribe the idea: what is wrong now and what you propose (up to 2,000 characters).",
		IdeaAskProcess:      "Which process does it improve? Pick one of Task Mining's processes or type it in your own words.",
		IdeaAskHours:        "How many hours a year will it save, by your estimate? Type a number, e.g. 120.",
		IdeaAskAnonymous:    "Show colleagues who the author is? Managers always see the author.",
		IdeaSkip:            "Skip",
		IdeaNoProcess:       "Don't know / other",
		IdeaWithName:        "With my name",
		IdeaAnonymously:     "Anonymously",
		IdeaBadHoursText:    "A number of hours a year is needed, e.g. 120 or 12.5.",
		IdeaDraftCancelled:  "The idea was not saved.",
		IdeaSaved:           "✅ Idea #%d saved.",
		IdeaGroupHowTo:      "To propose an idea here, send /idea and its title on one line, or reply /idea to a message. Step by step: in a private chat with %s.",
		IdeaHowToJoin:       "Employees vote and propose ideas. Send /start to %s to ask for access.",
		IdeaVoteCounted:     "Vote counted",
		IdeaVoteWithdrawn:   "Vote withdrawn",
		IdeaVoteSwitched:    "Vote changed",
		IdeaAskReason:       "Why is the idea rejected? Type the reason: the author and the voters will see it.",
		IdeaAskOriginal:     "A duplicate of which idea? Type its number, e.g. 12.",
		IdeaBadOriginalText: "An idea's number is needed, e.g. 12.",
		IdeaDecided:         "Decision saved",
		IdeaTaskFor:         "📋 Task for the idea <b>%s</b>",

		IdeaGroupAdminsOnly: "The bot's admins set up the ideas group.",
		IdeaGroupNone:       "💡 There is no ideas group yet. The bot posts every new idea there with 👍 and 👎 buttons.",
		IdeaGroupIs:         "💡 This is the ideas group: new ideas are posted here. Employees vote; members without access are told how to ask for it.",
		IdeaGroupIsTrusted:  "💡 This is the ideas group and its members are trusted: every member votes and proposes ideas as an employee.",
		IdeaGroupElsewhere:  "💡 The ideas group is now “%s”. Make this one the ideas group?",
		IdeaGroupMake:       "Make this the ideas group",
		IdeaGroupTrust:      "Trust members",
		IdeaGroupSaved:      "Saved",

		IdeaNoticeAuthor:      "💡 Decision on your idea %s (#%d): %s",
		IdeaNoticeVoter:       "💡 Decision on the idea %s (#%d) you voted for: %s",
		IdeaNoticeOriginal:    "Merged into idea #%d: the votes moved there.",
		IdeaNoticeReason:      "Reason: %s",
		IdeaNoticeBy:          "Decided by %s",
		IdeaAskImplemented:    "✅ The task “%s” for your idea %s is done. Is the idea implemented?",
		IdeaYesImplemented:    "Yes, implemented",
		IdeaNotYet:            "Not yet",
		IdeaMarkedImplemented: "🏁 The idea <b>%s</b> is marked implemented.",
		IdeaNotYetImplemented: "Fine, the idea <b>%s</b> stays in progress.",

		IdeaDigestNews:     "💡 Ideas: %s new, %s decisions",
		IdeaDigestNew:      "• new: %s",
		IdeaDigestDecision: "• %s: %s",

		IdeaStNew: "New", IdeaStUnderReview: "Under review", IdeaStAccepted: "Accepted", IdeaStInProgress: "In progress",
		IdeaStImplemented: "Implemented", IdeaStRejected: "Rejected", IdeaStDuplicate: "Duplicate",
		IdeaMvUnderReview: "Under review", IdeaMvAccepted: "Accept", IdeaMvInProgress: "In progress",
		IdeaMvImplemented: "Implemented", IdeaMvRejected: "Reject", IdeaMvDuplicate: "Duplicate",
	})
}
