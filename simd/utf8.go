package simd

import (
	"bytes"

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
	// apply); with line widths in gnu-c, up to the first block that holds
	// a byte of width other than 1 (tab, \r, \f, \v, a control: the
	// byte kernel measures those). nil: asciiPrefix and the byte kernel,
	// in windows.
	countASCII func(p []byte, d scalar.Dialect, need Need) (scalar.Summary, int)
	// block counts lines, words, chars and line lengths of valid UTF-8 in
	// the utf8 dialect (see countValid). nil: utf8WordsGo.
	block utf8Block
	// gnuBlock counts lines, words and chars of valid allow-listed text in
	// the gnu dialects. nil: utf8WordsGo.
	gnuBlock utf8Block
	// gnuFallback is tried where gnuBlock fails at once (nil: none): a
	// routine that takes more of the gnu dialects' text, if slower (the
	// AVX2 one, with gnuBMP, behind the AVX-512 VBMI one).
	gnuFallback utf8Block
	// gnuWidthBlock counts the gnu dialects with line widths too, for
	// allow-listed text of one- and two-column chars (gnuWidthNibbles),
	// tabs where the column is known, and no controls but '\n', '\r',
	// '\f'. nil: charsGo alone.
	gnuWidthBlock utf8Block
	// gnuBoundBlock is gnuWidthBlock measuring upper bounds of the line
	// widths (the other counts exact), faster: countGNUWidths counts
	// exactly only the stretches whose lines may be the widest. nil: none.
	gnuBoundBlock utf8Block
	// nibbleAllow: gnuBlock accepts gnuNibbles' subset of the allow-list
	// (what the tests may expect it to take); bmpAllow: and the chars
	// below U+10000 that gnuBMP admits.
	nibbleAllow, bmpAllow bool
	// widthBMP: gnuWidthBlock checks the chars gnuWidthNibbles reject
	// against gnuBMP's width bits (the AVX2 and NEON routines), else such
	// a block is hard.
	widthBMP bool
	// badFallback counts invalid UTF-8 in the utf8 dialect (a badWord
	// routine) where block does not: it takes the spans block fails on
	// (the AVX-512 VBMI kernel: the AVX2 routine). nil: none.
	badFallback utf8Block
	// badWord: block counts invalid UTF-8 too (the utf8 dialect, where
	// every byte Go's decoder rejects is a char and a word char), see
	// countAny; else it stops at the first invalid block.
	badWord bool
	// badSkip: gnuBlock counts invalid UTF-8 too (the gnu dialects,
	// where glibc skips a byte it rejects), but around a char it cannot
	// count (what the tests may expect it to take); badWidths:
	// gnuWidthBlock too; badBMP: they check the chars the nibble tables
	// reject in their invalid blocks against gnuBMP too (as in valid
	// ones), else such a block is hard.
	badSkip, badWidths, badBMP bool
	// reference: count the UTF-8 dialects with the reference alone (the
	// reference kernel, a baseline that must stay one).
	reference bool
}

// asciiWindow bounds one pure-ASCII run handed to the byte kernel: the
// run is scanned and then counted while it is still in L1, so long ASCII
// inputs are read from memory once.
const asciiWindow = 16 << 10

// hardSpan bounds what utf8WordsGo counts after the kernel's block
// routine met a block it cannot count (invalid, or a char outside the gnu
// allow-list): up to the first such char, which the reference counts
// alone, before the kernel's routines are tried again.
const hardSpan = 1 << 10

// maxHardSpan bounds the span utf8WordsGo counts after the block routine
// failed again and again (the span doubles from hardSpan each time).
const maxHardSpan = 64 << 10

// streakEnd is the run the block routine must count to end a streak of
// failures (the span starts again from hardSpan).
const streakEnd = 256

// genericRun is the least run utf8WordsGo must count (if not its whole
// span) to be tried again in a streak; else charsGo takes the streak
// (text invalid every few bytes, where utf8WordsGo makes no headway).
const genericRun = 32

// maxMisses caps countUTF8's misses (8<<maxMisses ≥ maxHardSpan).
const maxMisses = 13

// countUTF8 counts p in a UTF-8 dialect, each stretch with the fastest
// routine that counts it exactly: pure-ASCII runs with the byte kernel of
// the dialect's ASCII twin (which classifies ASCII exactly as the dialect
// does), valid text with the kernel's block routine, what that routine
// cannot count with utf8WordsGo up to the first char that is invalid (or,
// gnu, outside the allow-list), and that char with the reference.
// Partial.Merge is exact at any cut, so the pieces join seamlessly.
func (k *Kernel) countUTF8(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	if k.utf8.reference {
		return scalar.Count(p, d)
	}
	if d != scalar.UTF8 && need&NeedMaxLineLength != 0 && k.utf8.gnuBoundBlock != nil && len(p) >= boundMin {
		return k.countGNUWidths(p, d, need)
	}
	return k.countUTF8On(p, d, need, false)
}

