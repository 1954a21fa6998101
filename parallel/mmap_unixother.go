//go:build unix && !linux

package parallel

import "syscall"

// mappable: every regular file outside Linux (whose pseudo file systems
// mmap_linux.go leaves to read).
func mappable(syscall.RawConn) bool { return true }
