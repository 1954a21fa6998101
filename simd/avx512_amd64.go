//go:build !purego

package simd

import "github.com/simdwc/simdwc/scalar"

func countAVX512(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	return countBytes(isaAVX512, p, d, need)
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
