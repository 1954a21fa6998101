//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// The instructions written as WORD are NEON instructions the Go assembler
// cannot spell; each one's comment is the instruction, and
// `go generate ./simd/` (asm2plan9s, see README.md) rewrites the encoding
// from it.

// Bit weights of the mask reduction: byte i of each 8-byte half is 1<<i.
DATA neonWeights<>+0(SB)/8, $0x8040201008040201
DATA neonWeights<>+8(SB)/8, $0x8040201008040201
GLOBL neonWeights<>(SB), RODATA|NOPTR, $16

// func neonBlocks(p *byte, n int, d *neonDialect, st *neonState) int
//
// R0: data, R1: its end (n is a multiple of 64), R2: dialect constants,
// R3: state (read at entry, written back at exit). Needs ASIMD only.
//
// Each 64-byte block (V0–V3) is classified into four byte masks: spaces
// (a TBL on b-1 over the dialect's 32-byte table, which holds every space
// byte), the word range (b-wlo <= wspan, CMHS), newlines (CMEQ) and
// specials (b-splo > spspan, CMHI: every byte that is not one plain
// column).
//
// NEON has no movemask. The word arithmetic below needs real bit masks in
// byte order — it adds and shifts across the whole block — so the masks
// are reduced the way simdjson does it: AND each byte with its bit weight
// 1<<(i%8), then three levels of pairwise ADDP fold each 8-byte group into
// one byte. The fold is shared: the last ADDP of two masks yields one
// vector holding both as its two 64-bit lanes, so the four masks cost 16
// AND + 14 ADDP + 4 UMOV per block. (A SHRN nibble mask is cheaper per
// mask but gives 4 bits per byte, 16 bytes per register: the word carry
// chain would then run four times per block instead of once.)
//
// Words: with W the word bytes and T the transparent ones,
//    seed = T & (W<<1);  in = W | (T &^ (T+seed));  starts = W &^ (in<<1)
// computed as if the block followed a space; the carry c from the previous
// block then only removes the first visible byte from starts (when it is a
// word byte, it continues the word) and decides the new carry when the
// whole block is transparent. So the loop-carried chain is one CSEL.
// Word starts and newlines are popcounted together (CNT, then UADALP into
// 16-bit lanes: 0–3 newlines, 4–7 word starts), folded once at exit.
//
// Line lengths, when st.cols is set: a block whose only specials are
// newlines is measured here (one ADD when it has none, a short loop over
// its newlines otherwise). A block with any other special byte (a tab, \r,
// \f, \v, a byte of zero columns) is counted for everything else, and then
// the routine returns with its specials in st.hard, for Go to measure from
// the dialect's table and call again.
//
// Registers: R4 valid, R5 blen, R6 cols, R7 carry, R8 first, R9 reset,
// R10 tail has a tab, R11 tail's columns before its tab, R12 columns being
// added to (tail A, or H after a tab), R13 column of the tab stop reached
// (0 without tab), R14 max, R15 position in the block, R19–R25 scratch.
// V4 weights, V5 newline, V6/V7 word range, V8/V9 plain range, V10/V11
// space table, V12 ones, V13 popcount lanes, V14–V29 masks.
TEXT ·neonBlocks(SB), NOSPLIT, $0-40
	MOVD    p+0(FP), R0
	MOVD    n+8(FP), R1
	MOVD    d+16(FP), R2
	MOVD    st+24(FP), R3
	ADD     R0, R1, R1

	// The dialect, broadcast.
	MOVD    $neonWeights<>(SB), R23
	VLD1    (R23), [V4.B16]
	MOVBU   neonDialect_nl(R2), R23
	VMOV    R23, V5.B16
	MOVBU   neonDialect_wlo(R2), R23
	VMOV    R23, V6.B16
	MOVBU   neonDialect_wspan(R2), R23
	VMOV    R23, V7.B16
	MOVBU   neonDialect_splo(R2), R23
	VMOV    R23, V8.B16
	MOVBU   neonDialect_spspan(R2), R23
	VMOV    R23, V9.B16
	ADD     $neonDialect_stab, R2, R23
	VLD1    (R23), [V10.B16, V11.B16]
	MOVD    $1, R23
	VMOV    R23, V12.B16
	VEOR    V13.B16, V13.B16, V13.B16

	// The state.
	MOVD    neonState_valid(R3), R4
	MOVD    neonState_blen(R3), R5
	MOVD    neonState_cols(R3), R6
	MOVD    neonState_carry(R3), R7
	MOVD    neonState_first(R3), R8
	MOVD    neonState_reset(R3), R9
	MOVD    neonState_tailTab(R3), R10
	MOVD    neonState_tailA(R3), R11
	MOVD    neonState_tailH(R3), R23
	MOVD    neonState_max(R3), R14
	CMP     $0, R10
	CSEL    EQ, R11, R23, R12
	LSR     $3, R11, R13
	ADD     $1, R13, R13
	LSL     $3, R13, R13
	CSEL    EQ, ZR, R13, R13

	PCALIGN $16
