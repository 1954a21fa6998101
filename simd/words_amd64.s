//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// Word, line and line-length routines for the byte dialects (ascii,
// gnu-c), 64 bytes per block: with AVX-512 (AVX512F, AVX512BW), then the
// same with AVX2. All need POPCNT, LZCNT, BMI1, BMI2.
//
// Each block is classified into 64-bit masks (one bit per byte, bit i =
// byte i): W word bytes, S separators, NL '\n'; in gnu-c the rest,
// T = ^(W|S), are transparent. The masks go to general registers, where
// word starts are counted with a carry between blocks (see WORDS_*).
//
// The routines share the general-register part (macros *_R, MAXLINE),
// which sees only the masks. Registers (AVX2: see its section):
//	DI: p, CX: len(p), BX: len(p) rounded down to 64, R15: index of the block
//	R8: lines, R10: words, R9: word carry: its top bit is 1 when the byte
//	    before the block (the last non-T one, in gnu-c) is a word byte
//	R11: length of the line in progress (see MAXLINE), R12: max;
//	    in the words-only routines R11 is the end of the two-block loop
//	    and R12 scratch
//	SI: 0 (for CMOV), AX DX R13 R14: scratch
//	Z30: spaceLUT in every lane, Z29: '\n' bytes, Z28: 0x21 bytes,
//	Z27: 0x5d bytes, Z26: ' ' bytes, Z20: 0x5e bytes
//
// Loop invariant: the counters hold the counts of p[:R15] (words as if a
// separator preceded p), and R9 the in-word state after p[:R15].
//
// The loops prefetch 1 KiB ahead: for inputs beyond L2 it kept the
// gnu-c routine at the speed of bytes.Count (0.88x without). Prefetches
// do not fault, so running past the end of p is harmless.
//
// The last partial block is read with a masked load (VMOVDQU8 with an
// opmask of the remaining bytes): masked-out bytes are not read, so nothing
// outside p is touched. They are filled with a byte that changes no count:
// ' ' (or, for gnu-c words, NUL, which is transparent and so keeps the
// in-word state of the last byte).

// ---- General registers (both ISAs) ----------------------------------------

// WORDS_ASCII_R and WORDS_GNUC_R: see words_amd64.h.
// Each loop starts on a 32-byte boundary (PCALIGN): where the function
// happens to land otherwise moves the byte kernels' speed by up to 15%
// from one build to the next (the english benchmark, gnu-utf8 all and
// ascii all, when the UTF-8 routine's code grew by a few hundred bytes).

#include "words_amd64.h"

// LINES_R: R8 += popcount(NL in DX).
#define LINES_R \
	POPCNTQ DX, R13; \
	ADDQ    R13, R8

// MAXLINE: NL in DX, LINE_STEP with R11 the length of the line in
// progress at the block's start: very negative before the first '\n', so
// that the first line (whose width summarize takes from the index of the
// first '\n') never counts; R12 max. Lines between two '\n' of one block
// are looked at (out of line, at internal) only while the max is below
// 62.
#define MAXLINE(internal, back) \
	LINE_STEP(R11, SI, R12, R13, R14); \
	CMPQ    R12, $62; \
	JLT     internal; \
back:

// LASTNL: at the end of a max routine, with R15 the end of the blocks
// counted, turn R11 (length of the line in progress) into the index of
// the last '\n' (meaningful only when there is one).
#define LASTNL \
	MOVQ R15, AX; \
	SUBQ R11, AX; \
	DECQ AX; \
	MOVQ AX, R11

// INTERNAL: the lines between consecutive '\n' of NL (DX) into R12.
#define INTERNAL(internal, back, next) \
internal: \
	TZCNTQ  DX, R13; \
	BLSRQ   DX, DX; \
	JZ      back; \
next: \
	TZCNTQ  DX, R14; \
	MOVQ    R14, AX; \
	SUBQ    R13, AX; \
	DECQ    AX; \
	CMPQ    AX, R12; \
	CMOVQGT AX, R12; \
	MOVQ    R14, R13; \
	BLSRQ   DX, DX; \
	JNZ     next; \
	JMP     back

