package bench

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestSamplerShape(t *testing.T) {
	calls := make([]int, 3)
	ops := []func(){func() { calls[0]++ }, func() { calls[1]++ }, func() { calls[2]++ }}
	// With no target every op's one calibration pass is already long
	// enough, so it counts as the first sample: Reps calls in all.
	out := Sampler{Reps: 5}.Sample(100, ops...)
	assert.Len(t, out, 3)
	for i := range out {
		assert.Len(t, out[i], 5)
		assert.Equal(t, 5, calls[i])
		for _, v := range out[i] {
			assert.Positive(t, v)
		}
	}
}

func TestSamplerCutsRepeatsOfSlowPasses(t *testing.T) {
	slow := func() { time.Sleep(3 * time.Millisecond) }
	out := Sampler{Reps: 9, SlowPass: time.Millisecond}.Sample(1, slow, func() {})
	assert.Len(t, out[0], 3)
	assert.Len(t, out[1], 3, "all ops keep the same number of samples, for pairing")
}

func TestBaselineHelpers(t *testing.T) {
	p := []byte("hello\nworld\n")
	b, n := RarestByte(p)
	assert.Equal(t, 0, n)
	assert.Equal(t, -1, bytes.IndexByte(p, b))
	assert.Equal(t, 0, MemRead(p, b))
	assert.Equal(t, 3, MemRead(p, 'l'), "steps over every hit")
	assert.Equal(t, 2, CountNewlines(p))

	for _, n := range []int{1, 2, 3, 5, 64} {
		chunks := Chunks(p, n)
		assert.Len(t, chunks, min(n, len(p)))
		assert.Equal(t, p, bytes.Join(chunks, nil), "chunks cover p in order")
	}
	ParallelMemRead(p, b, 4) // must not race or crash
}

func TestThreadCounts(t *testing.T) {
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, ThreadCounts(6, false))
	assert.Equal(t, []int{1, 2, 4, 6}, ThreadCounts(6, true))
	assert.Equal(t, []int{1, 2, 4, 8, 16}, ThreadCounts(16, true))
	assert.Equal(t, []int{1}, ThreadCounts(1, true))
}
