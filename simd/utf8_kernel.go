package simd

import (
	"unicode"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
)

// utf8Result is what the UTF-8 block routines hand back (their assembly
// addresses the fields through go_asm.h).
type utf8Result struct {
	lines, words, chars uint64
	// inWord is 1 when the last non-transparent char counted is a word char.
	inWord uint64
	// n is how many bytes were counted: len(p), or the index of the first
	// 64-byte block that is not valid UTF-8 (or needs the reference).
	n uint64
	// With lineMask ^0 (see utf8Block), head is the width in chars of the
	// first line (^0 when no '\n' was counted), max that of the widest
	// line after it that ends in p, lineStart the chars before the last
	// line.
	head, max, lineStart uint64
	// extra: the columns beyond one per char (the gnu widths of the AVX2
	// routine: one per wide char); head, max and lineStart count them.
	extra uint64
}

// summary returns the Summary of the r.n bytes counted (First and Last
// unset), with one column per char; lineMask as given to the routine.
func (r *utf8Result) summary(lineMask uint64) scalar.Summary {
	cols := r.chars + r.extra
	s := scalar.Summary{Lines: r.lines, Words: r.words, Chars: r.chars, Tail: scalar.AddN(cols)}
	if lineMask != 0 && r.head != ^uint64(0) {
		s.Reset, s.Head, s.Max, s.Tail = true, scalar.AddN(r.head), r.max, scalar.AddN(cols-r.lineStart)
	}
	return s
}

// utf8Tables are the constants of the UTF-8 block routines for one dialect.
type utf8Tables struct {
	// valid: Keiser & Lemire's nibble tables: high nibble of the byte
	// before, its low nibble, high nibble of the byte.
	valid [3][16]byte
	// lead, n1, n2 find separators of two and three bytes at their first
	// byte b: indexed by the low seven bits of b, b+1, b+2; a separator
	// is where one bit is set in all three.
	lead, n1, n2 [128]byte
	// allow: two sets of lead, n1, n2 tables (indexed by the low six bits
	// of b, b+1, b+2) of up to 8 patterns each; a multi-byte char whose
	// first byte matches no pattern makes its block hard. All ones in the
	// utf8 dialect (every valid char is known).
	allow [2][3][64]byte
	// ctrlBelow, ctrlEq: an ASCII char start below ctrlBelow or equal to
	// ctrlEq that is not a separator is transparent (gnu: 0x20, 0x7f;
	// utf8: 0, 0x80, i.e. none).
	ctrlBelow, ctrlEq [64]byte
	// slowOnly is ^0 when every block must take the classifying path (the
	// pure-ASCII shortcut knows no transparent bytes).
	slowOnly uint64
	// sepEnd are the separator patterns for 16-entry lookups (VPSHUFB
	// without VBMI), read at a char's last byte b: tables for b-2, b-1
	// and b, each indexed by the low and by the high nibble
	// (sepEnd[2k] low, sepEnd[2k+1] high); a separator ends where one bit
	// is set in all six. A three-byte pattern is lead, n1, n2; a two-byte
	// one is any, lead, n1. Each bit is one product of nibble sets (see
	// nibblePatterns).
	sepEnd [6][16]byte
	// badWord: an invalid byte is a word char of one column (the utf8
	// dialect, Go's decoder); badSkip: an invalid byte is skipped, no
	// char and transparent (the gnu dialects, glibc's decoder, where it
	// also rejects the byte: not before a lead F4–FD, which glibc takes
	// above U+10FFFF). utf8WordsGo counts such bytes; the assembly
	// routines stop at them.
	badWord, badSkip bool
}

// Keiser & Lemire's error classes.
const (
	tooShort  = 1 << 0 // lead or ASCII followed by a lead or ASCII, after a lead
	tooLong   = 1 << 1 // ASCII followed by a continuation
	overlong3 = 1 << 2
	tooLarge  = 1 << 3
	surrogate = 1 << 4
	overlong2 = 1 << 5
	tooLarge1 = 1 << 6 // also overlong4
	twoConts  = 1 << 7
	carry     = tooShort | tooLong | twoConts
)

