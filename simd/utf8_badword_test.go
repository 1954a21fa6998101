package simd

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

// badWordPieces are what the invalid texts below are made of: every kind
// of invalid byte Go's decoder rejects (lone continuations, leads cut
// short, overlong, surrogate and too-large forms, bytes no lead can be),
// the open prefixes of valid sequences, valid chars of every length,
// multi-byte separators, and ASCII words, spaces, tabs and line ends.
var badWordPieces = []string{
	"\x80", "\x85", "\x9f", "\xa0", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xe2", "\xed", "\xef",
	"\xf0", "\xf4", "\xf5", "\xf8", "\xfe", "\xff", "\xe0\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf",
	"\xf4\x90\x80\x80", "\xe2\x82", "\xf0\x9f\x98", "\xf0\x9f", "\xc3\xa9\xa9",
	"é", "ж", "中", "€", "😀", "\u0085", "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u205f", "\u3000",
	"a", "wc", "x ", " ", "\t", "\n", "\n\n", "\r",
}

// badWordRoutines are the block routines that count invalid UTF-8 in the
// utf8 dialect (gnu: in the gnu dialects).
func badWordRoutines(t *testing.T, gnu bool) []blockRoutine {
	var rs []blockRoutine
	for _, k := range blockRoutines() {
		if gnu && k.badSkip || !gnu && k.badWord {
			rs = append(rs, k)
		}
	}
	if len(rs) == 0 {
		t.Skip("no block routine on this CPU counts invalid UTF-8")
	}
	return rs
}

// checkBadWord checks that block counts all of q in the utf8 dialect
// exactly as the reference, with and without line lengths: called alone
// (an open sequence at the end is cut short by it) and through countAny
// (which leaves that sequence to what follows).
func checkBadWord(t *testing.T, k blockRoutine, q []byte) {
	t.Helper()
	want := scalar.CountAll(q, scalar.UTF8)
	for _, lineMask := range []uint64{0, ^uint64(0)} {
		r := k.block(q, goTables, lineMask)
		require.Equal(t, len(q), int(r.n), "%s: it must count invalid text whole: %x", k.name, q)
		got := [3]uint64{r.lines, r.words, r.chars}
		require.Equal(t, [3]uint64{want.Lines, want.Words, want.Chars}, got, "%s lineMask %x: %x", k.name, lineMask, q)
	}
	for _, need := range []Need{NeedAll, NeedLines | NeedWords | NeedChars} {
		part, m := countAny(k.block, q, need)
		open := incompleteSuffix(q)
		require.Equal(t, len(q)-open, m, "%s: %x", k.name, q)
		if m == 0 {
			continue
		}
		// Merged with the rest, the reference's count of all of q (the
		// reference keeps continuation bytes at the start apart, as what
		// may finish a char begun before: then only the counts).
		w := scalar.Count(q, scalar.UTF8)
		all := part.Merge(scalar.Count(q[m:], scalar.UTF8))
		if need&NeedMaxLineLength != 0 && q[0]&0xc0 != 0x80 {
			require.Equal(t, w.Sum, all.Sum, "%s: %x", k.name, q)
		}
		require.Equal(t, masked(w.Counts(), need), masked(all.Counts(), need), "%s need %04b: %x", k.name, need, q)
	}
}

// randomPieces returns n bytes of random pieces (the last one cut).
func randomPieces(rng *rand.Rand, pieces []string, n int) []byte {
	var q []byte
	for len(q) < n {
		q = append(q, pieces[rng.IntN(len(pieces))]...)
	}
	return q[:n]
}

// eachRandomText calls check on reps random texts of pieces (randomPieces)
// of every length 0..300.
func eachRandomText(rng *rand.Rand, pieces []string, reps int, check func(q []byte)) {
	for n := 0; n <= 300; n++ {
		for range reps {
			check(randomPieces(rng, pieces, n))
		}
	}
}

// The block routines that count invalid UTF-8 (utf8 dialect) take random
// invalid text of every length 0..300 whole and count it exactly.
func TestUTF8BadWordRandom(t *testing.T) {
	for _, k := range badWordRoutines(t, false) {
		eachRandomText(rand.New(rand.NewPCG(41, 42)), badWordPieces, 40, func(q []byte) { checkBadWord(t, k, q) })
	}
}

