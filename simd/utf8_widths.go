package simd

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/scalar/glibc"
)

// What the block routines cannot count (invalid bytes, and in the gnu
// dialects chars the routines do not know or cannot measure) charsGo
// counts a char at a time, as the reference does, but with a two-level
// table of the chars' units (glibc's Props in the gnu dialects) instead of
// a binary search, and a Summary kept in place.

// unitCode packs what charsGo needs of one char's scalar.Unit: the
// class (bits 0–1), the width op (bits 2–3), the columns (bits 4–5) and
// the line ('\n', bit 6). Every char counts one (the reference's Chars of
// an ASCII byte or a valid char).
type unitCode uint8

func codeOf(u scalar.Unit) unitCode {
	if u.Cols > 3 || u.Chars != 1 {
		panic("simd: a unit that does not pack")
	}
	return unitCode(u.Class) | unitCode(u.Op)<<2 | unitCode(u.Cols)<<4 | unitCode(u.Lines)<<6
}

// widthTables are one UTF-8 dialect's unit codes: of the ASCII bytes, and
// of every code point by 256-code-point blocks, codes[block[cp>>8]][cp&0xff],
// as the reference classifies a valid char (gnu: glibc's Props, and wc's
// no-break spaces in gnu-utf8; utf8: unicode.IsSpace, one column). Built
// on first use, from glibc.Runs or unicode.White_Space
// (TestGNUWidthTables checks every code point against the reference).
type widthTables struct {
	ascii [128]unitCode
	above unitCode // gnu: a char above U+10FFFF (glibc decodes up to 7FFFFFFF)
	bad   unitCode // utf8: an invalid byte (Go's decoder: a char)
	block [(glibc.MaxRune + 1) >> 8]uint16
	codes [][256]unitCode
	// bmp is lookup of every code point below U+10000 in one load
	// (charsPlain's chars of two and three bytes).
	bmp *[0x10000]unitCode
}

// fillBMP fills t.bmp from t.block and t.codes.
func (t *widthTables) fillBMP() *widthTables {
	t.bmp = new([0x10000]unitCode)
	for cp := range t.bmp {
		t.bmp[cp] = t.lookup(uint32(cp))
	}
	return t
}

func makeWidthTables(d scalar.Dialect) *widthTables {
	t := &widthTables{}
	for c := range t.ascii {
		t.ascii[c] = codeOf(d.ByteUnit(byte(c)))
	}
	if d == scalar.UTF8 {
		return t.utf8().fillBMP()
	}
	unit := func(cp uint32, pr glibc.Props) unitCode {
		u := scalar.Unit{Class: scalar.Transparent, Op: scalar.AddCols, Chars: 1}
		if pr.Print() {
			u.Class, u.Cols = scalar.Word, uint8(pr.Width())
			if pr.Space() || d == scalar.GNUUTF8 && (cp == 0xa0 || cp == 0x2007 || cp == 0x202f || cp == 0x2060) {
				u.Class = scalar.Space
			}
		}
		return codeOf(u)
	}
	t.above = unit(glibc.MaxRune+1, glibc.Lookup(glibc.MaxRune+1))
	var los []uint32
	var ps []glibc.Props
	for lo, p := range glibc.Runs {
		los, ps = append(los, lo), append(ps, p)
	}
	los = append(los, glibc.MaxRune+1)
	seen := map[[256]unitCode]uint16{}
	id := func(block *[256]unitCode) uint16 {
		n, ok := seen[*block]
		if !ok {
			n = uint16(len(t.codes))
			seen[*block] = n
			t.codes = append(t.codes, *block)
		}
		return n
	}
	uniform := map[glibc.Props]uint16{} // blocks inside one run
	var cur [256]unitCode
	j := 0
	for b := range t.block {
		lo := uint32(b << 8)
		for los[j+1] <= lo {
			j++
		}
		if los[j+1] > lo+255 && b != 0x00 && b != 0x20 { // no no-break space in it
			n, ok := uniform[ps[j]]
			if !ok {
				for k := range cur {
					cur[k] = unit(lo, ps[j])
				}
				n = id(&cur)
				uniform[ps[j]] = n
			}
			t.block[b] = n
			continue
		}
		for k := range cur {
			cp := lo + uint32(k)
			for los[j+1] <= cp {
				j++
			}
			cur[k] = unit(cp, ps[j])
		}
		t.block[b] = id(&cur)
	}
	return t.fillBMP()
}

// lookup returns the code of char r.
func (t *widthTables) lookup(r uint32) unitCode {
	if r > glibc.MaxRune {
		return t.above
	}
	return t.codes[t.block[r>>8]][r&0xff]
}

