package parallel_test

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

var page = os.Getpagesize()

// countFrom counts the file at path from offset start with c, and checks
// that the offset is left at the end of what was counted.
func countFrom(t *testing.T, c parallel.Config, path string, start int64) scalar.Partial {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Seek(start, io.SeekStart)
	require.NoError(t, err)
	got, err := c.CountFile(context.Background(), f)
	require.NoError(t, err)
	off, err := f.Seek(0, io.SeekCurrent)
	require.NoError(t, err)
	require.Equal(t, start+int64(got.Bytes), off)
	return got
}

// Sizes and start offsets around pages and windows (small windows of a
// few pages stand in for the real ones), mapped and read.
func TestCountFileMapBoundaries(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	window := 3 * page
	var sizes []int
	for _, base := range []int{0, page, 2 * page, window, 2 * window, 3*window + page} {
		for _, d := range []int{-1, 0, 1} {
			if base+d >= 0 {
				sizes = append(sizes, base+d)
			}
		}
	}
	for _, n := range sizes {
		p := text(rng, n)
		path := writeFile(t, p)
		for _, start := range []int{0, 1, page - 1, page, page + 1, window + 7} {
			if start > n {
				continue
			}
			d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
			want := scalar.CountAll(p[start:], d)
			for _, how := range []string{"mmap", "pread"} {
				for _, w := range []int{1, 3} {
					c := parallel.WithFileRead(parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: w}, how, window)
					require.Equal(t, want, countFrom(t, c, path, int64(start)).Counts(), "%d bytes from %d, %s, %d workers", n, start, how, w)
				}
			}
		}
	}
}

// The real window and cut-over sizes, on either side: mapped and read
// counts are equal (simd.Count, checked against the reference by its own
// tests, keeps 33 MiB quick).
func TestCountFileMapRealSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("33 MiB")
	}
	rng := rand.New(rand.NewPCG(33, 34))
	big := text(rng, 2*parallel.MapWindow+page+1)
	path := writeFile(t, big)
	for _, n := range []int{parallel.MinMap - 1, parallel.MinMap, parallel.MapWindow - 1, parallel.MapWindow + 1, 2*parallel.MapWindow + page + 1} {
		require.NoError(t, os.Truncate(path, int64(n)))
		for _, w := range []int{1, 2} {
			c := parallel.Config{Dialect: scalar.UTF8, Need: simd.NeedAll, Workers: w}
			want := countFrom(t, parallel.WithFileRead(c, "pread", 0), path, 0)
			require.EqualValues(t, n, want.Bytes)
			require.Equal(t, want.Counts(), countFrom(t, c, path, 0).Counts(), "%d bytes, %d workers", n, w)
			require.Equal(t, want.Counts(), countFrom(t, parallel.WithFileRead(c, "mmap", 0), path, 0).Counts(), "%d bytes, %d workers", n, w)
		}
	}
}

// Random files, workers, tasks, buffers and windows: mapping, reading and
// the reference agree.
func TestCountFileMapVsPread(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	for i := range 150 {
		n := rng.IntN(100000)
		p := text(rng, n)
		path := writeFile(t, p)
		start := rng.IntN(n + 1)
		d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
		want := scalar.CountAll(p[start:], d)
		c := randomConfig(rng, d, n)
		window := 1 + rng.IntN(n/2+1)
		for _, how := range []string{"mmap", "pread"} {
			got := countFrom(t, parallel.WithFileRead(c, how, window), path, int64(start))
			require.Equal(t, want, got.Counts(), "case %d: %d bytes from %d, %s, %+v window %d", i, n, start, how, c, window)
		}
	}
}

// Cancelling a mapped count returns ctx's error and the exact counts of a
// prefix, and leaves the offset after it.
func TestCountFileMapCancel(t *testing.T) {
	rng := rand.New(rand.NewPCG(37, 38))
	p := text(rng, 200000)
	path := writeFile(t, p)
	for range 50 {
		ctx, cancel := context.WithCancel(context.Background())
		calls, stop := 0, 1+rng.IntN(30)
		k := func(q []byte) scalar.Partial {
			if calls++; calls == stop { // one worker: no race on calls
				cancel()
			}
			return scalar.Count(q, scalar.GNUUTF8)
		}
		c := parallel.WithKernel(parallel.WithSizes(parallel.Config{Dialect: scalar.GNUUTF8, Workers: 1}, 1+rng.IntN(20000), 0), k)
		c = parallel.WithFileRead(c, "mmap", 1+rng.IntN(10000))
		f, err := os.Open(path)
		require.NoError(t, err)
		got, err := c.CountFile(ctx, f)
		off, serr := f.Seek(0, io.SeekCurrent)
		f.Close()
		require.NoError(t, serr)
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
			require.Less(t, got.Bytes, uint64(len(p)))
		}
		require.Equal(t, scalar.CountAll(p[:got.Bytes], scalar.GNUUTF8), got.Counts())
		require.Equal(t, int64(got.Bytes), off)
		cancel()
	}
}

// A file that cannot be read fails the same mapped or not: mapping a
// write-only descriptor is refused, and the read that follows reports it.
func TestCountFileMapUnreadable(t *testing.T) {
	path := writeFile(t, text(rand.New(rand.NewPCG(39, 40)), 50000))
	for _, how := range []string{"mmap", "pread"} {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		require.NoError(t, err)
		got, err := parallel.WithFileRead(parallel.Config{Workers: 2}, how, 0).CountFile(context.Background(), f)
		f.Close()
		require.Error(t, err, how)
		require.Zero(t, got.Bytes, how)
	}
}
