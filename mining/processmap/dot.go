package processmap

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// View is what the edges of a map are labelled with.
type View int

const (
	Frequency View = iota // how many times each path was taken
	Durations             // the mean time from one activity to the next
)

// Size cap of the picture: dot shrinks a larger graph to fit, and at this
// size Telegram takes the PNG as a photo (its sides must sum to at most
// 10,000 px) and a phone shows it whole.
const (
	MaxWidthInches  = 10
	MaxHeightInches = 16
	DPI             = 110
)

// Font is the typeface of every label: DejaVu Sans has every Cyrillic
// letter (Debian's fonts-dejavu-core).
const Font = "DejaVu Sans"

// Labels are the words and number formats of a map in the reader's
// language; nil functions print plain numbers.
type Labels struct {
	Start, End string
	Count      func(n int) string
	Duration   func(seconds float64) string
}

func (l Labels) count(n int) string {
	if l.Count == nil {
		return strconv.Itoa(n)
	}
	return l.Count(n)
}

func (l Labels) duration(s float64) string {
	if l.Duration == nil {
		return strconv.FormatFloat(s, 'f', 0, 64) + " s"
	}
	return l.Duration(s)
}

// Node shades by executions, lightest for the rarest; the darker ones take
// white text.
var shades = []string{"#E3F1F2", "#B9DDE0", "#82C1C7", "#3F979F", "#1F6F78"}

// DOT writes g as Graphviz DOT text in view, labelled by l.
func DOT(g Graph, view View, l Labels) []byte {
	var b bytes.Buffer
	b.WriteString("digraph process {\n")
	fmt.Fprintf(&b, "\tgraph [rankdir=TB, fontname=%s, bgcolor=\"white\", size=\"%d,%d\", dpi=%d, nodesep=0.35, ranksep=0.45, pad=0.25];\n",
		quote(Font), MaxWidthInches, MaxHeightInches, DPI)
	fmt.Fprintf(&b, "\tnode [shape=box, style=\"rounded,filled\", fontname=%s, fontsize=12, color=\"#1F6F78\", penwidth=1.2, margin=\"0.15,0.06\"];\n", quote(Font))
	fmt.Fprintf(&b, "\tedge [fontname=%s, fontsize=10, color=\"#52656B\", fontcolor=\"#2B3A3F\", arrowsize=0.7];\n", quote(Font))
	fmt.Fprintf(&b, "\tstart [label=%s, shape=oval, style=filled, fillcolor=\"#DFF3E4\", color=\"#2E8B57\"];\n", quote(l.Start))
	fmt.Fprintf(&b, "\tend [label=%s, shape=oval, style=filled, fillcolor=\"#F8E1E1\", color=\"#B03A3A\"];\n", quote(l.End))
	for _, n := range g.Nodes {
		shade := shadeIndex(n.Executions, g.MaxExec)
		font := ""
		if shade >= 3 {
			font = ", fontcolor=\"white\""
		}
		figure := l.count(n.Executions)
		if view == Durations {
			figure = l.duration(n.MeanSeconds)
		}
		fmt.Fprintf(&b, "\t%s [label=%s, fillcolor=%q%s];\n", nodeID(n.Activity),
			quoteLines(append(wrap(n.Name, 24, 60), figure)...), shades[shade], font)
	}
	for _, e := range g.Edges {
		attrs := []string{"penwidth=" + penWidth(e.Count, g.MaxCount)}
		terminal := e.From == Start || e.To == End
		if terminal {
			attrs = append(attrs, "style=dashed", "color=\"#8FA3A8\"")
		}
		switch {
		case view == Frequency:
			attrs = append(attrs, "label="+quote(" "+l.count(e.Count)+" "))
		case !terminal:
			attrs = append(attrs, "label="+quote(" "+l.duration(e.MeanSeconds)+" "))
		}
		fmt.Fprintf(&b, "\t%s -> %s [%s];\n", nodeID(e.From), nodeID(e.To), strings.Join(attrs, ", "))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func nodeID(v int32) string {
	switch v {
	case Start:
		return "start"
	case End:
		return "end"
	}
	return "a" + strconv.Itoa(int(v))
}

// shadeIndex places n among the shades by its share of most.
func shadeIndex(n, most int) int {
	if most <= 0 {
		return 0
	}
	return min(len(shades)-1, n*len(shades)/(most+1))
}

// penWidth grows from 1 for the rarest path to 6 for the most frequent.
func penWidth(n, most int) string {
	w := 1.0
	if most > 0 {
		w += 5 * float64(n) / float64(most)
	}
	return strconv.FormatFloat(w, 'f', 2, 64)
}

// quote is s as a DOT quoted string: a quote and a backslash (which
// starts DOT's own escapes such as \N and \l) are escaped, and a line
// break, which a name should not have, becomes a space.
func quote(s string) string {
	return `"` + escape(s) + `"`
}

// quoteLines is lines as one DOT label, a centred line each.
func quoteLines(lines ...string) string {
	for i, l := range lines {
		lines[i] = escape(l)
	}
	return `"` + strings.Join(lines, `\n`) + `"`
}

var escaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", " ", "\n", " ", "\r", " ")

func escape(s string) string { return escaper.Replace(s) }

// wrap breaks a name into lines of about width characters at spaces,
// after cutting it to limit characters, so a long name makes a tall box
// rather than a wide one.
func wrap(s string, width, limit int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit-1]) + "…"
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
