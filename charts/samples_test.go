package charts

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// samples names a directory to write every test card into, for looking at
// them and for the README: go test ./charts -run TestWriteSamples -samples DIR
var samples = flag.String("samples", "", "write sample cards as PNG files into this directory")

func TestWriteSamples(t *testing.T) {
	if *samples == "" {
		t.Skip("no -samples directory given")
	}
	if err := os.MkdirAll(*samples, 0o755); err != nil {
		t.Fatal(err)
	}
	r := NewRenderer(2)
	ctx := context.Background()
	write := func(name string, png []byte, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(*samples, name+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", path, len(png))
	}
	png, err := r.Home(ctx, sampleHome())
	write("home", png, err)
	for name, c := range map[string]AreaCard{"crm": sampleCRM(), "tasks": sampleTasks(), "mining": sampleMining(), "ideas": sampleIdeas()} {
		png, err := r.Area(ctx, c)
		write(name, png, err)
	}
	png, err = r.Home(ctx, emptyHome())
	write("home-empty", png, err)
	png, err = r.Home(ctx, extremeHome())
	write("home-extreme", png, err)
	for i, c := range emptyAreas() {
		png, err := r.Area(ctx, c)
		write(fmt.Sprintf("area-empty-%d", i+1), png, err)
	}
	for i, c := range extremeAreas() {
		png, err := r.Area(ctx, c)
		write(fmt.Sprintf("area-extreme-%d", i+1), png, err)
	}
}
