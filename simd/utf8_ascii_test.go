package simd

import (
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// asciiPrefixes are the asciiPrefix routines this CPU runs, by name.
func asciiPrefixes() map[string]func([]byte) int {
	m := map[string]func([]byte) int{"swar": asciiPrefixSWAR}
	for _, k := range available {
		if k.utf8.asciiPrefix != nil {
			m[k.Name] = k.utf8.asciiPrefix
		}
	}
	return m
}

func asciiPrefixLoop(p []byte) int {
	for i, b := range p {
		if b >= 0x80 {
			return i
		}
	}
	return len(p)
}

// Every length 0..600, a high byte (each of 0x80, 0xff) at every position
// or none, the slice flush against an unreadable page on either side.
func TestASCIIPrefix(t *testing.T) {
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 3*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	require.NoError(t, err)
	defer syscall.Munmap(mem)
	require.NoError(t, syscall.Mprotect(mem[:ps], syscall.PROT_NONE))
	require.NoError(t, syscall.Mprotect(mem[2*ps:], syscall.PROT_NONE))
	page := mem[ps : 2*ps : 2*ps]
	for name, f := range asciiPrefixes() {
		for n := 0; n <= 600; n++ {
			for _, where := range []string{"start", "end"} {
				p := page[:n:n]
				if where == "end" {
					p = page[len(page)-n:]
				}
				for i := range p {
					p[i] = byte('a' + i%26)
				}
				require.Equal(t, n, f(p), "%s len %d", name, n)
				for at := 0; at < n; at++ {
					for _, hb := range []byte{0x80, 0xff} {
						p[at] = hb
						if at+1 < n {
							p[n-1] = 0xc3 // a later high byte must not matter
						}
						require.Equal(t, asciiPrefixLoop(p), f(p), "%s len %d high at %d", name, n, at)
						require.Equal(t, at, f(p), "%s len %d high at %d", name, n, at)
						p[at], p[n-1] = byte('a'+at%26), byte('a'+(n-1)%26)
					}
				}
			}
		}
	}
}
