package simd

import (
	"sync"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar"
)

// The nibble rectangles (utf8_gnu_nibbles.go) reject whole scripts
// (Devanagari, Thai, Hebrew, Georgian…, flags and other emoji) for a few
// unassigned code points in them. A block routine with gnuBMP checks each
// char they reject exactly instead, one bit per code point below U+40000,
// and makes the block hard only where the bit is clear.

// bmpBits has one bit per code point below U+40000 (the BMP, and planes
// 1–3: emoji, historic scripts, CJK extensions): bit cp&63 of word cp>>6.
type bmpBits [bmpLimit >> 6]uint64

const bmpLimit = 0x40000

func (b *bmpBits) has(cp rune) bool { return cp < bmpLimit && b[cp>>6]>>(cp&63)&1 != 0 }

// gnuBMP are the exact allow-lists of one gnu dialect for the multi-byte
// chars below U+40000: class holds the chars that a block routine classifies
// as the reference does (a word char, or a separator exactly where the
// dialect's separator tables say so). Of those, width holds the ones as
// wide in glibc as the gnu width measure makes them (one column, or two
// where gnuWide holds the char; four-byte ones where gnuEmojiWideAt does,
// as the emoji loop reads them), zero those a column narrower (zero-width
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
	// By chunks of 64 code points, which share all their bytes but the
	// last (and so what gnuWide says of them).
	for c0 := rune(0x80); c0 < bmpLimit; c0 += 64 {
		if !utf8.ValidRune(c0) { // the surrogates, whole chunks
			continue
		}
		var buf [6]byte
		n := utf8.EncodeRune(buf[:], c0)
		buf[n], buf[n+1] = 'x', 'x'
		enc := buf[:n+2]
		wide := c0 < 0x10000 && gnuWide(enc)
		codes := &wt.codes[wt.block[c0>>8]]
		w := c0 >> 6
		for i := range rune(64) {
			cp := c0 + i
			enc[n-1] = 0x80 | byte(i)
			code := codes[cp&0xff]
			want := scalar.Word
			if t.lead[enc[0]&0x7f]&t.n1[enc[1]&0x7f]&t.n2[enc[2]&0x7f] != 0 {
				want = scalar.Space
			}
			if scalar.Class(code&3) != want {
				continue
			}
			b.class[w] |= 1 << i
			measured := unitCode(1) // what the width measure gives it
			if wide || c0 >= 0x10000 && gnuEmojiWide[enc[2]&63]>>i&1 != 0 {
				measured = 2
			}
			if scalar.WidthOp(code>>2&3) != scalar.AddCols || code>>6 != 0 {
				continue
			}
			switch code >> 4 & 3 {
			case measured:
				b.width[w] |= 1 << i
			case measured - 1:
				b.zero[w] |= 1 << i
			case measured + 1:
				b.extra[w] |= 1 << i
			}
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
