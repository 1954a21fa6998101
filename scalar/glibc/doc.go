// Package glibc holds glibc's own character classification for the C.UTF-8
// locale: iswprint, iswspace and wcwidth of every code point, as GNU wc 9.1
// sees them on Debian 12 (glibc 2.36, Unicode 14).
//
// The table in table.go is generated from the real glibc, never written by
// hand and never derived from Go's unicode package (Unicode 15, whose data
// and East Asian widths differ from glibc's in places: glibc gives U+00AD
// width 1 and the Hangul jamo U+1160..U+11FF width 0, and calls U+2028 and
// U+2029 spaces that are not printable). To regenerate it (needs cc and the
// C.UTF-8 locale):
//
//	go generate ./scalar/glibc/
package glibc

//go:generate go run ./internal/gen/gen.go -o table.go