var validTables = [3][16]byte{
	{ // high nibble of the byte before
		tooLong, tooLong, tooLong, tooLong, tooLong, tooLong, tooLong, tooLong,
		twoConts, twoConts, twoConts, twoConts,
		tooShort | overlong2, tooShort, tooShort | overlong3 | surrogate,
		tooShort | tooLarge | tooLarge1,
	},
	{ // low nibble of the byte before
		carry | overlong3 | overlong2 | tooLarge1, carry | overlong2, carry, carry,
		carry | tooLarge, carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1,
		carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1,
		carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1 | surrogate, carry | tooLarge | tooLarge1, carry | tooLarge | tooLarge1,
	},
	{ // high nibble of the byte
		tooShort, tooShort, tooShort, tooShort, tooShort, tooShort, tooShort, tooShort,
		tooLong | overlong2 | twoConts | overlong3 | tooLarge1,
		tooLong | overlong2 | twoConts | overlong3 | tooLarge,
		tooLong | overlong2 | twoConts | surrogate | tooLarge,
		tooLong | overlong2 | twoConts | surrogate | tooLarge,
		tooShort, tooShort, tooShort, tooShort,
	},
}

// seqPattern is a set of UTF-8 sequences: a lead byte, a set of second
// bytes and a set of third bytes (nil: any).
type seqPattern struct {
	lead   byte
	n1, n2 []byte
}

func byteRange(lo, hi byte) []byte {
	var r []byte
	for b := int(lo); b <= int(hi); b++ {
		r = append(r, byte(b))
	}
	return r
}

// goSpaces are the multi-byte chars unicode.IsSpace accepts (checked by
// TestUTF8SpacePatterns against every code point).
var goSpaces = []seqPattern{
	{0xc2, []byte{0x85, 0xa0}, nil},                                       // U+0085 U+00A0
	{0xe1, []byte{0x9a}, []byte{0x80}},                                    // U+1680
	{0xe2, []byte{0x80}, append(byteRange(0x80, 0x8a), 0xa8, 0xa9, 0xaf)}, // U+2000–200A 2028 2029 202F
	{0xe2, []byte{0x81}, []byte{0x9f}},                                    // U+205F
	{0xe3, []byte{0x80}, []byte{0x80}},                                    // U+3000
}

// allowPattern is a set of chars by their first three bytes (nil: any).
type allowPattern struct{ leads, n1, n2 []byte }

func makeUTF8Tables(spaces []seqPattern, allow []allowPattern) *utf8Tables {
	t := &utf8Tables{valid: validTables, badWord: allow == nil, badSkip: allow != nil}
	if allow == nil {
		for i := range t.allow[0] {
			for j := range t.allow[0][i] {
				t.allow[0][i][j] = 0xff
			}
		}
		for i := range t.ctrlEq {
			t.ctrlEq[i] = 0x80
		}
	} else {
		for i := range t.ctrlEq {
			t.ctrlBelow[i], t.ctrlEq[i] = 0x20, 0x7f
		}
		t.slowOnly = ^uint64(0)
	}
	for i, a := range allow {
		set, bit := &t.allow[i/8], byte(1)<<(i%8)
		for k, bs := range [][]byte{a.leads, a.n1, a.n2} {
			if bs == nil {
				bs = byteRange(0, 63)
			}
			for _, b := range bs {
				set[k][b&0x3f] |= bit
			}
		}
	}
	for i, np := range nibblePatterns(spaces) {
		bit := byte(1) << i
		for k, set := range np {
			for _, nib := range set[0] {
				t.sepEnd[2*k][nib] |= bit
			}
			for _, nib := range set[1] {
				t.sepEnd[2*k+1][nib] |= bit
			}
		}
	}
	for i, sp := range spaces {
		bit := byte(1) << i
		t.lead[sp.lead&0x7f] |= bit
		for _, b := range sp.n1 {
			t.n1[b&0x7f] |= bit
		}
		if sp.n2 == nil {
			for j := range t.n2 {
				t.n2[j] |= bit
			}
		}
		for _, b := range sp.n2 {
			t.n2[b&0x7f] |= bit
		}
	}
	return t
}

