// Command smsbuilder is SMS Builder: a desktop app that guides a small IT
// service organisation through an ISO/IEC 20000-1:2018 service management
// system and prints its documentation. main only wires the parts together.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	fyneapp "smsbuilder/app"
	"smsbuilder/app/cli"
	"smsbuilder/app/toolkitlog"
	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

const appID = "uk.co.smsbuilder.app"

// fyneApp names the version and build that Help ▸ About shows.
//
//go:embed FyneApp.toml
var fyneApp string

func main() {
	store := sqlite.New()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		fmt.Fprintf(os.Stderr, "smsbuilder: the built-in content is damaged: %s\n", data.ErrorMessage(err))
		os.Exit(1)
	}
	args := os.Args[1:]
	if cli.IsCommand(args) {
		toolkitlog.SendTo(nil)
		os.Exit(cli.Run(context.Background(), args, cli.Deps{
			Store: store, Catalogue: cat, Stdout: os.Stdout, Stderr: os.Stderr,
		}))
	}

	// The toolkit's messages are for diagnosis, not for the person at the terminal.
	if f, err := toolkitlog.File(); err == nil {
		defer f.Close()
		toolkitlog.SendTo(f)
	} else {
		toolkitlog.SendTo(os.Stderr)
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	if err := fyneapp.LoadTranslations(); err != nil {
		fmt.Fprintf(os.Stderr, "smsbuilder: %v\n", err)
	}
	ui := fyneapp.New(a, fyneapp.Deps{
		Store:            store,
		Catalogue:        cat,
		DefaultWorkspace: defaultWorkspace(),
		FyneApp:          fyneApp,
	})
	path := ""
	if len(args) > 0 {
		path = args[0]
	}
	ui.ShowAndRun(path)
}

// defaultWorkspace is where the demo workspace is created on first start.
func defaultWorkspace() string {
	dir, err := os.UserHomeDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "SMS Builder", "Northwind demo"+data.WorkspaceExt)
}
