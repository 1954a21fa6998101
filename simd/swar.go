package simd

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/simdwc/simdwc/scalar"
)

// The SWAR kernel: plain Go, eight bytes per uint64 step, the kernel of
// every architecture without assembly and of the purego build.
//
// Bytes are loaded little-endian, so lane i of a word is p[i] and bit i of
// every mask is byte i whatever the CPU's byte order; all arithmetic is on
// uint64, so it is exact on 32-bit targets too (just slower there).
//
// Each 64-byte block becomes four 64-bit masks, one bit per byte: word
// chars, transparent chars, newlines, and "special" bytes (every byte that
// is not a one-column printable). Words, First and Last come from mask
// arithmetic once per block; lines are a popcount; the line-length measure
// only visits special bytes, so a plain text line costs one step.

const (
	lanes01 = 0x0101010101010101 // one in every lane
	lanes80 = 0x8080808080808080 // every lane's high bit
)

// swarSet is a set of byte values tested on eight lanes at once. Its
// bytes below 0x80 are at most two ranges [lo, hi), or the complement of
// two (inv); bytes 0x80–0xFF are all in or all out (high). Every byte
// dialect fits this shape; a table that does not gets no swarDialect and
// the kernel hands it to the reference.
type swarSet struct {
	lo, hi [2]uint64 // bounds broadcast to every lane; an unused range is [0x80, 0x80)
	inv    uint64    // lanes80 when the ranges are the complement of the set
	high   uint64    // lanes80 when 0x80–0xFF are in the set
	two    bool      // the second range is in use
}

// match returns lanes80 bits for the lanes of x whose byte is in s; z is
// x|lanes80. The range test works on the low seven bits with each lane's
// high bit set: a lane of z is 0x80+(b&0x7f) ≥ 0x80 ≥ any bound, so
// subtracting a bound never borrows from the next lane, and bit 7 of the
// difference says b&0x7f ≥ bound. Lanes whose byte has bit 7 set are then
// decided by high alone.
func (s *swarSet) match(x, z uint64) uint64 {
	m := (z - s.lo[0]) &^ (z - s.hi[0])
	if s.two {
		m |= (z - s.lo[1]) &^ (z - s.hi[1])
	}
	return ((m^s.inv)&^x | x&s.high) & lanes80
}

// newSWARSet builds the swarSet of the bytes for which in is true, or
// reports that they do not fit its shape.
func newSWARSet(in func(b byte) bool) (swarSet, bool) {
	var s swarSet
	for b := 0x81; b <= 0xff; b++ {
		if in(byte(b)) != in(0x80) {
			return s, false
		}
	}
	if in(0x80) {
		s.high = lanes80
	}
	rs := lowRanges(in, false)
	if len(rs) > len(s.lo) {
		rs, s.inv = lowRanges(in, true), lanes80
	}
	if len(rs) > len(s.lo) {
		return s, false
	}
	for i := range s.lo {
		s.lo[i], s.hi[i] = 0x80*lanes01, 0x80*lanes01
	}
	for i, r := range rs {
		s.lo[i], s.hi[i] = uint64(r[0])*lanes01, uint64(r[1])*lanes01
	}
	s.two = len(rs) > 1
	return s, true
}

// lowRanges returns the maximal ranges [lo, hi) of bytes below 0x80 for
// which in (or, with not, !in) is true.
func lowRanges(in func(b byte) bool, not bool) [][2]int {
	var rs [][2]int
	for b := 0; b < 0x80; b++ {
		if in(byte(b)) == not {
			continue
		}
		if n := len(rs); n > 0 && rs[n-1][1] == b {
			rs[n-1][1]++
		} else {
			rs = append(rs, [2]int{b, b + 1})
		}
	}
	return rs
}

// gather8 packs the lane high bits of m (bits 8i+7) into bits 0–7. The
// multiplier holds 2^(7k) for k = 0..7; lane i's bit lands on bit 56+i
// through k = 7−i, and no two partial products share a bit, so nothing
// carries.
func gather8(m uint64) uint64 { return m * 0x0002040810204081 >> 56 }

// swarDialect is what the kernel knows of one byte dialect, all read from
// its scalar table.
type swarDialect struct {
	word, transparent, newline, special swarSet
	// newlineByte is the one byte with Lines = 1, for the lines-only path.
	newlineByte byte
	// hasTransparent is false when no byte is transparent (ascii): the
	// transparent mask is then 0 and not worth computing.
	hasTransparent bool
	units          [256]scalar.Unit
}

// swarDialects holds a swarDialect for each byte dialect whose table fits.
var swarDialects = func() (t [256]*swarDialect) {
	for _, d := range scalar.Dialects() {
		if d.Decoder() == scalar.DecodeBytes {
			t[d] = newSWARDialect(d)
		}
	}
	return t
}()

