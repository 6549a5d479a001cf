package i18n

import "processet/domain"

// Texts of the ideas area's domain errors (domain/idea_errors.go). The
// bot adds to ErrIdeaNoAccess how to get access.
const (
	ErrIdeaTitleEmpty      Key = "err.idea_title_empty"
	ErrIdeaTitleLong       Key = "err.idea_title_long"
	ErrIdeaDescriptionLong Key = "err.idea_description_long"
	ErrIdeaProcessLong     Key = "err.idea_process_long"
	ErrIdeaBadHours        Key = "err.idea_bad_hours"
	ErrIdeaTooMany         Key = "err.idea_too_many"
	ErrIdeaNoAccess        Key = "err.idea_no_access"
	ErrIdeaClosed          Key = "err.idea_closed"
	ErrIdeaBadVote         Key = "err.idea_bad_vote"
	ErrIdeaBadMove         Key = "err.idea_bad_move"
	ErrIdeaReasonNeeded    Key = "err.idea_reason_needed"
	ErrIdeaReasonLong      Key = "err.idea_reason_long"
	ErrIdeaBadOriginal     Key = "err.idea_bad_original"
	ErrIdeaDecidersOnly    Key = "err.idea_deciders_only"
	ErrIdeaHasTask         Key = "err.idea_has_task"
	ErrIdeaNotAccepted     Key = "err.idea_not_accepted"
	ErrIdeaNotAGroup       Key = "err.idea_not_a_group"
	ErrIdeaNoGroup         Key = "err.idea_no_group"
	ErrIdeaNotAsked        Key = "err.idea_not_asked"
	ErrIdeaBadAttachment   Key = "err.idea_bad_attachment"
)

func init() {
	for k, v := range map[domain.ErrorKey]Key{
		domain.ErrKeyIdeaTitleEmpty:      ErrIdeaTitleEmpty,
		domain.ErrKeyIdeaTitleLong:       ErrIdeaTitleLong,
		domain.ErrKeyIdeaDescriptionLong: ErrIdeaDescriptionLong,
		domain.ErrKeyIdeaProcessLong:     ErrIdeaProcessLong,
		domain.ErrKeyIdeaBadHours:        ErrIdeaBadHours,
		domain.ErrKeyIdeaTooMany:         ErrIdeaTooMany,
		domain.ErrKeyIdeaNoAccess:        ErrIdeaNoAccess,
		domain.ErrKeyIdeaClosed:          ErrIdeaClosed,
		domain.ErrKeyIdeaBadVote:         ErrIdeaBadVote,
		domain.ErrKeyIdeaBadMove:         ErrIdeaBadMove,
		domain.ErrKeyIdeaReasonNeeded:    ErrIdeaReasonNeeded,
		domain.ErrKeyIdeaReasonLong:      ErrIdeaReasonLong,
		domain.ErrKeyIdeaBadOriginal:     ErrIdeaBadOriginal,
		domain.ErrKeyIdeaDecidersOnly:    ErrIdeaDecidersOnly,
		domain.ErrKeyIdeaHasTask:         ErrIdeaHasTask,
		domain.ErrKeyIdeaNotAccepted:     ErrIdeaNotAccepted,
		domain.ErrKeyIdeaNotAGroup:       ErrIdeaNotAGroup,
		domain.ErrKeyIdeaNoGroup:         ErrIdeaNoGroup,
		domain.ErrKeyIdeaNotAsked:        ErrIdeaNotAsked,
		domain.ErrKeyIdeaBadAttachment:   ErrIdeaBadAttachment,
	} {
		errorTexts[k] = v
	}
	merge(ru, map[Key]string{
		ErrIdeaTitleEmpty:      "Напишите, в чём идея: заголовок пустой.",
		ErrIdeaTitleLong:       "Заголовок длиннее 200 символов: сократите его, подробности поместятся в описание.",
		ErrIdeaDescriptionLong: "Описание длиннее 2000 символов: сократите его.",
		ErrIdeaProcessLong:     "Название процесса длиннее 200 символов: сократите его.",
		ErrIdeaBadHours:        "Оценка экономии — число часов в год, от 0 до 1 000 000.",
		ErrIdeaTooMany:         "Не больше 10 идей в час. Передохните и предложите следующую чуть позже.",
		ErrIdeaNoAccess:        "Голосовать и предлагать идеи могут сотрудники компании.",
		ErrIdeaClosed:          "По этой идее уже принято решение: голосование закрыто.",
		ErrIdeaBadVote:         "Кнопка устарела.",
		ErrIdeaBadMove:         "Из текущего статуса идею так перевести нельзя.",
		ErrIdeaReasonNeeded:    "Чтобы отклонить идею, напишите причину: автор и проголосовавшие её увидят.",
		ErrIdeaReasonLong:      "Причина длиннее 1000 символов: сократите её.",
		ErrIdeaBadOriginal:     "Укажите другую идею, не саму эту и не дубликат: с ней объединятся голоса.",
		ErrIdeaDecidersOnly:    "Решения по идеям принимают руководители и администраторы.",
		ErrIdeaHasTask:         "Задача по этой идее уже создана.",
		ErrIdeaNotAccepted:     "Задачу можно создать только по принятой идее.",
		ErrIdeaNotAGroup:       "Группой идей может быть только группа.",
		ErrIdeaNoGroup:         "Этот чат не группа идей.",
		ErrIdeaNotAsked:        "Вопрос уже неактуален: задача по идее не выполнена или идея уже внедрена.",
		ErrIdeaBadAttachment:   "Приложить можно фото или документ.",
	})
	merge(en, map[Key]string{
		ErrIdeaTitleEmpty:      "Say what the idea is: the title is empty.",
		ErrIdeaTitleLong:       "The title is longer than 200 characters: shorten it; details go in the description.",
		ErrIdeaDescriptionLong: "The description is longer than 2,000 characters: shorten it.",
		ErrIdeaProcessLong:     "The process name is longer than 200 characters: shorten it.",
		ErrIdeaBadHours:        "The estimate is a number of hours per year, from 0 to 1,000,000.",
		ErrIdeaTooMany:         "At most 10 ideas an hour. Take a break and propose the next one a little later.",
		ErrIdeaNoAccess:        "Only the company's employees vote and propose ideas.",
		ErrIdeaClosed:          "This idea is decided: voting is closed.",
		ErrIdeaBadVote:         "This button is out of date.",
		ErrIdeaBadMove:         "The idea cannot move there from its current status.",
		ErrIdeaReasonNeeded:    "To reject an idea, give the reason: its author and voters will see it.",
		ErrIdeaReasonLong:      "The reason is longer than 1,000 characters: shorten it.",
		ErrIdeaBadOriginal:     "Name another idea, neither this one nor a duplicate: the votes merge into it.",
		ErrIdeaDecidersOnly:    "Managers and admins decide on ideas.",
		ErrIdeaHasTask:         "This idea already has a task.",
		ErrIdeaNotAccepted:     "A task can be created for an accepted idea only.",
		ErrIdeaNotAGroup:       "Only a group can be the ideas group.",
		ErrIdeaNoGroup:         "This chat is not the ideas group.",
		ErrIdeaNotAsked:        "This question no longer applies: the idea's task is not done, or the idea is implemented.",
		ErrIdeaBadAttachment:   "A photo or a document can be attached.",
	})
}
