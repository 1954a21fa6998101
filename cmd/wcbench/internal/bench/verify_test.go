package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// reference counts through scalar, ignoring need.
var reference = Kernel{Name: "reference", Count: func(p []byte, d scalar.Dialect, _ simd.Need) scalar.Partial {
	return scalar.Count(p, d)
}}

// offByOneWord is the fake disagreeing kernel: it finds one word too many.
var offByOneWord = Kernel{Name: "off-by-one", Count: func(p []byte, d scalar.Dialect, _ simd.Need) scalar.Partial {
	s := scalar.Count(p, scalar.ASCII).Sum
	s.Words++
	return scalar.FromSummary(scalar.ASCII, uint64(len(p)), s)
}}

// lazy computes only what need asks for and leaves garbage elsewhere, as
// kernels are allowed to.
var lazy = Kernel{Name: "lazy", Count: func(p []byte, d scalar.Dialect, need simd.Need) scalar.Partial {
	part := scalar.Count(p, d)
	if need&simd.NeedWords == 0 {
		part.Sum.Words = 12345
	}
	if need&simd.NeedMaxLineLength == 0 {
		part.Sum.Max, part.Sum.Tail = 999, scalar.AddN(999)
	}
	return part
}}

var crashes = Kernel{Name: "crashes", Count: func([]byte, scalar.Dialect, simd.Need) scalar.Partial {
	panic("index out of range")
}}

func testBuffers(t *testing.T) []Buffer {
	t.Helper()
	data, err := Generate("english", 8*KiB)
	require.NoError(t, err)
	return []Buffer{
		{Corpus: "english", Size: Size{Level: "L1", Bytes: 1 * KiB}, Data: data[:1*KiB]},
		{Corpus: "english", Size: Size{Level: "L2", Bytes: 8 * KiB}, Data: data},
	}
}

func TestVerifyAgreeing(t *testing.T) {
	bufs := testBuffers(t)
	dialects := []scalar.Dialect{scalar.ASCII, scalar.GNUC, scalar.UTF8, scalar.GNUUTF8}
	ms, checked := Verify([]Kernel{reference, lazy}, bufs, dialects, Needs)
	assert.Empty(t, ms, "a kernel may leave counts outside need unspecified")
	assert.Equal(t, len(bufs)*len(dialects)*2*len(Needs), checked)
}

func TestVerifyRefusesDisagreeingKernel(t *testing.T) {
	bufs := testBuffers(t)
	ms, _ := Verify([]Kernel{reference, offByOneWord}, bufs, []scalar.Dialect{scalar.ASCII}, Needs)
	// Wrong words are caught where words are asked for, and only there.
	require.Len(t, ms, 2*len(bufs))
	for _, m := range ms {
		assert.Equal(t, "off-by-one", m.Kernel)
		assert.Contains(t, []string{"all", "lines+words"}, m.Need)
		assert.Equal(t, m.Want.Words+1, m.Got.Words)
		assert.Regexp(t, `^words want \d+ got \d+$`, m.Diff)
		assert.Contains(t, m.String(), "kernel off-by-one, dialect ascii")
	}
	assert.Equal(t, map[string]bool{"off-by-one": true}, refused(ms))
}

func TestVerifyPanicIsAMismatch(t *testing.T) {
	ms, _ := Verify([]Kernel{crashes}, testBuffers(t)[:1], []scalar.Dialect{scalar.GNUC}, Needs[:1])
	require.Len(t, ms, 1)
	assert.Equal(t, "panic: index out of range", ms[0].Diff)
}

func TestDiffAndMask(t *testing.T) {
	want := scalar.Counts{Lines: 1, Words: 2, Chars: 3, Bytes: 3, MaxLineLength: 4}
	got := want
	got.Chars, got.MaxLineLength = 9, 5
	assert.Equal(t, "chars want 3 got 9, max-line-length want 4 got 5", Diff(want, got))
	assert.Empty(t, Diff(want, want))
	assert.Equal(t, scalar.Counts{Lines: 1, Bytes: 3}, Mask(want, simd.NeedLines))
	assert.Equal(t, want, Mask(want, simd.NeedAll))
	n, ok := NeedByName("lines+words")
	assert.True(t, ok)
	assert.Equal(t, "-lw", n.Flags)
	_, ok = NeedByName("bytes")
	assert.False(t, ok)
}
