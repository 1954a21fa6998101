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

// LINE_STEP(len, none, max, t1, t2): the longest line through a block of
// 64 one-column bytes whose line ends are DX, in registers: len is the
// length of the line in progress at the block's start, after it the
// length after its last line end (LZCNT), or len + 64 when it has none;
// the line that ends at its first line end, len + TZCNT, is a candidate
// for max (signed compare), or none when the block has no line end
// (TZCNT and LZCNT both set CF for DX = 0; LEA and CMOV keep the flags).
// The lines between two line ends of the block are shorter than 63: the
// callers look at them only while max is below 62.
#define LINE_STEP(len, none, max, t1, t2) \
	TZCNTQ  DX, t1; \
	LZCNTQ  DX, t2; \
	LEAQ    (len)(t1*1), t1; \
	LEAQ    64(len), len; \
	CMOVQCS none, t1; \
	CMOVQCC t2, len; \
	CMPQ    t1, max; \
	CMOVQGT t1, max

// SUM_QUADS(y, x, t, dst): dst = the sum of the four quadwords of y (x
// its low half; t an X register, scratch): the end of the line counts
// kept on the vectors.
#define SUM_QUADS(y, x, t, dst) \
	VEXTRACTI128 $1, y, t; \
	VPADDQ       t, x, x; \
	VPSHUFD      $0x4e, x, t; \
	VPADDQ       t, x, x; \
	VMOVQ        x, dst

// LINE(first): the line of width R12 ended; the first one jumps to first
// (the UTF-8 block routines: their frames' head and max).
#define LINE(first) \
	CMPQ    head-24(SP), $-1; \
	JEQ     first; \
	MOVQ    max-16(SP), R13; \
	CMPQ    R12, R13; \
	CMOVQHI R12, R13; \
	MOVQ    R13, max-16(SP)
