package scalar

import "fmt"

// Dialect selects what a word, a char and a line's length are. The four
// dialects are specified in shared/spec/semantics.md; each is a row of
// dialects below (tables, not code), so a new dialect such as GNU wc ≥ 9.5
// is a new row, not a new loop.
type Dialect uint8

const (
	// UTF8: Unicode words and chars with Go semantics (unicode.IsSpace,
	// utf8.RuneCount). The zero value and the library default.
	UTF8 Dialect = iota
	// ASCII: bytes are chars; words split on the six POSIX space bytes.
	ASCII
	// GNUC: exactly GNU wc 9.1 under LC_ALL=C (transparent non-printables).
	GNUC
	// GNUUTF8: exactly GNU wc 9.1 under LC_ALL=C.UTF-8 (glibc decoder and
	// glibc 2.36 tables).
	GNUUTF8
	// GNUUTF8Posix: GNUUTF8 with POSIXLY_CORRECT set in wc's environment:
	// the four no-break spaces (U+00A0, U+2007, U+202F, U+2060) are word
	// characters instead of separators.
	GNUUTF8Posix

	numDialects
)

// Dialects lists every dialect, in declaration order.
func Dialects() []Dialect {
	return []Dialect{UTF8, ASCII, GNUC, GNUUTF8, GNUUTF8Posix}
}

// String returns the dialect's name as ParseDialect accepts it.
func (d Dialect) String() string {
	if d < numDialects {
		return dialects[d].name
	}
	return fmt.Sprintf("Dialect(%d)", uint8(d))
}

// Valid reports whether d is one of the declared dialects.
func (d Dialect) Valid() bool { return d < numDialects }

// ParseDialect maps a name (utf8, ascii, gnu-c, gnu-utf8, gnu-utf8-posix)
// to its Dialect.
func ParseDialect(name string) (Dialect, error) {
	for i := range dialects {
		if dialects[i].name == name {
			return Dialect(i), nil
		}
	}
	return 0, fmt.Errorf("simdwc: unknown dialect %q (want utf8, ascii, gnu-c, gnu-utf8 or gnu-utf8-posix)", name)
}

// Decoder says how bytes group into chars.
type Decoder uint8

const (
	DecodeBytes Decoder = iota // one byte, one char
	DecodeGo                   // unicode/utf8: invalid bytes are one char each
	DecodeGlibc                // glibc 2.36 mbrtowc: see decode.go
)

// MaxSeq is the longest byte sequence a decoder turns into one char.
func (dec Decoder) MaxSeq() int {
	switch dec {
	case DecodeGo:
		return 4
	case DecodeGlibc:
		return 6
	}
	return 1
}

// Class is what a char does to words.
type Class uint8

const (
	// Transparent chars neither start nor end a word (GNU 9.1's
	// non-printables). Also "no char seen" in Summary.First/Last.
	Transparent Class = iota
	Space             // ends a word
	Word              // starts or continues a word
)

// WidthOp is what a char does to the display column for max line length.
type WidthOp uint8

const (
	AddCols WidthOp = iota // column += Unit.Cols
	TabStop                // column goes to the next multiple of 8
	EndLine                // the measure ends: max taken, column back to 0
)

// Unit describes one char: its word class, its effect on the column, and
// whether it counts as a char (glibc's skipped invalid bytes do not).
type Unit struct {
	Class Class
	Op    WidthOp
	Cols  uint8 // columns added when Op == AddCols
	Chars uint8 // 1, or 0 for a byte the decoder skips
	Lines uint8 // 1 for '\n'
}

type dialectSpec struct {
	name    string
	decoder Decoder
	// bytes classifies a byte that is a whole char: every byte for
	// DecodeBytes, bytes < 0x80 for the UTF-8 decoders.
	bytes *[256]Unit
	// asciiTwin is the byte dialect that classifies ASCII exactly as this
	// one does, so pure-ASCII text can take its kernels.
	asciiTwin Dialect
	// nbspSeparates: glibc dialects only, whether wc's own four no-break
	// spaces end words (wc 9.1 without POSIXLY_CORRECT).
	nbspSeparates bool
}

var (
	asciiBytes = makeByteTable(func(b byte) Unit {
		u := Unit{Class: Word, Op: AddCols, Cols: 1, Chars: 1}
		if isPosixSpace(b) {
			u.Class = Space
		}
		if b == '\n' {
			u.Op, u.Cols, u.Lines = EndLine, 0, 1
		}
		return u
	})
	gnuCBytes = makeByteTable(func(b byte) Unit {
		u := Unit{Class: Transparent, Op: AddCols, Chars: 1}
		switch {
		case isPosixSpace(b):
			u.Class = Space
		case b >= 0x21 && b <= 0x7e:
			u.Class, u.Cols = Word, 1
		}
		if b == '\n' {
			u.Lines = 1
		}
		switch b {
		case '\n', '\r', '\f':
			u.Op = EndLine
		case '\t':
			u.Op = TabStop
		case ' ':
			u.Cols = 1
		}
		return u
	})
)

var dialects = [numDialects]dialectSpec{
	UTF8:         {name: "utf8", decoder: DecodeGo, bytes: &asciiBytes, asciiTwin: ASCII},
	ASCII:        {name: "ascii", decoder: DecodeBytes, bytes: &asciiBytes, asciiTwin: ASCII},
	GNUC:         {name: "gnu-c", decoder: DecodeBytes, bytes: &gnuCBytes, asciiTwin: GNUC},
	GNUUTF8:      {name: "gnu-utf8", decoder: DecodeGlibc, bytes: &gnuCBytes, asciiTwin: GNUC, nbspSeparates: true},
	GNUUTF8Posix: {name: "gnu-utf8-posix", decoder: DecodeGlibc, bytes: &gnuCBytes, asciiTwin: GNUC},
}

// Decoder returns how d groups bytes into chars.
func (d Dialect) Decoder() Decoder { return dialects[d].decoder }

// ASCIITwin returns the byte dialect (ASCII or GNUC) that counts pure-ASCII
// text exactly as d does: d itself for a byte dialect.
func (d Dialect) ASCIITwin() Dialect { return dialects[d].asciiTwin }

// ByteUnit classifies byte b when it is a whole char in dialect d (every
// byte in the byte dialects; ASCII bytes in the UTF-8 dialects). SIMD
// kernels build their constants from this table.
func (d Dialect) ByteUnit(b byte) Unit { return dialects[d].bytes[b] }

func isPosixSpace(b byte) bool { return b == ' ' || (b >= '\t' && b <= '\r') }

func makeByteTable(f func(byte) Unit) (t [256]Unit) {
	for i := range t {
		t[i] = f(byte(i))
	}
	return t
}
