package i18n

// Keys of the e-mail channel's health: the reasons a check of the SMTP
// server finds (stored as delivery reason codes) and the line of /status.
const (
	StatusMailOK      Key = "status.mail_ok"
	StatusMailProblem Key = "status.mail_problem"
)

func init() {
	merge(ru, map[Key]string{
		"delivery.mail_no_starttls":   "почтовый сервер не предлагает STARTTLS, а SMTP_URL его требует",
		"delivery.mail_no_auth":       "почтовый сервер не предлагает способа входа, которым умеет бот",
		"delivery.mail_login_refused": "почтовый сервер не принял логин или пароль из SMTP_URL",
		StatusMailOK:                  "Почта: настроена, ошибок нет",
		StatusMailProblem:             "Почта: ⚠️ %s\n    %s",
	})
	merge(en, map[Key]string{
		"delivery.mail_no_starttls":   "the mail server offers no STARTTLS, which SMTP_URL requires",
		"delivery.mail_no_auth":       "the mail server offers no login method the bot can use",
		"delivery.mail_login_refused": "the mail server refused the user or password in SMTP_URL",
		StatusMailOK:                  "E-mail: configured, no trouble known",
		StatusMailProblem:             "E-mail: ⚠️ %s\n    %s",
	})
}
