package processmap

import (
	"slices"
	"testing"
)

func TestWorkedExampleGraph(t *testing.T) {
	g := Build(workedExample(), 1)
	// Level 1 covers 60 % of the 14 executions with V, P and R (11); S
	// comes in on P's widest path to the end, and every edge reaches a
	// quarter of the most frequent (V→P, 4).
	var nodes []string
	for _, n := range g.Nodes {
		nodes = append(nodes, n.Name)
	}
	if want := []string{"Ввод данных", "Проверка", "Регистрация", "Согласование"}; !slices.Equal(nodes, want) {
		t.Errorf("nodes %v, want %v", nodes, want)
	}
	want := []Edge{
		{From: 1, To: 2, Count: 4, MeanSeconds: 1050},
		{From: Start, To: 0, Count: 3},
		{From: 0, To: 1, Count: 3, MeanSeconds: 800},
		{From: 2, To: 3, Count: 3, MeanSeconds: 2600},
		{From: 3, To: End, Count: 3},
		{From: 2, To: 1, Count: 1, MeanSeconds: 600},
	}
	if !slices.Equal(g.Edges, want) {
		t.Errorf("edges\n%+v\nwant\n%+v", g.Edges, want)
	}
	if g.Activities != 4 || g.Paths != 6 || g.MaxCount != 4 || g.MaxExec != 4 {
		t.Errorf("graph %+v", g)
	}
	path, ends := MainPath(g)
	if !ends || !slices.Equal(path, []int32{0, 1, 2, 3}) {
		t.Errorf("main path %v (ends %v)", path, ends)
	}
	if top := TopEdges(g, 2); !slices.Equal(top, []Edge{want[0], want[2]}) {
		t.Errorf("top edges %+v", top)
	}
}

// TestLevelsMonotone checks the rules of the package doc on a process of
// 24 activities: each level shows all the level below does and more, the
// top level shows everything, and every level is connected from start to
// end.
func TestLevelsMonotone(t *testing.T) {
	r := generated(1, 24, 2000)
	var prev Graph
	for level := 1; level <= Levels; level++ {
		g := Build(r, level)
		if level > 1 {
			for _, n := range prev.Nodes {
				if g.Name(n.Activity) == "" {
					t.Errorf("level %d drops %s of level %d", level, n.Name, level-1)
				}
			}
			for _, e := range prev.Edges {
				if !slices.Contains(g.Edges, e) {
					t.Errorf("level %d drops edge %+v", level, e)
				}
			}
			if len(g.Nodes)+len(g.Edges) <= len(prev.Nodes)+len(prev.Edges) {
				t.Errorf("level %d shows no more than level %d: %d nodes, %d edges", level, level-1, len(g.Nodes), len(g.Edges))
			}
		}
		checkConnected(t, g)
		prev = g
	}
	if len(prev.Nodes) != 24 || len(prev.Edges) < MaxEdges[Levels-1] || len(prev.Edges) > MaxEdges[Levels-1]+2*24 {
		t.Errorf("top level: %d of 24 activities, %d of %d paths", len(prev.Nodes), len(prev.Edges), prev.Paths)
	}
	if first := Build(r, 1); len(first.Nodes) >= 24 || len(first.Edges) > 40 {
		t.Errorf("level 1 shows %d activities and %d paths: not a summary", len(first.Nodes), len(first.Edges))
	}
	if Build(r, 0).Level != 1 || Build(r, 99).Level != Levels {
		t.Error("levels out of range are not clamped")
	}
}

// checkConnected fails unless every shown activity is reached from the
// start and reaches the end through shown edges.
func checkConnected(t *testing.T, g Graph) {
	t.Helper()
	reach := func(from int32, forward bool) map[int32]bool {
		seen := map[int32]bool{from: true}
		for changed := true; changed; {
			changed = false
			for _, e := range g.Edges {
				a, b := e.From, e.To
				if !forward {
					a, b = b, a
				}
				if seen[a] && !seen[b] {
					seen[b], changed = true, true
				}
			}
		}
		return seen
	}
	fromStart, toEnd := reach(Start, true), reach(End, false)
	for _, n := range g.Nodes {
		if !fromStart[n.Activity] || !toEnd[n.Activity] {
			t.Errorf("level %d: %s reached from the start %v, reaches the end %v", g.Level, n.Name, fromStart[n.Activity], toEnd[n.Activity])
		}
	}
	for _, e := range g.Edges {
		if (e.From != Start && g.Name(e.From) == "") || (e.To != End && g.Name(e.To) == "") {
			t.Errorf("level %d: edge %+v to an activity not shown", g.Level, e)
		}
	}
}
