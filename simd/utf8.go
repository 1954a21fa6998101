package simd

import (
	"github.com/simdwc/simdwc/scalar"
)

// utf8Funcs are a kernel's routines for the UTF-8 dialects. A nil field
// takes the generic path.
type utf8Funcs struct {
	// asciiPrefix returns the index of the first byte ≥ 0x80 of p, or
	// len(p). nil: asciiPrefixSWAR.
	asciiPrefix func(p []byte) int
	// countASCII counts p in byte dialect d (the ASCII twin) up to the
	// first 64-byte block that holds a byte ≥ 0x80, in one pass, and
	// returns that prefix's Summary and length (0 where it does not
	// apply). nil: asciiPrefix and the byte kernel, in windows.
	countASCII func(p []byte, d scalar.Dialect, need Need) (scalar.Summary, int)
	// block counts lines, words, chars and line lengths of valid UTF-8 in
	// the utf8 dialect, and lines, words and chars of valid allow-listed
	// text in the gnu ones (see countValid). nil: the reference does.
	block utf8Block
	// utf8Only: block knows the utf8 dialect only; the gnu ones go to
	// the reference where the text is not ASCII.
	utf8Only bool
}

// asciiWindow bounds one pure-ASCII run handed to the byte kernel: the
// run is scanned and then counted while it is still in L1, so long ASCII
// inputs are read from memory once.
const asciiWindow = 16 << 10

// refBlock is how much non-ASCII text goes to the reference at a time
// when the kernel has no UTF-8 routine for it (or the text is hard).
const refBlock = 256

// countUTF8 counts p in a UTF-8 dialect: each pure-ASCII run goes to the
// byte kernel of the dialect's ASCII twin (which classifies ASCII exactly
// as the dialect does) in one call, the rest to the reference.
// Partial.Merge is exact at any cut, so the pieces join seamlessly.
func (k *Kernel) countUTF8(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	prefix := k.utf8.asciiPrefix
	if prefix == nil {
		prefix = asciiPrefixSWAR
	}
	block := k.utf8.block
	if blockTables(d) == nil || (d != scalar.UTF8 && (need&NeedMaxLineLength != 0 || k.utf8.utf8Only)) {
		block = nil // gnu widths (wcwidth) are the reference's
	}
	twin := d.ASCIITwin()
	acc := scalar.Partial{Dialect: d}
	for len(p) > 0 {
		if k.utf8.countASCII != nil && p[0] < 0x80 {
			if s, n := k.utf8.countASCII(p, twin, need); n > 0 {
				acc = acc.Merge(scalar.FromSummary(d, uint64(n), s))
				p = p[n:]
				continue
			}
		}
		w := min(len(p), asciiWindow)
		n := prefix(p[:w])
		if n > 0 {
			acc = acc.Merge(scalar.FromSummary(d, uint64(n), k.count(p[:n], twin, need)))
			p = p[n:]
			if n == w {
				continue
			}
		}
		// p[0] ≥ 0x80.
		ref := refBlock
		if block != nil {
			if p[0]&0xc0 != 0x80 {
				part, m := countValid(block, p, d, need)
				if m > 0 {
					acc = acc.Merge(part)
					p = p[m:]
					continue
				}
			}
			ref = 64 // the block that is not valid UTF-8
		}
		m := refEnd(p, ref)
		acc = acc.Merge(scalar.Count(p[:m], d))
		p = p[m:]
	}
	return acc
}

// refEnd returns where a reference chunk of about n bytes at the start of
// p should end: not before a continuation byte, so that whatever counts
// next starts on a char boundary (or on an invalid byte).
func refEnd(p []byte, n int) int {
	m := min(n, len(p))
	for m < len(p) && p[m]&0xc0 == 0x80 {
		m++
	}
	return m
}
