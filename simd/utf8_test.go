package simd_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Mostly-ASCII UTF-8 text with multi-byte chars, invalid bytes and Unicode
// spaces dropped near the 256-byte blocks' edges: the ASCII blocks go to the
// kernel, the rest to the reference, and the seams must not show.
func TestUTF8DialectsASCIIBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	inserts := [][]byte{[]byte("é"), []byte("€"), []byte("\u3000"), []byte("\u00a0"), {0xe2, 0x82}, {0x80}, []byte("😀"), {0xf4, 0x90, 0x80, 0x80}}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for i := 0; i < 300; i++ {
			text := spectest.EnglishText(rng, 200+rng.IntN(3000))
			for j := rng.IntN(4); j > 0; j-- {
				at := min(len(text), 256*rng.IntN(12)+rng.IntN(9)-4)
				if at < 0 {
					at = 0
				}
				ins := inserts[rng.IntN(len(inserts))]
				text = append(text[:at:at], append(append([]byte(nil), ins...), text[at:]...)...)
			}
			for _, d := range []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				want := scalar.CountAll(text, d)
				for _, need := range needs {
					require.Equal(t, masked(want, need), masked(k.Count(text, d, need).Counts(), need), "%s %x", d, text)
				}
				cut := rng.IntN(len(text) + 1)
				require.Equal(t, want, k.Count(text[:cut], d, needs[0]).Merge(k.Count(text[cut:], d, needs[0])).Counts())
			}
		}
	})
}
