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
			part, m := countValid(k.utf8.block, q, scalar.UTF8, NeedAll)
			if len(q) > 0 {
				require.Equal(t, len(q), m, "%s len %d", k.Name, l)
			}
			require.Equal(t, scalar.CountAll(q, scalar.UTF8), part.Counts())
		}
	}
	if n == 0 {
		t.Skip("no UTF-8 block routine on this CPU")
	}
}

// Lines of every char count 0..150 in multi-byte text (one char of 1 to 4
// bytes repeated, '\n's alone and in runs), so line ends fall in every lane
// and lines span blocks: the block routine's Summary must equal the
// reference's field by field (Head, Max, Tail, Reset), not just in Counts.
func TestUTF8BlockLineLengths(t *testing.T) {
	chars := []string{"a", "é", "中", "😀", " ", "\u3000"}
	rng := rand.New(rand.NewPCG(33, 34))
	n := 0
	for _, k := range available {
		if k.utf8.block == nil {
			continue
		}
		n++
		for i := 0; i < 400; i++ {
			var q []byte
			for len(q) < 50+rng.IntN(600) {
				c := chars[rng.IntN(len(chars))]
				for range rng.IntN(151) {
					if rng.IntN(8) == 0 {
						c = chars[rng.IntN(len(chars))]
					}
					q = append(q, c...)
				}
				for range 1 + rng.IntN(3)*rng.IntN(2) {
					q = append(q, '\n')
				}
			}
			q = q[:len(q)-rng.IntN(2)] // ends with or without '\n'
			for len(q) > 0 && q[0]&0xc0 == 0x80 {
				q = q[1:]
			}
			for _, need := range []Need{NeedAll, NeedMaxLineLength} {
				part, m := countValid(k.utf8.block, q, scalar.UTF8, need)
				require.Equal(t, len(q), m, "%s: the block routine must take valid text", k.Name)
				want := scalar.Count(q, scalar.UTF8)
				require.Equal(t, want.Sum, part.Sum, "%s %q", k.Name, q)
				require.Equal(t, want.Counts(), part.Counts(), "%s %q", k.Name, q)
			}
		}
	}
	if n == 0 {
		t.Skip("no UTF-8 block routine on this CPU")
	}
}
