package simd_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

var byteDialects = []scalar.Dialect{scalar.ASCII, scalar.GNUC}

// needs are the count subsets kernels may take shortcuts for.
var needs = []simd.Need{
	simd.NeedAll,
	simd.NeedLines,
	simd.NeedLines | simd.NeedWords,
	simd.NeedWords,
	simd.NeedMaxLineLength,
	simd.NeedLines | simd.NeedWords | simd.NeedChars,
}

// masked keeps the counts need asks for (and bytes).
func masked(c scalar.Counts, need simd.Need) scalar.Counts { return need.Keep(c) }

// corpora are the texts every kernel is run on: random, and the
// adversarial shapes that stress the word carry and the tab columns.
func corpora(n int) map[string][]byte {
	rng := rand.New(rand.NewPCG(11, 12))
	rep := func(s string) []byte { return bytes.Repeat([]byte(s), n/len(s)+1)[:n] }
	allBytes := make([]byte, n)
	for i := range allBytes {
		allBytes[i] = byte(i * 7)
	}
	return map[string][]byte{
		"random":      spectest.RandomText(rng, n)[:n],
		"english":     spectest.EnglishText(rng, n),
		"spaces":      rep(" "),
		"word":        rep("x"),
		"alternating": rep("a "),
		"transparent": rep("\x01"),
		"transp-word": rep("a\x01\x80"),
		"newlines":    rep("\n"),
		"tabs":        rep("ab\tc\t\t"),
		"cr-ff-vt":    rep("ab\rcd\fe\vf g\n"),
		"allbytes":    allBytes,
		"randbytes":   randomBytes(rng, n),
	}
}

func randomBytes(rng *rand.Rand, n int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(rng.IntN(256))
	}
	return p
}

func eachKernel(t *testing.T, f func(t *testing.T, k *simd.Kernel)) {
	ks := simd.Available()
	require.NotEmpty(t, ks)
	for _, k := range ks {
		t.Run(k.Name, func(t *testing.T) { f(t, k) })
	}
}

func TestKernelsGoldenVectors(t *testing.T) {
	vs, err := spectest.Vectors()
	require.NoError(t, err)
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, v := range vs {
			require.Equal(t, v.Want, k.Count(v.Input, v.Dialect, simd.NeedAll).Counts(), "%s %s %x", v.Name, v.Dialect, v.Input)
		}
	})
}

// Every length 0..300 at every start alignment 0..63, every need.
func TestKernelsLengthsAndAlignments(t *testing.T) {
	const maxLen, maxAlign = 300, 64
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for name, text := range corpora(maxLen) {
			buf := make([]byte, maxLen+maxAlign+64)
			for _, d := range byteDialects {
				for n := 0; n <= maxLen; n++ {
					want := scalar.CountAll(text[:n], d)
					for align := 0; align < maxAlign; align++ {
						p := buf[align : align+n]
						copy(p, text)
						for _, need := range needs {
							if need != simd.NeedAll && align%16 != 0 {
								continue
							}
							got := k.Count(p, d, need).Counts()
							if masked(got, need) != masked(want, need) {
								t.Fatalf("%s %s len %d align %d need %04b:\n got %+v\nwant %+v\ninput %q", name, d, n, align, need, got, want, p)
							}
						}
					}
				}
			}
		}
	})
}

// A kernel's Partial must carry its edges right: counted between other
// chunks, the seams must come out as the reference's.
func TestKernelsEdgesMerge(t *testing.T) {
	lefts := []string{"", "a", " ", "\x01", "abc\t", "x\x01", "\n", "abcdefghij", "\tab"}
	rights := []string{"", "b", " ", "\x01", "\tz", "\x01y", "\n", "ab\rcd"}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for name, text := range corpora(200) {
			for _, d := range byteDialects {
				for n := 0; n <= 200; n += 7 {
					for _, l := range lefts {
						for _, r := range rights {
							whole := append(append([]byte(l), text[:n]...), r...)
							want := scalar.CountAll(whole, d)
							got := scalar.Count([]byte(l), d).Merge(k.Count(text[:n], d, simd.NeedAll)).Merge(scalar.Count([]byte(r), d)).Counts()
							require.Equal(t, want, got, "%s %s left %q chunk %q right %q", name, d, l, text[:n], r)
						}
					}
				}
			}
		}
	})
}

// Streaming: the same input cut at every position, each side counted by
// the kernel, merges to the whole.
func TestKernelsEverySplit(t *testing.T) {
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for name, text := range corpora(260) {
			for _, d := range byteDialects {
				want := scalar.CountAll(text, d)
				for cut := 0; cut <= len(text); cut++ {
					got := k.Count(text[:cut], d, simd.NeedAll).Merge(k.Count(text[cut:], d, simd.NeedAll)).Counts()
					require.Equal(t, want, got, "%s %s cut %d", name, d, cut)
				}
			}
		}
	})
}

// Long random inputs cut in random pieces.
func TestKernelsRandomPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for i := 0; i < 40; i++ {
			var text []byte
			if i%2 == 0 {
				text = spectest.RandomText(rng, rng.IntN(20000))
			} else {
				text = spectest.EnglishText(rng, rng.IntN(20000))
			}
			for _, d := range byteDialects {
				want := scalar.CountAll(text, d)
				require.Equal(t, want, k.Count(text, d, simd.NeedAll).Counts(), "%s whole, %d bytes", d, len(text))
				acc := scalar.Partial{}
				for pos := 0; pos < len(text); {
					n := min(rng.IntN(3000), len(text)-pos)
					acc = acc.Merge(k.Count(text[pos:pos+n], d, simd.NeedAll))
					pos += n
				}
				require.Equal(t, want, acc.Counts(), "%s pieces", d)
			}
		}
	})
}

func TestSelectAndLookup(t *testing.T) {
	_, err := simd.Lookup("no-such-kernel")
	require.ErrorContains(t, err, `unknown kernel "no-such-kernel"`)
	require.Contains(t, simd.Names(), "reference")
	prev := simd.Selected()
	defer func() { require.NoError(t, simd.Select(prev.Name)) }()
	for _, k := range simd.Available() {
		require.NoError(t, simd.Select(k.Name))
		require.Equal(t, k, simd.Selected())
		p := []byte("hello world\n")
		require.Equal(t, scalar.CountAll(p, scalar.GNUC), simd.Count(p, scalar.GNUC, simd.NeedAll).Counts())
	}
	// A kernel the build knows but this CPU lacks is an error, not a SIGILL.
	avail := map[string]bool{}
	for _, k := range simd.Available() {
		avail[k.Name] = true
	}
	for _, name := range simd.Names() {
		if !avail[name] {
			require.ErrorContains(t, simd.Select(name), "not supported by this CPU", fmt.Sprint(name))
		}
	}
}

// UTF-8 dialects go through the reference whatever the kernel.
func TestKernelsUTF8Dialects(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for i := 0; i < 200; i++ {
			text := spectest.RandomText(rng, rng.IntN(500))
			for _, d := range []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				require.Equal(t, scalar.CountAll(text, d), k.Count(text, d, simd.NeedAll).Counts())
			}
		}
	})
}
