//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// func utf8BlocksNEON(p *byte, n int, t *utf8Tables, lineMask uint64, st *utf8StateNEON)
//
// The NEON twin of utf8BlocksAVX2 (utf8_avx2_amd64.s), for the utf8
// dialect and the gnu ones: lines, words, chars and (lineMask -1) line
// lengths in chars (gnu: in columns, see below) of p[:n],
// 64 bytes per block, added to *st, in the gnu dialects (t.badSkip) up
// to the first block that holds a char that the gnuNibbles tables reject
// and st.bmp (gnuBMP's class bits) does not admit (in an invalid block:
// any they reject) or, measuring widths, one it cannot measure (st.n =
// its index, else n). It counts invalid blocks too, as utf8BlocksAVX2
// does (invalid: in the utf8 dialect every byte Go's decoder rejects is a
// char, a word char; in the gnu ones a byte glibc skips, no char,
// transparent and no column; st.badTail carries what the next block
// must know). The caller (utf8WordsNEON)
// makes p[-4:0] and the byte after the last block readable, and the bytes
// from p[n] on zero when n is not a multiple of 64.
//
// Per 16-byte chunk b (loads of b-1, b-2, b-3 are unaligned, so nothing
// is carried between blocks in vector registers): Keiser & Lemire's
// validation (three TBL nibble lookups, XOR the "must be a continuation"
// bytes from b-2, b-3; any nonzero byte is an error, OR-ed into V18) and
// the multi-byte separator ends (the six t.sepEnd lookups on b-2, b-1, b
// share a bit). Then the whole block again: continuation bytes, '\n's and
// the six ASCII separators (TBL of spaceLUT by the low nibble, compared
// with b: no byte ≥ 0x80 matches). Byte masks
// are reduced to 64-bit masks with the weighted ADDP fold of
// neon_arm64.s. Each char is classified at its last byte, the bytes
// before it transparent: W = char ends &^ S (gnu: &^ the ASCII controls,
// transparent), and the word rule is WORDS_GNUC_R of words_amd64.h in
// arm64 instructions. The gnu allow-list (GNU_CHUNK) is checked per chunk
// after the validation, with the tables loaded from memory.
// Measuring gnu line widths (t.badSkip and lineMask -1), as
// utf8BlocksAVX2 does: the wide chars of gnuWidthNibbles' second set (at
// their second byte) and the wide emoji (gnuEmojiWide, at their last
// byte) count a column more (R17, then colBias); a char its other sets
// (or the allow-list) reject is looked up in gnuBMP's width bits, then
// its zero and wider bits (a column less: zeroMask, at its second byte;
// more: R17), else it makes the block hard, as do a control but '\n'
// '\r' '\f' '\t' and a tab before the first line end (column unknown);
// '\r' and '\f' end the measure as '\n' does, tabs move it to the next
// multiple of 8 (R16). Measuring bounds (st.bound, utf8BoundsNEON) as
// utf8BlocksAVX2 does: a column more for the chars gnuBoundNibbles hold
// (BOUND_HITS, into R17, emoji included), none of gnuWidthNibbles' sets
// or the emoji loop, and only the allow-list's rejects looked up, in
// gnuBMP's class bits (st.zero nil: no char a column narrower or wider).
// A block of pure ASCII with no sequence open before it (no byte of
// p[-3:64] at 0x80 or above: the OR of its four vectors and p[-3:1] in
// general registers) skips the validation, the allow-list and the
// multi-byte separators (as utf8BlocksAVX2's full: path): every lane is a
// char start, S the six ASCII separators, W = ^S (gnu: &^ the controls),
// and it joins the other blocks at ascii: for '\n's, lines and words.
//
//	R0: p, R1: end of the whole blocks (then of the partial one), R2: t,
//	R3: st, R4: index of the block, R5: its lanes in p, R6 lines, R7
//	words, R8 chars, R9 word carry (top bit), R10 head, R11 max, R12
//	lineStart, R13 n, R14 lineMask, R15 the block's address, R16 the
//	block's tabs (gnu widths), R17 its wide chars, R19–R26 scratch (R26:
//	the gnu controls from the classes to the word rule); frame: R20
//	while gnucheck or the emoji loop runs, colBias (st.extra: columns
//	beyond one per char), widths (lineMask in the gnu dialects, else 0),
//	R26 in the emoji loop, zeroMask (the block's zero-width chars),
//	badTail (st.badTail: the next block is counted as invalid), skipped
//	(the gnu dialects: an invalid block's bytes glibc skips: transparent,
//	no char, no column); invalidAt (the index of the invalid block in
//	progress; when the widths checks stop the routine there, its edges
//	may have been counted already: the word at lane -1 that missedw
//	counts, which stopClass counts alike, and the lead cut short there,
//	which countValidAt recounts); measuring gnu widths in an invalid
//	block: wideInv (its wide marks, WIDTH_HITS),
//	bound (st.bound: widths are bounds),
//	secondOK and fourthOK (the lanes where a valid sequence has its
//	second byte, or a valid four-byte one its last: where its wide marks
//	may be); checkBad (gnucheck or widthcheck runs for an invalid block).
//	V31 0x0f, V30 zero, V29 bit weights, V28 spaceLUT, V25–V27 t.valid,
//	V19–V24 t.sepEnd, V18 errors, V17 7, V16 15, V15 2, V14 '\n', V13
//	0x80, V12 popcount scratch, V0–V11 scratch.
//
// Loop invariant: st's counts plus R6, R7, R8 (and R9–R12, colBias) are
// those of p[:R4]; V18 is zero.

// utf8NEONSpaceLUT: the ASCII separator with each low nibble, else 0,
// which no byte with that low nibble but 0 equals (0xFF would: an
// invalid byte taken for a separator).
DATA utf8NEONSpaceLUT<>+0(SB)/8, $0x0000000000000020
DATA utf8NEONSpaceLUT<>+8(SB)/8, $0x00000d0c0b0a0900
GLOBL utf8NEONSpaceLUT<>(SB), RODATA|NOPTR, $16

DATA utf8NEONWeights<>+0(SB)/8, $0x8040201008040201
DATA utf8NEONWeights<>+8(SB)/8, $0x8040201008040201
GLOBL utf8NEONWeights<>(SB), RODATA|NOPTR, $16

// POPCNT(src, dst): dst = the number of bits set in src. V12 scratch.
#define POPCNT(src, dst) \
	VMOV    src, V12.D[0]; \
	VCNT    V12.B8, V12.B8; \
	VUADDLV V12.B8, V12; \
	VMOV    V12.D[0], dst

// MASK(a, b, c, d, dst): the 64-bit mask of the 0x00/0xFF bytes of a..d
// (bytes 0–15, 16–31, 32–47, 48–63); a..d are clobbered.
#define MASK(a, b, c, d, dst) \
	VAND  V29.B16, a.B16, a.B16; \
	VAND  V29.B16, b.B16, b.B16; \
	VAND  V29.B16, c.B16, c.B16; \
	VAND  V29.B16, d.B16, d.B16; \
	VADDP b.B16, a.B16, a.B16; \
	VADDP d.B16, c.B16, c.B16; \
	VADDP c.B16, a.B16, a.B16; \
	VADDP a.B16, a.B16, a.B16; \
	VMOV  a.D[0], dst

