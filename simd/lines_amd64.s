//go:build !purego

#include "textflag.h"
#include "words_amd64.h"

// func linesAVX512(p []byte) uint64
//
// Counts the '\n' bytes of p: VPCMPEQB into an opmask, KMOVQ, POPCNTQ,
// four 64-byte blocks per iteration, then single blocks, then the last
// partial block through a zero-masked load (masked-out bytes are never
// read, so nothing outside p is touched; a zero byte is not '\n').
// Needs AVX512F, AVX512BW, POPCNT, BMI2 (BZHI).
//
// Registers:
//	SI: p, CX: len(p), R15: index of the current block
//	BX: end of the loop's range, AX: count, Z29: '\n' in every byte
//
// Invariant: AX = number of '\n' in p[:R15].
TEXT ·linesAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), SI
	MOVQ p_len+8(FP), CX
	XORQ AX, AX
	XORQ R15, R15
	MOVL $0x0a, DX
	VPBROADCASTB DX, Z29

	MOVQ CX, BX
	ANDQ $~255, BX
	JZ   blocks

loop4:
	VPCMPEQB (SI)(R15*1), Z29, K1
	VPCMPEQB 64(SI)(R15*1), Z29, K2
	VPCMPEQB 128(SI)(R15*1), Z29, K3
	VPCMPEQB 192(SI)(R15*1), Z29, K4
	KMOVQ    K1, R8
	KMOVQ    K2, R9
	KMOVQ    K3, R10
	KMOVQ    K4, R11
	POPCNTQ  R8, R8
	POPCNTQ  R9, R9
	POPCNTQ  R10, R10
	POPCNTQ  R11, R11
	ADDQ     R8, AX
	ADDQ     R9, R10
	ADDQ     R11, AX
	ADDQ     R10, AX
	ADDQ     $256, R15
	CMPQ     R15, BX
	JNE      loop4

blocks:
	MOVQ CX, BX
	ANDQ $~63, BX
	CMPQ R15, BX
	JEQ  tail

loop1:
	VPCMPEQB (SI)(R15*1), Z29, K1
	KMOVQ    K1, R8
	POPCNTQ  R8, R8
	ADDQ     R8, AX
	ADDQ     $64, R15
	CMPQ     R15, BX
	JNE      loop1

tail:
	// 0..63 bytes left: load only them.
	SUBQ     R15, CX
	JZ       done
	MOVQ     $-1, DX
	BZHIQ    CX, DX, DX
	KMOVQ    DX, K1
	VMOVDQU8.Z (SI)(R15*1), K1, Z0
	VPCMPEQB Z29, Z0, K2
	KMOVQ    K2, R8
	POPCNTQ  R8, R8
	ADDQ     R8, AX

done:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
	RET

// func linesAVX2(p []byte, tail *[64]byte) uint64
//
// Counts the '\n' bytes of p with AVX2: VPCMPEQB gives 0xff (-1) per
// match, VPSUBB adds it to a byte counter per lane, and every 255
// iterations at most (before a lane could wrap) VPSADBW folds the counters
// into Y10's four 64-bit sums. 128 bytes per iteration; then one more
// 64-byte block if there is one; then tail, the caller's zero-padded copy
// of p[len(p)&^63:] (no byte outside p is read).
// Needs AVX2, POPCNT.
//
// Registers:
//	DI: p, BX: len(p) rounded down to 128, R15: index of the block,
//	R11: end of the current run of at most 255 iterations, AX: count,
//	Y14: '\n' bytes, Y0-Y3: byte counters, Y9: zero, Y10: sums
//
// Invariant: AX + Y10's sums + Y0..Y3's bytes = '\n' in p[:R15].
TEXT ·linesAVX2(SB), NOSPLIT, $0-40
	MOVQ         p_base+0(FP), DI
	MOVQ         p_len+8(FP), BX
	ANDQ         $~127, BX
	XORQ         R15, R15
	XORQ         AX, AX
	MOVL         $0x0a, DX
	VMOVQ        DX, X14
	VPBROADCASTB X14, Y14
	VPXOR        Y9, Y9, Y9
	VPXOR        Y10, Y10, Y10

run:
	CMPQ  R15, BX
	JEQ   block
	MOVQ  BX, R11
	SUBQ  R15, R11
	CMPQ  R11, $(255*128)
	JBE   2(PC)
	MOVQ  $(255*128), R11
	ADDQ  R15, R11
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3

loop:
	VPCMPEQB (DI)(R15*1), Y14, Y4
	VPCMPEQB 32(DI)(R15*1), Y14, Y5
	VPCMPEQB 64(DI)(R15*1), Y14, Y6
	VPCMPEQB 96(DI)(R15*1), Y14, Y7
	VPSUBB   Y4, Y0, Y0
	VPSUBB   Y5, Y1, Y1
	VPSUBB   Y6, Y2, Y2
	VPSUBB   Y7, Y3, Y3
	ADDQ     $128, R15
	CMPQ     R15, R11
	JNE      loop

	// Fold the byte counters into Y10.
	VPSADBW Y9, Y0, Y0
	VPSADBW Y9, Y1, Y1
	VPSADBW Y9, Y2, Y2
	VPSADBW Y9, Y3, Y3
	VPADDQ  Y0, Y1, Y0
	VPADDQ  Y2, Y3, Y2
	VPADDQ  Y0, Y10, Y10
	VPADDQ  Y2, Y10, Y10
	JMP     run

block:
	// One whole 64-byte block may be left, then the tail copy.
	MOVQ      p_len+8(FP), BX
	ANDQ      $~63, BX
	CMPQ      R15, BX
	JEQ       tail
	VPCMPEQB  (DI)(R15*1), Y14, Y4
	VPCMPEQB  32(DI)(R15*1), Y14, Y5
	VPMOVMSKB Y4, DX
	VPMOVMSKB Y5, CX
	POPCNTL   DX, DX
	POPCNTL   CX, CX
	ADDQ      DX, AX
	ADDQ      CX, AX
	ADDQ      $64, R15

tail:
	CMPQ      R15, p_len+8(FP)
	JEQ       done
	MOVQ      tail+24(FP), DI
	VPCMPEQB  (DI), Y14, Y4
	VPCMPEQB  32(DI), Y14, Y5
	VPMOVMSKB Y4, DX
	VPMOVMSKB Y5, CX
	POPCNTL   DX, DX
	POPCNTL   CX, CX
	ADDQ      DX, AX
	ADDQ      CX, AX

done:
	SUM_QUADS(Y10, X10, X11, DX)
	ADDQ         DX, AX
	VZEROUPPER
	MOVQ         AX, ret+32(FP)
	RET
