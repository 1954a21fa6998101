package simd

import (
	"bytes"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
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

// sepEndAt reports whether the nibble tables (the AVX2 routine's) see a
// separator ending at q[i] (bytes before q read as 0).
func sepEndAt(tb *utf8Tables, q []byte, i int) bool {
	bits := byte(0xff)
	for k := range 3 {
		var b byte
		if j := i - 2 + k; j >= 0 {
			b = q[j]
		}
		bits &= tb.sepEnd[2*k][b&15] & tb.sepEnd[2*k+1][b>>4]
	}
	return bits != 0
}

// The nibble separator tables must find exactly what the 128-entry ones
// find, for every multi-byte char of each dialect, at its last byte and
// nowhere else, whatever valid text (ASCII, the last byte of a char)
// precedes it. Every code point below U+10000 (all the separators are
// there) and every 61st above; TestUTF8SpacePatterns ties the 128-entry
// tables to unicode.IsSpace.
func TestUTF8SpaceEnds(t *testing.T) {
	befores := [][]byte{{' '}, {0xc3, 0xa9}, {0xe3, 0x80, 0x80}}
	spaces := 0
	var q [3 + 4 + 1]byte
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || r > 0xffff && r%61 != 0 {
			continue
		}
		var enc [4]byte
		l := utf8.EncodeRune(enc[:], r)
		for _, tb := range []*utf8Tables{goTables, gnuTables, gnuPosixTables} {
			after := [3]byte{enc[0], enc[1], 'x'}
			if l > 2 {
				after[2] = enc[2]
			}
			want := tb.lead[after[0]&0x7f]&tb.n1[after[1]&0x7f]&tb.n2[after[2]&0x7f] != 0
			if want {
				spaces++
			}
			for _, before := range befores {
				n := copy(q[:], before)
				n += copy(q[n:], enc[:l])
				q[n] = 'x'
				for i := len(before); i <= n; i++ {
					end := i == n-1
					if got := sepEndAt(tb, q[:n+1], i); got != (want && end) {
						t.Fatalf("%U at %d of %x: %v", r, i, q[:n+1], got)
					}
				}
			}
		}
	}
	require.NotZero(t, spaces)
}

// blockRoutine is one UTF-8 block routine and the dialects it counts.
type blockRoutine struct {
	name  string
	block utf8Block
	gnu   bool // it counts the gnu dialects too
	// nibbles: its gnu allow-list is gnuNibbles' subset of gnuAllow;
	// bmp: and what gnuBMP admits below U+10000.
	nibbles, bmp bool
	// widths: the kernel's gnuWidthBlock (nil: none); widthBMP: it
	// measures what gnuBMP's width bits hold.
	widths   utf8Block
	widthBMP bool
	// widthAll: widths measures every char glibc prints (the generic
	// routine, utf8WidthsGo, by widthTables).
	widthAll bool
	// badWord: it counts invalid UTF-8 in the utf8 dialect too; badSkip:
	// in the gnu dialects too; badWidths: and measuring their widths;
	// badBMP: checking the chars the nibble tables reject there against
	// gnuBMP.
	badWord, badSkip, badWidths, badBMP bool
}

// noDense turns off utf8WidthsGo's hand-over of dense blocks to charsGo
// (genDenseLeads) for the rest of test t, which checks what the width
// routines take.
func noDense(t *testing.T) {
	old := genDenseLeads
	genDenseLeads = 64
	t.Cleanup(func() { genDenseLeads = old })
}

// blockRoutines are the block routines this CPU runs, each once: the
// generic one and the kernels' own.
func blockRoutines() []blockRoutine {
	rs := []blockRoutine{{"go", utf8WordsGo, true, false, false, utf8WidthsGo, false, true, false, false, false, false}}
	for _, k := range available {
		if k.utf8.block != nil {
			rs = append(rs, blockRoutine{k.Name, k.utf8.block, k.utf8.gnuBlock != nil, k.utf8.nibbleAllow, k.utf8.bmpAllow, k.utf8.gnuWidthBlock, k.utf8.widthBMP, false, k.utf8.badWord, k.utf8.badSkip, k.utf8.badWidths, k.utf8.badBMP})
		}
	}
	return rs
}

