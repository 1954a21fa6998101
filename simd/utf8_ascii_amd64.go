//go:build !purego

package simd

// utf8FuncsAVX512 are the avx512vbmi kernel's UTF-8 routines: the block
// routine needs AVX512VBMI (VPERMI2B), which the kernel's row checks.
func utf8FuncsAVX512() utf8Funcs {
	f := utf8Funcs{asciiPrefix: asciiPrefixAVX512, countASCII: countASCIIAVX512VBMI, block: utf8WordsAVX512, gnuBlock: utf8WordsAVX512}
	if hasAVX2() {
		// gnu line widths: the AVX2 routine's measure (and bounds); the gnu text the
		// VBMI routine cannot take (outside gnuAllow) but the AVX2 one
		// can (gnuBMP);
		f.gnuWidthBlock, f.gnuBoundBlock, f.gnuFallback, f.widthBMP = utf8WordsAVX2, utf8BoundsAVX2, utf8WordsAVX2, true
		// and invalid UTF-8 in the utf8 dialect, which the VBMI routine
		// stops at and the AVX2 one counts.
		f.badFallback = utf8WordsAVX2
	}
	return f
}

// utf8FuncsAVX512BW are the avx512 kernel's (no VBMI for the 64-entry
// lookups): the AVX2 block routine where the CPU reports AVX2, as every
// AVX-512 CPU does.
func utf8FuncsAVX512BW() utf8Funcs {
	f := utf8Funcs{asciiPrefix: asciiPrefixAVX512, countASCII: countASCIIAVX512}
	if hasAVX2() {
		f.block, f.gnuBlock, f.gnuWidthBlock, f.gnuBoundBlock, f.nibbleAllow, f.bmpAllow, f.widthBMP, f.badWord, f.badSkip, f.badWidths, f.badBMP = utf8WordsAVX2, utf8WordsAVX2, utf8WordsAVX2, utf8BoundsAVX2, true, true, true, true, true, true, true
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
