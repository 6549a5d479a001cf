package processmap

// MainPath is the map's main path from the start: at each step the most
// frequent shown edge to an activity not yet on the path, until the end.
// ends says whether it reached the end; the start and end are not in
// the path.
func MainPath(g Graph) (path []int32, ends bool) {
	seen := map[int32]bool{}
	for v := Start; ; {
		next, found := int32(0), false
		for _, e := range g.Edges { // most frequent first
			if e.From == v && !seen[e.To] {
				next, found = e.To, true
				break
			}
		}
		if !found {
			return path, false
		}
		if next == End {
			return path, true
		}
		seen[next] = true
		path = append(path, next)
		v = next
	}
}

// TopEdges is the n most frequent shown edges between activities (the
// start and end ones left out).
func TopEdges(g Graph, n int) []Edge {
	var top []Edge
	for _, e := range g.Edges {
		if len(top) == n {
			break
		}
		if e.From != Start && e.To != End {
			top = append(top, e)
		}
	}
	return top
}

// Name is the name of a shown activity ("" for the start, the end or an
// activity not shown).
func (g Graph) Name(activity int32) string {
	for _, n := range g.Nodes {
		if n.Activity == activity {
			return n.Name
		}
	}
	return ""
}
