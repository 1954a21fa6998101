package simd

import (
	"encoding/binary"
	"math/bits"
)

// asciiPrefixSWAR returns the index of the first byte ≥ 0x80 of p, or
// len(p): the generic twin of the assembly asciiPrefix routines, 32 bytes
// per step (OR-ed, so that ASCII text costs one test per step).
func asciiPrefixSWAR(p []byte) int {
	const high = 0x8080808080808080
	i := 0
	for ; i+32 <= len(p); i += 32 {
		q := p[i : i+32]
		a, b := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[8:])
		c, d := binary.LittleEndian.Uint64(q[16:]), binary.LittleEndian.Uint64(q[24:])
		if (a|b|c|d)&high != 0 {
			break
		}
	}
	for ; i+8 <= len(p); i += 8 {
		if x := binary.LittleEndian.Uint64(p[i:]) & high; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < len(p); i++ {
		if p[i] >= 0x80 {
			return i
		}
	}
	return i
}