// MAX_DONE(end, rp): the max routines' exit: R15 (the last block may be
// partial) no further than end, len(p); the counts stored at rp; the
// out-of-line line loops of MAXLINE(internal1/2, back1/2).
#define MAX_DONE(end, rp) \
	LASTNL; \
	CMPQ    R15, end; \
	CMOVQGT end, R15; \
	VZEROUPPER; \
	MOVQ    rp, AX; \
	STORE; \
	RET; \
	INTERNAL(internal1, back1, next1); \
	INTERNAL(internal2, back2, next2)

#define STORE \
	SHRQ $63, R9; \
	MOVQ R8, wordsResult_lines(AX); \
	MOVQ R10, wordsResult_words(AX); \
	MOVQ R9, wordsResult_inWord(AX); \
	MOVQ R12, wordsResult_max(AX); \
	MOVQ R11, wordsResult_lastNL(AX); \
	MOVQ R15, wordsResult_n(AX)

// ---- AVX-512 ----------------------------------------------------------------

// spaceLUT maps a byte's low nibble to the one separator with that low
// nibble (0x20, 0x09..0x0d), else 0xff. VPSHUFB(spaceLUT, b) == b exactly
// for the six separators: VPSHUFB yields 0 for b >= 0x80.
DATA spaceLUT<>+0(SB)/8, $0xffffffffffffff20
DATA spaceLUT<>+8(SB)/8, $0xffff0d0c0b0a09ff
GLOBL spaceLUT<>(SB), RODATA|NOPTR, $16

#define CONSTS \
	VBROADCASTI32X4 spaceLUT<>(SB), Z30; \
	MOVL            $0x0a, AX; \
	VPBROADCASTB    AX, Z29; \
	MOVL            $0x21, AX; \
	VPBROADCASTB    AX, Z28; \
	MOVL            $0x5d, AX; \
	VPBROADCASTB    AX, Z27; \
	MOVL            $0x20, AX; \
	VPBROADCASTB    AX, Z26; \
	MOVL            $0x5e, AX; \
	VPBROADCASTB    AX, Z20; \
	XORQ            R8, R8; \
	XORQ            R9, R9; \
	XORQ            R10, R10; \
	XORQ            R12, R12; \
	XORQ            R15, R15; \
	XORQ            SI, SI; \
	MOVQ            $(-1<<62), R11; \
	MOVQ            CX, BX; \
	ANDQ            $~63, BX

// CLASSIFY_ASCII: Z0 → K1 = W (every byte but the six separators), K3 = NL.
#define CLASSIFY_ASCII \
	VPSHUFB  Z0, Z30, Z1; \
	VPCMPB   $4, Z1, Z0, K1; \
	VPCMPEQB Z29, Z0, K3

// CLASSIFY_GNUC: Z0 → K1 = W (0x21..0x7e), K2 = S, K3 = NL.
#define CLASSIFY_GNUC \
	VPSUBB   Z28, Z0, Z2; \
	VPCMPUB  $2, Z27, Z2, K1; \
	VPSHUFB  Z0, Z30, Z1; \
	VPCMPEQB Z1, Z0, K2; \
	VPCMPEQB Z29, Z0, K3

// CLASSIFY_WIDTH1 (gnu-c max): K1 = P, the bytes 0x20..0x7e, K3 = NL,
// K4 = ' '. A block where P|NL is all ones has only bytes of width 1 and
// '\n', no T byte, and W = P &^ ' '.
#define CLASSIFY_WIDTH1 \
	VPSUBB   Z26, Z0, Z2; \
	VPCMPUB  $2, Z20, Z2, K1; \
	VPCMPEQB Z29, Z0, K3; \
	VPCMPEQB Z26, Z0, K4

// The AVX-512 forms: masks from the opmask registers.
#define WORDS_ASCII \
	KMOVQ K1, AX; \
	WORDS_ASCII_R

#define WORDS_GNUC \
	KMOVQ K1, AX; \
	KMOVQ K2, DX; \
	WORDS_GNUC_R

#define LINES \
	KMOVQ K3, DX; \
	LINES_R

