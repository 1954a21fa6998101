//go:build !purego

package simd

import "github.com/simdwc/simdwc/scalar"

func countAVX2(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	return countBytes(isaAVX2, p, d, need)
}

// The AVX2 routines read the whole 64-byte blocks of p and take the last
// partial one from tail, a padded copy (see tailBlock): AVX2 has no
// byte-masked loads that would keep them inside p.

// linesAVX2 returns the number of '\n' bytes in p (lines_amd64.s).
//
//go:noescape
func linesAVX2(p []byte, tail *[64]byte) uint64

// The word routines are in words_amd64.s; see wordsResult.
//
//go:noescape
func wordsASCIIAVX2(p []byte, tail *[64]byte, r *wordsResult)

//go:noescape
func wordsGNUCAVX2(p []byte, tail *[64]byte, r *wordsResult)

//go:noescape
func maxASCIIAVX2(p []byte, tail *[64]byte, r *wordsResult)

//go:noescape
func maxGNUCAVX2(p []byte, tail *[64]byte, r *wordsResult)

// The *HiAVX2 routines are the same but stop before the first 64-byte
// block (the tail included) that holds a byte >= 0x80, with r.n its index:
// they count the ASCII stretches of the UTF-8 dialects in one pass.
//
//go:noescape
func wordsASCIIHiAVX2(p []byte, tail *[64]byte, r *wordsResult)

//go:noescape
func wordsGNUCHiAVX2(p []byte, tail *[64]byte, r *wordsResult)

//go:noescape
func maxASCIIHiAVX2(p []byte, tail *[64]byte, r *wordsResult)

// countASCIIAVX2 is the avx2 kernel's utf8Funcs.countASCII; with line
// widths in gnu-c it stops at the first block that holds a byte of width
// other than 1 too (see utf8Funcs.countASCII).
func countASCIIAVX2(p []byte, d scalar.Dialect, need Need) (scalar.Summary, int) {
	if len(p) == 0 {
		return scalar.Summary{}, 0
	}
	var r wordsResult
	withMax := need&NeedMaxLineLength != 0
	switch {
	case withMax && d == scalar.GNUC:
		// maxGNUCAVX2 stops at the first block with a byte of another
		// width than 1, which every byte >= 0x80 is (not printable in
		// gnu-c): a stop that is not for one is a tab, \r, \f, \v or a
		// control, which the caller's byte kernel measures (this returns
		// 0 when p starts with such a block).
		t := tailBlock(p, ' ')
		maxGNUCAVX2(p, &t, &r)
	case withMax:
		t := tailBlock(p, ' ')
		maxASCIIHiAVX2(p, &t, &r)
	case d == scalar.GNUC:
		t := tailBlock(p, 0)
		wordsGNUCHiAVX2(p, &t, &r)
	default:
		t := tailBlock(p, ' ')
		wordsASCIIHiAVX2(p, &t, &r)
	}
	n := int(r.n)
	return summarize(p[:n], d, &r, withMax), n
}
