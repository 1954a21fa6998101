package parallel_test

import (
	"context"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// repeatReader yields n bytes of pattern repeated, without storing them.
type repeatReader struct {
	pattern []byte
	off, n  int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n-r.off)]
	k := int(r.off % int64(len(r.pattern)))
	m := copy(p, r.pattern[k:])
	for m < len(p) {
		m += copy(p[m:], r.pattern)
	}
	r.off += int64(m)
	return m, nil
}

// power returns the Partial of p repeated k times, by doubling: Merge is
// associative, so this is the count of the stream computed without the
// stream.
func power(p scalar.Partial, k int64) scalar.Partial {
	r := scalar.Partial{Dialect: p.Dialect}
	for ; k > 0; k >>= 1 {
		if k&1 == 1 {
			r = r.Merge(p)
		}
		p = p.Merge(p)
	}
	return r
}

// memoKernel counts a chunk of a stream with period len(pattern) by
// simd.Count once per distinct chunk: such a chunk is itself periodic, so
// its first len(pattern) bytes and its length determine it. This test is
// about the pipeline and the merges staying exact past 2^32, not about
// the kernel (whose own tests cover it); memoising keeps 5 GiB at memory
// speed whatever kernel is selected, the reference one included.
func memoKernel(period int, d scalar.Dialect) func([]byte) scalar.Partial {
	type key struct {
		head string
		n    int
	}
	var mu sync.Mutex
	memo := map[key]scalar.Partial{}
	return func(p []byte) scalar.Partial {
		k := key{string(p[:min(len(p), period)]), len(p)}
		mu.Lock()
		part, ok := memo[k]
		mu.Unlock()
		if !ok {
			part = simd.Count(p, d, simd.NeedAll)
			mu.Lock()
			memo[k] = part
			mu.Unlock()
		}
		return part
	}
}

// 5 GiB through the stream pipeline: bytes, chars and lines all pass
// 2^32 and must come out exact. It takes about a second on 2 cores.
func TestStream5GiB(t *testing.T) {
	const size int64 = 5 << 30
	rng := rand.New(rand.NewPCG(23, 24))
	// Mostly line ends (lines > 2^32), with words, tabs and multi-byte
	// chars. The period, 3·4096, puts the 1 MiB buffers' seams at three
	// different places in the pattern (2^20 mod 12288 = 4096), and the
	// memo then counts only those three chunks.
	const period = 3 << 12
	var pattern []byte
	for len(pattern) < period {
		if rng.IntN(40) == 0 {
			pattern = append(pattern, text(rng, 1+rng.IntN(8))...)
		} else {
			pattern = append(pattern, '\n')
		}
	}
	pattern = pattern[:period]
	for _, d := range []scalar.Dialect{scalar.GNUC, scalar.UTF8} {
		full, rest := int64(size)/int64(len(pattern)), int(int64(size)%int64(len(pattern)))
		want := power(scalar.Count(pattern, d), full).Merge(scalar.Count(pattern[:rest], d)).Counts()
		require.EqualValues(t, size, want.Bytes)
		require.Greater(t, want.Lines, uint64(1<<32))
		require.Greater(t, want.Chars, uint64(1<<32))

		c := parallel.WithKernel(parallel.Config{Dialect: d, Need: simd.NeedAll}, memoKernel(len(pattern), d))
		got, err := c.CountReader(context.Background(), &repeatReader{pattern: pattern, n: size})
		require.NoError(t, err)
		require.Equal(t, want, got.Counts(), "%s", d)
	}
}
