package i18n

// MetricIdeaDecisions words the digest's change in domain.Snapshot's
// IdeaDecisions: the decisions on ideas since the previous digest.
const MetricIdeaDecisions Key = "metric.idea_decisions"

func init() {
	metrics["idea_decisions"] = MetricIdeaDecisions
	merge(ru, map[Key]string{MetricIdeaDecisions: "решений по идеям"})
	merge(en, map[Key]string{MetricIdeaDecisions: "decisions on ideas"})
}
