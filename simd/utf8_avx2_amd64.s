//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// func utf8BlocksAVX2(p *byte, n int, t *utf8Tables, lineMask uint64, st *utf8State)
//
// The AVX2 twin of utf8WordsAVX512 (utf8_avx512_amd64.s): lines, words,
// chars and (lineMask -1) line lengths in chars of p[:n], 64 bytes per
// block, added to *st; in the gnu dialects (t.badSkip) up to the first
// block that holds a char outside the allow-list or, measuring widths,
// one it cannot measure (st.n = its index, else n). It counts invalid
// blocks too (invalid: in the utf8 dialect every byte Go's decoder
// rejects is a char, a word char; in the gnu ones a byte glibc skips, no
// char, transparent and no column; st.badTail carries what the next
// block must know). AVX2 has no byte-masked
// loads, so the caller (utf8WordsAVX2) makes every read safe: p[-4:0] and
// the byte after the last block are readable,
// and when n is not a multiple of 64 the bytes from p[n] on are zero
// (ASCII after a complete char: no error, and masked out of every count).
// Needs AVX2, POPCNT, BMI1, BMI2.
//
// Per 32-byte half b, with b-1, b-2, b-3 unaligned loads (so
// nothing is carried between blocks in vector registers):
//	- validation, Keiser & Lemire: the three nibble lookups on b-1 and b,
//	  XOR the "must be 2nd/3rd continuation" bytes from b-2, b-3; any
//	  nonzero byte is an error (OR-ed into Y5 for the block);
//	- gnu: the allow-list, gnuNibbles' fourteen lookups on b-1, b, b+1
//	  (GNU_ALLOW: a char outside it marked at its second byte), tested
//	  apart from the errors (a block valid but for those goes to
//	  gnucheck);
//	- char starts: b > 0xBF as signed bytes (everything but 0x80..0xBF);
//	- separators: the six ASCII ones (spaceLUT), and the last byte of a
//	  multi-byte one where the six nibble lookups of b-2, b-1, b in
//	  t.sepEnd share a bit (the nibbles of b and b-1 are the validation's);
//	- each char is classified at its last byte and the bytes before it
//	  are transparent, so the word rule is WORDS_GNUC_R with S as found
//	  and W = char ends &^ S (a char ends before the next char start);
//	  gnu: &^ the ASCII controls (transparent).
// A block of pure ASCII with no sequence open before it (b-3 included)
// takes the ascii rule (WORDS_ASCII_R; gnu: WORDS_GNUC_R with the
// controls transparent) without any of that. The blocks after it loop
// in a path of their dialect (asciiutf8, gnuasciilwm, gnuasciiwide)
// while they are pure ASCII (ASCII_NEXT: nothing can be open before
// them), the gnu ones with the ascii rule too when they hold no control
// (measuring widths: no tab, '\r', '\f' or '\v' either). Those loops
// keep what they carry in registers as the byte kernels do: not
// measuring lines, the line ends counted on the vectors (LWM_RUN, Y5);
// measuring them, once max is 62 or more, the line in progress and max
// (MAXLINE_R, R11 and R14), back to the frame on the way out. A block
// there that holds a few multi-byte chars, whole and valid, of two or three
// bytes, admitted by gnuBMP, none a separator, has them checked one at
// a time in the gnu dialects (gnusparse, and gnusparsewide measuring gnu
// widths: chars of one column, no control or tab) and loops on
// likewise. The utf8 dialect's other blocks take slowutf8 (the path
// below without the gnu branches: there, one at a time was slower, its
// branches mispredicted in mixed text), and after a block of text that
// is not ASCII (at most 48 chars) the next skips the pure-ASCII test.
//
//	DI: p, CX: end of the whole blocks (then of the partial one), R15:
//	index of the block, BX: lanes of the block in p
//	R8: lines, R10: words, R9: word carry (top bit: in a word), SI: chars
//	R11: char starts, R14: separators; AX DX R12 R13: scratch (in the
//	ASCII loops R11 and R14 hold their own, see above)
//	Y15: spaceLUT, Y14..Y12: validation tables, Y11..Y6: t.sepEnd (all
//	the VPSHUFB tables stay in registers; the other constants are memory
//	operands; gnuNibbles are read from memory, with Y15 as scratch and
//	reloaded after, and Y14 holding GNU_CHECKS' first half, reloaded
//	after too), Y5: errors (zero between blocks; in LWM_RUN the line
//	counters), Y0..Y4: scratch
//	frame: n, lineMask, gnu (t.badSkip), widths (gnu and lineMask), head
//	(-1 until the first line end), max, lineStart (columns before the line
//	in progress), as in utf8WordsAVX512; colBias (columns beyond one per
//	char so far: the wide chars less the zero-width ones), wideMask (the
//	block's wide chars), the two halves' wide vectors, spill slots (the
//	emoji loop, gnucheck; spill0: SPARSE_CHARS), bmp, bmpZero, bmpExtra (st's gnuBMP bits),
//	rows, rowsZero, rowsExtra (the same as bmpRows), sparseRows (the
//	few-chars paths', makeSparseRows),
//	zeroMask and extraMask (the block's chars gnucheck corrects by a
//	column less or more); secondOK and fourthOK (^0, but in an
//	invalid block measuring widths: the lanes where a valid sequence
//	has its second byte, or a valid four-byte one its last: where the
//	wide marks may be), widthEnds and gnuW (that
//	block's other line ends, and its word chars), checkBad (gnucheck is
//	checking an invalid block), bound (st.bound: widths are bounds)
//
// Columns are chars (utf8) or, in the gnu dialects, chars plus one per
// wide char: GNU_WIDTH finds the three-byte ones (at their second byte),
// a scalar loop over the block's emoji (F0 9F xx yy, rare) reads their
// width from gnuEmojiWide (at their last byte); gnucheck, for the chars
// the nibble tables reject, reads gnuBMP and marks at their second byte
// those a column wider (into wideMask) or narrower (zeroMask, counted
// out). A block's line ends are measured one at a time (a loop), but in
// the paths whose chars are one column each (pure ASCII, slowutf8, the
// gnu widths' ASCII and few-chars blocks) without a branch once max is
// 62 or more (LINES_BF): text with a line end every block or so would
// else mispredict most of them.
//
// Measuring bounds (st.bound, in the frame bound: utf8BoundsAVX2) the
// gnu columns are upper bounds instead: one per char and one more per
// char that gnuBoundNibbles hold (BOUND_WIDE, at its second byte: every
// char glibc makes wide, emoji included, and a few it does not), with
// none of GNU_WIDTH's lookups, no emoji loop, and gnucheck reading
// gnuBMP's class bits only (st.bmp as without widths); the other counts
// are exact. The few-chars paths still take chars of one column only.
//
// The chars the nibble tables reject (gnu dialects) do not make the
// block hard at once: gnucheck looks each one up in st.bmp (one bit per
// code point below U+40000; those of two and three bytes in st.rows, the
// same bits indexed by the char's bytes, so that the loop does not branch
// on their length), a scalar loop that only blocks holding such chars
// take.
//
// Loop invariant: st's counts plus R8, R10, SI are those of p[:R15].

DATA utf8SpaceLUT2<>+0(SB)/8, $0xffffffffffffff20
DATA utf8SpaceLUT2<>+8(SB)/8, $0xffff0d0c0b0a09ff
GLOBL utf8SpaceLUT2<>(SB), RODATA|NOPTR, $16

// CONST32(name, q): a 32-byte constant, the quadword q four times.
#define CONST32(name, q) \
	DATA name<>+0(SB)/8, q; \
	DATA name<>+8(SB)/8, q; \
	DATA name<>+16(SB)/8, q; \
	DATA name<>+24(SB)/8, q; \
	GLOBL name<>(SB), RODATA|NOPTR, $32

CONST32(utf8C60, $0x6060606060606060)
CONST32(utf8C70, $0x7070707070707070)
CONST32(utf8C80, $0x8080808080808080)
CONST32(utf8C0F, $0x0f0f0f0f0f0f0f0f)
CONST32(utf8C7F, $0x7f7f7f7f7f7f7f7f)
CONST32(utf8CBF, $0xbfbfbfbfbfbfbfbf)
CONST32(utf8CNL, $0x0a0a0a0a0a0a0a0a)
CONST32(utf8C1F, $0x1f1f1f1f1f1f1f1f)
CONST32(utf8CCR, $0x0d0d0d0d0d0d0d0d)
CONST32(utf8CFF, $0x0c0c0c0c0c0c0c0c)
CONST32(utf8CTAB, $0x0909090909090909)
CONST32(utf8CF0, $0xf0f0f0f0f0f0f0f0)
CONST32(utf8CC1, $0xc1c1c1c1c1c1c1c1)
CONST32(utf8CDF, $0xdfdfdfdfdfdfdfdf)
CONST32(utf8CEF, $0xefefefefefefefef)
CONST32(utf8CF4, $0xf4f4f4f4f4f4f4f4)
CONST32(utf8C7C, $0x7c7c7c7c7c7c7c7c)
CONST32(utf8C01, $0x0101010101010101)
CONST32(utf8C20, $0x2020202020202020)
CONST32(utf8C21, $0x2121212121212121)
CONST32(utf8CAll, $-1)

#include "words_amd64.h"

// NIBBLE_AND(x, tab, acc, tmp): acc &= VPSHUFB(tab, x) (x a nibble vector).
#define NIBBLE_AND(x, tab, acc, tmp) \
	VPSHUFB x, tab, tmp; \
	VPAND   tmp, acc, acc

// HALF(off, cs, nl, sep): the 32 bytes b at p[R15+off]: errors into Y5,
// char starts, '\n's and separators (ASCII ones, and the last bytes of
// multi-byte ones) as 32-bit masks in the three registers. Each nibble
// of b and b-1 is taken once and serves both the validation and the
// separator lookups. Y0 gathers the separator bits, Y1 the error classes;
// Y2..Y4 scratch.
#define HALF(off, cs, nl, sep) \
	VMOVDQU   off(DI)(R15*1), Y0; \
	VPCMPGTB  utf8CBF<>(SB), Y0, Y1; \
	VPMOVMSKB Y1, cs; \
	VPCMPEQB  utf8CNL<>(SB), Y0, Y1; \
	VPMOVMSKB Y1, nl; \
	VPSRLW    $4, Y0, Y1; \
	VPAND     utf8C0F<>(SB), Y1, Y1; \
	VPAND     utf8C0F<>(SB), Y0, Y0; \
	VPSHUFB   Y0, Y7, Y0; \
	NIBBLE_AND(Y1, Y6, Y0, Y2); \
	VPSHUFB   Y1, Y12, Y1; \
	VMOVDQU   (off-1)(DI)(R15*1), Y2; \
	VPSRLW    $4, Y2, Y3; \
	VPAND     utf8C0F<>(SB), Y3, Y3; \
	VPAND     utf8C0F<>(SB), Y2, Y2; \
	NIBBLE_AND(Y3, Y14, Y1, Y4); \
	NIBBLE_AND(Y3, Y8, Y0, Y3); \
	NIBBLE_AND(Y2, Y13, Y1, Y4); \
	NIBBLE_AND(Y2, Y9, Y0, Y2); \
	VMOVDQU   (off-2)(DI)(R15*1), Y2; \
	VPSUBUSB  utf8C60<>(SB), Y2, Y4; \
	VPSRLW    $4, Y2, Y3; \
	VPAND     utf8C0F<>(SB), Y3, Y3; \
	NIBBLE_AND(Y3, Y10, Y0, Y3); \
	VPAND     utf8C0F<>(SB), Y2, Y2; \
	NIBBLE_AND(Y2, Y11, Y0, Y2); \
	VMOVDQU   (off-3)(DI)(R15*1), Y2; \
	VPSUBUSB  utf8C70<>(SB), Y2, Y2; \
	VPOR      Y2, Y4, Y4; \
	VPAND     utf8C80<>(SB), Y4, Y4; \
	VPXOR     Y4, Y1, Y1; \
	VPOR      Y1, Y5, Y5; \
	VPADDUSB  utf8C7F<>(SB), Y0, Y0; \
	VMOVDQU   off(DI)(R15*1), Y1; \
	VPSHUFB   Y1, Y15, Y2; \
	VPCMPEQB  Y2, Y1, Y2; \
	VPOR      Y2, Y0, Y0; \
	VPMOVMSKB Y0, sep

