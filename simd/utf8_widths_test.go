package simd

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
)

// Every code point alone, and every ASCII byte, counts as the reference
// counts it, in every UTF-8 dialect (every code point below U+30000 and a
// sample above, to keep the cross-architecture runs short).
func TestCharsGoTables(t *testing.T) {
	for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix, scalar.UTF8} {
		var b [4]byte
		for r := rune(0); r <= glibc.MaxRune; r++ {
			if !utf8.ValidRune(r) || r >= 0x30000 && r%13 != 0 {
				continue
			}
			p := b[:utf8.EncodeRune(b[:], r)]
			s, n := charsGo(p, d, true, true)
			if want := scalar.Count(p, d).Sum; n != len(p) || s != want {
				require.Equal(t, want, s, "%s %U", d, r)
				require.Equal(t, len(p), n, "%s %U", d, r)
			}
		}
	}
	t.Logf("%d distinct blocks of 256", len(gnuWidths().codes))
}

// charsGo gives the reference's Summary, field by field, for text made
// of every kind of char: wide, zero-width, non-printable, no-break
// spaces, tabs, '\r', '\f', controls, invalid bytes (skipped by glibc, a
// char to Go), leads F4–FD; and stops exactly at the first sequence cut
// off by the end, or (atStart) at a continuation byte at the start.
func TestCharsGo(t *testing.T) {
	pieces := []string{"a", "word ", "a long stretch of ASCII text, more than sixty-four bytes of it in a row. ", "\t", "\r", "\f", "\n", "\x01", "\x7f", "é", "中文", "😀", "\u0301", "\u200b",
		"\u00a0", "\u2007", "\u202f", "\u2060", "\u3000", "\u2028", "\u0085", "\U000e0001", "\U0010fffd", "ｱ", "\u1100", "\u0591",
		"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xc0\xaf", "\xe0\x80\xaf", "\xf5\x80", "\xfe", "\x80\xbf", "\xf8\x88\x80\x80\x80", "\xe2\x82\xe2",
		"\xf4\x90\x80\x80", "\xf7\xbf\xbf\xbf", "\xfb\xbf\xbf\xbf\xbf", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xfc\x80\x80\x80\x80\x80", "\xf5\x80\x80"}
	rng := rand.New(rand.NewPCG(41, 42))
	for i := 0; i < 3000; i++ {
		var p []byte
		for range rng.IntN(60) {
			p = append(p, pieces[rng.IntN(len(pieces))]...)
		}
		atStart := i%2 == 0
		for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix, scalar.UTF8} {
			s, n := charsGo(p, d, true, atStart)
			lwm, ln := charsGo(p, d, false, atStart)
			require.Equal(t, n, ln, "%s %q: without widths", d, p)
			want, run := len(p), 0
			for j := 0; j < len(p); {
				_, size, ok := scalar.GlibcDecode(p[j:])
				if d == scalar.UTF8 {
					var r rune
					r, size = utf8.DecodeRune(p[j:])
					ok = r != utf8.RuneError || size > 1
					if !ok && !utf8.FullRune(p[j:]) {
						size = 0
					}
				}
				if !ok && (size == 0 || j == 0 && p[j] < 0xc0 && atStart) || run == asciiHandBack {
					want = j
					break
				}
				size = max(size, 1)
				if run++; p[j] >= 0x80 {
					run = 0
				}
				j += size
			}
			require.Equal(t, want, n, "%s %q", d, p)
			if !atStart {
				// After a whole char: the reference of that and p.
				x := scalar.Count([]byte{'x'}, d)
				got := x.Merge(scalar.Partial{Dialect: d, Bytes: uint64(n), Sum: s})
				require.Equal(t, scalar.CountAll(append([]byte{'x'}, p[:n]...), d), got.Counts(), "%s x%q", d, p[:n])
				continue
			}
			// With the reference for the rest: the whole.
			got := scalar.Partial{Dialect: d, Bytes: uint64(n), Sum: s}.Merge(scalar.Count(p[n:], d))
			require.Equal(t, scalar.CountAll(p, d), got.Counts(), "%s %q then %q", d, p[:n], p[n:])
			ref := scalar.Count(p[:n], d)
			if d == scalar.UTF8 && incompleteSuffix(p[:n]) > 0 {
				// Go's decoder: a sequence that p[n] shows invalid is
				// chars, which the reference of p[:n] alone leaves open.
				continue
			}
			require.Equal(t, ref.Sum, s, "%s %q", d, p[:n])
			ref.Sum.Reset, ref.Sum.Head, ref.Sum.Tail, ref.Sum.Max = false, scalar.Cols{}, scalar.Cols{}, 0
			require.Equal(t, ref.Sum, lwm, "%s %q: without widths", d, p[:n])
		}
	}
}

func TestCharsGoAllocs(t *testing.T) {
	p := []byte("中文 é\t😀\r\n")
	for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.UTF8} {
		charsGo(p, d, true, true)
		require.Zero(t, testing.AllocsPerRun(10, func() { charsGo(p, d, true, true) }))
	}
}
