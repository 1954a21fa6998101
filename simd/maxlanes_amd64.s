//go:build !purego

#include "go_asm.h"
#include "textflag.h"
#include "words_amd64.h"

// func maxASCIIAVX512Lanes(p []byte, r *wordsResult)
//
// Lines, words and max line length in ascii, like maxASCIIAVX512, for a p
// that ends with '\n' (the caller counts what follows the last '\n' with
// the words routine). Sets r.lines, r.words, r.max. Needs AVX512F, BW,
// VPOPCNTDQ, POPCNT, LZCNT, BMI1, BMI2.
//
// Why: maxASCIIAVX512 spends five port-1 uops per 64-byte block (SHLD,
// two POPCNT, TZCNT, LZCNT) and runs at ~5.2 cycles per block. Here the
// words leave the general registers: each block's W mask (word bytes) is
// stored with KMOVQ into a ring of four 8-lane slots on the stack, and
// once per group of eight blocks the slot written two groups earlier (its
// stores have committed, so the 64-byte load does not wait on store
// forwarding) is counted on eight qword lanes:
//	words += VPOPCNTQ(W &^ (W<<1 | P>>63))
// where P, the W of each lane's previous block, is an unaligned load 8
// bytes before the slot (lane 7 of each group is also stored there for
// the next slot; slot 0's is a pad qword).
//
// Lines and max stay in general registers (NL in DX). AX is the length of
// the line in progress at the block's start, very negative before the
// first '\n' so that the first line (Head, measured by the caller) never
// counts:
//	cand = AX + TZCNT(NL)   the line ending at the first '\n', or, for a
//	                        block without one, the line so far (a lower
//	                        bound of a line that ends later in p, since p
//	                        ends with '\n')
//	AX   = LZCNT(NL), or AX + 64 without '\n' (CF from LZCNT)
//	max  = max(max, cand)
// Lines between two '\n' of one block are shorter than 63; they are
// looked at (out of line, at internal) only while the max is below 62, in
// loopcheck; then the loop goes on without the check (the max only
// grows).
//
// Stack (R14 = SP+64): W slots at R14+64k (k = group mod 4), the pad qword
// at R14-8, scratch at R14+256.
//
// Registers:
//	DI: p, CX: len(p), BX: len(p) rounded down to 512 (lane offset in the
//	tail), R15: index of the block, SI: the slot written (group R15/512),
//	R12: the slot counted (two groups before), R10: where this group's
//	lane 7 goes again, R8: lines, AX: line in progress, R11: max,
//	DX R9 R13: scratch
//	Z30: spaceLUT, Z29: '\n' bytes, Z26: ' ' bytes, Z23: words per lane,
//	Z15: 0
//
// Loop invariant: at a group boundary R15, R8, AX and R11 are the lines,
// the line in progress and the max of p[:R15], and the lane sum of Z23 is
// the words of p[:R15-1024] (groups before p are zero slots).

DATA spaceLUTL<>+0(SB)/8, $0xffffffffffffff20
DATA spaceLUTL<>+8(SB)/8, $0xffff0d0c0b0a09ff
GLOBL spaceLUTL<>(SB), RODATA|NOPTR, $16

// SLOTS: R9 = 64*(group mod 4), SI = its slot, R12 = the slot of two
// groups before, R10 = the next slot's P qword.
#define SLOTS \
	MOVQ R15, R9; \
	SHRQ $3, R9; \
	ANDQ $0xc0, R9; \
	LEAQ (R14)(R9*1), SI; \
	MOVQ R9, R12; \
	XORQ $0x80, R12; \
	ADDQ R14, R12; \
	LEAQ 0x40(R9), R10; \
	ANDQ $0xc0, R10; \
	LEAQ -8(R14)(R10*1), R10

// HCLASSIFY: Z0 → K1 = W, DX = NL.
#define HCLASSIFY \
	VPSHUFB  Z0, Z30, Z1; \
	VPCMPB   $4, Z1, Z0, K1; \
	VPCMPEQB Z29, Z0, K3; \
	KMOVQ    K3, DX

