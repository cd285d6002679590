//go:build linux

package sqlite

import "golang.org/x/sys/unix"

// networkFileSystems are the file system types (statfs f_type) where
// SQLite's write-ahead log is unsafe: its shared memory index is not shared
// between computers, and their locks cannot be trusted for it.
var networkFileSystems = map[int64]string{
	unix.NFS_SUPER_MAGIC:   "NFS",
	unix.SMB_SUPER_MAGIC:   "SMB",
	unix.SMB2_SUPER_MAGIC:  "SMB",
	unix.CIFS_SUPER_MAGIC:  "CIFS",
	unix.V9FS_MAGIC:        "9p",
	unix.FUSE_SUPER_MAGIC:  "FUSE",
	unix.CODA_SUPER_MAGIC:  "Coda",
	unix.AFS_SUPER_MAGIC:   "AFS",
	unix.AFS_FS_MAGIC:      "AFS",
	unix.CEPH_SUPER_MAGIC:  "Ceph",
	unix.NCP_SUPER_MAGIC:   "NetWare",
	unix.OCFS2_SUPER_MAGIC: "OCFS2",
	0x0bd00bd0:             "Lustre",
	0x786f4256:             "VirtualBox shared folder",
}

// fileSystemOf names the file system that holds dir when it is a network
// (or user-space) one; "" means local.
func fileSystemOf(dir string) string {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return ""
	}
	return networkFileSystems[int64(st.Type)]
}
