// Package processmap draws the process map of Task Mining: the
// directly-follows graph of a computed process (domain.ProcessResult's
// activities and edges) as Graphviz DOT text, and the PNG that Graphviz
// `dot` renders from it. It is pure apart from running `dot`: no SQL, no
// Telegram, no catalog; the caller passes the labels in its language.
//
// # Detail levels
//
// Like Disco's sliders, a map has Levels steps, from 1 (the main flow
// only) to Levels (every activity and the most frequent paths). At level l:
//
//   - Activities: ranked by executions (ties by name), the fewest most
//     frequent ones whose executions cover ActivityCoverage[l] of all
//     executions (60, 80, 90, 97 and 100 %).
//   - Edges, counting the start (a case begins with an activity) and the
//     end (a case ends with it) as edges too: of the process's
//     MaxEdges[l] most frequent edges (12, 20, 30, 45 and 60: past a few
//     dozen a phone shows spaghetti, and dot's layout time grows fast),
//     those between shown activities whose count is at least EdgeShare[l]
//     of the most frequent edge's (25, 12, 5, 2 and 0 %).
//   - Connected from start to end: every shown activity keeps its widest
//     path from the start and to the end (the path whose least frequent
//     edge is the most frequent), with the activities on it. So nothing
//     floats unreached and no activity is a dead end; such a path may
//     bring in an activity the coverage left out.
//
// Each rule keeps more at a higher level, and the widest paths do not
// depend on the level, so a level shows everything the level below does
// (TestLevelsMonotone).
//
// # Drawing
//
// Top to bottom (rankdir=TB) so it reads on a phone; nodes are rounded
// boxes with the activity's name and executions, shaded by frequency;
// edges carry their count (the frequency view) or their mean time from
// one activity to the next (the durations view, where the boxes show the
// activity's mean service time instead of its executions), and their pen
// width grows with the count in both. The start and the end are ovals. The size
// is capped (MaxWidthInches × MaxHeightInches at DPI) so Telegram takes
// the PNG as a photo; dot shrinks a larger graph to fit.
//
// Files:
//
//	graph.go   Build: a detail level of a process's graph
//	dot.go     DOT: the graph as Graphviz text; label escaping
//	render.go  Renderer: `dot -Tpng` with a timeout; MissingError
//	paths.go   MainPath and TopEdges: the text view without Graphviz
package processmap
