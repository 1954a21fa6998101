//go:build !purego

package simd

import "github.com/klauspost/cpuid/v2"

// archKernels returns the arm64 assembly kernels, slowest first.
func archKernels() []*Kernel {
	return []*Kernel{
		{Name: "neon", supported: hasASIMD, count: countNEON, utf8: utf8Funcs{asciiPrefix: asciiPrefixNEON, block: utf8WordsNEON, gnuBlock: utf8WordsNEON, gnuWidthBlock: utf8WordsNEON, gnuBoundBlock: utf8BoundsNEON, nibbleAllow: true, bmpAllow: true, widthBMP: true, badWord: true, badSkip: true, badWidths: true, badBMP: true}},
	}
}

func hasASIMD() bool { return cpuid.CPU.Supports(cpuid.ASIMD) }
