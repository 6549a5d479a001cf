package main

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"processet/internal/testdb"
)

// TestMain lets the test binary be the bot process too, as the command
// itself is: run starts its own executable with childEnv set.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(runChild())
	}
	os.Exit(testdb.Main(m))
}

// TestLoadAnswersEveryUpdate runs the tool briefly at a low rate: every
// update sent is offered to the bot and answered, nothing the fake Bot
// API would refuse, and the report names every figure.
func TestLoadAnswersEveryUpdate(t *testing.T) {
	var out bytes.Buffer
	got, err := run(context.Background(), options{rate: 10, duration: 3 * time.Second, warmup: time.Second,
		drain: 30 * time.Second, users: 6, mode: "polling", cardCache: true, homeShare: true, databaseURL: testdb.NewURL(t), seed: 1, quiet: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	if got.sent == 0 || got.unanswered != 0 || got.failed != 0 || got.problems != 0 || got.answered != got.offered {
		t.Errorf("summary %+v: want every update answered, no errors", got)
	}
	for _, want := range []string{"p99", "text", "cards", "too busy", "unanswered", "peak RSS", "uploaded"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the report does not say %q", want)
		}
	}
}