func newSWARDialect(d scalar.Dialect) *swarDialect {
	sd := &swarDialect{}
	newlines := 0
	for b := range sd.units {
		u := d.ByteUnit(byte(b))
		sd.units[b] = u
		if u.Chars != 1 {
			return nil // chars = bytes is assumed below
		}
		if u.Lines != 0 {
			sd.newlineByte = byte(b)
			newlines++
		}
		if u.Lines > 1 {
			return nil
		}
		if u.Class == scalar.Transparent {
			sd.hasTransparent = true
		}
	}
	if newlines != 1 {
		return nil
	}
	for _, set := range []struct {
		s  *swarSet
		in func(u scalar.Unit) bool
	}{
		{&sd.word, func(u scalar.Unit) bool { return u.Class == scalar.Word }},
		{&sd.transparent, func(u scalar.Unit) bool { return u.Class == scalar.Transparent }},
		{&sd.newline, func(u scalar.Unit) bool { return u.Lines != 0 }},
		{&sd.special, func(u scalar.Unit) bool { return u.Op != scalar.AddCols || u.Cols != 1 }},
	} {
		s, ok := newSWARSet(func(b byte) bool { return set.in(sd.units[b]) })
		if !ok {
			return nil
		}
		*set.s = s
	}
	return sd
}

func countSWAR(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	sd := swarDialects[d]
	if sd == nil {
		return countReference(p, d, need)
	}
	if need == NeedLines {
		// bytes.Count is the runtime's own vector loop on most
		// architectures and a byte loop elsewhere: nothing to gain here.
		return scalar.Summary{Lines: uint64(bytes.Count(p, []byte{sd.newlineByte}))}
	}
	c := swarCounter{sd: sd, words: need&NeedWords != 0, cols: need&NeedMaxLineLength != 0}
	c.s.Chars = uint64(len(p))
	for len(p) >= 64 {
		c.block((*[64]byte)(p), 64)
		p = p[64:]
	}
	if len(p) > 0 {
		// The last bytes go through a zeroed copy, never a read past p;
		// the padding is masked off.
		var buf [64]byte
		copy(buf[:], p)
		c.block(&buf, len(p))
	}
	return c.summary()
}

// swarCounter is the running state of one countSWAR.
type swarCounter struct {
	sd          *swarDialect
	words, cols bool // what to compute besides lines

	s scalar.Summary
	// inWord is 1 when the last byte so far is a word char or a
	// transparent one continuing a word.
	inWord uint64
}

// block counts the first n (1..64) bytes of b.
func (c *swarCounter) block(b *[64]byte, n int) {
	sd := c.sd
	var w, t, nl, sp uint64
	for k := 0; k < 8; k++ {
		x := binary.LittleEndian.Uint64(b[8*k : 8*k+8])
		z := x | lanes80
		nl |= gather8(sd.newline.match(x, z)) << (8 * k)
		if c.words {
			w |= gather8(sd.word.match(x, z)) << (8 * k)
			if sd.hasTransparent {
				t |= gather8(sd.transparent.match(x, z)) << (8 * k)
			}
		}
		if c.cols {
			sp |= gather8(sd.special.match(x, z)) << (8 * k)
		}
	}
	// Padding is neither word nor transparent: it acts as a space, which
	// changes nothing before it. (1<<64 is 0 in Go: valid is all ones.)
	valid := uint64(1)<<n - 1
	w, t, nl, sp = w&valid, t&valid, nl&valid, sp&valid
	c.s.Lines += uint64(bits.OnesCount64(nl))

	if c.words {
		// A transparent run takes the in-word state of the byte before
		// it: seed the run's first bit when that byte is in a word, and
		// the add carries the seed through the run.
		cin := c.inWord
		seed := t & (w<<1 | cin)
		in := w | ((t+seed)^t)&t
		starts := w &^ (in<<1 | cin)
		c.s.Words += uint64(bits.OnesCount64(starts))
		c.inWord = in >> (n - 1) & 1
		if c.s.First == scalar.Transparent {
			if visible := valid &^ t; visible != 0 {
				c.s.First = scalar.Space
				if w>>bits.TrailingZeros64(visible)&1 != 0 {
					c.s.First = scalar.Word
				}
			}
		}
	}

	if c.cols {
		// Plain bytes between special ones add one column each; each
		// special byte does what its unit says.
		pos := 0
		for ; sp != 0; sp &= sp - 1 {
			i := bits.TrailingZeros64(sp)
			c.addCols(uint64(i - pos))
			switch u := sd.units[b[i&63]]; u.Op {
			case scalar.AddCols:
				c.addCols(uint64(u.Cols))
			case scalar.TabStop:
				c.tab()
			case scalar.EndLine:
				c.endLine()
			}
			pos = i + 1
		}
		c.addCols(uint64(n - pos))
	}
}

// addCols, tab and endLine are scalar.Summary.Add's column steps, inlined.
func (c *swarCounter) addCols(k uint64) {
	if c.s.Tail.Tab {
		c.s.Tail.H += k
	} else {
		c.s.Tail.A += k
	}
}

func (c *swarCounter) tab() {
	if c.s.Tail.Tab {
		c.s.Tail.H = (c.s.Tail.H/8 + 1) * 8
	} else {
		c.s.Tail = scalar.Cols{Tab: true, A: c.s.Tail.A}
	}
}

func (c *swarCounter) endLine() {
	if !c.s.Reset {
		c.s.Reset, c.s.Head = true, c.s.Tail
	} else {
		c.s.Max = max(c.s.Max, c.s.Tail.Apply(0))
	}
	c.s.Tail = scalar.Cols{}
}

func (c *swarCounter) summary() scalar.Summary {
	s := c.s
	switch {
	case c.inWord != 0:
		s.Last = scalar.Word
	case s.First != scalar.Transparent:
		s.Last = scalar.Space
	}
	return s
}
