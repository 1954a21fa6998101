package fuzz

import (
	"io"
	"testing"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// chunkReader returns its data in the read sizes of a split, as a pipe or
// a slow network would. An empty piece is an empty read (0, nil), which
// io.Reader allows but discourages; consumers may give up after many in a
// row (bufio after 100), so at most maxEmptyReads come in a row.
type chunkReader struct {
	pieces [][]byte
	empty  int
}

const maxEmptyReads = 16

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.pieces) > 0 {
		n := copy(p, r.pieces[0])
		r.pieces[0] = r.pieces[0][n:]
		if len(r.pieces[0]) == 0 {
			r.pieces = r.pieces[1:]
		}
		if n > 0 {
			r.empty = 0
		} else if r.empty++; r.empty > maxEmptyReads {
			continue
		}
		return n, nil
	}
	return 0, io.EOF
}

// maxPrefixChecks bounds how many writes have their running Counts
// checked (each costs a reference count of the prefix).
const maxPrefixChecks = 8

// FuzzCounter drives the public API with each kernel selected in turn:
// Count, a Counter fed in the plan's write sizes (Write and WriteString
// alternating, Counts checked between writes), Options with a
// fuzzer-chosen Need, CountReader over reads of the plan's sizes, and
// Reset.
func FuzzCounter(f *testing.F) {
	addGolden(f)
	kernels := simd.Available()
	f.Fuzz(func(t *testing.T, data, planBytes []byte) {
		prev := simd.Selected()
		defer func() {
			if err := simd.Select(prev.Name); err != nil {
				t.Fatal(err)
			}
		}()
		pieces := chunks(data, planBytes)
		pl := plan{b: planBytes}
		need := simd.Need(pl.next()) & simd.NeedAll
		for _, d := range scalar.Dialects() {
			want := scalar.CountAll(data, d)
			for _, k := range kernels {
				if err := simd.Select(k.Name); err != nil {
					t.Fatal(err)
				}
				if got := simdwc.Count(data, d); got != want {
					mismatch(t, "simdwc.Count", d, k.Name, data, got, want, "one call")
				}

				c := simdwc.NewCounter(d)
				pos := 0
				for i, piece := range pieces {
					var n int
					if i%2 == 0 {
						n, _ = c.Write(piece)
					} else {
						n, _ = c.WriteString(string(piece))
					}
					if n != len(piece) {
						t.Fatalf("Counter.Write(%d bytes) returned %d", len(piece), n)
					}
					pos += n
					if i < maxPrefixChecks && pos < len(data) {
						if got, w := c.Counts(), scalar.CountAll(data[:pos], d); got != w {
							mismatch(t, "Counter.Counts between writes", d, k.Name, data, got, w, "after the first %d bytes, %s", pos, describeSplit(planBytes, len(data)))
						}
					}
				}
				if got := c.Counts(); got != want {
					mismatch(t, "Counter", d, k.Name, data, got, want, "writes %s", describeSplit(planBytes, len(data)))
				}
				c.Reset()
				if got := c.Counts(); got != (scalar.Counts{}) {
					mismatch(t, "Counter after Reset", d, k.Name, nil, got, scalar.Counts{}, "nothing written")
				}
				c.Write(data)
				if got := c.Counts(); got != want {
					mismatch(t, "Counter after Reset", d, k.Name, data, got, want, "one write")
				}

				got, err := simdwc.CountReader(&chunkReader{pieces: chunks(data, planBytes)}, d)
				if err != nil || got != want {
					mismatch(t, "CountReader", d, k.Name, data, got, want, "reads %s, err %v", describeSplit(planBytes, len(data)), err)
				}

				o := simdwc.Options{Dialect: d, Need: need}
				wantNeed := want
				if need != 0 {
					wantNeed = masked(want, need)
				}
				if got := o.Count(data); got != wantNeed {
					mismatch(t, "Options.Count", d, k.Name, data, got, wantNeed, "need %04b", need)
				}
				got, err = o.CountReader(&chunkReader{pieces: chunks(data, planBytes)})
				if err != nil || got != wantNeed {
					mismatch(t, "Options.CountReader", d, k.Name, data, got, wantNeed, "need %04b, reads %s, err %v", need, describeSplit(planBytes, len(data)), err)
				}
			}
		}
	})
}
