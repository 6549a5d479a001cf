// Package domain holds the business rules of Processet Bot: users and roles,
// the four areas (CRM deals, internal tasks, task mining, process
// improvement ideas) and the summaries the dashboards show. It depends on
// the standard library only, so every rule can be tested without Telegram,
// SQL or HTTP.
package domain
