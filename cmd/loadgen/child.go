package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"sync"
	"syscall"

	"processet/internal/app"
)

// Environment of the bot process this command starts.
const (
	childEnv     = "LOADGEN_CHILD"      // "1": run the bot, not the load
	profileEnv   = "LOADGEN_CPUPROFILE" // file for the CPU profile from SIGUSR1 to exit
	cardCacheEnv = "LOADGEN_CARD_CACHE" // "off" draws every card afresh
	homeShareEnv = "LOADGEN_HOME_SHARE" // "off" reads the home figures for every view
)

// runChild is the bot under load: the real application (app.Run, as
// `processet run` starts it) in a process of its own, so that its memory
// and CPU are its own. SIGUSR1 starts the CPU profile, SIGTERM stops the
// bot and writes the profile.
func runChild() int {
	cfg, err := app.LoadConfig(os.Getenv, true)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bot:", err)
		return 2
	}
	if os.Getenv(cardCacheEnv) == "off" {
		cfg.CardCacheBytes = -1
	}
	if os.Getenv(homeShareEnv) == "off" {
		cfg.HomeMaxAge = -1
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	var prof profiler
	if path := os.Getenv(profileEnv); path != "" {
		usr1 := make(chan os.Signal, 1)
		signal.Notify(usr1, syscall.SIGUSR1)
		go func() {
			select {
			case <-usr1:
				prof.start(path, log)
			case <-ctx.Done():
			}
		}()
	}
	err = app.Run(ctx, cfg, log)
	prof.stop(log)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bot:", err)
		return 1
	}
	return 0
}

type profiler struct {
	mu sync.Mutex
	f  *os.File
}

func (p *profiler) start(path string, log *slog.Logger) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		log.Error("start CPU profile", "err", err)
		return
	}
	p.f = f
}

func (p *profiler) stop(log *slog.Logger) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.f == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := p.f.Close(); err != nil {
		log.Error("write CPU profile", "err", err)
	}
	p.f = nil
}
