package simd

import (
	"sync"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
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

// makeGNUBMP builds dialect d's bits from glibc's runs of equal Props, a
// 64-bit word at a time, and then sets the separators right one by one:
// every code point glibc calls a space (and wc's no-break spaces) and
// every one t's separator tables match. About 0.1 ms.
func makeGNUBMP(d scalar.Dialect, t *utf8Tables) *gnuBMP {
	b := &gnuBMP{}
	var los []uint32
	var ps []glibc.Props
	for lo, p := range glibc.Runs {
		los, ps = append(los, lo), append(ps, p)
	}
	los = append(los, glibc.MaxRune+1)
	var spaces []rune // the separators of glibc and wc
	for k, p := range ps {
		lo, hi := max(los[k], 0x80), min(los[k+1], bmpLimit)
		if !p.Print() || lo >= hi {
			continue
		}
		if p.Space() {
			for cp := lo; cp < hi; cp++ {
				spaces = append(spaces, rune(cp))
			}
		}
		for c0 := lo &^ 63; c0 < hi; c0 += 64 {
			mask := ^uint64(0)
			if c0 < lo {
				mask &= ^uint64(0) << (lo - c0)
			}
			if c0+64 > hi {
				mask &= ^uint64(0) >> (c0 + 64 - hi)
			}
			b.set(rune(c0), mask, p.Width())
		}
	}
	if d == scalar.GNUUTF8 {
		spaces = append(spaces, 0xa0, 0x2007, 0x202f, 0x2060)
	}
	for lead := 0xc2; lead < 0xf0; lead++ { // what the tables call a separator
		if t.lead[lead&0x7f] == 0 {
			continue
		}
		n2s := 0x40 // the third bytes (a two-byte char: 'x' after it)
		if lead < 0xe0 {
			n2s = 1
		}
		for n1 := 0x80; n1 < 0xc0; n1++ {
			for n2 := 0x80; n2 < 0x80+n2s; n2++ {
				enc := [3]byte{byte(lead), byte(n1), byte(n2)}
				if lead < 0xe0 {
					enc[2] = 'x'
				}
				r, size := utf8.DecodeRune(enc[:])
				if size > 1 && t.lead[enc[0]&0x7f]&t.n1[enc[1]&0x7f]&t.n2[enc[2]&0x7f] != 0 {
					spaces = append(spaces, r)
				}
			}
		}
	}
	for _, cp := range spaces {
		b.setOne(cp, d, t)
	}
	return b
}

// set sets the bits of the code points c0+i for the bits i of mask (one
// 64-code-point chunk) as printable word chars glibc makes w columns wide.
func (b *gnuBMP) set(c0 rune, mask uint64, w int) {
	var wide uint64 // the chars the width measure makes two columns wide
	if c0 < 0x10000 {
		var enc [4]byte
		utf8.EncodeRune(enc[:], c0)
		if gnuWide(enc[:]) {
			wide = ^uint64(0)
		}
	} else {
		wide = gnuEmojiWide[c0>>6&63]
	}
	k := c0 >> 6
	b.class[k] |= mask
	ones, twos := mask&^wide, mask&wide
	switch w {
	case 0:
		b.zero[k] |= ones
	case 1:
		b.width[k] |= ones
		b.zero[k] |= twos
	case 2:
		b.width[k] |= twos
		b.extra[k] |= ones
	}
}

// setOne sets the bits of code point cp (below U+10000) as the reference
// classifies it alone: a separator where glibc or wc says so.
func (b *gnuBMP) setOne(cp rune, d scalar.Dialect, t *utf8Tables) {
	k, bit := cp>>6, uint64(1)<<(cp&63)
	b.class[k] &^= bit
	b.width[k] &^= bit
	b.zero[k] &^= bit
	b.extra[k] &^= bit
	p := glibc.Lookup(uint32(cp))
	if !p.Print() {
		return // transparent: the routine cannot take it
	}
	enc := [6]byte{'x', 'x', 'x'}
	utf8.EncodeRune(enc[:], cp)
	ref := p.Space() || d == scalar.GNUUTF8 && (cp == 0xa0 || cp == 0x2007 || cp == 0x202f || cp == 0x2060)
	tables := t.lead[enc[0]&0x7f]&t.n1[enc[1]&0x7f]&t.n2[enc[2]&0x7f] != 0
	if ref == tables {
		b.set(cp&^63, bit, p.Width())
	}
}

// bmpRows are bits of a bmpBits for the chars of two and three bytes,
// indexed by their bytes alone: word W = (b0&0x3f)<<6 | b1&0x3f of a
// char b0 b1 (b2), bit b2&63. A three-byte char has W = 0x800 + cp>>6,
// its bits its bmpBits word; a two-byte one W = cp, its word all ones or
// all zeros (whatever b2, the byte after it, holds). So a block routine
// looks up either with no branch on the char's length. Leads C0, C1 and
// E0's overlong second bytes (80–9F) find no bit: with continuations
// where its lead announces them, a char with its bit set is valid.
type bmpRows [0xc00]uint64

func makeBMPRows(b *bmpBits) *bmpRows {
	r := &bmpRows{}
	for cp := rune(0x80); cp < 0x800; cp++ {
		if b.has(cp) {
			r[cp] = ^uint64(0)
		}
	}
	copy(r[0x820:], b[0x20:0x400]) // E0 80-9F (overlong): none
	return r
}

// rowsHave reports whether rows (nil: none) hold the char of two or three
// bytes b0 b1 b2 (b2 whatever follows a two-byte char; b0 from C0 on):
// valid, where the caller checks that the continuations are there.
func rowsHave(rows *bmpRows, b0, b1, b2 byte) bool {
	return rows != nil && b0 < 0xf0 && rows[int(b0&0x3f)<<6|int(b1&0x3f)]>>(b2&63)&1 != 0
}

// makeSparseRows returns r less what the few-chars paths of a block
// routine must not take from a lookup alone: the chars t's separator
// tables match (a two-byte one whatever byte follows it). So a char with
// a lead C2–EF and continuations where it announces them is valid,
// admitted and no separator exactly where its bit is set.
func makeSparseRows(r *bmpRows, t *utf8Tables) *bmpRows {
	s := *r
	for w := 0x80; w < 0xc00; w++ {
		b0, b1 := byte(0xc0|w>>6), byte(0x80|w&0x3f)
		if w >= 0x800 {
			b0 = byte(0xe0 | (w-0x800)>>6)
		}
		// The tables read b2's low seven bits: a third byte 80–BF is
		// 00–3F there, its bit in the row; after a two-byte char, any.
		for b2 := range 128 {
			if t.lead[b0&0x7f]&t.n1[b1&0x7f]&t.n2[b2] == 0 {
				continue
			}
			if w < 0x800 {
				s[w] = 0
			} else if b2 < 0x40 {
				s[w] &^= 1 << b2
			}
		}
	}
	return &s
}

// gnuBMPRows are a gnuBMP's bits as bmpRows; sparseClass and sparseWidth
// those of class and width for the few-chars paths (makeSparseRows).
type gnuBMPRows struct {
	class, width, zero, extra *bmpRows
	sparseClass, sparseWidth  *bmpRows
}

func makeGNUBMPRows(b *gnuBMP, t *utf8Tables) *gnuBMPRows {
	r := &gnuBMPRows{class: makeBMPRows(&b.class), width: makeBMPRows(&b.width), zero: makeBMPRows(&b.zero), extra: makeBMPRows(&b.extra)}
	r.sparseClass, r.sparseWidth = makeSparseRows(r.class, t), makeSparseRows(r.width, t)
	return r
}

var (
	gnuBMPs          = sync.OnceValue(func() *gnuBMP { return makeGNUBMP(scalar.GNUUTF8, gnuTables) })
	gnuPosixBMPs     = sync.OnceValue(func() *gnuBMP { return makeGNUBMP(scalar.GNUUTF8Posix, gnuPosixTables) })
	gnuBMPRowss      = sync.OnceValue(func() *gnuBMPRows { return makeGNUBMPRows(gnuBMPs(), gnuTables) })
	gnuPosixBMPRowss = sync.OnceValue(func() *gnuBMPRows { return makeGNUBMPRows(gnuPosixBMPs(), gnuPosixTables) })
)

// gnuBitsOf returns the makers of tables t's gnuBMP and gnuBMPRows, nil
// for tables that are not a gnu dialect's.
func gnuBitsOf(t *utf8Tables) (func() *gnuBMP, func() *gnuBMPRows) {
	switch t {
	case gnuTables:
		return gnuBMPs, gnuBMPRowss
	case gnuPosixTables:
		return gnuPosixBMPs, gnuPosixBMPRowss
	}
	return nil, nil
}

// sparseRowsFor returns the rows a block routine's few-chars paths look
// the chars up in (tables t, measuring widths or not); nil for tables
// that are not a gnu dialect's.
func sparseRowsFor(t *utf8Tables, widths bool) *bmpRows {
	_, rows := gnuBitsOf(t)
	if rows == nil {
		return nil
	}
	if widths {
		return rows().sparseWidth
	}
	return rows().sparseClass
}

// bmpRowsFor is bmpFor as bmpRows.
func bmpRowsFor(t *utf8Tables, widths bool) (ok, zero, extra *bmpRows) {
	_, rows := gnuBitsOf(t)
	if rows == nil {
		return nil, nil, nil
	}
	r := rows()
	if widths {
		return r.width, r.zero, r.extra
	}
	return r.class, nil, nil
}

// bmpFor returns the bits a block routine checks the chars its nibble
// tables reject against in tables t (nil: t is not a gnu dialect's), and
// when measuring widths those of the chars it corrects by a column less
// or more.
func bmpFor(t *utf8Tables, widths bool) (ok, zero, extra *bmpBits) {
	bmp, _ := gnuBitsOf(t)
	if bmp == nil {
		return nil, nil, nil
	}
	b := bmp()
	if widths {
		return &b.width, &b.zero, &b.extra
	}
	return &b.class, nil, nil
}
