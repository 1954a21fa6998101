package simd

import (
	"sync"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar"
)

// The nibble rectangles (utf8_gnu_nibbles.go) reject whole scripts
// (Devanagari, Thai, Hebrew, Georgian…) for a few unassigned code points
// in them. A block routine with gnuBMP checks each char they reject
// exactly instead, one bit per code point below U+10000, and makes the
// block hard only where the bit is clear.

// bmpBits has one bit per code point below U+10000: bit cp&63 of word
// cp>>6.
type bmpBits [1 << 10]uint64

func (b *bmpBits) has(cp rune) bool { return cp < 1<<16 && b[cp>>6]>>(cp&63)&1 != 0 }

// gnuBMP are the exact allow-lists of one gnu dialect for the chars of two
// and three bytes: class holds the chars that a block routine classifies
// as the reference does (a word char, or a separator exactly where the
// dialect's separator tables say so). Of those, width holds the ones as
// wide in glibc as the gnu width measure makes them (one column, or two
// where gnuWide holds the char), zero those a column narrower (zero-width
// chars: combining marks, joiners) and extra those a column wider (wide
// symbols gnuWide misses); the routine corrects the last two per char.
// All are plain chars (no tab, no line end). TestUTF8GNUBMP checks them
// against the reference, char by char.
type gnuBMP struct{ class, width, zero, extra bmpBits }

func makeGNUBMP(d scalar.Dialect, t *utf8Tables) *gnuBMP {
	wt := gnuWidths()
	if d == scalar.GNUUTF8Posix {
		wt = gnuPosixWidths()
	}
	b := &gnuBMP{}
	for cp := rune(0x80); cp < 1<<16; cp++ {
		if !utf8.ValidRune(cp) {
			continue
		}
		enc := append(utf8.AppendRune(make([]byte, 0, 4), cp), 'x', 'x')
		code := wt.codes[wt.block[cp>>8]][cp&0xff]
		want := scalar.Word
		if t.lead[enc[0]&0x7f]&t.n1[enc[1]&0x7f]&t.n2[enc[2]&0x7f] != 0 {
			want = scalar.Space
		}
		if scalar.Class(code&3) != want {
			continue
		}
		b.class[cp>>6] |= 1 << (cp & 63)
		measured := unitCode(1) // what the width measure gives it
		if gnuWide(enc) {
			measured = 2
		}
		if scalar.WidthOp(code>>2&3) != scalar.AddCols || code>>6 != 0 {
			continue
		}
		switch code >> 4 & 3 {
		case measured:
			b.width[cp>>6] |= 1 << (cp & 63)
		case measured - 1:
			b.zero[cp>>6] |= 1 << (cp & 63)
		case measured + 1:
			b.extra[cp>>6] |= 1 << (cp & 63)
		}
	}
	return b
}

var (
	gnuBMPs      = sync.OnceValue(func() *gnuBMP { return makeGNUBMP(scalar.GNUUTF8, gnuTables) })
	gnuPosixBMPs = sync.OnceValue(func() *gnuBMP { return makeGNUBMP(scalar.GNUUTF8Posix, gnuPosixTables) })
)

// bmpFor returns the bits a block routine checks the chars its nibble
// tables reject against in tables t (nil: t is not a gnu dialect's), and
// when measuring widths those of the chars it corrects by a column less
// or more.
func bmpFor(t *utf8Tables, widths bool) (ok, zero, extra *bmpBits) {
	var b *gnuBMP
	switch t {
	case gnuTables:
		b = gnuBMPs()
	case gnuPosixTables:
		b = gnuPosixBMPs()
	default:
		return nil, nil, nil
	}
	if widths {
		return &b.width, &b.zero, &b.extra
	}
	return &b.class, nil, nil
}