// nibblePatterns splits separator patterns into products of nibble sets,
// aligned on the char's last byte: for each of b-2, b-1, b a set of low
// nibbles and one of high nibbles, such that the byte sets are exactly
// the products. A byte set is split by high nibble; patterns beyond eight
// (one bit each) panic, which TestUTF8SpaceEnds would report.
func nibblePatterns(spaces []seqPattern) [][3][2][]byte {
	all := byteRange(0, 15)
	split := func(bs []byte) [][2][]byte { // nil: any byte
		if bs == nil {
			return [][2][]byte{{all, all}}
		}
		var out [][2][]byte
		for hi := byte(0); hi < 16; hi++ {
			var lo []byte
			for _, b := range bs {
				if b>>4 == hi {
					lo = append(lo, b&15)
				}
			}
			if lo != nil {
				out = append(out, [2][]byte{lo, {hi}})
			}
		}
		return out
	}
	var out [][3][2][]byte
	for _, sp := range spaces {
		lead := [2][]byte{{sp.lead & 15}, {sp.lead >> 4}}
		for _, n1 := range split(sp.n1) {
			if seqLen(sp.lead) == 2 {
				out = append(out, [3][2][]byte{{all, all}, lead, n1})
				continue
			}
			for _, n2 := range split(sp.n2) {
				out = append(out, [3][2][]byte{lead, n1, n2})
			}
		}
	}
	if len(out) > 8 {
		panic("simd: more than eight nibble separator patterns")
	}
	return out
}

var goTables = makeUTF8Tables(goSpaces, nil)

// gnuSpaces and gnuPosixSpaces are the multi-byte separators of wc 9.1
// in C.UTF-8 without and with POSIXLY_CORRECT (checked by
// TestUTF8GNUAllowList against scalar/glibc for every code point).
var (
	gnuSpaces = []seqPattern{
		{0xc2, []byte{0xa0}, nil},                                 // U+00A0
		{0xe1, []byte{0x9a}, []byte{0x80}},                        // U+1680
		{0xe2, []byte{0x80}, append(byteRange(0x80, 0x8a), 0xaf)}, // U+2000–200A 202F
		{0xe2, []byte{0x81}, []byte{0x9f, 0xa0}},                  // U+205F 2060
		{0xe3, []byte{0x80}, []byte{0x80}},                        // U+3000
	}
	gnuPosixSpaces = []seqPattern{
		{0xe1, []byte{0x9a}, []byte{0x80}},                                            // U+1680
		{0xe2, []byte{0x80}, append(byteRange(0x80, 0x86), byteRange(0x88, 0x8a)...)}, // U+2000–2006 2008–200A
		{0xe2, []byte{0x81}, []byte{0x9f}},                                            // U+205F
		{0xe3, []byte{0x80}, []byte{0x80}},                                            // U+3000
	}
)

// gnuAllow are the multi-byte chars the gnu dialects count in SIMD: each
// printable in glibc 2.36 (TestUTF8GNUAllowList checks every one), so
// that it is a separator exactly when gnuSpaces says so and a word char
// otherwise. Text in Latin, Greek, Cyrillic, Arabic, CJK, kana, Hangul,
// general punctuation, currency and the common emoji stays in SIMD;
// anything else (C1 controls, U+2028/2029, unassigned code points) sends
// its block to the reference.
var gnuAllow = []allowPattern{
	{leads: append(byteRange(0xc3, 0xcc), append(byteRange(0xcf, 0xd3), 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xeb, 0xec)...)}, // U+00C0–033F, 03C0–04FF, 4000–9FFF, B000–CFFF
	{leads: []byte{0xc2}, n1: byteRange(0xa0, 0xbf)},                                                                                       // U+00A0–00BF
	{leads: []byte{0xcd}, n1: append(byteRange(0x80, 0xb7), byteRange(0xba, 0xbf)...)},                                                     // U+0340–037F but 0378–0379
	{leads: []byte{0xce}, n1: append(append(byteRange(0x84, 0x8a), 0x8c), append(byteRange(0x8e, 0xa1), byteRange(0xa3, 0xbf)...)...)},     // Greek U+0384–03BF
	{leads: []byte{0xd8, 0xd9, 0xda, 0xdb}},                                                                                                // Arabic U+0600–06FF
	{leads: []byte{0xe3}, n1: append([]byte{0x80, 0x83}, byteRange(0x90, 0xbf)...)},                                                        // U+3000–303F 30C0–30FF 3400–3FFF
	{leads: []byte{0xe3}, n1: []byte{0x81}, n2: byteRange(0x81, 0xbf)},                                                                     // hiragana U+3041–307F
	{leads: []byte{0xe3}, n1: []byte{0x82}, n2: append(byteRange(0x80, 0x96), byteRange(0x99, 0xbf)...)},                                   // U+3080–3096 3099–30BF
	{leads: []byte{0xe2}, n1: []byte{0x80}, n2: append(byteRange(0x80, 0xa7), byteRange(0xaa, 0xbf)...)},                                   // U+2000–203F but 2028, 2029
	{leads: []byte{0xe2}, n1: []byte{0x81}, n2: append(byteRange(0x80, 0xa4), append(byteRange(0xa6, 0xb1), byteRange(0xb4, 0xbf)...)...)}, // U+2040–207F but holes
	{leads: []byte{0xe2}, n1: []byte{0x82}, n2: append(byteRange(0x80, 0x8e), append(byteRange(0x90, 0x9c), byteRange(0xa0, 0xbf)...)...)}, // U+2080–20BF (currency) but holes
	{leads: []byte{0xe2}, n1: append([]byte{0x84, 0x85}, append(byteRange(0x87, 0x8f), byteRange(0x94, 0x9b)...)...)},                      // letterlike, arrows, math but U+2180–21BF; box, blocks, shapes, dingbats
	{leads: []byte{0xea}, n1: byteRange(0xb0, 0xbf)},                                                                                       // Hangul U+AC00–AFFF
	{leads: []byte{0xed}, n1: byteRange(0x80, 0x9d)},                                                                                       // Hangul U+D000–D77F
	{leads: []byte{0xef}, n1: []byte{0xbc, 0xbd}, n2: byteRange(0x81, 0xbf)},                                                               // fullwidth U+FF01–FF7F
	{leads: []byte{0xf0}, n1: []byte{0x9f}, n2: append(byteRange(0x8c, 0x99), byteRange(0xa4, 0xa7)...)},                                   // emoji U+1F300–1F67F 1F900–1F9FF
}