// utf8 fills t for the utf8 dialect: every char a word char of one
// column but the Unicode spaces.
func (t *widthTables) utf8() *widthTables {
	word := codeOf(scalar.Unit{Class: scalar.Word, Op: scalar.AddCols, Cols: 1, Chars: 1})
	space := codeOf(scalar.Unit{Class: scalar.Space, Op: scalar.AddCols, Cols: 1, Chars: 1})
	t.bad = word
	var all [256]unitCode
	for k := range all {
		all[k] = word
	}
	t.codes = append(t.codes, all) // block 0 of every block
	setSpace := func(cp rune) {
		if cp < 0x80 {
			return
		}
		if t.block[cp>>8] == 0 {
			t.block[cp>>8] = uint16(len(t.codes))
			t.codes = append(t.codes, all)
		}
		t.codes[t.block[cp>>8]][cp&0xff] = space
	}
	for _, r := range unicode.White_Space.R16 {
		for cp := rune(r.Lo); cp <= rune(r.Hi); cp += rune(r.Stride) {
			setSpace(cp)
		}
	}
	for _, r := range unicode.White_Space.R32 {
		for cp := rune(r.Lo); cp <= rune(r.Hi); cp += rune(r.Stride) {
			setSpace(cp)
		}
	}
	return t
}

var (
	gnuWidths      = sync.OnceValue(func() *widthTables { return makeWidthTables(scalar.GNUUTF8) })
	gnuPosixWidths = sync.OnceValue(func() *widthTables { return makeWidthTables(scalar.GNUUTF8Posix) })
	utf8Widths     = sync.OnceValue(func() *widthTables { return makeWidthTables(scalar.UTF8) })
)

// widthTablesOf returns the unit codes of UTF-8 dialect d.
func widthTablesOf(d scalar.Dialect) *widthTables {
	switch d {
	case scalar.GNUUTF8Posix:
		return gnuPosixWidths()
	case scalar.UTF8:
		return utf8Widths()
	}
	return gnuWidths()
}

// asciiHandBack is the ASCII run after which charsGo stops, so that the
// rest of the run goes to the byte kernel.
const asciiHandBack = 64

// charsGo counts p in UTF-8 dialect d, one char at a time, decoded as d's
// decoder does (gnu, glibc's: an invalid byte skipped, leads up to FD,
// chars up to U+7FFFFFFF; utf8, Go's: an invalid byte is a char), up to
// the first sequence cut off by p's end (or, atStart, a continuation byte
// p starts with: it may finish a char of the chunk before p), which it
// leaves to the reference, or up to asciiHandBack ASCII
// bytes in a row; the line widths only when widths is set (else the
// Summary's Reset, Head, Tail and Max stay zero, as a block routine's
// without lineMask).
// It returns the Summary and length of what it counted: the reference's
// Summary.Add step by step, with the units its unitAt gives for ASCII
// bytes and valid multi-byte chars, kept in registers (TestCharsGo
// compares the two field by field). The word state is kept branch-free
// (inWord: the last opaque char was a word char), and the columns of
// plain chars go into acc, added to tail at the rare tab and line end.
func charsGo(p []byte, d scalar.Dialect, widths, atStart bool) (scalar.Summary, int) {
	t := widthTablesOf(d)
	goDecoder := d == scalar.UTF8
	var lines, words, chars, maxw, inWord, acc uint64
	first := scalar.Transparent
	reset := false
	var head, tail scalar.Cols
	i, run := 0, 0     // run: ASCII bytes since the last multi-byte char
	var colMask uint64 // the columns go into acc only when measured
	if widths {
		colMask = 3
	}
scan:
	for i < len(p) && run < asciiHandBack {
		if first != scalar.Transparent {
			// The plain chars from here on (no tab, no line end, nothing
			// to decode the long way) in a loop of their own.
			pc := plainCounts{words: words, chars: chars, inWord: inWord, acc: acc}
			i, run = charsPlain(p, i, run, t, colMask, &pc)
			words, chars, inWord, acc = pc.words, pc.chars, pc.inWord, pc.acc
			if i == len(p) || run == asciiHandBack {
				break
			}
		}
		var code unitCode
		if c := p[i]; c < 0x80 {
			code = t.ascii[c]
			i++
			run++
		} else {
			run = 0
			// Decoded as d's decoder does (the valid chars of plain
			// units are charsPlain's once first is known; these are the
			// others). A sequence cut off by p's end, which the next
			// chunk may finish, and (atStart) continuation bytes at p's
			// start, which may finish a char of the chunk before, are
			// the reference's.
			var cp rune
			var size int
			ok := true
			if goDecoder {
				if cp, size = utf8.DecodeRune(p[i:]); size == 1 {
					ok, size = false, 1
					if !utf8.FullRune(p[i:]) {
						size = 0
					}
				}
			} else {
				cp, size, ok = scalar.GlibcDecode(p[i:])
			}
			switch {
			case ok:
				code = t.lookup(uint32(cp))
				i += size
			case size == 0 || i == 0 && c < 0xc0 && atStart:
				break scan
			case !goDecoder:
				i++
				continue // glibc skips the byte: no char at all
			default:
				code = t.bad
				i++
			}
		}
		chars++
		lines += uint64(code >> 6)
		class := scalar.Class(code & 3) // Transparent 0, Space 1, Word 2
		if class != scalar.Transparent && first == scalar.Transparent {
			first = class
		}
		word := uint64(class >> 1)
		words += word &^ inWord
		inWord = word | inWord&^uint64(class|class>>1)&1
		if !widths {
			continue
		}
		acc += uint64(code>>4) & 3
		switch scalar.WidthOp(code>>2) & 3 {
		case scalar.TabStop:
			tail, acc = plusCols(tail, acc), 0
			tail = tail.Then(scalar.Tab())
		case scalar.EndLine:
			tail, acc = plusCols(tail, acc), 0
			if reset {
				maxw = max(maxw, tail.Apply(0))
			} else {
				reset, head = true, tail
			}
			tail = scalar.Cols{}
		}
	}
	tail = plusCols(tail, acc)
	last := first
	if first != scalar.Transparent {
		last = scalar.Space
		if inWord != 0 {
			last = scalar.Word
		}
	}
	s := scalar.Summary{Lines: lines, Words: words, Chars: chars, First: first, Last: last, Reset: reset, Head: head, Tail: tail, Max: maxw}
	return s, i
}