// HLINES: lines and max from NL in DX (LINE_STEP but for its CMOVQCS:
// a block without NL offers AX + 64, never above the line that goes on).
#define HLINES \
	POPCNTQ DX, R13; \
	ADDQ    R13, R8; \
	TZCNTQ  DX, R13; \
	LZCNTQ  DX, R9; \
	LEAQ    (AX)(R13*1), R13; \
	LEAQ    64(AX), AX; \
	CMOVQCC R9, AX; \
	CMPQ    R13, R11; \
	CMOVQGT R13, R11

// HCHECK: the internal lines of NL (DX) while the max is below 62.
#define HCHECK(internal, back) \
	CMPQ R11, $62; \
	JLT  internal; \
back:

// HBLOCK(off, lane): the block at off(DI)(R15*1); W into lane (a
// byte offset) of slot SI.
#define HBLOCK(off, lane) \
	PREFETCHT0 (1024+off)(DI)(R15*1); \
	VMOVDQU64  off(DI)(R15*1), Z0; \
	HCLASSIFY; \
	KMOVQ      K1, lane(SI); \
	HLINES

// HWORDS: the words of slot R12 into Z23.
#define HWORDS \
	VMOVDQU64  (R12), Z1; \
	VMOVDQU64  -8(R12), Z3; \
	VPSRLQ     $63, Z3, Z3; \
	VPSLLQ     $1, Z1, Z4; \
	VPTERNLOGQ $0x02, Z1, Z4, Z3; \
	VPOPCNTQ   Z3, Z3; \
	VPADDQ     Z3, Z23, Z23

// HINTERNAL: the lines between consecutive '\n' of NL (DX) into R11.
#define HINTERNAL(internal, back, next) \
internal: \
	TZCNTQ  DX, R13; \
	BLSRQ   DX, DX; \
	JZ      back; \
next: \
	TZCNTQ  DX, R9; \
	XCHGQ   R9, R13; \
	NEGQ    R9; \
	ADDQ    R13, R9; \
	DECQ    R9; \
	CMPQ    R9, R11; \
	CMOVQGT R9, R11; \
	BLSRQ   DX, DX; \
	JNZ     next; \
	JMP     back

TEXT ·maxASCIIAVX512Lanes(SB), NOSPLIT, $384-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	LEAQ 64(SP), R14
	VBROADCASTI32X4 spaceLUTL<>(SB), Z30
	MOVL         $0x0a, DX
	VPBROADCASTB DX, Z29
	MOVL         $0x20, DX
	VPBROADCASTB DX, Z26
	VPXORQ       Z15, Z15, Z15
	VPXORQ       Z23, Z23, Z23
	// Zero slots and pad: the first two groups counted count nothing.
	VMOVDQU64    Z15, -64(R14)
	VMOVDQU64    Z15, (R14)
	VMOVDQU64    Z15, 64(R14)
	VMOVDQU64    Z15, 128(R14)
	VMOVDQU64    Z15, 192(R14)
	XORQ         R8, R8
	XORQ         R11, R11
	XORQ         R15, R15
	MOVQ         $(-1<<62), AX
	MOVQ         CX, BX
	ANDQ         $~511, BX
	JZ           tail

loopcheck:
	// While the max is below 62.
	SLOTS
	HBLOCK(0, 0)
	HCHECK(internal0, back0)
	HBLOCK(64, 8)
	HCHECK(internal1, back1)
	HBLOCK(128, 16)
	HCHECK(internal2, back2)
	HBLOCK(192, 24)
	HCHECK(internal3, back3)
	HBLOCK(256, 32)
	HCHECK(internal4, back4)
	HBLOCK(320, 40)
	HCHECK(internal5, back5)
	HBLOCK(384, 48)
	HCHECK(internal6, back6)
	HBLOCK(448, 56)
	HCHECK(internal7, back7)
	KMOVQ K1, (R10)
	HWORDS
	ADDQ $512, R15
	CMPQ R15, BX
	JEQ  tail
	CMPQ R11, $62
	JLT  loopcheck

