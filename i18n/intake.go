package i18n

// Keys of how updates reach the bot, for /status: long polling or the
// webhook, and which replica leads.
const (
	StatusPollingHere  Key = "status.polling_here"
	StatusPollingOther Key = "status.polling_other"
	StatusWebhook      Key = "status.webhook"
	StatusWebhookError Key = "status.webhook_error"
	StatusWebhookNoAPI Key = "status.webhook_no_api"
	StatusLeaderHere   Key = "status.leader_here"
	StatusLeaderOther  Key = "status.leader_other"
)

func init() {
	merge(ru, map[Key]string{
		StatusPollingHere:  "Обновления: long polling, опрашивает эта реплика (%s)",
		StatusPollingOther: "Обновления: long polling, опрашивает другая реплика (эта: %s)",
		StatusWebhook:      "Обновления: вебхук, у Telegram в очереди %s, у бота не обработано %s",
		StatusWebhookError: "    ⚠️ Telegram не смог доставить %s: %s",
		StatusWebhookNoAPI: "    ⚠️ Telegram не ответил, как идёт доставка",
		StatusLeaderHere:   "Рассылки и задачи по расписанию: на этой реплике (%s)",
		StatusLeaderOther:  "Рассылки и задачи по расписанию: на другой реплике (эта: %s)",
	})
	merge(en, map[Key]string{
		StatusPollingHere:  "Updates: long polling, done by this replica (%s)",
		StatusPollingOther: "Updates: long polling, done by another replica (this one: %s)",
		StatusWebhook:      "Updates: webhook, %s waiting at Telegram, %s not yet handled by the bot",
		StatusWebhookError: "    ⚠️ Telegram failed to deliver %s: %s",
		StatusWebhookNoAPI: "    ⚠️ Telegram did not say how delivery goes",
		StatusLeaderHere:   "Sends and scheduled jobs: on this replica (%s)",
		StatusLeaderOther:  "Sends and scheduled jobs: on another replica (this one: %s)",
	})
}