// WORDS_GNUC_FAST: most text has no T byte in most blocks, and then W|S is
// all ones and the ascii rule does (same carry). The branch is taken, out
// of line to slow, only for blocks that hold a T byte.
#define WORDS_GNUC_FAST(slow, back) \
	KORTESTQ K1, K2; \
	JCC      slow; \
	WORDS_ASCII; \
back:

#define WORDS_GNUC_SLOW(slow, back) \
slow: \
	WORDS_GNUC; \
	JMP back

// TAIL_MASK: K4 = the CX-R15 (0..63) bytes left.
#define TAIL_MASK \
	MOVQ  CX, DX; \
	SUBQ  R15, DX; \
	MOVQ  $-1, AX; \
	BZHIQ DX, AX, AX; \
	KMOVQ AX, K4

// NO_CHECK, HIGH512(stop) and HIGH512_PAIR(stop), the checks of the
// routines' two flavours: the plain ones count all of p; the *HiAVX512
// ones (the UTF-8 dialects' ASCII stretches, in one pass) stop at the
// first block, the tail one included, that holds a byte >= 0x80, before
// counting it (r.n = its index). HIGH512 tests the block in Z0;
// HIGH512_PAIR, in the two-block loops, the block in Z0 and the next one
// (when either holds a high byte, the routine goes on block by block from
// single, which stops at it). Scratch: Z5, K5.
#define NO_CHECK(stop)

#define HIGH512(stop) \
	VPMOVB2M Z0, K5; \
	KORTESTQ K5, K5; \
	JNZ      stop

#define HIGH512_PAIR(stop) \
	VPORQ    64(DI)(R15*1), Z0, Z5; \
	VPMOVB2M Z5, K5; \
	KORTESTQ K5, K5; \
	JNZ      stop

// WORDS512(classify, words, wordsTail, loadTail, outOfLine, pair, high,
// ...): the body of the AVX-512 words routines, lines and words, two
// blocks per iteration; the first five are the dialect's (below: ascii or
// gnu-c): its classify, its word count (with labels for an out-of-line
// path) and the last block's, that block's load, and the out-of-line
// paths. The arguments are passed in, so that the macros name
// no FP slot (vet's asmdecl reads them as lines of the TEXT before).
#define WORDS512(classify, words, wordsTail, loadTail, outOfLine, pair, high, pbase, plen, rp) \
	MOVQ pbase, DI; \
	MOVQ plen, CX; \
	CONSTS; \
	MOVQ CX, R11; \
	ANDQ $~127, R11; \
	JZ   single; \
loop2: \
	PREFETCHT0 1024(DI)(R15*1); \
	PREFETCHT0 1088(DI)(R15*1); \
	VMOVDQU64 (DI)(R15*1), Z0; \
	pair(single); \
	classify; \
	words(slow1, back1); \
	LINES; \
	VMOVDQU64 64(DI)(R15*1), Z0; \
	classify; \
	words(slow2, back2); \
	LINES; \
	ADDQ      $128, R15; \
	CMPQ      R15, R11; \
	JNE       loop2; \
single: \
	CMPQ      R15, BX; \
	JEQ       tail; \
	VMOVDQU64 (DI)(R15*1), Z0; \
	high(done); \
	classify; \
	words(slow3, back3); \
	LINES; \
	ADDQ      $64, R15; \
	JMP       single; \
tail: \
	CMPQ      R15, CX; \
	JEQ       done; \
	TAIL_MASK; \
	loadTail; \
	high(done); \
	classify; \
	wordsTail; \
	LINES; \
	MOVQ      CX, R15; \
done: \
	VZEROUPPER; \
	MOVQ rp, AX; \
	STORE; \
	RET; \
	outOfLine

// The ascii flavour: every block by the ascii rule (no out-of-line path);
// the last partial block padded with ' '.
#define WORDS_ASCII_AT(slow, back) WORDS_ASCII
#define LOAD_TAIL_ASCII \
	VMOVDQA64 Z26, Z0; \
	VMOVDQU8  (DI)(R15*1), K4, Z0
#define NO_PATHS