// LEADS(off, l2, l34, a4): for the 32 bytes b at p[R15+off], 32-bit
// masks of the leads whose sequence may be valid: l2 the two-byte ones
// (C2–DF), l34 the three- and four-byte ones (E0–F4), each only where the
// byte after it passes Keiser & Lemire's range checks for that lead (the
// three lookups on b and b+1, their overlong, surrogate and too-large
// classes: 0x7C); a4 the four-byte leads (F0–F4). The compares are
// signed, so ASCII passes all four and drops out of the differences.
// Y0..Y4 scratch.
#define LEADS(off, l2, l34, a4) \
	VMOVDQU   off(DI)(R15*1), Y0; \
	VPCMPGTB  utf8CC1<>(SB), Y0, Y1; \
	VPCMPGTB  utf8CDF<>(SB), Y0, Y2; \
	VPCMPGTB  utf8CEF<>(SB), Y0, Y3; \
	VPCMPGTB  utf8CF4<>(SB), Y0, Y4; \
	VPANDN    Y1, Y2, Y1; \
	VPANDN    Y2, Y4, Y2; \
	VPANDN    Y3, Y4, Y3; \
	VPMOVMSKB Y3, a4; \
	VPSRLW    $4, Y0, Y4; \
	VPAND     utf8C0F<>(SB), Y4, Y4; \
	VPSHUFB   Y4, Y14, Y4; \
	VPAND     utf8C0F<>(SB), Y0, Y0; \
	NIBBLE_AND(Y0, Y13, Y4, Y0); \
	VMOVDQU   (off+1)(DI)(R15*1), Y0; \
	VPSRLW    $4, Y0, Y0; \
	VPAND     utf8C0F<>(SB), Y0, Y0; \
	NIBBLE_AND(Y0, Y12, Y4, Y0); \
	VPAND     utf8C7C<>(SB), Y4, Y4; \
	VPADDUSB  utf8C7F<>(SB), Y4, Y4; \
	VPANDN    Y1, Y4, Y1; \
	VPANDN    Y2, Y4, Y2; \
	VPMOVMSKB Y1, l2; \
	VPMOVMSKB Y2, l34

// MERGE_HALVES: the masks of the two HALFs into 64 bits: char starts
// R11, '\n's DX, separators R14 (the second half's R12, R13, AX).
#define MERGE_HALVES \
	SHLQ $32, R12; \
	ORQ  R12, R11; \
	SHLQ $32, R13; \
	ORQ  R13, DX; \
	SHLQ $32, AX; \
	ORQ  AX, R14

// LUT(tab, idx, dst): dst = VPSHUFB of the 16-byte table tab (memory) by
// the nibbles idx.
#define LUT(tab, idx, dst) \
	VBROADCASTI128 tab, dst; \
	VPSHUFB        idx, dst, dst

// LUT_AND(tab, idx, acc): acc &= LUT(tab, idx), through Y15.
#define LUT_AND(tab, idx, acc) \
	LUT(tab, idx, Y15); \
	VPAND Y15, acc, acc

// NIBBLES(src, hi, lo): the high and low nibbles of the 32 bytes at src.
#define NIBBLES(src, hi, lo) \
	VMOVDQU src, lo; \
	VPSRLW  $4, lo, hi; \
	VPAND   utf8C0F<>(SB), hi, hi; \
	VPAND   utf8C0F<>(SB), lo, lo

// PREFIX_SET(t0, t1, t2, t3): one prefix set of nibble tables (see
// gnuNibbles, utf8_gnu_nibbles.go) on the nibbles of b (Y1 high, Y0 low)
// and b-1 (Y3, Y2): a byte where the four lookups share a bit is OR-ed
// into Y5. Y4, Y15 scratch.
#define PREFIX_SET(t0, t1, t2, t3) \
	LUT(t0, Y3, Y4); \
	LUT_AND(t1, Y2, Y4); \
	LUT_AND(t2, Y1, Y4); \
	LUT_AND(t3, Y0, Y4); \
	VPOR Y4, Y5, Y5

// HOLE_SET(off, t0, ..., t5): the hole set likewise, but at a char's
// second byte too (as the prefix sets, so that one mask of the block's
// lanes holds every char either rejects): the lead tables (t4, t5) on
// b-1, the second byte's (t0, t1) on b, and the third byte's (t2, t3) on
// b+1 (loaded into Y1, Y0 over b's nibbles; at most p[R15+64], readable).
#define HOLE_SET(off, t0, t1, t2, t3, t4, t5) \
	LUT(t4, Y3, Y4); \
	LUT_AND(t5, Y2, Y4); \
	LUT_AND(t0, Y1, Y4); \
	LUT_AND(t1, Y0, Y4); \
	NIBBLES((off+1)(DI)(R15*1), Y1, Y0); \
	LUT_AND(t2, Y1, Y4); \
	LUT_AND(t3, Y0, Y4); \
	VPOR Y4, Y5, Y5

// HITS(dst): the 32-bit mask of the nonzero bytes of Y5, which is zeroed.
// Y4 scratch.
#define HITS(dst) \
	VPXOR     Y4, Y4, Y4; \
	VPCMPEQB  Y4, Y5, Y4; \
	VPMOVMSKB Y4, dst; \
	NOTL      dst; \
	VPXOR     Y5, Y5, Y5

// GNU_ALLOW(off): the gnu allow-list (gnuNibbles) at the 32 bytes b at
// p[R15+off]: a char outside it is OR-ed into Y5. Y0..Y4, Y15 scratch
// (the caller reloads Y15).
#define GNU_ALLOW(off) \
	NIBBLES(off(DI)(R15*1), Y1, Y0); \
	NIBBLES((off-1)(DI)(R15*1), Y3, Y2); \
	PREFIX_SET(·gnuNibbles+0(SB), ·gnuNibbles+16(SB), ·gnuNibbles+32(SB), ·gnuNibbles+48(SB)); \
	PREFIX_SET(·gnuNibbles+64(SB), ·gnuNibbles+80(SB), ·gnuNibbles+96(SB), ·gnuNibbles+112(SB)); \
	HOLE_SET(off, ·gnuNibbles+128(SB), ·gnuNibbles+144(SB), ·gnuNibbles+160(SB), ·gnuNibbles+176(SB), ·gnuNibbles+192(SB), ·gnuNibbles+208(SB))

// WIDE_SET(t0, t1, t2, t3, wide): a prefix set of nibble tables on the
// nibbles of b (Y1 high, Y0 low) and b-1 (Y3, Y2) as a byte vector, high
// bit set where its four lookups share a bit, stored at wide in the
// frame. Y4, Y15 scratch.
#define WIDE_SET(t0, t1, t2, t3, wide) \
	LUT(t0, Y3, Y4); \
	LUT_AND(t1, Y2, Y4); \
	LUT_AND(t2, Y1, Y4); \
	LUT_AND(t3, Y0, Y4); \
	VPADDUSB utf8C7F<>(SB), Y4, Y4; \
	VMOVDQU Y4, wide

// GNU_WIDTH(off, wide): likewise a char whose width the block routine
// cannot measure (gnuWidthNibbles' first prefix set and holes); and the
// chars two columns wide (its second prefix set, at their second byte) as
// a byte vector (high bit set) stored at wide in the frame.
#define GNU_WIDTH(off, wide) \
	NIBBLES(off(DI)(R15*1), Y1, Y0); \
	NIBBLES((off-1)(DI)(R15*1), Y3, Y2); \
	PREFIX_SET(·gnuWidthNibbles+0(SB), ·gnuWidthNibbles+16(SB), ·gnuWidthNibbles+32(SB), ·gnuWidthNibbles+48(SB)); \
	WIDE_SET(·gnuWidthNibbles+64(SB), ·gnuWidthNibbles+80(SB), ·gnuWidthNibbles+96(SB), ·gnuWidthNibbles+112(SB), wide); \
	HOLE_SET(off, ·gnuWidthNibbles+128(SB), ·gnuWidthNibbles+144(SB), ·gnuWidthNibbles+160(SB), ·gnuWidthNibbles+176(SB), ·gnuWidthNibbles+192(SB), ·gnuWidthNibbles+208(SB))

// BOUND_WIDE(off, wide): measuring bounds (bound), the chars that may be
// two columns wide (gnuBoundNibbles: a superset of those glibc makes
// wide, by their first two bytes) as a byte vector (high bit set, at
// their second byte) stored at wide in the frame: every char counts one
// column and those two, at least what glibc says (TestGNUBoundNibbles),
// with none of GNU_WIDTH's other sets. Y0..Y4, Y15 scratch.
#define BOUND_WIDE(off, wide) \
	NIBBLES(off(DI)(R15*1), Y1, Y0); \
	NIBBLES((off-1)(DI)(R15*1), Y3, Y2); \
	WIDE_SET(·gnuBoundNibbles+0(SB), ·gnuBoundNibbles+16(SB), ·gnuBoundNibbles+32(SB), ·gnuBoundNibbles+48(SB), wide)

// CTRLS(src, dst): the mask of the gnu dialects' transparent ASCII bytes
// of the 32 bytes in src: below 0x20 (the separators among them are
// taken out by the caller) and 0x7F. Y2, Y3 scratch.
#define CTRLS(src, dst) \
	VPMINUB   utf8C1F<>(SB), src, Y2; \
	VPCMPEQB  Y2, src, Y2; \
	VPCMPEQB  utf8C7F<>(SB), src, Y3; \
	VPOR      Y3, Y2, Y2; \
	VPMOVMSKB Y2, dst

// ENDS(src, dst): the mask of '\r' and '\f' (which end a gnu line measure
// as '\n' does) of the 32 bytes in src. Y2, Y3 scratch.
#define ENDS(src, dst) \
	VPCMPEQB  utf8CCR<>(SB), src, Y2; \
	VPCMPEQB  utf8CFF<>(SB), src, Y3; \
	VPOR      Y3, Y2, Y2; \
	VPMOVMSKB Y2, dst

