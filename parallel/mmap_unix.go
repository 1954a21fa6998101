//go:build unix

package parallel

import (
	"os"
	"syscall"
)

// mapper maps windows of one open file read-only.
type mapper struct{ conn syscall.RawConn }

var pageSize = int64(syscall.Getpagesize())

// newMapper returns a mapper for f, or nil when f is better read.
func newMapper(f *os.File) *mapper {
	conn, err := f.SyscallConn()
	if err != nil || !mappable(conn) {
		return nil
	}
	return &mapper{conn}
}

// mapAt maps bytes [off, off+n) of the file, n > 0. mem is the mapping
// (from off rounded down to a page), to give back to unmap; p is the
// bytes asked for. The kernels never write to their input: PROT_READ.
func (m *mapper) mapAt(off int64, n int) (mem, p []byte, err error) {
	skip := off % pageSize
	cerr := m.conn.Control(func(fd uintptr) {
		mem, err = syscall.Mmap(int(fd), off-skip, int(skip)+n, syscall.PROT_READ, syscall.MAP_SHARED)
	})
	if err == nil {
		err = cerr
	}
	if err != nil {
		return nil, nil, err
	}
	return mem, mem[skip:], nil
}

func (m *mapper) unmap(mem []byte) { _ = syscall.Munmap(mem) }

// size is the file's size now.
func (m *mapper) size() (int64, error) {
	var st syscall.Stat_t
	var err error
	if cerr := m.conn.Control(func(fd uintptr) { err = syscall.Fstat(int(fd), &st) }); cerr != nil {
		return 0, cerr
	}
	return st.Size, err
}
