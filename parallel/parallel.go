// Package parallel counts on every core: it cuts an input into chunks,
// counts each with the dispatched kernel (simd.Count) and merges the
// scalar.Partials in input order. Merge is exact for any cut, so chunks
// end at arbitrary byte positions — inside a word, a tab run or a
// multi-byte char — and the counts are those of one single-threaded pass,
// for every dialect and any number of workers.
//
// Three shapes of input: a byte slice (Config.Count), a regular file
// mapped in windows or read with positional reads into per-worker buffers
// (Config.CountFile), and any io.Reader through a pipeline that overlaps
// reading with counting (Config.CountReader). Memory stays bounded whatever the input size, and
// every goroutine started is finished before a call returns.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Config says how to count. The zero value counts nothing but bytes, in
// UTF8, on GOMAXPROCS workers.
type Config struct {
	Dialect scalar.Dialect
	// Need is handed to the kernel (simd.Need); counts outside it are
	// unspecified in the result, as with simd.Count.
	Need simd.Need
	// Workers is the most goroutines counting at once; 0 means
	// GOMAXPROCS. With 1 everything runs on the calling goroutine: no
	// goroutine is started and reading does not overlap counting.
	Workers int

	// ChunkSize is the bytes per task; 0 lets the input size choose (and
	// keeps small inputs on one goroutine). Set, it splits any input in
	// tasks of this size: for tests and fuzzing, or to tune.
	ChunkSize int
	// BufferSize is the read buffer of a file worker and of a stream slot;
	// 0 means 1 MiB (buffers of that size are pooled across calls).
	BufferSize int

	count func([]byte) scalar.Partial // nil = simd.Count (tests: export_test.go)
	file  fileKnobs                   // tests and benchmarks: export_test.go
}

// Measured cut-overs (BenchmarkCutover: one worker against two, on a
// 2-core Xeon with a load average of 9 from other builds, so noisy). The
// fork/join of a second goroutine costs 3.5–4 µs there (4 KiB with the
// memory-speed stand-in kernel: 0.13 µs on one worker, 3.4–4 µs on two).
// At memory speed (the "memspeed" stand-in, 30–50 GB/s on cached data,
// what the SIMD kernels aim at) that overhead is worth 100–150 KiB of
// counting: two workers lose below 256 KiB (64 KiB: 1.8 vs 2.3–3 µs
// when quiet) and draw at 256 KiB, so each worker must get ≥ 256 KiB.
// The reference kernel (~40–70 MB/s, the only kernel in the tree today)
// does 4 µs of work in ~250 bytes; two workers already won 1.7× on 4 KiB
// (94 → 55 µs) when the second core was free, so each worker needs
// ≥ 8 KiB there (twice the smallest measured win, for the noise).
const (
	minShareFast = 256 << 10
	minShareSlow = 8 << 10
)

// MinParallel is the smallest input, in dialect d with the kernel now
// selected, that Count splits across goroutines; smaller ones are counted
// on the calling goroutine and allocate nothing.
func MinParallel(d scalar.Dialect) int { return 2 * minShare(d) }

// minShare is chosen by the selected kernel's speed class. The UTF-8
// dialects count as fast with a fast kernel: their ASCII stretches go to
// it, and on mostly non-ASCII text the larger cut-over only costs
// parallelism on inputs under 512 KiB.
func minShare(d scalar.Dialect) int {
	if simd.Selected().Name == "reference" {
		return minShareSlow
	}
	return minShareFast
}

// tasksPerWorker: the input is cut into this many tasks per worker, taken
// in turn by whoever is free, so a worker slowed by the rest of the
// machine (noisy neighbours, a compile) delays the end by 1/8 of a share
// rather than a whole one. The result array stays O(workers).
const tasksPerWorker = 8

// ctxBlock bounds the counting done between two looks at ctx: a slice
// task under a cancellable context is counted in blocks of at most this
// size.
const ctxBlock = 4 << 20

