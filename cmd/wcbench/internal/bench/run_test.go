package bench

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// tinyConfig is a run small enough for a unit test; its timings mean
// nothing, its shape is what is checked.
func tinyConfig(kernels ...Kernel) Config {
	return Config{
		Reps: 2, Target: 10 * time.Microsecond,
		Dialects: []scalar.Dialect{scalar.ASCII, scalar.UTF8},
		Needs:    Needs,
		Corpus:   "english",
		Corpora:  []string{"multilingual", "random"}, CorporaLevel: "L2",
		MaxBytes: MiB,
		Sizes:    []Size{{Level: "L1", Bytes: 2 * KiB}, {Level: "L2", Bytes: 16 * KiB}, {Level: "mem", Bytes: 64 * KiB}},
		Kernels:  kernels,
		Parallel: SplitParallel, Threads: []int{1, 2}, SweepDialects: []scalar.Dialect{scalar.ASCII},
		Machine: Machine{Kernels: []string{"reference"}, DefaultKernel: "reference",
			CPU: CPU{Brand: "test", CachesUsed: Caches{L1D: 4 * KiB, L2: 32 * KiB, L3: 256 * KiB}}},
	}
}

func TestRunShape(t *testing.T) {
	rep, err := Run(tinyConfig(reference, lazy))
	require.NoError(t, err)
	assert.True(t, rep.Verification.OK)
	assert.Empty(t, rep.Verification.Mismatches)
	// Verified: 3 main + 2 corpora buffers × 2 dialects × 2 kernels × 3
	// needs, plus the parallel counter in 1 dialect.
	assert.Equal(t, 5*2*2*3+1, rep.Verification.Checked)
	assert.Len(t, rep.Results, 3*2*2*3)
	assert.Len(t, rep.Corpora, 2*2*2)
	assert.Equal(t, []string{"ascii", "utf8"}, rep.Settings.Dialects)
	for _, r := range append(slices.Clone(rep.Results), rep.Corpora...) {
		for _, s := range []Stats{r.GBps, r.MemReadGBps, r.BytesCountGBps, r.VsMemRead, r.VsBytesCount} {
			assert.Equal(t, 2, s.N)
			assert.Positive(t, s.Median)
			assert.LessOrEqual(t, s.Min, s.Median)
			assert.GreaterOrEqual(t, s.Max, s.Median)
		}
	}
	assert.Equal(t, "L2", rep.Corpora[0].Level)
	assert.Equal(t, 16*KiB, rep.Corpora[0].Bytes)
	require.NotNil(t, rep.Threads)
	assert.Len(t, rep.Threads.Points, 2)
	assert.Equal(t, 1.0, rep.Threads.Points[0].Scaling)
	assert.Equal(t, 64*KiB, rep.Threads.Bytes)

	var table, svg bytes.Buffer
	require.NoError(t, WriteTable(&table, rep))
	require.NoError(t, WriteSVG(&svg, rep))
	parseSVG(t, svg.Bytes())
}

func TestRunRefusesDisagreeingKernel(t *testing.T) {
	rep, err := Run(tinyConfig(reference, offByOneWord))
	require.NoError(t, err)
	v := rep.Verification
	assert.False(t, v.OK)
	assert.Equal(t, []string{"off-by-one"}, v.Refused)
	assert.NotEmpty(t, v.Mismatches)
	for _, r := range append(rep.Results, rep.Corpora...) {
		assert.Equal(t, "reference", r.Kernel, "a refused kernel is never timed")
	}
	assert.Len(t, rep.Results, 3*2*3)

	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, rep))
	assert.Contains(t, b.String(), "REFUSED off-by-one")
	assert.Contains(t, b.String(), "MISMATCH kernel off-by-one")
}

func TestRunRefusesDisagreeingParallelCounter(t *testing.T) {
	cfg := tinyConfig(reference)
	cfg.Parallel = Parallel{Name: "broken", Count: func(p []byte, d scalar.Dialect, _ simd.Need, _ int) scalar.Counts {
		c := scalar.CountAll(p, d)
		c.Lines++
		return c
	}}
	rep, err := Run(cfg)
	require.NoError(t, err)
	assert.Equal(t, []string{"parallel"}, rep.Verification.Refused)
	assert.Nil(t, rep.Threads)
	assert.NotEmpty(t, rep.Results, "the kernels that agree are still reported")
}

func TestRunOnFile(t *testing.T) {
	cfg := tinyConfig(reference)
	cfg.File = "testdata/does-not-exist"
	_, err := Run(cfg)
	assert.Error(t, err)
}
