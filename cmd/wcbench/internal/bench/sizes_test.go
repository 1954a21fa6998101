package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSelectSizes(t *testing.T) {
	type lv struct {
		level string
		bytes int
	}
	for _, tc := range []struct {
		name     string
		caches   Caches
		quick    bool
		maxBytes int
		want     []lv
		note     bool // the last size carries a "within L3" note
	}{
		{"desktop", Caches{32 * KiB, 1 * MiB, 32 * MiB}, false, GiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 512 * KiB}, {"L3", 16 * MiB}, {"mem", 128 * MiB}}, false},
		{"desktop quick drops L3, caps mem", Caches{32 * KiB, 1 * MiB, 32 * MiB}, true, 16 * MiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 512 * KiB}, {"mem", 16 * MiB}}, true},
		{"small L3: mem at least 64 MiB", Caches{48 * KiB, 1280 * KiB, 6 * MiB}, false, GiB,
			[]lv{{"L1", 24 * KiB}, {"L2", 640 * KiB}, {"L3", 5 * MiB}, {"mem", 64 * MiB}}, false},
		{"huge VM L3 capped at max bytes", Caches{48 * KiB, 2 * MiB, 480 * MiB}, false, GiB,
			[]lv{{"L1", 24 * KiB}, {"L2", 1 * MiB}, {"L3", 240 * MiB}, {"mem", GiB}}, false},
		{"unknown caches (0) take the defaults", Caches{}, false, GiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 512 * KiB}, {"L3", 4 * MiB}, {"mem", 64 * MiB}}, false},
		{"unknown caches (-1) take the defaults", Caches{-1, -1, -1}, true, 16 * MiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 512 * KiB}, {"mem", 16 * MiB}}, false},
		{"only L2 known", Caches{0, 256 * KiB, 0}, false, GiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 128 * KiB}, {"L3", 4 * MiB}, {"mem", 64 * MiB}}, false},
		{"no L3 beyond L2 (some ARM): no L3 level", Caches{64 * KiB, 4 * MiB, 4 * MiB}, false, GiB,
			[]lv{{"L1", 32 * KiB}, {"L2", 2 * MiB}, {"mem", 64 * MiB}}, false},
		{"odd sizes round down to 4 KiB", Caches{40 * KiB, 1000 * KiB, 30 * MiB}, false, GiB,
			[]lv{{"L1", 20 * KiB}, {"L2", 500 * KiB}, {"L3", 15 * MiB}, {"mem", 120 * MiB}}, false},
		{"a tiny cap collapses levels instead of repeating a size", Caches{32 * KiB, 1 * MiB, 32 * MiB}, false, 1 * MiB,
			[]lv{{"L1", 16 * KiB}, {"L2", 512 * KiB}, {"L3", 1 * MiB}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SelectSizes(tc.caches, tc.quick, tc.maxBytes)
			var lvs []lv
			for _, s := range got {
				lvs = append(lvs, lv{s.Level, s.Bytes})
			}
			assert.Equal(t, tc.want, lvs)
			for i := 1; i < len(got); i++ {
				assert.Greater(t, got[i].Bytes, got[i-1].Bytes, "sizes grow")
			}
			assert.Equal(t, tc.note, got[len(got)-1].Note != "", "note: %q", got[len(got)-1].Note)
		})
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int]string{
		100: "100 B", KiB: "1 KiB", 24 * KiB: "24 KiB", 1536 * KiB: "1.5 MiB", 480 * MiB: "480 MiB", GiB: "1 GiB", 3 * GiB / 2: "1.5 GiB",
	} {
		assert.Equal(t, want, FormatBytes(n))
	}
	assert.Equal(t, "L2 640 KiB", Size{Level: "L2", Bytes: 640 * KiB}.Label())
}
