package simd

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

var genDialects = []struct {
	d  scalar.Dialect
	tb *utf8Tables
}{{scalar.UTF8, goTables}, {scalar.GNUUTF8, gnuTables}, {scalar.GNUUTF8Posix, gnuPosixTables}}

// genPieces are what genText is made of: ASCII words, separators and
// controls, multi-byte chars of every length (separators of either
// dialect, chars outside the gnu allow-list), invalid sequences.
var genPieces = [][]string{
	{"a", "the", "word", "x1", "~", "\x7f", "\x01", "\x1b[0m", "\x00"},
	{" ", "\n", "\t", "\r\n", "\v", "\f", "\n\n"},
	{"é", "ñ", "дом", "λόγος", "中文", "ひらがな", "한국어", "😀", "👍🏽", "ＡＢ", "€", "—", "“q”", "٣", "\u0378", "\u2180", "\ue000", "\U0010ffff", "\U00020000", "\u0800", "\u07ff", "\u0080"},
	{"\u00a0", "\u0085", "\u1680", "\u2000", "\u2007", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u2060", "\u3000", "\ufeff"},
	{"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff", "\xe2\x82", "\xf0\x9f\x98", "\xe2\x82\xe2\x82", "\xc3\xa9\xa9"},
}

// genText returns about n bytes of pieces: kinds picks the groups of
// genPieces (by index) it draws from; random bytes too with raw.
func genText(rng *rand.Rand, n int, kinds []int, raw bool) []byte {
	var b []byte
	for len(b) < n {
		if raw && rng.IntN(8) == 0 {
			b = append(b, byte(rng.IntN(256)))
			continue
		}
		g := genPieces[kinds[rng.IntN(len(kinds))]]
		b = append(b, g[rng.IntN(len(g))]...)
	}
	return b
}

// genTrim is what countValid hands the block routine: p without the
// sequences its end cuts.
func genTrim(p []byte) []byte {
	for k := incompleteSuffix(p); k > 0; k = incompleteSuffix(p) {
		p = p[:len(p)-k]
	}
	return p
}

// genStop is where the block routine must stop in p (a char start): the
// first char it cannot count, by unicode/utf8 (but tb.badWord and
// tb.badSkip) and (gnu) gnuClass, or for a char of two or three bytes
// the dialect's gnuBMP class bits.
func genStop(p []byte, tb *utf8Tables) int {
	class, _, _ := bmpFor(tb, false)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			// utf8: one word char; gnu: skipped, unless glibc decodes it
			// (leads F4–FD: above U+10FFFF).
			if tb.badWord || tb.badSkip && (p[i] < 0xf4 || p[i] > 0xfd) {
				i++
				continue
			}
			return i
		}
		if size > 1 && tb.slowOnly != 0 {
			b := append(append([]byte(nil), p[i:min(len(p), i+3)]...), 0, 0)
			if ok, _ := gnuClass(tb, b); !ok && (class == nil || size > 3 || !class.has(r)) {
				return i
			}
		}
		i += size
	}
	return len(p)
}

