package parallel

import (
	"context"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"unsafe"

	"github.com/simdwc/simdwc/scalar"
)

// A regular file from 1 MiB is counted through read-only mappings: each
// task maps its range in windows of at most 16 MiB (mapWindow), counts
// each with the kernel straight from the page cache and unmaps it, so
// memory stays bounded for files bigger than RAM. Smaller files, other
// OSes and files that will not map are read with positional reads
// (ReadAt, i.e. pread) into one reusable 1 MiB buffer per worker.
//
// Measured with the AVX-512 kernels, on a page-cached 256 MiB file
// (2-core Xeon shared with other builds, so the 2-worker column moves
// with their load), in GB/s:
//
//	go test -run '^$' -bench 'File/count' -benchtime 5x -count 3 ./parallel
//
//	            pread-1M   mmap (16 MiB windows)
//	1 worker    6.4–7.2    15.8–17.3
//	2 workers   6.5–6.7    16.0–16.9  (load 3)
//	2 workers   11.5–11.7  25.8–28.0  (load 2, an earlier run)
//
// The copy out of the page cache, not the syscall, is what pread pays:
// 256 KiB to 4 MiB buffers are the same ±20% ("memspeed" rows of
// BenchmarkFile). Window size barely matters (4 MiB: 5–15% slower, 64
// and 256 MiB: 0–10% faster, within the noise), nor do MAP_POPULATE
// (+2–4%, and on a cold file it would stop read-ahead overlapping the
// count) and MADV_SEQUENTIAL / MADV_WILLNEED (noise): none is used. A count that maps
// pays ~6 µs more than one that reads (mmap, munmap, fstat, faults);
// BenchmarkFileSmall (open and count, one worker) puts the cut-over
// (minMap) at 1 MiB:
//
//	            16K   64K   256K   512K   1M    2M    4M
//	pread µs    4.3   7.0   17     27     66    144   286
//	mmap µs     11    16    20     27     52    78    152
//
// A file cut while it is mapped faults (SIGBUS) past its new end, which
// is fatal in Go unless the goroutine asked for a panic: windows are
// counted under debug.SetPanicOnFault, a fault drops that window's counts
// and pread takes over from its start, stopping at the new end as for any
// file that shrinks while counted (countMapped).

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
// counted on Workers goroutines through mapped windows or positional
// reads; anything else (a pipe, a terminal, a device) goes through
// CountReader's stream pipeline.
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

// fileKnobs let tests and benchmarks choose how a file is read.
type fileKnobs struct {
	read   fileRead
	window int64          // bytes mapped at once; 0: mapWindow
	mapped func(p []byte) // run on each window mapped, before counting it
}

// fileRead says how a regular file's bytes reach the kernel.
type fileRead uint8

const (
	readAuto  fileRead = iota // mapped from minMap bytes where the OS can, else read
	readPread                 // positional reads only
	readMmap                  // mapped at any size; still falls back to reads
)

const (
	// minMap: a range shorter than this is read, not mapped
	// (BenchmarkFileSmall, see the top of this file).
	minMap = 1 << 20
	// mapWindow: the most a task maps at once, so that the address space
	// and page tables held stay bounded (workers × mapWindow) whatever
	// the file size. 4 MiB windows were 5–15% slower, 64 MiB not clearly
	// faster.
	mapWindow = 16 << 20
)