// The block routines must count valid text whole (not hand it all to the
// reference, which would pass every other test).
func TestUTF8BlockTakesValidText(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	text := spectest.EnglishText(rng, 1000)
	text = append(text, "é中😀\u3000 дом\u00a0"...)
	text = append(text, spectest.EnglishText(rng, 1000)...)
	for _, k := range blockRoutines() {
		for l := 0; l <= len(text); l += 7 {
			q := text[:l]
			for len(q) > 0 && q[len(q)-1] >= 0x80 {
				q = q[:len(q)-1]
			}
			part, m := countValid(k.block, q, scalar.UTF8, NeedAll)
			if len(q) > 0 {
				require.Equal(t, len(q), m, "%s len %d", k.name, l)
			}
			require.Equal(t, scalar.CountAll(q, scalar.UTF8), part.Counts())
		}
	}
}

// Lines of every char count 0..150 in multi-byte text (one char of 1 to 4
// bytes repeated, '\n's alone and in runs), so line ends fall in every lane
// and lines span blocks: the block routine's Summary must equal the
// reference's field by field (Head, Max, Tail, Reset), not just in Counts.
func TestUTF8BlockLineLengths(t *testing.T) {
	chars := []string{"a", "é", "中", "😀", " ", "\u3000"}
	rng := rand.New(rand.NewPCG(33, 34))
	for _, k := range blockRoutines() {
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
				part, m := countValid(k.block, q, scalar.UTF8, need)
				require.Equal(t, len(q), m, "%s: the block routine must take valid text", k.name)
				want := scalar.Count(q, scalar.UTF8)
				require.Equal(t, want.Sum, part.Sum, "%s %q", k.name, q)
				require.Equal(t, want.Counts(), part.Counts(), "%s %q", k.name, q)
			}
		}
	}
}

// gnuClass is what the gnu tables, read as the block routine reads them,
// say of multi-byte char b (with the bytes after it): allowed, and a
// separator or not.
func gnuClass(tb *utf8Tables, b []byte) (allowed, space bool) {
	for _, set := range tb.allow {
		if set[0][b[0]&0x3f]&set[1][b[1]&0x3f]&set[2][b[2]&0x3f] != 0 {
			allowed = true
		}
	}
	return allowed, tb.lead[b[0]&0x7f]&tb.n1[b[1]&0x7f]&tb.n2[b[2]&0x7f] != 0
}

// Every code point the gnu allow-list admits must be printable in glibc,
// and a separator in each gnu dialect exactly when the separator tables
// say so; whatever byte follows a two-byte char. The allow-list must also
// cover the scripts it claims (a list that admits nothing passes the rest).
func TestUTF8GNUAllowList(t *testing.T) {
	allowed := 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		enc := utf8.AppendRune(nil, r)
		afters := [][]byte{{0x80, 0x80}}
		if len(enc) == 2 {
			afters = nil
			for a := 0; a < 256; a++ {
				afters = append(afters, []byte{byte(a), 0x80})
			}
		}
		p := glibc.Lookup(uint32(r))
		nbsp := r == 0xa0 || r == 0x2007 || r == 0x202f || r == 0x2060
		for _, after := range afters {
			b := append(append([]byte(nil), enc...), after...)
			for _, c := range []struct {
				tb   *utf8Tables
				nbsp bool
			}{{gnuTables, true}, {gnuPosixTables, false}} {
				ok, space := gnuClass(c.tb, b)
				if !ok {
					continue
				}
				allowed++
				require.True(t, p.Print(), "%U is allowed but not printable", r)
				require.Equal(t, p.Space() || (c.nbsp && nbsp), space, "%U separator (nbsp %v)", r, c.nbsp)
			}
		}
	}
	for _, s := range []string{"é", "ñ", "ß", "«»", "λόγος", "дом", "中文", "ひらがなテキスト", "한국어", "—“…”€", "😀🎉👍🏽", "\u00a0\u2003\u3000", "ＡＢ"} {
		for _, r := range s {
			b := append(utf8.AppendRune(nil, r), 'x', 'x')
			ok, _ := gnuClass(gnuTables, b)
			require.True(t, ok, "%U %q must be allow-listed", r, s)
		}
	}
	require.NotZero(t, allowed)
}

