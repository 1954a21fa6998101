//go:build !purego

package simd

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
)

// asmKernels are this file's subjects: the amd64 rows this CPU runs.
func asmKernels(t *testing.T) []*Kernel {
	var ks []*Kernel
	for _, k := range archKernels() {
		if k.supported() {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		t.Skip("no amd64 assembly kernel runs on this CPU")
	}
	return ks
}

// shapes stresses what the harness's short inputs cannot: long runs of
// blocks with and without '\n', lines just below and above 62/64 bytes
// (the internal-lines shortcut), transparent runs across many blocks, and
// gnu-c blocks that fall back to the reference for max line length.
func shapes(rng *rand.Rand) map[string][]byte {
	lines := func(minLen, maxLen, n int) []byte {
		var b []byte
		for len(b) < n {
			l := minLen + rng.IntN(maxLen-minLen+1)
			for i := 0; i < l; i++ {
				if rng.IntN(6) == 0 {
					b = append(b, ' ')
				} else {
					b = append(b, 'a'+byte(rng.IntN(26)))
				}
			}
			b = append(b, '\n')
		}
		return b[:n]
	}
	sprinkle := func(p []byte, every int, with ...byte) []byte {
		p = bytes.Clone(p)
		for i := range p {
			if rng.IntN(every) == 0 {
				p[i] = with[rng.IntN(len(with))]
			}
		}
		return p
	}
	eng := spectest.EnglishText(rng, 70000)
	// The widest line lies inside one 64-byte block (at offsets 0, 1, 63).
	internal := lines(0, 8, 3076)
	internal[len(internal)-1] = '\n'
	internal = append(append(internal, bytes.Repeat([]byte("x"), 50)...), '\n')
	internal = append(internal, lines(0, 8, 3000)...)
	return map[string][]byte{
		"internal-max":   internal,
		"english":        eng,
		"short-lines":    lines(0, 61, 50000),
		"lines-60-66":    lines(60, 66, 50000),
		"long-lines":     lines(100, 3000, 50000),
		"one-line":       bytes.Repeat([]byte("abc def "), 9000),
		"head-longest":   append(bytes.Repeat([]byte("x"), 5000), lines(0, 30, 20000)...),
		"tail-longest":   append(lines(0, 30, 20000), bytes.Repeat([]byte("y "), 3000)...),
		"transparent":    sprinkle(eng, 3, 0x01, 0x80, 0xff, 0x00, 0x7f),
		"transp-runs":    bytes.Repeat(append(bytes.Repeat([]byte{0x80}, 150), "ab\x01 c\n"...), 200),
		"all-transp":     bytes.Repeat([]byte{0xc3}, 10000),
		"tabs":           sprinkle(eng, 50, '\t', '\r', '\f', '\v'),
		"sparse-special": sprinkle(eng, 5000, '\t', 0x01, '\r'),
		"random":         spectest.RandomText(rng, 40000),
	}
}

// The assembly kernels return exactly the reference's Summary (not only
// the same Counts) for NeedAll, and the asked-for fields for each need.
func TestAsmKernelsExactSummary(t *testing.T) {
	for _, lanes := range []bool{true, false} {
		if lanes && !avx512Lanes {
			continue
		}
		t.Run(fmt.Sprintf("lanes=%v", lanes), func(t *testing.T) {
			defer func(was bool) { avx512Lanes = was }(avx512Lanes)
			avx512Lanes = lanes
			testAsmKernelsExactSummary(t)
		})
	}
}

func testAsmKernelsExactSummary(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, k := range asmKernels(t) {
		t.Run(k.Name, func(t *testing.T) {
			for name, text := range shapes(rng) {
				for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
					for _, off := range []int{0, 1, 63} {
						for _, end := range []int{len(text), len(text) - 1, len(text) - 37} {
							p := text[off:end]
							want := scalar.Count(p, d).Sum
							require.Equal(t, want, k.count(p, d, NeedAll), "%s %s [%d:%d]", name, d, off, end)
							got := k.count(p, d, NeedLines)
							require.Equal(t, want.Lines, got.Lines, "%s %s lines", name, d)
							got = k.count(p, d, NeedLines|NeedWords)
							require.Equal(t, [3]any{want.Lines, want.Words, want.First}, [3]any{got.Lines, got.Words, got.First}, "%s %s words", name, d)
							require.Equal(t, want.Last, got.Last, "%s %s last", name, d)
						}
					}
				}
			}
		})
	}
}

func TestAsmKernelsDoNotAllocate(t *testing.T) {
	text := spectest.EnglishText(rand.New(rand.NewPCG(1, 2)), 10000)
	text = append(text, "\tx\x01y\r"...)
	for _, k := range asmKernels(t) {
		for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
			for _, need := range []Need{NeedLines, NeedLines | NeedWords, NeedAll} {
				for _, n := range []int{0, 5, 64, 100, len(text)} {
					allocs := testing.AllocsPerRun(20, func() { k.Count(text[:n], d, need) })
					require.Zero(t, allocs, "%s %s need %04b len %d", k.Name, d, need, n)
				}
			}
		}
	}
}

// firstClassGNUC's eight-byte skip must see every non-transparent byte
// value at every position.
func TestFirstClassGNUC(t *testing.T) {
	for b := 0; b < 256; b++ {
		want := scalar.GNUC.ByteUnit(byte(b)).Class
		for pos := 0; pos < 20; pos++ {
			q := bytes.Repeat([]byte{0x80}, 20)
			q[pos] = byte(b)
			require.Equal(t, want, firstClassGNUC(q), "byte %#x at %d", b, pos)
			q[19] = 'x'
			if want == scalar.Transparent && pos != 19 {
				require.Equal(t, scalar.Word, firstClassGNUC(q), "byte %#x at %d, then x", b, pos)
			}
		}
	}
}

