package simd

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

// The separator tables, read as the block routine reads them, must find
// exactly unicode.IsSpace among all multi-byte chars.
func TestUTF8SpacePatterns(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		b = append(b, 'x', 'x')
		bits := goTables.lead[b[0]&0x7f] & goTables.n1[b[1]&0x7f] & goTables.n2[b[2]&0x7f]
		require.Equal(t, unicode.IsSpace(r), bits != 0, "%U", r)
	}
}

// The block routines must count valid text whole (not hand it all to the
// reference, which would pass every other test).
func TestUTF8BlockTakesValidText(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	text := spectest.EnglishText(rng, 1000)
	text = append(text, "é中😀\u3000 дом\u00a0"...)
	text = append(text, spectest.EnglishText(rng, 1000)...)
	n := 0
	for _, k := range available {
		if k.utf8.block == nil {
			continue
		}
		n++
		for l := 0; l <= len(text); l += 7 {
			q := text[:l]
			for len(q) > 0 && q[len(q)-1] >= 0x80 {
				q = q[:len(q)-1]
			}
			part, m := countValid(k.utf8.block, q, scalar.UTF8)
			if len(q) > 0 {
				require.Equal(t, len(q), m, "%s len %d", k.Name, l)
			}
			require.Equal(t, scalar.CountAll(q, scalar.UTF8).Words, part.Counts().Words)
		}
	}
	if n == 0 {
		t.Skip("no UTF-8 block routine on this CPU")
	}
}