// mapper returns how to map f for a range of n bytes, or nil to read it.
func (c Config) mapper(f io.ReaderAt, n int64) *mapper {
	if c.file.read == readPread || c.file.read == readAuto && n < minMap {
		return nil
	}
	file, ok := f.(*os.File)
	if !ok {
		return nil
	}
	return newMapper(file)
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
	m := c.mapper(f, hi-lo)
	runTasks(ctx, w, results, func(worker, i int, r *result) {
		off := lo + int64(i)*task
		end := min(off+task, hi)
		if m != nil {
			// Mapped as far as it goes; read on from where it stopped
			// (a window the OS would not map, or the file shrank).
			off = c.countMapped(ctx, m, off, end, r)
			if off == end || r.err != nil {
				return
			}
		}
		if bufs[worker] == nil {
			bufs[worker] = c.getBuf()
		}
		buf := *bufs[worker]
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

// countMapped counts [off, end) of m's file into r, one mapped window at
// a time, and returns where it stopped: end; or before, when ctx was
// cancelled (r.err says so), or when a window could not be mapped or its
// counts could not be trusted, for the caller to read on from there.
// r.part holds exactly the counts of the bytes up to there.
func (c Config) countMapped(ctx context.Context, m *mapper, off, end int64, r *result) int64 {
	window := c.file.window
	if window <= 0 {
		window = mapWindow
	}
	for off < end {
		n := min(end-off, window)
		mem, p, err := m.mapAt(off, int(n))
		if err != nil {
			return off // not mappable (a special file): the caller reads
		}
		if c.file.mapped != nil {
			c.file.mapped(p)
		}
		part, fault, err := c.countWindow(ctx, p)
		m.unmap(mem)
		size, serr := m.size()
		if fault != nil {
			// Ours when the faulting address is in the window or the file
			// now ends before the window does (qemu-user reports wrong
			// addresses, or none); anything else is a bug, not to be
			// hidden.
			if !faultIn(fault, mem) && (serr != nil || size >= off+n) {
				panic(fault)
			}
			return off
		}
		// A file cut while mapped reads as zeros up to the end of the
		// page holding its new end, and faults past that. So a window's
		// counts are kept only if the file still reaches past all it
		// counted; otherwise the window is read again, and pread stops at
		// the new end as it does for any file that shrinks while counted.
		if serr != nil || size < off+int64(part.Bytes) {
			return off
		}
		r.part = r.part.Merge(part)
		off += int64(part.Bytes)
		if err != nil {
			r.err = err
			return off
		}
	}
	return off
}

// countWindow returns the Partial of p, mapped memory, counted in blocks
// of ctxBlock when ctx can be cancelled: of all of p, or of a prefix with
// ctx's error. When reading p faulted it returns the fault instead.
//
// Reading a mapping past the end of its file raises SIGBUS, fatal in Go
// unless the goroutine asked for a panic instead (debug.SetPanicOnFault),
// which is recovered here.
func (c Config) countWindow(ctx context.Context, p []byte) (part scalar.Partial, fault runtime.Error, err error) {
	defer func() {
		if e := recover(); e != nil {
			f, ok := e.(runtime.Error)
			if !ok || !isFault(f) {
				panic(e)
			}
			fault = f
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // on now, as it was on return
	part = scalar.Partial{Dialect: c.Dialect}
	for len(p) > 0 {
		if err := ctxErr(ctx); err != nil {
			return part, nil, err
		}
		k := len(p)
		if ctx != nil {
			k = min(k, ctxBlock)
		}
		part = part.Merge(c.kernel(p[:k]))
		p = p[k:]
	}
	return part, nil, nil
}

// isFault reports whether e is the panic of a faulting read under
// debug.SetPanicOnFault: one carrying the faulting address, or, when the
// fault gave an address in the first page (qemu-user gives 0 for SIGBUS),
// the plain nil-dereference error.
func isFault(e runtime.Error) bool {
	if _, ok := e.(interface{ Addr() uintptr }); ok {
		return true
	}
	return e.Error() == "runtime error: invalid memory address or nil pointer dereference"
}

// faultIn reports whether f is a fault of a read inside the mapping mem.
func faultIn(f runtime.Error, mem []byte) bool {
	a, ok := f.(interface{ Addr() uintptr })
	if !ok || len(mem) == 0 {
		return false
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(mem)))
	page := uintptr(os.Getpagesize())
	span := (uintptr(len(mem)) + page - 1) &^ (page - 1) // the OS maps whole pages
	return a.Addr() >= base && a.Addr()-base < span
}
