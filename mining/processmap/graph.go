package processmap

import (
	"cmp"
	"maps"
	"slices"

	"processet/domain"
)

// Levels is the number of detail levels; 1 is the least detailed.
const Levels = 5

// ActivityCoverage is, per level (index level−1), the share of all
// executions the shown activities cover at least.
var ActivityCoverage = [Levels]float64{0.60, 0.80, 0.90, 0.97, 1}

// EdgeShare is, per level, the least count of a shown edge as a share of
// the most frequent edge's count.
var EdgeShare = [Levels]float64{0.25, 0.12, 0.05, 0.02, 0}

// MaxEdges is, per level, how many of the process's most frequent edges
// may show: beyond a few dozen a phone shows spaghetti, and dot's layout
// time grows fast with the edges.
var MaxEdges = [Levels]int{12, 20, 30, 45, 60}

// Start and End are the node IDs of the map's start and end; activities
// are their indices in the process, from 0.
const (
	Start int32 = -1
	End   int32 = -2
)

// Node is a shown activity with its executions and mean service time.
type Node struct {
	Activity    int32
	Name        string
	Executions  int
	MeanSeconds float64
}

// Edge is a shown path: From directly followed by To, or a case starting
// (From = Start) or ending (To = End) with an activity. MeanSeconds is
// zero for the start and end edges, which have no time.
type Edge struct {
	From, To    int32
	Count       int
	MeanSeconds float64
}

// Graph is one detail level of a process map.
type Graph struct {
	Level      int
	Nodes      []Node // most executions first
	Edges      []Edge // most frequent first
	Activities int    // the process's activities, shown or not
	Paths      int    // the process's edges, start and end ones included
	MaxCount   int    // the most frequent edge's count in the whole process
	MaxExec    int    // the most executions of an activity
}

// ClampLevel brings a level into 1..Levels.
func ClampLevel(level int) int { return min(max(level, 1), Levels) }

// Build is the map of a process at a detail level (clamped to
// 1..Levels), by the rules of the package doc.
func Build(r domain.ProcessResult, level int) Graph {
	level = ClampLevel(level)
	all := fullGraph(r)
	g := Graph{Level: level, Activities: len(r.ActivityStats), Paths: len(all.edges)}
	for _, e := range all.edges {
		g.MaxCount = max(g.MaxCount, e.Count)
	}
	keep := all.covering(ActivityCoverage[level-1])
	edges := map[[2]int32]bool{}
	minCount := EdgeShare[level-1] * float64(g.MaxCount)
	for _, e := range all.edges[:min(len(all.edges), MaxEdges[level-1])] {
		if keepNode(keep, e.From) && keepNode(keep, e.To) && float64(e.Count) >= minCount {
			edges[key(e)] = true
		}
	}
	fromStart, toEnd := all.widest(false), all.widest(true)
	for _, a := range slices.Sorted(maps.Keys(keep)) {
		for v := a; v != Start; {
			e, ok := fromStart[v]
			if !ok {
				break
			}
			edges[key(e)], keep[v] = true, true
			v = e.From
		}
		for v := a; v != End; {
			e, ok := toEnd[v]
			if !ok {
				break
			}
			edges[key(e)], keep[v] = true, true
			v = e.To
		}
	}
	for _, n := range all.nodes {
		g.MaxExec = max(g.MaxExec, n.Executions)
		if keep[n.Activity] {
			g.Nodes = append(g.Nodes, n)
		}
	}
	for _, e := range all.edges {
		if edges[key(e)] {
			g.Edges = append(g.Edges, e)
		}
	}
	return g
}

func keepNode(keep map[int32]bool, v int32) bool { return v == Start || v == End || keep[v] }

func key(e Edge) [2]int32 { return [2]int32{e.From, e.To} }

// full is a process's whole graph: its activities by executions and its
// edges, start and end ones included, by count.
type full struct {
	nodes []Node
	edges []Edge
	total int // executions of all activities
}

func fullGraph(r domain.ProcessResult) full {
	var f full
	for _, a := range r.ActivityStats {
		f.nodes = append(f.nodes, Node{Activity: a.Index, Name: a.Name, Executions: a.Executions, MeanSeconds: a.MeanSeconds})
		f.total += a.Executions
		if a.Starts > 0 {
			f.edges = append(f.edges, Edge{From: Start, To: a.Index, Count: a.Starts})
		}
		if a.Ends > 0 {
			f.edges = append(f.edges, Edge{From: a.Index, To: End, Count: a.Ends})
		}
	}
	for _, e := range r.Edges {
		f.edges = append(f.edges, Edge{From: e.From, To: e.To, Count: e.Count, MeanSeconds: e.MeanSeconds})
	}
	slices.SortStableFunc(f.nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(b.Executions, a.Executions), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Activity, b.Activity))
	})
	slices.SortStableFunc(f.edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return f
}

// covering is the fewest most frequent activities whose executions
// reach share of all; at least one when there is any.
func (f full) covering(share float64) map[int32]bool {
	keep := map[int32]bool{}
	sum := 0
	for _, n := range f.nodes {
		if len(keep) > 0 && float64(sum) >= share*float64(f.total) {
			break
		}
		keep[n.Activity] = true
		sum += n.Executions
	}
	return keep
}

// widest is, for every activity, the last edge of its widest path from
// the start (or, reverse, the first edge of its widest path to the end):
// the path whose least frequent edge is the most frequent, found by
// Dijkstra's algorithm on bottlenecks. Ties go to the more frequent edge
// first, as f.edges are ordered.
func (f full) widest(reverse bool) map[int32]Edge {
	src, out := Start, map[int32][]Edge{}
	if reverse {
		src = End
	}
	for _, e := range f.edges {
		from := e.From
		if reverse {
			from = e.To
		}
		out[from] = append(out[from], e)
	}
	best := map[int32]int{src: int(^uint(0) >> 1)}
	via := map[int32]Edge{}
	done := map[int32]bool{}
	for {
		v, found := int32(0), false
		for u, w := range best {
			if !done[u] && (!found || w > best[v] || w == best[v] && u < v) {
				v, found = u, true
			}
		}
		if !found {
			return via
		}
		done[v] = true
		for _, e := range out[v] {
			next := e.To
			if reverse {
				next = e.From
			}
			if next == Start || next == End || done[next] {
				continue
			}
			if w := min(best[v], e.Count); w > best[next] {
				best[next], via[next] = w, e
			}
		}
	}
}