// The gnu-c max routine hands every line that holds a byte of width other
// than 1 back to Go and resumes after it: put such a byte at every
// position of a text (so in every block, the tail, the first and last
// line) and compare the whole Summary.
func TestAsmKernelsGNUCWidthBytesEverywhere(t *testing.T) {
	text := spectest.EnglishText(rand.New(rand.NewPCG(31, 32)), 700)
	for _, k := range asmKernels(t) {
		for _, b := range []byte{'\t', '\r', '\f', '\v', 0x01, 0xe9} {
			for pos := 0; pos < len(text); pos++ {
				p := bytes.Clone(text)
				p[pos] = b
				p[(pos*7+13)%len(p)] = '\t'
				for _, q := range [][]byte{p, p[:pos+1], p[pos:]} {
					require.Equal(t, scalar.Count(q, scalar.GNUC).Sum, k.count(q, scalar.GNUC, NeedAll), "%s byte %#x at %d", k.Name, b, pos)
				}
			}
		}
	}
}

// maxASCIIAVX512Lanes counts exactly what maxASCIIAVX512 does (for a p
// that ends with '\n'): every length across the group and ring boundaries
// (512-byte groups, four slots, the last three counted after the loop),
// at every offset mod 64, on every shape.
func TestMaxASCIIAVX512Lanes(t *testing.T) {
	if !avx512Lanes {
		t.Skip("no AVX512VPOPCNTDQ")
	}
	rng := rand.New(rand.NewPCG(41, 42))
	for name, text := range shapes(rng) {
		for i := 0; i < 400; i++ {
			s := rng.IntN(64)
			e := s + rng.IntN(min(len(text)-s, 6000)+1)
			if i%4 == 0 {
				e = len(text)
			}
			p := text[s:e]
			l := bytes.LastIndexByte(p, '\n')
			if l < 0 {
				continue
			}
			p = p[:l+1]
			var want, got wordsResult
			maxASCIIAVX512(p, &want)
			maxASCIIAVX512Lanes(p, &got)
			require.Equal(t, [3]uint64{want.lines, want.words, want.max}, [3]uint64{got.lines, got.words, got.max}, "%s [%d:%d]", name, s, s+len(p))
			require.Equal(t, uint64(len(p)), got.n)
		}
	}
}

// maxGNUCAVX512Lanes counts and stops exactly where maxGNUCAVX512 does.
func TestMaxGNUCAVX512Lanes(t *testing.T) {
	if !avx512Lanes {
		t.Skip("no AVX512VPOPCNTDQ")
	}
	rng := rand.New(rand.NewPCG(43, 44))
	for name, text := range shapes(rng) {
		for i := 0; i < 400; i++ {
			s := rng.IntN(64)
			e := s + rng.IntN(min(len(text)-s, 6000)+1)
			if i%4 == 0 {
				e = len(text)
			}
			p := text[s:e]
			var want, got wordsResult
			maxGNUCAVX512(p, &want)
			maxGNUCAVX512Lanes(p, &got)
			require.Equal(t, [4]uint64{want.lines, want.words, want.max, want.n}, [4]uint64{got.lines, got.words, got.max, got.n}, "%s [%d:%d]", name, s, e)
		}
	}
}

// The one-pass ASCII counters (utf8Funcs.countASCII) stop exactly before
// the 64-byte block that holds the first byte ≥ 0x80 (the tail block
// included; with gnu-c line widths, or a byte of width other than 1) and
// count what comes before it as the byte kernel does; a high byte at
// every position of texts of several lengths, and none; texts with a
// control every few bytes, and with one tab. (1100 bytes: the avx512vbmi
// gnu-c width routine, maxGNUCAVX512Lanes, from lanesMin on.)
func TestCountASCIIStopsAtHighByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	n := 0
	for _, k := range asmKernels(t) {
		if k.utf8.countASCII == nil {
			continue
		}
		n++
		for _, size := range []int{1, 63, 64, 65, 200, 257, 1100} {
			plain := spectest.EnglishText(rng, size)
			ctrl := bytes.ReplaceAll(plain, []byte("e"), []byte("\x01")) // gnu-c transparent bytes
			tab := append([]byte(nil), plain...)
			tab[size*2/3] = '\t'
			for _, text := range [][]byte{plain, ctrl, tab} {
				for at := -1; at < size; at++ {
					p := append([]byte(nil), text...)
					want := size
					if at >= 0 {
						p[at] = 0xe9
						want = at &^ 63
					}
					for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
						for _, need := range []Need{NeedAll, NeedLines | NeedWords | NeedChars, NeedWords, NeedLines | NeedChars} {
							want := want
							if need&NeedMaxLineLength != 0 && d == scalar.GNUC {
								if c := bytes.IndexAny(p, "\x01\t"); c >= 0 {
									want = min(want, c&^63)
								}
							}
							s, m := k.utf8.countASCII(p, d, need)
							require.Equal(t, want, m, "%s %s size %d high at %d", k.Name, d, size, at)
							ref := scalar.Count(p[:m], d).Sum
							got := scalar.Partial{Dialect: d, Bytes: uint64(m), Sum: s}.Counts()
							require.Equal(t, need.Keep(scalar.Partial{Dialect: d, Bytes: uint64(m), Sum: ref}.Counts()), need.Keep(got), "%s %s size %d high at %d", k.Name, d, size, at)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no kernel with a one-pass ASCII counter on this CPU")
	}
}
