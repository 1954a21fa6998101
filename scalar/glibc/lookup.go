package glibc

// Props of one code point under glibc's C.UTF-8.
//
// Bit 0 is iswprint, bit 1 iswspace, bits 2-3 the wcwidth of a printable
// code point (0, 1 or 2; 0 for non-printable ones, whose wcwidth is -1).
type Props uint8

const (
	propPrint      = 1 << 0
	propSpace      = 1 << 1
	propWidthShift = 2
	propWidthMask  = 3 << propWidthShift
)

// MaxRune is the largest code point the table covers; Lookup reports
// anything above it as not printable, not space, width 0.
const MaxRune = 0x10FFFF

// Print reports glibc's iswprint.
func (p Props) Print() bool { return p&propPrint != 0 }

// Space reports glibc's iswspace. It may be true for a non-printable code
// point (U+2028, U+2029, the ASCII controls TAB..CR).
func (p Props) Space() bool { return p&propSpace != 0 }

// Width is glibc's wcwidth for a printable code point (0, 1 or 2) and 0 when
// !Print() (where wcwidth is -1, or 0 for NUL).
func (p Props) Width() int { return int(p&propWidthMask) >> propWidthShift }

// rng starts a run of code points with equal Props; the run extends to the
// next rng's lo.
type rng struct {
	lo uint32
	p  Props
}

// latin1 is Lookup for U+0000..U+00FF, built from ranges.
var latin1 = func() (t [256]Props) {
	j := 0
	for cp := range t {
		for j+1 < len(ranges) && ranges[j+1].lo <= uint32(cp) {
			j++
		}
		t[cp] = ranges[j].p
	}
	return t
}()

// Lookup returns the Props of code point cp under glibc's C.UTF-8. A cp
// above U+10FFFF (which glibc's mbrtowc still decodes) is not printable,
// not space and has width 0.
func Lookup(cp uint32) Props {
	if cp < uint32(len(latin1)) {
		return latin1[cp]
	}
	if cp > MaxRune {
		return 0
	}
	// Find the last range with lo <= cp. ranges[0].lo is 0, so it exists.
	lo, hi := 0, len(ranges)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if ranges[m].lo <= cp {
			lo = m
		} else {
			hi = m
		}
	}
	return ranges[lo].p
}

// GlibcVersion returns gnu_get_libc_version() of the glibc the table was
// generated from, e.g. "2.36".
func GlibcVersion() string { return glibcVersion }

// Runs yields the maximal runs of code points with equal Props, in order:
// each run starts at lo and extends to the next run's lo (the last one to
// MaxRune). For building faster tables; Lookup is the definition.
func Runs(yield func(lo uint32, p Props) bool) {
	for _, r := range ranges {
		if !yield(r.lo, r.p) {
			return
		}
	}
}
