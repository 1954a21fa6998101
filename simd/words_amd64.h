// Word-start arithmetic on general registers, shared by the byte-dialect
// routines (words_amd64.s) and the UTF-8 block routine
// (utf8_avx512_amd64.s). Registers: AX W (word bytes), DX S (separators),
// R9 the in-word carry (top bit), R10 the word count, R12–R14 scratch.

// WORDS_ASCII_R: W in AX. A word starts at a W byte whose previous byte
// is not W: starts = W &^ (W<<1 | R9>>63), one SHLD; R9 becomes this
// block's W. The carry is the previous block's mask alone, so blocks do
// not wait on each other. (Also gnu-c blocks without T bytes.)
#define WORDS_ASCII_R \
	MOVQ    AX, R13; \
	SHLQ    $1, R9, R13; \
	ANDNQ   AX, R13, R13; \
	POPCNTQ R13, R13; \
	ADDQ    R13, R10; \
	MOVQ    AX, R9

// WORDS_GNUC_R: W in AX, S in DX. A run of T bytes takes the in-word state of the byte before
// it. Everything is computed as if the block began outside a word:
//	seed   = T & W<<1              (T runs that follow a W byte)
//	inword = W | (T &^ (T + seed)) (the add carries each seed through its run)
//	starts = W &^ inword<<1
// and then corrected by the carry, R9's top bit (1 when in a word): if so,
// the first non-T byte, BLSI(W|S), does not start a word. The next carry
// is inword, or R9 again when the block is all T. So the chain
// from block to block is the one CMOV. Scratch: R12.
#define WORDS_GNUC_R \
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

// LINE(first): the line of width R12 ended; the first one jumps to first
// (the UTF-8 block routines: their frames' head and max).
#define LINE(first) \
	CMPQ    head-24(SP), $-1; \
	JEQ     first; \
	MOVQ    max-16(SP), R13; \
	CMPQ    R12, R13; \
	CMOVQHI R12, R13; \
	MOVQ    R13, max-16(SP)
