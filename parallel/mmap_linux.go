package parallel

import "syscall"

// mappable reports whether the file under conn may be mapped. Pseudo
// file systems are read instead: their sizes are often wrong, and some
// regular-looking files there map device memory (sysfs PCI resource
// files), whose reading may have side effects that read(2) refuses.
func mappable(conn syscall.RawConn) bool {
	var st syscall.Statfs_t
	var err error
	if cerr := conn.Control(func(fd uintptr) { err = syscall.Fstatfs(int(fd), &st) }); cerr != nil || err != nil {
		return false
	}
	switch uint32(st.Type) {
	case 0x9fa0, // proc
		0x62656572, // sysfs
		0x64626720, // debugfs
		0x74726163, // tracefs
		0x73636673, // securityfs
		0x62656570, // configfs
		0xcafe4a11, // bpf
		0x27e0eb,   // cgroup
		0x63677270, // cgroup2
		0xde5e81e4, // efivarfs
		0x6165676c: // pstore
		return false
	}
	return true
}