// The gnu-c flavour: blocks with transparent bytes out of line
// (WORDS_GNUC_FAST); the last partial block padded with NUL (transparent,
// it keeps the in-word state).
#define LOAD_TAIL_GNUC VMOVDQU8.Z (DI)(R15*1), K4, Z0
#define GNUC_PATHS \
	WORDS_GNUC_SLOW(slow1, back1); \
	WORDS_GNUC_SLOW(slow2, back2); \
	WORDS_GNUC_SLOW(slow3, back3)

// func wordsASCIIAVX512(p []byte, r *wordsResult)
TEXT ·wordsASCIIAVX512(SB), NOSPLIT, $0-32
	WORDS512(CLASSIFY_ASCII, WORDS_ASCII_AT, WORDS_ASCII, LOAD_TAIL_ASCII, NO_PATHS, NO_CHECK, NO_CHECK, p_base+0(FP), p_len+8(FP), r+24(FP))

// func wordsASCIIHiAVX512(p []byte, r *wordsResult)
TEXT ·wordsASCIIHiAVX512(SB), NOSPLIT, $0-32
	WORDS512(CLASSIFY_ASCII, WORDS_ASCII_AT, WORDS_ASCII, LOAD_TAIL_ASCII, NO_PATHS, HIGH512_PAIR, HIGH512, p_base+0(FP), p_len+8(FP), r+24(FP))

// func wordsGNUCAVX512(p []byte, r *wordsResult)
TEXT ·wordsGNUCAVX512(SB), NOSPLIT, $0-32
	WORDS512(CLASSIFY_GNUC, WORDS_GNUC_FAST, WORDS_GNUC, LOAD_TAIL_GNUC, GNUC_PATHS, NO_CHECK, NO_CHECK, p_base+0(FP), p_len+8(FP), r+24(FP))

// func wordsGNUCHiAVX512(p []byte, r *wordsResult)
TEXT ·wordsGNUCHiAVX512(SB), NOSPLIT, $0-32
	WORDS512(CLASSIFY_GNUC, WORDS_GNUC_FAST, WORDS_GNUC, LOAD_TAIL_GNUC, GNUC_PATHS, HIGH512_PAIR, HIGH512, p_base+0(FP), p_len+8(FP), r+24(FP))

// MAX_ASCII512(high, ...): the body of maxASCIIAVX512 and
// maxASCIIHiAVX512; lines, words and max line length in ascii.
#define MAX_ASCII512(high, pbase, plen, rp) \
	MOVQ pbase, DI; \
	MOVQ plen, CX; \
	CONSTS; \
	CMPQ BX, $0; \
	JEQ  tail; \
	PCALIGN $32; \
loop: \
	PREFETCHT0 1024(DI)(R15*1); \
	VMOVDQU64 (DI)(R15*1), Z0; \
	high(done); \
	CLASSIFY_ASCII; \
	WORDS_ASCII; \
	LINES; \
	MAXLINE(internal1, back1); \
	ADDQ      $64, R15; \
	CMPQ      R15, BX; \
	JNE       loop; \
tail: \
	CMPQ      R15, CX; \
	JEQ       done; \
	TAIL_MASK; \
	VMOVDQA64 Z26, Z0; \
	VMOVDQU8  (DI)(R15*1), K4, Z0; \
	high(done); \
	CLASSIFY_ASCII; \
	WORDS_ASCII; \
	LINES; \
	MAXLINE(internal2, back2); \
	ADDQ      $64, R15; \
done: \
	MAX_DONE(CX, rp)

// func maxASCIIAVX512(p []byte, r *wordsResult)
TEXT ·maxASCIIAVX512(SB), NOSPLIT, $0-32
	MAX_ASCII512(NO_CHECK, p_base+0(FP), p_len+8(FP), r+24(FP))

// func maxASCIIHiAVX512(p []byte, r *wordsResult)
TEXT ·maxASCIIHiAVX512(SB), NOSPLIT, $0-32
	MAX_ASCII512(HIGH512, p_base+0(FP), p_len+8(FP), r+24(FP))

