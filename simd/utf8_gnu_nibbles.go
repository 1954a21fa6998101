package simd

import "github.com/simdwc/simdwc/scalar/glibc"

// The gnu allow-list in nibble form, for block routines that have only
// 16-entry lookups (AVX2's VPSHUFB, NEON's TBL): a multi-byte char is
// rejected where one of a few rectangles, each a product of sets of high
// and low nibbles, holds its first two bytes (the prefix layer, read at
// its second byte) or its first three (the hole layer, read at its third
// byte). What the rectangles leave is a subset of gnuAllow (checked for
// every code point by TestUTF8GNUNibbleAllow), so every char the routine
// accepts is printable in glibc; a few rare chars that gnuAllow admits
// are rejected here too (the rectangles over-approximate), which only
// sends their block to utf8WordsGo.

// nibbleSet is the set of bytes whose high nibble is in hi and low nibble
// in lo.
type nibbleSet struct{ hi, lo []byte }

// ns parses a nibbleSet from two lists of hex digits, with ranges:
// ns("D", "4-7C-F") is D4–D7 and DC–DF.
func ns(hi, lo string) nibbleSet {
	parse := func(s string) []byte {
		val := func(c byte) byte {
			if c >= 'A' {
				return c - 'A' + 10
			}
			return c - '0'
		}
		var out []byte
		for i := 0; i < len(s); i++ {
			lo, hi := val(s[i]), val(s[i])
			if i+2 < len(s) && s[i+1] == '-' {
				hi = val(s[i+2])
				i += 2
			}
			for n := lo; n <= hi; n++ {
				out = append(out, n)
			}
		}
		return out
	}
	return nibbleSet{parse(hi), parse(lo)}
}

// anyCont is every continuation byte.
var anyCont = ns("89AB", "0-F")

// gnuNibbleRect rejects the chars whose lead, second and (hole layer)
// third bytes are in the three sets.
type gnuNibbleRect struct{ lead, n1, n2 nibbleSet }

// gnuPrefixRects: pairs of lead and second byte outside gnuAllow, in two
// sets of eight (one bit each).
var gnuPrefixRects = [2][8]gnuNibbleRect{{
	{lead: ns("C", "2"), n1: ns("89", "0-F")},   // U+0080–009F
	{lead: ns("D", "4-7C-F"), n1: anyCont},      // U+0500–05FF 0700–07FF
	{lead: ns("E", "01E"), n1: anyCont},         // U+0800–1FFF E000–EFFF
	{lead: ns("F", "1-F"), n1: anyCont},         // U+40000 up
	{lead: ns("C", "DE"), n1: ns("8", "0-3BD")}, // U+0380–0383 038B 038D (and 0340–0343 034B 034D)
	{lead: ns("C", "D"), n1: ns("B", "89")},     // U+0378 0379
	{lead: ns("C", "E"), n1: ns("A", "2")},      // U+03A2
	{lead: ns("E", "2"), n1: ns("8", "136")},    // U+20C0–20FF 2180–21BF (and 2040–207F)
}, {
	{lead: ns("E", "2"), n1: ns("9", "0-3C-F")}, // U+2400–24FF 2700–27FF
	{lead: ns("E", "2"), n1: ns("AB", "0-F")},   // U+2800–2FFF
	{lead: ns("E", "3"), n1: ns("8", "4-F")},    // U+3100–33FF
	{lead: ns("E", "AF"), n1: ns("89A", "0-F")}, // U+A000–ABFF F000–FBFF
	{lead: ns("E", "F"), n1: ns("B", "0-BEF")},  // U+FC00–FEFF FF80–FFFF
	{lead: ns("E", "D"), n1: ns("9", "EF")},     // U+D780–D7FF
	{lead: ns("F", "0"), n1: ns("8AB", "0-F")},  // U+20000–3FFFF
	{lead: ns("F", "0"), n1: ns("9", "0-E")},    // U+10000–1EFFF
}}

// gnuHoleRects: first three bytes outside gnuAllow among the pairs the
// prefix layer passes.
var gnuHoleRects = [8]gnuNibbleRect{
	{lead: ns("E", "2"), n1: ns("8", "0"), n2: ns("A", "89")},     // U+2028 2029
	{lead: ns("E", "2"), n1: ns("8", "2"), n2: ns("89", "D-F")},   // U+208F 209D–209F (and 208D 208E)
	{lead: ns("E", "3F"), n1: ns("8B", "1CD"), n2: ns("8", "0")},  // U+3040 FF00 FF40 (and 3300 3340 3F00 3F40)
	{lead: ns("E", "3"), n1: ns("8", "2"), n2: ns("9", "78")},     // U+3097 3098
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("8", "0-B")},    // U+1F000–1F2FF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("9", "A-F")},    // U+1F680–1F7FF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("A", "0-38-F")}, // U+1F800–1F8FF 1FA00–1FBFF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("B", "0-F")},    // U+1FC00–1FFFF
}