func (c Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (c Config) kernel(p []byte) scalar.Partial {
	if c.count != nil {
		return c.count(p)
	}
	return simd.Count(p, c.Dialect, c.Need)
}

// plan returns how many workers to run on n bytes and the size of each
// task (the last may be shorter).
func (c Config) plan(n int64) (workers int, task int64) {
	w := int64(c.workers())
	if c.ChunkSize > 0 {
		task = int64(c.ChunkSize)
		return int(min(w, max(1, (n+task-1)/task))), task
	}
	share := int64(minShare(c.Dialect))
	w = min(w, max(1, n/share))
	if w == 1 {
		return 1, max(n, 1)
	}
	task = max(share, (n+w*tasksPerWorker-1)/(w*tasksPerWorker))
	return int(w), task
}

// Count returns the Partial of p. Inputs below MinParallel are counted on
// the calling goroutine without allocating.
func (c Config) Count(p []byte) scalar.Partial {
	part, _ := c.countSlice(nil, p)
	return part
}

// CountContext returns the Partial of p. When ctx is cancelled it stops
// and returns the Partial of a prefix of p (its Bytes say how long) with
// ctx's error.
func (c Config) CountContext(ctx context.Context, p []byte) (scalar.Partial, error) {
	return c.countSlice(cancellable(ctx), p)
}

// cancellable returns ctx, or nil when ctx can never be cancelled: nil
// spares the hot loops every look at it.
func cancellable(ctx context.Context) context.Context {
	if ctx == nil || ctx.Done() == nil {
		return nil
	}
	return ctx
}

// countSlice counts p; a nil ctx is never cancelled.
func (c Config) countSlice(ctx context.Context, p []byte) (scalar.Partial, error) {
	w, task := c.plan(int64(len(p)))
	if w == 1 && ctx == nil {
		return c.kernel(p), nil // small: no goroutine, no allocation
	}
	ntask := int((int64(len(p)) + task - 1) / task)
	results := make([]result, ntask)
	runTasks(ctx, w, results, func(_, i int, r *result) {
		lo := int64(i) * task
		hi := min(lo+task, int64(len(p)))
		for lo < hi {
			if ctx != nil && ctx.Err() != nil {
				r.err = ctx.Err()
				return
			}
			end := hi
			if ctx != nil {
				end = min(hi, lo+ctxBlock)
			}
			r.part = r.part.Merge(c.kernel(p[lo:end]))
			lo = end
		}
	})
	part, err := mergeResults(scalar.Partial{Dialect: c.Dialect}, results)
	return part, err
}

// result is one task's outcome: the Partial of the prefix of its range it
// counted, and why it stopped short, if it did.
type result struct {
	part  scalar.Partial
	err   error
	short bool // it stopped before its range's end (err says why; nil: end of file)
}

// runTasks runs do for every index of results on w goroutines, the caller
// being worker 0, and returns when all are done. Tasks are handed out in
// order through an atomic counter. Once ctx is cancelled the tasks not yet
// begun are marked with its error.
func runTasks(ctx context.Context, w int, results []result, do func(worker, i int, r *result)) {
	var next atomic.Int64
	work := func(worker int) {
		for {
			i := int(next.Add(1) - 1)
			if i >= len(results) {
				return
			}
			if ctx != nil && ctx.Err() != nil {
				results[i].err = ctx.Err()
				continue
			}
			do(worker, i, &results[i])
		}
	}
	var wg sync.WaitGroup
	for k := 1; k < min(w, len(results)); k++ {
		wg.Go(func() { work(k) })
	}
	work(0)
	wg.Wait()
}

// mergeResults merges acc with the results in order, up to and including
// the first that stopped short, and returns that one's error.
func mergeResults(acc scalar.Partial, results []result) (scalar.Partial, error) {
	for i := range results {
		acc = acc.Merge(results[i].part)
		if results[i].err != nil || results[i].short {
			return acc, results[i].err
		}
	}
	return acc, nil
}
