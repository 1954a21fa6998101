//go:build !purego

package simd

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

var neonByteDialects = []scalar.Dialect{scalar.ASCII, scalar.GNUC}

// Both byte dialects must fit the vector classifier: one that does not
// silently goes to the reference, and the harness would pass.
func TestNEONHandlesByteDialects(t *testing.T) {
	for _, d := range neonByteDialects {
		require.NotNil(t, neonDialects[d], "%s", d)
	}
}

// Go's arm64 baseline includes ASIMD, so the kernel must be chosen on
// every arm64 machine (and under qemu-aarch64): a cpuid that failed to see
// it would silently leave the harness testing only the Go kernels.
func TestNEONAvailable(t *testing.T) {
	require.True(t, hasASIMD(), "cpuid does not report ASIMD")
	require.Equal(t, "neon", Available()[len(Available())-1].Name)
}

// A table the classifier cannot express is refused, not miscounted.
func TestNEONRefusesOtherShapes(t *testing.T) {
	nd := *neonDialects[scalar.GNUC]
	nd.units['~'].Class = scalar.Space // a space outside 1..32
	require.NotEqual(t, nd.units['~'], nd.classify('~'))
	nd = *neonDialects[scalar.GNUC]
	nd.units['m'].Cols = 2 // a wide byte inside the plain range
	require.NotEqual(t, nd.units['m'], nd.classify('m'))
}

// neonEqual compares countNEON with the reference for every need.
func neonEqual(t *testing.T, p []byte, d scalar.Dialect, msg string, args ...any) {
	t.Helper()
	want := scalar.CountAll(p, d)
	for _, need := range []Need{NeedAll, NeedLines, NeedWords, NeedMaxLineLength} {
		got := scalar.FromSummary(d, uint64(len(p)), countNEON(p, d, need)).Counts()
		if need&NeedLines == 0 {
			got.Lines = want.Lines
		}
		if need&NeedWords == 0 {
			got.Words = want.Words
		}
		if need&NeedMaxLineLength == 0 {
			got.MaxLineLength = want.MaxLineLength
		}
		require.Equal(t, want, got, append([]any{"need %04b " + msg, need}, args...)...)
	}
}

// Every byte value in every lane of a block, between neighbours of each
// class: the lane-wise classification (TBL, CMHS, CMHI, CMEQ) and the
// bit weights of the mask reduction must put each byte in its own bit.
func TestNEONEveryByteEveryLane(t *testing.T) {
	for _, d := range neonByteDialects {
		for _, fill := range []byte{'x', ' ', 0x01, '\t', '\n'} {
			buf := bytes.Repeat([]byte{fill}, 2*64)
			for b := 0; b < 256; b++ {
				for lane := 0; lane < 64; lane++ {
					buf[lane] = byte(b)
					neonEqual(t, buf, d, "%s byte %#02x lane %d fill %q", d, b, lane, fill)
					buf[lane] = fill
				}
			}
		}
	}
}

// Inputs longer than one neonBlocks call (neonMaxBlocks blocks): the
// 16-bit popcount lanes must not overflow, and the state must carry
// across calls and across the Go-measured hard blocks.
func TestNEONLongInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	n := 2*neonMaxBlocks*64 + 1000
	tabbed := make([]byte, 0, n)
	for len(tabbed) < n {
		tabbed = append(tabbed, bytes.Repeat([]byte("abc "), rng.IntN(40))...)
		tabbed = append(tabbed, "\t\x01\r\f\v\n"[rng.IntN(6)])
	}
	inputs := map[string][]byte{
		"newlines": bytes.Repeat([]byte("\n"), n),
		"words":    bytes.Repeat([]byte("a b"), n/3),
		"one word": bytes.Repeat([]byte("x"), n),
		"transp":   bytes.Repeat([]byte("\x01a\x80"), n/3),
		"random":   spectest.RandomText(rng, n),
		"english":  spectest.EnglishText(rng, n),
		"tabbed":   tabbed[:n],
		"bytes":    randomBytesNEON(rng, n),
	}
	for name, p := range inputs {
		for _, d := range neonByteDialects {
			neonEqual(t, p, d, "%s %s", name, d)
			for _, cut := range []int{1, 63, 64, 65, neonMaxBlocks * 64, neonMaxBlocks*64 + 7} {
				got := scalar.FromSummary(d, uint64(cut), countNEON(p[:cut], d, NeedAll)).
					Merge(scalar.FromSummary(d, uint64(len(p)-cut), countNEON(p[cut:], d, NeedAll)))
				require.Equal(t, scalar.CountAll(p, d), got.Counts(), "%s %s cut %d", name, d, cut)
			}
		}
	}
}

// The lines-only routine folds its byte counters every 63 blocks.
func TestNEONCountByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for _, n := range []int{64, 63 * 64, 64 * 64, 127 * 64, 1000 * 64} {
		for _, p := range [][]byte{bytes.Repeat([]byte{'\n'}, n), randomBytesNEON(rng, n)} {
			for _, c := range []byte{'\n', 0, 0xff} {
				require.Equal(t, bytes.Count(p, []byte{c}), neonCountByte(&p[0], n, c), "n %d c %#x", n, c)
			}
		}
	}
}

func randomBytesNEON(rng *rand.Rand, n int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(rng.IntN(256))
	}
	return p
}
