package simd

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
)

// The bound routine's widths (one column per char, two where
// gnuBoundNibbles hold its first two bytes) are never less than glibc's,
// for every code point, and are glibc's for the common scripts; the lead
// tables set no bit below E0, so no ASCII byte, continuation or lead of
// two bytes before a lane marks it.
func TestGNUBoundNibbles(t *testing.T) {
	exact, above := 0, 0
	for r := rune(0x80); r <= glibc.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		w, bound := glibc.Lookup(uint32(r)).Width(), measuredBound(b, len(b))
		require.LessOrEqual(t, w, bound, "%U: glibc's width %d above the bound %d", r, w, bound)
		if len(b) == 2 {
			require.Equal(t, 1, bound, "%U", r)
		}
		if w == bound {
			exact++
		} else {
			above++
		}
	}
	for _, s := range []string{"éñßÀÿĀž«»", "λόγος", "дом", "—“…”’€\u00a0\u2003\u202f", "中文。，「」", "ひらがなテキスト", "한국어", "ＡＢ（）", "\u3000", "😀🎉👍"} {
		for _, r := range s {
			b := utf8.AppendRune(nil, r)
			require.Equal(t, glibc.Lookup(uint32(r)).Width(), measuredBound(b, len(b)), "%U %q: the bound must be exact", r, s)
		}
	}
	t.Logf("bounds: %d code points exact, %d above glibc's width", exact, above)
	for x := 0; x < 0xe0; x++ {
		require.Zero(t, gnuBoundNibbles[0][x>>4]&gnuBoundNibbles[1][x&15], "lead %#x", x)
	}
}

// boundPieces make text of every kind the gnu width routines meet: wide,
// zero-width and non-printable chars, tabs, '\r', '\f', '\v', controls,
// Unicode spaces, invalid bytes, long ASCII runs, and many line ends.
var boundPieces = []string{"a", "word ", "the quick brown fox jumps over the lazy dog ", "\n", "\n", "\n", "\t", "\r", "\f", "\v", "\x01",
	"é", "дом ", "λόγος ", "中文字", "ひらがな", "한국어", "😀", "👍🏽", "—", "“q”", "…", "\u0301", "\u200b", "\u00a0", "\u3000", "\u2028",
	"हिन्दी ", "ＡＢ", "\u1100", "\u231a", "\xff", "\xe2\x82", "\x80", "\xf4\x90\x80\x80", "\U000e0001", "\U00020000"}

func boundText(rng *rand.Rand, n int) []byte {
	var p []byte
	for len(p) < n {
		p = append(p, boundPieces[rng.IntN(len(boundPieces))]...)
	}
	return p
}

// atLeastCols reports whether columns f never land before g's from the
// same start (f is g or an upper bound of it), for starts 0..63.
func atLeastCols(f, g scalar.Cols) bool {
	for x := uint64(0); x < 64; x++ {
		if f.Apply(x) < g.Apply(x) {
			return false
		}
	}
	return true
}