// gnuWidthRects and gnuWidthHoles: among the chars gnuNibbles accept,
// those whose wcwidth is neither 1 nor the 2 that gnuWideRects say
// (combining marks, zero-width chars, symbols wide here and there), in
// the same two layers; gnuWideRects: the rest of the three-byte chars
// that are two columns wide (CJK, kana, Hangul, fullwidth forms), by
// their first two bytes. The four-byte chars gnuNibbles accept are all
// emoji, F0 9F xx yy, one or two columns wide (gnuEmojiWide). With them
// the block routine measures gnu line widths (one column per char, one
// more per wide char); charsGo counts what they reject.
var (
	gnuWidthRects = [1][8]gnuNibbleRect{{
		{lead: ns("C", "C"), n1: anyCont},          // U+0300–033F
		{lead: ns("C", "D"), n1: ns("89A", "0-F")}, // U+0340–036F
		{lead: ns("D", "2"), n1: ns("8", "3-9")},   // U+0483–0489
		{lead: ns("D", "8-B"), n1: anyCont},        // Arabic U+0600–06FF (its marks)
		{lead: ns("E", "2"), n1: ns("8", "C-F")},   // U+231A 231B 2329 232A 23E9… (and the rest of U+2300–23FF)
		{lead: ns("E", "2"), n1: ns("9", "0-B")},   // U+25FD 25FE 2614… (and the rest of U+2400–26FF)
	}}
	gnuWidthHoles = [8]gnuNibbleRect{
		{lead: ns("E", "2"), n1: ns("8", "0"), n2: ns("8", "B-F")}, // U+200B–200F
		{lead: ns("E", "2"), n1: ns("8", "0"), n2: ns("A", "A-E")}, // U+202A–202E
		{lead: ns("E", "3"), n1: ns("8", "0"), n2: ns("A", "A-D")}, // U+302A–302D (width 0)
		{lead: ns("E", "3"), n1: ns("8", "0"), n2: ns("B", "F")},   // U+303F (width 1)
		{lead: ns("E", "3"), n1: ns("8", "2"), n2: ns("9", "9A")},  // U+3099 309A (width 0)
		{lead: ns("E", "F"), n1: ns("B", "D"), n2: ns("A", "1-F")}, // U+FF61–FF6F (width 1)
		{lead: ns("E", "F"), n1: ns("B", "D"), n2: ns("B", "0-F")}, // U+FF70–FF7F (width 1)
	}
	gnuWideRects = [8]gnuNibbleRect{
		{lead: ns("E", "3-9A-D"), n1: anyCont},  // U+3000–DFFF: CJK, kana, Hangul
		{lead: ns("E", "F"), n1: ns("B", "CD")}, // U+FF00–FF7F: fullwidth forms
	}
)

// gnuBoundRects: by their first two bytes, a superset of the chars glibc
// makes two columns wide (every other char is at most one), for the
// AVX2 routine's bounds (BOUND_WIDE): one column per char, one more in
// these, is never less than glibc's width and is it for the common
// scripts (TestGNUBoundNibbles).
var gnuBoundRects = [8]gnuNibbleRect{
	{lead: ns("E", "1"), n1: ns("8", "4-5")},    // U+1100–117F (Hangul jamo)
	{lead: ns("E", "2"), n1: ns("89AB", "C-F")}, // U+2300–23FF 2700–27FF 2B00–2BFF 2F00–2FFF
	{lead: ns("E", "2"), n1: ns("9", "7-B")},    // U+25C0–26FF
	{lead: ns("E", "2"), n1: ns("B", "A-B")},    // U+2E80–2EFF
	{lead: ns("E", "3-9A-D"), n1: anyCont},      // U+3000–DFFF: CJK, kana, Hangul, Yi
	{lead: ns("E", "F"), n1: ns("A", "4-B")},    // U+F900–FAFF
	{lead: ns("E", "F"), n1: ns("B", "89C-F")},  // U+FE00–FE7F FF00–FFFF
	{lead: ns("F", "0"), n1: anyCont},           // U+10000–3FFFF: emoji, CJK
}

// gnuBoundNibbles are gnuBoundRects as one prefix set (hi(b-1) lo(b-1)
// hi(b) lo(b), at a char's second byte b).
var gnuBoundNibbles [4][16]byte

// gnuBoundWide: gnuBoundNibbles hold char b (its bound is two columns).
func gnuBoundWide(b []byte) bool { return nibbleHit(gnuBoundNibbles[:], b[0], b[1]) }

