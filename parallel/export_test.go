package parallel

import (
	"context"
	"io"

	"github.com/simdwc/simdwc/scalar"
)

// WithSizes forces tasks of task bytes and read buffers of buf bytes (0
// keeps the default), so that small test inputs split in many places.
func WithSizes(c Config, task, buf int) Config {
	c.ChunkSize, c.BufferSize = task, buf
	return c
}

// WithKernel counts chunks with f instead of simd.Count.
func WithKernel(c Config, f func([]byte) scalar.Partial) Config {
	c.count = f
	return c
}

// CountRange exposes the positional-read path for any io.ReaderAt.
func (c Config) CountRange(ctx context.Context, r io.ReaderAt, lo, hi int64) (scalar.Partial, bool, error) {
	return c.countRange(cancellable(ctx), r, lo, hi)
}

const BufSize = bufSize

// WithFileRead forces how CountFile reads a regular file: "pread" only
// positional reads, "mmap" maps ranges of any size (still falling back to
// reads where it must), "" the package's own choice. A window > 0 maps
// at most that many bytes at once.
func WithFileRead(c Config, how string, window int) Config {
	c.file.read = map[string]fileRead{"": readAuto, "pread": readPread, "mmap": readMmap}[how]
	c.file.window = int64(window)
	return c
}

// WithMapped runs f on every mapped window just before it is counted.
func WithMapped(c Config, f func(p []byte)) Config {
	c.file.mapped = f
	return c
}

const (
	MinMap    = minMap
	MapWindow = mapWindow
)