loop:
	SLOTS
	HBLOCK(0, 0)
	HBLOCK(64, 8)
	HBLOCK(128, 16)
	HBLOCK(192, 24)
	HBLOCK(256, 32)
	HBLOCK(320, 40)
	HBLOCK(384, 48)
	HBLOCK(448, 56)
	KMOVQ K1, (R10)
	HWORDS
	ADDQ $512, R15
	CMPQ R15, BX
	JNE  loop

tail:
	// Fewer than 512 bytes left: their blocks' W into the first lanes of
	// this group's slot, the other lanes zero (they count nothing); then
	// the words of the three groups not yet counted.
	SLOTS
	VMOVDQU64 Z15, (SI)
	XORQ      BX, BX

tailblocks:
	MOVQ      CX, R9
	ANDQ      $~63, R9
	CMPQ      R15, R9
	JEQ       partial
	VMOVDQU64 (DI)(R15*1), Z0
	HCLASSIFY
	KMOVQ     K1, (SI)(BX*1)
	HLINES
	HCHECK(internal8, back8)
	ADDQ      $64, R15
	ADDQ      $8, BX
	JMP       tailblocks

partial:
	CMPQ      R15, CX
	JEQ       lastgroups
	MOVQ      CX, DX
	SUBQ      R15, DX
	MOVQ      $-1, R9
	BZHIQ     DX, R9, R9
	KMOVQ     R9, K4
	VMOVDQA64 Z26, Z0
	VMOVDQU8  (DI)(R15*1), K4, Z0
	HCLASSIFY
	KMOVQ     K1, (SI)(BX*1)
	HLINES
	HCHECK(internal9, back9)
	MOVQ      CX, R15

lastgroups:
	HWORDS
	MOVQ SI, R12
	SUBQ R14, R12
	SUBQ $0x40, R12
	ANDQ $0xc0, R12
	ADDQ R14, R12
	HWORDS
	MOVQ SI, R12
	HWORDS

	// Sum Z23's lanes.
	VMOVDQU64 Z23, 256(R14)
	MOVQ      256(R14), DX
	ADDQ      264(R14), DX
	ADDQ      272(R14), DX
	ADDQ      280(R14), DX
	ADDQ      288(R14), DX
	ADDQ      296(R14), DX
	ADDQ      304(R14), DX
	ADDQ      312(R14), DX
	MOVQ      r+24(FP), R9
	MOVQ      DX, wordsResult_words(R9)
	MOVQ      R8, wordsResult_lines(R9)
	MOVQ      R11, wordsResult_max(R9)
	MOVQ      CX, wordsResult_n(R9)
	VZEROUPPER
	RET

	HINTERNAL(internal0, back0, next0)
	HINTERNAL(internal1, back1, next1)
	HINTERNAL(internal2, back2, next2)
	HINTERNAL(internal3, back3, next3)
	HINTERNAL(internal4, back4, next4)
	HINTERNAL(internal5, back5, next5)
	HINTERNAL(internal6, back6, next6)
	HINTERNAL(internal7, back7, next7)
	HINTERNAL(internal8, back8, next8)
	HINTERNAL(internal9, back9, next9)

// func maxGNUCAVX512Lanes(p []byte, r *wordsResult)
//
// maxASCIIAVX512Lanes for gnu-c, as maxGNUCAVX512 does it: it counts the
// blocks in which every byte is of width 1 or '\n' (W = 0x21..0x7e, so the
// ascii word rule holds) and stops at the start of the first other block,
// with r.n its index; it sets r.lines, r.words, r.max, r.n. p need not end
// with '\n': a block without one makes no candidate (CMOVCS), so the max
// only ever holds whole lines. At the stop, the lanes of the group not yet
// written are zeroed and the pending groups' words counted as at the end.
//
// Registers as in maxASCIIAVX512Lanes, except: R10 is 0 (the next slot's P
// qword is found from SI at the end of a group), Z20: 0x5e bytes, K4: ' '.

