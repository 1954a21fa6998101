//go:build !unix

package fuzz

// guarded: no mmap/mprotect here, so no guard pages.
func guarded(data []byte, f func(where string, p []byte)) {}