// func maxGNUCAVX512(p []byte, r *wordsResult)
// Lines, words and max line length in gnu-c, up to the first block that
// holds a byte other than W, ' ' and '\n' (whose width is not 1): it
// stops there with r.n = that block's index, and the caller measures the
// line through it with the reference. So no T byte is ever counted here,
// and the ascii word rule applies to the W mask.
TEXT ·maxGNUCAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	CONSTS
	CMPQ BX, $0
	JEQ  tail

	PCALIGN $32
loop:
	PREFETCHT0 1024(DI)(R15*1)
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_WIDTH1
	KORTESTQ  K1, K3
	JCC       done
	KANDNQ    K1, K4, K1
	WORDS_ASCII
	LINES
	MAXLINE(internal1, back1)
	ADDQ      $64, R15
	CMPQ      R15, BX
	JNE       loop

tail:
	CMPQ      R15, CX
	JEQ       done
	TAIL_MASK
	VMOVDQA64 Z26, Z0
	VMOVDQU8  (DI)(R15*1), K4, Z0
	CLASSIFY_WIDTH1
	KORTESTQ  K1, K3
	JCC       done
	KANDNQ    K1, K4, K1
	WORDS_ASCII
	LINES
	MAXLINE(internal2, back2)
	ADDQ      $64, R15

done:
	MAX_DONE(CX, r+24(FP))

// ---- AVX2 -------------------------------------------------------------------
//
// The same routines with two 32-byte halves per 64-byte block: the masks
// are VPMOVMSKB pairs joined in a general register, and from there on the
// code is the GPR part above. Needs AVX2, POPCNT, LZCNT, BMI1, BMI2.
//
// There are no byte-masked loads in AVX2, so the routines read only the
// whole blocks of p, p[:len(p)&^63], and take the last partial block from
// tail: the caller's 64-byte copy of p[len(p)&^63:], padded as the AVX-512
// routines pad (' ', or NUL for gnu-c words).
//
// Registers as above, except: BX is len(p) rounded down to 64 (CX is not
// used); in the words routines R11 counts blocks down to the next fold of
// the line counters (LINESACC); Y15: spaceLUT, Y14: '\n' bytes, Y13: 0x21
// bytes, Y12: 0xff bytes, Y11: ' ' bytes, Y8-Y10: line counters (words
// routines) or scratch (WIDTH1_OR_STOP).

#define CONSTS2 \
	VBROADCASTI128 spaceLUT<>(SB), Y15; \
	MOVL           $0x0a, AX; \
	VMOVQ          AX, X14; \
	VPBROADCASTB   X14, Y14; \
	MOVL           $0x21, AX; \
	VMOVQ          AX, X13; \
	VPBROADCASTB   X13, Y13; \
	VPCMPEQB       Y12, Y12, Y12; \
	MOVL           $0x20, AX; \
	VMOVQ          AX, X11; \
	VPBROADCASTB   X11, Y11; \
	XORQ           R8, R8; \
	XORQ           R9, R9; \
	XORQ           R10, R10; \
	XORQ           R12, R12; \
	XORQ           R15, R15; \
	XORQ           SI, SI; \
	MOVQ           $(-1<<62), R11; \
	ANDQ           $~63, BX

// JOIN(lo, hi, dst): dst = the 64-bit mask of two 32-byte compare results.
#define JOIN(lo, hi, dst) \
	VPMOVMSKB lo, dst; \
	VPMOVMSKB hi, R13; \
	SHLQ      $32, R13; \
	ORQ       R13, dst

// CLASSIFY2_ASCII(a0, a1): the block at a0 (a1 = a0+32) → AX = W; the
// '\n' compares stay in Y2/Y6.
#define CLASSIFY2_ASCII(a0, a1) \
	VMOVDQU  a0, Y0; \
	VMOVDQU  a1, Y4; \
	VPSHUFB  Y0, Y15, Y1; \
	VPSHUFB  Y4, Y15, Y5; \
	VPCMPEQB Y1, Y0, Y1; \
	VPCMPEQB Y5, Y4, Y5; \
	VPCMPEQB Y14, Y0, Y2; \
	VPCMPEQB Y14, Y4, Y6; \
	JOIN(Y1, Y5, AX); \
	NOTQ     AX