// The bound routine counts lines, words and chars exactly, and line
// widths at least as wide as the reference (Head, Tail, Max); exactly for
// text whose bounds are exact.
func TestGNUBoundRoutine(t *testing.T) {
	eachBoundKernel(t, func(k *Kernel) {
		rng := rand.New(rand.NewPCG(61, 62))
		for i := 0; i < 600; i++ {
			p := boundText(rng, rng.IntN(1500))
			for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				got, want := k.countUTF8On(p, d, NeedAll, true), scalar.Count(p, d)
				g, w := got.Sum, want.Sum
				require.Equal(t, want.Counts().Lines, got.Counts().Lines, "%s %s %q", k.Name, d, p)
				g.Head, g.Tail, g.Max, w.Head, w.Tail, w.Max = scalar.Cols{}, scalar.Cols{}, 0, scalar.Cols{}, scalar.Cols{}, 0
				require.Equal(t, w, g, "%s %s %q", k.Name, d, p)
				require.Equal(t, want.Bytes, got.Bytes)
				require.True(t, atLeastCols(got.Sum.Head, want.Sum.Head), "%s %s %q: Head %v below %v", k.Name, d, p, got.Sum.Head, want.Sum.Head)
				// (After a line end the Tail starts at column 0: its tab
				// stops may be folded into plain columns.)
				require.True(t, got.Sum.Reset && got.Sum.Tail.Apply(0) >= want.Sum.Tail.Apply(0) || atLeastCols(got.Sum.Tail, want.Sum.Tail),
					"%s %s %q: Tail %v below %v", k.Name, d, p, got.Sum.Tail, want.Sum.Tail)
				require.GreaterOrEqual(t, got.Sum.Max, want.Sum.Max, "%s %s %q", k.Name, d, p)
			}
		}
		// Bounds, not widths: zero-width chars count a column each.
		loose := []byte("\na\u0301\u0301\u0301\nb\u200b\u200b\n")
		require.Equal(t, uint64(4), k.countUTF8On(loose, scalar.GNUUTF8, NeedAll, true).Sum.Max, "%s: bounds", k.Name)
		require.Equal(t, uint64(1), k.countUTF8On(loose, scalar.GNUUTF8, NeedAll, false).Sum.Max, "%s: widths", k.Name)
		// Text of chars whose bounds are exact: the widths are exact.
		exact := []string{"a", "word ", "\n", "\t", "\r", "é", "дом ", "中文字", "ひらがな", "한국어", "😀", "—", "“q”", "…", "\u00a0", "\u3000", "ＡＢ"}
		for i := 0; i < 300; i++ {
			var p []byte
			for len(p) < 1000 {
				p = append(p, exact[rng.IntN(len(exact))]...)
			}
			got, want := k.countUTF8On(p, scalar.GNUUTF8, NeedAll, true), scalar.Count(p, scalar.GNUUTF8)
			require.Equal(t, want.Counts(), got.Counts(), "%s %q", k.Name, p)
			// (After a line end the Tail starts at column 0: its tab stops
			// may be folded into plain columns.)
			require.True(t, got.Sum.Reset && got.Sum.Tail.Apply(0) == want.Sum.Tail.Apply(0) ||
				atLeastCols(got.Sum.Tail, want.Sum.Tail) && atLeastCols(want.Sum.Tail, got.Sum.Tail), "%s %q", k.Name, p)
			require.True(t, atLeastCols(want.Sum.Head, got.Sum.Head), "%s %q", k.Name, p)
		}
	})
}

// eachBoundKernel runs f for each kernel of this CPU with a gnu bound
// routine, or skips t when there is none.
func eachBoundKernel(t *testing.T, f func(k *Kernel)) {
	n := 0
	for _, k := range available {
		if k.utf8.gnuBoundBlock != nil {
			n++
			f(k)
		}
	}
	if n == 0 {
		t.Skip("no gnu bound routine on this CPU")
	}
}

// withBoundSizes runs f with countGNUWidths taking inputs from min bytes
// on, in chunks of about chunk.
func withBoundSizes(min, chunk int, f func()) {
	m, c := boundMin, boundChunk
	defer func() { boundMin, boundChunk = m, c }()
	boundMin, boundChunk = min, chunk
	f()
}

