//go:build unix

package parallel_test

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// A file cut while mapped, before its window is counted: reads past the
// new end fault (SIGBUS, recovered) or, in the page holding the new end,
// read zeros. Neither may crash or reach the counts: the count stops at
// the cut, exactly, as it does reading a file that shrinks.
func TestCountFileTruncatedWhileMapped(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	n := 10*page + 123
	window := 4 * page
	cuts := []int{0, 1, page - 1, page, page + 1, window - 1, window, window + page/2, 2*window - 5, n - 1}
	for range 20 {
		cuts = append(cuts, rng.IntN(n))
	}
	for _, cut := range cuts {
		for _, at := range []int{1, 2, 3} { // cut when this window is mapped
			p := text(rng, n)
			path := writeFile(t, p)
			f, err := os.Open(path)
			require.NoError(t, err)
			d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
			maps := 0
			c := parallel.WithFileRead(parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: 1}, "mmap", window)
			c = parallel.WithMapped(c, func([]byte) {
				if maps++; maps == at {
					require.NoError(t, os.Truncate(path, int64(cut)))
				}
			})
			got, err := c.CountFile(context.Background(), f)
			require.NoError(t, err)
			require.GreaterOrEqual(t, maps, at, "the cut window was mapped")
			// One worker, windows in order: all before the cut window
			// were counted whole, the rest is cut where the file now ends.
			want := max(cut, min((at-1)*window, n))
			require.EqualValues(t, want, got.Bytes, "cut at %d when window %d was mapped", cut, at)
			require.Equal(t, scalar.CountAll(p[:want], d), got.Counts(), "cut at %d when window %d was mapped", cut, at)
			off, err := f.Seek(0, io.SeekCurrent)
			require.NoError(t, err)
			require.EqualValues(t, want, off)
			f.Close()
		}
	}
}

// The same on several workers with random tasks: whatever was counted
// before and after the cut, the result is the exact count of a prefix no
// shorter than the cut.
func TestCountFileTruncatedWhileMappedParallel(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for i := range 100 {
		n := 1 + rng.IntN(20*page)
		p := text(rng, n)
		path := writeFile(t, p)
		cut := rng.IntN(n)
		d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
		c := parallel.WithFileRead(randomConfig(rng, d, n), "mmap", 1+rng.IntN(3*page))
		var once sync.Once
		c = parallel.WithMapped(c, func([]byte) {
			once.Do(func() { require.NoError(t, os.Truncate(path, int64(cut))) })
		})
		got, err := c.CountPath(context.Background(), path)
		require.NoError(t, err)
		require.GreaterOrEqual(t, got.Bytes, uint64(cut), "case %d", i)
		require.LessOrEqual(t, got.Bytes, uint64(n), "case %d", i)
		require.Equal(t, scalar.CountAll(p[:got.Bytes], d), got.Counts(), "case %d: cut %d of %d, %+v", i, cut, n, c)
	}
}

// A panic in the kernel that is not a fault of the mapping is not
// swallowed.
func TestCountFileMapKernelPanic(t *testing.T) {
	path := writeFile(t, text(rand.New(rand.NewPCG(45, 46)), 5000))
	c := parallel.WithFileRead(parallel.Config{Workers: 1}, "mmap", 0)
	c = parallel.WithKernel(c, func(q []byte) scalar.Partial {
		var nilp *int
		_ = *nilp // a nil dereference: a runtime.Error, not a fault in the mapping
		return scalar.Partial{}
	})
	require.Panics(t, func() { _, _ = c.CountPath(context.Background(), path) })
}

// A sysfs file claims a size (a page) it does not have: it is read, not
// mapped, and counted to its real end.
func TestCountFileMapPseudoFile(t *testing.T) {
	const path = "/sys/devices/system/cpu/online"
	want, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	mapped := false
	c := parallel.WithFileRead(parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll}, "mmap", 0)
	c = parallel.WithMapped(c, func([]byte) { mapped = true })
	got, err := c.CountPath(context.Background(), path)
	require.NoError(t, err)
	require.False(t, mapped)
	require.Equal(t, scalar.CountAll(want, scalar.GNUC), got.Counts())
}