// CHUNK(off, out): the 16 bytes b at R15+off: errors OR-ed into V18, and
// out = 0xFF where no multi-byte separator ends at b. V4–V12 scratch.
#define CHUNK(off, out) \
	ADD     $(off), R15, R19; \
	VLD1    (R19), [V4.B16]; \
	SUB     $1, R19, R20; \
	VLD1    (R20), [V5.B16]; \
	SUB     $2, R19, R20; \
	VLD1    (R20), [V6.B16]; \
	SUB     $3, R19, R20; \
	VLD1    (R20), [V7.B16]; \
	VUSHR   $4, V4.B16, V8.B16; \
	VAND    V31.B16, V4.B16, V9.B16; \
	VUSHR   $4, V5.B16, V10.B16; \
	VAND    V31.B16, V5.B16, V11.B16; \
	VTBL    V10.B16, [V25.B16], V12.B16; \
	VTBL    V11.B16, [V26.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VTBL    V8.B16, [V27.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VUSHR   $5, V6.B16, out.B16; \
	VCMEQ   V17.B16, out.B16, out.B16; \
	VUSHR   $4, V7.B16, V7.B16; \
	VCMEQ   V16.B16, V7.B16, V7.B16; \
	VORR    V7.B16, out.B16, out.B16; \
	VAND    V13.B16, out.B16, out.B16; \
	VEOR    out.B16, V12.B16, V12.B16; \
	VORR    V12.B16, V18.B16, V18.B16; \
	VTBL    V9.B16, [V23.B16], V12.B16; \
	VTBL    V8.B16, [V24.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VTBL    V11.B16, [V21.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VTBL    V10.B16, [V22.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VUSHR   $4, V6.B16, V10.B16; \
	VAND    V31.B16, V6.B16, V11.B16; \
	VTBL    V11.B16, [V19.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VTBL    V10.B16, [V20.B16], out.B16; \
	VAND    out.B16, V12.B16, V12.B16; \
	VCMEQ   V30.B16, V12.B16, out.B16

// NIB4(a, b, c, d): V10 = the AND of the four tables V0..V3 looked up by
// the nibble vectors a..d. V11 scratch.
#define NIB4(a, b, c, d) \
	VTBL    a.B16, [V0.B16], V10.B16; \
	VTBL    b.B16, [V1.B16], V11.B16; \
	VAND    V11.B16, V10.B16, V10.B16; \
	VTBL    c.B16, [V2.B16], V11.B16; \
	VAND    V11.B16, V10.B16, V10.B16; \
	VTBL    d.B16, [V3.B16], V11.B16; \
	VAND    V11.B16, V10.B16, V10.B16

// NIBS(off, ra, rt): the nibbles of the 16 bytes b at R15+off and of
// b-1, b-2: V7/V4 high/low of b, V8/V5 of b-1, V9/V6 of b-2. ra, rt
// scratch (addresses).
#define NIBS(off, ra, rt) \
	ADD     $(off), R15, ra; \
	VLD1    (ra), [V4.B16]; \
	SUB     $1, ra, rt; \
	VLD1    (rt), [V5.B16]; \
	SUB     $2, ra, rt; \
	VLD1    (rt), [V6.B16]; \
	VUSHR   $4, V4.B16, V7.B16; \
	VAND    V31.B16, V4.B16, V4.B16; \
	VUSHR   $4, V5.B16, V8.B16; \
	VAND    V31.B16, V5.B16, V5.B16; \
	VUSHR   $4, V6.B16, V9.B16; \
	VAND    V31.B16, V6.B16, V6.B16

// HOLE6(rt): V10 = the hole set of nibble tables at rt (the six
// lookups: hi/lo of b-1, b, b-2, as NIBS leaves them). V0–V3, V11
// scratch; rt moves past the first four tables.
#define HOLE6(rt) \
	VLD1.P  64(rt), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	VLD1    (rt), [V0.B16, V1.B16]; \
	VTBL    V9.B16, [V0.B16], V11.B16; \
	VAND    V11.B16, V10.B16, V10.B16; \
	VTBL    V6.B16, [V1.B16], V11.B16; \
	VAND    V11.B16, V10.B16, V10.B16

// GNU_SETS(off, ra, rt): the gnu allow-list in nibble form (gnuNibbles,
// see utf8_gnu_nibbles.go) at the 16 bytes b at R15+off: the chars its two
// prefix sets reject (the four lookups of hi/lo of b-1 and b share a bit)
// nonzero in V12, at their second byte; those its hole set rejects (six
// lookups, hi/lo of b-2 too) nonzero in V10, at their third byte. V0–V11
// scratch; ra, rt scratch (addresses).
#define GNU_SETS(off, ra, rt) \
	NIBS(off, ra, rt); \
	MOVD    $·gnuNibbles(SB), rt; \
	VLD1.P  64(rt), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	VORR    V10.B16, V10.B16, V12.B16; \
	VLD1.P  64(rt), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	VORR    V10.B16, V12.B16, V12.B16; \
	HOLE6(rt)

// GNU_CHUNK(off): GNU_SETS' rejections at R15+off OR-ed into V18 as
// errors. V0–V12 scratch, R21 R22 scratch.
#define GNU_CHUNK(off) \
	GNU_SETS(off, R21, R22); \
	VORR    V12.B16, V18.B16, V18.B16; \
	VORR    V10.B16, V18.B16, V18.B16

// GNU_BLOCK: GNU_CHUNK of the whole block; R22 nonzero where it rejects
// a char (or V18 held an error before). V0–V12, R21 scratch.
#define GNU_BLOCK \
	GNU_CHUNK(0); \
	GNU_CHUNK(16); \
	GNU_CHUNK(32); \
	GNU_CHUNK(48); \
	VMOV    V18.D[0], R21; \
	VMOV    V18.D[1], R22; \
	ORR     R21, R22, R22

// FOLD16(v, dst): the 16-bit mask of the nonzero bytes of v (clobbered).
#define FOLD16(v, dst) \
	VCMTST  v.B16, v.B16, v.B16; \
	VAND    V29.B16, v.B16, v.B16; \
	VADDP   v.B16, v.B16, v.B16; \
	VADDP   v.B16, v.B16, v.B16; \
	VADDP   v.B16, v.B16, v.B16; \
	VMOV    v.H[0], dst

// GNU_HITS(off): GNU_SETS' rejections at the 16 bytes at R15+off as
// masks OR-ed in at bit off: the prefix sets' (at a char's second byte)
// into R23, the hole set's (at its third byte) into R24. V0–V12 scratch,
// R22 R25 R26 scratch.
#define GNU_HITS(off) \
	GNU_SETS(off, R25, R26); \
	FOLD16(V12, R22); \
	ORR     R22<<(off), R23, R23; \
	FOLD16(V10, R22); \
	ORR     R22<<(off), R24, R24

// ALLOW_HITS: GNU_HITS of the whole block, R23 and R24 zeroed first.
#define ALLOW_HITS \
	MOVD    $0, R23; \
	MOVD    $0, R24; \
	GNU_HITS(0); \
	GNU_HITS(16); \
	GNU_HITS(32); \
	GNU_HITS(48)

// WIDTH_HITS(off): gnuWidthNibbles (utf8_gnu_nibbles.go) at the 16
// bytes at R15+off, as masks OR-ed in at bit off: the chars its first
// prefix set rejects (width not measured here) into R23 and the wide
// ones of its second set (two columns) into R17, at their second byte;
// those its hole set rejects, at their third byte, into R24. V0–V12
// scratch, R22 R25 R26 scratch.
#define WIDTH_HITS(off) \
	NIBS(off, R25, R26); \
	MOVD    $·gnuWidthNibbles(SB), R26; \
	VLD1.P  64(R26), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	FOLD16(V10, R22); \
	ORR     R22<<(off), R23, R23; \
	VLD1.P  64(R26), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	FOLD16(V10, R22); \
	ORR     R22<<(off), R17, R17; \
	HOLE6(R26); \
	FOLD16(V10, R22); \
	ORR     R22<<(off), R24, R24

// BOUND_HITS(off): measuring bounds, gnuBoundNibbles at the 16 bytes at
// R15+off: the chars that may be two columns wide into R17, at their
// second byte, as a mask OR-ed in at bit off. V0–V12 scratch, R22 R25
// R26 scratch.
#define BOUND_HITS(off) \
	NIBS(off, R25, R26); \
	MOVD    $·gnuBoundNibbles(SB), R26; \
	VLD1    (R26), [V0.B16, V1.B16, V2.B16, V3.B16]; \
	NIB4(V8, V5, V7, V4); \
	FOLD16(V10, R22); \
	ORR     R22<<(off), R17, R17

// HIGH_EQ(sh, k, a, b, c, d, dst): the 64-bit mask of the bytes of a..d
// (bytes 0–15, …, 48–63) whose top bits (byte >> sh) equal those of
// vector k. V4–V7 scratch.
#define HIGH_EQ(sh, k, a, b, c, d, dst) \
	VUSHR   $(sh), a.B16, V4.B16; \
	VUSHR   $(sh), b.B16, V5.B16; \
	VUSHR   $(sh), c.B16, V6.B16; \
	VUSHR   $(sh), d.B16, V7.B16; \
	VCMEQ   k.B16, V4.B16, V4.B16; \
	VCMEQ   k.B16, V5.B16, V5.B16; \
	VCMEQ   k.B16, V6.B16, V6.B16; \
	VCMEQ   k.B16, V7.B16, V7.B16; \
	MASK(V4, V5, V6, V7, dst)

// CMASK(c, dst): the 64-bit mask of the bytes of the block (V0–V3) equal
// to the constant c. V4–V8 scratch, R19 scratch.
#define CMASK(c, dst) \
	MOVD    $(c), R19; \
	VMOV    R19, V8.B16; \
	VCMEQ   V8.B16, V0.B16, V4.B16; \
	VCMEQ   V8.B16, V1.B16, V5.B16; \
	VCMEQ   V8.B16, V2.B16, V6.B16; \
	VCMEQ   V8.B16, V3.B16, V7.B16; \
	MASK(V4, V5, V6, V7, dst)

// WIDTH_BITS(zero, extra, word, bit): gnucheck's char not in the bits of
// one column: measuring widths (not bounds: st's field zero not nil), on
// at checkzero where bit is set in word of the bits at st's field zero,
// at checkwider where in extra's, else the block is hard (end). R26
// scratch.
#define WIDTH_BITS(zero, extra, word, bit) \
	MOVD    widths-24(SP), R26; \
	CBZ     R26, end; \
	MOVD    zero(R3), R26; \
	CBZ     R26, end; \
	MOVD    (R26)(word<<3), R26; \
	LSR     bit, R26, R26; \
	TBNZ    $0, R26, checkzero; \
	MOVD    extra(R3), R26; \
	MOVD    (R26)(word<<3), R26; \
	LSR     bit, R26, R26; \
	TBZ     $0, R26, end; \
	B       checkwider

TEXT ·utf8BlocksNEON(SB), NOSPLIT, $104-40
	MOVD    p+0(FP), R0
	MOVD    n+8(FP), R13
	MOVD    t+16(FP), R2
	MOVD    lineMask+24(FP), R14
	MOVD    st+32(FP), R3

	MOVD    $0x0f, R19
	VMOV    R19, V31.B16
	VEOR    V30.B16, V30.B16, V30.B16
	MOVD    $utf8NEONWeights<>(SB), R19
	VLD1    (R19), [V29.B16]
	MOVD    $utf8NEONSpaceLUT<>(SB), R19
	VLD1    (R19), [V28.B16]
	ADD     $utf8Tables_valid, R2, R19
	VLD1    (R19), [V25.B16, V26.B16, V27.B16]
	ADD     $utf8Tables_sepEnd, R2, R19
	VLD1.P  64(R19), [V19.B16, V20.B16, V21.B16, V22.B16]
	VLD1    (R19), [V23.B16, V24.B16]
	VEOR    V18.B16, V18.B16, V18.B16
	MOVD    $7, R19
	VMOV    R19, V17.B16
	MOVD    $15, R19
	VMOV    R19, V16.B16
	MOVD    $2, R19
	VMOV    R19, V15.B16
	MOVD    $10, R19
	VMOV    R19, V14.B16
	MOVD    $0x80, R19
	VMOV    R19, V13.B16

	MOVD    utf8StateNEON_lines(R3), R6
	MOVD    utf8StateNEON_words(R3), R7
	MOVD    utf8StateNEON_chars(R3), R8
	MOVD    utf8StateNEON_carry(R3), R9
	MOVD    utf8StateNEON_head(R3), R10
	MOVD    utf8StateNEON_max(R3), R11
	MOVD    utf8StateNEON_lineStart(R3), R12
	MOVD    utf8StateNEON_extra(R3), R19
	MOVD    R19, colBias-16(SP)
	MOVD    utf8StateNEON_badTail(R3), R19
	MOVD    R19, badTail-48(SP)
	MOVD    utf8StateNEON_bound(R3), R19
	MOVD    R19, bound-104(SP)
	MOVD    ZR, skipped-56(SP)
	MOVD    ZR, checkBad-96(SP)
	MOVD    $-1, R19
	MOVD    R19, invalidAt-64(SP)
	// widths: the gnu dialects (t.badSkip) measuring line widths.
	MOVBU   utf8Tables_badSkip(R2), R19
	NEG     R19, R19
	AND     R14, R19, R19
	MOVD    R19, widths-24(SP)
	MOVD    $0, R16
	MOVD    $0, R4
	AND     $~63, R13, R1
	MOVD    $-1, R5

loop:
	CMP     R4, R1
	BEQ     partial

block:
	ADD     R0, R4, R15
	MOVD    $0, R17
	MOVD    ZR, zeroMask-40(SP)
	// Pure ASCII with no sequence open before it (p[-3:64] all below
	// 0x80)? Then it needs no validation, allow-list or multi-byte
	// separators: no continuations (every lane a char start), S the six
	// ASCII separators; gnu: the controls transparent as below. The OR of
	// the four chunks, its halves and p[-3:1] tested in general registers.
	VLD1    (R15), [V0.B16, V1.B16, V2.B16, V3.B16]
	VORR    V1.B16, V0.B16, V4.B16
	VORR    V3.B16, V2.B16, V5.B16
	VORR    V5.B16, V4.B16, V4.B16
	VMOV    V4.D[0], R21
	VMOV    V4.D[1], R22
	ORR     R21, R22, R22
	MOVWU   -3(R15), R21
	ORR     R21, R22, R22
	TST     $0x8080808080808080, R22
	BNE     multi
	MOVD    $0, R21
	MOVD    $-1, R20
	B       ascii

multi:
	CHUNK(0, V0)
	CHUNK(16, V1)
	CHUNK(32, V2)
	CHUNK(48, V3)
	MASK(V0, V1, V2, V3, R20)
	VMOV    V18.D[0], R21
	VMOV    V18.D[1], R22
	ORR     R21, R22, R22
	MOVD    badTail-48(SP), R21
	ORR     R21, R22, R22
	CBNZ    R22, invalid
	// The gnu dialects (t.badSkip): the allow-list, whose rejections
	// make the block hard as errors do.
	MOVBU   utf8Tables_badSkip(R2), R19
	CBZ     R19, classes
	GNU_BLOCK
	CBNZ    R22, gnurejects

gnuallowed:
	// Measuring gnu widths: the wide chars (R17), and the chars whose
	// width the nibble tables do not measure (R23 at their second byte,
	// R24 the holes' at their third), which widthcheck looks up.
	MOVD    widths-24(SP), R19
	CBZ     R19, classes
	MOVD    $0, R23
	MOVD    $0, R24

widthsets:
	MOVD    bound-104(SP), R19
	CBNZ    R19, boundsets
	WIDTH_HITS(0)
	WIDTH_HITS(16)
	WIDTH_HITS(32)
	WIDTH_HITS(48)

widthsmasked:
	AND     R5, R17, R17
	ORR     R24, R23, R19
	AND     R5, R19, R19
	CBZ     R19, checkret
	// widthcheck: each must be in st.bmp (gnuBMP's width bits), or in
	// st.zero (a column narrower: zeroMask) or st.wider (a column wider:
	// R17), else the block is hard.
	MOVD    utf8StateNEON_rows(R3), R19
	CBZ     R19, end
	MOVD    R20, sepends-8(SP)
	B       checkmasks

gnurejects:
	// The allow-list rejects chars of the block: gnucheck looks them up
	// in st.bmp; measuring widths, with the width sets' (widthsets).
	MOVD    widths-24(SP), R19
	CBZ     R19, gnucheck
	VEOR    V18.B16, V18.B16, V18.B16
	ALLOW_HITS
	B       widthsets

classes:
	// Continuation bytes (R21), '\n's (R22), ASCII separators (R23).
	VLD1    (R15), [V0.B16, V1.B16, V2.B16, V3.B16]
	HIGH_EQ(6, V15, V0, V1, V2, V3, R21)

ascii:
	// V0–V3: the block; R20: 0xFF where no multi-byte separator ends.
	VCMEQ   V14.B16, V0.B16, V4.B16
	VCMEQ   V14.B16, V1.B16, V5.B16
	VCMEQ   V14.B16, V2.B16, V6.B16
	VCMEQ   V14.B16, V3.B16, V7.B16
	MASK(V4, V5, V6, V7, R22)
	VAND    V31.B16, V0.B16, V4.B16
	VAND    V31.B16, V1.B16, V5.B16
	VAND    V31.B16, V2.B16, V6.B16
	VAND    V31.B16, V3.B16, V7.B16
	VTBL    V4.B16, [V28.B16], V4.B16
	VTBL    V5.B16, [V28.B16], V5.B16
	VTBL    V6.B16, [V28.B16], V6.B16
	VTBL    V7.B16, [V28.B16], V7.B16
	VCMEQ   V0.B16, V4.B16, V4.B16
	VCMEQ   V1.B16, V5.B16, V5.B16
	VCMEQ   V2.B16, V6.B16, V6.B16
	VCMEQ   V3.B16, V7.B16, V7.B16
	MASK(V4, V5, V6, V7, R23)
	// The gnu dialects: the ASCII controls (below 0x20, and 0x7F) in R26,
	// transparent (not word chars); else none.
	MOVD    $0, R26
	MOVBU   utf8Tables_badSkip(R2), R19
	CBZ     R19, ctrlsdone
	MOVD    $0x7f, R19
	VMOV    R19, V8.B16
	VUSHR   $5, V0.B16, V4.B16
	VUSHR   $5, V1.B16, V5.B16
	VUSHR   $5, V2.B16, V6.B16
	VUSHR   $5, V3.B16, V7.B16
	VCMEQ   V30.B16, V4.B16, V4.B16
	VCMEQ   V30.B16, V5.B16, V5.B16
	VCMEQ   V30.B16, V6.B16, V6.B16
	VCMEQ   V30.B16, V7.B16, V7.B16
	VCMEQ   V8.B16, V0.B16, V9.B16
	VORR    V9.B16, V4.B16, V4.B16
	VCMEQ   V8.B16, V1.B16, V9.B16
	VORR    V9.B16, V5.B16, V5.B16
	VCMEQ   V8.B16, V2.B16, V9.B16
	VORR    V9.B16, V6.B16, V6.B16
	VCMEQ   V8.B16, V3.B16, V9.B16
	VORR    V9.B16, V7.B16, V7.B16
	MASK(V4, V5, V6, V7, R26)
	// And an invalid block's skipped bytes (see invalid), transparent too.
	MOVD    skipped-56(SP), R19
	ORR     R19, R26, R26

ctrlsdone:
	// S (R20): the ASCII separators and the multi-byte separator ends;
	// char starts (R21): every byte but the continuations. Lanes past n
	// are zeros: char starts (masked by R5 below), never '\n' or S.
	ORN     R20, R23, R20
	MVN     R21, R21
	// R24: the measure's other events (gnu widths: '\r', '\f', tabs).
	MOVD    $0, R24
	MOVD    widths-24(SP), R19
	CBNZ    R19, widthends

measure:
	POPCNT(R22, R23)
	ADD     R23, R6, R6
	ORR     R24, R22, R23
	AND     R14, R23, R23
	CBZ     R23, counted
	// A line's columns: its char starts and wide chars (R22), and the
	// columns before the block (R19).
	ORR     R17, R21, R22
	MOVD    skipped-56(SP), R19
	BIC     R19, R22, R22
	MOVD    colBias-16(SP), R19
	ADD     R8, R19, R19

linesloop:
	// R23: the events left; R24: the lanes through the first, R25 its bit.
	SUB     $1, R23, R24
	EOR     R23, R24, R24
	NEG     R23, R25
	AND     R23, R25, R25
	TST     R25, R16
	// (The flags stay until BNE: nothing between sets them.) Columns
	// through the event: less the zero-width chars (zeroMask).
	MOVD    zeroMask-40(SP), R25
	AND     R24, R25, R25
	AND     R22, R24, R24
	POPCNT(R24, R24)
	ADD     R19, R24, R24
	CBZ     R25, linesnozero
	POPCNT(R25, R25)
	SUB     R25, R24, R24

linesnozero:
	BNE     linestab
	SUB     $1, R24, R25
	SUB     R12, R25, R25
	MOVD    R24, R12
	CMN     $1, R10
	BNE     notfirst
	MOVD    R25, R10
	B       nextline

linestab:
	// A tab at column c = R24-1-R12 moves to (c|7)+1: lineStart holds
	// the columns before the line less what tabs added beyond one each.
	SUB     $1, R24, R25
	SUB     R12, R25, R25
	ORR     $7, R25, R25
	ADD     $1, R25, R25
	SUB     R25, R24, R12
	B       nextline

notfirst:
	CMP     R11, R25
	CSEL    HI, R25, R11, R11

nextline:
	SUB     $1, R23, R24
	AND     R24, R23, R23
	CBNZ    R23, linesloop

counted:
	// The chars: the char starts but skipped bytes (the slot cleared for
	// the next block).
	AND     R5, R21, R24
	MOVD    skipped-56(SP), R19
	BIC     R19, R24, R24
	MOVD    ZR, skipped-56(SP)
	POPCNT(R24, R24)
	ADD     R24, R8, R8
	// colBias: the wide chars' extra columns, less the zero-width ones.
	MOVD    zeroMask-40(SP), R19
	ORR     R17, R19, R24
	CBZ     R24, charsdone
	POPCNT(R19, R19)
	POPCNT(R17, R24)
	SUB     R19, R24, R24
	MOVD    colBias-16(SP), R19
	ADD     R24, R19, R19
	MOVD    R19, colBias-16(SP)

charsdone:
	// The char ends: the bytes before a char start, the last lane's next
	// byte (readable, zero past n) included.
	MOVBU   64(R15), R24
	LSR     $6, R24, R24
	CMP     $2, R24
	CSET    NE, R24
	LSR     $1, R21, R25
	ORR     R24<<63, R25, R25
	AND     R5, R25, R25
	BIC     R20, R25, R24
	BIC     R26, R24, R24
	// The gnu dialects: a word char at lane 63 (p[64] starts a char) that
	// is a sequence still open there is one p[64] cuts short: skipped
	// bytes, not a word char (the next block counts it so).
	TBZ     $63, R24, words
	MOVBU   utf8Tables_badSkip(R2), R19
	CBZ     R19, words
	MOVBU   63(R15), R19
	CMP     $0xc0, R19
	BHS     open63
	CMP     $0x80, R19
	BLO     words
	MOVBU   62(R15), R19
	CMP     $0xe0, R19
	BHS     open63
	CMP     $0xc0, R19
	BHS     words
	MOVBU   61(R15), R19
	CMP     $0xf0, R19
	BLO     words

open63:
	AND     $~(1<<63), R24, R24

words:
	// Words (WORDS_GNUC_R): W in R24, S in R20.
	ORR     R24, R20, R20
	MVN     R20, R25
	LSL     $1, R24, R26
	BIC     R20, R26, R26
	ADD     R25, R26, R26
	BIC     R26, R25, R26
	ORR     R24, R26, R26
	LSL     $1, R26, R25
	BIC     R25, R24, R25
	NEG     R20, R19
	AND     R20, R19, R19
	ASR     $63, R9, R24
	AND     R24, R19, R19
	BIC     R19, R25, R25
	POPCNT(R25, R25)
	ADD     R25, R7, R7
	CMP     $0, R20
	CSEL    NE, R26, R9, R9
	ADD     $64, R4, R4
	B       loop

widthends:
	// The gnu line widths: '\r' and '\f' end the measure as '\n' does
	// (R24), tabs (R16) move it where the column is known (after a line
	// end); any other control in the block's lanes stops the routine
	// before it. V0–V3: the block.
	CMASK(13, R24)
	CMASK(12, R23)
	ORR     R23, R24, R24
	CMASK(9, R16)
	CBZ     R16, notabs
	CMN     $1, R10
	BEQ     end

notabs:
	ORR     R16, R24, R24
	ORR     R22, R24, R23
	BIC     R23, R26, R23
	MOVD    skipped-56(SP), R19
	BIC     R19, R23, R23
	AND     R5, R23, R23
	CBNZ    R23, end
	// The emoji (the only four-byte chars the allow-list passes: F0 9F
	// xx yy) at their last bytes, where p[i-3] ≥ 0xF0: a wide one
	// (gnuEmojiWide, bit yy of word xx&63) is a column more, marked there
	// in R17. R20 and R26 are spilled to free them. A block without
	// continuation bytes (every lane a char start: pure ASCII ones) has
	// no emoji's last byte. In an invalid block they are the last bytes
	// of its valid four-byte chars (fourthOK: the allow-list passed them).
	CMN     $1, R21
	BEQ     measure
	MOVD    bound-104(SP), R19 // (bounds: the emoji are two columns already)
	CBNZ    R19, measure
	MOVD    invalidAt-64(SP), R19
	CMP     R19, R4
	BEQ     emojiinvalid
	SUB     $3, R15, R19
	VLD1    (R19), [V8.B16, V9.B16, V10.B16, V11.B16]
	HIGH_EQ(4, V16, V8, V9, V10, V11, R23)

emojifound:
	AND     R5, R23, R23
	CBZ     R23, measure
	MOVD    R20, sepends-8(SP)
	MOVD    R26, ctrls-32(SP)
	MOVD    $·gnuEmojiWide(SB), R26

emojiloop:
	RBIT    R23, R19
	CLZ     R19, R19
	ADD     R15, R19, R19
	MOVBU   -1(R19), R20
	AND     $63, R20, R20
	MOVD    (R26)(R20<<3), R20
	MOVBU   (R19), R19
	LSR     R19, R20, R20
	NEG     R23, R19
	AND     R23, R19, R19
	TBZ     $0, R20, emojinarrow
	ORR     R19, R17, R17

emojinarrow:
	BIC     R19, R23, R23
	CBNZ    R23, emojiloop
	MOVD    sepends-8(SP), R20
	MOVD    ctrls-32(SP), R26
	B       measure

emojiinvalid:
	MOVD    fourthOK-88(SP), R23
	B       emojifound

partial:
	// The last block, partial (or none): only its lanes below n - R4
	// count; R1 moves past it, so that the loop ends after it.
	SUB     R4, R13, R19
	CMP     $0, R19
	BLE     end
	MOVD    $1, R20
	LSL     R19, R20, R20
	SUB     $1, R20, R5
	ADD     $64, R4, R1
	B       block

gnucheck:
	// The block is valid UTF-8 but holds chars the nibble tables reject:
	// each must be one below U+40000 whose code point has its bit in
	// st.bmp (gnuBMP's class bits), else the block is hard (as
	// utf8BlocksAVX2's gnucheck). R21: the second bytes of the rejected
	// chars (the prefix sets' hits, and the hole set's at the third bytes
	// moved back one); a hole hit at lane 0 (its char's second byte is the
	// block's byte -1) is checked first, alone, from base R15-1. R25: the
	// base, R24: the main pass's mask, R19: st.rows, R22 R23 R26: a char's
	// lead and bytes (or code point), the bits' word. R20 is kept in
	// the frame.
	MOVD    utf8StateNEON_rows(R3), R19
	CBZ     R19, end
	MOVD    R20, sepends-8(SP)
	ALLOW_HITS

checkmasks:
	AND     R5, R23, R23
	AND     R5, R24, R24
	ORR     R24>>1, R23, R22
	MOVD    R15, R25
	MOVD    R22, R21
	TBZ     $0, R24, checkstart
	SUB     $1, R15, R25
	MOVD    $1, R21

checkstart:
	MOVD    R22, R24
	CBZ     R21, checkpass

checkloop:
	// Chars of two and three bytes: W = (b0&0x3f)<<6 | b1&0x3f in R22,
	// bit b2 in R23 of st.rows (bmpRows: no branch on their length; for a
	// two-byte char b2 is the byte after it, at most p[R15+64]).
	RBIT    R21, R23
	CLZ     R23, R23
	ADD     R25, R23, R26
	MOVBU   -1(R26), R22
	CMP     $0xf0, R22
	BHS     check4
	MOVBU   (R26), R23
	AND     $0x3f, R22, R22
	AND     $0x3f, R23, R23
	ORR     R22<<6, R23, R22
	MOVBU   1(R26), R23
	MOVD    (R19)(R22<<3), R26
	LSR     R23, R26, R26
	TBZ     $0, R26, checkwidth

checknext:
	SUB     $1, R21, R23
	AND     R23, R21, R21
	CBNZ    R21, checkloop

checkpass:
	CMP     R15, R25
	BEQ     checked
	MOVD    R15, R25
	MOVD    R24, R21
	CBNZ    R21, checkloop

checked:
	VEOR    V18.B16, V18.B16, V18.B16
	MOVD    sepends-8(SP), R20
	B       checkret

boundsets:
	// Measuring bounds: the chars that may be two columns wide (R17),
	// and none of the width sets' rejects (R23, R24 hold the
	// allow-list's, if any).
	BOUND_HITS(0)
	BOUND_HITS(16)
	BOUND_HITS(32)
	BOUND_HITS(48)
	B       widthsmasked

checkret:
	// On after the checks: as a valid block (classes), or (checkBad) as
	// the invalid one they were made for (invalidchecked).
	MOVD    checkBad-96(SP), R19
	CBZ     R19, classes
	MOVD    ZR, checkBad-96(SP)
	B       invalidchecked

check4:
	// A lead F0 (U+10000–3FFFF; its fourth byte is at most p[R15+65],
	// readable), else the block is hard: its code point cp in R22, cp's
	// word in st.bmp in R23.
	BNE     end
	MOVBU   (R26), R22
	AND     $0x3f, R22, R22
	MOVBU   1(R26), R23
	AND     $0x3f, R23, R23
	ORR     R22<<6, R23, R22
	MOVBU   2(R26), R23
	AND     $0x3f, R23, R23
	ORR     R22<<6, R23, R22
	LSR     $6, R22, R23
	MOVD    utf8StateNEON_bmp(R3), R26
	MOVD    (R26)(R23<<3), R26
	LSR     R22, R26, R26
	TBNZ    $0, R26, checknext
	WIDTH_BITS(utf8StateNEON_zero, utf8StateNEON_wider, R23, R22)

checkwidth:
	// Not in st.rows: measuring widths, a char a column narrower or
	// wider than the nibble tables make it is marked where R21's lowest
	// bit is (its second byte), else the block is hard. R22: W, R23: b2.
	WIDTH_BITS(utf8StateNEON_rowsZero, utf8StateNEON_rowsWider, R22, R23)

checkwider:
	NEG     R21, R23
	AND     R21, R23, R23
	ORR     R23, R17, R17
	B       checknext

checkzero:
	NEG     R21, R23
	AND     R21, R23, R23
	MOVD    zeroMask-40(SP), R26
	ORR     R23, R26, R26
	MOVD    R26, zeroMask-40(SP)
	B       checknext

end:
	// R4: n, or the index of the block that is not valid.
	CMP     R13, R4
	CSEL    HI, R13, R4, R4
	MOVD    R6, utf8StateNEON_lines(R3)
	MOVD    R7, utf8StateNEON_words(R3)
	MOVD    R8, utf8StateNEON_chars(R3)
	MOVD    R9, utf8StateNEON_carry(R3)
	MOVD    R4, utf8StateNEON_n(R3)
	MOVD    R10, utf8StateNEON_head(R3)
	MOVD    R11, utf8StateNEON_max(R3)
	MOVD    R12, utf8StateNEON_lineStart(R3)
	MOVD    colBias-16(SP), R19
	MOVD    R19, utf8StateNEON_extra(R3)
	MOVD    badTail-48(SP), R19
	MOVD    R19, utf8StateNEON_badTail(R3)
	RET

// LEADS16(off): for the 16 bytes b at R15+off, the leads whose sequence
// may be valid as 16-bit masks OR-ed in at bit off: two-byte ones (C0–DF)
// into R24, three- and four-byte ones (E0–FF) into R25, each only where
// the byte after it passes Keiser & Lemire's range checks for that lead
// (the three lookups on b and b+1, their overlong, surrogate and
// too-large classes: V0 0x7C), which also rules out C0, C1 and F5–FF
// before a continuation (before anything else the continuation check
// does); and the four-byte ones (F0–FF) into R26. V1: 6; V4–V12
// scratch, R19 scratch.
#define LEADS16(off) \
	ADD     $(off), R15, R19; \
	VLD1    (R19), [V4.B16]; \
	ADD     $1, R19, R19; \
	VLD1    (R19), [V5.B16]; \
	VUSHR   $4, V4.B16, V6.B16; \
	VTBL    V6.B16, [V25.B16], V7.B16; \
	VAND    V31.B16, V4.B16, V8.B16; \
	VTBL    V8.B16, [V26.B16], V8.B16; \
	VAND    V8.B16, V7.B16, V7.B16; \
	VUSHR   $4, V5.B16, V8.B16; \
	VTBL    V8.B16, [V27.B16], V8.B16; \
	VAND    V8.B16, V7.B16, V7.B16; \
	VAND    V0.B16, V7.B16, V7.B16; \
	VCMEQ   V30.B16, V7.B16, V7.B16; \
	VUSHR   $5, V4.B16, V8.B16; \
	VCMEQ   V1.B16, V8.B16, V9.B16; \
	VAND    V7.B16, V9.B16, V9.B16; \
	FOLD16(V9, R19); \
	ORR     R19<<(off), R24, R24; \
	VCMEQ   V17.B16, V8.B16, V9.B16; \
	VAND    V7.B16, V9.B16, V9.B16; \
	FOLD16(V9, R19); \
	ORR     R19<<(off), R25, R25; \
	VCMEQ   V16.B16, V6.B16, V9.B16; \
	FOLD16(V9, R19); \
	ORR     R19<<(off), R26, R26

invalid:
	// The block is not valid UTF-8 (or the block before left an invalid
	// lead in its last lanes, badTail), counted as utf8BlocksAVX2's
	// invalid path does: in the utf8 dialect every byte that does not
	// start a valid sequence is a char of its own, a word char (Go's
	// decoder); in the gnu ones a byte glibc skips, no char and
	// transparent. The char starts (as Go's decoder has them) are the
	// bytes no valid sequence covers; a sequence still open at lane 63
	// counts as valid, and the next block corrects it when it turns out
	// cut short; everything else is as for a valid block (the separators
	// are whole sequences, a char's lanes before its last transparent).
	// The gnu dialects: the chars outside the allow-list (GNU_CHUNK,
	// which the bytes around an invalid one may also trip) and, measuring
	// widths, those the width tables reject are looked up as in a valid
	// block (gnucheck, widthcheck; checkBad brings them back here, to
	// invalidchecked): a mark where no valid char has its second byte
	// needs nothing, but may make the block hard (a clear bit, or a lead
	// F1 up: a lead F4–FD with a continuation after it, which glibc may
	// take as a char above U+10FFFF, is hard); the wide marks into
	// wideInv.
	MOVBU   utf8Tables_badSkip(R2), R19
	CBZ     R19, invalidgo
	VEOR    V18.B16, V18.B16, V18.B16
	GNU_BLOCK
	MOVD    $1, R19
	MOVD    R19, checkBad-96(SP)
	CBNZ    R22, gnurejects
	MOVD    widths-24(SP), R19
	CBZ     R19, invalidnocheck
	MOVD    $0, R23
	MOVD    $0, R24
	B       widthsets

invalidnocheck:
	MOVD    ZR, checkBad-96(SP)

invalidchecked:
	// (From checkret too: the chars the tables reject passed gnucheck or
	// widthcheck; zeroMask and R17 hold their marks, which count only
	// where a valid char has its second byte: see tail.)
	MOVD    widths-24(SP), R19
	CBZ     R19, invalidgo
	AND     R5, R17, R17
	MOVD    R17, wideInv-72(SP)

invalidgo:
	VEOR    V18.B16, V18.B16, V18.B16
	MOVD    R20, sepends-8(SP)
	MOVD    R4, invalidAt-64(SP)
	MOVD    ZR, secondOK-80(SP)
	MOVD    ZR, fourthOK-88(SP)
	// N (R21): the bytes that are not continuations; H (R22): those at
	// 0x80 or above.
	VLD1    (R15), [V0.B16, V1.B16, V2.B16, V3.B16]
	HIGH_EQ(6, V15, V0, V1, V2, V3, R21)
	MVN     R21, R21
	VCMTST  V13.B16, V0.B16, V4.B16
	VCMTST  V13.B16, V1.B16, V5.B16
	VCMTST  V13.B16, V2.B16, V6.B16
	VCMTST  V13.B16, V3.B16, V7.B16
	MASK(V4, V5, V6, V7, R22)
	// First the sequence that reaches into the block from its lead
	// p[R15-3+j] (j = 0..2, R19: the last byte before the block that is
	// not a continuation), which needs `need` (R26) continuation bytes in
	// the block: whole and valid, it covers lanes 0..need-1 (R23); cut
	// short, its 2-j continuation bytes before the block are chars (gnu:
	// its lead is none). The range check of its second byte (R24), where
	// that is before the block, was that block's (a bad one made it count
	// the lead as invalid there). R25: the lead.
	MOVD    $0, R23
	MOVWU   -3(R15), R24
	MVN     R24, R25
	ORR     R24<<1, R25, R25
	MOVD    $0x808080, R19
	AND     R19, R25, R25
	CBZ     R25, straddled
	CLZ     R25, R19
	MOVD    $56, R26
	SUB     R19, R26, R19
	LSR     R19, R24, R24
	AND     $0xff, R24, R25
	UBFX    $8, R24, $8, R24
	LSR     $3, R19, R19
	CMP     $0xc2, R25
	BLO     badlead
	CMP     $0xf5, R25
	BHS     badlead
	SUB     $1, R19, R26
	CMP     $0xe0, R25
	CINC    HS, R26, R26
	CMP     $0xf0, R25
	CINC    HS, R26, R26
	CMP     $0, R26
	BLE     straddled
	// The second byte in range for the lead.
	CMP     $0xe0, R25
	BEQ     pairE0
	CMP     $0xed, R25
	BEQ     pairED
	CMP     $0xf0, R25
	BEQ     pairF0
	CMP     $0xf4, R25
	BNE     pairok
	CMP     $0x90, R24
	BHS     pairbad
	B       pairok

pairE0:
	CMP     $0xa0, R24
	BLO     pairbad
	B       pairok

pairED:
	CMP     $0xa0, R24
	BHS     pairbad
	B       pairok

pairF0:
	CMP     $0x90, R24
	BHS     pairok
	B       pairbad

badlead:
	// Not a valid lead: at -1 (j = 2) one of C0, C1, F5–FF was counted as
	// a lead there (its next byte unchecked): cut short.
	CMP     $0xc0, R25
	BLO     straddled

pairbad:
	// Out of range: a lead before the block (j < 2) was counted as
	// invalid there; the lead at -1 was counted as a char, its range
	// unchecked (j = 2): cut short.
	CMP     $2, R19
	BNE     straddled
	B       cutshort

pairok:
	// Enough continuation bytes before the block's first char start?
	RBIT    R21, R24
	CLZ     R24, R24
	CMP     R26, R24
	BLO     cutshort
	MOVD    $1, R23
	LSL     R26, R23, R23
	SUB     $1, R23, R23
	// Where its wide marks may be (measuring widths): its second byte at
	// lane 0 (its lead at -1, j = 2), its last at lane need-1 (F0–F4).
	CMP     $2, R19
	BNE     pairlast
	MOVD    $1, R24
	MOVD    R24, secondOK-80(SP)

pairlast:
	CMP     $0xf0, R25
	BLO     straddled
	LSR     $1, R23, R24
	EOR     R23, R24, R24
	MOVD    R24, fourthOK-88(SP)
	B       straddled

cutshort:
	MOVBU   utf8Tables_badSkip(R2), R24
	CBNZ    R24, cutgnu
	ADD     $2, R8, R8
	SUB     R19, R8, R8
	B       straddled

cutgnu:
	// Its lead was one char (and, j = 2, one column: its marks would be
	// in this block). Measuring widths with its second byte before the
	// block (j < 2), which may have marked it wider there, the block is
	// hard.
	MOVD    widths-24(SP), R24
	CBZ     R24, cutlead
	CMP     $2, R19
	BNE     end

cutlead:
	SUB     $1, R8, R8

straddled:
	MOVBU   utf8Tables_badSkip(R2), R24
	CBZ     R24, leads
	// The gnu dialects: lane 0 a continuation that no sequence takes (a
	// skipped byte) after a char complete at lane -1, which the block
	// before did not classify there (its next byte, a continuation, did
	// not start a char); a word char there starts a word now (a separator
	// was one there already). R24: bytes -4..-1, R25 byte -1. (A lane 0
	// that the sequence from before covers needs no test of its own: that
	// sequence is no char complete at -1.)
	TBNZ    $0, R21, leads
	MOVWU   -4(R15), R24
	LSR     $24, R24, R25
	CMP     $0x80, R25
	BHS     missedmulti
	CMP     $0x21, R25
	BLO     leads
	CMP     $0x7f, R25
	BHS     leads
	B       missedword

missedmulti:
	// A multi-byte char p[-4+j:0] (j = 0..2 in R19: its lead R25, the
	// last byte before lane 0 that is not a continuation), as long as its
	// lead announces, valid (no surrogate, which gnuNibbles admit, ED
	// A0–BF; no overlong form, E0 80–9F or F0 80–8F, which gnucheck may
	// pass in an invalid block; the too-large ones, F4 90 up, made the
	// block before hard: gnucheck passes no lead but F0): a word char
	// unless t's separator tables (lead, n1, n2 at its first three bytes,
	// R25 R26 R24; n2 every byte for a two-byte one) hold it.
	CMP     $0xc0, R25
	BHS     leads
	MVN     R24, R25
	ORR     R24<<1, R25, R25
	MOVD    $0x808080, R19
	AND     R19, R25, R25
	CBZ     R25, leads
	CLZ     R25, R19
	MOVD    $56, R26
	SUB     R19, R26, R19
	LSR     R19, R24, R24
	LSR     $3, R19, R19
	AND     $0xff, R24, R25
	CMP     $0xc2, R25
	BLO     leads
	CMP     $0xf5, R25
	BHS     leads
	ADD     $2, R19, R19
	CMP     $0xe0, R25
	CINC    HS, R19, R19
	CMP     $0xf0, R25
	CINC    HS, R19, R19
	CMP     $4, R19
	BNE     leads
	UBFX    $8, R24, $8, R26
	CMP     $0xed, R25
	BEQ     missedED
	CMP     $0xe0, R25
	BEQ     missedE0
	CMP     $0xf0, R25
	BNE     missedok
	CMP     $0x90, R26
	BLO     leads
	B       missedok

missedE0:
	CMP     $0xa0, R26
	BLO     leads
	B       missedok

missedED:
	CMP     $0xa0, R26
	BHS     leads

missedok:
	AND     $0x7f, R25, R25
	ADD     $utf8Tables_lead, R2, R19
	MOVBU   (R19)(R25), R25
	AND     $0x7f, R26, R26
	ADD     $utf8Tables_n1, R2, R19
	MOVBU   (R19)(R26), R26
	AND     R26, R25, R25
	UBFX    $16, R24, $7, R26
	ADD     $utf8Tables_n2, R2, R19
	MOVBU   (R19)(R26), R26
	AND     R26, R25, R25
	CBNZ    R25, leads

missedword:
	TBNZ    $63, R9, missedin
	ADD     $1, R7, R7

missedin:
	ORR     $(1<<63), R9, R9

leads:
	// Then the leads of the block (LEADS16): R24 two-byte, R25 three-
	// and four-byte (both range-checked), R26 four-byte.
	MOVD    $0x7c, R19
	VMOV    R19, V0.B16
	MOVD    $6, R19
	VMOV    R19, V1.B16
	MOVD    $0, R24
	MOVD    $0, R25
	MOVD    $0, R26
	LEADS16(0)
	LEADS16(16)
	LEADS16(32)
	LEADS16(48)
	// The valid sequences, at their leads (a lane past 63 counts as a
	// continuation, N>>k shifting in zeros: one open at lane 63 counts as
	// valid, the next block corrects that): two bytes R24 = l2 &^ N>>1;
	// three and four R25 = l34 &^ (N>>1 | N>>2), less the four-byte ones
	// whose fourth byte is not a continuation (N>>3); four R26; all
	// R17.
	LSR     $1, R21, R19
	BIC     R19, R24, R24
	BIC     R19, R25, R25
	LSR     $2, R21, R19
	BIC     R19, R25, R25
	LSR     $3, R21, R19
	AND     R26, R19, R19
	BIC     R19, R25, R25
	AND     R25, R26, R26
	ORR     R25, R24, R17
	// The covered lanes (R19): the second bytes of all of them, the third
	// of the three- and four-byte ones, the fourth of the four-byte ones,
	// and those of the sequence from before the block. Every other byte
	// starts a char.
	LSL     $1, R17, R19
	ORR     R25<<2, R19, R19
	ORR     R26<<3, R19, R19
	ORR     R23, R19, R19
	// The gnu dialects: a lead at lane 63 whatever its next byte (the
	// next block checks it), and C0, C1, F5–FF there too, is a char, as a
	// valid block counts it.
	MOVBU   utf8Tables_badSkip(R2), R24
	CBZ     R24, tail
	MOVBU   63(R15), R24
	CMP     $0xc0, R24
	BLO     tail
	ORR     $(1<<63), R17, R17

tail:
	// R24: the ASCII bytes (N, not H). badTail: lanes 61..63 hold a lead
	// (N and H) that starts no valid sequence (as utf8BlocksAVX2's): the
	// next block takes this path too.
	BIC     R22, R21, R24
	AND     R22, R21, R22
	BIC     R17, R22, R22
	LSR     $61, R22, R22
	MOVD    R22, badTail-48(SP)
	// On as for a valid block, with the covered lanes as its
	// continuations; the gnu dialects: the char starts that are neither
	// ASCII nor valid leads are skipped bytes (the skipped slot):
	// transparent, no char, no column. Measuring widths: the wide marks
	// (R17) where a valid sequence has its second byte, the emoji where a
	// valid four-byte one has its last (fourthOK).
	MOVBU   utf8Tables_badSkip(R2), R22
	CBZ     R22, invalidtail
	ORR     R17, R24, R24
	ORR     R19, R24, R22
	MVN     R22, R22
	MOVD    R22, skipped-56(SP)
	MOVD    widths-24(SP), R22
	CBZ     R22, invalidtail
	MOVD    secondOK-80(SP), R22
	ORR     R17<<1, R22, R22
	// (and lane 0 where the sequence from before the block is whole and
	// valid, R23: a hole's mark at its third byte is there)
	AND     $1, R23, R24
	ORR     R24, R22, R22
	MOVD    wideInv-72(SP), R24
	AND     R24, R22, R17
	MOVD    zeroMask-40(SP), R24
	AND     R24, R22, R24
	MOVD    R24, zeroMask-40(SP)
	MOVD    fourthOK-88(SP), R22
	ORR     R26<<3, R22, R22
	MOVD    R22, fourthOK-88(SP)
	B       invalidon

invalidtail:
	MOVD    $0, R17

invalidon:
	MOVD    R19, R21
	MOVD    sepends-8(SP), R20
	VLD1    (R15), [V0.B16, V1.B16, V2.B16, V3.B16]
	B       ascii
