package parallel_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// text returns random or English-like text of n bytes.
func text(rng *rand.Rand, n int) []byte {
	if rng.IntN(2) == 0 {
		return spectest.EnglishText(rng, n)
	}
	return spectest.RandomText(rng, n)[:n]
}

// randomConfig is dialect d on 1–8 workers with tasks and buffers of
// random sizes, small enough that a few KiB split in many places.
func randomConfig(rng *rand.Rand, d scalar.Dialect, n int) parallel.Config {
	c := parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: 1 + rng.IntN(8)}
	return parallel.WithSizes(c, 1+rng.IntN(n/3+1), 1+rng.IntN(n/4+1))
}

func TestCountSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		p := text(rng, rng.IntN(6000))
		for _, d := range scalar.Dialects() {
			c := randomConfig(rng, d, len(p))
			want := scalar.CountAll(p, d)
			require.Equal(t, want, c.Count(p).Counts(), "case %d %s %+v", i, d, c)
			got, err := c.CountContext(context.Background(), p)
			require.NoError(t, err)
			require.Equal(t, want, got.Counts(), "case %d %s ctx", i, d)
		}
	}
}

// The sizes chosen by the package itself, above the cut-over, on every
// worker count up to 16.
func TestCountSliceDefaultPlan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, d := range scalar.Dialects() {
		p := text(rng, 2*parallel.MinParallel(d)+rng.IntN(1<<16))
		want := scalar.CountAll(p, d)
		for _, w := range []int{0, 1, 2, 3, 7, 16} {
			c := parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: w}
			require.Equal(t, want, c.Count(p).Counts(), "%s workers=%d", d, w)
		}
	}
}

func TestSmallSliceAllocatesNothing(t *testing.T) {
	p := bytes.Repeat([]byte("a b\tc\n"), 100)
	for _, d := range scalar.Dialects() {
		c := parallel.Config{Dialect: d, Need: simd.NeedAll}
		require.Zero(t, testing.AllocsPerRun(50, func() { c.Count(p) }), "%s", d)
	}
}

// shortReader returns at most 1..max bytes per Read.
type shortReader struct {
	r   io.Reader
	rng *rand.Rand
	max int
}

func (s *shortReader) Read(p []byte) (int, error) {
	return s.r.Read(p[:min(len(p), 1+s.rng.IntN(s.max))])
}

// readers wraps p in the ways a stream may arrive.
func readers(rng *rand.Rand, p []byte) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":    bytes.NewReader(p),
		"onebyte":  iotest.OneByteReader(bytes.NewReader(p)),
		"half":     iotest.HalfReader(bytes.NewReader(p)),
		"dataerr":  iotest.DataErrReader(bytes.NewReader(p)),
		"short":    &shortReader{bytes.NewReader(p), rng, 1 + rng.IntN(300)},
		"onlyread": struct{ io.Reader }{bytes.NewReader(p)},
	}
}

func TestCountReader(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 120 {
		p := text(rng, rng.IntN(5000))
		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(p, d)
			for name, r := range readers(rng, p) {
				c := randomConfig(rng, d, len(p))
				got, err := c.CountReader(context.Background(), r)
				require.NoError(t, err)
				require.Equal(t, want, got.Counts(), "case %d %s %s %+v", i, d, name, c)
			}
		}
	}
}

// failingReader yields p[:at] in short reads, then err — sometimes with
// the last data, sometimes on a Read of its own.
type failingReader struct {
	p   []byte
	at  int
	err error
	rng *rand.Rand
}

func (f *failingReader) Read(b []byte) (int, error) {
	if f.at == 0 {
		return 0, f.err
	}
	n := copy(b[:min(len(b), 1+f.rng.IntN(700))], f.p[:f.at])
	f.p, f.at = f.p[n:], f.at-n
	if f.at == 0 && f.rng.IntN(2) == 0 {
		return n, f.err
	}
	return n, nil
}

var errCustom = errors.New("custom failure")

// A read error returns the counts of exactly the bytes read before it.
func TestCountReaderErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		p := text(rng, 1+rng.IntN(8000))
		at := rng.IntN(len(p) + 1)
		for _, d := range scalar.Dialects() {
			for _, e := range []error{errCustom, io.ErrUnexpectedEOF, iotest.ErrTimeout} {
				c := randomConfig(rng, d, len(p))
				got, err := c.CountReader(context.Background(), &failingReader{p, at, e, rng})
				require.ErrorIs(t, err, e)
				require.Equal(t, scalar.CountAll(p[:at], d), got.Counts(), "case %d %s at %d/%d %+v", i, d, at, len(p), c)
			}
		}
	}
	// The standard library's TimeoutReader fails its second Read.
	p := []byte("one two\nthree")
	got, err := parallel.Config{Dialect: scalar.GNUC, Need: simd.NeedAll}.CountReader(context.Background(), iotest.TimeoutReader(bytes.NewReader(p)))
	require.ErrorIs(t, err, iotest.ErrTimeout)
	require.Equal(t, scalar.CountAll(p, scalar.GNUC), got.Counts())
}

