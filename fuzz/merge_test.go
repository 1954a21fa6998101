package fuzz

import (
	"testing"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// maxEveryCut is the longest input whose every single cut is checked.
const maxEveryCut = 256

// FuzzMerge checks that Merge is exact and associative: data cut into the
// plan's pieces, each counted by scalar.Count, merged from the left, from
// the right, as a balanced tree and as a tree the plan shapes must give
// scalar.CountAll of the whole; so must the pieces counted by the kernels
// in turn, and (for short inputs) every single cut.
func FuzzMerge(f *testing.F) {
	addGolden(f)
	kernels := simd.Available()
	f.Fuzz(func(t *testing.T, data, planBytes []byte) {
		pieces := chunks(data, planBytes)
		cuts := describeSplit(planBytes, len(data))
		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(data, d)
			if got := scalar.Count(data, d).Counts(); got != want {
				mismatch(t, "scalar.Count(...).Counts", d, "reference", data, got, want, "one chunk")
			}
			ps := make([]scalar.Partial, len(pieces))
			for i, piece := range pieces {
				ps[i] = scalar.Count(piece, d)
			}
			pl := plan{b: planBytes}
			for _, m := range []struct {
				name  string
				merge func([]scalar.Partial) scalar.Partial
			}{
				{"merged in order from the left", mergeLeft},
				{"merged in order from the right", mergeRight},
				{"merged as a balanced tree", mergeTree},
				{"merged as a fuzzer-shaped tree", func(ps []scalar.Partial) scalar.Partial { return mergeShaped(ps, &pl) }},
			} {
				if got := m.merge(ps).Counts(); got != want {
					mismatch(t, "scalar pieces "+m.name, d, "reference", data, got, want, "pieces %s", cuts)
				}
			}

			// Kernel Partials: every piece, or every other piece, by a
			// kernel; the rest by the reference.
			for _, k := range kernels {
				for _, by := range []struct {
					name string
					mine func(i int) bool
				}{
					{"all pieces", func(int) bool { return true }},
					{"even pieces", func(i int) bool { return i%2 == 0 }},
					{"odd pieces", func(i int) bool { return i%2 == 1 }},
				} {
					kps := make([]scalar.Partial, len(pieces))
					for i, piece := range pieces {
						kps[i] = ps[i]
						if by.mine(i) {
							kps[i] = k.Count(piece, d, simd.NeedAll)
						}
					}
					if got := mergeLeft(kps).Counts(); got != want {
						mismatch(t, "kernel pieces merged from the left", d, k.Name+" ("+by.name+")", data, got, want, "pieces %s", cuts)
					}
					if got := mergeTree(kps).Counts(); got != want {
						mismatch(t, "kernel pieces merged as a balanced tree", d, k.Name+" ("+by.name+")", data, got, want, "pieces %s", cuts)
					}
				}
			}

			if len(data) <= maxEveryCut {
				for k := 0; k <= len(data); k++ {
					a, b := scalar.Count(data[:k], d), scalar.Count(data[k:], d)
					if got := a.Merge(b).Counts(); got != want {
						mismatch(t, "two scalar pieces merged", d, "reference", data, got, want, "cut at %d", k)
					}
				}
			}
		}
	})
}