block:
	CMP     R0, R1
	BLS     done
	VLD1.P  64(R0), [V0.B16, V1.B16, V2.B16, V3.B16]

	// Classify: spaces V14–V17, word range V18–V21, newlines V22–V25,
	// specials V26–V29.
	VSUB    V12.B16, V0.B16, V14.B16
	VSUB    V12.B16, V1.B16, V15.B16
	VSUB    V12.B16, V2.B16, V16.B16
	VSUB    V12.B16, V3.B16, V17.B16
	VTBL    V14.B16, [V10.B16, V11.B16], V14.B16
	VTBL    V15.B16, [V10.B16, V11.B16], V15.B16
	VTBL    V16.B16, [V10.B16, V11.B16], V16.B16
	VTBL    V17.B16, [V10.B16, V11.B16], V17.B16
	VSUB    V6.B16, V0.B16, V18.B16
	VSUB    V6.B16, V1.B16, V19.B16
	VSUB    V6.B16, V2.B16, V20.B16
	VSUB    V6.B16, V3.B16, V21.B16
	WORD $0x6e323cf2 // cmhs v18.16b, v7.16b, v18.16b
	WORD $0x6e333cf3 // cmhs v19.16b, v7.16b, v19.16b
	WORD $0x6e343cf4 // cmhs v20.16b, v7.16b, v20.16b
	WORD $0x6e353cf5 // cmhs v21.16b, v7.16b, v21.16b
	VCMEQ   V5.B16, V0.B16, V22.B16
	VCMEQ   V5.B16, V1.B16, V23.B16
	VCMEQ   V5.B16, V2.B16, V24.B16
	VCMEQ   V5.B16, V3.B16, V25.B16
	VSUB    V8.B16, V0.B16, V26.B16
	VSUB    V8.B16, V1.B16, V27.B16
	VSUB    V8.B16, V2.B16, V28.B16
	VSUB    V8.B16, V3.B16, V29.B16
	WORD $0x6e29375a // cmhi v26.16b, v26.16b, v9.16b
	WORD $0x6e29377b // cmhi v27.16b, v27.16b, v9.16b
	WORD $0x6e29379c // cmhi v28.16b, v28.16b, v9.16b
	WORD $0x6e2937bd // cmhi v29.16b, v29.16b, v9.16b

	// Movemask: weigh each byte by its bit, fold 8 bytes into 1.
	VAND    V4.B16, V14.B16, V14.B16
	VAND    V4.B16, V15.B16, V15.B16
	VAND    V4.B16, V16.B16, V16.B16
	VAND    V4.B16, V17.B16, V17.B16
	VAND    V4.B16, V18.B16, V18.B16
	VAND    V4.B16, V19.B16, V19.B16
	VAND    V4.B16, V20.B16, V20.B16
	VAND    V4.B16, V21.B16, V21.B16
	VAND    V4.B16, V22.B16, V22.B16
	VAND    V4.B16, V23.B16, V23.B16
	VAND    V4.B16, V24.B16, V24.B16
	VAND    V4.B16, V25.B16, V25.B16
	VAND    V4.B16, V26.B16, V26.B16
	VAND    V4.B16, V27.B16, V27.B16
	VAND    V4.B16, V28.B16, V28.B16
	VAND    V4.B16, V29.B16, V29.B16
	VADDP   V15.B16, V14.B16, V14.B16
	VADDP   V17.B16, V16.B16, V16.B16
	VADDP   V19.B16, V18.B16, V18.B16
	VADDP   V21.B16, V20.B16, V20.B16
	VADDP   V23.B16, V22.B16, V22.B16
	VADDP   V25.B16, V24.B16, V24.B16
	VADDP   V27.B16, V26.B16, V26.B16
	VADDP   V29.B16, V28.B16, V28.B16
	VADDP   V16.B16, V14.B16, V14.B16
	VADDP   V20.B16, V18.B16, V18.B16
	VADDP   V24.B16, V22.B16, V22.B16
	VADDP   V28.B16, V26.B16, V26.B16
	VADDP   V18.B16, V14.B16, V14.B16 // spaces | word range
	VADDP   V26.B16, V22.B16, V22.B16 // newlines | specials
	VMOV    V14.D[0], R19
	VMOV    V14.D[1], R20
	VMOV    V22.D[0], R21
	VMOV    V22.D[1], R22

	// Words. R23 = W, R24 = visible (not transparent; padding is
	// transparent, so it changes nothing), R19 = T.
	BIC     R19, R20, R23
	ORR     R19, R20, R24
	AND     R4, R23, R23
	AND     R4, R24, R24
	MVN     R24, R19
	// Transparent runs after a word byte are in the word: seed each
	// run's first byte, and the add carries it through the run.
	AND     R23<<1, R19, R20
	ADD     R19, R20, R20
	BIC     R20, R19, R20
	ORR     R23, R20, R20
	BIC     R20<<1, R23, R25 // starts, as if after a space
	LSR     $63, R20, R20    // carry out, unless all transparent
	NEG     R24, R19
	AND     R24, R19, R19    // lowest visible byte
	NEG     R7, R15
	AND     R19, R15, R15
	BIC     R15, R25, R25    // with carry in, it starts no word
	CMP     $0, R24
	CSEL    EQ, R7, R20, R7
	CBNZ    R8, counted
	CBZ     R24, counted
	TST     R19, R23
	MOVD    $1, R8           // scalar.Space
	CINC    NE, R8, R8       // scalar.Word

