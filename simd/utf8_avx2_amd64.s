//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// func utf8BlocksAVX2(p *byte, n int, t *utf8Tables, lineMask uint64, st *utf8State)
//
// The AVX2 twin of utf8WordsAVX512 (utf8_avx512_amd64.s) for the utf8
// dialect: lines, words, chars and (lineMask -1) line lengths in chars of
// p[:n], 64 bytes per block, added to *st, up to the first block that is
// not valid UTF-8 (st.n = its index, else n). AVX2 has no byte-masked
// loads, so the caller (utf8WordsAVX2) makes every read safe: p[-3:0] and
// everything up to 2 bytes past the end of the last block are readable,
// and when n is not a multiple of 64 the bytes from p[n] on are zero
// (ASCII after a complete char: no error, and masked out of every count).
// Needs AVX2, POPCNT, BMI1, BMI2.
//
// Per 32-byte half b, with b-1, b-2, b-3, b+1, b+2 unaligned loads (so
// nothing is carried between blocks in vector registers):
//	- validation, Keiser & Lemire: the three nibble lookups on b-1 and b,
//	  XOR the "must be 2nd/3rd continuation" bytes from b-2, b-3; any
//	  nonzero byte is an error (OR-ed into Y8 for the block);
//	- char starts: b > 0xBF as signed bytes (everything but 0x80..0xBF);
//	- separators: the six ASCII ones (spaceLUT), and the first byte of a
//	  multi-byte one where the six nibble lookups of b, b+1, b+2 in
//	  t.sepNib share a bit; continuation bytes are transparent, so the
//	  word rule is WORDS_GNUC_R with W = starts &^ S.
// A block of pure ASCII with no sequence open before it (b-3 included)
// takes the ascii rule (WORDS_ASCII_R) without any of that.
//
//	DI: p, CX: n, R15: index of the block, BX: lanes of the block in p
//	R8: lines, R10: words, R9: word carry (top bit: in a word), SI: chars
//	R11: char starts, R14: separators; AX DX R12 R13: scratch
//	Y15: spaceLUT, Y14: '\n', Y13: 0x0f, Y12..Y10: validation tables,
//	Y9: 0xbf, Y8: errors, Y7: zero; Y0..Y6: scratch
//	frame: lineMask, head (-1 until the first '\n'), max, lineStart
//	(chars before the line in progress), as in utf8WordsAVX512
//
// Loop invariant: st's counts plus R8, R10, SI are those of p[:R15].

DATA utf8SpaceLUT2<>+0(SB)/8, $0xffffffffffffff20
DATA utf8SpaceLUT2<>+8(SB)/8, $0xffff0d0c0b0a09ff
GLOBL utf8SpaceLUT2<>(SB), RODATA|NOPTR, $16

DATA utf8C60<>+0(SB)/8, $0x6060606060606060
DATA utf8C60<>+8(SB)/8, $0x6060606060606060
DATA utf8C60<>+16(SB)/8, $0x6060606060606060
DATA utf8C60<>+24(SB)/8, $0x6060606060606060
GLOBL utf8C60<>(SB), RODATA|NOPTR, $32

DATA utf8C70<>+0(SB)/8, $0x7070707070707070
DATA utf8C70<>+8(SB)/8, $0x7070707070707070
DATA utf8C70<>+16(SB)/8, $0x7070707070707070
DATA utf8C70<>+24(SB)/8, $0x7070707070707070
GLOBL utf8C70<>(SB), RODATA|NOPTR, $32

DATA utf8C80<>+0(SB)/8, $0x8080808080808080
DATA utf8C80<>+8(SB)/8, $0x8080808080808080
DATA utf8C80<>+16(SB)/8, $0x8080808080808080
DATA utf8C80<>+24(SB)/8, $0x8080808080808080
GLOBL utf8C80<>(SB), RODATA|NOPTR, $32

#include "words_amd64.h"

// NIBLOOKUP(x, k): Y2 &= t.sepNib[2k][x & 15] & t.sepNib[2k+1][x >> 4],
// with x in Y1 (clobbered); AX holds t. Scratch: Y3, Y6.
#define NIBLOOKUP(k) \
	VPAND          Y13, Y1, Y3; \
	VBROADCASTI128 (utf8Tables_sepNib+32*k)(AX), Y6; \
	VPSHUFB        Y3, Y6, Y6; \
	VPAND          Y6, Y2, Y2; \
	VPSRLW         $4, Y1, Y1; \
	VPAND          Y13, Y1, Y1; \
	VBROADCASTI128 (utf8Tables_sepNib+32*k+16)(AX), Y6; \
	VPSHUFB        Y1, Y6, Y6; \
	VPAND          Y6, Y2, Y2