// WIDTH_ENDS: the gnu line widths, one column per char: '\r' and '\f'
// end the measure too, tabs move it (tabMask tells them from the line
// ends): all of them into R12, with DX the block's '\n's. Any other
// control ('\v', width 0) in the block's lanes stops the routine before
// the block, and so do tabs before the first line end (the column is
// known only after one). The tabs are stored in one 64-bit write (two
// 32-bit ones read back as one stall the load: store forwarding fails).
// AX, R13, Y0, Y2, Y3 scratch.
#define WIDTH_ENDS \
	VMOVDQU   32(DI)(R15*1), Y0; \
	VPCMPEQB  utf8CTAB<>(SB), Y0, Y2; \
	VPMOVMSKB Y2, AX; \
	SHLQ      $32, AX; \
	VMOVDQU   (DI)(R15*1), Y0; \
	VPCMPEQB  utf8CTAB<>(SB), Y0, Y2; \
	VPMOVMSKB Y2, R12; \
	ORQ       AX, R12; \
	MOVQ      R12, tabMask-144(SP); \
	ENDS(Y0, AX); \
	ORQ       AX, R12; \
	CTRLS(Y0, R13); \
	VMOVDQU   32(DI)(R15*1), Y0; \
	ENDS(Y0, AX); \
	SHLQ      $32, AX; \
	ORQ       AX, R12; \
	CTRLS(Y0, AX); \
	SHLQ      $32, AX; \
	ORQ       AX, R13; \
	MOVQ      DX, AX; \
	ORQ       R12, AX; \
	ANDNQ     R13, AX, R13; \
	ANDQ      BX, R13; \
	JNZ       end; \
	MOVQ      head-24(SP), R13; \
	INCQ      R13; \
	NEGQ      R13; \
	SBBQ      R13, R13; \
	MOVQ      tabMask-144(SP), AX; \
	ANDNQ     AX, R13, AX; \
	JNZ       end

// CHECKS_WIDE(W, done): GNU_CHECKS measuring widths (W GNU_WIDTH) or
// bounds (W BOUND_WIDE), after GNU_ALLOW of the first half.
#define CHECKS_WIDE(W, done) \
	W(0, wide0-104(SP)); \
	VMOVDQA   Y5, Y14; \
	VPXOR     Y5, Y5, Y5; \
	GNU_ALLOW(32); \
	W(32, wide1-136(SP)); \
	JMP       done

// GNU_CHECKS(done, lwm, bnd): GNU_ALLOW of the block (a char outside the
// allow-list marked at its second byte); measuring widths, GNU_WIDTH too
// (the chars whose width it does not measure marked likewise, the wide
// ones into wide0 and wide1; zeroMask and extraMask cleared for
// gnucheck), or, measuring bounds (bound), BOUND_WIDE instead; then on
// at done, with the marks of the first half in Y14
// (its validation table is reloaded after, VALID_HI) and the second's in
// Y5 (GNU_REJECTED tests them; gnucheck takes their lanes). lwm, bnd:
// labels of the macro's own (the paths without widths, with bounds).
#define GNU_CHECKS(done, lwm, bnd) \
	GNU_ALLOW(0); \
	CMPQ      widths-56(SP), $0; \
	JEQ       lwm; \
	MOVQ      $0, zeroMask-208(SP); \
	MOVQ      $0, extraMask-216(SP); \
	CMPQ      bound-224(SP), $0; \
	JNE       bnd; \
	CHECKS_WIDE(GNU_WIDTH, done); \
bnd: \
	CHECKS_WIDE(BOUND_WIDE, done); \
lwm: \
	VMOVDQA   Y5, Y14; \
	VPXOR     Y5, Y5, Y5; \
	GNU_ALLOW(32)

// GNU_REJECTED: ZF clear where GNU_CHECKS marked a char. Y4 scratch.
#define GNU_REJECTED \
	VPOR      Y14, Y5, Y4; \
	VPTEST    Y4, Y4

// VALID_HI: Y14 back to its validation table (after GNU_CHECKS).
#define VALID_HI \
	VBROADCASTI128 ·validTables+0(SB), Y14

// ASCII_SEPS(dst): the separators of the 32-byte halves Y0, Y1 as a
// 64-bit mask (their compares left in Y2, Y3).
#define ASCII_SEPS(dst) \
	VPSHUFB   Y0, Y15, Y2; \
	VPCMPEQB  Y2, Y0, Y2; \
	VPMOVMSKB Y2, dst; \
	VPSHUFB   Y1, Y15, Y3; \
	VPCMPEQB  Y3, Y1, Y3; \
	VPMOVMSKB Y3, R13; \
	SHLQ      $32, R13; \
	ORQ       R13, dst

// MASK64(cmp, c, dst, tmp): dst = the 64-bit mask of the bytes of Y0,
// Y1 where cmp with the constant c holds. Y2, Y3 scratch.
#define MASK64(cmp, c, dst, tmp) \
	cmp       c, Y0, Y2; \
	VPMOVMSKB Y2, dst; \
	cmp       c, Y1, Y3; \
	VPMOVMSKB Y3, tmp; \
	SHLQ      $32, tmp; \
	ORQ       tmp, dst

// ASCII_LINES: DX = the '\n's of Y0, Y1. Y2, Y3, R13 scratch.
#define ASCII_LINES MASK64(VPCMPEQB, utf8CNL<>(SB), DX, R13)

// ASCII_ABOVE(c, dst): the mask of the bytes b of Y0, Y1 with b+1 > c
// as signed bytes (utf8C21: 0x21..0x7E, printable; utf8C20: with the
// space). Y2, Y3, R12 scratch.
#define ASCII_ABOVE(c, dst) \
	VPADDB    utf8C01<>(SB), Y0, Y2; \
	VPCMPGTB  c, Y2, Y2; \
	VPMOVMSKB Y2, dst; \
	VPADDB    utf8C01<>(SB), Y1, Y3; \
	VPCMPGTB  c, Y3, Y3; \
	VPMOVMSKB Y3, R12; \
	SHLQ      $32, R12; \
	ORQ       R12, dst

// ASCII_CHECK(c, other): ASCII_ALL's test alone. A byte >= 0x80 fails
// it (b+1 is negative or 0 as a signed byte, and no mark is set for it).
#define ASCII_CHECK(c, other) \
	VPADDB    utf8C01<>(SB), Y0, Y4; \
	VPCMPGTB  c, Y4, Y4; \
	VPOR      Y4, Y2, Y2; \
	VPADDB    utf8C01<>(SB), Y1, Y4; \
	VPCMPGTB  c, Y4, Y4; \
	VPOR      Y4, Y3, Y3; \
	VPAND     Y3, Y2, Y2; \
	VPTEST    utf8CAll<>(SB), Y2; \
	JCC       other

// LINES_ACC and LINES_FOLD: the '\n's of the blocks Y0, Y1 counted on
// the vectors (the lwm loops of runs of ASCII blocks): VPSUBB adds each
// compare's 0xff (-1) to a byte counter per lane in Y5 (zero between
// blocks elsewhere: the errors), so at most 254 per lane after 127
// blocks; LINES_FOLD adds Y5's lanes to R8 and zeroes it. Y2..Y4, R13
// scratch.
#define LINES_ACC \
	VPCMPEQB  utf8CNL<>(SB), Y0, Y2; \
	VPCMPEQB  utf8CNL<>(SB), Y1, Y3; \
	VPSUBB    Y2, Y5, Y5; \
	VPSUBB    Y3, Y5, Y5

#define LINES_FOLD \
	VPXOR        Y4, Y4, Y4; \
	VPSADBW      Y4, Y5, Y5; \
	SUM_QUADS(Y5, X5, X4, R13); \
	ADDQ         R13, R8; \
	VPXOR        Y5, Y5, Y5

// LWM_RUN(load, block, next, fold, out, PRE, CHECK): the lwm loops over
// runs of pure-ASCII blocks, from the block in Y0, Y1 on: the ascii rule
// and LINES_ACC for each block that passes PRE(out) (before its
// separators are found: NO_CHECK or HIGH_CHECK) and CHECK(out) (after:
// NO_CHECK or GNU_CHECK, which takes AX, the separators, as gnu words
// want them); out must LINES_FOLD. The partial block goes to partial.
// R11 counts the blocks down to the next LINES_FOLD.
#define LWM_RUN(load, block, next, fold, out, PRE, CHECK) \
	VPXOR     Y5, Y5, Y5; \
	MOVQ      $127, R11; \
	JMP       block; \
load: \
	VMOVDQU   (DI)(R15*1), Y0; \
	VMOVDQU   32(DI)(R15*1), Y1; \
	PRE(out); \
block: \
	ASCII_SEPS(AX); \
	CHECK(out); \
	NOTQ      AX; \
	WORDS_ASCII_R; \
	LINES_ACC; \
	ADDQ      $64, SI; \
	ADDQ      $64, R15; \
	DECQ      R11; \
	JZ        fold; \
next: \
	CMPQ      R15, CX; \
	JNE       load; \
	LINES_FOLD; \
	JMP       partial; \
fold: \
	LINES_FOLD; \
	MOVQ      $127, R11; \
	JMP       next

#define NO_CHECK(out)

// HIGH_CHECK(out): on at out when Y0, Y1 hold a byte >= 0x80.
#define HIGH_CHECK(out) \
	VPOR      Y0, Y1, Y2; \
	VPTEST    utf8C80<>(SB), Y2; \
	JNE       out

// GNU_CHECK(out): on at out unless every byte of Y0, Y1 is a separator
// (ASCII_SEPS' compares) or printable.
#define GNU_CHECK(out) ASCII_CHECK(utf8C21<>(SB), out)

// ASCII_ALL(c, other): on at other unless every byte of Y0, Y1 is marked
// in Y2, Y3 or has b+1 > c as signed bytes (utf8C21: printable, utf8C20:
// printable or a space); else the ascii rule on W = ^AX, and the '\n's
// in DX counted. Y4 scratch.
#define ASCII_ALL(c, other) \
	ASCII_CHECK(c, other); \
	NOTQ      AX; \
	WORDS_ASCII_R; \
	POPCNTQ   DX, R13; \
	ADDQ      R13, R8

// ASCII_NEXT(ascii, other): after a pure-ASCII block, the next one into
// Y0, Y1 and on at ascii when it is pure ASCII too (nothing can be open
// before it), else at other; the partial block at partial.
#define ASCII_NEXT(ascii, other) \
	CMPQ      R15, CX; \
	JEQ       partial; \
	VMOVDQU   (DI)(R15*1), Y0; \
	VMOVDQU   32(DI)(R15*1), Y1; \
	VPOR      Y0, Y1, Y2; \
	VPTEST    utf8C80<>(SB), Y2; \
	JEQ       ascii; \
	JMP       other

// LINES_CHARS(lines, first, back): the line ends DX of a block measured,
// a line's columns its chars (R11, the char starts; no wide or zero-width
// marks, no tabs) plus colBias (0 in the utf8 dialect); then on at back.
#define LINES_CHARS(lines, first, back) \
lines: \
	BLSMSKQ   DX, R13; \
	ANDQ      R11, R13; \
	POPCNTQ   R13, R13; \
	LEAQ      -1(SI)(R13*1), R12; \
	ADDQ      colBias-64(SP), R12; \
	SUBQ      lineStart-8(SP), R12; \
	ADDQ      SI, R13; \
	ADDQ      colBias-64(SP), R13; \
	MOVQ      R13, lineStart-8(SP); \
	LINE(first); \
	BLSRQ     DX, DX; \
	JNZ       lines; \
	JMP       back; \
