//go:build !purego

package simd

import "github.com/klauspost/cpuid/v2"

// utf8FuncsAVX512 are the avx512 kernel's UTF-8 routines; the block
// routine also needs AVX512VBMI (VPERMI2B).
func utf8FuncsAVX512() utf8Funcs {
	f := utf8Funcs{asciiPrefix: asciiPrefixAVX512}
	if cpuid.CPU.Supports(cpuid.AVX512VBMI) {
		f.block = utf8WordsAVX512
	}
	return f
}

// asciiPrefixAVX512 and asciiPrefixAVX2 return the index of the first byte
// ≥ 0x80 of p, or len(p) (utf8_ascii_amd64.s); asciiPrefixSWAR is their
// generic twin.
//
//go:noescape
func asciiPrefixAVX512(p []byte) int

//go:noescape
func asciiPrefixAVX2(p []byte) int
