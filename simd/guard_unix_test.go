//go:build unix

package simd_test

import (
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// guarded returns a readable page with unreadable (PROT_NONE) pages on both
// sides: a kernel that reads one byte before or after its slice faults.
func guarded(t *testing.T) []byte {
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 3*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	require.NoError(t, err)
	t.Cleanup(func() { syscall.Munmap(mem) })
	require.NoError(t, syscall.Mprotect(mem[:ps], syscall.PROT_NONE))
	require.NoError(t, syscall.Mprotect(mem[2*ps:], syscall.PROT_NONE))
	return mem[ps : 2*ps : 2*ps]
}

func TestKernelsNeverReadOutsideSlice(t *testing.T) {
	page := guarded(t)
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for name, text := range corpora(300) {
			for _, d := range byteDialects {
				for n := 0; n <= 300; n++ {
					want := scalar.CountAll(text[:n], d)
					// flush against the page after
					end := page[len(page)-n:]
					copy(end, text)
					for _, need := range needs {
						require.Equal(t, masked(want, need), masked(k.Count(end, d, need).Counts(), need), "%s %s len %d at end of page", name, d, n)
					}
					// flush against the page before
					start := page[:n:n]
					copy(start, text)
					for _, need := range needs {
						require.Equal(t, masked(want, need), masked(k.Count(start, d, need).Counts(), need), "%s %s len %d at start of page", name, d, n)
					}
				}
			}
		}
	})
}