first: \
	MOVQ      R12, head-24(SP); \
	BLSRQ     DX, DX; \
	JNZ       lines; \
	JMP       back

// LINES_BF(cs, tmp): what LINES_CHARS measures (chars cs, one column
// each, plus colBias; no tabs) for any line ends DX, none included,
// without a branch, once max is 62 or more: the line that ends at the
// first '\n' is the one that may be wider than max (a line between two
// of the block's is at most 62 columns), and lineStart moves past the
// last. A block with a line end every 80 bytes or so would else
// mispredict the loop's branches at most of them. R12, R13, tmp scratch.
#define LINES_BF(cs, tmp) \
	MOVQ    colBias-64(SP), R12; \
	ADDQ    SI, R12; \
	BLSMSKQ DX, R13; \
	ANDQ    cs, R13; \
	POPCNTQ R13, R13; \
	LEAQ    -1(R12)(R13*1), R13; \
	SUBQ    lineStart-8(SP), R13; \
	MOVQ    max-16(SP), tmp; \
	TESTQ   DX, DX; \
	CMOVQEQ tmp, R13; \
	CMPQ    R13, tmp; \
	CMOVQHI R13, tmp; \
	MOVQ    tmp, max-16(SP); \
	LZCNTQ  DX, R13; \
	MOVQ    $-1, tmp; \
	SHRXQ   R13, tmp, tmp; \
	ANDQ    cs, tmp; \
	POPCNTQ tmp, tmp; \
	ADDQ    R12, tmp; \
	TESTQ   DX, DX; \
	CMOVQEQ lineStart-8(SP), tmp; \
	MOVQ    tmp, lineStart-8(SP)

// MAXLINE_R: LINE_STEP for a block of one-column chars once max (R14) is
// 62 or more (so the lines between two of its line ends never matter):
// R11 the columns of the line in progress, no candidate but max itself
// from a block without a line end. R12, R13 scratch.
#define MAXLINE_R LINE_STEP(R11, R14, R14, R13, R12)

// MAXREG_IN and MAXREG_OUT: into and out of the register loops of
// asciiutf8bf and gnuasciiwidebf (MAXLINE_R): R11 the columns of the
// line in progress (chars plus colBias, less lineStart), R14 max; on the
// way out, max and lineStart back to the frame. R13 scratch.
#define MAXREG_IN \
	MOVQ      SI, R11; \
	ADDQ      colBias-64(SP), R11; \
	SUBQ      lineStart-8(SP), R11; \
	MOVQ      max-16(SP), R14

#define MAXREG_OUT \
	MOVQ      R14, max-16(SP); \
	MOVQ      SI, R13; \
	ADDQ      colBias-64(SP), R13; \
	SUBQ      R11, R13; \
	MOVQ      R13, lineStart-8(SP)

// MAX_RUN(block, partial, high, BODY, other): the register loops over
// runs of pure-ASCII blocks measuring lines (MAXREG_IN before): the
// block's line ends DX measured (MAXLINE_R), then the next block, if
// whole (else on at partial) and pure ASCII (else at high), counted by
// BODY(other): words, and lines into DX (UTF8_MAX_BODY; WIDE_MAX_BODY,
// gnu widths: on at other unless every byte is printable, a space or
// '\n'). The ways out must MAXREG_OUT.
#define MAX_RUN(block, partial, high, BODY, other) \
block: \
	MAXLINE_R; \
	ADDQ      $64, SI; \
	ADDQ      $64, R15; \
	CMPQ      R15, CX; \
	JEQ       partial; \
	VMOVDQU   (DI)(R15*1), Y0; \
	VMOVDQU   32(DI)(R15*1), Y1; \
	HIGH_CHECK(high); \
	BODY(other); \
	JMP       block

#define UTF8_MAX_BODY(other) \
	ASCII_SEPS(AX); \
	NOTQ      AX; \
	WORDS_ASCII_R; \
	ASCII_LINES; \
	POPCNTQ   DX, R13; \
	ADDQ      R13, R8

#define WIDE_MAX_BODY(other) \
	ASCII_SEPS(AX); \
	ASCII_LINES; \
	ASCII_ALL(utf8C20<>(SB), other)

// CHARS_W: a block's chars (its char starts R11 in its lanes BX) added
// to SI, and AX = W, its char ends less the separators R14: each char is
// classified at its last byte, the others transparent; the char ends are
// the bytes before a char start, the last lane's next byte (p[R15+64]:
// readable, zero past n) included. R12 scratch.
#define CHARS_W \
	MOVQ      R11, AX; \
	ANDQ      BX, AX; \
	POPCNTQ   AX, AX; \
	ADDQ      AX, SI; \
	MOVBQSX   64(DI)(R15*1), R12; \
	ADDQ      $64, R12; \
	NOTQ      R12; \
	SHRQ      $63, R12; \
	MOVQ      R11, AX; \
	SHRQ      $1, R12, AX; \
	ANDQ      BX, AX; \
	ANDNQ     AX, R14, AX

// CHAR_STARTS: R11 = the char starts of Y0, Y1 (every byte but the
// continuations). Y2, Y3, R12 scratch.
#define CHAR_STARTS MASK64(VPCMPGTB, utf8CBF<>(SB), R11, R12)

// SPARSE_CHARS(loop, slow, leadEnd): the gnu few-chars paths' check of
// the block Y0, Y1: at most 12 bytes >= 0x80 (their mask in spill0; R11
// those not yet checked), each the first of a char of two or three bytes
// whole in the block (the bytes after it, at most p[R15+65], are read),
// its lead C2 up to below leadEnd and its continuations 80-BF, with its
// bit set in sparseRows (makeSparseRows: then it is valid, admitted by
// gnuBMP and no separator in t's tables); else on at slow. Without a
// branch on the char's length (mixed text mispredicted it): its bytes
// b0 b1 b2 are read alike, b2 checked only after a three-byte lead, and
// the third byte >= 0x80 taken off R11 by a CMOV. R14: the block; R13: a
// lead's lane, then its end; AX: b0, then 0 or -1 (three bytes); DX:
// b1, then b2 (as far as the row's bit goes); R12: the row.
#define SPARSE_CHARS(loop, slow, leadEnd) \
	VPMOVMSKB Y0, R11; \
	VPMOVMSKB Y1, DX; \
	SHLQ      $32, DX; \
	ORQ       DX, R11; \
	POPCNTQ   R11, DX; \
	CMPQ      DX, $12; \
	JA        slow; \
	MOVQ      R11, spill0-152(SP); \
	LEAQ      (DI)(R15*1), R14; \
loop: \
	TZCNTQ    R11, R13; \
	MOVBLZX   (R14)(R13*1), AX; \
	MOVBLZX   1(R14)(R13*1), DX; \
	XORL      $0x80, DX; \
	CMPL      DX, $0x40; \
	JAE       slow; \
	LEAL      -0xc2(AX), R12; \
	CMPL      R12, $(leadEnd-0xc2); \
	JAE       slow; \
	MOVL      AX, R12; \
	ANDL      $0x3f, R12; \
	SHLL      $6, R12; \
	ORL       DX, R12; \
	SHRL      $5, AX; \
	ANDL      $1, AX; \
	NEGL      AX; \
	MOVBLZX   2(R14)(R13*1), DX; \
	XORL      $0x80, DX; \
	ANDL      AX, DX; \
	CMPL      DX, $0x40; \
	JAE       slow; \
	SUBL      AX, R13; \
	CMPL      R13, $62; \
	JA        slow; \
	MOVQ      sparseRows-328(SP), R13; \
	MOVQ      (R13)(R12*8), R12; \
	BTQ       DX, R12; \
	JCC       slow; \
	BLSRQ     R11, R11; \
	BLSRQ     R11, R11; \
	BLSRQ     R11, DX; \
	TESTL     AX, AX; \
	CMOVQNE   DX, R11; \
	TESTQ     R11, R11; \
	JNZ       loop

// WIDTH_BITS(zero, extra, word, bit): gnucheck's char not in the bits of
// one column: measuring widths (zero, a pointer in the frame, not nil),
// on at checkzero where bit is set in word of zero's bits, at checkextra
// where in extra's, else the block is hard (end). BX scratch.
#define WIDTH_BITS(zero, extra, word, bit) \
	MOVQ      zero, BX; \
	TESTQ     BX, BX; \
	JZ        end; \
	MOVQ      (BX)(word*8), BX; \
	BTQ       bit, BX; \
	JCS       checkzero; \
	MOVQ      extra, BX; \
	MOVQ      (BX)(word*8), BX; \
	BTQ       bit, BX; \
	JCC       end; \
	JMP       checkextra

TEXT ·utf8BlocksAVX2(SB), NOSPLIT, $328-40
	MOVQ p+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ t+16(FP), AX
	VBROADCASTI128 utf8SpaceLUT2<>(SB), Y15
	VBROADCASTI128 (utf8Tables_valid+0)(AX), Y14
	VBROADCASTI128 (utf8Tables_valid+16)(AX), Y13
	VBROADCASTI128 (utf8Tables_valid+32)(AX), Y12
	VBROADCASTI128 (utf8Tables_sepEnd+0)(AX), Y11
	VBROADCASTI128 (utf8Tables_sepEnd+16)(AX), Y10
	VBROADCASTI128 (utf8Tables_sepEnd+32)(AX), Y9
	VBROADCASTI128 (utf8Tables_sepEnd+48)(AX), Y8
	VBROADCASTI128 (utf8Tables_sepEnd+64)(AX), Y7
	VBROADCASTI128 (utf8Tables_sepEnd+80)(AX), Y6
	VPXOR Y5, Y5, Y5
	MOVQ lineMask+24(FP), DX
	MOVQ DX, lineMask-32(SP)
	MOVBQZX utf8Tables_badSkip(AX), DX
	MOVQ DX, gnu-48(SP)
	// widths: the gnu dialects measuring line widths.
	NEGQ DX
	ANDQ lineMask-32(SP), DX
	MOVQ DX, widths-56(SP)
	MOVQ $0, wideMask-72(SP)
	MOVQ $0, checkBad-288(SP)
	MOVQ $0, tabMask-144(SP)
	MOVQ st+32(FP), DX
	MOVQ utf8State_lines(DX), R8
	MOVQ utf8State_words(DX), R10
	MOVQ utf8State_chars(DX), SI
	MOVQ utf8State_carry(DX), R9
	MOVQ utf8State_head(DX), R12
	MOVQ R12, head-24(SP)
	MOVQ utf8State_max(DX), R12
	MOVQ R12, max-16(SP)
	MOVQ utf8State_lineStart(DX), R12
	MOVQ R12, lineStart-8(SP)
	MOVQ utf8State_extra(DX), R12
	MOVQ R12, colBias-64(SP)
	MOVQ utf8State_bmp(DX), R12
	MOVQ R12, bmp-184(SP)
	MOVQ utf8State_zero(DX), R12
	MOVQ R12, bmpZero-232(SP)
	MOVQ utf8State_wider(DX), R12
	MOVQ R12, bmpExtra-240(SP)
	MOVQ utf8State_rows(DX), R12
	MOVQ R12, rows-296(SP)
	MOVQ utf8State_rowsZero(DX), R12
	MOVQ R12, rowsZero-304(SP)
	MOVQ utf8State_rowsWider(DX), R12
	MOVQ R12, rowsExtra-312(SP)
	MOVQ utf8State_sparseRows(DX), R12
	MOVQ R12, sparseRows-328(SP)
	MOVQ utf8State_badTail(DX), R12
	MOVQ R12, badTail-248(SP)
	MOVQ utf8State_bound(DX), R12
	MOVQ R12, bound-224(SP)
	MOVQ $0, zeroMask-208(SP)
	MOVQ $0, extraMask-216(SP)
	MOVQ $-1, secondOK-256(SP)
	MOVQ $-1, fourthOK-264(SP)
	XORQ R15, R15
	// CX: the end of the whole blocks; n in the frame. BX: all lanes.
	MOVQ CX, n-40(SP)
	ANDQ $~63, CX
	MOVQ $-1, BX

