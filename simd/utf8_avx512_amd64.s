//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// func utf8WordsAVX512(p []byte, t *utf8Tables, lineMask uint64) utf8Result
//
// Lines, words, chars and (lineMask -1) line lengths in chars of p in a
// UTF-8 dialect, 64 bytes per block, up
// to the first block that is not valid UTF-8 (r.n = its index; the caller
// re-decodes the char that straddles it). p must start on a char and not
// end inside one. Needs AVX512F, AVX512BW, AVX512VBMI, POPCNT, BMI1, BMI2.
//
// Validation is Keiser & Lemire's ("Validating UTF-8 in less than one
// instruction per byte"): three nibble lookups on the byte and the one
// before it, plus the "must be 2nd/3rd continuation" test on the bytes two
// and three before. The bytes before and after a block come from unaligned
// loads at -3..-1 and +1, +2 (masked where they would leave p), so every
// block stands alone and nothing is carried in vector registers.
//
// A char is counted at its first byte: chars = bytes that are not
// continuations; '\n' is ASCII. Its word class too: the first byte of a
// separator is found from the byte and the two after it with three 128-entry
// VPERMI2B lookups (t.lead, t.n1, t.n2: one bit per pattern, so a match
// needs the same bit in all three), and continuation bytes are transparent,
// which the gnu-c word rule handles (see WORDS_GNUC_R). Blocks of pure ASCII
// (with no sequence open before them) take the ascii word rule, unless
// t.slowOnly (K0) sends every block through SLOW.
//
// The gnu dialects also need t.allow: a lead byte whose char matches none
// of its patterns (two sets of three 64-entry VPERMB lookups, like the
// separators) makes the block hard, so only chars whose glibc class the
// tables know are counted here; and ASCII controls below t.ctrlBelow or
// equal to t.ctrlEq (Z13, Z14) are transparent.
//
//	DI: p, CX: len(p), R15: index of the block, BX: end of the unmasked loop
//	R8: lines, R10: words, R9: word carry (top bit: in a word), SI: chars
//	AX DX R11 R12 R13 R14: scratch
//	Z31: spaceLUT, Z30: '\n', Z29: 0x0f, Z28: 0xbf, Z27..Z25: validation
//	tables, Z24: 0x60, Z23: 0x70, Z22: 0x80, Z16..Z21: lead, n1, n2 tables
//	Z13, Z14: t.ctrlBelow, t.ctrlEq; K7: the block's lanes inside p;
//	K0: t.slowOnly (the gnu dialects: allow-list and transparent controls
//	too), for the loop's test; the frame's gnu holds it too, for the
//	classifying path's branches (a compare with memory, not a KORTESTQ:
//	the opmask work there all runs on port 0). classify reloads t into
//	R11 for the allow tables.

// spaceLUT: VPSHUFB(spaceLUT, b) == b exactly for the six ASCII separators.
DATA utf8SpaceLUT<>+0(SB)/8, $0xffffffffffffff20
DATA utf8SpaceLUT<>+8(SB)/8, $0xffff0d0c0b0a09ff
GLOBL utf8SpaceLUT<>(SB), RODATA|NOPTR, $16