// cancelReader cancels its context once at bytes have been read.
type cancelReader struct {
	r      io.Reader
	n, at  int
	cancel context.CancelFunc
}

func (c *cancelReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p[:min(len(p), 512)])
	if c.n += n; c.n >= c.at {
		c.cancel()
	}
	return n, err
}

// Cancelling returns ctx's error and the exact counts of a prefix.
func TestCancel(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for i := range 200 {
		p := text(rng, 1+rng.IntN(20000))
		d := scalar.Dialects()[rng.IntN(len(scalar.Dialects()))]
		c := randomConfig(rng, d, len(p))
		ctx, cancel := context.WithCancel(context.Background())
		got, err := c.CountReader(ctx, &cancelReader{r: bytes.NewReader(p), at: rng.IntN(len(p)), cancel: cancel})
		if err != nil { // the input may have ended before anyone looked
			require.ErrorIs(t, err, context.Canceled)
		}
		require.LessOrEqual(t, got.Bytes, uint64(len(p)))
		require.Equal(t, scalar.CountAll(p[:got.Bytes], d), got.Counts(), "case %d %s", i, d)
	}
	p := text(rng, 100000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, w := range []int{1, 4} {
		c := parallel.WithSizes(parallel.Config{Dialect: scalar.UTF8, Need: simd.NeedAll, Workers: w}, 1000, 1000)
		got, err := c.CountContext(ctx, p)
		require.ErrorIs(t, err, context.Canceled)
		require.Zero(t, got.Bytes)
		got, err = c.CountReader(ctx, bytes.NewReader(p))
		require.ErrorIs(t, err, context.Canceled)
		require.Zero(t, got.Bytes)
	}
}

// Cancelling a slice count while it runs stops at a task boundary.
func TestCancelSliceWhileCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	p := text(rng, 1<<16)
	for range 50 {
		ctx, cancel := context.WithCancel(context.Background())
		var seen int
		stop := 1 + rng.IntN(40)
		k := func(q []byte) scalar.Partial {
			seen++ // only the one worker below counts
			if seen == stop {
				cancel()
			}
			return scalar.Count(q, scalar.GNUUTF8)
		}
		c := parallel.WithKernel(parallel.WithSizes(parallel.Config{Dialect: scalar.GNUUTF8, Workers: 1}, 1000, 0), k)
		got, err := c.CountContext(ctx, p)
		require.ErrorIs(t, err, context.Canceled)
		require.Equal(t, uint64(stop*1000), got.Bytes)
		require.Equal(t, scalar.CountAll(p[:got.Bytes], scalar.GNUUTF8), got.Counts())
	}
}

func ExampleConfig_Count() {
	c := parallel.Config{Dialect: scalar.ASCII, Need: simd.NeedAll}
	fmt.Printf("%+v\n", c.Count([]byte("two words\n")).Counts())
	// Output: {Lines:1 Words:2 Chars:10 Bytes:10 MaxLineLength:9}
}

// stutterReader returns 3 bytes, then an empty read, then 3 more…: legal,
// and more empty reads in all than maxEmptyReads, but never two in a row.
type stutterReader struct {
	p     []byte
	empty bool
}

func (s *stutterReader) Read(b []byte) (int, error) {
	if len(s.p) == 0 {
		return 0, io.EOF
	}
	if s.empty = !s.empty; s.empty {
		return 0, nil
	}
	n := copy(b[:min(len(b), 3)], s.p)
	s.p = s.p[n:]
	return n, nil
}

// Only empty reads in a row are a broken reader (found by FuzzCounter: a
// total over the whole fill used to stop the count with io.ErrNoProgress).
func TestCountReaderEmptyReadsApart(t *testing.T) {
	p := bytes.Repeat([]byte("ab "), 200)
	got, err := parallel.Config{Dialect: scalar.UTF8, Need: simd.NeedAll}.CountReader(context.Background(), &stutterReader{p: p})
	require.NoError(t, err)
	require.Equal(t, scalar.CountAll(p, scalar.UTF8), got.Counts())
}
