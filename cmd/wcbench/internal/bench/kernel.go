package bench

import (
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Kernel is what wcbench measures: a name and a way to count one chunk.
// It is a struct of a func rather than *simd.Kernel so that tests can
// hand Run a kernel that gets the counts wrong.
type Kernel struct {
	Name  string
	Count func(p []byte, d scalar.Dialect, need simd.Need) scalar.Partial
}

// SIMDKernels returns every kernel this CPU can run, slowest first, as
// simd.Available lists them.
func SIMDKernels() []Kernel {
	var ks []Kernel
	for _, k := range simd.Available() {
		ks = append(ks, Kernel{Name: k.Name, Count: k.Count})
	}
	return ks
}

// NeedSet is one selection of counts that is measured, with the wc flags
// that ask for the same counts (used for the peers).
type NeedSet struct {
	Name  string
	Flags string
	Need  simd.Need
}

// Needs are the selections measured: everything, the common `wc` (lines
// and words, which skips the char and width work), and `wc -l`, which
// should run at bytes.Count speed.
var Needs = []NeedSet{
	{Name: "all", Flags: "-lwmcL", Need: simd.NeedAll},
	{Name: "lines+words", Flags: "-lw", Need: simd.NeedLines | simd.NeedWords},
	{Name: "lines", Flags: "-l", Need: simd.NeedLines},
}

// NeedByName returns the NeedSet called name.
func NeedByName(name string) (NeedSet, bool) {
	for _, n := range Needs {
		if n.Name == name {
			return n, true
		}
	}
	return NeedSet{}, false
}

// Mask zeroes the counts outside need, whose values a kernel may leave
// unspecified; Bytes is always known.
func Mask(c scalar.Counts, need simd.Need) scalar.Counts {
	if need&simd.NeedLines == 0 {
		c.Lines = 0
	}
	if need&simd.NeedWords == 0 {
		c.Words = 0
	}
	if need&simd.NeedChars == 0 {
		c.Chars = 0
	}
	if need&simd.NeedMaxLineLength == 0 {
		c.MaxLineLength = 0
	}
	return c
}
