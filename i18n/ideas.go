package i18n

// Keys of the process improvement area: ideas, votes, decisions.
const (
	IdeasSubmitted      Key = "ideas.submitted"
	IdeasVotes          Key = "ideas.votes"
	IdeasAccepted       Key = "ideas.accepted"
	IdeasPending        Key = "ideas.pending"
	IdeasByStatus       Key = "ideas.by_status"
	IdeasTop            Key = "ideas.top"
	IdeasNone           Key = "ideas.none"
	IdeasSummaryLine    Key = "ideas.summary_line"
	IdeasWord           Key = "word.ideas_short"
	IdeaStatusSubmitted Key = "idea_status.submitted"
	IdeaStatusAccepted  Key = "idea_status.accepted"
	IdeaStatusRejected  Key = "idea_status.rejected"
)

func init() {
	merge(ru, map[Key]string{
		IdeasSubmitted:      "Идей подано",
		IdeasVotes:          "Голосов",
		IdeasAccepted:       "Принято",
		IdeasPending:        "На рассмотрении",
		IdeasByStatus:       "Идеи по решениям",
		IdeasTop:            "Лидеры голосования:",
		IdeasNone:           "Идей на рассмотрении нет.",
		IdeasSummaryLine:    "Идей: %s · голосов: %s · принято: %s · на рассмотрении: %s",
		IdeasWord:           "идей",
		IdeaStatusSubmitted: "На рассмотрении",
		IdeaStatusAccepted:  "Приняты",
		IdeaStatusRejected:  "Отклонены",
	})
	merge(en, map[Key]string{
		IdeasSubmitted:      "Ideas submitted",
		IdeasVotes:          "Votes",
		IdeasAccepted:       "Accepted",
		IdeasPending:        "Under review",
		IdeasByStatus:       "Ideas by decision",
		IdeasTop:            "Leading ideas:",
		IdeasNone:           "No ideas under review.",
		IdeasSummaryLine:    "Ideas: %s · votes: %s · accepted: %s · under review: %s",
		IdeasWord:           "ideas",
		IdeaStatusSubmitted: "Under review",
		IdeaStatusAccepted:  "Accepted",
		IdeaStatusRejected:  "Rejected",
	})
}