// CLASSIFY2_GNUC(a0, a1): → AX = W; the compares stay in Y3/Y7 (W),
// Y1/Y5 (S), Y2/Y6 (NL) for WORDS_GNUC_FAST2 and LINESACC. W: b+1 > 0x21 as signed bytes is exactly
// 0x21 <= b <= 0x7e.
#define CLASSIFY2_GNUC(a0, a1) \
	VMOVDQU  a0, Y0; \
	VMOVDQU  a1, Y4; \
	VPSUBB   Y12, Y0, Y3; \
	VPSUBB   Y12, Y4, Y7; \
	VPCMPGTB Y13, Y3, Y3; \
	VPCMPGTB Y13, Y7, Y7; \
	VPSHUFB  Y0, Y15, Y1; \
	VPSHUFB  Y4, Y15, Y5; \
	VPCMPEQB Y1, Y0, Y1; \
	VPCMPEQB Y5, Y4, Y5; \
	VPCMPEQB Y14, Y0, Y2; \
	VPCMPEQB Y14, Y4, Y6; \
	JOIN(Y3, Y7, AX)

// CLASSIFY2_WIDTH1(a0, a1) (gnu-c max): Y3/Y7 = P, the bytes 0x20..0x7e
// (b+1 > 0x20 as signed bytes), Y2/Y6 = NL, Y1/Y5 = ' '.
#define CLASSIFY2_WIDTH1(a0, a1) \
	VMOVDQU  a0, Y0; \
	VMOVDQU  a1, Y4; \
	VPSUBB   Y12, Y0, Y3; \
	VPSUBB   Y12, Y4, Y7; \
	VPCMPGTB Y11, Y3, Y3; \
	VPCMPGTB Y11, Y7, Y7; \
	VPCMPEQB Y14, Y0, Y2; \
	VPCMPEQB Y14, Y4, Y6; \
	VPCMPEQB Y11, Y0, Y1; \
	VPCMPEQB Y11, Y4, Y5

// WIDTH1_OR_STOP(stop): jump to stop unless P|NL is all ones, i.e. every
// byte is of width 1 or '\n' (and none is T); else AX = W = P &^ ' '.
#define WIDTH1_OR_STOP(stop) \
	VPOR   Y3, Y2, Y8; \
	VPOR   Y7, Y6, Y9; \
	VPAND  Y8, Y9, Y8; \
	VPTEST Y12, Y8; \
	JCC    stop; \
	VPANDN Y3, Y1, Y3; \
	VPANDN Y7, Y5, Y7; \
	JOIN(Y3, Y7, AX)

// WORDS_GNUC_FAST2: as WORDS_GNUC_FAST; the test that W|S is all ones is
// done on the vectors (VPTEST sets CF when it is; W's are scratch once in
// AX, the block stays in Y0/Y4), and S goes to a general register only in
// the slow path. A byte >= 0x80 is neither W nor S, so a block that holds
// one takes the slow path, where high(stop) (HIGH2, or HIGH_NONE) checks.
#define WORDS_GNUC_FAST2(slow, back) \
	VPOR  Y3, Y1, Y3; \
	VPOR  Y7, Y5, Y7; \
	VPAND Y3, Y7, Y3; \
	VPTEST Y12, Y3; \
	JCC   slow; \
	WORDS_ASCII_R; \
back:

#define WORDS_GNUC_SLOW2(high, stop, slow, back) \
slow: \
	high(stop); \
	JOIN(Y1, Y5, DX); \
	WORDS_GNUC_R; \
	JMP back

// The max routines take NL to a general register: LINES2, then MAXLINE.
#define LINES2 \
	JOIN(Y2, Y6, DX); \
	LINES_R

// The words routines count lines on the vectors: VPSUBB adds the 0xff
// (-1) of each '\n' compare to a byte counter per lane in Y10, and after
// 127 blocks (at most 254 per lane) VPSADBW folds Y10 into Y8's four
// 64-bit sums. R11 counts the blocks down to the next fold; Y9 is zero.
#define LINESACC_INIT \
	VPXOR Y8, Y8, Y8; \
	VPXOR Y9, Y9, Y9; \
	VPXOR Y10, Y10, Y10; \
	MOVQ  $127, R11

