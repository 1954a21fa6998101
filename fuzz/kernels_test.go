package fuzz

import (
	"testing"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// contexts are chunks placed before and after a kernel's chunk: each ends
// or begins inside a word, a transparent run, a tab run or a multi-byte
// char, so a Partial that gets its edges wrong shows at the seam.
var contexts = []string{"", "a", " ", "\x01", "ab\t", "x\x01\x80", "\n", "\xe2\x82", "\x82\xac", "\xf0\x9f", "\u00a0", "\xfc\x84\x80"}

// FuzzKernels runs every kernel this CPU can run (simd.Available: the
// reference, SWAR and the assembly kernels, as they are added) on data in
// every dialect with every Need subset, and compares with scalar.CountAll.
// plan[0] picks the alignment of the copy counted, plan[1:3] a cut point
// (both halves counted by the kernel and merged), plan[3:5] the contexts
// around the chunk.
func FuzzKernels(f *testing.F) {
	addGolden(f)
	kernels := simd.Available()
	f.Fuzz(func(t *testing.T, data, planBytes []byte) {
		pl := plan{b: planBytes}
		align := int(pl.next() % 64)
		buf := make([]byte, align+len(data))
		p := buf[align : align+len(data) : align+len(data)]
		copy(p, data)
		cut := 0
		if len(data) > 0 {
			cut = (int(pl.next()) | int(pl.next())<<8) % (len(data) + 1)
		}
		left, right := contexts[int(pl.next())%len(contexts)], contexts[int(pl.next())%len(contexts)]

		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(data, d)
			wantInCtx := scalar.CountAll([]byte(left+string(data)+right), d)
			for _, k := range kernels {
				for _, need := range needs() {
					got := k.Count(p, d, need).Counts()
					if masked(got, need) != masked(want, need) {
						mismatch(t, "kernel count", d, k.Name, data, masked(got, need), masked(want, need), "need %04b, offset %d", need, align)
					}
				}
				guarded(data, func(where string, g []byte) {
					if got := k.Count(g, d, simd.NeedAll).Counts(); got != want {
						mismatch(t, "kernel count", d, k.Name, data, got, want, "need all, input %s", where)
					}
				})
				halves := k.Count(p[:cut], d, simd.NeedAll).Merge(k.Count(p[cut:], d, simd.NeedAll)).Counts()
				if halves != want {
					mismatch(t, "kernel halves merged", d, k.Name, data, halves, want, "cut at %d", cut)
				}
				inCtx := scalar.Count([]byte(left), d).Merge(k.Count(p, d, simd.NeedAll)).Merge(scalar.Count([]byte(right), d)).Counts()
				if inCtx != wantInCtx {
					mismatch(t, "kernel chunk between reference chunks", d, k.Name, data, inCtx, wantInCtx, "left %q, right %q", left, right)
				}
			}
		}
	})
}
