//go:build !purego

package simd

import (
	"bytes"

	"github.com/klauspost/cpuid/v2"

	"github.com/simdwc/simdwc/scalar"
)

func countAVX512(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	return countBytes(isaAVX512, p, d, need)
}

// countAVX512VBMI is the avx512vbmi kernel's count: the avx512 routines
// plus the AVX512VPOPCNTDQ eight-lane ones for max line length.
func countAVX512VBMI(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	return countBytes(isaAVX512X, p, d, need)
}

// linesAVX512 returns the number of '\n' bytes in p (lines_amd64.s).
//
//go:noescape
func linesAVX512(p []byte) uint64

// The word routines are in words_amd64.s; see wordsResult.
//
//go:noescape
func wordsASCIIAVX512(p []byte, r *wordsResult)

//go:noescape
func wordsGNUCAVX512(p []byte, r *wordsResult)

//go:noescape
func maxASCIIAVX512(p []byte, r *wordsResult)

//go:noescape
func maxGNUCAVX512(p []byte, r *wordsResult)

// The *HiAVX512 routines are the same but stop before the first 64-byte
// block (the tail included) that holds a byte >= 0x80, with r.n its index:
// they count the ASCII stretches of the UTF-8 dialects in one pass.
//
//go:noescape
func wordsASCIIHiAVX512(p []byte, r *wordsResult)

//go:noescape
func wordsGNUCHiAVX512(p []byte, r *wordsResult)

//go:noescape
func maxASCIIHiAVX512(p []byte, r *wordsResult)

// countASCIIAVX512 and countASCIIAVX512VBMI are the avx512 and avx512vbmi
// kernels' utf8Funcs.countASCII (see countASCIIAVX2): with line widths in
// gnu-c, the byte kernel's own routine, which stops at the first block
// that holds a byte of width other than 1 (every byte >= 0x80 is one).
func countASCIIAVX512(p []byte, d scalar.Dialect, need Need) (scalar.Summary, int) {
	return countASCII512(isaAVX512, p, d, need)
}

func countASCIIAVX512VBMI(p []byte, d scalar.Dialect, need Need) (scalar.Summary, int) {
	return countASCII512(isaAVX512X, p, d, need)
}

func countASCII512(isa int, p []byte, d scalar.Dialect, need Need) (scalar.Summary, int) {
	if len(p) == 0 {
		return scalar.Summary{}, 0
	}
	var r wordsResult
	withMax := need&NeedMaxLineLength != 0
	switch {
	case withMax && d == scalar.GNUC:
		if isa == isaAVX512X && avx512Lanes && len(p) >= lanesMin {
			maxGNUCLanes(p, &r)
		} else {
			maxGNUCAVX512(p, &r)
		}
	case withMax:
		maxASCIIHiAVX512(p, &r)
	case d == scalar.GNUC:
		wordsGNUCHiAVX512(p, &r)
	default:
		wordsASCIIHiAVX512(p, &r)
	}
	n := int(r.n)
	return summarize(p[:n], d, &r, withMax), n
}

// avx512Lanes: the CPU runs maxASCIIAVX512Lanes (and the avx512vbmi
// kernel uses it for max line length). Tests turn it off to cover the
// general-register routine.
var avx512Lanes = cpuid.CPU.Supports(cpuid.AVX512F, cpuid.AVX512BW, cpuid.AVX512VPOPCNTDQ)

// lanesMin: below it the lanes routine's fixed cost (three groups of words
// counted after the loop) outweighs what it saves per block.
const lanesMin = 1024

// maxASCIIAVX512Lanes is maxASCIIAVX512 with the words counted on eight
// qword lanes (maxlanes_amd64.s), for a p that ends with '\n'. It sets
// r.lines, r.words, r.max.
//
//go:noescape
func maxASCIIAVX512Lanes(p []byte, r *wordsResult)

// maxGNUCAVX512Lanes is maxGNUCAVX512 with the words counted on eight qword
// lanes (maxlanes_amd64.s). It sets r.lines, r.words, r.max and r.n.
//
//go:noescape
func maxGNUCAVX512Lanes(p []byte, r *wordsResult)

// maxGNUCLanes is maxGNUCAVX512Lanes with r.lastNL too, which the routine
// does not set.
func maxGNUCLanes(p []byte, r *wordsResult) {
	maxGNUCAVX512Lanes(p, r)
	if r.lines > 0 {
		r.lastNL = uint64(bytes.LastIndexByte(p[:r.n], '\n'))
	}
}
