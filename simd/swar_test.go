package simd

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

// Both byte dialects must get the SWAR path: a dialect without a
// swarDialect silently goes to the reference, and the harness would pass.
func TestSWARHandlesByteDialects(t *testing.T) {
	for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
		require.NotNil(t, swarDialects[d], "%s", d)
	}
}

// Every pair of byte values, each in every lane next to the other: the
// four sets of each byte dialect must match its table lane by lane, so no
// lane's compare borrows from or carries into its neighbour.
func TestSWARSetsEveryLane(t *testing.T) {
	for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
		sd := swarDialects[d]
		sets := []struct {
			name string
			s    *swarSet
			in   func(u scalar.Unit) bool
		}{
			{"word", &sd.word, func(u scalar.Unit) bool { return u.Class == scalar.Word }},
			{"transparent", &sd.transparent, func(u scalar.Unit) bool { return u.Class == scalar.Transparent }},
			{"newline", &sd.newline, func(u scalar.Unit) bool { return u.Lines != 0 }},
			{"special", &sd.special, func(u scalar.Unit) bool { return u.Op != scalar.AddCols || u.Cols != 1 }},
		}
		for _, set := range sets {
			var want [256]bool
			for b := range want {
				want[b] = set.in(d.ByteUnit(byte(b)))
			}
			checkSetEveryLane(t, set.s, func(b byte) bool { return want[b] }, d.String()+" "+set.name)
		}
	}
}

func checkSetEveryLane(t *testing.T, s *swarSet, in func(b byte) bool, what string) {
	t.Helper()
	var lane [8]byte
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			for pos := 0; pos < 8; pos++ {
				for i := range lane {
					lane[i] = byte(b)
				}
				lane[pos] = byte(a)
				x := binary.LittleEndian.Uint64(lane[:])
				got := gather8(s.match(x, x|lanes80))
				for i, v := range lane {
					if (got>>i&1 != 0) != in(v) {
						t.Fatalf("%s: byte %#02x in lane %d of % x: got %v", what, v, i, lane, !in(v))
					}
				}
			}
		}
	}
}

// newSWARSet on arbitrary sets: up to two ranges or the complement of two
// fit, with the high half in or out; three ranges both ways do not.
func TestSWARNewSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for i := 0; i < 200; i++ {
		var in [256]bool
		for r := rng.IntN(3); r > 0; r-- {
			lo := rng.IntN(0x80)
			hi := lo + rng.IntN(0x80-lo+1)
			for b := lo; b < hi; b++ {
				in[b] = true
			}
		}
		high := rng.IntN(2) == 0
		for b := 0x80; b < 0x100; b++ {
			in[b] = high
		}
		if rng.IntN(2) == 0 {
			for b := range in {
				in[b] = !in[b]
			}
		}
		s, ok := newSWARSet(func(b byte) bool { return in[b] })
		require.True(t, ok, "set %v", in)
		for a := 0; a < 256; a++ {
			x := uint64(a) * lanes01
			x ^= uint64(rng.Uint32()) << 8 &^ 0xff // other lanes: anything
			require.Equal(t, in[a], gather8(s.match(x, x|lanes80))&1 != 0, "byte %#02x of set %d", a, i)
		}
		if i < 16 {
			checkSetEveryLane(t, &s, func(b byte) bool { return in[b] }, "random set")
		}
	}
	_, ok := newSWARSet(func(b byte) bool { return b == 1 || b == 3 || b == 5 })
	require.False(t, ok, "three ranges, three in the complement")
	_, ok = newSWARSet(func(b byte) bool { return b == 0x90 })
	require.False(t, ok, "high half split")
}

// Bytes at the lane-compare edges (0x7f/0x80/0xff, range bounds) next to
// separators, transparent runs and tabs, at every offset across the 8-byte
// words and the 64-byte blocks.
func TestSWARLaneEdges(t *testing.T) {
	edges := []byte{0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x21,
		0x7e, 0x7f, 0x80, 0x81, 0x89, 0x8a, 0xa0, 0xa1, 0xfe, 0xff, 'a'}
	var p []byte
	for _, a := range edges {
		for _, b := range edges {
			p = append(p, a, b, ' ', a, 'x', b, b, a)
		}
	}
	for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
		for off := 0; off < 72; off++ {
			for _, n := range []int{1, 7, 8, 9, 63, 64, 65, 200, len(p) - off} {
				q := p[off : off+n]
				want := scalar.CountAll(q, d)
				got := scalar.FromSummary(d, uint64(len(q)), countSWAR(q, d, NeedAll)).Counts()
				require.Equal(t, want, got, "%s off %d len %d: % x", d, off, n, q)
			}
		}
	}
}

// go test -run '^$' -bench SWAR ./simd/
func BenchmarkSWAR(b *testing.B) {
	text := spectest.EnglishText(rand.New(rand.NewPCG(1, 2)), 1<<20)
	kernels := []struct {
		name  string
		count func([]byte, scalar.Dialect, Need) scalar.Summary
	}{{"reference", countReference}, {"swar", countSWAR}}
	needs := []struct {
		name string
		need Need
	}{{"all", NeedAll}, {"lines+words", NeedLines | NeedWords}, {"lines", NeedLines}}
	for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
		for _, n := range needs {
			for _, k := range kernels {
				b.Run(d.String()+"/"+n.name+"/"+k.name, func(b *testing.B) {
					b.SetBytes(int64(len(text)))
					for b.Loop() {
						k.count(text, d, n.need)
					}
				})
			}
		}
	}
}
