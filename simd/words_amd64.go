//go:build !purego

package simd

import (
	"bytes"
	"encoding/binary"

	"github.com/simdwc/simdwc/scalar"
)

// wordsResult is what the word routines (words_amd64.s) hand back. The
// assembly addresses its fields through go_asm.h.
type wordsResult struct {
	lines uint64
	// words counts word starts as if a separator preceded p.
	words uint64
	// inWord is 1 when the last non-transparent byte counted is a
	// word byte (gnu-c word routines; unspecified elsewhere).
	inWord uint64
	// max is the widest line that both starts after a '\n' and ends with
	// one (max routines only).
	max uint64
	// lastNL is the index of the last '\n' (max routines; meaningful only
	// when lines > 0).
	lastNL uint64
	// n is how many bytes were counted: len(p), except that the gnu-c max
	// routine stops at the start of the first 64-byte block holding a byte
	// whose display width is not 1 (tab, \r, \f, \v, transparent).
	n uint64
}

// Routine selectors for countBytes.
const (
	isaAVX512  = iota // AVX512F + AVX512BW only
	isaAVX512X        // plus AVX512VPOPCNTDQ: the eight-lane NeedAll routines
	isaAVX2
)

// countBytes is the count function of the assembly kernels: it picks the
// cheapest routine that computes what need asks for and turns its result
// into a scalar.Summary. The routines are called directly (not through
// function values) so that //go:noescape keeps r on the stack.
func countBytes(isa int, p []byte, d scalar.Dialect, need Need) scalar.Summary {
	if len(p) == 0 {
		return scalar.Summary{}
	}
	if need&(NeedWords|NeedMaxLineLength) == 0 {
		// Lines (and chars, which are len(p) in a byte dialect).
		var lines uint64
		switch isa {
		case isaAVX512, isaAVX512X:
			lines = linesAVX512(p)
		case isaAVX2:
			t := tailBlock(p, 0)
			lines = linesAVX2(p, &t)
		}
		return scalar.Summary{Lines: lines, Chars: uint64(len(p))}
	}
	gnu := d == scalar.GNUC
	var r wordsResult
	if need&NeedMaxLineLength == 0 {
		countWords(isa, p, gnu, &r)
		return summarize(p, d, &r, false)
	}
	if !gnu {
		switch isa {
		case isaAVX512, isaAVX512X:
			if isa != isaAVX512X || !avx512Lanes || len(p) < lanesMin {
				maxASCIIAVX512(p, &r)
				break
			}
			// The routine wants p to end with '\n': what follows the
			// last one is a run of words after a separator.
			l := bytes.LastIndexByte(p, '\n')
			if l < 0 { // one line: no Max to find
				countWords(isa, p, false, &r)
				break
			}
			maxASCIIAVX512Lanes(p[:l+1], &r)
			if rest := p[l+1:]; len(rest) > 0 {
				var t wordsResult
				countWords(isa, rest, false, &t)
				r.words += t.words
			}
			r.lastNL = uint64(l)
		case isaAVX2:
			t := tailBlock(p, ' ')
			maxASCIIAVX2(p, &t, &r)
		}
		return summarize(p, d, &r, true)
	}
	// gnu-c max line length: the routine measures runs of 64-byte blocks in
	// which every byte but '\n' is one column wide; the lines through a
	// block that holds a tab, \r, \f, \v or a transparent byte are
	// counted by the words routine and measured by gnuCWidths, and the
	// Summaries merge exactly.
	var sum scalar.Summary
	merged := false // sum holds something: ordinary text never gets here
	// The lanes routine has a fixed cost per call: after a short run
	// (tabs every few lines) the general-register one goes on.
	lanes := isa == isaAVX512X && avx512Lanes
	for {
		r = wordsResult{}
		switch isa {
		case isaAVX512, isaAVX512X:
			if !lanes || len(p) < lanesMin {
				maxGNUCAVX512(p, &r)
				lanes = isa == isaAVX512X && avx512Lanes && r.n >= lanesMin
				break
			}
			maxGNUCLanes(p, &r)
			lanes = r.n >= lanesMin
		case isaAVX2:
			t := tailBlock(p, ' ')
			maxGNUCAVX2(p, &t, &r)
		}
		k := int(r.n)
		if k == len(p) {
			s := summarize(p, d, &r, true)
			if !merged {
				return s
			}
			return sum.Merge(s)
		}
		if k > 0 {
			sum = sum.Merge(summarize(p[:k], d, &r, true))
		}
		e := min(k+64, len(p))
		if i := bytes.IndexByte(p[e:], '\n'); i >= 0 {
			e += i + 1
		} else {
			e = len(p)
		}
		seg := p[k:e]
		r = wordsResult{}
		countWords(isa, seg, true, &r)
		s := summarize(seg, d, &r, false)
		gnuCWidths(seg, &s)
		sum, merged = sum.Merge(s), true
		p = p[e:]
		if len(p) == 0 {
			return sum
		}
	}
}

