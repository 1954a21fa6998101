package simd

import (
	"encoding/binary"

	"github.com/simdwc/simdwc/scalar"
)

// asciiBlock is the granularity at which UTF-8 text is sorted into pure
// ASCII (counted by the kernel in the dialect's ASCII twin, which
// classifies ASCII identically) and the rest (counted by the reference).
// Small enough that an accent now and then costs little, large enough that
// a kernel call per block is cheap.
const asciiBlock = 256

// countUTF8 counts p in a UTF-8 dialect: runs of pure-ASCII blocks go to
// the kernel, blocks with any byte ≥ 0x80 to the reference. Partial.Merge
// is exact at any cut, so the blocks join seamlessly. (Until SIMD UTF-8
// kernels exist, text that is non-ASCII throughout runs at reference speed.)
func (k *Kernel) countUTF8(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	twin := d.ASCIITwin()
	acc := scalar.Partial{Dialect: d}
	for len(p) > 0 {
		n := 0 // length of the leading pure-ASCII blocks
		for n < len(p) && isASCII(p[n:min(n+asciiBlock, len(p))]) {
			n = min(n+asciiBlock, len(p))
		}
		if n > 0 {
			acc = acc.Merge(scalar.FromSummary(d, uint64(n), k.count(p[:n], twin, need)))
			p = p[n:]
			continue
		}
		m := min(asciiBlock, len(p))
		acc = acc.Merge(scalar.Count(p[:m], d))
		p = p[m:]
	}
	return acc
}

// isASCII reports whether every byte of p is below 0x80, eight at a time.
func isASCII(p []byte) bool {
	var or uint64
	for ; len(p) >= 8; p = p[8:] {
		or |= binary.LittleEndian.Uint64(p)
	}
	for _, b := range p {
		or |= uint64(b)
	}
	return or&0x8080808080808080 == 0
}