// Each invalid piece at every offset 0..130 of valid multilingual text,
// so that it and the sequences around it cross every lane of the first
// two blocks, and the block after an invalid one starts at every lane of
// it; with a line end before it and after, and an ASCII run or more
// multi-byte text after.
func TestUTF8BadWordEveryOffset(t *testing.T) {
	for _, k := range badWordRoutines(t, false) {
		for _, bad := range badWordPieces[:28] {
			for off := 0; off <= 130; off++ {
				for _, ctx := range []string{"é a€ ", "中\n😀 ", "ab ", "\u00a0ж"} {
					var q []byte
					for len(q) < off {
						q = append(q, ctx...)
					}
					q = append(q[:off:off], bad...)
					checkBadWord(t, k, q)
					for _, after := range []string{"ж ok 😀 ", "xy z\n", "\xbf\xbf", "中"} {
						p := bytes.Clone(q)
						for len(p) < 200 {
							p = append(p, after...)
						}
						checkBadWord(t, k, p)
					}
				}
			}
		}
	}
}

// Every two invalid pieces in a row, around the end of the first block:
// what the block after an invalid one reads of it (F0 C3 | 80 80: F0
// flagged in the first block, the second 80 taken for F0's by the
// validation of the next).
func TestUTF8BadWordPairsAtBlockEnd(t *testing.T) {
	for _, k := range badWordRoutines(t, false) {
		for _, a := range badWordPieces[:28] {
			for _, b := range badWordPieces {
				for off := 58; off <= 64; off++ {
					q := bytes.Repeat([]byte("a"), off)
					q = append(append(append(q, a...), b...), "\x80\x80 ok"...)
					checkBadWord(t, k, q)
				}
			}
		}
	}
}

// A kernel whose block routine stops at invalid UTF-8 (the AVX-512 VBMI
// one) hands the utf8 dialect's invalid stretches to its badFallback, in
// spans, and the counts stay exact; the block routine still counts the
// valid text between them.
func TestUTF8BadFallback(t *testing.T) {
	bad := badWordRoutines(t, false)[0]
	blockBytes, badBytes := 0, 0
	stops := func(p []byte, tab *utf8Tables, lineMask uint64) utf8Result {
		// utf8WordsGo up to the block that holds the first invalid byte
		// (and back to the start of the char that crosses into it).
		n := len(p)
		for i := 0; i < len(p); {
			c, size := utf8.DecodeRune(p[i:])
			if c == utf8.RuneError && size == 1 {
				n = i &^ 63
				break
			}
			i += size
		}
		for n > 0 && n < len(p) && !utf8.RuneStart(p[n]) {
			n--
		}
		r := utf8WordsGo(p[:n], tab, lineMask)
		blockBytes += int(r.n)
		return r
	}
	counted := func(p []byte, tab *utf8Tables, lineMask uint64) utf8Result {
		r := bad.block(p, tab, lineMask)
		badBytes += int(r.n)
		return r
	}
	k := Kernel{Name: "stops", count: countSWAR, utf8: utf8Funcs{block: stops, badFallback: counted}}
	rng := rand.New(rand.NewPCG(43, 44))
	for i := range 40 {
		var text []byte
		for len(text) < 20000 {
			if rng.IntN(2000) == 0 {
				for range 1 + rng.IntN(50) {
					text = append(text, badWordPieces[rng.IntN(28)]...)
				}
			}
			text = append(text, badWordPieces[28+rng.IntN(len(badWordPieces)-28)]...)
		}
		for _, need := range []Need{NeedLines | NeedWords | NeedChars, NeedAll} {
			want := scalar.CountAll(text, scalar.UTF8)
			require.Equal(t, masked(want, need), masked(k.Count(text, scalar.UTF8, need).Counts(), need), "text %d", i)
			acc := scalar.Partial{}
			for pos := 0; pos < len(text); {
				n := min(rng.IntN(3000), len(text)-pos)
				acc = acc.Merge(k.Count(text[pos:pos+n], scalar.UTF8, need))
				pos += n
			}
			require.Equal(t, masked(want, need), masked(acc.Counts(), need), "text %d in pieces", i)
		}
	}
	t.Logf("block routine %d bytes, badFallback %d", blockBytes, badBytes)
	require.Greater(t, badBytes, 50000, "the badFallback must take the invalid stretches")
	require.Greater(t, blockBytes, 2*badBytes, "the block routine must take the valid text")
}

