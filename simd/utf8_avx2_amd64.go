//go:build !purego

package simd

// utf8FuncsAVX2 are the avx2 kernel's UTF-8 routines: one block routine
// for every UTF-8 dialect (in the gnu ones it checks the allow-list in
// nibble form, gnuNibbles, a subset of gnuAllow, and what that rejects
// below U+10000 exactly, gnuBMP).
func utf8FuncsAVX2() utf8Funcs {
	return utf8Funcs{asciiPrefix: asciiPrefixAVX2, countASCII: countASCIIAVX2, block: utf8WordsAVX2, gnuBlock: utf8WordsAVX2, gnuWidthBlock: utf8WordsAVX2, gnuBoundBlock: utf8BoundsAVX2, nibbleAllow: true, bmpAllow: true, widthBMP: true, badWord: true, badSkip: true, badWidths: true, badBMP: true}
}

// utf8State is the running state of utf8BlocksAVX2, carried from call to
// call (the fields of utf8Result but n, which each call sets).
type utf8State struct {
	lines, words, chars uint64
	// carry's top bit is 1 when the last non-transparent char was a word
	// char.
	carry                uint64
	head, max, lineStart uint64
	n                    uint64
	// extra: columns beyond one per char (gnu widths: the wide chars).
	extra uint64
	// bmp: the gnu dialects' exact check of the chars of two and three
	// bytes that the nibble tables reject (bmpFor); nil otherwise. zero,
	// wider: measuring widths, those of them a column narrower or wider.
	bmp, zero, wider *bmpBits
	// rows, rowsZero, rowsWider: the same bits as bmpRows, for the chars
	// of two and three bytes.
	rows, rowsZero, rowsWider *bmpRows
	// sparseRows: the few-chars paths' rows (sparseRowsFor).
	sparseRows *bmpRows
	// badTail: the last block counted (the utf8 dialect) held an invalid
	// byte in its last three lanes, which the next block's validation
	// reads as if they were valid: that block is counted as invalid.
	badTail uint64
	// bound: measuring gnu widths, measure bounds (utf8BoundsAVX2).
	bound uint64
}

// utf8BlocksAVX2 counts p[:n] into st (utf8_avx2_amd64.s); it reads
// p[-4:0] and up to the byte after the last 64-byte block, which must be
// zero from p[n] on when n is not a multiple of 64.
//
//go:noescape
func utf8BlocksAVX2(p *byte, n int, t *utf8Tables, lineMask uint64, st *utf8State)

// edgeSpan bounds what utf8WordsAVX2 counts from a padded copy at each
// end of p: the first block, or all of a short p, and what follows the
// last block whose reads stay inside p.
const edgeSpan = 64 + 66 - 1

// utf8WordsAVX2 is the avx2 kernel's utf8Block: it counts the first
// block (and the 4 zero bytes before it) and the last ones (and zeros
// after them) from padded copies, the blocks between from p itself.
func utf8WordsAVX2(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	return utf8BlocksAVX2On(p, t, lineMask, false)
}

// utf8BoundsAVX2 is the avx2 kernel's gnuBoundBlock: utf8WordsAVX2, but
// measuring gnu line widths it gives each char one column and those
// gnuBoundNibbles hold two (BOUND_WIDE), at least what glibc gives them:
// the line widths are upper bounds (the other counts exact). Its chars
// outside the allow-list are checked against gnuBMP's class bits, as
// without widths.
func utf8BoundsAVX2(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	return utf8BlocksAVX2On(p, t, lineMask, true)
}

// utf8BlocksAVX2On runs utf8BlocksAVX2 over p (bound: measuring bounds).
func utf8BlocksAVX2On(p []byte, t *utf8Tables, lineMask uint64, bound bool) utf8Result {
	st := utf8State{head: ^uint64(0)}
	exact := lineMask != 0 && !bound // gnuBMP's width bits
	st.bmp, st.zero, st.wider = bmpFor(t, exact)
	st.rows, st.rowsZero, st.rowsWider = bmpRowsFor(t, exact)
	// (The few-chars path measures chars of one column alone: exact.)
	st.sparseRows = sparseRowsFor(t, lineMask != 0)
	if bound {
		st.bound = 1
	}
	if lineMask != 0 && lineMask != ^uint64(0) {
		// At a known column c (lineMaskAtCol) after a line end: measured
		// as if a line had just ended c columns before p (tabs included),
		// the first line as any other.
		st.head, st.lineStart, lineMask = 0, -(lineMask &^ lineMaskCol), ^uint64(0)
	}
	// buf: 4 bytes before, up to edgeSpan counted, the rest of their last
	// block and 2 bytes after.
	var buf [4 + 192 + 2]byte
	head := len(p)
	if head > edgeSpan {
		head = 64
	}
	copy(buf[4:], p[:min(len(p), head+2)])
	utf8BlocksAVX2(&buf[4], head, t, lineMask, &st)
	done := int(st.n)
	if done == head && head < len(p) {
		// The blocks i ≥ 64 with p[i-4 : i+66] inside p.
		mid := (len(p) - 66) / 64 * 64
		if mid > 0 {
			utf8BlocksAVX2(&p[64], mid, t, lineMask, &st)
			done += int(st.n)
		}
		if done == 64+mid {
			buf = [len(buf)]byte{}
			rest := len(p) - done
			copy(buf[:], p[done-4:])
			utf8BlocksAVX2(&buf[4], rest, t, lineMask, &st)
			done += int(st.n)
		}
	}
	st.chars += openEnd(p, t, done)
	if done > 0 && done < len(p) {
		st.carry, st.words = stopClass(p, done, t, st.carry, st.words)
	}
	return utf8Result{
		lines: st.lines, words: st.words, chars: st.chars, inWord: st.carry >> 63, n: uint64(done),
		head: st.head, max: st.max, lineStart: st.lineStart, extra: st.extra,
	}
}

// gnuOpenClass holds, for each byte b, the facts utf8BlocksAVX2 combines
// (branch-free, per gnu block) to tell whether the byte at lane 63 ends a
// sequence that is still open there, from bytes 61, 62 and 63:
//
//	open = b63 ≥ C0 | (b63 in 80–BF & (b62 ≥ E0 | (b62 < C0 & b61 ≥ F0)))
//
// bit 0: b ≥ C0, bit 1: b in 80–BF, bit 2: b ≥ E0, bit 3: b < C0,
// bit 4: b ≥ F0 (each fact one bit above the one it is combined with).
var gnuOpenClass = func() (t [256]byte) {
	for b := range 256 {
		t[b] = b2u8(b >= 0xc0) | b2u8(b >= 0x80 && b < 0xc0)<<1 |
			b2u8(b >= 0xe0)<<2 | b2u8(b < 0xc0)<<3 | b2u8(b >= 0xf0)<<4
	}
	return t
}()

func b2u8(b bool) byte {
	if b {
		return 1
	}
	return 0
}
