//go:build !purego

package simd

// archKernels returns the amd64 assembly kernels, slowest first.
func archKernels() []*Kernel { return nil }
