package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogsUpToDate regenerates the logs and holds them against the
// shipped files: a change to a model without `go generate ./demo` fails
// here. The logs are compared unpacked, so that another Go version's
// compressor cannot fail it.
func TestLogsUpToDate(t *testing.T) {
	want, err := render()
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := filepath.Glob(filepath.Join("..", "logs", "[0-9]*"))
	if err != nil || len(shipped) != len(want) {
		t.Fatalf("shipped %q, generated %d files (%v): run go generate ./demo", shipped, len(want), err)
	}
	for name, data := range want {
		got, err := os.ReadFile(filepath.Join("..", "logs", name))
		if err != nil {
			t.Fatalf("%v: run go generate ./demo", err)
		}
		if !bytes.Equal(unpack(t, name, got), unpack(t, name, data)) {
			t.Errorf("%s differs from what the generator writes: run go generate ./demo", name)
		}
	}
}

func unpack(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	var r io.Reader
	switch {
	case strings.HasSuffix(name, ".gz"):
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r = zr
	case strings.HasSuffix(name, ".zip"):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil || len(zr.File) != 1 {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := zr.File[0].Open()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r = f
	default:
		return data
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}
