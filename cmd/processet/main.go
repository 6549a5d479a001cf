// Command processet runs Processet Bot: a company's dashboards in Telegram.
//
//	processet [run]          run the bot (the default)
//	processet migrate        apply database migrations and exit
//	processet demo [--replace]  load the demo company into the database
//	processet import FILE… [--process NAME]  import event logs into Task Mining and recompute
//	processet backup [FILE]  dump the database (pg_dump's custom format)
//	processet restore FILE [--force]  load a dump into an empty database
//	processet version        print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // TIMEZONE works in images without a zoneinfo database

	"github.com/joho/godotenv"

	"processet/internal/app"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "processet:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "run"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd == "version" || cmd == "--version" {
		fmt.Println("processet", app.Version)
		return nil
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Println("usage: processet [run | migrate | demo [--replace] | import FILE… [--process NAME] | backup [FILE] | restore FILE [--force] | version]")
		return nil
	}
	// .env is optional; the environment wins over it.
	if err := godotenv.Load(); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf(".env: %w", err)
	}
	cfg, err := app.LoadConfig(os.Getenv, cmd == "run")
	if err != nil {
		return err
	}
	log := app.NewLogger(os.Stderr, cfg.LogLevel, cfg.BotToken)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "run":
		return app.Run(ctx, cfg, log)
	case "migrate":
		return app.Migrate(ctx, cfg, log)
	case "demo":
		replace := len(args) > 0 && args[0] == "--replace"
		if err := app.LoadDemo(ctx, cfg, replace, log); err != nil {
			return err
		}
		fmt.Println("demo company loaded: deals, tasks, task mining and ideas")
		return nil
	case "import":
		opt, err := importArgs(args)
		if err != nil {
			return err
		}
		opt.Out, opt.Errs = os.Stdout, os.Stderr
		return app.Import(ctx, cfg, opt, log)
	case "backup":
		if len(args) > 1 || len(args) == 1 && strings.HasPrefix(args[0], "-") {
			return errors.New("backup: use backup [FILE]")
		}
		file, err := app.Backup(ctx, cfg, strings.Join(args, ""), log)
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		fmt.Println("backup written:", file)
		return nil
	case "restore":
		file, force, err := restoreArgs(args)
		if err != nil {
			return err
		}
		if err := app.Restore(ctx, cfg, file, force, log); err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		fmt.Println("restored from", file)
		return nil
	}
	return fmt.Errorf("unknown command %q: use run, migrate, demo, import, backup, restore or version", cmd)
}

// importArgs reads `import FILE… [--process NAME]`; the flag may stand
// anywhere, and "--" ends the flags (for a file named like one).
func importArgs(args []string) (app.ImportOptions, error) {
	var opt app.ImportOptions
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			opt.Files = append(opt.Files, args[i+1:]...)
			i = len(args)
		case a == "--process" || a == "-process":
			if i+1 >= len(args) {
				return opt, errors.New("import: --process needs a name")
			}
			i++
			opt.Process = args[i]
		case strings.HasPrefix(a, "--process="):
			opt.Process = strings.TrimPrefix(a, "--process=")
		case strings.HasPrefix(a, "-"):
			return opt, fmt.Errorf("import: unknown flag %s: use import FILE… [--process NAME]", a)
		default:
			opt.Files = append(opt.Files, a)
		}
	}
	if len(opt.Files) == 0 {
		return opt, errors.New("import: name at least one event log file: import FILE… [--process NAME]")
	}
	return opt, nil
}

// restoreArgs reads `restore FILE [--force]`.
func restoreArgs(args []string) (file string, force bool, err error) {
	for _, a := range args {
		switch {
		case a == "--force" || a == "-force":
			force = true
		case strings.HasPrefix(a, "-"):
			return "", false, fmt.Errorf("restore: unknown flag %s: use restore FILE [--force]", a)
		case file != "":
			return "", false, errors.New("restore: name one file: restore FILE [--force]")
		default:
			file = a
		}
	}
	if file == "" {
		return "", false, errors.New("restore: name the dump to load: restore FILE [--force]")
	}
	return file, force, nil
}