// gnuNibbles, as the assembly reads them, must reject every multi-byte
// char outside gnuAllow (so that what they accept is printable in glibc)
// and accept the common scripts; and each lookup fires only at the byte
// of a char it is meant for (a lead's tables are zero below 0xC0, a
// continuation's outside 0x80..0xBF), so the routine may run them at
// every byte.
func TestUTF8GNUNibbleAllow(t *testing.T) {
	accepted, allowed := 0, 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := append(utf8.AppendRune(nil, r), 0x80, 0x80)
		ok := gnuTables.allows(b)
		if ok {
			allowed++
		}
		if !gnuNibbleRejects(b) {
			accepted++
			require.True(t, ok, "%U is accepted by gnuNibbles but not in gnuAllow", r)
			for _, after := range []byte{0, 'a', 0xc3, 0xe2, 0xf0} {
				if len(utf8.AppendRune(nil, r)) == 2 {
					b[2] = after
					require.False(t, gnuNibbleRejects(b), "%U then %#x", r, after)
				}
			}
		}
	}
	for _, s := range []string{"é", "ñ", "ß", "«»", "λόγος", "ΨΩ", "дом", "中文。，", "ひらがなテキスト", "한국어", "—“…”€", "😀🎉👍🏽", "\u00a0\u2003\u3000\u2007\u202f", "ＡＢ", "٣٤"} {
		for _, r := range s {
			b := append(utf8.AppendRune(nil, r), 'x', 'x')
			require.False(t, gnuNibbleRejects(b), "%U %q must be accepted", r, s)
		}
	}
	t.Logf("gnuNibbles accept %d of the %d code points gnuAllow admits", accepted, allowed)
	for _, tabs := range [][][16]byte{gnuNibbles[:], gnuWidthNibbles[:]} {
		holes := len(tabs) - 6
		for i := range tabs {
			for n, v := range tabs[i] {
				hiTab := i%2 == 0
				lead := i < holes && i%4 < 2 || i >= holes+4
				if hiTab && v != 0 {
					if lead {
						require.GreaterOrEqual(t, n, 0xc, "table %d: lead high nibble %x", i, n)
					} else {
						require.True(t, n >= 8 && n <= 0xb, "table %d: continuation high nibble %x", i, n)
					}
				}
			}
		}
	}
}

// What gnuWidthNibbles accept among the chars gnuNibbles accept is as
// wide in glibc as gnuWide says (two columns, else one); and the common
// text of the scripts they claim is accepted.
func TestUTF8GNUWidthNibbles(t *testing.T) {
	narrow, wide, emoji := 0, 0, 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := append(utf8.AppendRune(nil, r), 0x80, 0x80)
		if !gnuTables.allows(b) || gnuNibbleRejects(b) || gnuWidthRejects(b) {
			continue
		}
		w := 1
		if r > 0xffff && gnuEmojiWideAt(b) || r <= 0xffff && gnuWide(b) {
			w = 2
			wide++
		} else {
			narrow++
		}
		if r > 0xffff {
			emoji++
		}
		require.Equal(t, w, glibc.Lookup(uint32(r)).Width(), "%U is accepted as %d columns", r, w)
		require.Equal(t, w, measuredWidth(b, len(b)-2), "%U: measuredWidth", r)
	}
	require.Greater(t, emoji, 1000, "the emoji must be measured")
	for _, s := range []string{"é", "ñ", "ß", "«»", "λόγος", "ΨΩ", "дом", "—“…”€", "\u00a0\u2003\u2007\u202f", "ÀÿĀž",
		"中文。，「」", "ひらがなテキスト", "한국어", "ＡＢ（）", "\u3000", "😀🎉👍🏽🌡"} {
		for _, r := range s {
			b := append(utf8.AppendRune(nil, r), 'x', 'x')
			require.False(t, gnuNibbleRejects(b) || gnuWidthRejects(b), "%U %q must be accepted", r, s)
		}
	}
	t.Logf("gnuWidthNibbles accept %d code points of one column and %d of two", narrow, wide)
}