// gnuBadPieces: what glibc takes above U+10FFFF (a char: the block is
// hard), what it skips (one byte at a time), and the chars of the
// allow-list, for the gnu dialects' invalid blocks.
var gnuBadPieces = []string{
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80", "\x80", "\x85", "\x9f", "\xa0", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xe2", "\xed", "\xef",
	"\xf0", "\xfe", "\xff", "\xe0\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf0\x8e\x80\x80", "\xe2\x82",
	"\xf0\x9f\x98", "\xf0\x9f", "\xc3\xa9\xa9", "\xe4\xb8", "\xef\xbd", "\xf0\x9f\x91", // (the last three: wide chars cut short)
	"é", "ж", "中", "€", "😀", "\u00a0", "\u2003", "\u202f", "\u205f", "\u3000", "\u2060",
	"a", "wc", "x ", " ", "\t", "\n", "\n\n", "\r", "\x01", "\x7f",
	// (widths: wide, zero-width, one column, the other line ends, a
	// control of width 0)
	"ａ", "👍🏽", "\u1100", "\u0301", "\u200b", "\u00ad", "\f", "\v",
	// (chars the nibble tables reject: gnuBMP admits the first two, one
	// of them zero-width, and not the unassigned U+0E00)
	"ह", "\u094d", "\u0e00",
}

// gnuBadInvalid: the pieces of gnuBadPieces that are invalid.
const gnuBadInvalid = 32

// gnuWidthBefore are texts whose last line's column is known, which the
// widths checks put before q (the routine then follows tab stops from
// its first byte on).
var gnuWidthBefore = []string{"ab\n", "\n中\t"}

// checkGNUBad checks the block routine on q in the gnu dialects: exact
// where it stops or not (the reference counts the rest), and it returns
// how much it took; measuring widths too, with the kernel's width routine
// (at an unknown column, and after each of gnuWidthBefore), and how much
// that took after them.
func checkGNUBad(t *testing.T, k blockRoutine, q []byte) (took, tookWidths int) {
	t.Helper()
	for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
		for _, need := range []Need{NeedLines | NeedWords | NeedChars, NeedWords} {
			part, m := countValid(k.block, q, d, need)
			all := part.Merge(scalar.Count(q[m:], d))
			require.Equal(t, masked(scalar.CountAll(q, d), need), masked(all.Counts(), need), "%s %s need %04b, took %d: %x", k.name, d, need, m, q)
			took += m
		}
		if k.widths == nil {
			continue
		}
		part, m := countValid(k.widths, q, d, NeedAll)
		all := part.Merge(scalar.Count(q[m:], d))
		want := scalar.Count(q, d)
		require.Equal(t, want.Counts(), all.Counts(), "%s %s widths, took %d: %x", k.name, d, m, q)
		if len(q) > 0 && q[0]&0xc0 != 0x80 {
			require.Equal(t, canonTail(want.Sum), canonTail(all.Sum), "%s %s widths, took %d: %x", k.name, d, m, q)
		}
		for _, before := range gnuWidthBefore {
			line := scalar.Count([]byte(before), d)
			part, m := countValidAt(k.widths, q, d, NeedAll, int64(line.Sum.Tail.Apply(0)), false)
			tookWidths += m
			all := line.Merge(part).Merge(scalar.Count(q[m:], d))
			require.Equal(t, scalar.CountAll(append([]byte(before), q...), d), all.Counts(), "%s %s widths after %q, took %d: %x", k.name, d, before, m, q)
		}
	}
	return took / 4, tookWidths / (2 * len(gnuWidthBefore))
}

// The AVX2 routine counts the gnu dialects' invalid blocks too (bytes
// glibc skips: no char, transparent, no column), exactly, with and
// without widths, at every length 0..300 of random such text (where
// pieces next to each other also make chars it must leave to the
// reference); and takes text with an invalid byte every ~100 bytes whole
// (measuring widths, all but the few blocks it cannot measure).
func TestUTF8GNUBadRandom(t *testing.T) {
	for _, k := range badWordRoutines(t, true) {
		rng := rand.New(rand.NewPCG(45, 46))
		eachRandomText(rng, gnuBadPieces, 10, func(q []byte) { checkGNUBad(t, k, q) })
		words := []string{"the", "data", "café", "über", "привет", "λόγος", "中文字", "日本語の", "한국어", "😀", "—", "“quoted”"}
		seps := []string{" ", " ", "\u00a0", "\u3000", "\n", "\t"}
		took, tookWidths, total := checkGNUBadTexts(t, k, rng, words, seps, "\xff\x80\xc0\xed")
		require.Greater(t, took, total*9/10, "%s must take text with an invalid byte every ~100 bytes", k.name)
		if k.badWidths {
			require.Greater(t, tookWidths, total*9/10, "%s must measure text with an invalid byte every ~100 bytes", k.name)
		}
	}
}

