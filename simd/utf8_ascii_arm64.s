//go:build !purego

#include "textflag.h"

// func asciiPrefixNEON(p []byte) int
//
// The index of the first byte ≥ 0x80 of p, or len(p): the NEON twin of
// asciiPrefixAVX2 (utf8_ascii_amd64.s); asciiPrefixSWAR is the generic
// one. 64 bytes per step while 64 remain (their OR, its two halves in
// general registers, tested against 0x80 in each byte), then 8 at a
// time, then one; a step that finds a byte ≥ 0x80 is searched byte by
// byte. Nothing outside p is read.
//
//	R0: the next byte, R1: the end of p, R2: p, R3: the end of the
//	64-byte steps, R4 R5: scratch; V0–V4 scratch.
//
// Loop invariant: p[:R0-R2] holds no byte ≥ 0x80.
TEXT ·asciiPrefixNEON(SB), NOSPLIT, $0-32
	MOVD p_base+0(FP), R0
	MOVD p_len+8(FP), R1
	MOVD R0, R2
	ADD  R0, R1, R1
	SUB  R0, R1, R3
	AND  $~63, R3, R3
	ADD  R0, R3, R3

loop64:
	CMP  R0, R3
	BEQ  eights
	VLD1 (R0), [V0.B16, V1.B16, V2.B16, V3.B16]
	VORR V0.B16, V1.B16, V4.B16
	VORR V2.B16, V4.B16, V4.B16
	VORR V3.B16, V4.B16, V4.B16
	VMOV V4.D[0], R4
	VMOV V4.D[1], R5
	ORR  R4, R5, R5
	TST  $0x8080808080808080, R5
	BNE  bytes
	ADD  $64, R0
	B    loop64

eights:
	SUB  R0, R1, R4
	CMP  $8, R4
	BLT  bytes
	MOVD (R0), R5
	TST  $0x8080808080808080, R5
	BNE  bytes
	ADD  $8, R0
	B    eights

bytes:
	// Byte by byte to the first byte ≥ 0x80 (within the step that has
	// one) or to the end.
	CMP   R0, R1
	BEQ   done
	MOVBU (R0), R4
	TBNZ  $7, R4, done
	ADD   $1, R0
	B     bytes

done:
	SUB  R2, R0, R0
	MOVD R0, ret+24(FP)
	RET