// plainCounts are the counts charsPlain adds to.
type plainCounts struct{ words, chars, inWord, acc uint64 }

// charsPlain is charsGo's loop over plain chars, with its few counts in
// registers: from p[i] (with run ASCII bytes before it) the ASCII bytes
// and the valid multi-byte chars whose width op is AddCols
// and that end no line, their columns (& colMask) added to c.acc, up to
// the first other char (or invalid byte), asciiHandBack ASCII bytes in a
// row, or the end of p. Once the first opaque char is known (charsGo's
// first), every char updates the counts alike. It returns where it
// stopped and the run there.
func charsPlain(p []byte, i, run int, t *widthTables, colMask uint64, c *plainCounts) (int, int) {
	words, chars, inWord, acc := c.words, c.chars, c.inWord, c.acc
	bmp := t.bmp
	for i < len(p) && run < asciiHandBack {
		b := p[i]
		var code unitCode
		n, r := 1, run+1
		switch {
		case b < 0x80:
			code = t.ascii[b]
		case b >= 0xc2 && b < 0xe0 && i+1 < len(p) && p[i+1]&0xc0 == 0x80:
			code = bmp[uint16(b&0x1f)<<6|uint16(p[i+1]&0x3f)]
			n, r = 2, 0
		case b&0xf0 == 0xe0 && i+2 < len(p) && p[i+1]&0xc0 == 0x80 && p[i+2]&0xc0 == 0x80 &&
			(b != 0xe0 || p[i+1] >= 0xa0) && (b != 0xed || p[i+1] < 0xa0): // not overlong, not a surrogate
			code = bmp[uint16(b&0x0f)<<12|uint16(p[i+1]&0x3f)<<6|uint16(p[i+2]&0x3f)]
			n, r = 3, 0
		case b >= 0xf0 && b < 0xf5 && i+3 < len(p) && p[i+1]&0xc0 == 0x80 && p[i+2]&0xc0 == 0x80 && p[i+3]&0xc0 == 0x80 &&
			(b != 0xf0 || p[i+1] >= 0x90) && (b != 0xf4 || p[i+1] < 0x90): // not overlong, not above U+10FFFF
			code = t.lookup(uint32(b&0x07)<<18 | uint32(p[i+1]&0x3f)<<12 | uint32(p[i+2]&0x3f)<<6 | uint32(p[i+3]&0x3f))
			n, r = 4, 0
		default:
			code = 0xff // not plain
		}
		if code&0xcc != 0 { // a width op or a line: charsGo's
			break
		}
		class := uint64(code & 3) // Transparent 0, Space 1, Word 2
		word := class >> 1
		words += word &^ inWord
		inWord = word | inWord&^(class|class>>1)&1
		acc += uint64(code>>4) & colMask
		chars++
		i, run = i+n, r
	}
	c.words, c.chars, c.inWord, c.acc = words, chars, inWord, acc
	return i, run
}

// plusCols is c followed by n plain columns.
func plusCols(c scalar.Cols, n uint64) scalar.Cols {
	if c.Tab {
		c.H += n
	} else {
		c.A += n
	}
	return c
}