// HALF(off, cs, nl, sep): the 32 bytes at p[R15+off]: errors into Y8,
// char starts, '\n's and separators as 32-bit masks in the three
// registers. AX holds t.
#define HALF(off, cs, nl, sep) \
	VMOVDQU   off(DI)(R15*1), Y0; \
	VMOVDQU   (off-1)(DI)(R15*1), Y1; \
	VPSRLW    $4, Y1, Y2; \
	VPAND     Y13, Y2, Y2; \
	VPSHUFB   Y2, Y12, Y2; \
	VPAND     Y13, Y1, Y3; \
	VPSHUFB   Y3, Y11, Y3; \
	VPAND     Y3, Y2, Y2; \
	VPSRLW    $4, Y0, Y4; \
	VPAND     Y13, Y4, Y4; \
	VPSHUFB   Y4, Y10, Y3; \
	VPAND     Y3, Y2, Y2; \
	VMOVDQU   (off-2)(DI)(R15*1), Y1; \
	VPSUBUSB  utf8C60<>(SB), Y1, Y1; \
	VMOVDQU   (off-3)(DI)(R15*1), Y3; \
	VPSUBUSB  utf8C70<>(SB), Y3, Y3; \
	VPOR      Y3, Y1, Y1; \
	VPAND     utf8C80<>(SB), Y1, Y1; \
	VPXOR     Y1, Y2, Y2; \
	VPOR      Y2, Y8, Y8; \
	VPCMPGTB  Y9, Y0, Y1; \
	VPMOVMSKB Y1, cs; \
	VPCMPEQB  Y14, Y0, Y1; \
	VPMOVMSKB Y1, nl; \
	VPSHUFB   Y0, Y15, Y5; \
	VPCMPEQB  Y5, Y0, Y5; \
	VPAND          Y13, Y0, Y1; \
	VBROADCASTI128 (utf8Tables_sepNib+0)(AX), Y2; \
	VPSHUFB        Y1, Y2, Y2; \
	VBROADCASTI128 (utf8Tables_sepNib+16)(AX), Y6; \
	VPSHUFB        Y4, Y6, Y6; \
	VPAND          Y6, Y2, Y2; \
	VMOVDQU   (off+1)(DI)(R15*1), Y1; \
	NIBLOOKUP(1); \
	VMOVDQU   (off+2)(DI)(R15*1), Y1; \
	NIBLOOKUP(2); \
	VPCMPEQB  Y7, Y2, Y2; \
	VPANDN    Y2, Y5, Y2; \
	VPMOVMSKB Y2, sep; \
	NOTL      sep

TEXT ·utf8BlocksAVX2(SB), NOSPLIT, $32-40
	MOVQ p+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ t+16(FP), AX
	VBROADCASTI128 utf8SpaceLUT2<>(SB), Y15
	VBROADCASTI128 (utf8Tables_valid+0)(AX), Y12
	VBROADCASTI128 (utf8Tables_valid+16)(AX), Y11
	VBROADCASTI128 (utf8Tables_valid+32)(AX), Y10
	MOVL $0x0a, DX
	MOVQ DX, X14
	VPBROADCASTB X14, Y14
	MOVL $0x0f, DX
	MOVQ DX, X13
	VPBROADCASTB X13, Y13
	MOVL $0xbf, DX
	MOVQ DX, X9
	VPBROADCASTB X9, Y9
	VPXOR Y8, Y8, Y8
	VPXOR Y7, Y7, Y7
	MOVQ lineMask+24(FP), DX
	MOVQ DX, lineMask-32(SP)
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
	XORQ R15, R15

loop:
	CMPQ R15, CX
	JAE  end
	MOVQ CX, DX
	SUBQ R15, DX
	MOVQ $-1, BX
	CMPQ DX, $64
	JAE  full
	// The last block, partial: only its lanes below n - R15 count.
	BZHIQ DX, BX, BX
	JMP   slow

full:
	VMOVDQU   (DI)(R15*1), Y0
	VMOVDQU   32(DI)(R15*1), Y1
	VPOR      -3(DI)(R15*1), Y0, Y2
	VPOR      Y1, Y2, Y2
	VPMOVMSKB Y2, DX
	TESTL     DX, DX
	JNZ       slow
	// Pure ASCII, nothing open before it: W = every byte but the six
	// separators.
	VPSHUFB   Y0, Y15, Y2
	VPCMPEQB  Y2, Y0, Y2
	VPMOVMSKB Y2, AX
	VPSHUFB   Y1, Y15, Y3
	VPCMPEQB  Y3, Y1, Y3
	VPMOVMSKB Y3, DX
	SHLQ      $32, DX
	ORQ       DX, AX
	NOTQ      AX
	WORDS_ASCII_R
	VPCMPEQB  Y14, Y0, Y2
	VPMOVMSKB Y2, DX
	VPCMPEQB  Y14, Y1, Y3
	VPMOVMSKB Y3, R13
	SHLQ      $32, R13
	ORQ       R13, DX
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ANDQ      lineMask-32(SP), DX
	JNZ       asciilines

asciicounted:
	ADDQ $64, SI
	ADDQ $64, R15
	JMP  loop

slow:
	MOVQ      t+16(FP), AX
	HALF(0, R11, DX, R14)
	HALF(32, R12, R13, AX)
	VPTEST    Y8, Y8
	JNZ       end
	SHLQ      $32, R12
	ORQ       R12, R11
	ANDQ      BX, R11
	SHLQ      $32, R13
	ORQ       R13, DX
	ANDQ      BX, DX
	SHLQ      $32, AX
	ORQ       AX, R14
	ANDQ      BX, R14
	// The block is valid: char starts in R11, '\n's in DX, separators
	// in R14.
	POPCNTQ   DX, R13
	ADDQ      R13, R8
	ANDQ      lineMask-32(SP), DX
	JNZ       lines

counted:
	POPCNTQ   R11, AX
	ADDQ      AX, SI
	ANDNQ     R11, R14, AX
	MOVQ      R14, DX
	WORDS_GNUC_R
	ADDQ      $64, R15
	JMP       loop

end:
	// R15: n, or the index of the block that is not valid.
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
	RET

// LINE(first): the line of width R12 ended; the first one jumps to first.
#define LINE(first) \
	CMPQ    head-24(SP), $-1; \
	JEQ     first; \
	MOVQ    max-16(SP), R13; \
	CMPQ    R12, R13; \
	CMOVQHI R12, R13; \
	MOVQ    R13, max-16(SP)

lines:
	// DX: the newlines of a validated block, R11 its char starts.
	MOVQ      R11, AX
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