// utf8CC0: 0xc0 in every byte. In a valid block the leads are the bytes
// >= 0xc0: one compare (port 5), where the char starts' high bits took a
// VPMOVB2M and a KANDQ (both port 0, which the mask work crowds).
DATA utf8CC0<>+0(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+8(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+16(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+24(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+32(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+40(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+48(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA utf8CC0<>+56(SB)/8, $0xc0c0c0c0c0c0c0c0
GLOBL utf8CC0<>(SB), RODATA|NOPTR, $64

// MASKBELOW: AX = the lanes below R13 (0 ≤ R13), with R12 = -1. BZHI
// reads only the low byte of its index, hence the CMOV.
#define MASKBELOW \
	BZHIQ   R13, R12, AX; \
	CMPQ    R13, $64; \
	CMOVQGE R12, AX

// WORDS_ASCII_R (no transparent byte) and WORDS_GNUC_R (the rest
// transparent): the word arithmetic of the byte routines, words_amd64.h.
#include "words_amd64.h"

// SLOW: the block in Z0, the bytes 1, 2, 3 before it in Z1, Z2, Z3 and 1,
// 2 after it in Z4, Z5; lanes outside p masked out by K7 (and zero).
// Jumps to hard when a lane of K7 is not valid UTF-8; classify then finds
// the char starts (K1), newlines (K3), separators (K4) and word chars (K5)
// for count.
#define SLOW(hard) \
	VPSRLW      $4, Z1, Z6; \
	VPANDQ      Z29, Z6, Z6; \
	VPSHUFB     Z6, Z27, Z6; \
	VPANDQ      Z29, Z1, Z7; \
	VPSHUFB     Z7, Z26, Z7; \
	VPSRLW      $4, Z0, Z8; \
	VPANDQ      Z29, Z8, Z8; \
	VPSHUFB     Z8, Z25, Z8; \
	VPTERNLOGD  $0x80, Z8, Z7, Z6; \
	VPSUBUSB    Z24, Z2, Z9; \
	VPSUBUSB    Z23, Z3, Z10; \
	VPTERNLOGD  $0xa8, Z22, Z10, Z9; \
	VPXORQ      Z9, Z6, Z6; \
	VPTESTMB    Z6, Z6, K7, K2; \
	KORTESTQ    K2, K2; \
	JNZ         hard

// Line lengths (lineMask = -1; 0 skips them) live in the frame: a
// line's width is the number of chars between two '\n's, so at each
// '\n' (the lowest bit of DX) it is the chars before it (SI plus the char
// starts of the block below it) minus lineStart, the chars before the
// line; head is -1 until the first '\n'. '\n's are about one per 64-byte
// block in text, so a popcount per '\n' costs little. gnu: t.slowOnly.
TEXT ·utf8WordsAVX512(SB), NOSPLIT, $40-112
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	MOVQ t+24(FP), AX
	VBROADCASTI32X4 utf8SpaceLUT<>(SB), Z31
	VBROADCASTI32X4 utf8Tables_valid+0(AX), Z27
	VBROADCASTI32X4 utf8Tables_valid+16(AX), Z26
	VBROADCASTI32X4 utf8Tables_valid+32(AX), Z25
	VMOVDQU64 utf8Tables_lead+0(AX), Z16
	VMOVDQU64 utf8Tables_lead+64(AX), Z17
	VMOVDQU64 utf8Tables_n1+0(AX), Z18
	VMOVDQU64 utf8Tables_n1+64(AX), Z19
	VMOVDQU64 utf8Tables_n2+0(AX), Z20
	VMOVDQU64 utf8Tables_n2+64(AX), Z21
	MOVL $0x0a, AX
	VPBROADCASTB AX, Z30
	MOVL $0x0f, AX
	VPBROADCASTB AX, Z29
	MOVL $0xbf, AX
	VPBROADCASTB AX, Z28
	MOVL $0x60, AX
	VPBROADCASTB AX, Z24
	MOVL $0x70, AX
	VPBROADCASTB AX, Z23
	MOVL $0x80, AX
	VPBROADCASTB AX, Z22
	XORQ R8, R8
	XORQ R9, R9
	XORQ R10, R10
	XORQ SI, SI
	XORQ R15, R15
	MOVQ R15, lineStart-8(SP)
	MOVQ R15, max-16(SP)
	MOVQ $-1, head-24(SP)
	MOVQ t+24(FP), AX
	VMOVDQU64 utf8Tables_ctrlBelow(AX), Z13
	VMOVDQU64 utf8Tables_ctrlEq(AX), Z14
	KMOVQ utf8Tables_slowOnly(AX), K0
	MOVQ  utf8Tables_slowOnly(AX), R12
	MOVQ  R12, gnu-40(SP)
	MOVQ lineMask+32(FP), AX
	MOVQ AX, lineMask-32(SP)
	// The unmasked loop needs 3 bytes before the block and 2 after it.
	LEAQ -66(CX), BX
	TESTQ CX, CX
	JEQ  done

masked:
	// A block at the start or the end of p: every load masked to p.
	// R11 = bytes left (1..); MASKBELOW: AX = lanes below R13 (≥ 0).
	MOVQ  CX, R11
	SUBQ  R15, R11
	MOVQ  $-1, R12
	MOVQ  R11, R13
	MASKBELOW
	KMOVQ AX, K7
	VMOVDQU8.Z (DI)(R15*1), K7, Z0
	// after: lane j of +1 is in p when j < R11-1, of +2 when j < R11-2
	LEAQ  -1(R11), R13
	MASKBELOW
	KMOVQ AX, K1
	VMOVDQU8.Z 1(DI)(R15*1), K1, Z4
	LEAQ  -2(R11), R13
	MASKBELOW
	XORQ  R14, R14
	CMPQ  R11, $2
	CMOVQLT R14, AX
	KMOVQ AX, K1
	VMOVDQU8.Z 2(DI)(R15*1), K1, Z5
	// before: lane j of -k is in p when j ≥ k-R15 (only the first block
	// is cut there) and j < R11+k
	MOVQ  R12, R14
	TESTQ R15, R15
	JNE   before1
	SHLQ  $1, R14
before1:
	LEAQ  1(R11), R13
	MASKBELOW
	ANDQ  R14, AX
	KMOVQ AX, K1
	VMOVDQU8.Z -1(DI)(R15*1), K1, Z1
	TESTQ R15, R15
	JNE   before2
	SHLQ  $1, R14
before2:
	LEAQ  2(R11), R13
	MASKBELOW
	ANDQ  R14, AX
	KMOVQ AX, K1
	VMOVDQU8.Z -2(DI)(R15*1), K1, Z2
	TESTQ R15, R15
	JNE   before3
	SHLQ  $1, R14
before3:
	LEAQ  3(R11), R13
	MASKBELOW
	ANDQ  R14, AX
	KMOVQ AX, K1
	VMOVDQU8.Z -3(DI)(R15*1), K1, Z3
	SLOW(hard)
	JMP   classify

loop:
	PREFETCHT0 1024(DI)(R15*1)
	VMOVDQU64 (DI)(R15*1), Z0
	VMOVDQU64 -3(DI)(R15*1), Z3
	VPORQ     Z0, Z3, Z6
	VPMOVB2M  Z6, K1
	KORTESTQ  K0, K1
	JNZ       slow
	// pure ASCII, nothing open before it
	VPSHUFB   Z0, Z31, Z11
	VPCMPB    $4, Z11, Z0, K1
	VPCMPEQB  Z30, Z0, K3
	KMOVQ     K1, AX
	WORDS_ASCII_R
	KMOVQ     K3, DX
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ANDQ      lineMask-32(SP), DX
	JNZ       asciilines
asciicounted:
	ADDQ      $64, SI

next:
	ADDQ      $64, R15
	CMPQ      R15, BX
	JLE       loop
	CMPQ      R15, CX
	JB        masked

end:
	MOVQ CX, R15

done:
	VZEROUPPER
	LEAQ ret+40(FP), AX
	SHRQ $63, R9
	MOVQ R8, utf8Result_lines(AX)
	MOVQ R10, utf8Result_words(AX)
	MOVQ SI, utf8Result_chars(AX)
	MOVQ R9, utf8Result_inWord(AX)
	MOVQ R15, utf8Result_n(AX)
	MOVQ head-24(SP), DX
	MOVQ DX, utf8Result_head(AX)
	MOVQ max-16(SP), DX
	MOVQ DX, utf8Result_max(AX)
	MOVQ lineStart-8(SP), DX
	MOVQ DX, utf8Result_lineStart(AX)
	MOVQ $0, utf8Result_extra(AX)
	RET

hard:
	// r.n = the block's index; the counts stop before it.
	JMP done

slow:
	VMOVDQU64 -1(DI)(R15*1), Z1
	VMOVDQU64 -2(DI)(R15*1), Z2
	VMOVDQU64 1(DI)(R15*1), Z4
	VMOVDQU64 2(DI)(R15*1), Z5
	SLOW(hard)

classify:
	// The block is valid UTF-8: K1 = its char starts, K5 = its leads.
	VPCMPB      $6, Z28, Z0, K7, K1
	VPCMPUB     $5, utf8CC0<>(SB), Z0, K7, K5
	CMPQ        gnu-40(SP), $0
	JEQ         separators
	// gnu: a lead whose char is not allow-listed makes the block hard.
	MOVQ        t+24(FP), R11
	VPERMB      utf8Tables_allow+0(R11), Z0, Z6
	VPERMB      utf8Tables_allow+64(R11), Z4, Z7
	VPERMB      utf8Tables_allow+128(R11), Z5, Z8
	VPTERNLOGD  $0x80, Z8, Z7, Z6
	VPERMB      utf8Tables_allow+192(R11), Z0, Z7
	VPERMB      utf8Tables_allow+256(R11), Z4, Z8
	VPERMB      utf8Tables_allow+320(R11), Z5, Z9
	VPTERNLOGD  $0x80, Z9, Z8, Z7
	VPORQ       Z7, Z6, Z6
	VPTESTNMB   Z6, Z6, K5, K2
	KORTESTQ    K2, K2
	JNZ         hard

separators:
	VPCMPEQB    Z30, Z0, K3
	VPSHUFB     Z0, Z31, Z11
	VPCMPEQB    Z11, Z0, K4
	VMOVDQA64   Z0, Z12
	VPERMI2B    Z17, Z16, Z12
	VPERMI2B    Z19, Z18, Z4
	VPERMI2B    Z21, Z20, Z5
	VPTERNLOGD  $0x80, Z12, Z4, Z5
	VPTESTMB    Z5, Z5, K5, K6
	KORQ        K4, K6, K4
	KANDNQ      K1, K4, K5
	CMPQ        gnu-40(SP), $0
	JEQ         count
	// gnu: ASCII controls (not separators) are transparent.
	VPCMPUB     $1, Z13, Z0, K1, K2
	VPCMPEQB    Z14, Z0, K1, K6
	KORQ        K2, K6, K2
	KANDNQ      K2, K4, K2
	KANDNQ      K5, K2, K5

count:
	// The block validated: char starts in K1, newlines in K3, separators
	// in K4, word chars in K5.
	KMOVQ   K3, DX
	POPCNTQ DX, R13
	ADDQ    R13, R8
	ANDQ    lineMask-32(SP), DX
	JNZ     lines
counted:
	KMOVQ   K1, AX
	POPCNTQ AX, AX
	ADDQ    AX, SI
	KMOVQ   K5, AX
	KMOVQ   K4, DX
	WORDS_GNUC_R
	KXNORQ  K7, K7, K7
	JMP     next

lines:
	// DX: the newlines of a validated block, K1 its char starts.
	KMOVQ     K1, AX
linesloop:
	BLSMSKQ   DX, R13
	ANDQ      AX, R13
	POPCNTQ   R13, R13
	LEAQ      -1(SI)(R13*1), R12
	SUBQ      lineStart-8(SP), R12
	ADDQ      SI, R13
	MOVQ      R13, lineStart-8(SP)
	LINE(linesfirst)
	BLSRQ     DX, DX
	JNZ       linesloop
	JMP       counted

asciilines:
	// DX: the newlines of a pure-ASCII block (every byte a char).
	TZCNTQ    DX, R13
	LEAQ      (SI)(R13*1), R12
	SUBQ      lineStart-8(SP), R12
	LEAQ      1(SI)(R13*1), R13
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
