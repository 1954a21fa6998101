package parallel

import (
	"context"
	"io"
	"math"
	"os"

	"github.com/simdwc/simdwc/scalar"
)

// Files are read with positional reads (ReadAt, i.e. pread) into one
// reusable 1 MiB buffer per worker, each worker taking the next task (a
// run of the file) in turn. BenchmarkFile on a page-cached 256 MiB file
// (2-core Xeon, load ~10 from other builds, so ±40%) with the
// memory-speed stand-in kernel measured, in GB/s:
//
//	            pread-256K  pread-1M  pread-4M  mmap     mmap+populate
//	1 worker    1.7–3.6     3.5–4.4   3.3–5.6   6.2–7.1  5.4–5.6
//	2 workers   2.8–3.6     2.7–4.3   1.4–3.0   4.7–5.6  4.7–5.6
//
// So a fresh mmap per count delivers page-cached bytes about 1.4× faster
// than pread's copy, and buffer size barely matters from 256 KiB. pread
// is kept anyway, for now: with the kernel in the tree today (the
// reference, ~60 MB/s) delivery is under 2% of a count, and pread gives
// bounded memory for files bigger than RAM without mapping windows, no
// SIGBUS (a fatal fault in Go) when the file is truncated while counted,
// and one path for every OS. When the SIMD kernels land, rerun
// BenchmarkFile: if mmap's lead holds at memory speed, map task-sized
// windows under debug.SetPanicOnFault and keep pread as the fallback.

// CountPath opens the named file and counts it as CountFile does.
func (c Config) CountPath(ctx context.Context, path string) (scalar.Partial, error) {
	f, err := os.Open(path)
	if err != nil {
		return scalar.Partial{Dialect: c.Dialect}, err
	}
	defer f.Close()
	return c.CountFile(ctx, f)
}

// CountFile returns the Partial of f from its current offset to its end,
// and leaves the offset at the end, as reading it would. A regular file is
// counted on Workers goroutines with positional reads; anything else (a
// pipe, a terminal, a device) goes through CountReader's stream pipeline.
// Bytes appended while it counts are counted too: after the size Stat
// gave, it reads on to the end of file.
//
// On a read error it returns the Partial of everything before the failed
// read with the error; when ctx is cancelled, that of a prefix with ctx's
// error.
func (c Config) CountFile(ctx context.Context, f *os.File) (scalar.Partial, error) {
	return c.countFile(cancellable(ctx), f)
}

func (c Config) countFile(ctx context.Context, f *os.File) (scalar.Partial, error) {
	acc := scalar.Partial{Dialect: c.Dialect}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return c.countStream(ctx, f, acc)
	}
	start, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return c.countStream(ctx, f, acc)
	}
	if size := fi.Size(); size > start {
		var short bool
		acc, short, err = c.countRange(ctx, f, start, size)
		if short || err != nil {
			_, _ = f.Seek(start+int64(acc.Bytes), io.SeekStart)
			return acc, err
		}
	}
	off := start + int64(acc.Bytes)
	acc, err = c.countStream(ctx, io.NewSectionReader(f, off, math.MaxInt64-off), acc)
	if _, serr := f.Seek(start+int64(acc.Bytes), io.SeekStart); err == nil {
		err = serr
	}
	return acc, err
}

// countRange counts bytes [lo, hi) of f. short reports that the file
// ended (or a read failed) before hi.
func (c Config) countRange(ctx context.Context, f io.ReaderAt, lo, hi int64) (part scalar.Partial, short bool, err error) {
	size := int64(c.bufferSize())
	w, task := c.plan(hi - lo)
	if c.ChunkSize == 0 {
		task = (task + size - 1) / size * size // whole, aligned buffers
	}
	results := make([]result, (hi-lo+task-1)/task)
	bufs := make([]*[]byte, w)
	runTasks(ctx, w, results, func(worker, i int, r *result) {
		if bufs[worker] == nil {
			bufs[worker] = c.getBuf()
		}
		buf := *bufs[worker]
		off := lo + int64(i)*task
		end := min(off+task, hi)
		for off < end {
			if err := ctxErr(ctx); err != nil {
				r.err = err
				return
			}
			want := min(int64(len(buf)), end-off)
			n, err := f.ReadAt(buf[:want], off)
			r.part = r.part.Merge(c.kernel(buf[:n]))
			off += int64(n)
			if int64(n) < want {
				r.short = true
				if err != io.EOF {
					r.err = err
				}
				return
			}
		}
	})
	for _, b := range bufs {
		if b != nil {
			putBuf(b)
		}
	}
	part, err = mergeResults(scalar.Partial{Dialect: c.Dialect}, results)
	for i := range results {
		if results[i].short || results[i].err != nil {
			return part, true, err
		}
	}
	return part, false, nil
}