// GCLASSIFY(stop): Z0 → K1 = W, DX = NL, or to stop when a byte is not of
// width 1 and not '\n'.
#define GCLASSIFY(stop) \
	VPSUBB   Z26, Z0, Z2; \
	VPCMPUB  $2, Z20, Z2, K1; \
	VPCMPEQB Z29, Z0, K3; \
	VPCMPEQB Z26, Z0, K4; \
	KORTESTQ K1, K3; \
	JCC      stop; \
	KANDNQ   K1, K4, K1; \
	KMOVQ    K3, DX

// GLINES: HLINES, with no candidate from a block without '\n'.
#define GLINES \
	POPCNTQ DX, R13; \
	ADDQ    R13, R8; \
	LINE_STEP(AX, R10, R11, R13, R9)

#define GBLOCK(off, lane, stopn) \
	PREFETCHT0 (1024+off)(DI)(R15*1); \
	VMOVDQU64  off(DI)(R15*1), Z0; \
	GCLASSIFY(stopn); \
	KMOVQ      K1, lane(SI); \
	GLINES

// GSTOP(stopn, off): the stop in the block at R15+off.
#define GSTOP(stopn, off) \
stopn: \
	ADDQ $off, R15; \
	JMP  stop

// GSLOTS: SLOTS without R10.
#define GSLOTS \
	MOVQ R15, R9; \
	SHRQ $3, R9; \
	ANDQ $0xc0, R9; \
	LEAQ (R14)(R9*1), SI; \
	MOVQ R9, R12; \
	XORQ $0x80, R12; \
	ADDQ R14, R12

// GNEXTP: lane 7 of this group's W again before the next slot.
#define GNEXTP \
	MOVQ  SI, R9; \
	SUBQ  R14, R9; \
	ADDQ  $0x40, R9; \
	ANDQ  $0xc0, R9; \
	KMOVQ K1, -8(R14)(R9*1)

TEXT ·maxGNUCAVX512Lanes(SB), NOSPLIT, $384-32
	MOVQ p_base+0(FP), DI
	MOVQ p_len+8(FP), CX
	LEAQ 64(SP), R14
	MOVL         $0x0a, DX
	VPBROADCASTB DX, Z29
	MOVL         $0x20, DX
	VPBROADCASTB DX, Z26
	MOVL         $0x5e, DX
	VPBROADCASTB DX, Z20
	VPXORQ       Z15, Z15, Z15
	VPXORQ       Z23, Z23, Z23
	VMOVDQU64    Z15, -64(R14)
	VMOVDQU64    Z15, (R14)
	VMOVDQU64    Z15, 64(R14)
	VMOVDQU64    Z15, 128(R14)
	VMOVDQU64    Z15, 192(R14)
	XORQ         R8, R8
	XORQ         R10, R10
	XORQ         R11, R11
	XORQ         R15, R15
	MOVQ         $(-1<<62), AX
	MOVQ         CX, BX
	ANDQ         $~511, BX
	JZ           tail

loopcheck:
	GSLOTS
	GBLOCK(0, 0, stop1)
	HCHECK(internal0, back0)
	GBLOCK(64, 8, stop2)
	HCHECK(internal1, back1)
	GBLOCK(128, 16, stop3)
	HCHECK(internal2, back2)
	GBLOCK(192, 24, stop4)
	HCHECK(internal3, back3)
	GBLOCK(256, 32, stop5)
	HCHECK(internal4, back4)
	GBLOCK(320, 40, stop6)
	HCHECK(internal5, back5)
	GBLOCK(384, 48, stop7)
	HCHECK(internal6, back6)
	GBLOCK(448, 56, stop8)
	HCHECK(internal7, back7)
	GNEXTP
	HWORDS
	ADDQ $512, R15
	CMPQ R15, BX
	JEQ  tail
	CMPQ R11, $62
	JLT  loopcheck

