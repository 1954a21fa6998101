//go:build unix

package fuzz

import (
	"sync"
	"syscall"
)

// guardPage is one readable page between two PROT_NONE pages: a kernel
// that reads a byte before or after its slice faults, and the fuzzer
// keeps the input that made it.
var guardPage = sync.OnceValue(func() []byte {
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 3*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	if syscall.Mprotect(mem[:ps], syscall.PROT_NONE) != nil || syscall.Mprotect(mem[2*ps:], syscall.PROT_NONE) != nil {
		return nil
	}
	return mem[ps : 2*ps : 2*ps]
})

// guarded calls f with data copied flush against the guard after the page
// and then flush against the one before it. Inputs longer than a page, and
// systems without mmap, are skipped. The fuzz function never runs
// concurrently with itself in one process, so one page serves all calls.
func guarded(data []byte, f func(where string, p []byte)) {
	page := guardPage()
	if page == nil || len(data) > len(page) {
		return
	}
	end := page[len(page)-len(data):]
	copy(end, data)
	f("flush against the guard page after it", end)
	start := page[:len(data):len(data)]
	copy(start, data)
	f("flush against the guard page before it", start)
}
