//go:build darwin

package sqlite

import (
	"strings"

	"golang.org/x/sys/unix"
)

// fileSystemOf names the file system that holds dir when it is a network
// (or user-space, such as sshfs through macFUSE) one; "" means local.
func fileSystemOf(dir string) string {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return ""
	}
	name := unix.ByteSliceToString(st.Fstypename[:])
	switch {
	case name == "nfs", name == "smbfs", name == "afpfs", name == "webdav", name == "cifs", name == "ftp":
		return name
	case strings.Contains(name, "fuse"):
		return name
	}
	return ""
}
