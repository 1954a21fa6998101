package parallel_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Benchmarks. The full comparison, memory and page-cached file, kernel
// and plain memory reads, 1..GOMAXPROCS workers:
//
//	go test -run '^$' -bench 'Memory|File$' -benchtime 10x ./parallel
//
// "memread" is the yardstick: each of N goroutines runs bytes.IndexByte
// for an absent byte over its share of the same buffer — the fastest a
// pass over the data can be. "count" is Config.Count with the dispatched
// kernel (simd.Selected()). "memspeed" swaps in a stand-in kernel that
// only counts '\n' with bytes.Count (lines-only at memory speed, what the
// SIMD kernels aim at), so the parallel layer's own overhead shows even
// while the dispatched kernel is the slow reference.

const benchSize = 256 << 20

var bench struct {
	once sync.Once
	buf  []byte
}

func benchBuf() []byte {
	bench.once.Do(func() {
		bench.buf = spectest.EnglishText(rand.New(rand.NewPCG(25, 26)), benchSize)
	})
	return bench.buf
}

// memspeed is the stand-in kernel: lines only, at bytes.Count speed.
func memspeed(p []byte) scalar.Partial {
	return scalar.FromSummary(scalar.GNUC, uint64(len(p)), scalar.Summary{Lines: uint64(bytes.Count(p, []byte{'\n'}))})
}

// memread is the yardstick: w goroutines each scan 1/w of p for a byte
// that is not there.
func memread(p []byte, w int) {
	var wg sync.WaitGroup
	share := (len(p) + w - 1) / w
	for i := 0; i < len(p); i += share {
		wg.Go(func() {
			if bytes.IndexByte(p[i:min(i+share, len(p))], 0xFF) >= 0 {
				panic("0xFF in English text")
			}
		})
	}
	wg.Wait()
}

func workerCounts() []int {
	var ws []int
	for w := 1; w <= runtime.GOMAXPROCS(0); w *= 2 {
		ws = append(ws, w)
	}
	if n := runtime.GOMAXPROCS(0); ws[len(ws)-1] != n {
		ws = append(ws, n)
	}
	return ws
}

func BenchmarkMemory(b *testing.B) {
	p := benchBuf()
	for _, w := range workerCounts() {
		c := parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll, Workers: w}
		cases := []struct {
			name string
			run  func()
		}{
			{"memread", func() { memread(p, w) }},
			{"memspeed", func() { parallel.WithKernel(c, memspeed).Count(p) }},
			{"count", func() { c.Count(p) }},
		}
		for _, k := range cases {
			b.Run(fmt.Sprintf("%s/workers=%d", k.name, w), func(b *testing.B) {
				b.SetBytes(int64(len(p)))
				for b.Loop() {
					k.run()
				}
			})
		}
	}
}

// benchFile writes the benchmark buffer to a file and reads it once, so
// that it is in the page cache.
func benchFile(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "bench")
	if err := os.WriteFile(path, benchBuf(), 0o600); err != nil {
		b.Fatal(err)
	}
	if _, err := os.ReadFile(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkFile compares CountFile's two ways of reading a page-cached
// file: positional reads at several buffer sizes and mapped windows (at
// this size, what CountFile chooses).
func BenchmarkFile(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	for _, w := range workerCounts() {
		for _, kernel := range []string{"memspeed", "count"} {
			c := parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll, Workers: w}
			if kernel == "memspeed" {
				c = parallel.WithKernel(c, memspeed)
			}
			run := func(name string, c parallel.Config) {
				b.Run(fmt.Sprintf("%s/%s/workers=%d", kernel, name, w), func(b *testing.B) {
					b.SetBytes(benchSize)
					for b.Loop() {
						if _, err := c.CountPath(ctx, path); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			sizes := []int{256 << 10, 1 << 20, 4 << 20}
			if kernel == "count" {
				sizes = []int{parallel.BufSize}
			}
			for _, size := range sizes {
				run(fmt.Sprintf("pread-%dK", size>>10), parallel.WithFileRead(parallel.WithSizes(c, 0, size), "pread", 0))
			}
			run("mmap", parallel.WithFileRead(c, "mmap", 0))
		}
	}
}

// BenchmarkFileSmall: opening and counting a small page-cached file
// read and mapped, one worker, the real kernel. Where mapping starts to
// win sets minMap.
func BenchmarkFileSmall(b *testing.B) {
	ctx := context.Background()
	for size := 16 << 10; size <= 4<<20; size *= 2 {
		path := filepath.Join(b.TempDir(), "small")
		if err := os.WriteFile(path, benchBuf()[:size], 0o600); err != nil {
			b.Fatal(err)
		}
		for _, how := range []string{"pread", "mmap"} {
			c := parallel.WithFileRead(parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll, Workers: 1}, how, 0)
			b.Run(fmt.Sprintf("size=%dK/%s", size>>10, how), func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					if _, err := c.CountPath(ctx, path); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCutover: one worker against two on small inputs, for the
// stand-in kernel at memory speed and for the dispatched one. The sizes
// where two first win set minShareFast and minShareSlow.
func BenchmarkCutover(b *testing.B) {
	p := benchBuf()
	for _, kernel := range []string{"memspeed", "count"} {
		for size := 4 << 10; size <= 4<<20; size *= 4 {
			for _, w := range []int{1, 2} {
				c := parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll, Workers: w}
				if kernel == "memspeed" {
					c = parallel.WithKernel(c, memspeed)
				}
				// Half the input per task: exactly w tasks, no cut-over.
				c = parallel.WithSizes(c, (size+1)/2, 0)
				b.Run(fmt.Sprintf("%s/size=%dK/workers=%d", kernel, size>>10, w), func(b *testing.B) {
					b.SetBytes(int64(size))
					for b.Loop() {
						c.Count(p[:size])
					}
				})
			}
		}
	}
}
