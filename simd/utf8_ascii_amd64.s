//go:build !purego

#include "textflag.h"

// asciiPrefix: the index of the first byte ≥ 0x80 of p, or len(p). It
// gates the UTF-8 dialects' pure-ASCII runs to the byte kernels, so it must
// cost little beside them: four 64-byte (AVX-512) or 32-byte (AVX2) loads
// are OR-ed and tested per iteration, and only the iteration that holds a
// high byte looks for it block by block.

// func asciiPrefixAVX512(p []byte) int
// SI: p, CX: len(p), AX: index of the block, BX: end of the 256-byte loop.
// Needs AVX512F, AVX512BW, BMI1, BMI2. The last partial block is a masked
// load (masked-out bytes are not read, and read as 0).
TEXT ·asciiPrefixAVX512(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), SI
	MOVQ p_len+8(FP), CX
	XORQ AX, AX
	MOVQ CX, BX
	ANDQ $~255, BX
	JZ   blocks

loop4:
	VMOVDQU64  (SI)(AX*1), Z0
	VMOVDQU64  64(SI)(AX*1), Z1
	VMOVDQU64  128(SI)(AX*1), Z2
	VPORQ      192(SI)(AX*1), Z0, Z0
	VPTERNLOGD $0xfe, Z2, Z1, Z0 // Z0 |= Z1 | Z2
	VPMOVB2M   Z0, K1
	KORTESTQ   K1, K1
	JNZ        blocks
	ADDQ       $256, AX
	CMPQ       AX, BX
	JNE        loop4

blocks:
	// Fewer than 256 bytes left, or a high byte among the next 256.
	MOVQ CX, BX
	ANDQ $~63, BX

single:
	CMPQ      AX, BX
	JEQ       tail
	VMOVDQU64 (SI)(AX*1), Z0
	VPMOVB2M  Z0, K1
	KMOVQ     K1, DX
	TESTQ     DX, DX
	JNZ       found
	ADDQ      $64, AX
	JMP       single

tail:
	CMPQ       AX, CX
	JEQ        done
	MOVQ       CX, DX
	SUBQ       AX, DX
	MOVQ       $-1, R8
	BZHIQ      DX, R8, R8
	KMOVQ      R8, K2
	VMOVDQU8.Z (SI)(AX*1), K2, Z0
	VPMOVB2M   Z0, K1
	KMOVQ      K1, DX
	TESTQ      DX, DX
	JNZ        found
	MOVQ       CX, AX
	JMP        done

found:
	TZCNTQ DX, DX
	ADDQ   DX, AX

done:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
	RET

// func asciiPrefixAVX2(p []byte) int
// SI: p, CX: len(p), AX: index of the block, BX: end of the 128-byte loop.
// Needs AVX2, BMI1. A last partial block of at least 32 bytes overlaps
// the one before it; inputs under 32 bytes go eight bytes at a time.
TEXT ·asciiPrefixAVX2(SB), NOSPLIT, $0-32
	MOVQ p_base+0(FP), SI
	MOVQ p_len+8(FP), CX
	XORQ AX, AX
	CMPQ CX, $32
	JLT  small
	MOVQ CX, BX
	ANDQ $~127, BX
	JZ   blocks

loop4:
	VMOVDQU (SI)(AX*1), Y0
	VMOVDQU 32(SI)(AX*1), Y1
	VPOR    64(SI)(AX*1), Y0, Y0
	VPOR    96(SI)(AX*1), Y1, Y1
	VPOR    Y1, Y0, Y0
	VPMOVMSKB Y0, DX
	TESTL   DX, DX
	JNZ     blocks
	ADDQ    $128, AX
	CMPQ    AX, BX
	JNE     loop4

blocks:
	MOVQ CX, BX
	ANDQ $~31, BX

single:
	CMPQ      AX, BX
	JEQ       tail
	VMOVDQU   (SI)(AX*1), Y0
	VPMOVMSKB Y0, DX
	TESTL     DX, DX
	JNZ       found
	ADDQ      $32, AX
	JMP       single

tail:
	// The last 32 bytes, of which the first 32-(CX-AX) are known ASCII.
	CMPQ      AX, CX
	JEQ       done
	MOVQ      CX, AX
	SUBQ      $32, AX
	VMOVDQU   (SI)(AX*1), Y0
	VPMOVMSKB Y0, DX
	TESTL     DX, DX
	JNZ       found
	MOVQ      CX, AX
	JMP       done

found:
	TZCNTL DX, DX
	ADDQ   DX, AX

done:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
	RET

small:
	// 0..31 bytes: eight at a time, then one at a time.
	MOVQ $0x8080808080808080, R9
smallloop:
	LEAQ  8(AX), DX
	CMPQ  DX, CX
	JGT   bytes
	MOVQ  (SI)(AX*1), DX
	ANDQ  R9, DX
	JNZ   smallfound
	ADDQ  $8, AX
	JMP   smallloop

smallfound:
	TZCNTQ DX, DX
	SHRQ   $3, DX
	ADDQ   DX, AX
	MOVQ   AX, ret+24(FP)
	RET

bytes:
	CMPQ  AX, CX
	JEQ   smalldone
	CMPB  (SI)(AX*1), $0x80
	JAE   smalldone
	INCQ  AX
	JMP   bytes

smalldone:
	MOVQ AX, ret+24(FP)
	RET
