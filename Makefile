# Processet Bot. `make run` and `make test` are all a newcomer needs.
GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X processet/internal/app.Version=$(VERSION)

.PHONY: run demo build test bench fuzz faults vet lint clean

run: ## run the bot (embedded PostgreSQL unless DATABASE_URL is set)
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/processet run

demo: ## load the demo company into the database
	$(GO) run ./cmd/processet demo

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o processet ./cmd/processet

test: ## the whole suite: vet, then every test with the race detector
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 8m ./...

bench: ## rendering, home screen, event-log reading, process maps, per-update user write, outbox fan-out and amoCRM sync benchmarks (the last two take minutes)
	$(GO) test -run '^$$' -bench . -benchmem ./charts/ ./bot/ ./storage/
	$(GO) test -run '^$$' -bench . -benchmem ./mining/eventlog/ ./mining/processmap/
	$(GO) test -run '^$$' -bench . -benchtime 1x ./notify/ ./crmsync/ ./amocrm/
	$(GO) test -run '^$$' -bench . -benchtime 1x -benchmem ./mining/ ./mining/process/
	$(GO) test -run '^$$' -bench . -benchtime 10x -benchmem ./demo/

FUZZTIME ?= 30s
FUZZFLAGS ?=
fuzz: ## fuzz every parser for FUZZTIME each (a count works too: FUZZTIME=1000000x FUZZFLAGS=-parallel=1)
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./quickadd/
	$(GO) test -run '^$$' -fuzz FuzzCallbackData -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./bot/
	$(GO) test -run '^$$' -fuzz FuzzCaptions -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./bot/
	$(GO) test -run '^$$' -fuzz FuzzParseUpdate -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./bot/
	$(GO) test -run '^$$' -fuzz FuzzVoteCallback -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./bot/
	$(GO) test -run '^$$' -fuzz FuzzLoadConfig -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./internal/app/
	$(GO) test -run '^$$' -fuzz FuzzParseZone -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./domain/
	$(GO) test -run '^$$' -fuzz FuzzParseStandardTime -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./domain/
	$(GO) test -run '^$$' -fuzz FuzzParseShare -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./domain/
	$(GO) test -run '^$$' -fuzz FuzzReadCSV -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./mining/eventlog/
	$(GO) test -run '^$$' -fuzz FuzzReadXES -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./mining/eventlog/
	$(GO) test -run '^$$' -fuzz FuzzParseTimestamp -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./mining/eventlog/
	$(GO) test -run '^$$' -fuzz FuzzWebhookForm -fuzztime $(FUZZTIME) $(FUZZFLAGS) ./crmsync/

faults: ## the fault runs against the real binary: SIGKILL mid-digest, mid-sync and mid-import (Task Mining), PostgreSQL restart, outages (minutes)
	$(GO) test -tags faults -v -count=1 -timeout 30m -run TestFault ./internal/app/

clean:
	rm -f processet