// firstClassGNUC returns the class of q's first non-transparent byte in
// gnu-c. Ordinary text has one at once; binary data may not, so it skips
// eight transparent bytes at a time.
func firstClassGNUC(q []byte) scalar.Class {
	i := 0
	for ; i+8 <= len(q); i += 8 {
		x := binary.LittleEndian.Uint64(q[i:])
		if hasBetween(x, 0x1f, 0x7f)|hasBetween(x, 0x08, 0x0e) != 0 {
			break
		}
	}
	for _, b := range q[i:] {
		if c := scalar.GNUC.ByteUnit(b).Class; c != scalar.Transparent {
			return c
		}
	}
	return scalar.Transparent
}

// hasBetween is nonzero when a byte b of x has m < b < n (0 <= m <= 127,
// n <= 128; "Bit Twiddling Hacks"). No borrow or carry crosses a byte.
func hasBetween(x uint64, m, n uint64) uint64 {
	const ones, low7, high = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	return (ones*(127+n) - x&low7) & ^x & (x&low7 + ones*(127-m)) & high
}

// countWords runs the lines-and-words routine of isa for the dialect.
func countWords(isa int, p []byte, gnu bool, r *wordsResult) {
	switch isa {
	case isaAVX512, isaAVX512X:
		if gnu {
			wordsGNUCAVX512(p, r)
		} else {
			wordsASCIIAVX512(p, r)
		}
	case isaAVX2:
		if gnu {
			// NUL padding: transparent, so the in-word state after the
			// last byte survives the padding.
			t := tailBlock(p, 0)
			wordsGNUCAVX2(p, &t, r)
		} else {
			t := tailBlock(p, ' ')
			wordsASCIIAVX2(p, &t, r)
		}
	}
}

// gnuCWidth classifies bytes for gnu-c display columns.
var gnuCWidth = func() (t [256]uint8) {
	for b := range t {
		u := scalar.GNUC.ByteUnit(byte(b))
		switch {
		case u.Op == scalar.EndLine:
			t[b] = widthEnd
		case u.Op == scalar.TabStop:
			t[b] = widthTab
		case u.Cols == 1:
			t[b] = widthOne
		default:
			t[b] = widthZero
		}
	}
	return t
}()

const (
	widthZero = iota
	widthOne
	widthTab
	widthEnd
)

// gnuCWidths sets s's Reset, Head, Tail and Max for q in gnu-c, composing
// the column functions exactly as scalar.Summary.Add does, for the lines
// the gnu-c max routine hands back (tabs, \r, \f, \v, transparent bytes).
// It is a plain loop, but one step per byte instead of the reference's
// whole Summary.
func gnuCWidths(q []byte, s *scalar.Summary) {
	reset, head, tail, mx := false, scalar.Cols{}, scalar.Cols{}, uint64(0)
	for _, b := range q {
		switch gnuCWidth[b] {
		case widthOne: // tail.Then(AddN(1))
			if tail.Tab {
				tail.H++
			} else {
				tail.A++
			}
		case widthTab: // tail.Then(Tab())
			if tail.Tab {
				tail.H = (tail.H/8 + 1) * 8
			} else {
				tail = scalar.Cols{Tab: true, A: tail.A}
			}
		case widthEnd:
			if !reset {
				reset, head = true, tail
			} else {
				mx = max(mx, tail.Apply(0))
			}
			tail = scalar.Cols{}
		}
	}
	s.Reset, s.Head, s.Tail, s.Max = reset, head, tail, mx
}

// spaceBlock pads tail blocks with ' ', which changes no count of the
// routines that take it (their callers read First and Last from the bytes).
var spaceBlock = [64]byte(bytes.Repeat([]byte{' '}, 64))

// tailBlock returns the bytes of p after its last whole 64-byte block,
// padded to 64 with pad (' ' or 0), for the AVX2 routines.
func tailBlock(p []byte, pad byte) (t [64]byte) {
	if pad == ' ' {
		t = spaceBlock
	}
	copy(t[:], p[len(p)&^63:])
	return t
}

// summarize builds the Summary of q from a routine's result r over all of
// q. With withMax, q must hold no byte of display width other than 1 except
// '\n' (always true in ascii; the gnu-c max routine guarantees it).
func summarize(q []byte, d scalar.Dialect, r *wordsResult, withMax bool) scalar.Summary {
	s := scalar.Summary{Lines: r.lines, Words: r.words, Chars: uint64(len(q))}
	if len(q) == 0 {
		return s
	}
	if d == scalar.ASCII || withMax {
		// No transparent bytes: the edges are the first and last bytes.
		s.First = d.ByteUnit(q[0]).Class
		s.Last = d.ByteUnit(q[len(q)-1]).Class
	} else {
		// gnu-c: the routine's in-word state gives Last; First is the class
		// of the first non-transparent byte.
		s.First = firstClassGNUC(q)
		if s.First != scalar.Transparent {
			s.Last = scalar.Space
			if r.inWord != 0 {
				s.Last = scalar.Word
			}
		}
	}
	if withMax {
		n := uint64(len(q))
		if r.lines == 0 {
			s.Tail = scalar.AddN(n)
		} else {
			s.Reset = true
			s.Head = scalar.AddN(uint64(bytes.IndexByte(q, '\n')))
			s.Max = r.max
			s.Tail = scalar.AddN(n - 1 - r.lastNL)
		}
	}
	return s
}