// The gnu width block routine takes text of one- and two-column chars
// whole, with lines ended by '\n', '\r\n', '\r' and '\f', and measures
// it as the reference does, field by field; text with tabs, controls,
// symbols outside gnuNibbles or zero-width chars it counts exactly as far
// as it goes.
func TestUTF8GNUWidthBlock(t *testing.T) {
	narrow := []string{"word", "café", "λόγος", "дом", "«q»", "—", "“q”", "€5", "x", "ÀÿĀž", "中文字", "ひらがな。", "한국어", "ＡＢ", "「q」", "a\tb", "\t\t",
		"😀", "🎉", "👍🏽", "🌡x", // emoji: two columns, two, two and two, one
		strings.Repeat("ascii\ttext\tcells\n", 6),
		strings.Repeat("ascii text\r\nmore\fwords\n", 5)} // whole ASCII blocks
	seps := []string{" ", " ", "\n", "\r\n", "\r", "\f", "\u00a0", "\u2003", "\u202f", "\n\n", "\u3000"}
	other := []string{"\u303f", "\u302a", "\U0001f6f0", "a\u0301", "\u200b", "\x01", "\x7f", "\v", "\u2028", "ｱ",
		strings.Repeat("ascii\ttext ", 10), strings.Repeat("ascii\x01text ", 10)}
	rng := rand.New(rand.NewPCG(37, 38))
	noDense(t)
	n := 0
	for _, k := range blockRoutines() {
		if k.widths == nil {
			continue
		}
		n++
		for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
			for i := 0; i < 300; i++ {
				var q []byte
				for len(q) < rng.IntN(1500) {
					q = append(q, narrow[rng.IntN(len(narrow))]...)
					q = append(q, seps[rng.IntN(len(seps))]...)
					if i%2 == 1 && rng.IntN(40) == 0 {
						q = append(q, other[rng.IntN(len(other))]...)
					}
				}
				part, m := countValid(k.widths, q, d, NeedAll)
				if i%2 == 0 && len(q) > 0 && !bytes.Contains(q, []byte{'\t'}) {
					require.Equal(t, len(q), m, "%s %s: must take %q", k.name, d, q)
				}
				want := scalar.Count(q[:m], d)
				require.Equal(t, canonTail(want.Sum), canonTail(part.Sum), "%s %s %q", k.name, d, q[:m])
				// At a known column (after a line end) it follows tab
				// stops from the start: it must take all of it.
				for _, before := range []string{"ab\n", "ab\ncdef", "\n中\t", "x\r\t\tyz"} {
					line := scalar.Count([]byte(before), d)
					part, m = countValidAt(k.widths, q, d, NeedAll, int64(line.Sum.Tail.Apply(0)), false)
					if i%2 == 0 && len(q) > 0 {
						require.Equal(t, len(q), m, "%s %s: after %q must take %q", k.name, d, before, q)
					}
					require.Equal(t, scalar.CountAll(append([]byte(before), q[:m]...), d), line.Merge(part).Counts(), "%s %s after %q: %q", k.name, d, before, q[:m])
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no gnu width block routine on this CPU")
	}
}

// The gnu width block routine measures every emoji the allow-list passes
// (gnuEmojiWide, read at its last byte) with the char at every offset
// around the halves and blocks, its last bytes in the next block too.
func TestUTF8GNUWidthEmoji(t *testing.T) {
	n := 0
	for _, k := range blockRoutines() {
		if k.widths == nil {
			continue
		}
		n++
		for r := rune(0x10000); r <= unicode.MaxRune; r++ {
			enc := utf8.AppendRune(nil, r)
			if !gnuTables.allows(enc) || gnuNibbleRejects(enc) {
				continue
			}
			n++
			for _, off := range []int{0, 28, 29, 30, 31, 32, 60, 61, 62, 63, 64} {
				q := fmt.Appendf(nil, "x\n%s%s%s\nd\n", strings.Repeat("a", off), enc, "bc")
				part, m := countValid(k.widths, q, scalar.GNUUTF8, NeedAll)
				require.Equal(t, len(q), m, "%s: %U at %d", k.name, r, off)
				require.Equal(t, scalar.Count(q, scalar.GNUUTF8).Sum, part.Sum, "%s: %U at %d", k.name, r, off)
			}
		}
	}
	if n == 0 {
		t.Skip("no gnu width block routine on this CPU")
	}
	require.Greater(t, n, 1000)
}

// Each nibble block routine takes a char alone in ASCII text (at the
// start, across the two halves of a block and across blocks) exactly when
// gnuNibbleRejects, its Go model, accepts it (or, with bmp, gnuBMP's class
// bits hold it): every code point gnuAllow or gnuBMP admit, and a sample
// of the others.
func TestUTF8GNUNibbleRoutine(t *testing.T) {
	n := 0
	for _, k := range blockRoutines() {
		if !k.nibbles {
			continue
		}
		n++
		buf := []byte(strings.Repeat("a", 140))
		for r := rune(0x80); r <= unicode.MaxRune; r++ {
			enc := utf8.AppendRune(nil, r)
			bmp := k.bmp && gnuBMPs().class.has(r)
			if !utf8.ValidRune(r) || !gnuTables.allows(append(enc, 0x80, 0x80)) && !bmp && r%97 != 0 {
				continue
			}
			want := !gnuNibbleRejects(append(enc, 0x80, 0x80)) || bmp
			for _, off := range []int{0, 31, 62, 63} {
				q := append(append(append([]byte(nil), buf[:off]...), enc...), buf[off:]...)
				_, m := countValid(k.block, q, scalar.GNUUTF8, NeedWords)
				if (m == len(q)) != want {
					t.Fatalf("%s: %U at %d: took %d of %d bytes, want all %v", k.name, r, off, m, len(q), want)
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no nibble block routine on this CPU")
	}
}

// The gnu dialects' block routine takes valid allow-listed multilingual
// text whole (no silent fallback to the reference) and counts it exactly.
func TestUTF8GNUBlockTakesText(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	n := 0
	for _, k := range blockRoutines() {
		if !k.gnu {
			continue
		}
		n++
		for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
			for i := 0; i < 200; i++ {
				q := []byte(gnuSample(rng, rng.IntN(2000)))
				if k.nibbles {
					q = []byte(strings.ReplaceAll(string(q), "\u2060", "\u2007")) // not in gnuNibbles
				}
				for len(q) > 0 && q[len(q)-1] >= 0x80 {
					q = q[:len(q)-1]
				}
				for _, need := range []Need{NeedLines | NeedWords | NeedChars, NeedWords} {
					part, m := countValid(k.block, q, d, need)
					require.Equal(t, len(q), m, "%s %s: the block routine must take %q", k.name, d, q)
					want := scalar.Count(q, d)
					require.Equal(t, masked(want.Counts(), need), masked(part.Counts(), need), "%s %s %q", k.name, d, q)
					require.Equal(t, want.Sum.First, part.Sum.First)
					require.Equal(t, want.Sum.Last, part.Sum.Last)
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no gnu UTF-8 block routine on this CPU")
	}
}

// canonTail is s with a Reset run's Tail as the column it reaches from
// column 0 (the only way Merge and MaxLineLength use it): the reference
// keeps tab stops in its form, the block routines a plain count.
func canonTail(s scalar.Summary) scalar.Summary {
	if s.Reset {
		s.Tail = scalar.AddN(s.Tail.Apply(0))
	}
	return s
}

func masked(c scalar.Counts, need Need) scalar.Counts {
	if need&NeedLines == 0 {
		c.Lines = 0
	}
	if need&NeedWords == 0 {
		c.Words = 0
	}
	if need&NeedChars == 0 {
		c.Chars = 0
	}
	if need&NeedMaxLineLength == 0 {
		c.MaxLineLength = 0
	}
	return c
}

// gnuSample is n bytes or so of allow-listed words, separators of both
// gnu dialects and ASCII controls (transparent), some in long ASCII runs.
func gnuSample(rng *rand.Rand, n int) string {
	words := []string{"the", "café", "λόγος", "дом", "中文字", "ひらがな", "テキスト", "한국어", "😀", "“q”", "€5", "ＡＢ", "a\x01b", "\x7f", "\x1b[0m", "«»", "٣٤",
		// Whole ASCII blocks with controls (transparent) between multi-byte text.
		strings.Repeat("ab\x01 c\x7fd\te\x02\x03f ", 9)}
	seps := []string{" ", "\n", "\t", "\u00a0", "\u2007", "\u202f", "\u2060", "\u3000", "\u2003", "\r\n", "\u200b"}
	var b []byte
	for len(b) < n {
		b = append(b, words[rng.IntN(len(words))]...)
		b = append(b, seps[rng.IntN(len(seps))]...)
	}
	return string(b)
}

// gnuBMP's bits are what the reference says of each char (its class
// where the separator tables put it; its width where the gnu measure
// puts it), and a bmp block routine takes every char below U+10000 that
// its nibble tables or the bits admit, at every lane, and counts it as
// the reference does, in both gnu dialects, with and without widths.
func TestUTF8GNUBMP(t *testing.T) {
	if !slices.ContainsFunc(blockRoutines(), func(k blockRoutine) bool { return k.bmp }) {
		t.Skip("no bmp block routine on this CPU")
	}
	// The bits against the reference where a routine measures widths by
	// them (the class bits are checked through every routine below).
	for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
		if !slices.ContainsFunc(blockRoutines(), func(k blockRoutine) bool { return k.widthBMP }) {
			break
		}
		tb := blockTables(d)
		class, _, _ := bmpFor(tb, false)
		width, zero, extra := bmpFor(tb, true)
		nclass, nwidth, nzero, nextra := 0, 0, 0, 0
		for r := rune(0x80); r < bmpLimit; r++ {
			enc := utf8.AppendRune(nil, r)
			if !utf8.ValidRune(r) || !sampled(r) {
				continue
			}
			for _, q := range []string{" " + string(enc) + " ", "a" + string(enc) + "a", string(enc)} {
				ref := scalar.Count([]byte(q), d).Sum
				// What the block routine makes of it: a word char, or a
				// separator where the tables say so.
				as := "x"
				if tb.lead[enc[0]&0x7f]&tb.n1[enc[1]&0x7f]&tb.n2[append(enc, 'x')[2]&0x7f] != 0 {
					as = " "
				}
				simd := scalar.Count([]byte(strings.ReplaceAll(q, string(enc), as)), d).Sum
				simd.Reset, simd.Head, simd.Tail, simd.Max = false, scalar.Cols{}, scalar.Cols{}, 0
				got := ref
				got.Reset, got.Head, got.Tail, got.Max = false, scalar.Cols{}, scalar.Cols{}, 0
				if class.has(r) {
					require.Equal(t, simd, got, "%s %U in %q: in the class bits", d, r, q)
				}
			}
			if class.has(r) {
				nclass++
			}
			require.Equal(t, class.has(r), gnuBMPHas(class, r), "%U", r)
			w := 1 // as the width measure makes it
			if r < 0x10000 && gnuWide(append(enc, 0x80)) || r >= 0x10000 && gnuEmojiWideAt(enc) {
				w = 2
			}
			for _, bits := range []struct {
				b     *bmpBits
				n     *int
				delta int
			}{{width, &nwidth, 0}, {zero, &nzero, -1}, {extra, &nextra, 1}} {
				if bits.b.has(r) {
					*bits.n++
					require.True(t, class.has(r))
					require.Equal(t, w+bits.delta, glibc.Lookup(uint32(r)).Width(), "%s %U: in the bits of %+d", d, r, bits.delta)
				}
			}
			require.LessOrEqual(t, b2i(width.has(r))+b2i(zero.has(r))+b2i(extra.has(r)), 1, "%U", r)
		}
		require.Greater(t, nclass, 50000, "%s: class bits", d)
		require.Greater(t, nwidth, 40000, "%s: width bits", d)
		require.Greater(t, nzero, 500, "%s: zero bits", d)
		require.Greater(t, nextra, 100, "%s: extra bits", d)
	}
	for _, k := range blockRoutines() {
		if !k.bmp {
			continue
		}
		for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
			tb := blockTables(d)
			class, _, _ := bmpFor(tb, false)
			width, zero, extra := bmpFor(tb, true)
			stride := rune(1)
			if k.name == "neon" { // (run under qemu here)
				stride = 7
			}
			for r := rune(0x80); r < bmpLimit; r++ {
				if !utf8.ValidRune(r) || !sampled(r) || r%stride != 0 {
					continue
				}
				enc := append(utf8.AppendRune(nil, r), 0x80, 0x80)
				nib := !gnuNibbleRejects(enc)
				q := fmt.Appendf(nil, "%s%c \n%cb%c", strings.Repeat("a", int(r%67)), r, r, r)
				for _, widths := range []bool{false, true} {
					need, want, block := NeedLines|NeedWords|NeedChars, nib || class.has(r), k.block
					if widths {
						if k.widths == nil {
							continue
						}
						need, want, block = NeedAll, nib && !gnuWidthRejects(enc), k.widths
						if k.widthBMP {
							want = want || width.has(r) || zero.has(r) || extra.has(r)
						}
						if k.widthAll {
							want = widthTablesOf(d).lookup(uint32(r))&3 != 0
						}
					}
					part, m := countValid(block, q, d, need)
					if want != (m == len(q)) {
						t.Fatalf("%s %s %U (widths %v): took %d of %q", k.name, d, r, widths, m, q)
					}
					ref := scalar.Count(q[:m], d).Sum
					if !widths {
						ref.Reset, ref.Head, ref.Tail, ref.Max = false, scalar.Cols{}, part.Sum.Tail, 0
					}
					require.Equal(t, ref, part.Sum, "%s %s %U (widths %v) in %q", k.name, d, r, widths, q[:m])
				}
			}
		}
	}
}

// sampled: every code point below U+10000 and in the emoji block
// U+1F000–1FFFF, every fifth of the rest (cross-architecture runs stay
// short).
func sampled(r rune) bool { return r < 0x10000 || r>>12 == 0x1f || r%5 == 0 }

// gnuBMPHas is bmpBits.has spelled out, as the assembly reads the bits.
func gnuBMPHas(b *bmpBits, r rune) bool { return r < 0x40000 && b[r/64]&(1<<(r%64)) != 0 }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// trimOpen leaves the longest prefix that ends in no open sequence when
// there are few of them at the end, and a prefix ending in none after
// few cuts however many there are: cut one at a time, 8 MB of 0xC3 kept
// countValidAt busy for over a minute (it counts only a block or so of
// such text per call, and the cuts went back through all of it).
func TestTrimOpen(t *testing.T) {
	oneAtATime := func(q []byte) []byte {
		for k := incompleteSuffix(q); k > 0; k = incompleteSuffix(q) {
			q = q[:len(q)-k]
		}
		return q
	}
	text := []byte("héllo, wörld 漢字 😀 ")
	opens := [][]byte{{0xc3}, {0xe2, 0x82}, {0xf0, 0x9f, 0x98}, {0xf0}, {0xe2}}
	for _, open := range opens {
		for n := 0; n <= maxTrims; n++ {
			q := append(bytes.Clone(text), bytes.Repeat(open, n)...)
			got, cuts := trimOpen(q)
			require.Equal(t, oneAtATime(q), got, "% x", q)
			require.Equal(t, n, cuts, "% x", q)
		}
		for _, n := range []int{maxTrims + 1, 1000, 1 << 20} {
			q := append(bytes.Clone(text), bytes.Repeat(open, n)...)
			got, cuts := trimOpen(q)
			require.Equal(t, q[:len(got)], got)
			require.Zero(t, incompleteSuffix(got), "% x ends open", got[max(0, len(got)-8):])
			bound := (maxTrims + 1) * (bits.Len(uint(len(q))) + 1)
			require.LessOrEqual(t, cuts, bound, "%d × % x after %q", n, open, text)
		}
	}
}

// A char that the width routine's nibble tables reject, cut by the block
// the routine stops at right after its lead, was measured one column
// (every mark is at a second byte or later): one that is one column wide
// is kept, not recounted away with the whole run (measuredWidth).
func TestUTF8GNUWidthStraddleLead(t *testing.T) {
	n := 0
	for _, k := range blockRoutines() {
		if k.widths == nil {
			continue
		}
		for _, c := range []string{"क", "ก", "ა", "Ա"} { // Devanagari, Thai, Georgian, Armenian
			enc := []byte(c)
			require.True(t, gnuNibbleRejects(append(enc, 0x80)) || gnuWidthRejects(append(enc, 0x80)), "%q must be one the nibble tables reject", c)
			for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				n++
				// Its lead at lane 63; a control ('\v': hard for the
				// width routine) in the next block.
				q := fmt.Appendf(nil, "ab\n%s%s\v tail", strings.Repeat("x", 63-3), c)
				part, m := countValid(k.widths, q, d, NeedAll)
				want := 63 + len(enc)
				if k.widthAll { // which takes '\v' too
					want = len(q)
				}
				require.Equal(t, want, m, "%s %s %q", k.name, d, c)
				require.Equal(t, scalar.Count(q[:m], d).Sum, part.Sum, "%s %s %q", k.name, d, c)
			}
		}
	}
	if n == 0 {
		t.Skip("no gnu width block routine on this CPU")
	}
}

// bmpRows read by a char's bytes (as the AVX2 routine's gnucheck does:
// W from the first two, the bit from the third, for a two-byte char the
// byte after it, whatever it is) hold exactly its bmpBits bit, for every
// char of two and three bytes and each of the gnu dialects' bits.
func TestBMPRows(t *testing.T) {
	for _, tb := range []*utf8Tables{gnuTables, gnuPosixTables} {
		class, _, _ := bmpFor(tb, false)
		width, zero, extra := bmpFor(tb, true)
		rclass, _, _ := bmpRowsFor(tb, false)
		rwidth, rzero, rextra := bmpRowsFor(tb, true)
		for k, bits := range []*bmpBits{class, width, zero, extra} {
			rows := []*bmpRows{rclass, rwidth, rzero, rextra}[k]
			for r := rune(0x80); r < 0x10000; r++ {
				if !utf8.ValidRune(r) {
					continue
				}
				enc := utf8.AppendRune(nil, r)
				w := int(enc[0]&0x3f)<<6 | int(enc[1]&0x3f)
				after := []byte{enc[len(enc)-1]}
				if len(enc) == 2 {
					after = []byte{0, 'a', 0x80, 0xbf, 0xc3, 0xff}
				}
				for _, b2 := range after {
					got := rows[w]>>(b2&63)&1 != 0
					require.Equal(t, bits.has(r), got, "bits %d, %U, byte after %#x", k, r, b2)
				}
			}
		}
	}
}

// The few-chars paths' rows hold a char of two or three bytes exactly
// when its class (or width) bit is set and t's separator tables match it
// after no byte; E0's overlong second bytes hold nothing.
func TestSparseRows(t *testing.T) {
	for _, tb := range []*utf8Tables{gnuTables, gnuPosixTables} {
		for _, widths := range []bool{false, true} {
			bits, _, _ := bmpFor(tb, widths)
			rows := sparseRowsFor(tb, widths)
			for w := 0x800; w < 0x820; w++ {
				require.Zero(t, rows[w], "row %#x (E0 %#x: overlong)", w, 0x80|w&0x3f)
			}
			for r := rune(0x80); r < 0x10000; r++ {
				if !utf8.ValidRune(r) {
					continue
				}
				enc := utf8.AppendRune(nil, r)
				sep := false
				for next := range 128 {
					b2 := byte(next)
					if len(enc) == 3 {
						b2 = enc[2]
					}
					sep = sep || tb.lead[enc[0]&0x7f]&tb.n1[enc[1]&0x7f]&tb.n2[b2&0x7f] != 0
				}
				w := int(enc[0]&0x3f)<<6 | int(enc[1]&0x3f)
				got := rows[w]>>(enc[len(enc)-1]&63)&1 != 0
				require.Equal(t, bits.has(r) && !sep, got, "widths %v, %U", widths, r)
			}
		}
	}
}
