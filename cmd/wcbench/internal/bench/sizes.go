package bench

import "fmt"

const (
	KiB = 1 << 10
	MiB = 1 << 20
	GiB = 1 << 30
)

// Defaults stand in for a cache size cpuid could not report (it says 0 or
// -1 in VMs and on some ARM parts): a typical desktop core.
const (
	DefaultL1D = 32 * KiB
	DefaultL2  = 1 * MiB
	DefaultL3  = 8 * MiB
)

// Caches are the data cache sizes the buffers are chosen from, in bytes;
// 0 or less means unknown.
type Caches struct {
	L1D int `json:"l1d"`
	L2  int `json:"l2"`
	L3  int `json:"l3"`
}

// withDefaults replaces unknown sizes by the Defaults.
func (c Caches) withDefaults() Caches {
	if c.L1D <= 0 {
		c.L1D = DefaultL1D
	}
	if c.L2 <= 0 {
		c.L2 = DefaultL2
	}
	if c.L3 <= 0 {
		c.L3 = DefaultL3
	}
	return c
}

// Size is one buffer size the matrix is measured at. Level names the
// memory level it is meant to live in: L1, L2, L3, or mem (beyond L3).
type Size struct {
	Level string `json:"level"`
	Bytes int    `json:"bytes"`
	// Note says when a size does not do what its level promises (a
	// "mem" buffer capped below the L3 size).
	Note string `json:"note,omitempty"`
}

// Label is the level and size, as the table prints it.
func (s Size) Label() string { return s.Level + " " + FormatBytes(s.Bytes) }

// SelectSizes picks one buffer per memory level from the caches: half of
// L1D, half of L2 (at least 4×L1D so it is out of L1), half of L3 (at
// least 4×L2) and 4×L3 (at least 64 MiB) for memory. Sizes are capped at
// maxBytes (the memory one is what the cap is for; a huge L3 in a VM
// would otherwise ask for gigabytes). quick drops the L3 level, which
// costs the most and tells the least.
func SelectSizes(c Caches, quick bool, maxBytes int) []Size {
	c = c.withDefaults()
	var sizes []Size
	add := func(level string, n int) {
		n = min(n, maxBytes)
		n = roundDown(n)
		if len(sizes) > 0 && n <= sizes[len(sizes)-1].Bytes {
			return // the cap collapsed this level onto the one below
		}
		sizes = append(sizes, Size{Level: level, Bytes: n})
	}
	add("L1", c.L1D/2)
	add("L2", max(c.L2/2, 4*c.L1D))
	if !quick && c.L3 > c.L2 {
		add("L3", max(c.L3/2, 4*c.L2))
	}
	add("mem", max(4*c.L3, 64*MiB))
	if last := &sizes[len(sizes)-1]; last.Level == "mem" && last.Bytes <= c.L3 {
		last.Note = fmt.Sprintf("capped at %s, within L3 (%s): raise -max-bytes to measure memory", FormatBytes(maxBytes), FormatBytes(c.L3))
	}
	return sizes
}

// roundDown rounds n down to a multiple of 4 KiB (1 KiB below 16 KiB),
// so sizes print as whole units.
func roundDown(n int) int {
	unit := 4 * KiB
	if n < 16*KiB {
		unit = KiB
	}
	if n < unit {
		return max(n, 1)
	}
	return n / unit * unit
}

// FormatBytes prints n in the largest binary unit that keeps it at least
// 1, with at most one decimal.
func FormatBytes(n int) string {
	switch {
	case n >= GiB:
		return trimUnit(float64(n)/GiB, "GiB")
	case n >= MiB:
		return trimUnit(float64(n)/MiB, "MiB")
	case n >= KiB:
		return trimUnit(float64(n)/KiB, "KiB")
	}
	return fmt.Sprintf("%d B", n)
}

func trimUnit(v float64, unit string) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), unit)
	}
	return fmt.Sprintf("%.1f %s", v, unit)
}