// utf8WordsGo stops exactly at the first char it cannot count and counts
// what is before it as the reference does, field by field, in every
// dialect; through countValid too (First, Last).
func TestUTF8WordsGoDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	mixes := []struct {
		kinds []int
		raw   bool
	}{
		{[]int{0, 1}, false},          // ASCII, controls
		{[]int{0, 1, 2, 3}, false},    // valid multilingual
		{[]int{2, 3}, false},          // multi-byte only
		{[]int{0, 1, 2, 3, 4}, false}, // invalid sequences
		{[]int{1, 2, 3}, true},        // random bytes
	}
	for i := 0; i < 15000; i++ {
		mix := mixes[i%len(mixes)]
		n := rng.IntN(300)
		if i%10 == 0 {
			n = rng.IntN(5000)
		}
		q := genText(rng, n, mix.kinds, mix.raw)
		q = q[:rng.IntN(len(q)+1)]
		for len(q) > 0 && q[0]&0xc0 == 0x80 {
			q = q[1:]
		}
		q = genTrim(q)
		for _, c := range genDialects {
			for _, lineMask := range []uint64{0, ^uint64(0)} {
				r := utf8WordsGo(q, c.tb, lineMask)
				stop := genStop(q, c.tb)
				require.Equal(t, stop, int(r.n), "%s stop in %q", c.d, q)
				want := scalar.Count(q[:stop], c.d).Sum
				got := r.summary(lineMask)
				require.Equal(t, [3]uint64{want.Lines, want.Words, want.Chars}, [3]uint64{got.Lines, got.Words, got.Chars}, "%s %q", c.d, q[:stop])
				if c.d == scalar.UTF8 && lineMask != 0 {
					want.First, want.Last = 0, 0
					require.Equal(t, want, got, "%s %q", c.d, q[:stop])
				}
			}
			needs := []Need{NeedLines | NeedWords | NeedChars, NeedWords}
			if c.d == scalar.UTF8 {
				needs = append(needs, NeedAll, NeedMaxLineLength)
			}
			for _, need := range needs {
				part, m := countValid(utf8WordsGo, q, c.d, need)
				want := scalar.Count(q[:m], c.d)
				require.Equal(t, masked(want.Counts(), need), masked(part.Counts(), need), "%s %q", c.d, q[:m])
				if m > 0 {
					require.Equal(t, want.Sum.First, part.Sum.First, "%s %q", c.d, q[:m])
					require.Equal(t, want.Sum.Last, part.Sum.Last, "%s %q", c.d, q[:m])
				}
				if c.d == scalar.UTF8 && need&NeedMaxLineLength != 0 {
					require.Equal(t, want.Sum, part.Sum, "%s %q", c.d, q[:m])
				}
			}
		}
	}
}

// The merged tables say of every lead, byte after it and byte after that
// what t and unicode/utf8 say: valid and allow-listed, a separator.
func TestUTF8GenTables(t *testing.T) {
	for _, c := range genDialects {
		tab := cachedGenTables(c.tb)
		require.NotNil(t, tab)
		require.True(t, tab.ok)
		for b0 := 0xc0; b0 < 0x100; b0++ {
			for b1 := 0x80; b1 < 0xc0; b1++ {
				enc := []byte{byte(b0), byte(b1), 0x80, 0x80}
				_, size := utf8.DecodeRune(enc)
				valid := size == int(genSize[b0]) && size > 1
				b := []byte{byte(b0), byte(b1), 0}
				for b2 := 0; b2 < 0x100; b2++ {
					b[2] = byte(b2)
					allowed, space := gnuClass(c.tb, b)
					x := tab.lead[b0] & tab.n1[b1] & tab.n2[b2]
					if (valid && allowed) != (x >= 0x100) || space != (x&0xff != 0) {
						t.Fatalf("%s % x: valid %v allowed %v space %v, x %#x", c.d, b, valid, allowed, space, x)
					}
				}
			}
		}
	}
}

// Tables that are not the dialects' (made on the stack) count as the
// cached ones; and other transparent ASCII bytes than the gnu ones count
// as the one-char-at-a-time path does.
func TestUTF8WordsGoOtherTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for _, c := range genDialects {
		other := *c.tb
		for _, limits := range [][2]byte{{other.ctrlBelow[0], other.ctrlEq[0]}, {0x10, 0x41}, {0, 0x7f}, {0x21, 0x80}} {
			for i := range other.ctrlBelow {
				other.ctrlBelow[i], other.ctrlEq[i] = limits[0], limits[1]
			}
			for i := 0; i < 200; i++ {
				q := genTrim(genText(rng, rng.IntN(600), []int{0, 1, 2, 3, 4}, i%2 == 0))
				for len(q) > 0 && q[0]&0xc0 == 0x80 {
					q = q[1:]
				}
				got := utf8WordsGo(q, &other, ^uint64(0))
				// (Other tables have no gnuBMP rows: the same where
				// they would take no more.)
				if limits == [2]byte{c.tb.ctrlBelow[0], c.tb.ctrlEq[0]} && genStop(q, c.tb) == genStop(q, &other) {
					require.Equal(t, utf8WordsGo(q, c.tb, ^uint64(0)), got, "%s %q", c.d, q)
				}
				var tab genTables
				tab.fill(&other)
				g := newGenConsts(&other, &tab)
				st := genState{head: ^uint64(0)}
				n := 0
				for n < len(q) { // it returns early after invalid bytes
					m, stopped := utf8CharsGo(q, n, len(q), i%3 != 0, &g, &st)
					n = m
					if stopped {
						break
					}
				}
				want := utf8Result{
					lines: st.lines, words: st.words, chars: st.chars, inWord: st.in, n: uint64(n),
					head: st.head, max: st.max, lineStart: st.lineStart,
				}
				require.Equal(t, want, got, "%s %x %q", c.d, limits, q)
			}
		}
	}
}

