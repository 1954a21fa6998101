// Package simd holds simdwc's fast counting kernels and picks the best one
// this CPU can run. Every kernel computes exactly what package scalar
// defines, in the byte dialects (ascii, gnu-c) and the UTF-8 ones (utf8.go:
// ASCII runs through the byte routines, valid text through a block routine,
// invalid chars, and gnu line widths, through the reference).
package simd

import (
	"fmt"
	"os"
	"strings"

	"github.com/simdwc/simdwc/scalar"
)

// Need says which counts a caller wants. Bytes are always known; a kernel
// may skip the work for counts not asked for (their values are then
// unspecified), which is what makes lines-only as fast as bytes.Count.
type Need uint8

const (
	NeedLines Need = 1 << iota
	NeedWords
	NeedChars
	NeedMaxLineLength

	NeedAll = NeedLines | NeedWords | NeedChars | NeedMaxLineLength
)

// Keep returns c with the counts outside n zeroed (Bytes always stays):
// what a kernel guarantees for need n.
func (n Need) Keep(c scalar.Counts) scalar.Counts {
	r := scalar.Counts{Bytes: c.Bytes}
	if n&NeedLines != 0 {
		r.Lines = c.Lines
	}
	if n&NeedWords != 0 {
		r.Words = c.Words
	}
	if n&NeedChars != 0 {
		r.Chars = c.Chars
	}
	if n&NeedMaxLineLength != 0 {
		r.MaxLineLength = c.MaxLineLength
	}
	return r
}

// Kernel is one way of counting a chunk in a byte dialect.
type Kernel struct {
	// Name is what SIMDWC_KERNEL and Select accept.
	Name string
	// supported reports whether this CPU can run it; asked once, at init.
	supported func() bool
	// count returns the Summary of p in byte dialect d (scalar.ASCII or
	// scalar.GNUC); fields for counts outside need may hold anything.
	// It must not read outside p.
	count func(p []byte, d scalar.Dialect, need Need) scalar.Summary
	// utf8 holds the kernel's routines for the UTF-8 dialects (utf8.go);
	// the zero value takes the generic ones.
	utf8 utf8Funcs
}

// Count returns the Partial of chunk p in dialect d counted by k. In the
// UTF-8 dialects only pure-ASCII stretches reach the kernel (see utf8.go).
func (k *Kernel) Count(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	if need == 0 {
		need = NeedAll
	}
	if d.Decoder() != scalar.DecodeBytes {
		if need == NeedLines {
			// Lines are the '\n' bytes in every dialect, and 0x0A is never
			// inside a multi-byte char: no decoding needed.
			return scalar.FromSummary(d, uint64(len(p)), k.count(p, d.ASCIITwin(), need))
		}
		return k.countUTF8(p, d, need)
	}
	return scalar.FromSummary(d, uint64(len(p)), k.count(p, d, need))
}

// table lists every kernel, slowest first; archKernels adds this
// architecture's rows. The last supported one is the default.
var table = append([]*Kernel{
	{Name: "reference", supported: always, count: countReference, utf8: utf8Funcs{reference: true}},
	{Name: "swar", supported: always, count: countSWAR, utf8: utf8Funcs{gnuWidthBlock: utf8WidthsGo}},
}, archKernels()...)

func always() bool { return true }

func countReference(p []byte, d scalar.Dialect, _ Need) scalar.Summary {
	return scalar.Count(p, d).Sum
}

var (
	available []*Kernel // supported kernels, table order
	selected  *Kernel
)

func init() {
	for _, k := range table {
		if k.supported() {
			available = append(available, k)
		}
	}
	selected = available[len(available)-1]
	if name := os.Getenv("SIMDWC_KERNEL"); name != "" {
		if err := Select(name); err != nil {
			// An explicit request we cannot honour must not silently
			// measure or test another kernel.
			fmt.Fprintf(os.Stderr, "simdwc: SIMDWC_KERNEL: %v\n", err)
			os.Exit(2)
		}
	}
}

// Available returns the kernels this CPU can run, slowest first; the last
// is the one chosen by default.
func Available() []*Kernel { return append([]*Kernel(nil), available...) }

// Names returns the names of every kernel this build knows, runnable here
// or not.
func Names() []string {
	var names []string
	for _, k := range table {
		names = append(names, k.Name)
	}
	return names
}

// Lookup returns the kernel called name, or an error when this build has
// no such kernel or this CPU cannot run it.
func Lookup(name string) (*Kernel, error) {
	for _, k := range table {
		if k.Name != name {
			continue
		}
		if !k.supported() {
			return nil, fmt.Errorf("kernel %q is not supported by this CPU (available: %s)", name, availableNames())
		}
		return k, nil
	}
	return nil, fmt.Errorf("unknown kernel %q (this build has: %s; this CPU runs: %s)", name, strings.Join(Names(), ", "), availableNames())
}

func availableNames() string {
	var names []string
	for _, k := range available {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// Select makes the kernel called name the one Count uses. It is meant for
// tests and benchmarks; it is not safe to call while other goroutines
// count.
func Select(name string) error {
	k, err := Lookup(name)
	if err != nil {
		return err
	}
	selected = k
	return nil
}

// Selected returns the kernel Count uses.
func Selected() *Kernel { return selected }

// Count returns the Partial of chunk p in dialect d, counted by the
// selected kernel.
func Count(p []byte, d scalar.Dialect, need Need) scalar.Partial {
	return selected.Count(p, d, need)
}
