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