loop:
	CMPQ R15, CX
	JEQ  partial

full:
	VMOVDQU   (DI)(R15*1), Y0
	VMOVDQU   32(DI)(R15*1), Y1
	VPOR      -3(DI)(R15*1), Y0, Y2
	VPOR      Y1, Y2, Y2
	VPTEST    utf8C80<>(SB), Y2
	JNE       slow
	CMPQ      gnu-48(SP), $0
	JNE       gnuasciifull

asciiutf8:
	// Y0, Y1: a block of pure ASCII with nothing open before it, the
	// utf8 dialect: W = every byte but the six separators. The blocks
	// after it loop back here while they are pure ASCII (ASCII_NEXT),
	// or, not measuring lines, in LWM_RUN.
	CMPQ      lineMask-32(SP), $0
	JEQ       asciilwm
	ASCII_SEPS(AX)
	NOTQ      AX
	WORDS_ASCII_R
	ASCII_LINES
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	// lineMask is -1 (0 took asciilwm).
	CMPQ      max-16(SP), $62
	JAE       asciiutf8bf
	TESTQ     DX, DX
	JNZ       asciilines
	ADDQ      $64, SI
	ADDQ      $64, R15

asciinextutf8:
	ASCII_NEXT(asciiutf8, slowutf8)

asciilwm:
	LWM_RUN(asciilwmload, asciilwmblock, asciilwmnext, asciilwmfold, asciilwmother, HIGH_CHECK, NO_CHECK)

asciilwmother:
	LINES_FOLD
	JMP       slowutf8

asciiutf8bf:
	// lineMask is -1 and max is 62 or more: the blocks from this one on
	// (its line ends in DX), while they are pure ASCII, measure their
	// lines in registers (MAXLINE_R, MAXREG_IN: columns are chars,
	// colBias is 0), lineStart and max back to the frame on the way out.
	MAXREG_IN

	MAX_RUN(asciimaxblock, asciimaxpartial, asciimaxother, UTF8_MAX_BODY, asciimaxother)

asciimaxpartial:
	MAXREG_OUT
	JMP       partial

asciimaxother:
	MAXREG_OUT
	JMP       slowutf8

gnuasciifull:
	CMPQ      widths-56(SP), $0
	JNE       gnuasciiwide

gnuasciilwm:
	// Likewise in the gnu dialects, not measuring widths (so lineMask is
	// 0: no line to measure): a block whose bytes are all separators or
	// printable (0x21..0x7E: b+1 > 0x21 as signed bytes) has no
	// transparent byte and takes the ascii rule, and so do the blocks
	// after it while they are such (a byte >= 0x80 fails the test too),
	// their '\n's counted on the vectors (LINES_ACC; R11 counts the
	// blocks down to a LINES_FOLD); another block takes gnusparse (not
	// pure ASCII) or gnuascii (a control).
	LWM_RUN(gnulwmload, gnulwmblock, gnulwmnext, gnulwmfold, gnulwmother, NO_CHECK, GNU_CHECK)

gnulwmother:
	// AX: the separators (gnuasciictrl wants them).
	LINES_FOLD
	VPOR      Y0, Y1, Y2
	VPTEST    utf8C80<>(SB), Y2
	JNE       gnusparse
	JMP       gnuasciictrl

asciinextgnu:
	ASCII_NEXT(gnuasciilwm, gnusparse)

gnusparse:
	// Y0, Y1: a block that is not pure ASCII with nothing open before
	// it (after a pure-ASCII block or one counted here), the gnu
	// dialects not measuring widths. When it holds a few multi-byte
	// chars (at most 12 bytes >= 0x80), each of two or three bytes,
	// whole in the block (nothing is open after it), valid (lead C2-EF,
	// then 80-BF), admitted by gnuBMP and not a separator, those are
	// checked one at a time instead of by the nibble lookups; then the
	// block's word chars are its printable ASCII bytes and a byte of
	// each of those chars, its separators the ASCII ones, the rest
	// transparent. Any other block takes slow (so does one with a
	// multi-byte separator). Overlong two-byte chars and stray
	// continuations fail the lead check; overlong three-byte ones (E0
	// 80-9F) and surrogates (ED A0-BF) have no bit in sparseRows, set in
	// the gnu dialects (see SPARSE_CHARS for the registers).
	SPARSE_CHARS(sparseloop, slow, 0xf0)
	// The char starts (every byte but the continuations) in R11; the
	// continuations (R12) are the word chars of the multi-byte chars,
	// their leads transparent: the word rule takes a char's transparent
	// bytes with its word byte, wherever that is in the char.
	ASCII_ABOVE(utf8C21<>(SB), AX)
	CHAR_STARTS
	POPCNTQ   R11, DX
	ADDQ      DX, SI
	MOVQ      R11, R12
	NOTQ      R12
	ORQ       R12, AX
	ASCII_LINES
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ASCII_SEPS(DX)
	WORDS_GNUC_R
	ADDQ      $64, R15
	ASCII_NEXT(gnuasciilwm, gnusparse)

gnuasciiwide:
	// Measuring gnu widths: a block of printable bytes, spaces and '\n's
	// only (b+1 > 0x20 as signed bytes, or '\n': no tab, '\r', '\f',
	// '\v' or other control) takes the ascii rule and its lines are one
	// column per byte (asciilines; no tab in tabMask); any other block
	// takes gnuascii (gnuasciiwidths).
	ASCII_SEPS(AX)
	ASCII_LINES
	ASCII_ALL(utf8C20<>(SB), gnuasciiwidths)
	MOVQ      $0, tabMask-144(SP)
	// lineMask is -1 (widths).
	CMPQ      max-16(SP), $62
	JAE       gnuasciiwidebf
	TESTQ     DX, DX
	JNZ       asciilines
	ADDQ      $64, SI
	ADDQ      $64, R15

asciinextgnuwide:
	ASCII_NEXT(gnuasciiwide, gnusparsewide)

gnuasciiwidebf:
	// max is 62 or more: as asciiutf8bf, the blocks from this one on
	// while they take gnuasciiwide's ascii rule (no tab in them), R11
	// counting columns (chars plus colBias, which they leave as it is).
	MAXREG_IN

	MAX_RUN(widemaxblock, widemaxpartial, widemaxsparse, WIDE_MAX_BODY, widemaxctrl)

widemaxpartial:
	MAXREG_OUT
	JMP       partial

widemaxsparse:
	MAXREG_OUT
	JMP       gnusparsewide

widemaxctrl:
	MAXREG_OUT
	JMP       gnuasciiwidths

gnusparsewide:
	// gnusparse measuring widths: its chars also one column wide
	// (sparseRows holds gnuBMP's width bits: as wide as the measure makes
	// them; none of three bytes from E3 on, where gnuWide makes them
	// two), and the
	// block's other bytes printable, spaces or '\n's (as in
	// gnuasciiwide): no control, so every byte but the separators is a
	// word byte, and a line's columns are its chars (colBias as it
	// stands).
	SPARSE_CHARS(widesparseloop, slow, 0xe3)
	// Every other byte printable, a space or '\n' (DX the '\n's)?
	ASCII_LINES
	ASCII_ABOVE(utf8C20<>(SB), AX)
	ORQ       DX, AX
	ORQ       spill0-152(SP), AX
	INCQ      AX
	JNZ       slow
	// The char starts in R11; W (every byte but the separators) in AX.
	CHAR_STARTS
	ASCII_SEPS(AX)
	NOTQ      AX
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	// lineMask is -1 (widths).
	CMPQ      max-16(SP), $62
	JAE       widesparsebf
	TESTQ     DX, DX
	JNZ       widesparselines

widesparsecounted:
	POPCNTQ   R11, R13
	ADDQ      R13, SI
	WORDS_ASCII_R
	ADDQ      $64, R15
	ASCII_NEXT(gnuasciiwide, gnusparsewide)

	LINES_CHARS(widesparselines, widesparsefirst, widesparsecounted)

widesparsebf:
	// AX holds W: R14 (the block's address) is free.
	LINES_BF(R11, R14)
	JMP       widesparsecounted

gnuasciictrl:
	// AX: the separators (gnuascii recounts the '\n's; R11 needs no
	// clearing: lineMask is 0).
	JMP       gnuascii

gnuasciiwidths:
	// Measuring gnu widths: gnuascii, with the separators in AX.
	ASCII_SEPS(AX)
	XORL      R11, R11
	JMP       gnuascii

asciiwords:
	// R11: the other line ends of the measure (gnu widths), else 0.
	ASCII_LINES
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ORQ       R11, DX
	ANDQ      lineMask-32(SP), DX
	JNZ       asciilines

asciicounted:
	// After a pure-ASCII block: the next one by the loop of its dialect.
	ADDQ      $64, SI
	ADDQ      $64, R15
	CMPQ      gnu-48(SP), $0
	JEQ       asciinextutf8
	CMPQ      widths-56(SP), $0
	JEQ       asciinextgnu
	JMP       asciinextgnuwide

slow:
	CMPQ      gnu-48(SP), $0
	JEQ       slowutf8
	HALF(0, R11, DX, R14)
	HALF(32, R12, R13, AX)
	JMP       gnuallow

allowed:
	// The gnu dialects (slowutf8 is the utf8 one's): the block is valid
	// (gnuallow tested Y5, and the marks GNU_CHECKS left there are none
	// or gnucheck's, cleared), but for a sequence before it (badTail).
	MERGE_HALVES
	// R12: the other line ends of the measure (gnu widths), else 0.
	XORL      R12, R12
	CMPQ      badTail-248(SP), $0
	JNE       invalid
	CMPQ      widths-56(SP), $0
	JNE       widthends

measure:
	// The block is valid: char starts in R11, '\n's in DX, separators
	// in R14. Lanes past n are zeros: char starts (so the char ends
	// below stay right; BX masks them out of chars and words), never
	// '\n' or separators.
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ORQ       R12, DX
	ANDQ      lineMask-32(SP), DX
	JNZ       lines

counted:
	CMPQ      gnu-48(SP), $0
	JEQ       utf8counted
	CMPQ      widths-56(SP), $0
	JNE       widecols