// gnuNibbles and gnuWidthNibbles are the rectangles as VPSHUFB tables,
// each indexed by one nibble of one byte b-k before the byte b the lookup
// is made at; a char is rejected where the lookups of one set share a bit:
//
//	prefix sets (four tables each), at its second byte b: hi(b-1) lo(b-1)
//	hi(b) lo(b)
//	the hole set (six tables), at its third byte b: hi(b-1) lo(b-1)
//	hi(b) lo(b) hi(b-2) lo(b-2) (the AVX2 routine makes it at the
//	second byte b instead, on b, b+1 and b-1, so that both layers mark
//	a char at the same lane)
//
// gnuNibbles: the gnu allow-list, two prefix sets then the holes;
// gnuWidthNibbles: widths, the rejecting prefix set, the wide set, the
// holes (all rejecting). The assembly reads them by symbol.
var (
	gnuNibbles      [14][16]byte
	gnuWidthNibbles [14][16]byte
)

func init() {
	copy(gnuNibbles[:], makeNibbles(gnuPrefixRects[:], gnuHoleRects))
	copy(gnuWidthNibbles[:], makeNibbles([][8]gnuNibbleRect{gnuWidthRects[0], gnuWideRects}, gnuWidthHoles))
	copy(gnuBoundNibbles[:], makeNibbles([][8]gnuNibbleRect{gnuBoundRects}, [8]gnuNibbleRect{}))
}

func makeNibbles(prefix [][8]gnuNibbleRect, holes [8]gnuNibbleRect) [][16]byte {
	t := make([][16]byte, 4*len(prefix)+6)
	set := func(tabs [][16]byte, k int, s nibbleSet) {
		for _, h := range s.hi {
			tabs[0][h] |= 1 << k
		}
		for _, l := range s.lo {
			tabs[1][l] |= 1 << k
		}
	}
	for i, rects := range prefix {
		for k, r := range rects {
			if r.lead.hi != nil {
				set(t[4*i:4*i+2], k, r.lead)
				set(t[4*i+2:4*i+4], k, r.n1)
			}
		}
	}
	h := t[4*len(prefix):]
	for k, r := range holes {
		if r.lead.hi != nil {
			set(h[0:2], k, r.n1)
			set(h[2:4], k, r.n2)
			set(h[4:6], k, r.lead)
		}
	}
	return t
}

// nibbleHit is what the assembly computes with the tables t (a high and a
// low nibble table per byte) on the bytes xs: whether the lookups share a
// bit. A prefix set reads a char's first two bytes (at the second), the
// hole set its second, third and first (at the third); b[0] is a lead,
// followed by at least two more bytes.
func nibbleHit(t [][16]byte, xs ...byte) bool {
	acc := byte(0xff)
	for i, x := range xs {
		acc &= t[2*i][x>>4] & t[2*i+1][x&15]
	}
	return acc != 0
}

// gnuNibbleRejects: gnuNibbles reject char b (outside the allow-list).
func gnuNibbleRejects(b []byte) bool {
	t := gnuNibbles[:]
	return nibbleHit(t[0:4], b[0], b[1]) || nibbleHit(t[4:8], b[0], b[1]) || nibbleHit(t[8:14], b[1], b[2], b[0])
}

// gnuWidthRejects: gnuWidthNibbles reject char b (its width is not what
// gnuWide says).
func gnuWidthRejects(b []byte) bool {
	t := gnuWidthNibbles[:]
	return nibbleHit(t[0:4], b[0], b[1]) || nibbleHit(t[8:14], b[1], b[2], b[0])
}

// gnuWide: gnuWidthNibbles' wide set holds char b (two columns).
func gnuWide(b []byte) bool { return nibbleHit(gnuWidthNibbles[4:8], b[0], b[1]) }

// gnuEmojiWide holds the widths of U+1F000–1FFFF (F0 9F xx yy): bit yy&63
// of word xx&63 is set where glibc says two columns. The block routine
// reads it for every four-byte char the allow-list passed (all F0 9F: it
// reads only xx and yy), at the char's last byte.
var gnuEmojiWide = func() (t [64]uint64) {
	for cp := uint32(0x1f000); cp <= 0x1ffff; cp++ {
		if p := glibc.Lookup(cp); p.Print() && p.Width() == 2 {
			t[cp>>6&63] |= 1 << (cp & 63)
		}
	}
	return t
}()

// gnuEmojiWideAt: gnuEmojiWide holds four-byte char b (as the block
// routine reads it: its third and fourth bytes).
func gnuEmojiWideAt(b []byte) bool { return gnuEmojiWide[b[2]&63]>>(b[3]&63)&1 != 0 }
