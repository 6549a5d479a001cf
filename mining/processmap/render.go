package processmap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// DefaultTimeout bounds one `dot` run: a map renders in well under a
// second, so a run that takes longer is stuck.
const DefaultTimeout = 5 * time.Second

// MissingError is `dot` not found: Graphviz is not installed, or the
// configured path points nowhere.
type MissingError struct {
	Path string // what was looked for
	Err  error
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("graphviz: %q not found (install the graphviz package): %v", e.Path, e.Err)
}

func (e *MissingError) Unwrap() error { return e.Err }

// IsMissing reports whether err says `dot` is not installed.
func IsMissing(err error) bool {
	var m *MissingError
	return errors.As(err, &m)
}

// Renderer turns DOT text into PNG with Graphviz `dot`, at most a few
// runs at once (each takes a core while it lays out).
type Renderer struct {
	path    string
	timeout time.Duration
	slots   chan struct{}
}

// NewRenderer runs the `dot` at path (a name is looked up in PATH; empty
// is "dot"), each run cut off after timeout (zero: DefaultTimeout), at
// most parallel at once (zero: 2).
func NewRenderer(path string, timeout time.Duration, parallel int) *Renderer {
	if path == "" {
		path = "dot"
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if parallel <= 0 {
		parallel = 2
	}
	return &Renderer{path: path, timeout: timeout, slots: make(chan struct{}, parallel)}
}

// Check finds `dot`: its path, or a *MissingError. It looks every time,
// so installing Graphviz needs no restart.
func (r *Renderer) Check() (string, error) {
	p, err := exec.LookPath(r.path)
	if err != nil {
		return "", &MissingError{Path: r.path, Err: err}
	}
	return p, nil
}

// PNG renders dot text to a PNG image. Graphviz's complaints come back in
// the error, for the log.
func (r *Renderer) PNG(ctx context.Context, dot []byte) ([]byte, error) {
	path, err := r.Check()
	if err != nil {
		return nil, err
	}
	select {
	case r.slots <- struct{}{}:
		defer func() { <-r.slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-Tpng")
	cmd.Stdin = bytes.NewReader(dot)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.WaitDelay = time.Second // a killed dot's pipes must not hold Wait
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w after %v", ctx.Err(), r.timeout)
		}
		return nil, fmt.Errorf("graphviz dot: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("\x89PNG")) {
		return nil, fmt.Errorf("graphviz dot: no PNG in its output: %s", strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}