var (
	gnuTables      = makeUTF8Tables(gnuSpaces, gnuAllow)
	gnuPosixTables = makeUTF8Tables(gnuPosixSpaces, gnuAllow)
)

// blockTables returns the block routine's tables for dialect d, or nil
// when d has none.
func blockTables(d scalar.Dialect) *utf8Tables {
	switch d {
	case scalar.UTF8:
		return goTables
	case scalar.GNUUTF8:
		return gnuTables
	case scalar.GNUUTF8Posix:
		return gnuPosixTables
	}
	return nil
}

// utf8Block is a kernel's UTF-8 block routine: it counts lines, words
// (as if a separator preceded p), chars and, with lineMask ^0 (0: not),
// line lengths of p up to the first block that it cannot count (see
// utf8WordsAVX512). The result comes back by value: a pointer passed
// through a func value would escape, and Count must not allocate.
type utf8Block func(p []byte, t *utf8Tables, lineMask uint64) utf8Result

// maxKernelRun bounds one call of the block routine, so that the rare
// recount (see countValid) costs little.
const maxKernelRun = 1 << 20

// trimOpen cuts q before what ends in an open sequence (again and again:
// E2 82 E2 82 is two of them), so that no error of q shows only past its
// end, and says how many cuts that took. A long run of them (C3 C3 C3 …,
// all invalid) would make that as long as q at every call of countValidAt,
// which then counts only up to the run's first block: quadratic. After
// maxTrims cuts it halves q instead, so that it takes
// O(maxTrims·log len(q)) cuts, whatever q holds.
func trimOpen(q []byte) ([]byte, int) {
	cuts := 0
	for trims := 0; ; trims++ {
		k := incompleteSuffix(q)
		if k == 0 {
			return q, cuts
		}
		cuts++
		if trims == maxTrims {
			q, trims = q[:len(q)/2], 0
			continue
		}
		q = q[:len(q)-k]
	}
}

// maxTrims bounds the open sequences trimOpen cuts one at a time before
// it halves what is left instead.
const maxTrims = 8

// countValid counts a prefix of p (p[0] is not a continuation byte) with
// the block routine in dialect d (scalar.UTF8) and returns its Partial and
// length (0 when the first block is not valid UTF-8). Max line length is
// measured when need asks for it.
func countValid(block utf8Block, p []byte, d scalar.Dialect, need Need) (scalar.Partial, int) {
	return countValidAt(block, p, d, need, -1, false)
}

// countAny counts a prefix of p in the utf8 dialect with a block routine
// that counts invalid UTF-8 too (utf8Funcs.badWord): up to maxKernelRun
// of it, all but an open sequence at the end, which what follows may
// finish (a sequence open before that is cut short by its lead: the
// routine counts it as the end of its input would). It returns the
// Partial and the length: 0 when p is only an open sequence.
func countAny(block utf8Block, p []byte, need Need) (scalar.Partial, int) {
	q := p[:min(len(p), maxKernelRun)]
	q = q[:len(q)-incompleteSuffix(q)]
	if len(q) == 0 {
		return scalar.Partial{}, 0
	}
	var lineMask uint64
	if need&NeedMaxLineLength != 0 {
		lineMask = ^uint64(0)
	}
	r := block(q, goTables, lineMask)
	if int(r.n) != len(q) { // (not for invalid UTF-8; never so far)
		return countValid(block, p, scalar.UTF8, need)
	}
	s := r.summary(lineMask)
	s.First, s.Last = edgeClasses(q, scalar.UTF8)
	return scalar.Partial{Dialect: scalar.UTF8, Bytes: uint64(len(q)), Sum: s}, len(q)
}

