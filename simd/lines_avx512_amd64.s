//go:build !purego

#include "textflag.h"

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
