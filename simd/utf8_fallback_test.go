package simd

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

// A kernel whose gnu block routine fails (here: takes nothing) hands the
// text to its gnuFallback before the Go routines, and counts exactly.
func TestUTF8GNUFallback(t *testing.T) {
	var fb utf8Block
	for _, k := range blockRoutines() {
		if k.bmp {
			fb = k.block
		}
	}
	if fb == nil {
		t.Skip("no bmp block routine on this CPU")
	}
	calls, took := 0, 0
	k := Kernel{Name: "fallback", count: countSWAR, utf8: utf8Funcs{
		block:    utf8WordsGo,
		gnuBlock: func([]byte, *utf8Tables, uint64) utf8Result { return utf8Result{} },
		gnuFallback: func(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
			r := fb(p, t, lineMask)
			calls, took = calls+1, took+int(r.n)
			return r
		},
	}}
	rng := rand.New(rand.NewPCG(55, 56))
	for i := 0; i < 100; i++ {
		p := worldText(rng, rng.IntN(3000))
		for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix, scalar.UTF8} {
			for _, need := range []Need{NeedAll, NeedWords, NeedLines | NeedWords | NeedChars} {
				got, want := k.Count(p, d, need).Counts(), scalar.CountAll(p, d)
				if need&NeedMaxLineLength == 0 {
					got.MaxLineLength, want.MaxLineLength = 0, 0
				}
				require.Equal(t, want, got, "%s %v %q", d, need, p)
			}
		}
	}
	require.Positive(t, calls)
	// Valid text of those scripts: the fallback takes it all.
	took = 0
	p := []byte(strings.Repeat("हिन्दी ภาษาไทย שָׁלוֹם ქართული a\u0301 ", 100))
	for _, d := range []scalar.Dialect{scalar.GNUUTF8, scalar.GNUUTF8Posix} {
		require.Equal(t, scalar.CountAll(p, d).Words, k.Count(p, d, NeedWords).Counts().Words)
	}
	require.Equal(t, 2*len(p), took, "the fallback must count all of it")
}

// Text that no routine but charsGo counts (every byte an open sequence
// or invalid) goes to charsGo in growing spans: the block routines are
// tried a few times per span, not every few bytes (C3 C3 C3 … cost three
// routines every 8 bytes, and the trim of each run's end made it
// quadratic besides).
func TestUTF8InvalidRunCalls(t *testing.T) {
	calls := 0
	counted := func(p []byte, tab *utf8Tables, lineMask uint64) utf8Result {
		calls++
		return utf8WordsGo(p, tab, lineMask)
	}
	k := Kernel{Name: "counted", count: countSWAR, utf8: utf8Funcs{block: counted, gnuBlock: counted}}
	for _, unit := range []string{"\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xff", "\xed\xa0\x80", "\xc0\xaf"} {
		p := []byte(strings.Repeat(unit, (1<<20)/len(unit)))
		for _, d := range []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix} {
			for _, need := range []Need{NeedWords | NeedChars, NeedAll} {
				calls = 0
				got := k.Count(p, d, need).Counts()
				want := scalar.CountAll(p, d)
				if need&NeedMaxLineLength == 0 {
					got.MaxLineLength, want.MaxLineLength = 0, 0
				}
				require.Equal(t, want, got, "%s %v % x", d, need, unit)
				require.Less(t, calls, 200, "%s %v: block routine calls on 1 MiB of % x", d, need, unit)
				t.Logf("%s %v % x: %d calls", d, need, unit, calls)
			}
		}
	}
}
