package fuzz

import (
	"fmt"
	"testing"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Every target takes (data, plan): data is the text counted, plan the
// fuzzer's choices of how (write sizes, cut points, alignment, worker
// counts). Both are mutated; an empty plan means "all at once".

// goldenInputs returns every distinct input of the golden vectors.
func goldenInputs(f *testing.F) [][]byte {
	f.Helper()
	in, err := spectest.Inputs()
	if err != nil {
		f.Fatalf("golden vectors: %v", err)
	}
	return in
}

// addGolden seeds a (data, plan) target with the golden inputs, each
// with one of a few plans.
func addGolden(f *testing.F) {
	plans := [][]byte{nil, {1}, {7, 0, 3}, {32}, {200, 64}}
	for i, in := range goldenInputs(f) {
		f.Add(in, plans[i%len(plans)])
	}
}

// maxHex is the longest input a failure prints whole; longer ones print
// both ends (the whole input is in the file the fuzzer writes).
const maxHex = 1024

// mismatch fails with everything needed to reproduce a difference.
func mismatch(t *testing.T, path string, d scalar.Dialect, kernel string, data []byte, got, want scalar.Counts, how string, args ...any) {
	t.Helper()
	in := fmt.Sprintf("%x", data)
	if len(data) > maxHex {
		in = fmt.Sprintf("%x … %x (the middle left out; the whole input is the fuzzer's testdata file)", data[:maxHex/2], data[len(data)-maxHex/2:])
	}
	t.Fatalf("%s differs from the reference\n dialect: %s\n  kernel: %s\n     how: %s\n   input: %d bytes, hex %s\n     got: %+v\n    want: %+v",
		path, d, kernel, fmt.Sprintf(how, args...), len(data), in, got, want)
}

// describeSplit says how a plan cuts n bytes, briefly.
func describeSplit(planBytes []byte, n int) string {
	s := split(n, planBytes)
	if len(s) <= 64 {
		return fmt.Sprintf("%d pieces %v", len(s), s)
	}
	return fmt.Sprintf("%d pieces, sizes from plan %x (%v …)", len(s), planBytes, s[:32])
}

// needs are every subset of the four optional counts, 0 included.
func needs() []simd.Need {
	out := make([]simd.Need, 0, simd.NeedAll+1)
	for n := simd.Need(0); n <= simd.NeedAll; n++ {
		out = append(out, n)
	}
	return out
}

// masked keeps the counts need asks for (and bytes).
func masked(c scalar.Counts, need simd.Need) scalar.Counts { return need.Keep(c) }

// plan hands out the fuzzer's choices one byte at a time, cycling; an
// empty plan gives zeros.
type plan struct {
	b []byte
	i int
}

func (p *plan) next() byte {
	if len(p.b) == 0 {
		return 0
	}
	v := p.b[p.i%len(p.b)]
	p.i++
	return v
}

// size maps a plan byte to a piece length: 0–191 as is (0 is an empty
// piece), 192–255 to 64…4096 in steps of 64, so that pieces can be as
// small as a byte or span many SIMD blocks.
func size(v byte) int {
	if v < 0xC0 {
		return int(v)
	}
	return (int(v) - 0xBF) * 64
}

// maxPieces bounds the pieces of one split, so a plan of 1s over a long
// input stays fast.
const maxPieces = 4096

// split cuts n bytes into pieces whose lengths come from plan bytes in
// turn. An empty plan is one piece; empty pieces are kept (an empty
// write is a case too), but a plan of only zeros cannot loop: once a whole
// cycle of the plan has made no progress the rest is one piece.
func split(n int, planBytes []byte) []int {
	if len(planBytes) == 0 || n == 0 {
		return []int{n}
	}
	var out []int
	p := plan{b: planBytes}
	idle := 0
	for pos := 0; pos < n; {
		s := min(size(p.next()), n-pos)
		if s == 0 {
			idle++
		} else {
			idle = 0
		}
		if idle > len(planBytes) || len(out) == maxPieces-1 {
			s = n - pos
		}
		out = append(out, s)
		pos += s
	}
	return out
}

// chunks returns data cut as split says.
func chunks(data []byte, planBytes []byte) [][]byte {
	var out [][]byte
	pos := 0
	for _, n := range split(len(data), planBytes) {
		out = append(out, data[pos:pos+n:pos+n])
		pos += n
	}
	return out
}

func kernelNames() []string {
	var names []string
	for _, k := range simd.Available() {
		names = append(names, k.Name)
	}
	return names
}

// mergeLeft merges ps in order from the left, starting at the zero Partial.
func mergeLeft(ps []scalar.Partial) scalar.Partial {
	acc := scalar.Partial{}
	for _, p := range ps {
		acc = acc.Merge(p)
	}
	return acc
}

// mergeRight merges ps in order from the right: p1·(p2·(…·pn)).
func mergeRight(ps []scalar.Partial) scalar.Partial {
	acc := scalar.Partial{}
	for i := len(ps) - 1; i >= 0; i-- {
		acc = ps[i].Merge(acc)
	}
	return acc
}

// mergeTree merges ps as a balanced tree.
func mergeTree(ps []scalar.Partial) scalar.Partial {
	switch len(ps) {
	case 0:
		return scalar.Partial{}
	case 1:
		return ps[0]
	}
	return mergeTree(ps[:len(ps)/2]).Merge(mergeTree(ps[len(ps)/2:]))
}

// mergeShaped merges ps as a tree whose split points the plan picks.
func mergeShaped(ps []scalar.Partial, p *plan) scalar.Partial {
	switch len(ps) {
	case 0:
		return scalar.Partial{}
	case 1:
		return ps[0]
	}
	k := 1 + int(p.next())%(len(ps)-1)
	return mergeShaped(ps[:k], p).Merge(mergeShaped(ps[k:], p))
}
