package processmap

import (
	"context"
	"testing"

	"processet/internal/cputime"
)

// BenchmarkProcessMap is one map of a BPIC 2012-sized process (24
// activities, 13,000 cases) at each level: choosing the graph, writing
// the DOT and rendering it with dot; the goal is 300 ms a map. dot's own
// CPU time is reported apart, as wall time moves with the machine's load.
func BenchmarkProcessMap(b *testing.B) {
	r := generated(2012, 24, 13_000)
	rd := NewRenderer("", 0, 0)
	for level := 1; level <= Levels; level++ {
		b.Run("level"+string(rune('0'+level)), func(b *testing.B) {
			b.ReportAllocs()
			cpu, n := cputime.Children(), 0
			for b.Loop() {
				n++
				png, err := rd.PNG(context.Background(), DOT(Build(r, level), Frequency, labels))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(png))/1024, "KB/png")
			}
			b.ReportMetric(float64((cputime.Children()-cpu).Microseconds())/1000/float64(n), "dot-cpu-ms/op")
		})
	}
}

// BenchmarkBuild is the graph and its DOT alone, without dot.
func BenchmarkBuild(b *testing.B) {
	r := generated(2012, 24, 13_000)
	b.ReportAllocs()
	for b.Loop() {
		DOT(Build(r, 3), Durations, labels)
	}
}
