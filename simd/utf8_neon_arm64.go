//go:build !purego

package simd

// utf8StateNEON is the running state of utf8BlocksNEON, carried from call
// to call (the fields of utf8Result but n, which each call sets).
type utf8StateNEON struct {
	lines, words, chars uint64
	// carry's top bit is 1 when the last char was a word char.
	carry                uint64
	head, max, lineStart uint64
	n                    uint64
	// extra: columns beyond one per char (gnu widths: the wide chars
	// less the zero-width ones).
	extra uint64
	// badTail: the last block counted held an invalid lead in its last
	// three lanes, which the next block's validation reads as if it were
	// valid: that block is counted as invalid.
	badTail uint64
	// bmp: the gnu dialects' exact check of the chars the nibble tables
	// reject (bmpFor: gnuBMP's class bits, or measuring widths its width
	// bits; nil: none, such a block is hard); zero, wider: measuring
	// widths, those a column narrower or wider.
	bmp, zero, wider *bmpBits
	// rows, rowsZero, rowsWider: the same bits as bmpRows, for the chars
	// of two and three bytes.
	rows, rowsZero, rowsWider *bmpRows
	// bound: measuring gnu widths, measure bounds (utf8BoundsNEON).
	bound uint64
}

// utf8BlocksNEON counts p[:n] into st (utf8_neon_arm64.s): the utf8
// dialect and the gnu ones, invalid UTF-8 and line widths included. It
// reads p[-4:0] and up
// to the byte after the last 64-byte block, which must be zero from p[n]
// on when n is not a multiple of 64.
//
//go:noescape
func utf8BlocksNEON(p *byte, n int, t *utf8Tables, lineMask uint64, st *utf8StateNEON)

// utf8WordsNEON is the neon kernel's utf8Block for every UTF-8 dialect
// (and the gnu ones' width routine): the twin of utf8WordsAVX2. It counts
// the first block (and the 4 zero bytes before it) and the last ones (and
// zeros after them) from padded copies, the blocks between from p itself.
func utf8WordsNEON(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	return utf8BlocksNEONOn(p, t, lineMask, false)
}

// utf8BoundsNEON is the neon kernel's gnuBoundBlock, as utf8BoundsAVX2:
// measuring gnu line widths, upper bounds of them (one column per char,
// two where gnuBoundNibbles hold it), the other counts exact.
func utf8BoundsNEON(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	return utf8BlocksNEONOn(p, t, lineMask, true)
}

// utf8BlocksNEONOn runs utf8BlocksNEON over p (bound: measuring bounds).
func utf8BlocksNEONOn(p []byte, t *utf8Tables, lineMask uint64, bound bool) utf8Result {
	st := utf8StateNEON{head: ^uint64(0)}
	exact := lineMask != 0 && !bound // gnuBMP's width bits
	st.bmp, st.zero, st.wider = bmpFor(t, exact)
	st.rows, st.rowsZero, st.rowsWider = bmpRowsFor(t, exact)
	if bound {
		st.bound = 1
	}
	if lineMask != 0 && lineMask != ^uint64(0) {
		// At a known column c (lineMaskAtCol) after a line end: measured
		// as if a line had just ended c columns before p (tabs included).
		st.head, st.lineStart, lineMask = 0, -(lineMask &^ lineMaskCol), ^uint64(0)
	}
	var buf [4 + 192 + 2]byte
	const span = 64 + 66 - 1
	head := len(p)
	if head > span {
		head = 64
	}
	copy(buf[4:], p[:min(len(p), head+2)])
	utf8BlocksNEON(&buf[4], head, t, lineMask, &st)
	done := int(st.n)
	if done == head && head < len(p) {
		// The blocks i ≥ 64 with p[i-4 : i+66] inside p.
		mid := (len(p) - 66) / 64 * 64
		if mid > 0 {
			utf8BlocksNEON(&p[64], mid, t, lineMask, &st)
			done += int(st.n)
		}
		if done == 64+mid {
			buf = [len(buf)]byte{}
			rest := len(p) - done
			copy(buf[:], p[done-4:])
			utf8BlocksNEON(&buf[4], rest, t, lineMask, &st)
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