// countGNUWidths counts exactly: text of many lines in chunks of a few
// lines, with the widest lines early and late, widest lines whose bounds
// are loose (zero-width chars: counted again, and again in a row), tabs,
// '\r', '\f', invalid bytes, and lines longer than a chunk; cut anywhere.
func TestCountGNUWidths(t *testing.T) {
	eachBoundKernel(t, func(k *Kernel) {
		rng := rand.New(rand.NewPCG(63, 64))
		loose := strings.Repeat("\u0301", 40) // forty columns of bound, none of width
		lines := []func() string{
			func() string { return string(boundText(rng, rng.IntN(120))) },
			func() string { return strings.Repeat("中", rng.IntN(60)) },
			func() string { return strings.Repeat("дом ", rng.IntN(30)) + loose },
			func() string { return strings.Repeat("x", 200+rng.IntN(700)) },
			func() string { return "\t" + strings.Repeat("\tab", rng.IntN(20)) },
			func() string { return strings.Repeat("é", rng.IntN(90)) + "\r" + strings.Repeat("😀", rng.IntN(40)) },
		}
		// Lines a column wider every few lines (every chunk holds a new
		// widest line, but only just), or all short and dense, the widest
		// at the end.
		ascending := func(short bool) []byte {
			var b strings.Builder
			for i := 0; b.Len() < 4000; i++ {
				if short { // one column, two in a few lines at the end
					b.WriteString(strings.Repeat("д", 1+b.Len()/3900))
				} else {
					b.WriteString(strings.Repeat("д", 20+i/4) + strings.Repeat("中", rng.IntN(5)))
				}
				b.WriteByte('\n')
			}
			return []byte(b.String())
		}
		withBoundSizes(512, 256, func() {
			// Counting allocates nothing.
			dense := ascending(false)
			require.Zero(t, testing.AllocsPerRun(5, func() { k.Count(dense, scalar.GNUUTF8, NeedAll) }), "%s", k.Name)
			zero := []byte(strings.Repeat(strings.Repeat("\u0301", 5)+"\n", 500)) // dense, all lines of width 0
			for _, p := range [][]byte{ascending(false), ascending(true), ascending(false)[1:], zero} {
				require.Equal(t, scalar.CountAll(p, scalar.GNUUTF8), k.Count(p, scalar.GNUUTF8, NeedAll).Counts(), "%s %q", k.Name, p)
			}
			for i := 0; i < 400; i++ {
				var b strings.Builder
				for b.Len() < 600+rng.IntN(6000) {
					b.WriteString(lines[rng.IntN(len(lines))]())
					b.WriteByte('\n')
				}
				p := []byte(b.String())
				if i%3 == 0 {
					p = p[rng.IntN(len(p)/4):] // a line begun before p
				}
				if i%5 == 0 {
					p = bytes.TrimRight(p, "\n")
				}
				for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
					want := scalar.Count(p, d)
					got := k.Count(p, d, NeedAll)
					require.Equal(t, want.Counts(), got.Counts(), "%s %s %q", k.Name, d, p)
					// Merged after and before other text, as parallel does.
					for _, q := range []string{"\t中x", "ab\n"} {
						o := scalar.Count([]byte(q), d)
						require.Equal(t, o.Merge(want).Counts(), o.Merge(got).Counts(), "%s %s %q then %q", k.Name, d, q, p)
						require.Equal(t, want.Merge(o).Counts(), got.Merge(o).Counts(), "%s %s %q then %q", k.Name, d, p, q)
					}
					require.Equal(t, want.Counts().MaxLineLength, k.Count(p, d, NeedMaxLineLength).Counts().MaxLineLength, "%s %s %q", k.Name, d, p)
					cut := rng.IntN(len(p) + 1)
					require.Equal(t, want.Counts(), k.Count(p[:cut], d, NeedAll).Merge(k.Count(p[cut:], d, NeedAll)).Counts(), "%s %s cut %d", k.Name, d, cut)
				}
			}
		})
	})
}

// denseText counts the continuation bytes as a plain loop does.
func TestDenseText(t *testing.T) {
	rng := rand.New(rand.NewPCG(65, 66))
	for i := 0; i < 2000; i++ {
		q := make([]byte, rng.IntN(200))
		for j := range q {
			q[j] = byte(rng.IntN(256))
			if rng.IntN(2) == 0 {
				q[j] &= 0x7f
			}
		}
		n := 0
		for _, b := range q {
			if b&0xc0 == 0x80 {
				n++
			}
		}
		require.Equal(t, n >= len(q)/boundDense, denseText(q), "%x", q)
	}
}
