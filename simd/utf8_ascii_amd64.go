//go:build !purego

package simd

// asciiPrefixAVX512 and asciiPrefixAVX2 return the index of the first byte
// ≥ 0x80 of p, or len(p) (utf8_ascii_amd64.s); asciiPrefixSWAR is their
// generic twin.
//
//go:noescape
func asciiPrefixAVX512(p []byte) int

//go:noescape
func asciiPrefixAVX2(p []byte) int