widecounted:
	CHARS_W
	CMPQ      gnu-48(SP), $0
	JNE       gnuctrls

words:
	MOVQ      R14, DX
	WORDS_GNUC_R
	ADDQ      $64, R15
	JMP       loop

slowutf8:
	// The utf8 dialect's valid path: the measure below without the gnu
	// dialects' branches (no allow-list, widths or controls), and, after
	// a block of at most 48 chars (text that is not ASCII, whose next
	// block most likely is not either), on to the next block without the
	// pure-ASCII test; its line ends measured by linesutf8.
	HALF(0, R11, DX, R14)
	HALF(32, R12, R13, AX)
	MERGE_HALVES
	VPTEST    Y5, Y5
	JNZ       invalid
	CMPQ      badTail-248(SP), $0
	JNE       invalid
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	CMPQ      max-16(SP), $62
	JAE       utf8bf
	ANDQ      lineMask-32(SP), DX
	JNZ       linesutf8

utf8counted:
	CHARS_W
	MOVQ      R14, DX
	WORDS_GNUC_R
	ADDQ      $64, R15
	CMPQ      R15, CX
	JEQ       partial
	POPCNTQ   R11, R11
	CMPQ      R11, $48
	JBE       slowutf8
	JMP       full

utf8bf:
	// lineMask is -1 (max is 62 or more).
	LINES_BF(R11, AX)
	JMP       utf8counted

widecols:
	// colBias: the extra columns of the wide chars counted, less the
	// zero-width ones.
	MOVQ      wideMask-72(SP), R12
	ANDQ      BX, R12
	POPCNTQ   R12, R12
	ADDQ      R12, colBias-64(SP)
	MOVQ      zeroMask-208(SP), R12
	ANDQ      BX, R12
	POPCNTQ   R12, R12
	SUBQ      R12, colBias-64(SP)
	CMPQ      secondOK-256(SP), $-1
	JNE       gnuinvalidwords
	JMP       widecounted

invalid:
	// The block is not valid UTF-8. In the utf8 dialect every byte that
	// does not start a valid sequence is a char of its own, a word char
	// (Go's decoder); in the gnu ones (see gnuinvalid) it is skipped: no
	// char, transparent (glibc's). The char starts are then the bytes
	// that no valid sequence covers (R11; gnu: less the invalid ones),
	// with one convention at the edges: a sequence still open at lane 63
	// counts as valid (a block does not look past its end, nor checks
	// the range of lane 63's next byte, as a valid block does not); the
	// next block corrects that when it turns out cut short (utf8: their
	// continuation bytes are chars; gnu: the lead is none). Everything
	// else is as for a valid block: the separators are whole sequences,
	// and a char's lanes before its last are transparent.
	//
	// First the sequence that reaches into the block from its lead
	// p[R15-3+j] (j = 0..2: the last byte before the block that is not a
	// continuation), which needs `need` continuation bytes in the block:
	// whole and valid, it covers lanes 0..need-1 (spill3); cut short,
	// its 2-j continuation bytes before the block are chars (SI; gnu:
	// its lead is none). The range check of its second byte, where that
	// is before the block, was that block's (a bad one made it count
	// them as chars already).
	CMPQ      gnu-48(SP), $0
	JEQ       invalidgo
	// The gnu dialects (here a block after an invalid one, see badTail;
	// a lead F4–FD with a continuation after it, which glibc may take as
	// a char above U+10FFFF, is outside the allow-list: GNU_ALLOW made
	// its block hard, this one or the next). Measuring widths, the marks
	// gnucheck made, taking the block for valid, count where a valid
	// sequence has its second byte (gnuinvalidwidths).
	CMPQ      widths-56(SP), $0
	JEQ       invalidgo
	JMP       gnuinvalidends

invalidgo:
	MOVQ      DX, spill0-152(SP)
	MOVQ      R14, spill1-160(SP)
	MOVQ      $0, secondOK-256(SP)
	MOVQ      $0, fourthOK-264(SP)
	XORL      R13, R13
	MOVL      -3(DI)(R15*1), AX
	MOVL      AX, DX
	NOTL      DX
	LEAL      (AX)(AX*1), R12
	ORL       R12, DX
	ANDL      $0x00808080, DX
	JZ        straddled
	BSRL      DX, DX
	SUBL      $7, DX
	SHRXL     DX, AX, AX
	MOVBLZX   AX, R12
	SHRL      $8, AX
	MOVBLZX   AX, AX
	SHRL      $3, DX
	MOVL      DX, R14
	// DX: need = j - 1 + [lead ≥ E0] + [lead ≥ F0] for a lead C2–F4.
	CMPL      R12, $0xc2
	JB        badlead
	CMPL      R12, $0xf5
	JAE       badlead
	CMPL      R12, $0xe0
	JB        needed
	INCL      DX
	CMPL      R12, $0xf0
	JB        needed
	INCL      DX

needed:
	DECL      DX
	JLE       straddled
	// The second byte (AX) in range for the lead (R12).
	CMPL      R12, $0xed
	JEQ       pairED
	CMPL      R12, $0xf4
	JEQ       pairF4
	CMPL      R12, $0xe0
	JEQ       pairE0
	CMPL      R12, $0xf0
	JNE       pairok
	CMPL      AX, $0x90
	JB        pairbad
	JMP       pairok

pairE0:
	CMPL      AX, $0xa0
	JB        pairbad
	JMP       pairok

pairED:
	CMPL      AX, $0xa0
	JAE       pairbad
	JMP       pairok

pairF4:
	CMPL      AX, $0x90
	JB        pairok

badlead:
	// Not a valid lead: at -1 (j = 2) one of C0, C1, F5–FF was counted as
	// a lead there (its next byte unchecked): cut short.
	CMPL      R12, $0xc0
	JB        straddled

pairbad:
	// Out of range: a lead before the block (j < 2) was counted as
	// invalid there; the lead at -1 was counted as a char, its range
	// unchecked (j = 2): cut short.
	CMPL      R14, $2
	JNE       straddled
	JMP       cutshort

pairok:
	TZCNTQ    R11, AX
	CMPQ      AX, DX
	JB        cutshort
	MOVQ      $-1, R13
	BZHIQ     DX, R13, R13
	// Where its wide marks may be (measuring widths): its second byte at
	// lane 0 (its lead at -1, j = 2), its last at lane need-1 (F0–F4).
	CMPL      R14, $2
	JNE       pairlast
	MOVQ      $1, secondOK-256(SP)

pairlast:
	CMPL      R12, $0xf0
	JB        straddled
	MOVQ      R13, AX
	SHRQ      $1, AX
	XORQ      R13, AX
	MOVQ      AX, fourthOK-264(SP)
	JMP       straddled

cutshort:
	CMPQ      gnu-48(SP), $0
	JNE       cutgnu
	SUBQ      R14, SI
	ADDQ      $2, SI
	JMP       straddled

cutgnu:
	// Its lead was one char (and, j = 2, one column: its marks would be
	// in this block). Measuring widths with its second byte before the
	// block (j < 2), which may have marked it wider or narrower there, the
	// block is hard.
	CMPQ      widths-56(SP), $0
	JEQ       cutlead
	CMPL      R14, $2
	JNE       end

cutlead:
	DECQ      SI

straddled:
	MOVQ      R13, spill3-176(SP)
	MOVQ      R11, spill2-168(SP)
	CMPQ      gnu-48(SP), $0
	JNE       missedw

leads:
	// Then the leads of the block: AX two-byte, R12 three- and four-byte
	// (both range-checked), R13 four-byte; R11 (and in spill2): the
	// bytes that are not continuations, N.
	LEADS(0, AX, R12, R13)
	LEADS(32, DX, R14, R11)
	SHLQ      $32, DX
	ORQ       DX, AX
	SHLQ      $32, R14
	ORQ       R14, R12
	SHLQ      $32, R11
	ORQ       R11, R13
	MOVQ      spill2-168(SP), R11
	// A lead at lane 63 whatever its next byte (the next block checks it),
	// and C0, C1, F5–FF there too, as a valid block counts them.
	MOVBLZX   63(DI)(R15*1), DX
	CMPL      DX, $0xc0
	JB        lead63
	CMPL      DX, $0xe0
	JAE       lead63long
	BTSQ      $63, AX
	JMP       lead63

lead63long:
	BTSQ      $63, R12

lead63:
	// The valid sequences, at their leads (a lane past 63 counts as a
	// continuation, N>>k shifting in zeros): two bytes AX = l2 &^ N>>1;
	// three and four R12 = l34 &^ (N>>1 | N>>2), less the four-byte ones
	// whose fourth byte is not a continuation (N>>3); four R13.
	MOVQ      R11, DX
	SHRQ      $1, DX
	ANDNQ     AX, DX, AX
	ANDNQ     R12, DX, R12
	MOVQ      R11, DX
	SHRQ      $2, DX
	ANDNQ     R12, DX, R12
	MOVQ      R11, DX
	SHRQ      $3, DX
	ANDQ      R13, DX
	ANDNQ     R12, DX, R12
	ANDQ      R12, R13
	// The covered lanes: the second bytes of all of them, the third of
	// the three- and four-byte ones, the fourth of the four-byte ones,
	// and those of the sequence from before the block. Every other byte
	// starts a char.
	ORQ       R12, AX
	MOVQ      AX, DX
	SHLQ      $1, AX
	ORQ       AX, secondOK-256(SP)
	SHLQ      $2, R12
	SHLQ      $3, R13
	ORQ       R13, fourthOK-264(SP)
	ORQ       R12, AX
	ORQ       R13, AX
	ORQ       spill3-176(SP), AX
	NOTQ      AX
	// badTail: lanes 61..63 hold a lead (N, high bit set: R12) that
	// starts no valid sequence (not in DX). Keiser & Lemire flagged it in
	// this block, and the next block's checks, which read these lanes,
	// take it for valid (F0 C3 | 80 80 would pass: the second 80 as
	// F0's): the next block takes this path too. (A continuation that
	// no sequence covers there needs nothing more: it is one the next
	// block's checks reject, unless a lead in these lanes vouches for
	// it, which is then one of these.)
	MOVL      60(DI)(R15*1), R12
	MOVL      $0x80808000, R13
	PEXTL     R13, R12, R12
	SHLQ      $61, R12
	ANDNQ     R11, DX, R13
	ANDQ      R13, R12
	SHRQ      $61, R12
	MOVQ      R12, badTail-248(SP)
	CMPQ      gnu-48(SP), $0
	JNE       gnuinvalidtail
	MOVQ      AX, R11
	MOVQ      spill0-152(SP), DX
	MOVQ      spill1-160(SP), R14
	XORL      R12, R12
	VPXOR     Y5, Y5, Y5
	JMP       measure

missedw:
	// The gnu dialects: lane 0 a continuation that no sequence takes
	// (a skipped byte) after a char complete at lane -1, which the block
	// before did not classify there (its next byte, a continuation, did
	// not start a char); a word char there starts a word now (a
	// separator was one there already). AX: bytes -4..-1, DX byte -1.
	// (A lane 0 that the sequence from before covers needs no test of
	// its own: that sequence is no char complete at -1.)
	TESTQ     $1, R11
	JNZ       leads
	MOVL      -4(DI)(R15*1), AX
	MOVL      AX, DX
	SHRL      $24, DX
	CMPL      DX, $0x80
	JAE       missedmulti
	CMPL      DX, $0x21
	JB        leads
	CMPL      DX, $0x7f
	JAE       leads
	JMP       missedword

