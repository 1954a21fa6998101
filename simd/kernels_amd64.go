//go:build !purego

package simd

import "github.com/klauspost/cpuid/v2"

// archKernels returns the amd64 assembly kernels, slowest first.
func archKernels() []*Kernel {
	return []*Kernel{
		{Name: "avx2", supported: hasAVX2, count: countAVX2, utf8: utf8FuncsAVX2()},
		{Name: "avx512", supported: hasAVX512, count: countAVX512, utf8: utf8FuncsAVX512BW()},
		{Name: "avx512vbmi", supported: hasAVX512VBMI, count: countAVX512VBMI, utf8: utf8FuncsAVX512()},
	}
}

// Every kernel also uses POPCNT, LZCNT and BMI1/BMI2 (ANDN, BLSI, BLSR,
// TZCNT, BZHI) on general registers.
func hasBitOps() bool {
	return cpuid.CPU.Supports(cpuid.POPCNT, cpuid.LZCNT, cpuid.BMI1, cpuid.BMI2)
}

// hasAVX512: the avx512 kernel uses AVX512F and AVX512BW only (cpuid also
// checks that the OS saves the ZMM and opmask state).
func hasAVX512() bool {
	return hasBitOps() && cpuid.CPU.Supports(cpuid.AVX512F, cpuid.AVX512BW)
}

// hasAVX512VBMI: the avx512vbmi kernel adds, on top of avx512, routines
// that need AVX512VBMI (VPERMI2B: the UTF-8 block routine) and
// AVX512VPOPCNTDQ (VPOPCNTQ: the eight-lane max line length). Instructions
// beyond AVX512BW live only in this kernel, behind this check.
func hasAVX512VBMI() bool {
	return hasAVX512() && cpuid.CPU.Supports(cpuid.AVX512VBMI, cpuid.AVX512VPOPCNTDQ)
}

func hasAVX2() bool {
	return hasBitOps() && cpuid.CPU.Supports(cpuid.AVX2)
}