// countUTF8On is countUTF8 without countGNUWidths; bound: measuring gnu
// widths, with gnuBoundBlock (upper bounds of the line widths where it
// counts, exact ones elsewhere).
func (k *Kernel) countUTF8On(p []byte, d scalar.Dialect, need Need, bound bool) scalar.Partial {
	prefix := k.utf8.asciiPrefix
	if prefix == nil {
		prefix = asciiPrefixSWAR
	}
	block, generic := k.utf8.block, utf8Block(utf8WordsGo)
	var fallback utf8Block
	if d != scalar.UTF8 {
		block, fallback = k.utf8.gnuBlock, k.utf8.gnuFallback
	}
	widths := d != scalar.UTF8 && need&NeedMaxLineLength != 0
	if blockTables(d) == nil {
		block, generic, fallback = nil, nil, nil
	} else if widths { // gnu widths (wcwidth): charsGo for the rest
		block, generic, fallback = k.utf8.gnuWidthBlock, nil, nil
		if bound {
			block = k.utf8.gnuBoundBlock
		}
	}
	bound = bound && widths
	// anyStart: the block routine counts invalid bytes too (Go's decoder):
	// it takes every stretch that is not ASCII, from any byte on.
	anyStart := d == scalar.UTF8 && k.utf8.badWord && block != nil
	// badBlock: a routine that counts invalid UTF-8, for what block fails
	// on in the utf8 dialect.
	var badBlock utf8Block
	if d == scalar.UTF8 && !anyStart && block != nil {
		badBlock = k.utf8.badFallback
	}
	if block == nil && blockTables(d) != nil && !widths {
		block, generic = generic, nil
	}
	twin := d.ASCIITwin()
	acc := scalar.Partial{Dialect: d}
	whole := len(p) // (charsGo: only the first byte of p may finish a char begun before it)
	span := hardSpan
	wspan := asciiWindow // what charsGo counts at a time
	cut := false         // charsGo stops after the first line end
	genericTakes := true // utf8WordsGo got on last time (genericRun)
	misses := 0          // times in a row both routines counted nothing
	// The one-pass ASCII counter pays where the byte kernel would count
	// words or widths; for lines and chars alone the scan and the lines
	// routine (both far faster than a words routine) win: avx2, english
	// 4 MiB, utf8 -lm 26.4 -> 31.9 GB/s, -m 25.9 -> 33.2 (best of 5).
	countASCII := k.utf8.countASCII
	if need&(NeedWords|NeedMaxLineLength) == 0 {
		countASCII = nil
	}
	for len(p) > 0 {
		if countASCII != nil && p[0] < 0x80 {
			if s, n := countASCII(p, twin, need); n > 0 {
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
		if anyStart {
			m := 0
			var part scalar.Partial
			if len(p) == whole && p[0]&0xc0 == 0x80 {
				// Continuation bytes that may finish a char begun
				// before p: the reference's Partial keeps them for the
				// merge.
				m = refEnd(p, 1)
				part = scalar.Count(p[:m], d)
			} else {
				part, m = countAny(block, p, need)
			}
			if m > 0 {
				acc = acc.Merge(part)
				p = p[m:]
				continue
			}
		} else if p[0]&0xc0 != 0x80 && block != nil {
			// The column is known after a line end: the gnu width routine
			// can then follow tab stops from the start.
			startCol := int64(-1)
			if widths && acc.Sum.Reset {
				startCol = int64(acc.Sum.Tail.Apply(0))
			}
			part, m := countValidAt(block, p, d, need, startCol, bound)
			if m == 0 && fallback != nil {
				part, m = countValid(fallback, p, d, need)
			}
			if m >= streakEnd {
				span, genericTakes = hardSpan, true
			}
			if m == 0 && badBlock != nil {
				// Invalid UTF-8 (utf8 dialect): the routine that counts it
				// takes a span, longer each time in a row.
				part, m = countAny(badBlock, p[:min(len(p), span)], need)
				span = min(2*span, maxHardSpan)
			}
			if m == 0 {
				// Text the block routine keeps failing on (invalid bytes
				// or chars it cannot count every few blocks) goes to the
				// slower routines in longer and longer spans: utf8WordsGo,
				// then charsGo (below) for what that cannot count (and
				// in the streak for all of it, once utf8WordsGo stopped
				// within genericRun: it would stop again and again). On
				// the first failure charsGo (widths) takes the block
				// the routine could not measure where the column is
				// known, else the span up to the first line end.
				wspan, cut = span, span == hardSpan && widths
				if cut && startCol >= 0 {
					wspan = 64
				}
				if generic != nil && (span == hardSpan || genericTakes) {
					// (In a streak where utf8WordsGo stopped short,
					// charsGo, which takes every char alike.)
					w := min(len(p), span)
					part, m = countValid(generic, p[:w], d, need)
					if m > 0 {
						genericTakes = m == w || m >= genericRun
					} else {
						// charsGo: past the char utf8WordsGo cannot
						// count, and back to utf8WordsGo; twice as far
						// each time in a row that neither routine
						// counted anything after it (C3 C3 C3 … would
						// else cost three routines every 8 bytes).
						wspan = min(8<<misses, maxHardSpan)
						misses = min(misses+1, maxMisses)
					}
				}
				span = min(2*span, maxHardSpan)
			}
			if m > 0 {
				acc = acc.Merge(part)
				p = p[m:]
				misses = 0
				continue
			}
		}
		if blockTables(d) != nil {
			// charsGo counts every char, valid or not (in the gnu
			// dialects from the glibc table whole), widths or not.
			w := min(len(p), wspan)
			if cut {
				// Up to the first line end, after which the block routine
				// knows the column (tab stops) again.
				if k := bytes.IndexByte(p[:w], '\n'); k >= 0 {
					w = k + 1
				}
			}
			s, m := charsGo(p[:w], d, need&NeedMaxLineLength != 0, len(p) == whole)
			wspan, cut = asciiWindow, false
			if m > 0 {
				acc = acc.Merge(scalar.Partial{Dialect: d, Bytes: uint64(m), Sum: s})
				p = p[m:]
				continue
			}
		}
		// A char (or invalid byte) no routine but the reference counts;
		// without any routine (a dialect without tables), a stretch.
		n = 1
		if block == nil && !widths {
			n = refBlock
		}
		m := refEnd(p, n)
		acc = acc.Merge(scalar.Count(p[:m], d))
		p = p[m:]
	}
	return acc
}

// refBlock is how much non-ASCII text goes to the reference at a time
// when no routine counts the dialect.
const refBlock = 256

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
