// Package process computes the figures of one process from its event log:
// the definitions every Task Mining screen follows. It is pure: events in,
// a domain.ProcessResult out, no SQL and no Telegram.
//
// # Definitions
//
//   - events: rows of the log. cases: distinct case ids. activities:
//     distinct activity names (the lifecycle transition is not part of
//     the name).
//   - An execution is an event without a lifecycle or with lifecycle
//     "complete". A "start" event opens an execution (it is paired with the
//     next "complete" of the same activity in the case, first opened
//     first); schedule, suspend, resume and the like are events but not
//     executions.
//   - A case's trace: its executions ordered by time, ties kept in file
//     order (an import appends after the events already stored). A
//     variant: a distinct trace, with its cases and share of all cases;
//     ties in cases are ranked by the activity sequence.
//   - Throughput time of a case: its last event time minus its earliest
//     moment (an event's start where the log has one, else its time);
//     median and mean over cases.
//   - Rework: an activity executed more than once in a case; the rework
//     share is the share of cases with any.
//   - Directly-follows graph: a node per activity with its executions, an
//     edge per pair of consecutive executions in a trace with its count and
//     mean duration, from the end of the first to the start of the second
//     where known, else to its end (never below zero).
//   - Service time of an execution, in this order: a manager's standard
//     time for the activity; else measured, complete minus start, where the
//     log has the start (a start column, or a lifecycle start/complete
//     pair), and an execution of that activity without a start takes the
//     median of the measured ones; else estimated: the time since the
//     previous execution in the case, capped at Config.GapCap (one hour),
//     and the first execution of a case, which has no previous one, takes
//     the activity's median estimate (the process's median for an activity
//     that always comes first).
//   - Annualising: the log's span is its latest event time minus its
//     earliest moment, at least Config.MinSpan (one day); a year is 365
//     days. Operations per year = executions × year ÷ span; hours per year
//     = operations per year × mean service time.
//   - Automatable share of an activity: a manager's share wins; else the
//     rules: 0.10, +0.40 if the name says routine work (contains «ввод»,
//     «внесение», «провер», «копиров», «сверк», «сверить», «перенос»,
//     «заполн», "data entry", "entry", "input", "copy", "check", "verif",
//     "reconcil"), +0.20 if it runs at least 1,000 times a year, +0.15 if
//     it occurs in at least half of the cases, +0.15 if its service times
//     vary little (coefficient of variation ≤ 0.5 over at least three
//     executions with their own measured or estimated time); at most 0.90.
//   - Potential of an activity = hours per year × share. A process's
//     potential % = Σ potential ÷ Σ hours. FTE = hours per year ÷
//     Config.FTEHours (1,973).
//
// # Worked example (TestWorkedExample checks every figure)
//
// Activities R «Регистрация», V «Ввод данных», P «Проверка», S
// «Согласование»; minutes after 2024-01-01 09:00 UTC, T = 73 days;
// no start times, no lifecycle; the manager set S's standard time to 30 min.
//
//	case 1: R 0, V 10, P 30, S 50
//	case 2: R 60, V 80, P 90, V 100, P 120, S 200
//	case 3: R T−60, V T−50, P T−30, S T
//
// events 14, cases 3, activities 4, variants 2: R V P S (cases 1 and 3,
// 66.7 %) and R V P V P S (case 2, 33.3 %). Throughput 50, 140 and 60 min:
// median 60 min, mean 83 min 20 s. Rework: case 2 (V and P twice), 1/3.
// DFG nodes R 3, V 4, P 4, S 3; edges R→V 3 (mean 13 min 20 s), V→P 4
// (17 min 30 s), P→S 3 (43 min 20 s: 20, 80 and 30), P→V 1 (10 min).
//
// Gaps since the previous execution, capped at 60 min: V 10, 20, 10, 10
// (mean 12.5 min); P 20, 10, 20, 20 (17.5 min); S 20, 80→60, 30. R is
// always first: it takes the median of all eleven gaps, 20 min. S takes
// the standard 30 min. Span 73 days: × 5 a year.
//
//	activity  per year  service  hours/year  share                        potential
//	R         15        20 min   5.00        0.10+0.15 = 0.25              1.25
//	V         20        12.5 min 4.17        0.10+0.40+0.15+0.15 = 0.80    3.33
//	P         20        17.5 min 5.83        0.80 (CV 0.25)                4.67
//	S         15        30 min   7.50        0.10+0.15+0.15 = 0.40 (CV 0.46) 3.00
//
// Operations 70 a year, 22.5 hours a year, potential 12.25 h = 54.4 %,
// 0.0114 FTE.
package process
