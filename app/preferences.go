package app

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Preference keys. Preferences belong to the person at this computer, not to
// a workspace, so they live in Fyne's preferences and not in the file.
const (
	prefActor   = "actor"
	prefRecent  = "recent-workspaces"
	maxRecent   = 8
	recentSplit = "\n"
)

// recentFiles lists recently opened workspaces, newest first.
func recentFiles(p fyne.Preferences) []string {
	s := p.String(prefRecent)
	if s == "" {
		return nil
	}
	return strings.Split(s, recentSplit)
}

// addRecent puts path first in the recent list, once, keeping at most maxRecent.
func addRecent(p fyne.Preferences, path string) {
	list := []string{path}
	for _, f := range recentFiles(p) {
		if f != path && len(list) < maxRecent {
			list = append(list, f)
		}
	}
	p.SetString(prefRecent, strings.Join(list, recentSplit))
}

// removeRecent forgets path, for a recent file that no longer opens.
func removeRecent(p fyne.Preferences, path string) {
	var list []string
	for _, f := range recentFiles(p) {
		if f != path {
			list = append(list, f)
		}
	}
	p.SetString(prefRecent, strings.Join(list, recentSplit))
}
