//go:build !purego

package simd

// utf8FuncsAVX512 are the avx512vbmi kernel's UTF-8 routines: the block
// routine needs AVX512VBMI (VPERMI2B), which the kernel's row checks.
func utf8FuncsAVX512() utf8Funcs {
	return utf8Funcs{asciiPrefix: asciiPrefixAVX512, block: utf8WordsAVX512, gnuBlock: utf8WordsAVX512}
}

// asciiPrefixAVX512 and asciiPrefixAVX2 return the index of the first byte
// ≥ 0x80 of p, or len(p) (utf8_ascii_amd64.s); asciiPrefixSWAR is their
// generic twin.
//
//go:noescape
func asciiPrefixAVX512(p []byte) int

//go:noescape
func asciiPrefixAVX2(p []byte) int