// openEnd is what a block routine that counts invalid UTF-8 (t.badWord:
// the utf8 dialect) adds to its count of p when it counted done bytes of
// it: a sequence open at the end of its last block, whole, was counted as
// valid, one char (the routine leaves that to the next block); when that
// end is p's, which cuts it short, each of its bytes is a char.
func openEnd(p []byte, t *utf8Tables, done int) uint64 {
	if t.badWord && done == len(p) && len(p)%64 == 0 {
		if k := incompleteSuffix(p); k > 1 && !utf8.FullRune(p[len(p)-k:]) {
			return uint64(k - 1)
		}
	}
	return 0
}

// lineMaskAtCol returns the lineMask that asks the gnu width block
// routine (utf8WordsAVX2, the only one given it) for line lengths of text
// known to start at column c of a line that began before it (a line end
// was counted before), so that it can follow the tab stops of its first
// line too. It then reports the Summary of text that starts right after
// a line end, the columns before it included: Reset, a Head of 0, and
// that first line in Max when it ends (the wider line it belongs to is
// measured whole at its end anyway). Plain line lengths are ^0.
func lineMaskAtCol(c uint64) uint64 { return lineMaskCol | c }

// lineMaskCol marks a lineMaskAtCol (columns stay far below it).
const lineMaskCol = 1 << 62

// countValidAt is countValid; startCol ≥ 0: p starts at that column
// after a line end and block is the gnu width routine (lineMaskAtCol);
// bound: block is the gnu bound routine (gnuBoundBlock).
func countValidAt(block utf8Block, p []byte, d scalar.Dialect, need Need, startCol int64, bound bool) (scalar.Partial, int) {
	q, _ := trimOpen(p[:min(len(p), maxKernelRun)])
	var lineMask uint64
	if need&NeedMaxLineLength != 0 {
		lineMask = ^uint64(0)
		if startCol >= 0 {
			lineMask = lineMaskAtCol(uint64(startCol))
		}
	}
	r := block(q, blockTables(d), lineMask)
	n := int(r.n)
	if n < len(q) {
		// The block at n is not valid (or holds a char outside the gnu
		// allow-list, or, measuring gnu widths, one it cannot measure). A
		// char begun before n was counted at its first byte; keep it if
		// it is valid, classified as the reference does (allow-list, or
		// gnuBMP's class bits) and (gnu widths) as wide as the routine
		// measured it (it may have checked only its first bytes), else
		// count only up to it.
		if i := straddle(q, n); i >= 0 {
			if c, size := utf8.DecodeRune(q[i:]); size > 1 && i+size > n && classified(blockTables(d), q[i:], c) &&
				(d == scalar.UTF8 || lineMask == 0 || measuredRight(q[i:], n-i, glibc.Lookup(uint32(c)).Width(), bound)) {
				n = i + size
			} else {
				return countValidAt(block, q[:i], d, need, startCol, bound)
			}
		}
	}
	if n == 0 {
		return scalar.Partial{}, 0
	}
	q = q[:n]
	s := r.summary(lineMask)
	s.First, s.Last = edgeClasses(q, d)
	return scalar.Partial{Dialect: d, Bytes: uint64(n), Sum: s}, n
}

// measuredRight: the gnu width block routine measured the multi-byte char
// at the start of b, of which it counted k bytes, as glibc does (width
// w), or the bound routine (bound) at least as wide (measuredBound).
func measuredRight(b []byte, k, w int, bound bool) bool {
	if bound {
		return w <= measuredBound(b, k)
	}
	return w == measuredWidth(b, k)
}

// measuredBound is the width the gnu bound routine (BOUND_WIDE) gives
// the multi-byte char at the start of b when it counted its first k
// bytes: one column, and one more when gnuBoundNibbles hold it and k
// reaches its second byte.
func measuredBound(b []byte, k int) int {
	if k >= 2 && gnuBoundWide(b) {
		return 2
	}
	return 1
}