missedmulti:
	// A multi-byte char p[-4+j:0] (j = 0..2: its lead, the last byte
	// before lane 0 that is not a continuation), as long as its lead
	// announces, valid (no surrogate, which gnuNibbles admit, ED A0–BF;
	// no overlong form, E0 80–9F or F0 80–8F, which gnucheck may pass in
	// an invalid block, taking it for a char of lower code point; the
	// too-large ones, F4 90 up, made the block before hard: gnucheck
	// passes no lead but F0): a word char unless t's separator tables
	// (lead, n1, n2 at its first three bytes; n2 every byte for a
	// two-byte one) hold it.
	CMPL      DX, $0xc0
	JAE       leads
	MOVL      AX, DX
	NOTL      DX
	LEAL      (AX)(AX*1), R12
	ORL       R12, DX
	ANDL      $0x00808080, DX
	JZ        leads
	BSRL      DX, DX
	SUBL      $7, DX
	SHRXL     DX, AX, AX
	SHRL      $3, DX
	MOVBLZX   AX, R12
	CMPL      R12, $0xc2
	JB        leads
	CMPL      R12, $0xf5
	JAE       leads
	MOVL      $2, R14
	CMPL      R12, $0xe0
	JB        missedlen
	INCL      R14
	CMPL      R12, $0xf0
	JB        missedlen
	INCL      R14

missedlen:
	ADDL      DX, R14
	CMPL      R14, $4
	JNE       leads
	MOVL      AX, R14
	SHRL      $8, R14
	MOVBLZX   R14, R14
	CMPL      R12, $0xed
	JEQ       missedED
	CMPL      R12, $0xe0
	JEQ       missedE0
	CMPL      R12, $0xf0
	JNE       missedok
	CMPL      R14, $0x90
	JB        leads
	JMP       missedok

missedE0:
	CMPL      R14, $0xa0
	JB        leads
	JMP       missedok

missedED:
	CMPL      R14, $0xa0
	JAE       leads

missedok:
	MOVQ      t+16(FP), R14
	ANDL      $0x7f, R12
	MOVBLZX   utf8Tables_lead(R14)(R12*1), R12
	MOVL      AX, DX
	SHRL      $8, DX
	ANDL      $0x7f, DX
	MOVBLZX   utf8Tables_n1(R14)(DX*1), DX
	ANDL      DX, R12
	MOVL      AX, DX
	SHRL      $16, DX
	ANDL      $0x7f, DX
	MOVBLZX   utf8Tables_n2(R14)(DX*1), DX
	ANDL      DX, R12
	JNZ       leads

missedword:
	BTQ       $63, R9
	JCS       missedin
	INCQ      R10

missedin:
	BTSQ      $63, R9
	JMP       leads

gnuinvalidtail:
	// The gnu dialects: AX the char starts as Go's decoder has them, DX
	// the valid leads. The chars are the ASCII bytes (not
	// continuations, high bit clear) and the valid leads (into R11); the
	// others (R12) are skipped bytes, transparent and no column. Each
	// valid char is classified at its last byte, before the next char
	// start of AX (the word chars into AX).
	VMOVDQU   (DI)(R15*1), Y0
	VPMOVMSKB Y0, R12
	VMOVDQU   32(DI)(R15*1), Y0
	VPMOVMSKB Y0, R13
	SHLQ      $32, R13
	ORQ       R13, R12
	ANDNQ     R11, R12, R11
	ORQ       DX, R11
	ANDNQ     AX, R11, R12
	MOVBQSX   64(DI)(R15*1), R13
	ADDQ      $64, R13
	NOTQ      R13
	SHRQ      $63, R13
	SHRQ      $1, R13, AX
	ANDQ      BX, AX
	MOVQ      spill1-160(SP), R14
	ANDNQ     AX, R14, AX
	ANDNQ     AX, R12, AX
	VPXOR     Y5, Y5, Y5
	MOVQ      spill0-152(SP), DX
	CMPQ      widths-56(SP), $0
	JNE       gnuinvalidwidths
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ANDQ      BX, R11
	POPCNTQ   R11, R13
	ADDQ      R13, SI
	JMP       gnuctrls

gnuinvalidwidths:
	// Measuring widths: the block's columns are its valid chars (R11)
	// and its wide marks where secondOK and fourthOK have them (gnucheck's
	// zeroMask and extraMask too), measured as a valid block's; the words
	// (gnuW) after (gnuinvalidwords).
	MOVQ      AX, gnuW-280(SP)
	MOVQ      secondOK-256(SP), R13
	ANDQ      R13, zeroMask-208(SP)
	ANDQ      R13, extraMask-216(SP)
	MOVQ      widthEnds-272(SP), R12
	JMP       widthmarks

gnuinvalidwords:
	// The end of a block from gnuinvalidwidths: its chars, its words.
	ANDQ      BX, R11
	POPCNTQ   R11, AX
	ADDQ      AX, SI
	MOVQ      $-1, secondOK-256(SP)
	MOVQ      $-1, fourthOK-264(SP)
	MOVQ      gnuW-280(SP), AX
	JMP       gnuctrls

gnuinvalid:
	// A block that is not valid UTF-8 in the gnu dialects: counted as
	// invalid (above) when the chars the allow-list rejects (GNU_ALLOW)
	// pass gnucheck, which looks each mark up as a valid char's (a mark
	// where no valid char has its second byte, made by the bytes around
	// an invalid one, needs nothing, but may make the block hard: a
	// clear bit, or a code point from a lead F1 up), measuring widths
	// the chars the width tables reject likewise, and the block's
	// controls and tabs allow (WIDTH_ENDS, before anything is counted).
	VPXOR     Y5, Y5, Y5
	GNU_CHECKS(gnuinvalidallow, gnuinvalidlwm, gnuinvalidbnd)

gnuinvalidallow:
	GNU_REJECTED
	JNZ       gnuinvalidcheck

gnuinvalidchecked:
	VALID_HI
	VBROADCASTI128 utf8SpaceLUT2<>(SB), Y15
	MERGE_HALVES
	CMPQ      widths-56(SP), $0
	JEQ       invalidgo

gnuinvalidends:
	WIDTH_ENDS
	MOVQ      R12, widthEnds-272(SP)
	JMP       invalidgo

gnuallow:
	VPTEST    Y5, Y5
	JNZ       gnuinvalid
	GNU_CHECKS(gnuwidthsdone, gnuallowlwm, gnuallowbnd)

gnuwidthsdone:
	GNU_REJECTED
	JNZ       gnucheck

gnuallowed:
	VALID_HI
	VBROADCASTI128 utf8SpaceLUT2<>(SB), Y15
	JMP       allowed

gnucheck:
	// The block is valid UTF-8 but holds chars the nibble tables reject
	// (the allow-list's, and measuring widths the width tables'). Each
	// must be one below U+40000 whose code point cp has its bit
	// in bmp (gnuBMP's class bits, or measuring widths its width bits),
	// or measuring widths in bmpZero or bmpExtra (a column less or more:
	// its second byte goes into zeroMask or extraMask), else the block is
	// hard. The chars of two and three bytes read the same bits as
	// bmpRows (rows, rowsZero, rowsExtra), by their first three bytes
	// with no branch on their length; those of four (rare) decode cp. The
	// scratch registers are spilled, and BX. R11: the second bytes of
	// the rejected chars (GNU_CHECKS' marks, Y14 and Y5); R14: the
	// block; R13: the index of a second byte; AX: its char's lead, then
	// its row W (or cp); DX: the third byte b2 (or cp's word in the
	// bits); R12: rows; BX: W's word.
	CMPQ      bmp-184(SP), $0
	JEQ       end
	MOVQ      R11, spill0-152(SP)
	MOVQ      R12, spill1-160(SP)
	MOVQ      R13, spill2-168(SP)
	MOVQ      R14, spill3-176(SP)
	MOVQ      AX, spill4-192(SP)
	MOVQ      DX, spill5-200(SP)
	MOVQ      BX, spill6-320(SP)
	HITS(R12)
	VMOVDQA   Y14, Y5
	HITS(R11)
	// (No lane past n is marked: those bytes are zeros.)
	SHLQ      $32, R12
	ORQ       R12, R11
	JZ        checked
	LEAQ      (DI)(R15*1), R14
	MOVQ      rows-296(SP), R12

checkloop:
	// W = (b0&0x3f)<<6 | b1&0x3f, bit b2 (for a two-byte char the byte
	// after it, at most p[R15+64]: readable).
	TZCNTQ    R11, R13
	MOVBLZX   -1(R14)(R13*1), AX
	CMPL      AX, $0xf0
	JAE       check4
	MOVBLZX   (R14)(R13*1), DX
	ANDL      $0x3f, AX
	SHLL      $6, AX
	ANDL      $0x3f, DX
	ORL       DX, AX
	MOVBLZX   1(R14)(R13*1), DX
	MOVQ      (R12)(AX*8), BX
	BTQ       DX, BX
	JCC       checkrows

checknext:
	BLSRQ     R11, R11
	JNZ       checkloop
	JMP       checked

checkrows:
	// Not in rows: measuring widths, a column less or more.
	WIDTH_BITS(rowsZero-304(SP), rowsExtra-312(SP), AX, DX)

check4:
	// Four bytes: a lead F0 (U+10000–3FFFF; its fourth byte is at most
	// p[R15+65], readable), else (planes 4 up) the block is hard. cp
	// into AX, its word in the bmpBits into DX.
	JNE       end
	MOVBLZX   (R14)(R13*1), AX
	ANDL      $0x3f, AX
	SHLL      $6, AX
	MOVBLZX   1(R14)(R13*1), DX
	ANDL      $0x3f, DX
	ORL       DX, AX
	SHLL      $6, AX
	MOVBLZX   2(R14)(R13*1), DX
	ANDL      $0x3f, DX
	ORL       DX, AX
	MOVL      AX, DX
	SHRL      $6, DX
	MOVQ      bmp-184(SP), BX
	MOVQ      (BX)(DX*8), BX
	BTQ       AX, BX
	JCS       checknext
	WIDTH_BITS(bmpZero-232(SP), bmpExtra-240(SP), DX, AX)

checkextra:
	MOVQ      extraMask-216(SP), BX
	BTSQ      R13, BX
	MOVQ      BX, extraMask-216(SP)
	JMP       checknext

checkzero:
	MOVQ      zeroMask-208(SP), BX
	BTSQ      R13, BX
	MOVQ      BX, zeroMask-208(SP)
	JMP       checknext

checked:
	MOVQ      spill6-320(SP), BX
	MOVQ      spill0-152(SP), R11
	MOVQ      spill1-160(SP), R12
	MOVQ      spill2-168(SP), R13
	MOVQ      spill3-176(SP), R14
	MOVQ      spill4-192(SP), AX
	MOVQ      spill5-200(SP), DX
	CMPQ      checkBad-288(SP), $0
	JEQ       gnuallowed
	MOVQ      $0, checkBad-288(SP)
	JMP       gnuinvalidchecked

