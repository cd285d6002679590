//go:build !linux && !darwin && !windows

package sqlite

// fileSystemOf cannot tell on this system and takes every folder for a
// local one.
func fileSystemOf(dir string) string { return "" }