// measuredWidth is the width the gnu width block routine (the AVX2 one,
// gnuWidthNibbles) gives the multi-byte char at the start of b when it
// counted only its first k bytes: one column, and one more when gnuWide
// holds it and k reaches its second byte or, a four-byte char (an emoji),
// when gnuEmojiWide holds it and k reaches its last byte. A char that the
// nibble tables reject, which the routine may have corrected by gnuBMP,
// gets -1: never what glibc says; but with k 1 every char measured one
// column (all the routine's marks are at second bytes or later).
func measuredWidth(b []byte, k int) int {
	if k < 2 {
		return 1
	}
	var c [3]byte
	copy(c[:], b)
	if gnuNibbleRejects(c[:]) || gnuWidthRejects(c[:]) {
		return -1
	}
	if len(b) >= 4 && b[0] >= 0xf0 {
		if k >= 4 && gnuEmojiWideAt(b) {
			return 2
		}
		return 1
	}
	if k >= 2 && gnuWide(b) {
		return 2
	}
	return 1
}

// classified reports whether the block routines classify the multi-byte
// char c at the start of b in t's dialect as the reference does: t's
// allow-list admits it, or gnuBMP's class bits hold it.
func classified(t *utf8Tables, b []byte, c rune) bool {
	if t.allows(b) {
		return true
	}
	class, _, _ := bmpFor(t, false)
	return class != nil && class.has(c)
}

// allows reports whether t's allow-list admits the multi-byte char at the
// start of b (its first three bytes, as the allow tables read them).
func (t *utf8Tables) allows(b []byte) bool {
	var c [3]byte
	copy(c[:], b)
	for _, set := range t.allow {
		if set[0][c[0]&0x3f]&set[1][c[1]&0x3f]&set[2][c[2]&0x3f] != 0 {
			return true
		}
	}
	return false
}

// edgeClasses returns the classes of the first and last chars of q that
// are not transparent (gnu: ASCII controls and invalid bytes; allow-listed
// multi-byte chars never are).
func edgeClasses(q []byte, d scalar.Dialect) (first, last scalar.Class) {
	for i := 0; i < len(q) && first == scalar.Transparent; {
		r, size := utf8.DecodeRune(q[i:])
		first = charClass(r, size, d)
		i += size
	}
	for i := len(q); i > 0 && last == scalar.Transparent; {
		r, size := utf8.DecodeLastRune(q[:i])
		last = charClass(r, size, d)
		i -= size
	}
	return first, last
}

// charClass is the class of char r (size bytes) in d as the block
// routines see it: for the gnu dialects r is ASCII, allow-listed, or an
// invalid byte (RuneError of size 1: skipped, transparent; in utf8 a
// word char).
func charClass(r rune, size int, d scalar.Dialect) scalar.Class {
	if r == utf8.RuneError && size == 1 && d != scalar.UTF8 {
		return scalar.Transparent
	}
	if r < 0x80 || d == scalar.UTF8 {
		if r < 0x80 {
			return d.ByteUnit(byte(r)).Class
		}
		if unicode.IsSpace(r) {
			return scalar.Space
		}
		return scalar.Word
	}
	p := glibc.Lookup(uint32(r))
	if p.Space() || (d == scalar.GNUUTF8 && (r == 0xa0 || r == 0x2007 || r == 0x202f || r == 0x2060)) {
		return scalar.Space
	}
	return scalar.Word
}

// seqLen is the length a lead byte announces (1 for any other byte).
func seqLen(b byte) int {
	switch {
	case b >= 0xf0:
		return 4
	case b >= 0xe0:
		return 3
	case b >= 0xc0:
		return 2
	}
	return 1
}

// incompleteSuffix is the length of the sequence at the end of p that its
// lead announces longer than what is left, or 0.
func incompleteSuffix(p []byte) int {
	for k := 1; k <= 3 && k <= len(p); k++ {
		if b := p[len(p)-k]; b >= 0xc0 {
			if seqLen(b) > k {
				return k
			}
			return 0
		} else if b < 0x80 {
			return 0
		}
	}
	return 0
}

// straddle returns the index of the lead byte before n whose sequence
// reaches n or beyond, or -1.
func straddle(p []byte, n int) int {
	for i := n - 1; i >= 0 && i >= n-3; i-- {
		if b := p[i]; b >= 0xc0 {
			if i+seqLen(b) > n {
				return i
			}
			return -1
		} else if b < 0x80 {
			return -1
		}
	}
	return -1
}
