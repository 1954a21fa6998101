package simd

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/simdwc/simdwc/scalar"
)

// The gnu dialects' line widths (wc -L, and plain Count) cost their
// block routine as much again as the other counts: each char's width is
// looked up. But only the widest line matters, and most lines are not
// it. countGNUWidths counts the lines between p's first and last '\n' in
// chunks with the kernel's bound routine (gnuBoundBlock: every count
// exact but the widths, upper bounds that are exact for the common
// scripts), and counts a chunk again exactly only when one of its bounds
// is wider than the widest line known: then it may hold a wider line.

// boundMin is the least input countGNUWidths takes (shorter ones are
// counted exactly at once), boundChunk about how much it counts at a
// time, after a first chunk of boundProbe*boundChunk counted exactly:
// the widest line of so much text is most often the widest of the rest,
// and a chunk that holds a wider one is counted again (smaller chunks
// would cost more per chunk than they save; measured, BenchmarkUTF8:
// a first chunk of 16 KiB and chunks growing to 64 KiB counted 30 % of
// 256 KiB twice, 5 % of 4 MiB). Variables so that tests can make them
// small.
var boundMin, boundChunk = 128 << 10, 16 << 10

const boundProbe = 4

// boundRetry caps, as a power of two, the chunks counted exactly at once
// after bounds failed twice in a row (text whose bounds are not exact:
// combining marks, zero-width chars), before bounds are tried again.
const boundRetry = 5

// countGNUWidths is countUTF8 for a gnu dialect d measuring line widths
// (need has NeedMaxLineLength). The lines before p's first '\n' and
// after its last are counted exactly (they join the chunks before and
// after p); between them every line starts at column 0 and ends in p, so
// a chunk cut after a '\n' has its widest line in its Head or Max, and a
// chunk whose bounds are none wider than a line counted exactly before
// it (widest) cannot change the Max: its Head and Max are dropped.
func (k *Kernel) countGNUWidths(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	first := bytes.IndexByte(p, '\n') + 1
	last := bytes.LastIndexByte(p, '\n') + 1
	if first == 0 || last-first < boundMin/2 || !denseText(p[:min(len(p), boundSample)]) {
		return k.countUTF8On(p, d, need, false)
	}
	need |= NeedChars // (dense: how much of a chunk is not ASCII)
	acc := k.countUTF8On(p[:first], d, need, false)
	widest := acc.Sum.Max // of lines whole in p, counted exactly
	fails, exactRun := 0, 0
	probe, dense := true, true // dense: the last chunk was mostly chars of two bytes or more
	for s := first; s < last; {
		// Up to the last '\n' in size bytes (whole windows of the byte
		// routines), else the first after them. Exactly, the first chunk
		// is boundProbe chunks, text that is not dense is counted to the
		// end at once, and after bounds failed, exactRun chunks at once.
		size := boundChunk
		bound := !probe && dense && exactRun == 0 && widest > 0
		switch {
		case probe:
			size = boundProbe * boundChunk
		case bound:
		case !dense:
			size = last - s
		default:
			size = max(exactRun, 1) * boundChunk
		}
		e := last
		if last-s > 2*size {
			if e = bytes.LastIndexByte(p[s:s+size], '\n') + 1; e == 0 {
				e = size + bytes.IndexByte(p[s+size:last], '\n') + 1
			}
			e += s
		}
		c := p[s:e]
		var part scalar.Partial
		if bound {
			part = k.countUTF8On(c, d, need, true)
			if lineWidest(part.Sum) <= widest {
				// No line of c is wider than widest: c's widths are not
				// needed (its Tail is empty, c ends with a '\n').
				part.Sum.Head, part.Sum.Max = scalar.Cols{}, 0
				fails = 0
			} else {
				part = k.countUTF8On(c, d, need, false)
				if fails++; fails >= 2 {
					exactRun = 1 << min(fails-2, boundRetry)
				}
			}
		} else {
			part = k.countUTF8On(c, d, need, false)
			exactRun = 0
		}
		// Text mostly of ASCII is counted as fast exactly (the byte
		// routines, and the block routine's ASCII paths).
		dense = len(c)-int(part.Sum.Chars) >= len(c)/boundDense
		probe = false
		widest = max(widest, lineWidest(part.Sum))
		acc = acc.Merge(part)
		s = e
	}
	return acc.Merge(k.countUTF8On(p[last:], d, need, false))
}

// boundDense: text is dense, and bounds pay off, where at least one
// byte in boundDense is the continuation byte of a char (one in three or
// so is in a char of two bytes or more); denseText decides on the first
// boundSample bytes whether to try.
const boundDense, boundSample = 8, 4 << 10

// denseText reports whether at least one byte of q in boundDense is a
// continuation byte (10xxxxxx), eight bytes at a time.
func denseText(q []byte) bool {
	n, all := 0, len(q)
	for ; len(q) >= 8; q = q[8:] {
		x := binary.LittleEndian.Uint64(q)
		n += bits.OnesCount64(x &^ (x << 1) & lanes80)
	}
	for _, b := range q {
		n += int(b >> 7 &^ (b >> 6))
	}
	return n >= all/boundDense
}

// lineWidest is the widest line of the Summary of text that starts at
// column 0 and ends with a line end: its first line (Head) or the others.
func lineWidest(s scalar.Summary) uint64 { return max(s.Head.Apply(0), s.Max) }
