//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// Word, line and line-length routines for the byte dialects, 64 bytes per
// block with AVX-512. Needs AVX512F, AVX512BW, POPCNT, LZCNT, BMI1, BMI2.
//
// Each block is classified into 64-bit masks (one bit per byte, bit i =
// byte i): W word bytes, S separators, NL '\n'; in gnu-c the rest,
// T = ^(W|S), are transparent. The masks go to general registers, where
// word starts are counted with a carry between blocks (see WORDS_*).
//
// Registers common to the routines:
//	DI: p, CX: len(p), BX: len(p) rounded down to 64, R15: index of the block
//	R8: lines, R10: words, R9: word carry: its top bit is 1 when the byte
//	    before the block (the last non-T one, in gnu-c) is a word byte
//	R11: index of the last '\n' seen (1<<62 before the first), R12: max;
//	    in the words-only routines R11 is the end of the two-block loop
//	    and R12 scratch
//	SI: 0 (for CMOV), AX DX R13 R14: scratch
//	Z30: spaceLUT in every lane, Z29: '\n' bytes, Z28: 0x21 bytes,
//	Z27: 0x5d bytes, Z26: ' ' bytes
//
// Loop invariant: the counters hold the counts of p[:R15] (words as if a
// separator preceded p), and R9 the in-word state after p[:R15].
//
// The last partial block is read with a masked load (VMOVDQU8 with an
// opmask of the remaining bytes): masked-out bytes are not read, so nothing
// outside p is touched. They are filled with a byte that changes no count:
// ' ' (or, for gnu-c words, NUL, which is transparent and so keeps the
// in-word state of the last byte).

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
	XORQ            R8, R8; \
	XORQ            R9, R9; \
	XORQ            R10, R10; \
	XORQ            R12, R12; \
	XORQ            R15, R15; \
	XORQ            SI, SI; \
	MOVQ            $(1<<62), R11; \
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

// WORDS_ASCII: a word starts at a W byte whose previous byte is not W:
// starts = W &^ (W<<1 | R9>>63), one SHLD; R9 becomes this block's W. The
// carry is the previous block's mask alone, so blocks do not wait on
// each other.
#define WORDS_ASCII \
	KMOVQ   K1, AX; \
	MOVQ    AX, R13; \
	SHLQ    $1, R9, R13; \
	ANDNQ   AX, R13, R13; \
	POPCNTQ R13, R13; \
	ADDQ    R13, R10; \
	MOVQ    AX, R9

// WORDS_GNUC: a run of T bytes takes the in-word state of the byte before
// it. Everything is computed as if the block began outside a word:
//	seed   = T & W<<1              (T runs that follow a W byte)
//	inword = W | (T &^ (T + seed)) (the add carries each seed through its run)
//	starts = W &^ inword<<1
// and then corrected by the carry, R9's top bit (1 when in a word): if so,
// the first non-T byte, BLSI(W|S), does not start a word. The next carry
// is inword, or R9 again when the block is all T. So the chain
// from block to block is the one CMOV. Scratch: R12.
#define WORDS_GNUC \
	KMOVQ   K1, AX; \
	KMOVQ   K2, DX; \
	ORQ     AX, DX; \
	MOVQ    DX, R13; \
	NOTQ    R13; \
	LEAQ    (AX)(AX*1), R14; \
	ANDNQ   R14, DX, R14; \
	ADDQ    R13, R14; \
	ANDNQ   R13, R14, R14; \
	ORQ     AX, R14; \
	LEAQ    (R14)(R14*1), R13; \
	ANDNQ   AX, R13, R13; \
	BLSIQ   DX, AX; \
	MOVQ    R9, R12; \
	SARQ    $63, R12; \
	ANDQ    R12, AX; \
	ANDNQ   R13, AX, R13; \
	POPCNTQ R13, R13; \
	ADDQ    R13, R10; \
	TESTQ   DX, DX; \
	CMOVQNE R14, R9

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

// LINES: R8 += popcount(NL); leaves NL in DX.
#define LINES \
	KMOVQ   K3, DX; \
	POPCNTQ DX, R13; \
	ADDQ    R13, R8

// MAXLINE: NL in DX. The line ended by the block's first '\n' is
// R15 + TZCNT(NL) - R11 - 1 long (negative, so ignored, for the first
// line of p, whose width summarize takes from the index of the first
// '\n'); R11 becomes the index of the block's last '\n'. Lines between
// two '\n' of the same block are shorter than 63, so they are looked at
// (out of line, at internal) only while the max is below 62.
#define MAXLINE(internal, back) \
	TZCNTQ  DX, R13; \
	LEAQ    -1(R15)(R13*1), R13; \
	SUBQ    R11, R13; \
	LZCNTQ  DX, R14; \
	NEGQ    R14; \
	LEAQ    63(R15)(R14*1), R14; \
	TESTQ   DX, DX; \
	CMOVQEQ SI, R13; \
	CMOVQNE R14, R11; \
	CMPQ    R13, R12; \
	CMOVQGT R13, R12; \
	CMPQ    R12, $62; \
	JLT     internal; \
