package scalar

import (
	"unicode"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar/glibc"
)

// decodeStatus is the outcome of decoding at one position.
type decodeStatus uint8

const (
	decoded    decodeStatus = iota // a char of n bytes
	invalid                        // the byte at the position is not a char start
	incomplete                     // a valid prefix that the end of p cuts off
)

// isCont reports whether b is a UTF-8 continuation byte.
func isCont(b byte) bool { return b&0xC0 == 0x80 }

// decodeGlibc decodes one char at the start of p (len(p) > 0) as glibc
// 2.36's mbrtowc does in C.UTF-8 (gnu-wc-notes.md §2): leads C2–FD,
// sequences up to 6 bytes and up to U+7FFFFFFF accepted, overlongs and
// surrogates rejected once all their bytes are there, and any follower
// outside 80–BF makes the lead invalid.
func decodeGlibc(p []byte) (cp rune, n int, st decodeStatus) {
	b := p[0]
	var min rune
	switch {
	case b < 0x80:
		return rune(b), 1, decoded
	case b < 0xC2 || b > 0xFD:
		return 0, 1, invalid
	case b < 0xE0:
		n, min, cp = 2, 0x80, rune(b&0x1F)
	case b < 0xF0:
		n, min, cp = 3, 0x800, rune(b&0x0F)
	case b < 0xF8:
		n, min, cp = 4, 0x10000, rune(b&0x07)
	case b < 0xFC:
		n, min, cp = 5, 0x200000, rune(b&0x03)
	default:
		n, min, cp = 6, 0x4000000, rune(b&0x01)
	}
	for i := 1; i < n; i++ {
		if i == len(p) {
			return 0, 1, incomplete
		}
		if !isCont(p[i]) {
			return 0, 1, invalid
		}
		cp = cp<<6 | rune(p[i]&0x3F)
	}
	if cp < min || (cp >= 0xD800 && cp <= 0xDFFF) {
		return 0, 1, invalid
	}
	return cp, n, decoded
}

// GlibcDecode decodes one char at the start of p (len(p) > 0) as the gnu
// dialects do (glibc's mbrtowc, see decodeGlibc): n is its length; ok is
// false when p[0] is not a char start (n 1: the byte is skipped) or when
// the end of p cuts off a valid prefix (n 0).
func GlibcDecode(p []byte) (cp rune, n int, ok bool) {
	cp, n, st := decodeGlibc(p)
	switch st {
	case incomplete:
		return 0, 0, false
	case invalid:
		return 0, 1, false
	}
	return cp, n, true
}

// decodeGo decodes one char at the start of p (len(p) > 0) as
// unicode/utf8 does; an invalid byte comes back as RuneError of size 1.
func decodeGo(p []byte) (cp rune, n int, st decodeStatus) {
	if !utf8.FullRune(p) {
		return 0, 1, incomplete
	}
	cp, n = utf8.DecodeRune(p)
	if cp == utf8.RuneError && n == 1 {
		return cp, 1, invalid
	}
	return cp, n, decoded
}

var (
	skippedByte = Unit{Class: Transparent, Op: AddCols}             // glibc: invalid byte, nothing at all
	goBadByte   = Unit{Class: Word, Op: AddCols, Cols: 1, Chars: 1} // Go: invalid byte is one char
)

// unitAt decodes the char at the start of p in dialect d and classifies
// it. When the sequence at p is cut off by the end of p, st is incomplete
// and u describes its first byte as the decoder sees it at end of input
// (both decoders then treat that byte as invalid, and resume at the next).
func (d Dialect) unitAt(p []byte) (u Unit, n int, st decodeStatus) {
	spec := &dialects[d]
	if p[0] < 0x80 || spec.decoder == DecodeBytes {
		return spec.bytes[p[0]], 1, decoded
	}
	if spec.decoder == DecodeGo {
		cp, n, st := decodeGo(p)
		if st != decoded {
			return goBadByte, 1, st
		}
		u := Unit{Class: Word, Op: AddCols, Cols: 1, Chars: 1}
		if unicode.IsSpace(cp) {
			u.Class = Space
		}
		return u, n, st
	}
	cp, n, st := decodeGlibc(p)
	if st != decoded {
		return skippedByte, 1, st
	}
	pr := glibc.Lookup(uint32(cp))
	if !pr.Print() {
		return Unit{Class: Transparent, Op: AddCols, Chars: 1}, n, st
	}
	u = Unit{Class: Word, Op: AddCols, Cols: uint8(pr.Width()), Chars: 1}
	if pr.Space() || (spec.nbspSeparates && isNoBreakSpace(cp)) {
		u.Class = Space
	}
	return u, n, st
}

// isNoBreakSpace: wc 9.1's own list (iswnbspace), separators unless
// POSIXLY_CORRECT is set.
func isNoBreakSpace(cp rune) bool {
	return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060
}
