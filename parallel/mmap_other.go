//go:build !unix

package parallel

import "os"

// mapper: no mmap here, every file is read.
type mapper struct{}

func newMapper(*os.File) *mapper { return nil }

func (*mapper) mapAt(int64, int) (mem, p []byte, err error) { panic("unreachable") }

func (*mapper) unmap([]byte) {}

func (*mapper) size() (int64, error) { panic("unreachable") }
