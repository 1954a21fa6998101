package simd_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// One set of English-like buffers for every benchmark, so that ratios
// between sub-benchmarks of the same size compare like with like:
//
//	go test ./simd/ -run '^$' -bench 'Kernels' -benchtime 20x -count 5
//
// Names are Kernels/SIZE/KERNEL/DIALECT/NEED plus the baselines
// Kernels/SIZE/bytes.Count and Kernels/SIZE/memread (bytes.IndexByte of a
// byte that is absent: the cost of reading the buffer once).
var benchSizes = []struct {
	name string
	n    int
}{
	{"4KiB", 4 << 10},
	{"256KiB", 256 << 10},
	{"64MiB", 64 << 20},
}

var (
	benchOnce sync.Once
	benchText []byte // 64 MiB, made on first use
)

func benchBuf(n int) []byte {
	benchOnce.Do(func() {
		benchText = spectest.EnglishText(rand.New(rand.NewPCG(2024, 7)), 64<<20)
	})
	return benchText[:n]
}

var benchNeeds = []struct {
	name string
	need simd.Need
}{
	{"lines+words+bytes", simd.NeedLines | simd.NeedWords},
	{"all", simd.NeedAll},
	{"lines", simd.NeedLines},
}

var sink uint64

func BenchmarkKernels(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			p := benchBuf(size.n)
			b.Run("memread", func(b *testing.B) {
				b.SetBytes(int64(len(p)))
				b.ReportAllocs()
				for b.Loop() {
					sink += uint64(bytes.IndexByte(p, 0xff) + 1)
				}
			})
			b.Run("bytes.Count", func(b *testing.B) {
				b.SetBytes(int64(len(p)))
				b.ReportAllocs()
				for b.Loop() {
					sink += uint64(bytes.Count(p, []byte{'\n'}))
				}
			})
			for _, k := range simd.Available() {
				for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
					for _, need := range benchNeeds {
						b.Run(fmt.Sprintf("%s/%s/%s", k.Name, d, need.name), func(b *testing.B) {
							if k.Name == "reference" && (need.need != simd.NeedAll || size.n > 256<<10) {
								// It ignores need, and takes seconds per 64 MiB.
								b.Skip("reference: NeedAll at 4KiB and 256KiB only")
							}
							b.SetBytes(int64(len(p)))
							b.ReportAllocs()
							for b.Loop() {
								sink += k.Count(p, d, need.need).Bytes
							}
						})
					}
				}
			}
		})
	}
}

// Small inputs, where call and tail overhead dominate: every kernel
// against the reference on the same bytes.
func BenchmarkKernelsSmall(b *testing.B) {
	text := spectest.EnglishText(rand.New(rand.NewPCG(2024, 8)), 64)
	for _, n := range []int{1, 8, 16, 32, 63, 64} {
		p := text[:n]
		for _, k := range simd.Available() {
			for _, d := range []scalar.Dialect{scalar.ASCII, scalar.GNUC} {
				b.Run(fmt.Sprintf("%dB/%s/%s/all", n, k.Name, d), func(b *testing.B) {
					b.SetBytes(int64(n))
					b.ReportAllocs()
					for b.Loop() {
						sink += k.Count(p, d, simd.NeedAll).Bytes
					}
				})
			}
		}
	}
}
