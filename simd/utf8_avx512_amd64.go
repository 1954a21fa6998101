//go:build !purego

package simd

// utf8WordsAVX512 is the AVX-512 UTF-8 block routine (utf8_avx512_amd64.s).
//
//go:noescape
func utf8WordsAVX512(p []byte, t *utf8Tables, lineMask uint64) utf8Result