// genMasksGNU is genMasksTr for the gnu tables' transparent bytes.
func TestUTF8GenMasksGNU(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	g := newGenConsts(gnuTables, cachedGenTables(gnuTables))
	require.Equal(t, [3]uint64{genTrBelow, genTrEq, genTrEq1}, [3]uint64{g.trBelow, g.trEq, g.trEq1})
	for i := 0; i < 2000; i++ {
		var q [genWindow]byte
		for j := range q {
			q[j] = byte(rng.IntN(256))
			if i%2 == 0 {
				q[j] &= 0x7f
			}
		}
		c0, l0, nl0, sp0, tr0 := genMasksTr(&q, &g)
		c1, l1, nl1, sp1, tr1 := genMasksGNU(&q)
		require.Equal(t, [5]uint64{c0, l0, nl0, sp0, tr0}, [5]uint64{c1, l1, nl1, sp1, tr1})
	}
}

// A block routine must not allocate (Count must not).
func TestUTF8WordsGoAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	q := genTrim(genText(rng, 5000, []int{0, 1, 2, 3}, false))
	for _, c := range genDialects {
		other := *c.tb
		for _, tb := range []*utf8Tables{c.tb, &other} {
			allocs := testing.AllocsPerRun(10, func() { utf8WordsGo(q, tb, ^uint64(0)) })
			require.Zero(t, allocs, "%s", c.d)
		}
	}
}

// Valid text (allow-listed in the gnu dialects) takes the block path
// throughout, never the one-char-at-a-time one (which would pass the
// tests above alone).
func TestUTF8GenBlockTakesValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(49, 50))
	for i := 0; i < 300; i++ {
		for _, c := range genDialects {
			var q []byte
			if c.d == scalar.UTF8 {
				q = genText(rng, rng.IntN(3000), []int{0, 1, 2, 3}, false)
			} else {
				q = []byte(gnuSample(rng, rng.IntN(3000)))
			}
			q = genTrim(q)
			g := newGenConsts(c.tb, cachedGenTables(c.tb))
			st := genState{head: ^uint64(0)}
			for s := 0; s < len(q); {
				var buf [genWindow]byte
				copy(buf[:], q[s:])
				cnt, ok := genBlock(&buf, min(64, len(q)-s), ^uint64(0), &g, &st)
				require.True(t, ok, "%s block at %d of %q", c.d, s, q)
				s += cnt
			}
		}
	}
}

// genBlock takes a block of chars of two and three bytes that t's
// allow-list patterns reject and gnuBMP admits (Devanagari, Hebrew,
// Thai…; with chars the patterns take too) whole in the gnu dialects, as
// it must not where it has no rows (tables that are not the dialects').
func TestGenBlockTakesBMPChars(t *testing.T) {
	words := []string{"हिन्दी", "भाषा", "עברית", "ภาษาไทย", "ქართული", "Հայերեն", "हिन्दी дом", "ภาษาไทย é"}
	for _, c := range genDialects[1:] {
		tb := c.tb
		for _, w := range words {
			var q [genWindow]byte
			n := 0
			for n+len(w)+1 <= 64 {
				n += copy(q[n:], w+" ")
			}
			if ok, _ := gnuClass(tb, q[:3]); ok {
				t.Fatalf("%q: the allow-list patterns take it", w)
			}
			for _, rows := range []bool{true, false} {
				var tab genTables
				tab.fill(tb)
				g := newGenConsts(tb, &tab)
				if !rows {
					g.rows = nil
				}
				st := genState{head: ^uint64(0)}
				cnt, ok := genBlock(&q, n, 0, &g, &st)
				require.Equal(t, rows, ok, "%q, rows %v", w, rows)
				if ok {
					want := scalar.Count(q[:n], c.d).Sum
					require.Equal(t, n, cnt, "%q", w)
					require.Equal(t, [2]uint64{want.Words, want.Chars}, [2]uint64{st.words, st.chars}, "%q", w)
				}
			}
		}
	}
}
