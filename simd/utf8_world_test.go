package simd

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

// worldPieces are text in the scripts the gnu nibble tables reject
// (Devanagari, Bengali, Tamil, Thai, Hebrew with points, Armenian,
// Georgian), zero-width chars (combining marks, joiners, variation
// selectors), wide symbols the nibble tables miss, emoji, tabs, controls
// and invalid bytes.
var worldPieces = []string{"हिन्दी", "भाषा", "বাংলা", "தமிழ்", "ภาษาไทย", "العربية", "עברית", "שָׁלוֹם", "Հայերեն", "ქართული",
	"a\u0301", "e\u0308\u0323", "👍🏽", "🇫🇷", "𝐀", "𠀀", "\U000e0067", "👩\u200d💻", "❤\ufe0f", "⌚", "☕", "\u200b", "\u00ad", "中文", "x",
	" ", " ", " ", "\n", "\t", "\u00a0", "\u3000", "\u1680", "\x01", "\xff", "\xe0\xa4"}

func worldText(rng *rand.Rand, n int) []byte {
	var b []byte
	for len(b) < n {
		b = append(b, worldPieces[rng.IntN(len(worldPieces))]...)
	}
	return b
}

// Every kernel counts text of every script exactly, all five counts and
// wc -lwm, in both gnu dialects and utf8, whole and in random pieces.
func TestUTF8WorldText(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	for _, k := range available {
		for i := 0; i < 150; i++ {
			p := worldText(rng, rng.IntN(3000))
			for _, d := range []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				want := scalar.Count(p, d)
				for _, need := range []Need{NeedAll, NeedLines | NeedWords | NeedChars} {
					got, w := k.Count(p, d, need).Counts(), want.Counts()
					if need&NeedMaxLineLength == 0 {
						got.MaxLineLength, w.MaxLineLength = 0, 0
					}
					require.Equal(t, w, got, "%s %s %v %q", k.Name, d, need, p)
				}
				// Pieces merged: every seam.
				acc := scalar.Partial{Dialect: d}
				for q := p; len(q) > 0; {
					n := min(len(q), 1+rng.IntN(300))
					acc = acc.Merge(k.Count(q[:n], d, NeedAll))
					q = q[n:]
				}
				require.Equal(t, want.Counts(), acc.Counts(), "%s %s pieces of %q", k.Name, d, p)
			}
		}
	}
}

// The bmp block routines take text of those scripts whole: in SIMD, not
// through charsGo.
func TestUTF8GNUBMPTakesWorldText(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	n := 0
	for _, k := range blockRoutines() {
		if !k.bmp {
			continue
		}
		n++
		words := []string{"हिन्दी", "भाषा", "বাংলা", "தமிழ்", "ภาษาไทย", "العربية", "עברית", "שָׁלוֹם", "Հայերեն", "ქართული", "a\u0301", "⌚", " ", "\n",
			"🇫🇷", "👩\u200d💻", "❤\ufe0f", "𝐀𝐁", "𠀀", "🃏"}
		for i := 0; i < 100; i++ {
			var q []byte
			for len(q) < 2000 {
				q = append(q, words[rng.IntN(len(words))]...)
			}
			for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				for _, need := range []Need{NeedAll, NeedWords} {
					block := k.widths
					if need == NeedWords {
						block = k.block
					} else if !k.widthBMP {
						continue
					}
					part, m := countValid(block, q, d, need)
					require.Equal(t, len(q), m, "%s %s: must take %q", k.name, d, q)
					if need == NeedAll {
						require.Equal(t, scalar.Count(q, d).Sum, part.Sum, "%s %s %q", k.name, d, q)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no bmp block routine on this CPU")
	}
}