loop:
	GSLOTS
	GBLOCK(0, 0, stop9)
	GBLOCK(64, 8, stop10)
	GBLOCK(128, 16, stop11)
	GBLOCK(192, 24, stop12)
	GBLOCK(256, 32, stop13)
	GBLOCK(320, 40, stop14)
	GBLOCK(384, 48, stop15)
	GBLOCK(448, 56, stop16)
	GNEXTP
	HWORDS
	ADDQ $512, R15
	CMPQ R15, BX
	JNE  loop

tail:
	GSLOTS
	VMOVDQU64 Z15, (SI)
	XORQ      BX, BX

tailblocks:
	MOVQ      CX, R9
	ANDQ      $~63, R9
	CMPQ      R15, R9
	JEQ       partial
	VMOVDQU64 (DI)(R15*1), Z0
	GCLASSIFY(stop)
	KMOVQ     K1, (SI)(BX*1)
	GLINES
	HCHECK(internal8, back8)
	ADDQ      $64, R15
	ADDQ      $8, BX
	JMP       tailblocks

partial:
	CMPQ      R15, CX
	JEQ       lastgroups
	MOVQ      CX, DX
	SUBQ      R15, DX
	MOVQ      $-1, R9
	BZHIQ     DX, R9, R9
	KMOVQ     R9, K4
	VMOVDQA64 Z26, Z0
	VMOVDQU8  (DI)(R15*1), K4, Z0
	GCLASSIFY(stop)
	KMOVQ     K1, (SI)(BX*1)
	GLINES
	HCHECK(internal9, back9)
	MOVQ      CX, R15
	JMP       lastgroups

stop:
	// Block R15 holds a byte of width other than 1: zero the lanes of
	// this group from it on, and end here.
	MOVQ       R15, R9
	ANDQ       $511, R9
	SHRQ       $6, R9
	MOVQ       $-1, R13
	SHLXQ      R9, R13, R13
	KMOVW      R13, K5
	VMOVDQU64  Z15, K5, (SI)
	MOVQ       R15, CX

lastgroups:
	HWORDS
	MOVQ SI, R12
	SUBQ R14, R12
	SUBQ $0x40, R12
	ANDQ $0xc0, R12
	ADDQ R14, R12
	HWORDS
	MOVQ SI, R12
	HWORDS

	VMOVDQU64 Z23, 256(R14)
	MOVQ      256(R14), DX
	ADDQ      264(R14), DX
	ADDQ      272(R14), DX
	ADDQ      280(R14), DX
	ADDQ      288(R14), DX
	ADDQ      296(R14), DX
	ADDQ      304(R14), DX
	ADDQ      312(R14), DX
	MOVQ      r+24(FP), R9
	MOVQ      DX, wordsResult_words(R9)
	MOVQ      R8, wordsResult_lines(R9)
	MOVQ      R11, wordsResult_max(R9)
	MOVQ      CX, wordsResult_n(R9)
	VZEROUPPER
	RET

	HINTERNAL(internal0, back0, next0)
	HINTERNAL(internal1, back1, next1)
	HINTERNAL(internal2, back2, next2)
	HINTERNAL(internal3, back3, next3)
	HINTERNAL(internal4, back4, next4)
	HINTERNAL(internal5, back5, next5)
	HINTERNAL(internal6, back6, next6)
	HINTERNAL(internal7, back7, next7)
	HINTERNAL(internal8, back8, next8)
	HINTERNAL(internal9, back9, next9)
	GSTOP(stop1, 0)
	GSTOP(stop2, 64)
	GSTOP(stop3, 128)
	GSTOP(stop4, 192)
	GSTOP(stop5, 256)
	GSTOP(stop6, 320)
	GSTOP(stop7, 384)
	GSTOP(stop8, 448)
	GSTOP(stop9, 0)
	GSTOP(stop10, 64)
	GSTOP(stop11, 128)
	GSTOP(stop12, 192)
	GSTOP(stop13, 256)
	GSTOP(stop14, 320)
	GSTOP(stop15, 384)
	GSTOP(stop16, 448)
