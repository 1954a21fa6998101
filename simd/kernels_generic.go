//go:build purego || !(amd64 || arm64)

package simd

// archKernels: no assembly kernels on this architecture or under purego.
func archKernels() []*Kernel { return nil }