#define LINESACC(fold, back) \
	VPSUBB Y2, Y10, Y10; \
	VPSUBB Y6, Y10, Y10; \
	DECQ   R11; \
	JZ     fold; \
back:

#define LINESACC_FOLD(fold, back) \
fold: \
	VPSADBW Y9, Y10, Y10; \
	VPADDQ  Y10, Y8, Y8; \
	VPXOR   Y10, Y10, Y10; \
	MOVQ    $127, R11; \
	JMP     back

// LINESACC_SUM: R8 = all the lines counted on the vectors.
#define LINESACC_SUM \
	VPSADBW      Y9, Y10, Y10; \
	VPADDQ       Y10, Y8, Y8; \
	SUM_QUADS(Y8, X8, X9, R8)

// HIGH_NONE and HIGH2(stop), the check of the routines' two flavours: the
// plain ones count all of p; the *HiAVX2 ones (for the UTF-8 dialects'
// ASCII stretches) stop at the first block, the tail one included, that
// holds a byte >= 0x80, before counting it (r.n = its index). HIGH2 runs
// after CLASSIFY2_*, when Y0 is free: the block is still in Y0/Y4 (in
// the gnu-c words routine only on its slow path, see WORDS_GNUC_FAST2).
#define HIGH_NONE(stop)

#define HIGH2(stop) \
	VPOR      Y4, Y0, Y0; \
	VPTEST    highBits<>(SB), Y0; \
	JNZ       stop

// highBits: the high bit of each byte (HIGH2's VPTEST: one test and
// branch instead of a VPMOVMSKB to a register and a TEST, 9 % faster in
// wordsASCIIHiAVX2).
DATA highBits<>+0(SB)/8, $0x8080808080808080
DATA highBits<>+8(SB)/8, $0x8080808080808080
DATA highBits<>+16(SB)/8, $0x8080808080808080
DATA highBits<>+24(SB)/8, $0x8080808080808080
GLOBL highBits<>(SB), RODATA|NOPTR, $32

// WORDS_ASCII2(high, ...): the body of wordsASCIIAVX2 and
// wordsASCIIHiAVX2. The arguments are passed in, so that the macros name
// no FP slot (vet's asmdecl reads them as lines of the TEXT before).
#define WORDS_ASCII2(high, pbase, plen, tailp, rp) \
	MOVQ pbase, DI; \
	MOVQ plen, BX; \
	CONSTS2; \
	LINESACC_INIT; \
	TESTQ BX, BX; \
	JZ    tail; \
	PCALIGN $32; \
loop: \
	PREFETCHT0 1024(DI)(R15*1); \
	CLASSIFY2_ASCII((DI)(R15*1), 32(DI)(R15*1)); \
	high(done); \
	WORDS_ASCII_R; \
	LINESACC(fold1, back1); \
	ADDQ $64, R15; \
	CMPQ R15, BX; \
	JNE  loop; \
tail: \
	CMPQ   R15, plen; \
	JEQ    done; \
	MOVQ   tailp, DI; \
	CLASSIFY2_ASCII((DI), 32(DI)); \
	high(done); \
	WORDS_ASCII_R; \
	VPSUBB Y2, Y10, Y10; \
	VPSUBB Y6, Y10, Y10; \
	MOVQ   plen, R15; \
done: \
	LINESACC_SUM; \
	VZEROUPPER; \
	MOVQ rp, AX; \
	STORE; \
	RET; \
	LINESACC_FOLD(fold1, back1)

