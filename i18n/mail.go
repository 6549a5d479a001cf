package i18n

// Keys of the e-mail channel's health: the reasons a check of the SMTP
// server finds (stored as delivery reason codes) and the line of /status.
const (
	StatusMailOK      Key = "status.mail_ok"
	StatusMailProblem Key = "status.mail_problem"

	DeliveryReasonMailNoStartTLS   Key = "delivery.mail_no_starttls"
	DeliveryReasonMailNoAuth       Key = "delivery.mail_no_auth"
	DeliveryReasonMailLoginRefused Key = "delivery.mail_login_refused"
)

func init() {
	deliveryReasons["mail_no_starttls"] = DeliveryReasonMailNoStartTLS
	deliveryReasons["mail_no_auth"] = DeliveryReasonMailNoAuth
	deliveryReasons["mail_login_refused"] = DeliveryReasonMailLoginRefused
}

func init() {
	merge(ru, map[Key]string{
		DeliveryReasonMailNoStartTLS:   "почтовый сервер не предлагает STARTTLS, а SMTP_URL его требует",
		DeliveryReasonMailNoAuth:       "почтовый сервер не предлагает способа входа, которым умеет бот",
		DeliveryReasonMailLoginRefused: "почтовый сервер не принял логин или пароль из SMTP_URL",
		StatusMailOK:                   "Почта: настроена, ошибок нет",
		StatusMailProblem:              "Почта: ⚠️ %s\n    %s",
	})
	merge(en, map[Key]string{
		DeliveryReasonMailNoStartTLS:   "the mail server offers no STARTTLS, which SMTP_URL requires",
		DeliveryReasonMailNoAuth:       "the mail server offers no login method the bot can use",
		DeliveryReasonMailLoginRefused: "the mail server refused the user or password in SMTP_URL",
		StatusMailOK:                   "E-mail: configured, no trouble known",
		StatusMailProblem:              "E-mail: ⚠️ %s\n    %s",
	})
}