// checkGNUBadTexts checks k (checkGNUBad) on 20 texts of about 5000 bytes
// of the words, each followed by one of the separators and, about one in
// twelve, before that one of the bytes of bad; it returns what k took of
// them (measuring widths too) and their size.
func checkGNUBadTexts(t *testing.T, k blockRoutine, rng *rand.Rand, words, seps []string, bad string) (took, tookWidths, total int) {
	t.Helper()
	for range 20 {
		var q []byte
		for len(q) < 5000 {
			q = append(q, words[rng.IntN(len(words))]...)
			if rng.IntN(12) == 0 {
				q = append(q, bad[rng.IntN(len(bad))])
			}
			q = append(q, seps[rng.IntN(len(seps))]...)
		}
		m, mw := checkGNUBad(t, k, q)
		took += m
		tookWidths += mw
		total += len(q)
	}
	t.Logf("%s took %d of %d bytes, measuring widths %d", k.name, took, total, tookWidths)
	return took, tookWidths, total
}

// The AVX2 and NEON routines also take invalid blocks holding chars the
// nibble tables reject but gnuBMP admits (scripts with a few unassigned
// code points: Devanagari, Thai, Hebrew…; measuring widths, their
// zero-width marks too): text of them with an invalid byte every ~100
// bytes, whole.
func TestUTF8GNUBadWorld(t *testing.T) {
	words := []string{"हिन्दी", "भाषा", "বাংলা", "தமிழ்", "ภาษาไทย", "العربية", "עברית", "שָׁלוֹם", "Հայերեն", "ქართული", "data"}
	seps := []string{" ", " ", "\u00a0", "\n", "، ", "।"}
	for _, k := range badWordRoutines(t, true) {
		took, tookWidths, total := checkGNUBadTexts(t, k, rand.New(rand.NewPCG(47, 48)), words, seps, "\xff\x80\xc0\xed\xe0")
		if k.badBMP {
			require.Greater(t, took, total*9/10, "%s must take world text with an invalid byte every ~100 bytes", k.name)
			require.Greater(t, tookWidths, total*99/100, "%s must measure world text with an invalid byte every ~100 bytes", k.name)
		}
	}
}

// Each piece glibc skips at every offset 0..130 of valid gnu text, then
// more text, and every two of them in a row around the end of the first
// block.
func TestUTF8GNUBadEveryOffset(t *testing.T) {
	for _, k := range badWordRoutines(t, true) {
		for _, bad := range gnuBadPieces[:gnuBadInvalid] {
			for off := 0; off <= 130; off++ {
				for _, ctx := range []string{"é a€ ", "中\n😀 ", "ab ", "\u00a0ж", "x\x01", "中\t😀\n"} {
					var q []byte
					for len(q) < off {
						q = append(q, ctx...)
					}
					q = append(q[:off:off], bad...)
					checkGNUBad(t, k, q)
					for _, after := range []string{"ж ok 😀 ", "xy z\n", "\xbf\xbf", "中", " "} {
						p := bytes.Clone(q)
						for len(p) < 200 {
							p = append(p, after...)
						}
						checkGNUBad(t, k, p)
					}
				}
			}
		}
		for _, a := range gnuBadPieces {
			for _, b := range gnuBadPieces {
				for off := 58; off <= 64; off++ {
					for _, pre := range []string{"a", " ", "é"} {
						q := bytes.Repeat([]byte(pre), off/len(pre))
						q = append(append(append(q, a...), b...), "\x80\x80 ok"...)
						checkGNUBad(t, k, q)
					}
				}
			}
		}
	}
}

// A block the widths checks stop the routine at ('\v', or a tab before
// the first line end, or a char whose width they do not measure in an
// invalid block) after its edges were counted: a char complete at lane -1
// whose next byte is a continuation glibc skips (a word the block before
// missed), or a lead at lane -1 that byte cuts short. The routine must
// undo them: the counts stay exact.
func TestUTF8GNUBadStopAfterEdge(t *testing.T) {
	for _, k := range badWordRoutines(t, true) {
		for _, pre := range []string{" ", "a", "x "} {
			for _, last := range []string{"a", "é", "中", "😀", "\xc3", "\xe4\xb8"} {
				for _, stop := range []string{"\v", "\t", "\u0301"} {
					for _, edge := range []int{64, 128} {
						q := []byte(strings.Repeat(pre, edge)[:edge-len(last)] + last + "\x80" + stop + " ok\nmore text \x80 here")
						checkGNUBad(t, k, q)
					}
				}
			}
		}
	}
}
