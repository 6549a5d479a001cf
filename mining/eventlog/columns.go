package eventlog

import (
	"strings"
	"unicode"
)

// columnNames are the header names each role is known by, compared after
// normalising (lower case, ё as е, й as и, spaces, '_', '-' and '.' removed), in
// order of preference. They cover pm4py (case:concept:name, concept:name,
// time:timestamp, start_timestamp, org:resource), Disco and Celonis
// (Case ID, Activity, Timestamp, Start Timestamp, Complete Timestamp,
// Resource, _CASE_KEY, ACTIVITY_EN, EVENTTIME) and Russian exports.
var columnNames = [numRoles][]string{
	RoleCase: {"case:concept:name", "caseid", "casekey", "case", "casenumber", "caseno", "traceid",
		"idслучая", "идслучая", "номерслучая", "случай", "кейс", "idкейса", "номеркейса",
		"экземплярпроцесса", "номердокумента", "документ", "номерзаявки", "заявка"},
	RoleActivity: {"concept:name", "activity", "activityname", "activityen", "activityru", "eventname",
		"event", "task", "taskname", "action", "step",
		"операция", "действие", "активность", "событие", "этап", "шаг", "задача", "названиеоперации"},
	RoleEnd: {"time:timestamp", "completetimestamp", "endtimestamp", "timestamp", "eventtime",
		"completetime", "endtime", "complete", "end", "datetime", "time", "date",
		"датаокончания", "датазавершения", "времязавершения", "времяокончания", "окончание",
		"завершение", "конец", "датавремя", "дата", "время", "периодрегистрации", "период"},
	RoleStart: {"starttimestamp", "starttime", "start", "startdate",
		"времяначала", "датаначала", "начало", "датавремяначала"},
	RoleResource: {"org:resource", "resource", "user", "username", "performer", "employee", "agent",
		"executor", "ресурс", "исполнитель", "пользователь", "сотрудник", "ответственный", "автор"},
	RoleProcess:   {"process", "processname", "process:name", "процесс", "бизнеспроцесс", "названиепроцесса"},
	RoleLifecycle: {"lifecycle:transition", "lifecycle", "transition", "eventtype", "жизненныйцикл"},
}

// columnStems are fragments tried, once no exact name matched, for roles
// still without a column, so that «Дата операции» or "Case ID (order)"
// are recognised. Start comes before End so that «Дата начала» is a start.
var columnStems = []struct {
	role  Role
	stems []string
}{
	{RoleCase, []string{"caseid", "case:", "случа", "кейс"}},
	{RoleStart, []string{"start", "начал"}},
	{RoleEnd, []string{"timestamp", "complete", "дата", "время"}},
	{RoleActivity, []string{"activity", "операци", "действ"}},
	{RoleResource, []string{"resource", "исполнит", "сотрудн", "пользоват"}},
	{RoleProcess, []string{"process", "процесс"}},
}

// The tables are written as people spell the names; compare them in the
// normalised form.
func init() {
	for r := range columnNames {
		for i, n := range columnNames[r] {
			columnNames[r][i] = normColumn(n)
		}
	}
	for i := range columnStems {
		for j, s := range columnStems[i].stems {
			columnStems[i].stems[j] = normColumn(s)
		}
	}
}

// normColumn is the form header names are compared in.
func normColumn(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '_' || r == '-' || r == '.' || r == '\ufeff' || r == '"':
		case r == 'ё' || r == 'Ё':
			b.WriteRune('е')
		case r == 'й' || r == 'Й':
			b.WriteRune('и')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// DetectColumns maps a CSV header to roles: exact names first, in the
// order of columnNames, then fragments. Each column gets at most one role.
func DetectColumns(header []string) Mapping {
	m := NoMapping()
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normColumn(h)
	}
	taken := make([]bool, len(header))
	for _, r := range Roles() {
		for _, name := range columnNames[r] {
			if c := indexOf(norm, taken, name); c >= 0 {
				m[r], taken[c] = c, true
				break
			}
		}
	}
	for _, st := range columnStems {
		if m[st.role] >= 0 {
			continue
		}
	stems:
		for _, stem := range st.stems {
			for c, n := range norm {
				if !taken[c] && strings.Contains(n, stem) {
					m[st.role], taken[c] = c, true
					break stems
				}
			}
		}
	}
	return m
}

func indexOf(norm []string, taken []bool, name string) int {
	for c, n := range norm {
		if !taken[c] && n == name {
			return c
		}
	}
	return -1
}