// func wordsASCIIAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·wordsASCIIAVX2(SB), NOSPLIT, $0-40
	WORDS_ASCII2(HIGH_NONE, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// func wordsASCIIHiAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·wordsASCIIHiAVX2(SB), NOSPLIT, $0-40
	WORDS_ASCII2(HIGH2, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// WORDS_GNUC2(high): the body of wordsGNUCAVX2 and wordsGNUCHiAVX2.
#define WORDS_GNUC2(high, pbase, plen, tailp, rp) \
	MOVQ pbase, DI; \
	MOVQ plen, BX; \
	CONSTS2; \
	LINESACC_INIT; \
	TESTQ BX, BX; \
	JZ    tail; \
	PCALIGN $32; \
loop: \
	PREFETCHT0 1024(DI)(R15*1); \
	CLASSIFY2_GNUC((DI)(R15*1), 32(DI)(R15*1)); \
	WORDS_GNUC_FAST2(slow1, back1); \
	LINESACC(fold2, back2); \
	ADDQ $64, R15; \
	CMPQ R15, BX; \
	JNE  loop; \
tail: \
	CMPQ   R15, plen; \
	JEQ    done; \
	MOVQ   tailp, DI; \
	CLASSIFY2_GNUC((DI), 32(DI)); \
	high(done); \
	JOIN(Y1, Y5, DX); \
	WORDS_GNUC_R; \
	VPSUBB Y2, Y10, Y10; \
	VPSUBB Y6, Y10, Y10; \
	MOVQ   plen, R15; \
done: \
	LINESACC_SUM; \
	VZEROUPPER; \
	MOVQ rp, AX; \
	STORE; \
	RET; \
	WORDS_GNUC_SLOW2(high, done, slow1, back1); \
	LINESACC_FOLD(fold2, back2)

// func wordsGNUCAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·wordsGNUCAVX2(SB), NOSPLIT, $0-40
	WORDS_GNUC2(HIGH_NONE, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// func wordsGNUCHiAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·wordsGNUCHiAVX2(SB), NOSPLIT, $0-40
	WORDS_GNUC2(HIGH2, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// MAX_ASCII2(high): the body of maxASCIIAVX2 and maxASCIIHiAVX2.
#define MAX_ASCII2(high, pbase, plen, tailp, rp) \
	MOVQ pbase, DI; \
	MOVQ plen, BX; \
	CONSTS2; \
	TESTQ BX, BX; \
	JZ    tail; \
	PCALIGN $32; \
loop: \
	PREFETCHT0 1024(DI)(R15*1); \
	CLASSIFY2_ASCII((DI)(R15*1), 32(DI)(R15*1)); \
	high(done); \
	WORDS_ASCII_R; \
	LINES2; \
	MAXLINE(internal1, back1); \
	ADDQ $64, R15; \
	CMPQ R15, BX; \
	JNE  loop; \
tail: \
	CMPQ R15, plen; \
	JEQ  done; \
	MOVQ tailp, DI; \
	CLASSIFY2_ASCII((DI), 32(DI)); \
	high(done); \
	WORDS_ASCII_R; \
	LINES2; \
	MAXLINE(internal2, back2); \
	ADDQ $64, R15; \
done: \
	MAX_DONE(plen, rp)

// func maxASCIIAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·maxASCIIAVX2(SB), NOSPLIT, $0-40
	MAX_ASCII2(HIGH_NONE, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// func maxASCIIHiAVX2(p []byte, tail *[64]byte, r *wordsResult)
TEXT ·maxASCIIHiAVX2(SB), NOSPLIT, $0-40
	MAX_ASCII2(HIGH2, p_base+0(FP), p_len+8(FP), tail+24(FP), r+32(FP))

// func maxGNUCAVX2(p []byte, tail *[64]byte, r *wordsResult)
// As maxGNUCAVX512: stops at the first block with a byte of width not 1.
TEXT ·maxGNUCAVX2(SB), NOSPLIT, $0-40
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), BX
	CONSTS2
	TESTQ BX, BX
	JZ    tail

	PCALIGN $32
loop:
	PREFETCHT0 1024(DI)(R15*1)
	CLASSIFY2_WIDTH1((DI)(R15*1), 32(DI)(R15*1))
	WIDTH1_OR_STOP(done)
	WORDS_ASCII_R
	LINES2
	MAXLINE(internal1, back1)
	ADDQ $64, R15
	CMPQ R15, BX
	JNE  loop

tail:
	CMPQ R15, p_len+8(FP)
	JEQ  done
	MOVQ tail+24(FP), DI
	CLASSIFY2_WIDTH1((DI), 32(DI))
	WIDTH1_OR_STOP(done)
	WORDS_ASCII_R
	LINES2
	MAXLINE(internal2, back2)
	ADDQ $64, R15

done:
	MAX_DONE(p_len+8(FP), r+32(FP))