back:

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

// TAIL_MASK: K4 = the CX-R15 (0..63) bytes left.
#define TAIL_MASK \
	MOVQ  CX, DX; \
	SUBQ  R15, DX; \
	MOVQ  $-1, AX; \
	BZHIQ DX, AX, AX; \
	KMOVQ AX, K4

#define STORE \
	SHRQ $63, R9; \
	MOVQ R8, wordsResult_lines(AX); \
	MOVQ R10, wordsResult_words(AX); \
	MOVQ R9, wordsResult_inWord(AX); \
	MOVQ R12, wordsResult_max(AX); \
	MOVQ R11, wordsResult_lastNL(AX); \
	MOVQ R15, wordsResult_n(AX)

// func wordsASCIIAVX512(p []byte, r *wordsResult)
// Lines and words in ascii; two blocks per iteration.
TEXT ·wordsASCIIAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	CONSTS
	MOVQ CX, R11
	ANDQ $~127, R11
	JZ   single

loop2:
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_ASCII
	WORDS_ASCII
	LINES
	VMOVDQU64 64(DI)(R15*1), Z0
	CLASSIFY_ASCII
	WORDS_ASCII
	LINES
	ADDQ      $128, R15
	CMPQ      R15, R11
	JNE       loop2

single:
	CMPQ      R15, BX
	JEQ       tail
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_ASCII
	WORDS_ASCII
	LINES
	ADDQ      $64, R15

tail:
	CMPQ      R15, CX
	JEQ       done
	TAIL_MASK
	VMOVDQA64 Z26, Z0
	VMOVDQU8  (DI)(R15*1), K4, Z0
	CLASSIFY_ASCII
	WORDS_ASCII
	LINES
	MOVQ      CX, R15

done:
	VZEROUPPER
	MOVQ r+24(FP), AX
	STORE
	RET

// func wordsGNUCAVX512(p []byte, r *wordsResult)
// Lines and words in gnu-c; two blocks per iteration.
TEXT ·wordsGNUCAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	CONSTS
	MOVQ CX, R11
	ANDQ $~127, R11
	JZ   single

loop2:
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_GNUC
	WORDS_GNUC_FAST(slow1, back1)
	LINES
	VMOVDQU64 64(DI)(R15*1), Z0
	CLASSIFY_GNUC
	WORDS_GNUC_FAST(slow2, back2)
	LINES
	ADDQ      $128, R15
	CMPQ      R15, R11
	JNE       loop2

single:
	CMPQ      R15, BX
	JEQ       tail
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_GNUC
	WORDS_GNUC_FAST(slow3, back3)
	LINES
	ADDQ      $64, R15

tail:
	CMPQ       R15, CX
	JEQ        done
	TAIL_MASK
	VMOVDQU8.Z (DI)(R15*1), K4, Z0
	CLASSIFY_GNUC
	WORDS_GNUC
	LINES
	MOVQ       CX, R15

done:
	VZEROUPPER
	MOVQ r+24(FP), AX
	STORE
	RET

	WORDS_GNUC_SLOW(slow1, back1)
	WORDS_GNUC_SLOW(slow2, back2)
	WORDS_GNUC_SLOW(slow3, back3)

// func maxASCIIAVX512(p []byte, r *wordsResult)
// Lines, words and max line length in ascii.
TEXT ·maxASCIIAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	CONSTS
	CMPQ BX, $0
	JEQ  tail

loop:
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_ASCII
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
	CLASSIFY_ASCII
	WORDS_ASCII
	LINES
	MAXLINE(internal2, back2)
	MOVQ      CX, R15

done:
	VZEROUPPER
	MOVQ r+24(FP), AX
	STORE
	RET

	INTERNAL(internal1, back1, next1)
	INTERNAL(internal2, back2, next2)

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

loop:
	VMOVDQU64 (DI)(R15*1), Z0
	CLASSIFY_GNUC
	VPCMPEQB  Z26, Z0, K4
	KORQ      K1, K4, K5
	KORTESTQ  K5, K3
	JCC       done
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
	CLASSIFY_GNUC
	VPCMPEQB  Z26, Z0, K4
	KORQ      K1, K4, K5
	KORTESTQ  K5, K3
	JCC       done
	WORDS_ASCII
	LINES
	MAXLINE(internal2, back2)
	MOVQ      CX, R15

done:
	VZEROUPPER
	MOVQ r+24(FP), AX
	STORE
	RET

	INTERNAL(internal1, back1, next1)
	INTERNAL(internal2, back2, next2)