gnuinvalidcheck:
	// gnucheck for an invalid block, which then goes on at
	// gnuinvalidchecked (checkBad); its marks, zeroMask and extraMask,
	// count where a valid char has its second byte (gnuinvalidwidths).
	MOVQ      $1, checkBad-288(SP)
	JMP       gnucheck

widthends:
	WIDTH_ENDS

widthmarks:
	// The wide chars (their second bytes) for the measure.
	VMOVDQU   wide0-104(SP), Y0
	VPMOVMSKB Y0, AX
	VMOVDQU   wide1-136(SP), Y0
	VPMOVMSKB Y0, R13
	SHLQ      $32, R13
	ORQ       R13, AX
	ANDQ      secondOK-256(SP), AX
	ORQ       extraMask-216(SP), AX
	MOVQ      AX, wideMask-72(SP)
	// Measuring bounds, the emoji are two columns already (BOUND_WIDE).
	CMPQ      bound-224(SP), $0
	JNE       measure
	// The emoji (the only four-byte chars the allow-list passes: F0 9F
	// xx yy) at their last bytes, where p[i-3] ≥ 0xF0.
	VMOVDQU   -3(DI)(R15*1), Y0
	VPMAXUB   utf8CF0<>(SB), Y0, Y2
	VPCMPEQB  Y2, Y0, Y2
	VPMOVMSKB Y2, AX
	VMOVDQU   29(DI)(R15*1), Y0
	VPMAXUB   utf8CF0<>(SB), Y0, Y2
	VPCMPEQB  Y2, Y0, Y2
	VPMOVMSKB Y2, R13
	SHLQ      $32, R13
	ORQ       R13, AX
	ANDQ      BX, AX
	ANDQ      fourthOK-264(SP), AX
	JNZ       emoji
	JMP       measure

emoji:
	// AX: the last bytes of the block's emoji; a wide one
	// (gnuEmojiWide, bit yy of word xx&63) is one more column, marked
	// there in wideMask. R11, R12, R14, DX are spilled to free them.
	MOVQ      R11, spill0-152(SP)
	MOVQ      R12, spill1-160(SP)
	MOVQ      R14, spill2-168(SP)
	MOVQ      DX, spill3-176(SP)
	LEAQ      (DI)(R15*1), R14
	MOVQ      wideMask-72(SP), R11

emojiloop:
	TZCNTQ    AX, R13
	MOVBLZX   -1(R14)(R13*1), R12
	ANDL      $63, R12
	LEAQ      ·gnuEmojiWide(SB), DX
	MOVQ      (DX)(R12*8), R12
	MOVBLZX   (R14)(R13*1), DX
	BTQ       DX, R12
	JCC       emojinarrow
	BTSQ      R13, R11

emojinarrow:
	BLSRQ     AX, AX
	JNZ       emojiloop
	MOVQ      R11, wideMask-72(SP)
	MOVQ      spill0-152(SP), R11
	MOVQ      spill1-160(SP), R12
	MOVQ      spill2-168(SP), R14
	MOVQ      spill3-176(SP), DX
	JMP       measure

gnuctrls:
	// The gnu dialects: ASCII controls are transparent, not word chars.
	VMOVDQU   (DI)(R15*1), Y0
	CTRLS(Y0, R13)
	VMOVDQU   32(DI)(R15*1), Y0
	CTRLS(Y0, R12)
	SHLQ      $32, R12
	ORQ       R12, R13
	ANDNQ     AX, R13, AX
	// A word char at lane 63 (p[64] starts a char) that is a sequence
	// still open there is one p[64] cuts short: skipped bytes, not a
	// word char. Open (gnuOpenClass, one fact per bit, each combined
	// with the one a bit above it): b63 ≥ C0, or b63 a continuation and
	// either b62 ≥ E0 or b62 < C0 and b61 ≥ F0. Without branches (lane
	// 63 is as often a word char as not). R11 (dead here): the table.
	LEAQ      ·gnuOpenClass(SB), R11
	MOVBLZX   63(DI)(R15*1), R12
	MOVBLZX   (R11)(R12*1), R12
	MOVBLZX   62(DI)(R15*1), R13
	MOVBLZX   (R11)(R13*1), R13
	MOVBLZX   61(DI)(R15*1), DX
	MOVBLZX   (R11)(DX*1), DX
	SHRL      $1, DX
	ANDL      R13, DX
	SHRL      $1, DX
	ORL       R13, DX
	SHRL      $1, DX
	ANDL      R12, DX
	SHRL      $1, DX
	ORL       R12, DX
	SHLQ      $63, DX
	ANDNQ     AX, DX, AX
	JMP       words

gnuascii:
	// A pure-ASCII block in the gnu dialects: separators in AX; W is
	// every byte but those and the controls.
	CTRLS(Y0, R12)
	CTRLS(Y1, R13)
	SHLQ      $32, R13
	ORQ       R13, R12
	CMPQ      widths-56(SP), $0
	JNE       asciiwidths

asciimeasured:
	MOVQ      AX, DX
	ORQ       R12, AX
	NOTQ      AX
	WORDS_GNUC_R
	JMP       asciiwords

asciiwidths:
	// The gnu line widths: the line ends ('\n', '\r', '\f') and the tabs
	// into R11 (tabs only where the column is known: after a line end);
	// a block with any other control stops the routine.
	ENDS(Y0, R11)
	ENDS(Y1, R13)
	SHLQ      $32, R13
	ORQ       R13, R11
	VPCMPEQB  utf8CNL<>(SB), Y0, Y2
	VPMOVMSKB Y2, R13
	ORQ       R13, R11
	VPCMPEQB  utf8CNL<>(SB), Y1, Y2
	VPMOVMSKB Y2, R13
	SHLQ      $32, R13
	ORQ       R13, R11
	VPCMPEQB  utf8CTAB<>(SB), Y0, Y2
	VPMOVMSKB Y2, R13
	VPCMPEQB  utf8CTAB<>(SB), Y1, Y2
	VPMOVMSKB Y2, DX
	SHLQ      $32, DX
	ORQ       DX, R13
	MOVQ      R13, tabMask-144(SP)
	TESTQ     R13, R13
	JZ        asciinotabs
	CMPQ      head-24(SP), $-1
	JEQ       end

asciinotabs:
	ORQ       R13, R11
	ANDNQ     R12, R11, R13
	JNZ       end
	JMP       asciimeasured

partial:
	// The last block, partial (or none): only its lanes below n - R15
	// count; CX moves past it, so that the loop ends after it.
	MOVQ  n-40(SP), DX
	SUBQ  R15, DX
	JLE   end
	BZHIQ DX, BX, BX
	LEAQ  64(R15), CX
	JMP   slow

end:
	// R15: n, or the index of the block that is not valid.
	MOVQ n-40(SP), CX
	CMPQ R15, CX
	CMOVQHI CX, R15
	VZEROUPPER
	MOVQ st+32(FP), DX
	MOVQ R8, utf8State_lines(DX)
	MOVQ R10, utf8State_words(DX)
	MOVQ SI, utf8State_chars(DX)
	MOVQ R9, utf8State_carry(DX)
	MOVQ R15, utf8State_n(DX)
	MOVQ head-24(SP), R12
	MOVQ R12, utf8State_head(DX)
	MOVQ max-16(SP), R12
	MOVQ R12, utf8State_max(DX)
	MOVQ lineStart-8(SP), R12
	MOVQ R12, utf8State_lineStart(DX)
	MOVQ colBias-64(SP), R12
	MOVQ R12, utf8State_extra(DX)
	MOVQ badTail-248(SP), R12
	MOVQ R12, utf8State_badTail(DX)
	RET

lines:
	// DX: the line ends of a validated block, R11 its char starts; a
	// line's columns are its chars, one more for each wide char
	// (wideMask, at their second bytes: disjoint from the char starts)
	// and one less for each zero-width one (zeroMask, likewise).
	// Columns before the block: SI + colBias.
	MOVQ      R11, AX
	ORQ       wideMask-72(SP), AX
linesloop:
	BLSMSKQ   DX, R13
	MOVQ      R13, R12
	ANDQ      AX, R13
	POPCNTQ   R13, R13
	ANDQ      zeroMask-208(SP), R12
	POPCNTQ   R12, R12
	SUBQ      R12, R13
	BLSIQ     DX, R12
	TESTQ     tabMask-144(SP), R12
	JNZ       linestab
	LEAQ      -1(SI)(R13*1), R12
	ADDQ      colBias-64(SP), R12
	SUBQ      lineStart-8(SP), R12
	ADDQ      SI, R13
	ADDQ      colBias-64(SP), R13
	MOVQ      R13, lineStart-8(SP)
	LINE(linesfirst)
	BLSRQ     DX, DX
	JNZ       linesloop
	JMP       counted

	LINES_CHARS(linesutf8, linesutf8first, utf8counted)

asciilines:
	// DX: the line ends (and gnu tabs) of a pure-ASCII block (every
	// byte a char).
	TZCNTQ    DX, R13
	BLSIQ     DX, R12
	TESTQ     tabMask-144(SP), R12
	JNZ       asciitab
	LEAQ      (SI)(R13*1), R12
	ADDQ      colBias-64(SP), R12
	SUBQ      lineStart-8(SP), R12
	LEAQ      1(SI)(R13*1), R13
	ADDQ      colBias-64(SP), R13
	MOVQ      R13, lineStart-8(SP)
	LINE(asciifirst)
	BLSRQ     DX, DX
	JNZ       asciilines
	JMP       asciicounted

linesfirst:
	// The first line ends: it is the head, not a candidate for max.
	MOVQ      R12, head-24(SP)
	BLSRQ     DX, DX
	JNZ       linesloop
	JMP       counted

asciifirst:
	MOVQ      R12, head-24(SP)
	BLSRQ     DX, DX
	JNZ       asciilines
	JMP       asciicounted

// Tabs (gnu widths). lineStart holds the columns before the line minus
// what the tabs so far added beyond one column each, so that a line's
// width stays columns - lineStart. A tab at column c (c = columns before
// it - lineStart) moves to the next multiple of 8: lineStart becomes
// columns through the tab - ((c|7)+1).
linestab:
	// R13: the char starts and wide chars of the block through the tab.
	LEAQ      -1(SI)(R13*1), R12
	ADDQ      colBias-64(SP), R12
	SUBQ      lineStart-8(SP), R12
	ORQ       $7, R12
	INCQ      R12
	ADDQ      SI, R13
	ADDQ      colBias-64(SP), R13
	SUBQ      R12, R13
	MOVQ      R13, lineStart-8(SP)
	BLSRQ     DX, DX
	JNZ       linesloop
	JMP       counted

asciitab:
	// R13: the tab's index in the block (every byte a char).
	LEAQ      (SI)(R13*1), R12
	ADDQ      colBias-64(SP), R12
	SUBQ      lineStart-8(SP), R12
	ORQ       $7, R12
	INCQ      R12
	LEAQ      1(SI)(R13*1), R13
	ADDQ      colBias-64(SP), R13
	SUBQ      R12, R13
	MOVQ      R13, lineStart-8(SP)
	BLSRQ     DX, DX
	JNZ       asciilines
	JMP       asciicounted
