//go:build windows

package sqlite

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// fileSystemOf says "network share" when dir is on a UNC path or a drive
// letter mapped to a share; "" means local.
func fileSystemOf(dir string) string {
	vol := filepath.VolumeName(dir)
	if strings.HasPrefix(vol, `\\`) && !strings.HasPrefix(vol, `\\?\`) && !strings.HasPrefix(vol, `\\.\`) {
		return "network share"
	}
	if strings.HasPrefix(strings.ToUpper(vol), `\\?\UNC\`) {
		return "network share"
	}
	vol = strings.TrimPrefix(vol, `\\?\`)
	if len(vol) != 2 || vol[1] != ':' {
		return ""
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "network share"
	}
	return ""
}
