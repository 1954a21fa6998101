//go:build !purego

package simd

// asciiPrefixNEON returns the index of the first byte ≥ 0x80 of p, or
// len(p) (utf8_ascii_arm64.s); asciiPrefixSWAR is its generic twin.
//
//go:noescape
func asciiPrefixNEON(p []byte) int