counted:
	// Popcount newlines and word starts side by side.
	VMOV    R25, V22.D[1]
	VCNT    V22.B16, V22.B16
	WORD $0x6e206acd // uadalp v13.8h, v22.16b

	// Line lengths.
	CBZ     R6, block
	AND     R4, R22, R22
	BIC     R21, R22, R22
	CBNZ    R22, hard
	CBNZ    R21, newlines
	ADD     R5, R12, R12
	B       block

newlines:
	MOVD    ZR, R15
nextnewline:
	RBIT    R21, R23
	CLZ     R23, R23
	ADD     R23, R12, R12
	SUB     R15, R12, R12
	CBZ     R9, firstnewline
	ADD     R13, R12, R24
	CMP     R24, R14
	CSEL    LO, R24, R14, R14
newline:
	MOVD    ZR, R12
	MOVD    ZR, R13
	MOVD    ZR, R10
	ADD     $1, R23, R15
	SUB     $1, R21, R24
	AND     R24, R21, R21
	CBNZ    R21, nextnewline
	ADD     R5, R12, R12
	SUB     R15, R12, R12
	B       block

firstnewline:
	// The first line's columns are the Head.
	MOVD    $1, R9
	MOVD    R10, neonState_headTab(R3)
	CMP     $0, R10
	CSEL    EQ, R12, R11, R24
	MOVD    R24, neonState_headA(R3)
	CSEL    EQ, ZR, R12, R24
	MOVD    R24, neonState_headH(R3)
	B       newline

hard:
	ORR     R21, R22, R22
	MOVD    R22, neonState_hard(R3)

done:
	WORD $0x6e6029ad // uaddlp v13.4s, v13.8h
	VADDP   V13.S4, V13.S4, V13.S4
	VMOV    V13.S[0], R23
	VMOV    V13.S[1], R24
	MOVD    neonState_lines(R3), R19
	ADD     R23, R19, R19
	MOVD    R19, neonState_lines(R3)
	MOVD    neonState_words(R3), R19
	ADD     R24, R19, R19
	MOVD    R19, neonState_words(R3)
	MOVD    R7, neonState_carry(R3)
	MOVD    R8, neonState_first(R3)
	MOVD    R9, neonState_reset(R3)
	MOVD    R14, neonState_max(R3)
	MOVD    R10, neonState_tailTab(R3)
	CMP     $0, R10
	CSEL    EQ, R12, R11, R23
	MOVD    R23, neonState_tailA(R3)
	CSEL    EQ, ZR, R12, R23
	MOVD    R23, neonState_tailH(R3)
	MOVD    p+0(FP), R23
	SUB     R23, R0, R0
	MOVD    R0, ret+32(FP)
	RET

// func neonCountByte(p *byte, n int, c byte) int
//
// R0: data, R1: its end (n is a multiple of 64), V0: c broadcast,
// R3: the count. Each CMEQ lane is -1 on a match; four of them summed and
// subtracted from a byte accumulator add at most 4 per lane per block, so
// the accumulator is folded (UADDLV) every 63 blocks.
TEXT ·neonCountByte(SB), NOSPLIT, $0-32
	MOVD    p+0(FP), R0
	MOVD    n+8(FP), R1
	MOVBU   c+16(FP), R2
	ADD     R0, R1, R1
	VMOV    R2, V0.B16
	MOVD    ZR, R3
	MOVD    $63, R5

	PCALIGN $16
batch:
	CMP     R0, R1
	BLS     end
	SUB     R0, R1, R4
	LSR     $6, R4, R4
	CMP     R5, R4
	CSEL    HI, R5, R4, R4
	VEOR    V5.B16, V5.B16, V5.B16
count:
	VLD1.P  64(R0), [V1.B16, V2.B16, V3.B16, V4.B16]
	VCMEQ   V0.B16, V1.B16, V1.B16
	VCMEQ   V0.B16, V2.B16, V2.B16
	VCMEQ   V0.B16, V3.B16, V3.B16
	VCMEQ   V0.B16, V4.B16, V4.B16
	VADD    V2.B16, V1.B16, V1.B16
	VADD    V4.B16, V3.B16, V3.B16
	VADD    V3.B16, V1.B16, V1.B16
	VSUB    V1.B16, V5.B16, V5.B16
	SUB     $1, R4, R4
	CBNZ    R4, count
	VUADDLV V5.B16, V6
	VMOV    V6.S[0], R6
	ADD     R6, R3, R3
	B       batch

end:
	MOVD    R3, ret+24(FP)
	RET
